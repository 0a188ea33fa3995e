"""docker-compose.yml and the Dockerfile cannot run here; at least prove their shape."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
MAKEFILE = ROOT / "Makefile"


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return data


def test_compose_has_postgres_and_the_api_with_healthchecks() -> None:
    services = _compose()["services"]
    assert set(services) == {"postgres", "proxy", "api", "worker"}
    for name in ("postgres", "proxy", "api", "worker"):
        check = services[name]["healthcheck"]
        assert check["test"]
        assert check["interval"]
        assert check["retries"] >= 3
    assert services["postgres"]["image"].startswith("postgres:15")
    assert "postgres-data:/var/lib/postgresql/data" in services["postgres"]["volumes"]


def test_api_waits_for_a_healthy_database_and_runs_in_production_mode() -> None:
    api = _compose()["services"]["api"]
    assert api["depends_on"]["postgres"]["condition"] == "service_healthy"
    env = api["environment"]
    assert env["GWELLA_ENV"] == "production"
    assert env["DATABASE_URL"].startswith("postgresql+asyncpg://")
    assert env["DATABASE_URL"].endswith("@postgres:5432/gwella")
    assert ":?" in env["GWELLA_SECRET_KEY"], "the secret must be required, never defaulted"
    # Links and QR codes are made from it: a default would print dead links on posters.
    for service in ("api", "worker"):
        public_url = _compose()["services"][service]["environment"]["GWELLA_PUBLIC_URL"]
        assert public_url.startswith("${GWELLA_PUBLIC_URL:?"), "required, never defaulted"
    assert "readyz" in " ".join(api["healthcheck"]["test"])


def test_api_replicas_scale_behind_the_proxy() -> None:
    """`docker compose up --scale api=N`: no replica claims a host port (N would clash); the
    proxy alone publishes 8000 and spreads requests over every replica Docker's DNS names,
    passing the live streams unbuffered; the API counts that one proxy in X-Forwarded-For."""
    services = _compose()["services"]
    api, proxy = services["api"], services["proxy"]
    assert "ports" not in api
    assert api["expose"] == ["8000"]
    assert proxy["ports"] == ["127.0.0.1:8000:8000"]
    assert proxy["image"].startswith("caddy:2.")
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert re.search(r"dynamic a api 8000", caddyfile)
    assert "flush_interval -1" in caddyfile
    assert api["environment"]["GWELLA_TRUST_PROXY_HEADERS"] == "true"
    assert api["environment"]["GWELLA_TRUSTED_PROXY_COUNT"] == "1"
    # Replicas migrate as they start; they take turns (tests/test_migrations.py).
    assert "MIGRATION_LOCK" in (ROOT / "migrations" / "env.py").read_text()


def test_dockerfile_migrates_on_start_and_drops_root() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert "gwella migrate" in text
    assert "\nUSER gwella" in text
    assert "HEALTHCHECK" in text
    assert "/readyz" in text
    assert "requirements/base.txt" in text, "the image installs the pinned lock"
    assert "npm ci" in text, "the SPA is built from the lock file"


def test_a_worker_delivers_webhooks_and_imports_beside_the_api() -> None:
    services = _compose()["services"]
    worker, api = services["worker"], services["api"]
    assert worker["command"] == ["gwella", "worker"]
    assert api["environment"]["GWELLA_RUN_WORKER"] == "false"
    assert worker["environment"]["DATABASE_URL"] == api["environment"]["DATABASE_URL"]
    # Uploads are written by the API and read by the worker: one shared volume.
    assert "imports:/var/lib/gwella/imports" in api["volumes"]
    assert "imports:/var/lib/gwella/imports" in worker["volumes"]


def _pins(name: str) -> set[str]:
    names = set()
    for line in (ROOT / "requirements" / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.add(re.split(r"[=<>\[ ;]", line, maxsplit=1)[0].lower().replace("_", "-"))
    return names


def _imported_top_level(package: Path) -> set[str]:
    found = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


def test_the_service_runs_on_the_runtime_pins_alone() -> None:
    """`make run` installs only requirements/base.txt (the first run is quick; the tools and
    tests of dev.txt come with `make test`), as the image does: so every package the service
    imports must be pinned there, not only in dev.txt."""
    base = _pins("base.txt")
    distributions = packages_distributions()
    missing = {}
    for module in _imported_top_level(ROOT / "backend" / "gwella") - {"gwella"}:
        if module in sys.stdlib_module_names:
            continue
        owners = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
        if not owners & base:
            missing[module] = owners
    assert missing == {}, "imported by the service but not in requirements/base.txt"


def test_make_run_installs_the_runtime_pins_and_make_test_the_dev_ones() -> None:
    rules = {}
    for match in re.finditer(
        r"^([^\s:#][^:=]*):([^=\n]*)\n((?:\t.*\n)*)", MAKEFILE.read_text(), re.M
    ):
        rules[match.group(1).strip()] = (match.group(2).split(), match.group(3))
    runtime_prereqs, runtime_recipe = rules["$(VENV)/.runtime-installed"]
    assert "requirements/base.txt" in runtime_recipe
    assert "dev.txt" not in runtime_recipe + " ".join(runtime_prereqs)
    dev_prereqs, dev_recipe = rules["$(VENV)/.installed"]
    assert "$(VENV)/.runtime-installed" in dev_prereqs
    assert "requirements/dev.txt" in dev_recipe
    for target in ("run", "dev"):
        assert "$(VENV)/.runtime-installed" in rules[target][0]
        assert "$(VENV)/.installed" not in rules[target][0]
    for target in ("lint", "typecheck", "pytest", "e2e"):  # the parts of `make test`
        assert "$(VENV)/.installed" in rules[target][0]


def test_make_dev_links_to_the_pages_vite_serves() -> None:
    """In `make dev` people use Vite's pages (:5173), not the API's port: links go there, and
    Vite passes /api/ and /fhir/ on to the API."""
    dev = re.search(r"^dev:.*\n((?:\t.*\n)*)", MAKEFILE.read_text(), re.M)
    assert dev is not None
    assert 'GWELLA_PUBLIC_URL="$${GWELLA_PUBLIC_URL:-http://127.0.0.1:5173}"' in dev.group(1)
    vite = (ROOT / "frontend" / "vite.config.ts").read_text()
    assert "port: 5173" in vite
    assert "strictPort: true" in vite
    for prefix in ("'/api/'", "'/fhir/'"):
        assert f"{prefix}: {{ target: backend" in vite
