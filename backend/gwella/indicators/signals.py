"""Which series of some organisations end in a special cause now: for a person's home page.

Each series is charted exactly as the chart endpoint charts it by default (its latest 500
points, oldest first, :func:`gwella.indicators.spc.chart` with the Making Data Count
settings), so the home page never says "signal" where the chart shows none. One read of the
organisations' measurements, as the partnership overview does. No HTTP types."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.indicators import spc
from gwella.indicators.models import Indicator, Measurement

SERIES_POINTS = 500
"""As many latest points as :func:`gwella.indicators.service.series` gives the chart."""


@dataclass(frozen=True)
class LatestSignal:
    indicator: Indicator
    organisation_id: uuid.UUID
    service_id: uuid.UUID | None
    period_start: date
    period_end: date
    value: float
    rule: spc.Rule
    nature: spc.Nature


async def latest_signals(
    session: AsyncSession,
    organisation_ids: Iterable[uuid.UUID],
    visible_orgs: frozenset[uuid.UUID] | None,
) -> list[LatestSignal]:
    """The series of these organisations (and of their services) whose latest point is a
    special cause, for the indicators ``visible_orgs`` may read (``None``: all). Concerns
    first, then the newest."""
    orgs = set(organisation_ids)
    if not orgs:
        return []
    indicator_filter = []
    if visible_orgs is not None:
        indicator_filter.append(
            or_(Indicator.organisation_id.is_(None), Indicator.organisation_id.in_(visible_orgs))
        )
    indicators = {
        i.id: i for i in await session.scalars(select(Indicator).where(*indicator_filter))
    }
    if not indicators:
        return []
    rows = await session.execute(
        select(
            Measurement.indicator_id,
            Measurement.unit_key,
            Measurement.organisation_id,
            Measurement.service_id,
            Measurement.period_start,
            Measurement.period_end,
            Measurement.value,
        )
        .where(
            Measurement.organisation_id.in_(orgs),
            Measurement.indicator_id.in_(list(indicators)),
        )
        .order_by(
            Measurement.indicator_id,
            Measurement.unit_key,
            Measurement.period_end,
            Measurement.period_start,
        )
    )
    by_series: dict[
        tuple[uuid.UUID, str], list[tuple[uuid.UUID, uuid.UUID | None, date, date, float]]
    ]
    by_series = {}
    for indicator_id, key, org_id, service_id, start, end, value in rows:
        by_series.setdefault((indicator_id, key), []).append(
            (org_id, service_id, start, end, value)
        )
    out = []
    for (indicator_id, _key), points in by_series.items():
        indicator = indicators[indicator_id]
        recent = points[-SERIES_POINTS:]
        last = spc.chart(
            [v for *_, v in recent], indicator.direction.value, indicator.target
        ).points[-1]
        if last.rule is None or last.nature is None:
            continue
        org_id, service_id, start, end, value = recent[-1]
        out.append(
            LatestSignal(indicator, org_id, service_id, start, end, value, last.rule, last.nature)
        )
    out.sort(key=lambda s: (s.nature != "concern", -s.period_end.toordinal(), s.indicator.code))
    return out
