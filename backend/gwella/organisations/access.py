"""Load an organisation or a service and decide, in the same call, whether the caller may see
it (or manage it): one the caller may not see is reported as 404 (see ``gwella.policy``)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from gwella import policy
from gwella.organisations import service

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from gwella.core.principal import Principal
    from gwella.organisations.models import Organisation, Service


async def visible_organisation(
    session: AsyncSession, p: Principal, ref: str | uuid.UUID
) -> Organisation:
    """By id or ``scheme:code``."""
    org = await service.get_organisation(session, ref)
    policy.ensure_read_org(p, org.id)
    return org


async def visible_service(session: AsyncSession, p: Principal, service_id: uuid.UUID) -> Service:
    svc = await service.get_service(session, service_id)
    policy.ensure_read_org(p, svc.organisation_id, "service")
    return svc
