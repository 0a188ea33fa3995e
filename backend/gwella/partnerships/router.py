"""HTTP for partnerships and their member organisations."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.accounts import users as accounts
from gwella.core.concurrency import IfMatch, set_etag
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader, SignedIn
from gwella.core.errors import problem_responses
from gwella.core.headers import created
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.principal import Principal
from gwella.organisations import service as organisations
from gwella.partnerships import service
from gwella.partnerships.access import visible_partnership
from gwella.partnerships.models import Partnership, PartnershipLead, PartnershipMember
from gwella.partnerships.schemas import (
    PartnershipCreate,
    PartnershipLeadAdd,
    PartnershipLeadRead,
    PartnershipMemberAdd,
    PartnershipMemberPage,
    PartnershipMemberRead,
    PartnershipPage,
    PartnershipRead,
    PartnershipUpdate,
)

router = APIRouter(prefix="/api/v1", tags=["partnerships"])


async def _reads(session: AsyncSession, rows: list[Partnership]) -> list[PartnershipRead]:
    counts = await service.member_counts(session, [p.id for p in rows])
    return [
        PartnershipRead.model_validate(
            {
                **{f: getattr(p, f) for f in PartnershipRead.model_fields if f != "member_count"},
                "member_count": counts.get(p.id, 0),
            }
        )
        for p in rows
    ]


async def _member_reads(
    session: AsyncSession, rows: list[PartnershipMember]
) -> list[PartnershipMemberRead]:
    orgs = await organisations.organisations_by_ids(session, [m.organisation_id for m in rows])
    return [
        PartnershipMemberRead(
            id=m.id,
            partnership_id=m.partnership_id,
            organisation_id=m.organisation_id,
            organisation_name=orgs[m.organisation_id].name,
            organisation_name_cy=orgs[m.organisation_id].name_cy,
            organisation_kind=orgs[m.organisation_id].kind,
            joined_at=m.joined_at,
            left_at=m.left_at,
        )
        for m in rows
    ]


@router.get(
    "/partnerships",
    operation_id="listPartnerships",
    summary="List the partnerships your organisations belong to",
    response_model=PartnershipPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_partnerships(
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[PageParams, Depends(page_params("name", list(service.SORTS)))],
    organisation_id: Annotated[
        uuid.UUID | None, Query(description="Only partnerships this organisation is in")
    ] = None,
    q: Annotated[str | None, Query(max_length=100, description="Name contains")] = None,
) -> PartnershipPage:
    visible = None if principal.is_platform_admin else principal.partnership_ids
    rows, cursor = await service.list_partnerships(
        session, params, visible=visible, organisation_id=organisation_id, q=q
    )
    return PartnershipPage(
        items=await _reads(session, rows), next_cursor=cursor, next=next_link(request, cursor)
    )


@router.post(
    "/partnerships",
    operation_id="createPartnership",
    summary="Create a partnership",
    description="Platform administrators, or a person who administers every founding "
    "organisation: no organisation is put into a partnership without its consent.",
    status_code=status.HTTP_201_CREATED,
    response_model=PartnershipRead,
    responses={**problem_responses(401, 403, 413, 422), **created()},
)
async def create_partnership(
    data: PartnershipCreate, response: Response, session: SessionDep, principal: SignedIn
) -> PartnershipRead:
    policy.ensure_create_partnership(principal, data.organisation_ids)
    partnership = await service.create_partnership(session, principal.audit, data)
    set_etag(response, partnership.version)
    response.headers["Location"] = f"/api/v1/partnerships/{partnership.id}"
    return (await _reads(session, [partnership]))[0]


@router.get(
    "/partnerships/{partnership_id}",
    operation_id="getPartnership",
    summary="Read a partnership",
    response_model=PartnershipRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_partnership(
    partnership_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> PartnershipRead:
    partnership = await visible_partnership(session, principal, partnership_id)
    set_etag(response, partnership.version)
    return (await _reads(session, [partnership]))[0]


@router.patch(
    "/partnerships/{partnership_id}",
    operation_id="updatePartnership",
    summary="Change a partnership's name or description",
    response_model=PartnershipRead,
    responses=problem_responses(401, 403, 404, 412, 413, 422, 428),
)
async def update_partnership(
    partnership_id: uuid.UUID,
    patch: PartnershipUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> PartnershipRead:
    partnership = await visible_partnership(session, principal, partnership_id)
    policy.ensure_change_partnership(
        principal, partnership_id, await service.active_member_ids(session, partnership_id)
    )
    partnership = await service.update_partnership(
        session, principal.audit, partnership, patch, if_match
    )
    set_etag(response, partnership.version)
    return (await _reads(session, [partnership]))[0]


@router.get(
    "/partnerships/{partnership_id}/members",
    operation_id="listPartnershipMembers",
    summary="List a partnership's member organisations",
    response_model=PartnershipMemberPage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_members(
    partnership_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[PageParams, Depends(page_params("joined_at", list(service.MEMBER_SORTS)))],
    include_former: Annotated[
        bool, Query(description="Include organisations that have left, with `left_at`")
    ] = False,
) -> PartnershipMemberPage:
    await visible_partnership(session, principal, partnership_id)
    rows, cursor = await service.list_members(session, params, partnership_id, include_former)
    return PartnershipMemberPage(
        items=await _member_reads(session, rows),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/partnerships/{partnership_id}/members",
    operation_id="addPartnershipMember",
    summary="Bring an organisation into a partnership",
    status_code=status.HTTP_201_CREATED,
    response_model=PartnershipMemberRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_member(
    partnership_id: uuid.UUID,
    data: PartnershipMemberAdd,
    session: SessionDep,
    principal: SignedIn,
) -> PartnershipMemberRead:
    partnership = await visible_partnership(session, principal, partnership_id)
    policy.ensure_change_partnership(
        principal, partnership_id, await service.active_member_ids(session, partnership_id)
    )
    await organisations.get_organisation(session, data.organisation_id)  # 404 before consent
    policy.ensure_join_partnership(principal, data.organisation_id)
    member = await service.add_member(session, principal.audit, partnership, data.organisation_id)
    return (await _member_reads(session, [member]))[0]


@router.delete(
    "/partnerships/{partnership_id}/members/{organisation_id}",
    operation_id="removePartnershipMember",
    summary="Take an organisation out of a partnership",
    description="The membership is kept with `left_at` set; shared visibility ends at once.",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def remove_member(
    partnership_id: uuid.UUID,
    organisation_id: uuid.UUID,
    session: SessionDep,
    principal: SignedIn,
) -> None:
    partnership = await visible_partnership(session, principal, partnership_id)
    policy.ensure_remove_partner(principal, partnership_id, organisation_id)
    await service.remove_member(session, principal.audit, partnership, organisation_id)


async def _lead_reads(
    session: AsyncSession, rows: list[PartnershipLead]
) -> list[PartnershipLeadRead]:
    orgs = await organisations.organisations_by_ids(session, [r.organisation_id for r in rows])
    people = await accounts.users_by_ids(session, {r.user_id for r in rows})
    names = {u.id: u.display_name for u in people.values()}
    return [
        PartnershipLeadRead(
            id=r.id,
            partnership_id=r.partnership_id,
            user_id=r.user_id,
            display_name=names.get(r.user_id, ""),
            organisation_id=r.organisation_id,
            organisation_name=orgs[r.organisation_id].name,
            organisation_name_cy=orgs[r.organisation_id].name_cy,
            appointed_at=r.appointed_at,
        )
        for r in rows
    ]


@router.get(
    "/partnerships/{partnership_id}/leads",
    operation_id="listPartnershipLeads",
    summary="The people who lead a partnership across its organisations",
    description="Leads hear of every member's indicator signals and can agree joint actions. "
    "A lead whose organisation has left the partnership is no longer listed.",
    response_model=list[PartnershipLeadRead],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_leads(
    partnership_id: uuid.UUID, session: SessionDep, principal: Reader
) -> list[PartnershipLeadRead]:
    await visible_partnership(session, principal, partnership_id)
    return await _lead_reads(session, await service.list_leads(session, partnership_id))


async def _is_lead(session: AsyncSession, principal: Principal, partnership_id: uuid.UUID) -> bool:
    return principal.is_user and partnership_id in await service.lead_partnership_ids(
        session, principal.id
    )


@router.post(
    "/partnerships/{partnership_id}/leads",
    operation_id="addPartnershipLead",
    summary="Appoint a person from a member organisation to lead the partnership",
    description="By an administrator of the person's own organisation, a current lead, or a "
    "platform administrator. The person must belong to that member organisation.",
    status_code=status.HTTP_201_CREATED,
    response_model=PartnershipLeadRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def appoint_lead(
    partnership_id: uuid.UUID,
    data: PartnershipLeadAdd,
    session: SessionDep,
    principal: SignedIn,
) -> PartnershipLeadRead:
    partnership = await visible_partnership(session, principal, partnership_id)
    policy.ensure_appoint_lead(
        principal,
        partnership_id,
        data.organisation_id,
        is_lead=await _is_lead(session, principal, partnership_id),
    )
    lead = await service.appoint_lead(
        session,
        principal.audit,
        partnership,
        data.user_id,
        data.organisation_id,
        person_belongs=await accounts.is_active_member(session, data.user_id, data.organisation_id),
    )
    return (await _lead_reads(session, [lead]))[0]


@router.delete(
    "/partnerships/{partnership_id}/leads/{user_id}",
    operation_id="removePartnershipLead",
    summary="End a person's appointment as a partnership lead (or step down)",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def remove_lead(
    partnership_id: uuid.UUID, user_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> None:
    await visible_partnership(session, principal, partnership_id)
    lead = await service.get_lead(session, partnership_id, user_id)
    policy.ensure_remove_lead(
        principal,
        partnership_id,
        lead.user_id,
        lead.organisation_id,
        is_lead=await _is_lead(session, principal, partnership_id),
    )
    await service.remove_lead(session, principal.audit, lead)
