"""The settled bound of a change feed on PostgreSQL is set by the writers of Gwella's own
database only: a transaction left open in another database of the same server (another
application on a shared managed server, another test database) must not hold the feed back,
while one in Gwella's database still does (that is what keeps a feed from skipping). When
the server will not show its sessions, the bound falls back to the whole cluster's, never
past a writer it cannot see."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from gwella.core import changes
from gwella.core.database import create_engine
from tests.sync.test_response_sync import arrange, drain, item, poll_until, push

XACT_ID = text("SELECT pg_current_xact_id()::text::bigint")


@pytest.fixture
async def elsewhere(backend: str, database_url: str) -> AsyncIterator[AsyncConnection]:
    """A connection to another database of the same server (``postgres``)."""
    if backend != "postgresql":
        pytest.skip("transaction ids and other databases are PostgreSQL's")
    url = make_url(database_url).set(database="postgres")
    engine = create_engine(url.render_as_string(hide_password=False))
    try:
        async with engine.connect() as conn:
            yield conn
            await conn.rollback()
    finally:
        await engine.dispose()


async def test_a_writer_in_another_database_does_not_hold_the_feed_back_one_in_ours_does(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    elsewhere: AsyncConnection,
) -> None:
    w = await arrange(client, session)
    # Both open a transaction and take a transaction id, as any writer does, and stay open.
    foreign = await elsewhere.scalar(XACT_ID)
    async with sessionmaker() as ours:
        await ours.scalar(XACT_ID)
        await push(client, w, [item(1)])
        # A writer of Gwella's database in flight holds the feed back: it might still write
        # a change with a smaller mark than the push's.
        held, cursor = await drain(client, w["headers"], None)
        assert held == []
        await ours.commit()
    # The other database's transaction, older than the push, is still open: it does not.
    seen, _ = await poll_until(client, w["headers"], cursor, {"PAS-1"})
    assert [i["external_id"] for i in seen] == ["PAS-1"]
    assert await elsewhere.scalar(XACT_ID) == foreign  # still the same open transaction


async def test_without_sight_of_the_sessions_the_bound_falls_back_to_the_clusters(
    sessionmaker: async_sessionmaker[AsyncSession], elsewhere: AsyncConnection
) -> None:
    foreign = await elsewhere.scalar(XACT_ID)
    assert foreign is not None
    async with sessionmaker() as writer:  # a writer of Gwella's database commits meanwhile
        ours = await changes.mark(writer)
        await writer.commit()
    assert ours > foreign
    async with sessionmaker() as s:
        # A session of another database can end between the snapshot and the read of
        # pg_stat_activity, holding one call back (never letting one skip): ask again.
        for _ in range(50):
            if await changes.settled_bound(s) > ours:
                break
            await s.rollback()
        assert await changes.settled_bound(s) > ours
        await s.rollback()

        # A role that may not read pg_stat_activity (as on a hardened server): the bound is
        # the oldest transaction of the whole server again, the other database's included.
        role = f"gwella_no_stats_{uuid.uuid4().hex[:8]}"
        await s.execute(text(f"CREATE ROLE {role} NOLOGIN"))
        await s.execute(text("REVOKE SELECT ON pg_catalog.pg_stat_activity FROM PUBLIC"))
        await s.execute(text(f"SET LOCAL ROLE {role}"))
        assert await changes.settled_bound(s) <= foreign
        await s.rollback()  # the role and the revocation are undone with the transaction
