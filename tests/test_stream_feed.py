"""One change feed per process: the database's work does not grow with the number of open
streams, and on PostgreSQL the feed is woken by the writers' NOTIFY, sent only on commit."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import event, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import AccessToken, Role
from gwella.core.config import Settings
from gwella.core.database import utcnow
from gwella.core.security import hash_secret
from gwella.notifications import service as notifications
from gwella.stream import feed as feed_module
from tests.conftest import make_settings
from tests.factories import make_org, make_user, sign_in
from tests.test_stream import events


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url, stream_max_per_process=100)


class Statements:
    """Counts the statements the app's engine sends to the database."""

    def __init__(self, app: Any) -> None:
        self.count = 0
        self._engine = app.state.engine.sync_engine
        event.listen(self._engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: object) -> None:
        self.count += 1

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)

    async def per_second(self, seconds: float) -> float:
        before = self.count
        await asyncio.sleep(seconds)
        return (self.count - before) / seconds


async def _statements_with_streams(
    app: Any, client: httpx.AsyncClient, people: list[dict[str, str]]
) -> float:
    """Statements per second while one stream per person is open and nothing changes."""
    counter = Statements(app)
    try:
        streams = [
            asyncio.ensure_future(client.get("/api/v1/stream?seconds=4", headers=h)) for h in people
        ]
        await asyncio.sleep(1.5)  # every stream has joined (and read its baseline)
        assert len(app.state.feed) == len(people)
        rate = await counter.per_second(2.0)
        for r in await asyncio.gather(*streams):
            assert r.status_code == 200
        return rate
    finally:
        counter.close()


async def test_the_database_work_does_not_grow_with_the_open_streams(
    app: Any, client: httpx.AsyncClient, session: AsyncSession, backend: str
) -> None:
    """Twelve open dashboards cost the database what one does (each stream used to read it
    twice a second with its own queries: twelve times as much). On SQLite the feed looks
    twice a second; on PostgreSQL, listening, it reads nothing while nothing changes."""
    org = await make_org(session)
    people = [
        await sign_in(client, (await make_user(session, {org: [Role.staff]})).email)
        for _ in range(12)
    ]
    one = await _statements_with_streams(app, client, people[:1])
    twelve = await _statements_with_streams(app, client, people)
    if backend == "sqlite":
        assert one > 0  # the feed does look while a stream is open
    else:
        assert one == 0
        assert twelve == 0
    assert twelve <= one * 1.5 + 2, f"{one:.1f}/s with one stream, {twelve:.1f}/s with twelve"


async def test_with_no_stream_open_the_feed_reads_nothing(app: Any) -> None:
    counter = Statements(app)
    try:
        looks = app.state.feed.looks
        assert await counter.per_second(1.2) == 0
        assert app.state.feed.looks == looks
    finally:
        counter.close()


async def test_a_notification_reaches_the_stream_once_committed_and_never_if_undone(
    app: Any, client: httpx.AsyncClient, session: AsyncSession, backend: str
) -> None:
    """On PostgreSQL the feed looks when a writer's NOTIFY arrives, which PostgreSQL delivers
    only at commit: a rolled-back change wakes nobody, a committed one is heard at once
    (well before the feed's fallback look); on SQLite the feed's half-second look finds it."""
    org = await make_org(session)
    person = await make_user(session, {org: [Role.staff]})
    headers = await sign_in(client, person.email)
    person_id = person.id  # (the rollback below forgets the loaded object)
    feed = app.state.feed
    text = {"en": "Hello", "cy": "Helo"}
    heard_at: list[float] = []

    async def write() -> None:
        await asyncio.sleep(1.0)
        looks = feed.looks
        await notifications.notify(session, [person_id], kind="test", title=text, body=text)
        await session.flush()
        await asyncio.sleep(0.6)
        await session.rollback()
        await asyncio.sleep(0.6)
        if backend == "postgresql":
            assert feed._listening
            assert feed.looks == looks, "an uncommitted or undone change woke the feed"
        await notifications.notify(
            session, [person_id], kind="test", title=text, body=text, link="/kept"
        )
        await session.commit()
        heard_at.append(time.monotonic())

    r, _ = await asyncio.gather(client.get("/api/v1/stream?seconds=4", headers=headers), write())
    got = [(name, data) for name, data in events(r.text) if name == "notification"]
    assert [data["link"] for _, data in got] == ["/kept"]  # the undone one never came


async def test_on_postgresql_a_commit_is_heard_before_the_fallback_look(
    app: Any, client: httpx.AsyncClient, session: AsyncSession, backend: str
) -> None:
    if backend != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    org = await make_org(session)
    person = await make_user(session, {org: [Role.staff]})
    person_id = person.id
    headers = await sign_in(client, person.email)
    feed = app.state.feed
    text = {"en": "Hello", "cy": "Helo"}
    pushed: list[float] = []

    async def write() -> float:
        await asyncio.sleep(1.0)
        [place] = app.state.streams.streams()
        push = place.push
        place.push = lambda chunk: (pushed.append(time.monotonic()), push(chunk))
        assert feed._listening
        await notifications.notify(session, [person_id], kind="test", title=text, body=text)
        await session.commit()
        return time.monotonic()

    r, committed = await asyncio.gather(
        client.get("/api/v1/stream?seconds=3", headers=headers), write()
    )
    assert [name for name, _ in events(r.text)] == ["notification", "end"]
    assert pushed[0] - committed < feed_module.FALLBACK_SECONDS / 10


async def test_a_stream_ends_when_its_token_expires(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Nothing changes in the database when a token runs out: the stream keeps its expiry
    and ends then, saying so, rather than at its own end an hour later."""
    person = await make_user(session, {await make_org(session): [Role.staff]})
    headers = await sign_in(client, person.email)
    secret = headers["Authorization"].removeprefix("Bearer ")
    await session.execute(
        update(AccessToken)
        .where(AccessToken.token_hash == hash_secret(secret))
        .values(expires_at=utcnow() + timedelta(seconds=2))
    )
    await session.commit()
    started = time.monotonic()
    r = await client.get("/api/v1/stream?seconds=20", headers=headers)
    assert events(r.text) == [("end", {"reason": "unauthenticated"})]
    assert 1.5 < time.monotonic() - started < 5
