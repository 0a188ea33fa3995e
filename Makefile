# Gwella: the two commands are `make run` and `make test`; everything else is optional.
# Each target installs what it is missing (virtual environment, npm packages, Chromium).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

FRONTEND := frontend
NPM := npm --prefix $(FRONTEND)
FRONTEND_SOURCES := $(shell find $(FRONTEND)/src $(FRONTEND)/public $(FRONTEND)/index.html $(FRONTEND)/vite.config.* -type f 2>/dev/null)

.PHONY: help run test lint typecheck pytest frontend frontend-test e2e openapi dev clean audit bench

help:
	@echo "make run      install what is missing, migrate, load demo data, serve on http://$(HOST):$(PORT)"
	@echo "make test     install what is missing, then lint, types, and every test (API, SPA, browser)"
	@echo "make openapi  regenerate openapi/openapi.json and the SPA's generated API types"
	@echo "make dev      API on :$(PORT) and the Vite dev server with a proxy (front-end work)"
	@echo "make bench    the benchmarks on PostgreSQL (BENCH_DATABASE_URL; see bench/README.md)"

# --------------------------------------------------------------------------- installation

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# What running needs (`make run`, `make dev`, `make openapi`): the runtime pins only, so the
# first `make run` is quick. The checks (`make test` and its parts) add the dev pins on top.
$(VENV)/.runtime-installed: $(BIN)/python requirements/base.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements/base.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@

$(VENV)/.installed: $(VENV)/.runtime-installed requirements/dev.txt
	$(BIN)/pip install --quiet -r requirements/dev.txt
	@touch $@

$(FRONTEND)/node_modules/.installed: $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	$(NPM) ci --no-audit --no-fund
	@touch $@

$(FRONTEND)/dist/index.html: $(FRONTEND)/node_modules/.installed $(FRONTEND_SOURCES) $(FRONTEND)/src/api/schema.d.ts
	$(NPM) run build

frontend: $(FRONTEND)/dist/index.html

chromium:
	bash $(FRONTEND)/scripts/ensure-chromium.sh

# ------------------------------------------------------------------------------- running

run: $(VENV)/.runtime-installed frontend
	$(BIN)/gwella migrate
	$(BIN)/gwella load-demo
	$(BIN)/gwella serve --host $(HOST) --port $(PORT)

# People use the pages Vite serves (:5173, proxying the API): links and QR codes say so,
# unless GWELLA_PUBLIC_URL says otherwise.
dev: $(VENV)/.runtime-installed $(FRONTEND)/node_modules/.installed
	$(BIN)/gwella migrate
	$(BIN)/gwella load-demo
	export GWELLA_PUBLIC_URL="$${GWELLA_PUBLIC_URL:-http://127.0.0.1:5173}"; \
	trap 'kill 0' EXIT; $(BIN)/gwella serve --host 127.0.0.1 --port $(PORT) & $(NPM) run dev

openapi: $(VENV)/.runtime-installed $(FRONTEND)/node_modules/.installed
	$(BIN)/gwella openapi
	$(NPM) run gen:api

# --------------------------------------------------------------------------------- checks

test: lint typecheck pytest frontend-test e2e
	@echo "make test: every check passed"

lint: $(VENV)/.installed
	$(BIN)/ruff check backend tests migrations examples bench
	$(BIN)/ruff format --check backend tests migrations examples bench
	PYTHONPATH=backend $(BIN)/lint-imports --no-cache

typecheck: $(VENV)/.installed
	$(BIN)/mypy

# Two processes (pytest-xdist) on the two cores CI has; PYTEST_WORKERS=0 runs in this one.
PYTEST_WORKERS ?= 2
pytest: $(VENV)/.installed $(FRONTEND)/node_modules/.installed  # the generated-client test runs openapi-typescript and tsc
	$(BIN)/pytest -n $(PYTEST_WORKERS)

frontend-test: $(FRONTEND)/node_modules/.installed
	$(NPM) run check:api
	$(NPM) run lint
	$(NPM) test

e2e: $(VENV)/.installed frontend chromium
	$(NPM) run e2e

# ------------------------------------------------------------------------ advisories
# Known vulnerabilities in the pinned Python requirements (pip-audit) and the SPA's lock file
# (npm audit). Not part of `make test` or CI: it asks advisory services on the network.
audit: $(VENV)/.installed $(FRONTEND)/node_modules/.installed
	@status=0; \
	echo "== pip-audit: requirements/base.txt and requirements/dev.txt (exact pins, no resolution)"; \
	$(BIN)/pip-audit --progress-spinner off --strict --no-deps --disable-pip \
		-r requirements/base.txt -r requirements/dev.txt || status=1; \
	echo "== npm audit: $(FRONTEND)/package-lock.json"; \
	$(NPM) audit || status=1; \
	exit $$status

# ---------------------------------------------------------------------------- benchmarks
# The five benchmarks of bench/README.md on PostgreSQL, at full size (about 20 minutes on two
# cores). BENCH_DATABASE_URL names a database that is created if missing and DROPPED AND
# REBUILT; results go to bench/results/. `make test` runs them at a tiny size instead.
BENCH_DATABASE_URL ?= postgresql+asyncpg://postgres@127.0.0.1/gwella_bench
bench: $(VENV)/.installed
	$(BIN)/python -m bench --scale full --database-url "$(BENCH_DATABASE_URL)"

clean:
	rm -rf $(VENV) $(FRONTEND)/node_modules $(FRONTEND)/dist var .mypy_cache .ruff_cache .pytest_cache
