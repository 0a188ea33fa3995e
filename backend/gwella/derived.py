"""Indicator measurements derived from survey results (questions mapped to indicators).

It reads several domains through their services, so it lives beside ``cli.py`` and
``worker.py``, which both run it."""

from __future__ import annotations

import calendar

from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns import service as campaigns
from gwella.disclosure import rules
from gwella.indicators import service as indicators
from gwella.organisations import service as organisations
from gwella.responses import service as responses
from gwella.results import service as results


async def derive_measurements(session: AsyncSession) -> int:
    """Measurements from survey questions mapped to indicators: the share of positive answers
    per service and month, for every campaign, as the disclosure layer publishes it in that
    service's results for the month (months with any count held back are left out): a
    measurement never tells more than the results do."""
    rows = []
    for campaign in await campaigns.all_campaigns(session):
        links = (await campaigns.links_of(session, [campaign.id]))[campaign.id]
        service_ids = [link.service_id for link in links]
        content = await responses.version_content(session, campaign)
        for code, service_id, month, value, hits, answered in await results.derived_shares(
            session, campaign.id, content, service_ids, campaign.min_cell_size, rules()
        ):
            org_id = (await organisations.get_service(session, service_id)).organisation_id
            end = month.replace(day=calendar.monthrange(month.year, month.month)[1])
            rows.append((code, org_id, service_id, month, end, value, hits, answered))
    return await indicators.store_derived(session, rows)
