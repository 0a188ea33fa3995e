"""Configuration: safe refusals in production, and .env.example documents every setting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from gwella.core.config import Environment, Settings

ROOT = Path(__file__).resolve().parents[1]


def test_production_refuses_the_development_secret() -> None:
    with pytest.raises(ValidationError, match="GWELLA_SECRET_KEY"):
        Settings(
            env=Environment.production,
            database_url="postgresql+asyncpg://db/gwella",
            secret_key="development-only-secret-change-me",
            public_url="https://gwella.example.org",
        )


def test_production_refuses_a_short_secret() -> None:
    with pytest.raises(ValidationError, match="32"):
        Settings(
            env=Environment.production,
            database_url="postgresql+asyncpg://db/gwella",
            secret_key="short",
            public_url="https://gwella.example.org",
        )


def test_production_refuses_sqlite() -> None:
    with pytest.raises(ValidationError, match="PostgreSQL"):
        Settings(
            env=Environment.production,
            database_url="sqlite+aiosqlite:///x.db",
            secret_key="x" * 40,
            public_url="https://gwella.example.org",
        )


def test_production_accepts_a_real_configuration() -> None:
    s = Settings(
        env=Environment.production,
        database_url="postgresql+asyncpg://db/gwella",
        secret_key="x" * 40,
        public_url="https://gwella.example.org",
    )
    assert not s.is_sqlite


def test_env_example_documents_every_setting() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", text, flags=re.MULTILINE))
    expected = {"DATABASE_URL"} | {
        f"GWELLA_{name.upper()}" for name in Settings.model_fields if name != "database_url"
    }
    assert expected - documented == set(), "add these to .env.example"
    assert documented - expected - {"HOST", "PORT"} == set(), "stale entries in .env.example"
