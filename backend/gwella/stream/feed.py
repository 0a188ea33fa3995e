"""One change feed per server process, for all of its live streams.

Before, each open stream read the database twice a second with its own queries, so the
database's work grew with the number of open dashboards (150 streams raised the median read
time from 7 to 108 ms). Now one :class:`ChangeFeed` per process (``app.state.feed``, made in
the lifespan) does the reading and hands each stream, in memory, what its person may see:

* **When it looks.** On PostgreSQL the feed holds one connection that ``LISTEN``\\s on
  :data:`gwella.core.watched.CHANNEL`; a transaction that changed a watched table sends
  ``NOTIFY`` before it commits, which PostgreSQL delivers only on commit, so the feed looks
  as soon as a committed change may concern a stream (at most every :data:`SOONEST` seconds,
  coalescing the rest), and every :data:`FALLBACK_SECONDS` besides (a change written outside
  the application's sessions). Without that connection (SQLite, or while it is being
  re-established) it looks every :data:`POLL_SECONDS`. With no stream open it does not look.
* **What a look reads**, whatever the number of streams: the generation of principals; the
  releases per campaign and service (when they moved: the response tallies, smallest cells
  and the services' organisations); measurement and annotation events of the audit trail; new
  notifications. A handful of queries, the same for one stream as for a thousand.
* **What each stream is told.** ``results`` when the campaign had a release in a service the
  person can see, with the number of responses published for those services (through the
  disclosure layer, as computed for everyone who sees the same services); ``indicators`` for
  events in organisations the person can see; ``notification`` for their own.
* **Who a stream stands for.** When the generation of principals moves on (a token revoked, an
  account deactivated, a role, membership or partnership changed), each stream's caller is
  checked again through the app's authenticator and the stream ends if it changed; a token
  that expires ends its stream from the stream's own loop (the expiry is read at the start).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gwella import policy
from gwella.accounts.signin import token_expiry
from gwella.audit import service as audit
from gwella.campaigns import service as campaigns
from gwella.core.database import utcnow
from gwella.core.dependencies import Authenticator
from gwella.core.errors import Forbidden, Unauthenticated
from gwella.core.logging import get_logger
from gwella.core.principal import SIGNED_IN, Principal
from gwella.core.principals import generation
from gwella.core.requests import client_address, request_id
from gwella.core.watched import CHANNEL
from gwella.disclosure import publish, rules
from gwella.disclosure.tables import TOTAL, Tally
from gwella.notifications import service as notifications
from gwella.organisations import service as organisations
from gwella.results import progress
from gwella.results.aggregate import RESPONSES
from gwella.stream.registry import OpenStream

POLL_SECONDS = 0.5
FALLBACK_SECONDS = 5.0
SOONEST = 0.1
OVERLAP = timedelta(seconds=10)
"""Events are read again this far back: a row's time is taken before its transaction
commits, so a row may become visible after later ones were read (repeats are dropped)."""
PAGE = 500
STOP_SECONDS = 3.0
JOIN_SECONDS = 5.0
"""A stream waits at most this long for its first look (the database may be slow or down:
it goes on, and its baseline comes with the next look that succeeds)."""
INDICATOR_ACTIONS = ("ingest.measurements", "measurement.updated", "annotation.created")
UNAUTHENTICATED = "unauthenticated"
ACCESS_CHANGED = "access-changed"
_log = get_logger("gwella.stream")


def event(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data, default=str)}\n\n"


def _access(p: Principal) -> tuple[object, ...]:
    """What a stream's events depend on: a change to any of it ends the stream (the SPA
    reconnects and starts again from what the person may see now)."""
    return (p.id, p.is_platform_admin, p.roles, p.partnership_ids, p.partner_org_ids, p.scopes)


class Recheck:
    """Who the stream's token stands for now, asked through the app's own authenticator
    (with the process's memory of principals)."""

    def __init__(self, request: Request, principal: Principal) -> None:
        self.authenticate: Authenticator = request.app.state.authenticate
        self.cache = getattr(request.app.state, "principals", None)
        self.request_id = request_id(request)
        self.address = client_address(request, request.app.state.settings)
        _, _, token = request.headers.get("authorization", "").partition(" ")
        self.token = token.strip()
        self.access = _access(principal)

    async def reason_to_end(self, session: AsyncSession) -> str | None:
        try:
            now = await self.authenticate(
                session, self.token, self.request_id, self.address, self.cache
            )
            SIGNED_IN.check(now)
        except Unauthenticated:
            return UNAUTHENTICATED
        except Forbidden:
            return ACCESS_CHANGED
        return None if _access(now) == self.access else ACCESS_CHANGED


@dataclass(eq=False)
class Watcher:
    """One open stream, as the feed knows it."""

    place: OpenStream
    principal: Principal
    recheck: Recheck
    generation: int | None
    expires_at: datetime | None
    visible: frozenset[uuid.UUID] | None = field(init=False)
    counts: dict[uuid.UUID, int] | None = None
    """Releases so far per campaign, in the services the person can see (None until the
    feed's first look after the stream opened: that look is its baseline)."""
    ready: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self.visible = policy.visible_org_ids(self.principal)


Published = dict[uuid.UUID, tuple[int, int | None]]


class ChangeFeed:
    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        engine: AsyncEngine,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._engine = engine
        self.poll_seconds = poll_seconds
        self.looks = 0
        """How many times the feed has read the database (for tests and the benchmark)."""
        self._watchers: set[Watcher] = set()
        self._poke = asyncio.Event()
        self._listening = False
        self._stopping = asyncio.Event()
        self._lost = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._generation: int | None = None
        self._events = Cursor()
        self._notes = Cursor()
        self._releases: dict[tuple[uuid.UUID, uuid.UUID], int] | None = None
        self._tallies: dict[uuid.UUID, dict[uuid.UUID, Tally]] = {}
        self._smallest: dict[uuid.UUID, int] = {}
        self._org_of: dict[uuid.UUID, uuid.UUID] = {}
        self._published: dict[frozenset[uuid.UUID] | None, Published] = {}

    def __len__(self) -> int:
        return len(self._watchers)

    # ------------------------------------------------------------------ life of the feed

    async def start(self) -> None:
        self._tasks.append(asyncio.create_task(self._run(), name="gwella-change-feed"))
        if self._engine.dialect.name == "postgresql":
            self._tasks.append(asyncio.create_task(self._listen(), name="gwella-feed-listen"))

    async def stop(self) -> None:
        """Stop looking and listening. Bounded: a task that has not ended within
        :data:`STOP_SECONDS` is left behind rather than holding the shutdown up (a cancelled
        database call may swallow its cancellation)."""
        self._stopping.set()
        self._lost.set()
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            _, pending = await asyncio.wait(self._tasks, timeout=STOP_SECONDS)
            if pending:
                _log.warning("change feed: tasks did not stop in time", tasks=len(pending))
        self._tasks.clear()

    def poke(self) -> None:
        """Look soon (a committed change may concern a stream, or a stream is waiting)."""
        self._poke.set()

    async def _listen(self) -> None:
        """Hold a connection listening on the channel; come back after losing it."""
        pause = 1.0

        def heard(*_: object) -> None:
            self.poke()

        while not self._stopping.is_set():
            lost = self._lost = asyncio.Event()
            try:
                async with self._engine.connect() as conn:
                    raw = await conn.get_raw_connection()
                    driver: Any = raw.driver_connection
                    await driver.add_listener(CHANNEL, heard)
                    driver.add_termination_listener(lambda *_, gone=lost: gone.set())
                    self._listening, pause = True, 1.0
                    self.poke()  # anything committed while nobody listened
                    try:
                        if not self._stopping.is_set():
                            await lost.wait()  # (stop() sets it too)
                    finally:
                        self._listening = False
                        with contextlib.suppress(Exception):
                            await driver.remove_listener(CHANNEL, heard)
            except asyncio.CancelledError:
                raise
            except Exception:
                _log.warning("change feed: listening failed; polling meanwhile", exc_info=True)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), pause)
            pause = min(pause * 2, 30.0)

    async def _run(self) -> None:
        while not self._stopping.is_set():
            wait = FALLBACK_SECONDS if self._listening else self.poll_seconds
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._poke.wait(), wait)
            self._poke.clear()
            if not self._watchers:
                self._events.since = self._notes.since = None  # idle: afresh when one opens
                continue
            try:
                await self._look()
            except asyncio.CancelledError:
                raise
            except Exception:
                _log.warning("change feed: a look failed; trying again", exc_info=True)
                await asyncio.sleep(self.poll_seconds)
            await asyncio.sleep(SOONEST)

    # ------------------------------------------------------------------ streams

    async def join(self, place: OpenStream, principal: Principal, recheck: Recheck) -> Watcher:
        """Add a stream, checking its caller once more (a change committed since it was
        authenticated is not missed), and wait for its baseline (the feed's next look)."""
        async with self._sessionmaker() as session:
            seen_at = await generation(session)
            reason = await recheck.reason_to_end(session)
            expires_at = await token_expiry(session, recheck.token)
        watcher = Watcher(place, principal, recheck, seen_at, expires_at)
        if reason is not None:
            place.end(reason)
            return watcher
        for cursor in (self._events, self._notes):
            if cursor.since is None:
                cursor.since = utcnow()
        self._watchers.add(watcher)
        self.poke()
        ready = asyncio.ensure_future(watcher.ready.wait())
        ended = asyncio.ensure_future(place.ended())
        try:
            await asyncio.wait(
                {ready, ended}, timeout=JOIN_SECONDS, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            ready.cancel()
            ended.cancel()
        return watcher

    def leave(self, watcher: Watcher) -> None:
        self._watchers.discard(watcher)

    # ------------------------------------------------------------------ one look

    async def _look(self) -> None:
        self.looks += 1
        started = utcnow()
        watchers = list(self._watchers)
        async with self._sessionmaker() as session:
            now_generation = await generation(session)
            await self._recheck(session, watchers, now_generation)
            moved = await self._read_results(session)
            events = await self._read_events(session, started)
            notes = await self._read_notes(session, started)
        watchers = [w for w in watchers if w.place.end_reason is None]
        for w in watchers:
            self._tell_results(w, moved)
        by_person: dict[uuid.UUID, list[Watcher]] = {}
        for w in watchers:
            by_person.setdefault(w.principal.id, []).append(w)
        for e in events:
            data = {"organisation_id": e.organisation_id, "action": e.action}
            chunk = event("indicators", {**data, "record_id": e.record_id})
            for w in watchers:
                if w.visible is None or e.organisation_id in w.visible:
                    w.place.push(chunk)
        for note in notes:
            chunk = event(
                "notification",
                {"id": note.id, "kind": note.kind, "title": note.title, "link": note.link},
            )
            for w in by_person.get(note.user_id, ()):
                w.place.push(chunk)
        for w in watchers:
            w.ready.set()

    async def _recheck(
        self, session: AsyncSession, watchers: Iterable[Watcher], now_generation: int | None
    ) -> None:
        """Check again the callers of streams that last saw an older generation."""
        for w in watchers:
            if w.generation == now_generation or w.place.end_reason is not None:
                continue
            reason = await w.recheck.reason_to_end(session)
            w.generation = now_generation
            if reason is not None:
                w.place.end(reason)

    async def _read_results(self, session: AsyncSession) -> bool:
        """Read the releases; when they moved, what publishing needs. True when they moved."""
        releases = await progress.release_counts(session)
        if releases == self._releases:
            return False
        self._releases = releases
        self._tallies = await progress.response_tallies(session, None)
        self._smallest = await campaigns.smallest_cells(session, self._tallies)
        services = {s for by in self._tallies.values() for s in by} | {s for _, s in releases}
        self._org_of = await organisations.organisations_of_services(session, services)
        self._published = {}
        return True

    def _publish(self, visible: frozenset[uuid.UUID] | None) -> Published:
        """Per campaign: releases so far in the services of these organisations, and the
        responses published for them (computed once per look for everyone who sees the same)."""
        known = self._published.get(visible)
        if known is not None:
            return known
        assert self._releases is not None

        def shown(service: uuid.UUID) -> bool:
            return visible is None or self._org_of.get(service) in visible

        moves: dict[uuid.UUID, int] = {}
        for (campaign, service), n in self._releases.items():
            if shown(service):
                moves[campaign] = moves.get(campaign, 0) + n
        out: Published = {}
        for campaign, by_service in self._tallies.items():
            mine = {s: t for s, t in by_service.items() if shown(s)}
            if not mine or campaign not in self._smallest:
                continue
            order = sorted(mine, key=str)
            counted = publish.counts(order, mine, self._smallest[campaign], rules(), RESPONSES)
            out[campaign] = (moves.get(campaign, 0), counted.n[TOTAL])
        self._published[visible] = out
        return out

    def _tell_results(self, w: Watcher, moved: bool) -> None:
        if w.counts is not None and not moved:
            return
        baseline = w.counts is None
        counts = w.counts if w.counts is not None else {}
        for campaign, (n, shown) in self._publish(w.visible).items():
            if counts.get(campaign, 0) != n:
                if not baseline:
                    w.place.push(event("results", {"campaign_id": campaign, "responses": shown}))
                counts[campaign] = n
        w.counts = counts

    async def _read_events(self, session: AsyncSession, started: datetime) -> list[Any]:
        since = self._events.since
        assert since is not None
        rows = await audit.recent_events(session, INDICATOR_ACTIONS, since, None, PAGE)
        return self._events.take(rows, [e.occurred_at for e in rows], started)

    async def _read_notes(self, session: AsyncSession, started: datetime) -> list[Any]:
        since = self._notes.since
        assert since is not None
        rows = await notifications.created_since(session, None, since, PAGE)
        return self._notes.take(rows, [n.created_at for n in rows], started)


class Cursor:
    """Where the feed is in one kind of dated rows (oldest first, at most :data:`PAGE` a
    look), and the rows it has already handed out near that point."""

    def __init__(self) -> None:
        self.since: datetime | None = None
        self._seen: dict[uuid.UUID, datetime] = {}

    def take(self, rows: list[Any], times: list[datetime], started: datetime) -> list[Any]:
        """The rows not handed out before; then move on: to the last row's time when the
        page was full, else to a little before this look began; forget repeats older."""
        assert self.since is not None
        new = []
        for row, at in zip(rows, times, strict=True):
            if row.id not in self._seen:
                self._seen[row.id] = at
                new.append(row)
        moved_to = times[-1] if len(rows) == PAGE else started - OVERLAP
        self.since = max(self.since, moved_to)
        self._seen = {k: t for k, t in self._seen.items() if t >= self.since}
        return new
