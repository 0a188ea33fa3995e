"""Server-sent events: what changed, pushed to an open dashboard within a second.

Portable by design: every half second, on a short session of its own, each open stream
reads the response counts of the services the person can see, the audit trail of
measurements and annotations in those organisations, and the person's own notifications, and
tells the browser what to refetch. Results move on only by releases (see
``gwella.disclosure.releases``), so a `results` event announces a release, never a single
response, and the count it carries is the published one. Several server processes share
nothing but the database."""

from __future__ import annotations

import asyncio
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
from gwella.core.dependencies import SignedIn
from gwella.core.errors import problem_responses
from gwella.core.principal import Principal
from gwella.disclosure import publish, rules
from gwella.disclosure.tables import TOTAL
from gwella.notifications import service as notifications
from gwella.organisations import service as organisations
from gwella.results import progress
from gwella.results.aggregate import RESPONSES

router = APIRouter(prefix="/api/v1", tags=["stream"])
POLL_SECONDS = 0.5
HEARTBEAT_SECONDS = 15.0
INDICATOR_ACTIONS = ("ingest.measurements", "measurement.updated", "annotation.created")


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


async def _changes(
    sessionmaker: async_sessionmaker[AsyncSession],
    p: Principal,
    since: datetime,
    seen: set[uuid.UUID],
    counts: dict[uuid.UUID, int],
    announce: bool = True,
) -> list[str]:
    visible = policy.visible_org_ids(p)
    out: list[str] = []
    async with sessionmaker() as session:
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


@router.get(
    "/stream",
    operation_id="getStream",
    summary="Server-sent events: results, indicators and your notifications as they change",
    description=(
        "`text/event-stream` with events `results` (the campaign's results moved on, by a "
        "release of several responses: refetch them; `responses` is the published number of "
        "responses in the services you can see, null while it is held back), `indicators` "
        "(measurements or "
        "annotations changed) and "
        "`notification`, each with a small JSON `data`, plus a comment every 15 s to keep "
        "proxies open. Changes reach the stream within about a second. `seconds` ends the "
        "stream after that long (browsers reconnect by themselves)."
    ),
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
            "description": "An event stream",
        },
        **problem_responses(401, 403, 422),
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

    async def events() -> AsyncIterator[str]:
        started = time.monotonic()
        since = utcnow()
        seen: set[uuid.UUID] = set()
        beat = started
        yield "retry: 1000\n\n"
        counts: dict[uuid.UUID, int] = {}
        await _changes(sessionmaker, principal, since, seen, counts, announce=False)  # baseline
        while time.monotonic() - started < seconds:
            if await request.is_disconnected():
                return
            now = utcnow()
            for chunk in await _changes(sessionmaker, principal, since, seen, counts):
                yield chunk
            # Keep a little overlap (clocks and commit order); ``seen`` drops repeats.
            since = max(since, now.replace(microsecond=0))
            if time.monotonic() - beat >= HEARTBEAT_SECONDS:
                beat = time.monotonic()
                yield ": still here\n\n"
            await asyncio.sleep(POLL_SECONDS)

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
