"""Indicator measurements derived from survey results (questions mapped to indicators).

It reads several domains through their services, so it lives beside ``cli.py`` and
``worker.py``, which both run it."""

from __future__ import annotations

import calendar
import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns import service as campaigns
from gwella.core.logging import get_logger
from gwella.disclosure import rules
from gwella.indicators import service as indicators
from gwella.organisations import service as organisations
from gwella.responses import service as responses
from gwella.results import service as results

_log = get_logger("gwella.derived")

Point = tuple[str, uuid.UUID, date]
"""(indicator code, service, month start)."""


async def derive_measurements(session: AsyncSession) -> int:
    """Measurements from survey questions mapped to indicators: the share of positive answers
    per service and month, as the disclosure layer publishes it in that service's results for
    the month (months with the share held back are left out). A measurement never tells more
    than the results do: it is made of published numbers only.

    Where several campaigns (or several questions) map to the same indicator in the same
    service and month, the point pools what each publishes: the sum of their published
    positive answers over the sum of their published answers. (There is one point per unit
    and period on a chart; the last campaign read used to overwrite the others, and two new
    ones at once crashed every derivation.)

    A campaign whose results cannot be read is logged and left out; the others go on."""
    pooled: dict[Point, tuple[int, int]] = {}
    # Ids, not records: a savepoint rolled back expires what was loaded.
    for campaign_id in [c.id for c in await campaigns.all_campaigns(session)]:
        try:
            # A savepoint: a database error in one campaign's reads (which aborts the whole
            # transaction on PostgreSQL) is undone to here, and the next campaign reads on.
            async with session.begin_nested():
                shares = await _published_shares(session, campaign_id)
        except Exception:
            _log.exception("derivation_failed", campaign_id=str(campaign_id))
            continue
        for code, service_id, month, hits, answered in shares:
            before = pooled.get((code, service_id, month), (0, 0))
            pooled[(code, service_id, month)] = (before[0] + hits, before[1] + answered)
    rows = []
    organisation_of: dict[uuid.UUID, uuid.UUID] = {}
    for (code, service_id, month), (hits, answered) in sorted(pooled.items(), key=str):
        if not answered:
            continue
        if service_id not in organisation_of:
            service = await organisations.get_service(session, service_id)
            organisation_of[service_id] = service.organisation_id
        end = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        value = 100 * hits / answered
        rows.append(
            (code, organisation_of[service_id], service_id, month, end, value, hits, answered)
        )
    return await indicators.store_derived(session, rows)


async def _published_shares(
    session: AsyncSession, campaign_id: uuid.UUID
) -> list[tuple[str, uuid.UUID, date, int, int]]:
    """(indicator code, service, month, published positive answers, published answers) of
    one campaign's mapped questions."""
    campaign = await campaigns.get_campaign(session, campaign_id)
    links = (await campaigns.links_of(session, [campaign.id]))[campaign.id]
    content = await responses.version_content(session, campaign)
    found = await results.derived_shares(
        session,
        campaign.id,
        content,
        [link.service_id for link in links],
        campaign.min_cell_size,
        rules(),
    )
    return [
        (code, service_id, month, hits, answered)
        for code, service_id, month, _share, hits, answered in found
    ]
