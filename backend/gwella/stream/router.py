"""Server-sent events: what changed, pushed to an open dashboard within a second.

The stream reads nothing itself: the process's one change feed (:mod:`gwella.stream.feed`)
reads what changed, once for all of its streams, and hands each the events its person may
see. Results move on only by releases (see ``gwella.disclosure.releases``), so a `results`
event announces a release, never a single response, and the count it carries is the
published one. Several server processes share nothing but the database: each has its own
feed, woken on PostgreSQL by the writers' ``NOTIFY``.

A stream holds a place in its process's :class:`~gwella.stream.registry.StreamRegistry`
(capped per person and per process). A token revoked or expired, an account deactivated, or
a role, membership or partnership changed ends it within about a second, as does the server
shutting down. Whenever the server ends a stream, its last event is ``end`` with the reason,
so that the SPA knows whether to reconnect (``access-changed``, ``time-up``, ``shutdown``) or
not (``unauthenticated``)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from gwella.core.database import utcnow
from gwella.core.dependencies import SignedIn
from gwella.core.errors import problem_responses
from gwella.stream.feed import UNAUTHENTICATED, ChangeFeed, Recheck, event
from gwella.stream.registry import OpenStream, StreamRegistry

router = APIRouter(prefix="/api/v1", tags=["stream"])
HEARTBEAT_SECONDS = 15.0
"""A stream with nothing to send sleeps until its next event, this comment, its end or its
token's expiry: no waking every second (a thousand streams would wake together). A reader
that goes away is noticed by Starlette, which listens for the disconnect and cancels the
stream (ASGI spec below 2.4, as uvicorn speaks), or by the next send failing."""
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
        "is checked again whenever anything it stands for changes (within about a second), "
        "and the stream ends when its token expires.\n\n"
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
    registry: StreamRegistry = request.app.state.streams
    feed: ChangeFeed = request.app.state.feed
    recheck = Recheck(request, principal)
    place = registry.open(principal.id)  # 429 or 503 beyond the caps

    async def events() -> AsyncIterator[str]:
        watcher = None
        try:
            started = time.monotonic()
            watcher = await feed.join(place, principal, recheck)  # its baseline read
            yield "retry: 1000\n\n"
            beat = started
            while place.end_reason is None:
                if time.monotonic() - started >= seconds:
                    place.end(TIME_UP)
                    break
                if watcher.expires_at is not None and watcher.expires_at <= utcnow():
                    place.end(UNAUTHENTICATED)
                    break
                if await request.is_disconnected():
                    return
                for chunk in place.take():
                    yield chunk
                if time.monotonic() - beat >= HEARTBEAT_SECONDS:
                    beat = time.monotonic()
                    yield ": still here\n\n"
                now = time.monotonic()
                until = [seconds - (now - started), HEARTBEAT_SECONDS - (now - beat)]
                if watcher.expires_at is not None:
                    until.append((watcher.expires_at - utcnow()).total_seconds())
                await place.wait(max(0.0, min(until)))
            for chunk in place.take():
                yield chunk
            yield event("end", {"reason": place.end_reason})
        finally:
            if watcher is not None:
                feed.leave(watcher)
            place.close()

    return EventStream(events(), place)
