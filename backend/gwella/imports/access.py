"""Who may see which import jobs, and loading one with that check in the same call (an import
of another organisation is reported as 404)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from gwella import policy
from gwella.core.errors import NotFound
from gwella.imports import service

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from gwella.core.principal import Principal
    from gwella.imports.models import ImportJob


def visible_orgs(p: Principal) -> frozenset[uuid.UUID] | None:
    """Organisations whose imports the caller may see and start (None: all): editors' and
    administrators' organisations, or an API client's own."""
    if p.is_platform_admin:
        return None
    if p.kind == "api_client":
        return p.member_org_ids
    return p.orgs_with_role(*policy.EDITOR_ROLES)


async def visible_job(session: AsyncSession, p: Principal, job_id: uuid.UUID) -> ImportJob:
    job = await service.get_job(session, job_id)
    orgs = visible_orgs(p)
    if orgs is not None and job.organisation_id not in orgs:
        raise NotFound("No import with that id is visible to you.")
    return job
