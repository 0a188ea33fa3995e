"""Alembic environment: runs migrations on the async engine of the app's settings."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection

from gwella.core.config import get_settings
from gwella.core.database import Base, create_engine
from gwella.models import load_all_models

load_all_models()
target_metadata = Base.metadata
config = context.config


def _url() -> str:
    return str(config.attributes.get("database_url") or get_settings().database_url)


# Several API replicas start at once and each runs `gwella migrate`: on PostgreSQL they take
# turns under this session-level advisory lock (the second finds the schema at head and has
# nothing to do). SQLite has one writer, and one machine, anyway.
MIGRATION_LOCK = 0x6777656C6C61  # "gwella"


def _run(connection: Connection) -> None:
    locking = connection.dialect.name == "postgresql"
    if locking:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        connection.commit()  # the lock is the session's: it outlives this transaction
    try:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    finally:
        if locking:
            connection.rollback()  # (a failed migration leaves its transaction to end first)
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
            connection.commit()


async def _run_async() -> None:
    engine = create_engine(_url())
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
    finally:
        await engine.dispose()


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
    else:
        asyncio.run(_run_async())
