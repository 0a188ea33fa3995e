"""One event per batch of pushed responses: ``responses.ingested``.

A partner's batch (a JSON push, a FHIR Bundle, a chunk of a file import) used to raise one
``response.created`` per row: 25,000 deliveries for one push. Instead, the door that takes a
batch opens one with :func:`ingesting` around its calls to the one writer
(:func:`gwella.responses.store.store_many`); while it is open, the writer does not announce
single responses but adds what it stored to the batch (:func:`note`), and when the batch ends
without error one event per receiving organisation names its range: the batch, the
campaigns, the counts, the time range and a link to the change feed from just before it.

The batch lives on the session (``session.info``), so a door opened inside another (an
import's chunk that goes through the JSON ingest or the FHIR push) joins the outer batch:
one event, named by the outermost door. Everything is written in the batch's own
transaction, like every outbox event, so a batch that is rolled back raises nothing. A batch
that created and updated nothing (a repeat) raises nothing either.

A file import commits chunk by chunk, possibly across workers (one dies, another resumes):
each chunk is a :func:`part` of the import's batch, whose tally the job keeps with its
progress (:attr:`Part.state`, committed with the chunk), and the job raises the one event
with :func:`announce` in the transaction that records its end, when every chunk has
committed and the range, counts and feed link are known and true.
"""

from __future__ import annotations

import urllib.parse
import uuid
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns.enums import Anonymity
from gwella.core.config import get_settings
from gwella.core.database import utcnow
from gwella.organisations import service as organisations
from gwella.webhooks import service as webhooks

if TYPE_CHECKING:
    from gwella.campaigns.models import Campaign

BatchKind = Literal["ingest", "import", "fhir_bundle"]
EVENT = "responses.ingested"
FEED_PATH = "/api/v1/responses/changes"
_KEY = "gwella.responses.batch"
BEFORE = timedelta(milliseconds=1)
"""How far before its first change a batch's feed link starts ("just before")."""


@dataclass(frozen=True)
class BatchRef:
    """Which batch: its kind, its id (for an import, the job's) and the pushing organisation."""

    kind: BatchKind
    id: uuid.UUID
    organisation_id: uuid.UUID


@dataclass
class _Open:
    ref: BatchRef
    started_at: datetime
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    campaigns: list[uuid.UUID] = field(default_factory=list)
    receivers: set[uuid.UUID] = field(default_factory=set)
    submitted: list[datetime] = field(default_factory=list)
    """The earliest and latest ``submitted_at`` of what was created or updated."""
    day_only: bool = False
    """It changed responses of an anonymous campaign: its times are told by the day only."""

    def dump(self) -> dict[str, Any]:
        """The tally as JSON, to keep between the transactions of a batch in parts."""
        return {
            "started_at": self.started_at.isoformat(),
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "campaigns": [str(c) for c in self.campaigns],
            "receivers": sorted(str(r) for r in self.receivers),
            "submitted": [at.isoformat() for at in self.submitted],
            "day_only": self.day_only,
        }

    @classmethod
    def load(cls, ref: BatchRef, state: dict[str, Any]) -> _Open:
        return cls(
            ref,
            datetime.fromisoformat(state["started_at"]),
            created=int(state["created"]),
            updated=int(state["updated"]),
            unchanged=int(state["unchanged"]),
            campaigns=[uuid.UUID(c) for c in state["campaigns"]],
            receivers={uuid.UUID(r) for r in state["receivers"]},
            submitted=[datetime.fromisoformat(at) for at in state["submitted"]],
            day_only=bool(state.get("day_only", False)),
        )


@dataclass
class Part:
    """One transaction's part of a batch that spans several: after the block, ``state`` is
    the batch's tally so far, for the caller to keep with its own progress."""

    state: dict[str, Any] | None


def is_open(session: AsyncSession) -> bool:
    """Whether a batch is open on this session (the writer then announces no single
    responses)."""
    return _KEY in session.info


@asynccontextmanager
async def ingesting(session: AsyncSession, ref: BatchRef) -> AsyncIterator[None]:
    """Open a batch for the writes inside the block; on leaving it without error, queue its
    ``responses.ingested`` events. Inside another batch it joins that one."""
    if is_open(session):
        yield
        return
    batch = _Open(ref, utcnow())
    session.info[_KEY] = batch
    try:
        yield
    finally:
        session.info.pop(_KEY, None)
    await _announce(session, batch)


@asynccontextmanager
async def part(
    session: AsyncSession, ref: BatchRef, state: dict[str, Any] | None
) -> AsyncIterator[Part]:
    """Open the batch ``ref`` again from its kept ``state`` (None for its first part) for the
    writes inside the block. Leaving it announces nothing: the caller keeps ``Part.state``
    in the same transaction and calls :func:`announce` with it when the whole batch ends."""
    kept = Part(state)
    if is_open(session):
        yield kept
        return
    batch = _Open.load(ref, state) if state else _Open(ref, utcnow())
    session.info[_KEY] = batch
    try:
        yield kept
    finally:
        session.info.pop(_KEY, None)
    kept.state = batch.dump()


async def announce(session: AsyncSession, ref: BatchRef, state: dict[str, Any] | None) -> None:
    """Queue the events of a batch kept in parts (nothing when it stored nothing)."""
    if state:
        await _announce(session, _Open.load(ref, state))


async def note(
    session: AsyncSession,
    campaign: Campaign,
    *,
    created: Iterable[tuple[uuid.UUID, datetime]],
    updated: Iterable[tuple[uuid.UUID, datetime]],
    unchanged: int,
) -> None:
    """Add what the writer stored for ``campaign`` to the open batch: the (service id,
    submitted at) of each created and updated response, and how many were unchanged. Who
    hears of it is who would have heard of each response: in an identified campaign the
    organisations of the campaign and of the services; otherwise only the pushing one."""
    batch: _Open = session.info[_KEY]
    created, updated = list(created), list(updated)
    batch.created += len(created)
    batch.updated += len(updated)
    batch.unchanged += unchanged
    if not created and not updated:
        return
    if campaign.anonymity is Anonymity.anonymous:
        batch.day_only = True
    if campaign.id not in batch.campaigns:
        batch.campaigns.append(campaign.id)
    moments = [at for _, at in created + updated]
    batch.submitted = [min([*batch.submitted, *moments]), max([*batch.submitted, *moments])]
    batch.receivers.add(batch.ref.organisation_id)
    if campaign.anonymity is Anonymity.identified:
        services = {s for s, _ in created + updated}
        owners = await organisations.organisations_of_services(session, services)
        batch.receivers |= {campaign.organisation_id, *owners.values()}


def _day(moment: datetime) -> datetime:
    return datetime.combine(moment.astimezone(UTC).date(), time(0), tzinfo=UTC)


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def changes_url(since: datetime, public_url: str | None = None) -> str:
    """The change feed's link from ``since`` (``GET /api/v1/responses/changes``)."""
    base = (public_url or get_settings().public_url).rstrip("/")
    query = urllib.parse.urlencode({"changed_since": _rfc3339(since)})
    return f"{base}{FEED_PATH}?{query}"


async def _announce(session: AsyncSession, batch: _Open) -> None:
    if not batch.created and not batch.updated:
        return
    since, until = batch.started_at - BEFORE, utcnow()
    if batch.day_only:
        # An anonymous campaign's responses keep only their day, changes included: so do the
        # batch's times (the feed reads such responses from the start of the day anyway).
        since, until = _day(since), _day(until)
    payload = {
        "batch_kind": batch.ref.kind,
        "batch_id": batch.ref.id,
        "source_organisation_id": batch.ref.organisation_id,
        "campaign_ids": batch.campaigns,
        "counts": {
            "created": batch.created,
            "updated": batch.updated,
            "unchanged": batch.unchanged,
        },
        "changed_from": since,
        "changed_to": until,
        "submitted_from": batch.submitted[0] if batch.submitted else None,
        "submitted_to": batch.submitted[-1] if batch.submitted else None,
        "changes_url": changes_url(since),
    }
    pending = [
        webhooks.PendingEvent(
            event_type=EVENT,
            organisation_id=org_id,
            record_type="batch",
            record_id=batch.ref.id,
            payload=payload,
            day_only=batch.day_only,
        )
        for org_id in sorted(batch.receivers, key=str)
        if await webhooks.has_subscribers(session, org_id, EVENT)
    ]
    await webhooks.emit_many(session, pending)
