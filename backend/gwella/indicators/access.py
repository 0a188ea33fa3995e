"""Load an indicator and decide, in the same call, whether the caller may see it. National
indicators (no organisation) are readable by everyone signed in; an organisation's own are
reported as 404 to those outside it (see ``gwella.policy``)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from gwella import policy
from gwella.indicators import service

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from gwella.core.principal import Principal
    from gwella.indicators.models import Indicator


async def visible_indicator(
    session: AsyncSession, p: Principal, indicator_id: uuid.UUID
) -> Indicator:
    indicator = await service.get_indicator(session, indicator_id)
    if indicator.organisation_id is not None:
        policy.ensure_read_org(p, indicator.organisation_id, "indicator")
    return indicator
