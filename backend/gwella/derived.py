"""Indicator measurements derived from survey results (questions mapped to indicators).

It reads several domains through their services, so it lives beside ``cli.py`` and
``worker.py``, which both run it."""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Iterable
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

Feed = tuple[str, uuid.UUID]
"""(indicator code, service): a line of points on a chart, fed by every campaign running in
the service with a question mapped to the indicator."""


async def derive_measurements(
    session: AsyncSession, campaign_ids: Iterable[uuid.UUID] | None = None
) -> int:
    """Measurements from survey questions mapped to indicators: the share of positive answers
    per service and month, as the disclosure layer publishes it in that service's results for
    the month (months with the share held back are left out). A measurement never tells more
    than the results do: it is made of published numbers only.

    Where several campaigns (or several questions) map to the same indicator in the same
    service and month, the point pools what each publishes: the sum of their published
    positive answers over the sum of their published answers. (There is one point per unit
    and period on a chart; the last campaign read used to overwrite the others, and two new
    ones at once crashed every derivation.)

    With ``campaign_ids`` (what a retraction changed), only the points those campaigns feed
    are derived again, pooled with the other campaigns that feed the same points; every other
    campaign is neither read nor written (the worker derives everything at its own pace).
    Without, every campaign's points are.

    A campaign whose results cannot be read is logged and left out; the others go on."""
    scope: list[tuple[uuid.UUID, set[Feed] | None]]
    if campaign_ids is None:
        # Ids, not records: a savepoint rolled back expires what was loaded.
        scope = [(c.id, None) for c in await campaigns.all_campaigns(session)]
    else:
        scope = list(await _feeding(session, set(campaign_ids)))
    pooled: dict[Point, tuple[int, int]] = {}
    for campaign_id, feeds in scope:
        try:
            # A savepoint: a database error in one campaign's reads (which aborts the whole
            # transaction on PostgreSQL) is undone to here, and the next campaign reads on.
            async with session.begin_nested():
                shares = await _published_shares(session, campaign_id, feeds)
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


async def _feeds_of(session: AsyncSession, campaign_id: uuid.UUID) -> set[Feed]:
    """The (indicator, service) lines this campaign's mapped questions feed."""
    campaign = await campaigns.get_campaign(session, campaign_id)
    content = await responses.version_content(session, campaign)
    codes = {q.indicator_code for q in content.questions if q.indicator_code}
    links = (await campaigns.links_of(session, [campaign.id]))[campaign.id]
    return {(code, link.service_id) for code in codes for link in links}


async def _feeding(
    session: AsyncSession, changed: set[uuid.UUID]
) -> list[tuple[uuid.UUID, set[Feed]]]:
    """The campaigns that feed the lines these campaigns feed, each with the lines it shares
    with them: the changed campaigns first, then the others running in their services."""
    own = {c: await _feeds_of(session, c) for c in sorted(changed, key=str)}
    wanted = set().union(*own.values())
    out = [(campaign_id, feeds) for campaign_id, feeds in own.items() if feeds]
    if not wanted:
        return out
    # Ids, not records: a savepoint rolled back expires what was loaded.
    beside = await campaigns.campaigns_in_services(session, {s for _, s in wanted})
    for campaign_id in [c.id for c in beside if c.id not in changed]:
        try:
            async with session.begin_nested():
                shared = await _feeds_of(session, campaign_id) & wanted
        except Exception:
            _log.exception("derivation_failed", campaign_id=str(campaign_id))
            continue
        if shared:
            out.append((campaign_id, shared))
    return out


async def _published_shares(
    session: AsyncSession, campaign_id: uuid.UUID, feeds: set[Feed] | None = None
) -> list[tuple[str, uuid.UUID, date, int, int]]:
    """(indicator code, service, month, published positive answers, published answers) of
    one campaign's mapped questions (only those feeding ``feeds``, when given)."""
    campaign = await campaigns.get_campaign(session, campaign_id)
    links = (await campaigns.links_of(session, [campaign.id]))[campaign.id]
    service_ids = [link.service_id for link in links]
    if feeds is not None:
        fed = {s for _, s in feeds}
        service_ids = [s for s in service_ids if s in fed]
    content = await responses.version_content(session, campaign)
    found = await results.derived_shares(
        session,
        campaign.id,
        content,
        service_ids,
        campaign.min_cell_size,
        rules(),
        None if feeds is None else {code for code, _ in feeds},
    )
    return [
        (code, service_id, month, hits, answered)
        for code, service_id, month, _share, hits, answered in found
        if feeds is None or (code, service_id) in feeds
    ]
