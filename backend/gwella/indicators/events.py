"""Subscribers' events about pushed measurements: ``measurement.created`` for each new one and
``measurement.updated`` for each whose value changed (a repeat with the same values raises
nothing), to the pushing organisation, in the push's transaction.

A push of measurements raises one event per measurement, not one per batch as responses do
(``responses.ingested``): measurements arrive a few per indicator and period, each is a point
of a chart a receiver may act on (and that may raise ``indicator.signal``), and there is no
change feed of measurements to point a batch event at.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from gwella.webhooks import service as webhooks

if TYPE_CHECKING:
    from gwella.indicators.models import Measurement


def _payload(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "measurement_id": values["id"],
        "indicator_id": values["indicator_id"],
        "service_id": values["service_id"],
        "period_start": values["period_start"],
        "period_end": values["period_end"],
        "value": values["value"],
    }


async def created(session: AsyncSession, source_org: uuid.UUID, rows: list[dict[str, Any]]) -> None:
    """``measurement.created`` for each inserted row."""
    if not rows or not await webhooks.has_subscribers(session, source_org, "measurement.created"):
        return
    await webhooks.emit_many(
        session,
        [
            webhooks.PendingEvent(
                event_type="measurement.created",
                organisation_id=source_org,
                record_type="measurement",
                record_id=row["id"],
                payload=_payload(row),
            )
            for row in rows
        ],
    )


async def updated(
    session: AsyncSession,
    source_org: uuid.UUID,
    changes: list[tuple[Measurement, float | None]],
) -> None:
    """``measurement.updated`` for each (measurement as stored now, its previous value)."""
    if not changes or not await webhooks.has_subscribers(
        session, source_org, "measurement.updated"
    ):
        return
    await webhooks.emit_many(
        session,
        [
            webhooks.PendingEvent(
                event_type="measurement.updated",
                organisation_id=source_org,
                record_type="measurement",
                record_id=m.id,
                payload={
                    **_payload({c: getattr(m, c) for c in _FIELDS}),
                    "previous_value": previous,
                },
            )
            for m, previous in changes
        ],
    )


_FIELDS = ("id", "indicator_id", "service_id", "period_start", "period_end", "value")
