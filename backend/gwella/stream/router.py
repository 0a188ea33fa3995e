"""Server-sent events: what changed, pushed to an open dashboard within a second.

Portable by design: every half second, on a short session of its own, each open stream
reads the response counts of the services the person can see, the audit trail of
measurements and annotations in those organisations, and the person's own notifications, and
tells the browser what to refetch. Results move on only by releases (see
``gwella.disclosure.releases``), so a `results` event announces a release, never a single
response, and the count it carries is the published one. Several server processes share
nothing but the database.

A stream holds a place in its process's :class:`~gwella.stream.registry.StreamRegistry`
(capped per person and per process) and checks its caller again on every tick: a token
revoked or expired, an account deactivated, or a role, membership or partnership changed
ends it within the tick, as does the server shutting down. Whenever the server ends a
stream, its last event is ``end`` with the reason, so that the SPA knows whether to reconnect
(``access-changed``, ``time-up``, ``shutdown``) or not (``unauthenticated``)."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella import policy
from gwella.audit import service as audit
from gwella.campaigns import service as campaigns
from gwella.core.database import utcnow
from gwella.core.dependencies import Authenticator, SignedIn
from gwella.core.errors import Forbidden, Unauthenticated, problem_responses
from gwella.core.principal import SIGNED_IN, Principal
from gwella.core.requests import client_address, request_id
from gwella.disclosure import publish, rules
from gwella.disclosure.tables import TOTAL
from gwella.notifications import service as notifications
from gwella.organisations import service as organisations
from gwella.results import progress
from gwella.results.aggregate import RESPONSES
from gwella.stream.registry import OpenStream, StreamRegistry

router = APIRouter(prefix="/api/v1", tags=["stream"])
POLL_SECONDS = 0.5
HEARTBEAT_SECONDS = 15.0
INDICATOR_ACTIONS = ("ingest.measurements", "measurement.updated", "annotation.created")
# The reasons an `end` event gives.
UNAUTHENTICATED = "unauthenticated"
ACCESS_CHANGED = "access-changed"
TIME_UP = "time-up"


EVENT_NAMES = ("results", "indicators", "notification", "end")
SSE_EVENT: dict[str, Any] = {
    "type": "object",
    "description": "One server-sent event: its name and its data, a JSON object",
    "properties": {
        "event": {"type": "string", "enum": list(EVENT_NAMES)},
        "data": {"type": "string", "contentMediaType": "application/json"},
    },
}


def _event(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data, default=str)}\n\n"


async def _response_counts(
    session: AsyncSession, visible: frozenset[uuid.UUID] | None
) -> dict[uuid.UUID, tuple[int, int | None]]:
    """Per campaign: how many releases the services this person can see have had (compared,
    to notice the next one, even one that moves only a week or a month) and the number of
    responses published for them."""
    services = None if visible is None else organisations.service_ids_of(visible)
    tallies = await progress.response_tallies(session, services)
    moves = await progress.releases_so_far(session, services)
    smallest = await campaigns.smallest_cells(session, tallies)
    out = {}
    for campaign, by_service in tallies.items():
        order = sorted(by_service, key=str)
        shown = publish.counts(order, by_service, smallest[campaign], rules(), RESPONSES)
        out[campaign] = (moves.get(campaign, 0), shown.n[TOTAL])
    return out


def _access(p: Principal) -> tuple[object, ...]:
    """What a stream's events depend on: a change to any of it ends the stream (the SPA
    reconnects and starts again from what the person may see now)."""
    return (p.id, p.is_platform_admin, p.roles, p.partnership_ids, p.partner_org_ids, p.scopes)


class Recheck:
    """Who the stream's token stands for now, asked on every tick through the app's own
    authenticator (with the process's memory of principals: one query while nothing a
    principal is built from has changed)."""

    def __init__(self, request: Request, principal: Principal) -> None:
        self.authenticate: Authenticator = request.app.state.authenticate
        self.cache = getattr(request.app.state, "principals", None)
        self.request_id = request_id(request)
        self.address = client_address(request, request.app.state.settings)
        _, _, self.token = request.headers.get("authorization", "").partition(" ")
        self.access = _access(principal)

    async def reason_to_end(self, session: AsyncSession) -> str | None:
        try:
            now = await self.authenticate(
                session, self.token.strip(), self.request_id, self.address, self.cache
            )
            SIGNED_IN.check(now)
        except Unauthenticated:
            return UNAUTHENTICATED
        except Forbidden:
            return ACCESS_CHANGED
        return None if _access(now) == self.access else ACCESS_CHANGED


async def _changes(
    session: AsyncSession,
    p: Principal,
    since: datetime,
    seen: set[uuid.UUID],
    counts: dict[uuid.UUID, int],
    announce: bool = True,
) -> list[str]:
    visible = policy.visible_org_ids(p)
    out: list[str] = []
    for campaign_id, (n, shown) in (await _response_counts(session, visible)).items():
        if counts.get(campaign_id, 0) != n:
            if announce:
                out.append(_event("results", {"campaign_id": campaign_id, "responses": shown}))
            counts[campaign_id] = n
    for event in await audit.recent_events(session, INDICATOR_ACTIONS, since, visible):
        if event.id in seen:
            continue
        seen.add(event.id)
        data: dict[str, Any] = {
            "organisation_id": event.organisation_id,
            "action": event.action,
            "record_id": event.record_id,
        }
        out.append(_event("indicators", data))
    notes = await notifications.created_since(session, p.id, since)
    for note in notes:
        if note.id in seen:
            continue
        seen.add(note.id)
        out.append(
            _event(
                "notification",
                {"id": note.id, "kind": note.kind, "title": note.title, "link": note.link},
            )
        )
    return out


class EventStream(StreamingResponse):
    """The stream's response: its place in the registry is given back however the response
    ends (run out, told to end, the client gone, or the connection broken mid-send)."""

    def __init__(self, content: AsyncIterator[str], place: OpenStream) -> None:
        super().__init__(
            content,
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )
        self.place = place

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.place.close()


@router.get(
    "/stream",
    operation_id="getStream",
    summary="Server-sent events: results, indicators and your notifications as they change",
    description=(
        "`text/event-stream` with events `results` (the campaign's results moved on, by a "
        "release of several responses: refetch them; `responses` is the published number of "
        "responses in the services you can see, null while it is held back), `indicators` "
        "(measurements or annotations changed) and `notification`, each with a small JSON "
        "`data`, plus a comment every 15 s to keep proxies open. Changes reach the stream "
        "within about a second. `seconds` ends the stream after that long (browsers "
        "reconnect by themselves).\n\n"
        "When the server ends a stream, its last event is `end` with `data` "
        '`{"reason": …}`: `unauthenticated` (the token was revoked or expired, or the '
        "account deactivated: sign in again), `access-changed` (a role, membership or "
        "partnership changed: reconnect to see what you may see now), `time-up` (`seconds` "
        "ran out) or `shutdown` (the server is stopping: reconnect in a moment). The caller "
        "is checked again about twice a second.\n\n"
        "A person may hold a few streams at once in each server process "
        "(`GWELLA_STREAM_MAX_PER_PERSON`, one per browser tab): beyond that a new stream "
        "is refused with 429 and the open ones go on. A server process holds at most "
        "`GWELLA_STREAM_MAX_PER_PROCESS` streams: beyond that, or while it shuts down, 503. "
        "Both carry `Retry-After`."
    ),
    response_class=StreamingResponse,
    responses={
        200: {
            # OpenAPI 3.1: the schema of a text/event-stream describes each event.
            "content": {"text/event-stream": {"schema": SSE_EVENT}},
            "description": "An event stream",
        },
        **problem_responses(401, 403, 422),
        429: {
            **problem_responses(429)[429],
            "description": "You hold the most live streams one person may; see Retry-After",
        },
        503: {
            **problem_responses(503)[503],
            "description": "The server holds its most live streams, or is stopping; see "
            "Retry-After",
        },
    },
)
async def stream(
    request: Request,
    principal: SignedIn,
    seconds: Annotated[
        float, Query(gt=0, le=3600, description="End the stream after this long")
    ] = 3600,
) -> StreamingResponse:
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    registry: StreamRegistry = request.app.state.streams
    recheck = Recheck(request, principal)
    place = registry.open(principal.id)  # 429 or 503 beyond the caps

    async def tick(
        since: datetime, seen: set[uuid.UUID], counts: dict[uuid.UUID, int], announce: bool
    ) -> list[str]:
        async with sessionmaker() as session:
            reason = await recheck.reason_to_end(session)
            if reason is not None:
                place.end(reason)
                return []
            return await _changes(session, principal, since, seen, counts, announce)

    async def events() -> AsyncIterator[str]:
        try:
            started = time.monotonic()
            since = utcnow()
            seen: set[uuid.UUID] = set()
            beat = started
            yield "retry: 1000\n\n"
            counts: dict[uuid.UUID, int] = {}
            await tick(since, seen, counts, announce=False)  # the baseline
            while place.end_reason is None:
                if time.monotonic() - started >= seconds:
                    place.end(TIME_UP)
                    break
                if await request.is_disconnected():
                    return
                now = utcnow()
                for chunk in await tick(since, seen, counts, announce=True):
                    yield chunk
                # Keep a little overlap (clocks and commit order); ``seen`` drops repeats.
                since = max(since, now.replace(microsecond=0))
                if time.monotonic() - beat >= HEARTBEAT_SECONDS:
                    beat = time.monotonic()
                    yield ": still here\n\n"
                left = seconds - (time.monotonic() - started)
                await place.wait(min(POLL_SECONDS, max(0.0, left)))
            yield _event("end", {"reason": place.end_reason})
        finally:
            place.close()

    return EventStream(events(), place)
