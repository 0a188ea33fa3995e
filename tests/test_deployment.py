"""docker-compose.yml and the Dockerfile cannot run here; at least prove their shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return data


def test_compose_has_postgres_and_the_api_with_healthchecks() -> None:
    services = _compose()["services"]
    assert set(services) == {"postgres", "api", "worker"}
    for name in ("postgres", "api", "worker"):
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
    assert "readyz" in " ".join(api["healthcheck"]["test"])


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
