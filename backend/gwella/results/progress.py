"""What an open dashboard needs to notice that results moved on: per campaign, the response
tallies of each service (to publish the total through the disclosure layer) and how many
releases those services have had. Read by the stream; nothing here is published as it is."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.disclosure.tables import Tally
from gwella.results.aggregate import RESPONSES
from gwella.results.models import ResultCell, ResultRelease


async def response_tallies(
    session: AsyncSession, service_ids: Select[uuid.UUID] | None
) -> dict[uuid.UUID, dict[uuid.UUID, Tally]]:
    """Per campaign and service, the whole-campaign response count and its key sum
    (``service_ids``, a subquery of service ids; None: every service)."""
    stmt = select(
        ResultCell.campaign_id, ResultCell.service_id, ResultCell.count, ResultCell.key_sum
    ).where(ResultCell.question_key == RESPONSES, ResultCell.period == "all")
    if service_ids is not None:
        stmt = stmt.where(ResultCell.service_id.in_(service_ids))
    out: dict[uuid.UUID, dict[uuid.UUID, Tally]] = {}
    for campaign, service, n, keys in await session.execute(stmt):
        out.setdefault(campaign, {})[service] = Tally(n, keys)
    return out


async def releases_so_far(
    session: AsyncSession, service_ids: Select[uuid.UUID] | None
) -> dict[uuid.UUID, int]:
    """Per campaign, how many releases these services have had (any period)."""
    stmt = select(ResultRelease.campaign_id, func.sum(ResultRelease.releases)).group_by(
        ResultRelease.campaign_id
    )
    if service_ids is not None:
        stmt = stmt.where(ResultRelease.service_id.in_(service_ids))
    return {campaign: int(n or 0) for campaign, n in await session.execute(stmt)}


async def release_counts(session: AsyncSession) -> dict[tuple[uuid.UUID, uuid.UUID], int]:
    """Per campaign and service, how many releases it has had (for the streams' change feed,
    which tells apart what each person may see itself)."""
    stmt = select(ResultRelease.campaign_id, ResultRelease.service_id, ResultRelease.releases)
    return {(c, s): int(n or 0) for c, s, n in await session.execute(stmt)}
