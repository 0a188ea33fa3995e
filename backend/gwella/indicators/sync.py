"""Partners reading back, syncing and retracting the measurements their systems pushed.

A partner (an API client) sees the measurements its organisation pushed: by external id, as
a list, and as a change feed (:mod:`gwella.core.changes`) in which a retracted measurement
is a tombstone. Retraction removes the measurement in the caller's transaction (charts and
their signals are drawn from what is stored, so they are corrected with it), leaves a
tombstone, is audited and raises ``measurement.retracted`` to the pushing organisation."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import audit, changes
from gwella.core.audit import AuditContext
from gwella.core.concurrency import lock_rows
from gwella.core.database import utcnow
from gwella.core.pagination import PageParams, paginate
from gwella.indicators.models import Measurement, MeasurementTombstone
from gwella.webhooks import service as webhooks

SORTS = {"period_end": Measurement.period_end}


def key_of(m: Measurement) -> tuple[Any, ...]:
    """A measurement's natural key: indicator, unit and period."""
    return (m.indicator_id, m.unit_key, m.period_start, m.period_end)


async def pushed(
    session: AsyncSession, organisation_id: uuid.UUID, external_ids: Iterable[str]
) -> dict[str, Measurement]:
    """This organisation's pushed measurements with these external ids."""
    wanted = set(external_ids)
    if not wanted:
        return {}
    rows = await session.scalars(
        select(Measurement).where(
            Measurement.source_organisation_id == organisation_id,
            Measurement.external_id.in_(wanted),
        )
    )
    return {str(m.external_id): m for m in rows}


async def list_pushed(
    session: AsyncSession,
    params: PageParams,
    organisation_id: uuid.UUID,
    external_ids: Iterable[str],
) -> tuple[list[Measurement], str | None]:
    stmt = select(Measurement).where(Measurement.source_organisation_id == organisation_id)
    wanted = set(external_ids)
    if wanted:
        stmt = stmt.where(Measurement.external_id.in_(wanted))
    return await paginate(session, stmt, params, SORTS, Measurement.id)


@dataclass
class FeedPage:
    entries: list[changes.Change]
    position: changes.Position
    records: dict[uuid.UUID, Measurement] = field(default_factory=dict)
    tombstones: dict[uuid.UUID, MeasurementTombstone] = field(default_factory=dict)


async def feed(
    session: AsyncSession,
    organisation_id: uuid.UUID,
    *,
    after: changes.Position | None,
    since: datetime | None,
    limit: int,
) -> FeedPage:
    """One page of the changes to this organisation's pushed measurements."""
    upserts = select(
        Measurement.id.label("id"),
        Measurement.change_seq.label("mark"),
        Measurement.updated_at.label("changed_at"),
    ).where(
        Measurement.source_organisation_id == organisation_id,
        Measurement.change_seq.is_not(None),
    )
    gone = select(
        MeasurementTombstone.id.label("id"),
        MeasurementTombstone.change_seq.label("mark"),
        MeasurementTombstone.retracted_at.label("changed_at"),
    ).where(MeasurementTombstone.source_organisation_id == organisation_id)
    entries, position = await changes.page(
        session, upserts, gone, after=after, since=since, limit=limit
    )
    out = FeedPage(entries, position)
    live = [e.id for e in entries if not e.deleted]
    dead = [e.id for e in entries if e.deleted]
    if live:
        out.records = {
            m.id: m
            for m in await session.scalars(select(Measurement).where(Measurement.id.in_(live)))
        }
    if dead:
        out.tombstones = {
            t.id: t
            for t in await session.scalars(
                select(MeasurementTombstone).where(MeasurementTombstone.id.in_(dead))
            )
        }
    return out


@dataclass
class Retracted:
    """What became of one external id: ``retracted`` now, ``already`` retracted before (a
    no-op), or ``unknown`` (no measurement of this organisation has it)."""

    outcome: str
    measurement_id: uuid.UUID | None = None


async def retract(
    session: AsyncSession,
    ctx: AuditContext,
    organisation_id: uuid.UUID,
    external_ids: list[str],
    reason: str,
    *,
    dry_run: bool,
) -> list[Retracted]:
    """Retract these pushed measurements of this organisation (one result per external id,
    in order); with ``dry_run``, only say what would happen."""
    found = await pushed(session, organisation_id, external_ids)
    if found and not dry_run:
        # Locked in id order, then read as they are now (a concurrent retraction may have
        # removed some).
        locked = await lock_rows(session, Measurement, sorted(m.id for m in found.values()))
        found = {ext: locked[m.id] for ext, m in found.items() if m.id in locked}
    missing = sorted({e for e in external_ids if e not in found})
    before: set[str] = set()
    if missing:
        before = set(
            await session.scalars(
                select(MeasurementTombstone.external_id).where(
                    MeasurementTombstone.source_organisation_id == organisation_id,
                    MeasurementTombstone.external_id.in_(missing),
                )
            )
        )
    result = {ext: Retracted("retracted", m.id) for ext, m in found.items()} | {
        ext: Retracted("already" if ext in before else "unknown") for ext in missing
    }
    if found and not dry_run:
        await _remove(session, ctx, organisation_id, list(found.values()), reason)
    return [result[e] for e in external_ids]


async def _remove(
    session: AsyncSession,
    ctx: AuditContext,
    organisation_id: uuid.UUID,
    stored: list[Measurement],
    reason: str,
) -> None:
    mark = await changes.mark(session)
    now = utcnow()
    pending: list[webhooks.PendingEvent] = []
    listening = await webhooks.has_subscribers(session, organisation_id, "measurement.retracted")
    for m in sorted(stored, key=lambda m: str(m.id)):
        session.add(
            MeasurementTombstone(
                id=m.id,
                source_organisation_id=organisation_id,
                external_id=str(m.external_id),
                indicator_id=m.indicator_id,
                change_seq=mark,
                retracted_at=now,
            )
        )
        await audit.record(
            session,
            ctx,
            action="measurement.retracted",
            record_type="measurement",
            record_id=m.id,
            organisation_id=m.organisation_id,
            before={
                "indicator_id": str(m.indicator_id),
                "service_id": str(m.service_id) if m.service_id else None,
                "period_start": m.period_start.isoformat(),
                "period_end": m.period_end.isoformat(),
                "value": m.value,
                "external_id": m.external_id,
            },
            after={"reason": reason},
        )
        if listening:
            pending.append(
                webhooks.PendingEvent(
                    event_type="measurement.retracted",
                    organisation_id=organisation_id,
                    record_type="measurement",
                    record_id=m.id,
                    payload={
                        "measurement_id": m.id,
                        "indicator_id": m.indicator_id,
                        "service_id": m.service_id,
                        "period_start": m.period_start,
                        "period_end": m.period_end,
                        "external_id": m.external_id,
                    },
                )
            )
    await session.execute(delete(Measurement).where(Measurement.id.in_([m.id for m in stored])))
    await session.flush()
    await webhooks.emit_many(session, pending)
