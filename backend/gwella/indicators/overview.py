"""A partnership's indicators side by side: each member's latest value with its SPC
variation and assurance, grouped by standard. Read only."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.indicators import spc
from gwella.indicators.models import Indicator, Measurement, Standard
from gwella.indicators.service import frameworks_with_standards
from gwella.organisations import service as organisations


async def partnership_overview(
    session: AsyncSession, member_ids: set[uuid.UUID]
) -> list[tuple[Standard | None, list[tuple[Indicator, list[dict[str, Any]]]]]]:
    """Every indicator a partnership shares (the common definitions and its members' own),
    grouped by standard, with each organisation's or service's latest value and its SPC
    variation and assurance. One read of the members' measurements; the chart of each
    series is computed from its latest 500 points, as the chart endpoint does."""
    indicators = list(
        await session.scalars(
            select(Indicator)
            .where(
                or_(Indicator.organisation_id.is_(None), Indicator.organisation_id.in_(member_ids))
            )
            .order_by(Indicator.code)
        )
    )
    by_series: dict[tuple[uuid.UUID, str], list[Measurement]] = {}
    if member_ids and indicators:
        rows = await session.scalars(
            select(Measurement)
            .where(
                Measurement.organisation_id.in_(member_ids),
                Measurement.indicator_id.in_([i.id for i in indicators]),
            )
            .order_by(Measurement.period_end, Measurement.period_start)
        )
        for m in rows:
            by_series.setdefault((m.indicator_id, m.unit_key), []).append(m)
    orgs = {
        o.id: (o.name, o.name_cy)
        for o in (await organisations.organisations_by_ids(session, member_ids)).values()
    }
    service_ids = {s[-1].service_id for s in by_series.values() if s[-1].service_id}
    services = {
        s.id: (s.name, s.name_cy)
        for s in (await organisations.services_by_ids(session, service_ids)).values()
    }
    units: dict[uuid.UUID, list[dict[str, Any]]] = {i.id: [] for i in indicators}
    by_id = {i.id: i for i in indicators}
    for (indicator_id, _key), series_rows in by_series.items():
        indicator = by_id[indicator_id]
        recent = series_rows[-500:]
        result = spc.chart([m.value for m in recent], indicator.direction.value, indicator.target)
        latest = recent[-1]
        service = services.get(latest.service_id) if latest.service_id else None
        units[indicator_id].append(
            {
                "organisation_id": latest.organisation_id,
                "organisation_name": orgs.get(latest.organisation_id, ("", None))[0],
                "organisation_name_cy": orgs.get(latest.organisation_id, ("", None))[1],
                "service_id": latest.service_id,
                "service_name": service[0] if service else None,
                "service_name_cy": service[1] if service else None,
                "latest_period_start": latest.period_start,
                "latest_period_end": latest.period_end,
                "latest_value": latest.value,
                "points": len(recent),
                "variation": result.variation,
                "assurance": result.assurance,
            }
        )
    for rows_of in units.values():
        rows_of.sort(key=lambda u: (u["organisation_name"], u["service_name"] or ""))
    standards = [s for _, group in await frameworks_with_standards(session) for s in group]
    groups: list[tuple[Standard | None, list[tuple[Indicator, list[dict[str, Any]]]]]] = []
    for standard in [*standards, None]:
        members = [
            (i, units[i.id])
            for i in indicators
            if i.standard_id == (standard.id if standard else None)
            or (standard is None and i.standard_id not in {s.id for s in standards})
        ]
        if members:
            groups.append((standard, members))
    return groups
