"""Test fixtures: a real database (SQLite always, PostgreSQL when TEST_DATABASE_URL is set)
migrated to head with Alembic, the real app behind httpx's ASGI transport, real sign-in.

Every test runs once per database backend. Isolation: on SQLite each test gets a fresh copy
of a migrated template file; on PostgreSQL every table is truncated after each test.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

# The process-wide settings (used for hashing outside a request) match the tests' own.
os.environ.update(
    {
        "GWELLA_ENV": "test",
        "GWELLA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "GWELLA_ARGON2_TIME_COST": "1",
        "GWELLA_ARGON2_MEMORY_COST_KIB": "1024",
        "GWELLA_MAIL_BACKEND": "memory",
    }
)

from gwella.cli import migrate
from gwella.core.config import Environment, Settings
from gwella.core.database import Base, create_engine
from gwella.core.mail import MemoryMailSender
from gwella.main import create_app
from gwella.models import load_all_models

load_all_models()


def _worker_database(url: str | None) -> str | None:
    """Under pytest-xdist (``make test`` runs two workers) each worker has a PostgreSQL
    database of its own, named after TEST_DATABASE_URL's with the worker's id appended: the
    suite truncates every table after each test, which two workers must not do to each other."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"{parts.path}_{worker}"))


PG_URL = _worker_database(os.environ.get("TEST_DATABASE_URL"))
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def make_settings(database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "env": Environment.test,
        "database_url": database_url,
        "secret_key": "test-secret-key-that-is-long-enough-0123456789",
        "argon2_time_cost": 1,
        "argon2_memory_cost_kib": 1024,
        "mail_backend": "memory",
        "log_format": "json",
        "public_url": "http://gwella.test",
        # Every test client answers from one address: bursts are tested on their own.
        "public_burst_max": 10_000,
        # Webhook tests deliver to receivers on 127.0.0.1 (refused by default outside
        # development): tests/webhooks/test_destinations.py turns this off again.
        "webhook_allow_private": True,
    }
    values.update(overrides)
    return Settings(**values)


async def _create_database(url: str) -> None:
    """Create the worker's database on the server unless it is there (a worker reuses it on
    the next run, as the single-process suite reuses TEST_DATABASE_URL's)."""
    name = urlsplit(url).path.lstrip("/")
    server = create_engine(
        urlunsplit(urlsplit(url)._replace(path="/postgres")), isolation_level="AUTOCOMMIT"
    )
    try:
        async with server.connect() as conn:
            found = await conn.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            )
            if not found:
                await conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await server.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
async def template_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database migrated to head once per session, with Alembic (never create_all)."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("template") / "template.db"
        url = f"sqlite+aiosqlite:///{path}"
    else:
        assert PG_URL is not None
        url = PG_URL
        if os.environ.get("PYTEST_XDIST_WORKER"):
            await _create_database(url)
        engine = create_engine(url)
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await engine.dispose()
    await asyncio.to_thread(migrate, make_settings(url))
    return url


@pytest.fixture
async def database_url(backend: str, template_url: str, tmp_path: Path) -> AsyncIterator[str]:
    if backend == "sqlite":
        source = Path(template_url.split("///", 1)[1])
        target = tmp_path / "test.db"
        shutil.copyfile(source, target)
        yield f"sqlite+aiosqlite:///{target}"
        return
    yield template_url
    engine = create_engine(template_url)
    # The migrations' own rows stay, as on any real database (the one generation row).
    kept = {"auth_generation"}
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables if t.name not in kept)
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    await engine.dispose()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


@pytest.fixture
def mail() -> MemoryMailSender:
    return MemoryMailSender()


@pytest.fixture
async def app(settings: Settings, mail: MemoryMailSender) -> AsyncIterator[Any]:
    application = create_app(settings, mail=mail)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://gwella.test") as c:
        yield c


@pytest.fixture
def sessionmaker(app: Any) -> async_sessionmaker[AsyncSession]:
    maker: async_sessionmaker[AsyncSession] = app.state.sessionmaker
    return maker


@pytest.fixture
async def session(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session for arranging data directly; commit what you make."""
    async with sessionmaker() as s:
        yield s
