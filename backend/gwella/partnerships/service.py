"""Rules for partnerships and their member organisations."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.concurrency import apply_patch, check_if_match
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from gwella.core.pagination import PageParams, paginate
from gwella.organisations import service as organisations
from gwella.partnerships.models import Partnership, PartnershipLead, PartnershipMember
from gwella.partnerships.schemas import PartnershipCreate, PartnershipUpdate

FIELDS = ("name", "name_cy", "description", "description_cy")
SORTS = {"name": Partnership.name, "created_at": Partnership.created_at}
MEMBER_SORTS = {"joined_at": PartnershipMember.joined_at}


async def sharing_context(
    session: AsyncSession, org_ids: Iterable[uuid.UUID]
) -> tuple[frozenset[uuid.UUID], frozenset[uuid.UUID]]:
    """The active partnerships of these organisations, and every organisation that shares
    one with them (the unit of shared visibility)."""
    ids = set(org_ids)
    if not ids:
        return frozenset(), frozenset()
    active = PartnershipMember.left_at.is_(None)
    partnership_ids = frozenset(
        await session.scalars(
            select(PartnershipMember.partnership_id).where(
                PartnershipMember.organisation_id.in_(ids), active
            )
        )
    )
    if not partnership_ids:
        return frozenset(), frozenset()
    partners = frozenset(
        await session.scalars(
            select(PartnershipMember.organisation_id).where(
                PartnershipMember.partnership_id.in_(partnership_ids), active
            )
        )
    )
    return partnership_ids, partners - ids


async def get_partnership(session: AsyncSession, partnership_id: uuid.UUID) -> Partnership:
    partnership = await session.get(Partnership, partnership_id)
    if partnership is None:
        raise NotFound("No partnership with that id is visible to you.")
    return partnership


async def active_member_ids(session: AsyncSession, partnership_id: uuid.UUID) -> set[uuid.UUID]:
    rows = await session.scalars(
        select(PartnershipMember.organisation_id).where(
            PartnershipMember.partnership_id == partnership_id,
            PartnershipMember.left_at.is_(None),
        )
    )
    return set(rows)


async def member_counts(
    session: AsyncSession, partnership_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, int]:
    ids = set(partnership_ids)
    if not ids:
        return {}
    rows = await session.execute(
        select(PartnershipMember.partnership_id, func.count())
        .where(PartnershipMember.partnership_id.in_(ids), PartnershipMember.left_at.is_(None))
        .group_by(PartnershipMember.partnership_id)
    )
    return {pid: int(n) for pid, n in rows}


async def list_partnerships(
    session: AsyncSession,
    params: PageParams,
    *,
    visible: frozenset[uuid.UUID] | None,
    organisation_id: uuid.UUID | None = None,
    q: str | None = None,
) -> tuple[list[Partnership], str | None]:
    stmt = select(Partnership)
    if visible is not None:
        stmt = stmt.where(Partnership.id.in_(visible))
    if organisation_id is not None:
        stmt = stmt.where(
            Partnership.id.in_(
                select(PartnershipMember.partnership_id).where(
                    PartnershipMember.organisation_id == organisation_id,
                    PartnershipMember.left_at.is_(None),
                )
            )
        )
    if q:
        stmt = stmt.where(func.lower(Partnership.name).contains(q.lower(), autoescape=True))
    return await paginate(session, stmt, params, SORTS, Partnership.id)


async def create_partnership(
    session: AsyncSession, ctx: AuditContext, data: PartnershipCreate
) -> Partnership:
    orgs = await organisations.organisations_by_ids(session, data.organisation_ids)
    missing = [str(i) for i in data.organisation_ids if i not in orgs]
    if missing:
        raise ValidationFailed(
            "Some founding organisations do not exist.",
            errors=[FieldProblem(field="body.organisation_ids", message=", ".join(missing))],
        )
    partnership = Partnership(**data.model_dump(exclude={"organisation_ids"}))
    session.add(partnership)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="partnership.created",
        record_type="partnership",
        record_id=partnership.id,
        partnership_id=partnership.id,
        after=audit.snapshot(partnership, FIELDS),
    )
    for org_id in dict.fromkeys(data.organisation_ids):
        await _join(session, ctx, partnership.id, org_id)
    return partnership


async def update_partnership(
    session: AsyncSession,
    ctx: AuditContext,
    partnership: Partnership,
    patch: PartnershipUpdate,
    if_match: str | None,
) -> Partnership:
    check_if_match(if_match, partnership.version)
    before = audit.snapshot(partnership, FIELDS)
    apply_patch(
        partnership, patch, nullable=frozenset({"name_cy", "description", "description_cy"})
    )
    after = audit.snapshot(partnership, FIELDS)
    if after != before:
        await session.flush()
        await audit.record(
            session,
            ctx,
            action="partnership.updated",
            record_type="partnership",
            record_id=partnership.id,
            partnership_id=partnership.id,
            before=before,
            after=after,
        )
    return partnership


async def _join(
    session: AsyncSession, ctx: AuditContext, partnership_id: uuid.UUID, org_id: uuid.UUID
) -> PartnershipMember:
    member = PartnershipMember(partnership_id=partnership_id, organisation_id=org_id)
    session.add(member)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="partnership.member_joined",
        record_type="partnership_member",
        record_id=member.id,
        organisation_id=org_id,
        partnership_id=partnership_id,
        after={"organisation_id": str(org_id), "partnership_id": str(partnership_id)},
    )
    return member


async def add_member(
    session: AsyncSession, ctx: AuditContext, partnership: Partnership, org_id: uuid.UUID
) -> PartnershipMember:
    await organisations.get_organisation(session, org_id)
    if org_id in await active_member_ids(session, partnership.id):
        raise Conflict("That organisation is already a member of this partnership.")
    return await _join(session, ctx, partnership.id, org_id)


async def remove_member(
    session: AsyncSession, ctx: AuditContext, partnership: Partnership, org_id: uuid.UUID
) -> PartnershipMember:
    member = await session.scalar(
        select(PartnershipMember).where(
            PartnershipMember.partnership_id == partnership.id,
            PartnershipMember.organisation_id == org_id,
            PartnershipMember.left_at.is_(None),
        )
    )
    if member is None:
        raise NotFound("That organisation is not a current member of this partnership.")
    member.left_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="partnership.member_left",
        record_type="partnership_member",
        record_id=member.id,
        organisation_id=org_id,
        partnership_id=partnership.id,
        before={"left_at": None},
        after={"left_at": member.left_at.isoformat()},
    )
    return member


async def list_members(
    session: AsyncSession,
    params: PageParams,
    partnership_id: uuid.UUID,
    include_former: bool,
) -> tuple[list[PartnershipMember], str | None]:
    stmt = select(PartnershipMember).where(PartnershipMember.partnership_id == partnership_id)
    if not include_former:
        stmt = stmt.where(PartnershipMember.left_at.is_(None))
    return await paginate(session, stmt, params, MEMBER_SORTS, PartnershipMember.id)


# ------------------------------------------------------------------------------- leads


async def list_leads(session: AsyncSession, partnership_id: uuid.UUID) -> list[PartnershipLead]:
    """The partnership's current leads whose organisation is still a member."""
    rows = await session.scalars(
        select(PartnershipLead)
        .where(
            PartnershipLead.partnership_id == partnership_id,
            PartnershipLead.organisation_id.in_(
                select(PartnershipMember.organisation_id).where(
                    PartnershipMember.partnership_id == partnership_id,
                    PartnershipMember.left_at.is_(None),
                )
            ),
        )
        .order_by(PartnershipLead.appointed_at, PartnershipLead.id)
    )
    return list(rows)


# A lead counts only while the organisation they were appointed through is still a member.
_LEAD_ORGANISATION_IS_MEMBER = (
    (PartnershipMember.partnership_id == PartnershipLead.partnership_id)
    & (PartnershipMember.organisation_id == PartnershipLead.organisation_id)
    & PartnershipMember.left_at.is_(None)
)


async def lead_partnership_ids(session: AsyncSession, user_id: uuid.UUID) -> set[uuid.UUID]:
    """Partnerships this person leads (through an organisation that is still a member)."""
    rows = await session.scalars(
        select(PartnershipLead.partnership_id)
        .join(PartnershipMember, _LEAD_ORGANISATION_IS_MEMBER)
        .where(PartnershipLead.user_id == user_id)
    )
    return set(rows)


async def lead_user_ids_for_organisation(
    session: AsyncSession, organisation_id: uuid.UUID
) -> list[uuid.UUID]:
    """The leads of every partnership this organisation is an active member of (who hear of
    its indicators' signals and joint actions), in one query."""
    active = PartnershipMember.left_at.is_(None)
    partnerships = select(PartnershipMember.partnership_id).where(
        PartnershipMember.organisation_id == organisation_id, active
    )
    rows = await session.scalars(
        select(PartnershipLead.user_id)
        .join(PartnershipMember, _LEAD_ORGANISATION_IS_MEMBER)
        .where(PartnershipLead.partnership_id.in_(partnerships))
        .distinct()
    )
    return sorted(rows, key=str)


async def appoint_lead(
    session: AsyncSession,
    ctx: AuditContext,
    partnership: Partnership,
    user_id: uuid.UUID,
    organisation_id: uuid.UUID,
    *,
    person_belongs: bool,
) -> PartnershipLead:
    """``person_belongs``: the caller found the person an active member of that organisation
    (people are the accounts domain's, above this one)."""
    if organisation_id not in await active_member_ids(session, partnership.id):
        raise ValidationFailed(
            "A lead comes from a member organisation.",
            errors=[
                FieldProblem(
                    field="body.organisation_id",
                    message="Not a current member of this partnership.",
                )
            ],
        )
    if not person_belongs:
        raise ValidationFailed(
            "A lead is an active member of the organisation they come from.",
            errors=[
                FieldProblem(
                    field="body.user_id", message="Not an active member of that organisation."
                )
            ],
        )
    if any(lead.user_id == user_id for lead in await list_leads(session, partnership.id)):
        raise Conflict("That person already leads this partnership.")
    stale = await session.scalar(
        select(PartnershipLead).where(
            PartnershipLead.partnership_id == partnership.id, PartnershipLead.user_id == user_id
        )
    )
    if stale is not None:  # appointed through an organisation that has since left
        await session.delete(stale)
        await session.flush()
    lead = PartnershipLead(
        partnership_id=partnership.id,
        user_id=user_id,
        organisation_id=organisation_id,
        appointed_by_id=ctx.actor_id,
    )
    session.add(lead)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="partnership.lead_appointed",
        record_type="partnership_lead",
        record_id=lead.id,
        organisation_id=organisation_id,
        partnership_id=partnership.id,
        after={"user_id": str(user_id), "organisation_id": str(organisation_id)},
    )
    return lead


async def get_lead(
    session: AsyncSession, partnership_id: uuid.UUID, user_id: uuid.UUID
) -> PartnershipLead:
    for lead in await list_leads(session, partnership_id):
        if lead.user_id == user_id:
            return lead
    raise NotFound("That person does not lead this partnership.")


async def remove_lead(session: AsyncSession, ctx: AuditContext, lead: PartnershipLead) -> None:
    await session.delete(lead)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="partnership.lead_removed",
        record_type="partnership_lead",
        record_id=lead.id,
        organisation_id=lead.organisation_id,
        partnership_id=lead.partnership_id,
        before={"user_id": str(lead.user_id), "organisation_id": str(lead.organisation_id)},
    )
