"""Migrations are the only way the schema is made; the models and migrations agree."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from alembic import command

from gwella.cli import alembic_config
from tests.conftest import make_settings


async def test_models_and_migrations_agree(template_url: str) -> None:
    # `alembic check` fails when autogenerate would find anything to change.
    await asyncio.to_thread(command.check, alembic_config(make_settings(template_url)))


async def test_downgrade_to_base_and_upgrade_again(
    backend: str, template_url: str, tmp_path: Path
) -> None:
    if backend != "sqlite":
        return  # PostgreSQL's copy is shared by the session; SQLite proves the round trip
    copy = tmp_path / "roundtrip.db"
    shutil.copyfile(template_url.split("///", 1)[1], copy)
    config = alembic_config(make_settings(f"sqlite+aiosqlite:///{copy}"))
    await asyncio.to_thread(command.downgrade, config, "base")
    await asyncio.to_thread(command.upgrade, config, "head")
    await asyncio.to_thread(command.check, config)
