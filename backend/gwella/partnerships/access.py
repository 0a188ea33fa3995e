"""Load a partnership and decide, in the same call, whether the caller may see it: one
partnership the caller is not part of is reported as 404 (see ``gwella.policy``)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from gwella import policy
from gwella.partnerships import service

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from gwella.core.principal import Principal
    from gwella.partnerships.models import Partnership


async def visible_partnership(
    session: AsyncSession, p: Principal, partnership_id: uuid.UUID
) -> Partnership:
    policy.ensure_read_partnership(p, partnership_id)
    return await service.get_partnership(session, partnership_id)
