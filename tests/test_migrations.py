"""Migrations are the only way the schema is made; the models and migrations agree."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from gwella.cli import alembic_config
from gwella.core.database import create_engine
from tests.conftest import PG_URL, _create_database, make_settings

ROOT = Path(__file__).resolve().parents[1]


async def test_models_and_migrations_agree(template_url: str) -> None:
    # `alembic check` fails when autogenerate would find anything to change.
    await asyncio.to_thread(command.check, alembic_config(make_settings(template_url)))


async def test_downgrade_to_base_and_upgrade_again(
    backend: str, template_url: str, tmp_path: Path
) -> None:
    if backend != "sqlite":
        pytest.skip("PostgreSQL's database is shared by the session; SQLite proves the round trip")
    copy = tmp_path / "roundtrip.db"
    shutil.copyfile(template_url.split("///", 1)[1], copy)
    config = alembic_config(make_settings(f"sqlite+aiosqlite:///{copy}"))
    await asyncio.to_thread(command.downgrade, config, "base")
    await asyncio.to_thread(command.upgrade, config, "head")
    await asyncio.to_thread(command.check, config)


async def test_the_disclosure_migration_rebuilds_results_from_new_record_keys(
    backend: str, client: Any, session: Any, database_url: str
) -> None:
    """Record keys are new to responses stored before the disclosure-control migration, so
    the cells' key sums must follow them: `gwella migrate` rebuilds every campaign's results
    after that migration (a task the migration leaves)."""
    if backend != "sqlite":
        pytest.skip("the round trip of a shared PostgreSQL database is not this test's")
    from sqlalchemy import func, select

    from gwella.cli import migrate
    from gwella.core.maintenance import MaintenanceTask
    from gwella.responses.models import Response
    from gwella.results.models import ResultCell
    from tests.factories import make_org, make_service
    from tests.surveys import answer_publicly, make_campaign, make_published_version

    org = await make_org(session)
    service = await make_service(session, org)
    version = await make_published_version(session, org)
    campaign, links = await make_campaign(session, version, [service])
    await answer_publicly(client, links[service.id].public_token, times=5)
    campaign_id = campaign.id
    settings = make_settings(database_url)
    config = alembic_config(settings)
    await asyncio.to_thread(command.downgrade, config, "9c4e2a7d1b38")
    await asyncio.to_thread(migrate, settings)
    session.expire_all()
    assert await session.scalar(select(func.count()).select_from(MaintenanceTask)) == 0
    keys = await session.scalar(
        select(func.sum(Response.record_key)).where(Response.campaign_id == campaign_id)
    )
    cell = await session.scalar(
        select(ResultCell.key_sum).where(
            ResultCell.campaign_id == campaign_id,
            ResultCell.question_key == "__responses__",
            ResultCell.period == "all",
        )
    )
    assert cell == keys


async def test_replicas_starting_together_migrate_in_turn(tmp_path: Path) -> None:
    """Every API replica runs `gwella migrate` as it starts: started together on an empty
    PostgreSQL database, they take turns (an advisory lock) instead of racing to create the
    same tables, and all of them start."""
    if not PG_URL:
        pytest.skip("PostgreSQL only (TEST_DATABASE_URL)")
    name = f"gwella_replicas_{uuid.uuid4().hex[:8]}"
    url = urlunsplit(urlsplit(PG_URL)._replace(path=f"/{name}"))
    await _create_database(url)
    env = {**os.environ, "DATABASE_URL": url, "GWELLA_ENV": "development"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "backend"), env.get("PYTHONPATH", "")])
    try:
        replicas = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "gwella",
                "migrate",
                env=env,
                cwd=ROOT,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
            )
            for _ in range(2)
        ]
        outputs = await asyncio.gather(*(p.communicate() for p in replicas))
        for p, (out, _) in zip(replicas, outputs, strict=True):
            assert p.returncode == 0, out.decode()[-2000:]
        engine = create_engine(url)
        try:
            async with engine.connect() as conn:
                head = await conn.scalar(text("SELECT version_num FROM alembic_version"))
        finally:
            await engine.dispose()
        assert (
            head
            == ScriptDirectory.from_config(alembic_config(make_settings(url))).get_current_head()
        )
    finally:
        server = create_engine(
            urlunsplit(urlsplit(url)._replace(path="/postgres")), isolation_level="AUTOCOMMIT"
        )
        async with server.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await server.dispose()
