"""Responses held for a decision (e.g. without a valid access code or over a submission limit):
listing them and accepting or rejecting them. No HTTP types."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import NotFound
from gwella.core.pagination import PageParams, paginate
from gwella.responses.models import Response
from gwella.responses.service import SORTS, answers_of, count_in, day_of, version_content

if TYPE_CHECKING:
    from gwella.campaigns.models import Campaign


async def list_held(
    session: AsyncSession,
    params: PageParams,
    campaign_id: uuid.UUID,
    service_ids: Iterable[uuid.UUID],
) -> tuple[list[Response], str | None]:
    """Responses held as part of a burst from one address, for their service's staff: only
    those of days that are over, so that none is seen as it arrives (a held response, unlike
    the others, is shown without waiting for a release)."""
    stmt = select(Response).where(
        Response.campaign_id == campaign_id,
        Response.service_id.in_(set(service_ids)),
        Response.held.is_(True),
        Response.submitted_at < day_of(utcnow()),
    )
    return await paginate(session, stmt, params, SORTS, Response.id)


async def decide_held(
    session: AsyncSession,
    ctx: AuditContext,
    campaign: Campaign,
    service_ids: Iterable[uuid.UUID],
    response_ids: Iterable[uuid.UUID],
    approve: bool,
) -> int:
    """Count held responses in (approve) or delete them (reject). Responses that are not held
    in these services are refused, and nothing changes."""
    wanted = set(response_ids)
    found = list(
        await session.scalars(
            select(Response).where(
                Response.id.in_(wanted),
                Response.campaign_id == campaign.id,
                Response.service_id.in_(set(service_ids)),
                Response.held.is_(True),
                Response.submitted_at < day_of(utcnow()),
            )
        )
    )
    if len(found) != len(wanted):
        raise NotFound("Some of these responses are not held in your services in this campaign.")
    if approve:
        for r in found:
            r.held = False
        await session.flush()
        content = await version_content(session, campaign)
        answers = await answers_of(session, [r.id for r in found])
        await count_in(
            session,
            campaign,
            content,
            sorted(found, key=lambda r: r.id),
            {r.id: {a.question_key: a.value.get("v") for a in answers[r.id]} for r in found},
        )
    else:
        await session.execute(delete(Response).where(Response.id.in_([r.id for r in found])))
    await audit.record(
        session,
        ctx,
        action="responses.approved" if approve else "responses.rejected",
        record_type="campaign",
        record_id=campaign.id,
        organisation_id=campaign.organisation_id,
        after={"count": len(found)},
    )
    return len(found)
