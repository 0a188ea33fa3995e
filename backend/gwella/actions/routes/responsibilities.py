"""HTTP for the organisations' parts in an action: ask, accept, decline, name the owner."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from gwella.actions import access, reading, responsibilities
from gwella.actions.models import Action
from gwella.actions.schemas import (
    ResponsibilityDecision,
    ResponsibilityIn,
    ResponsibilityRead,
    ResponsibilityUpdate,
)
from gwella.core.concurrency import IfMatch, check_if_match, set_etag
from gwella.core.database import SessionDep
from gwella.core.dependencies import SignedIn
from gwella.core.errors import problem_responses
from gwella.core.principal import Principal

router = APIRouter()


async def _read(session: SessionDep, action: Action, org_id: uuid.UUID) -> ResponsibilityRead:
    read = (await reading.reads(session, [action], None))[0]
    return next(r for r in read.responsibilities if r.organisation_id == org_id)


@router.post(
    "/actions/{action_id}/responsibilities",
    operation_id="addActionResponsibility",
    summary="Ask a member organisation to lead or support an action",
    description="By administrators or managers of any member organisation of the partnership; "
    "the organisation then accepts or declines. There is exactly one lead: a second is "
    "refused (409) unless the first declined. Notifies the organisation's managers and the "
    "owner named.",
    status_code=status.HTTP_201_CREATED,
    response_model=ResponsibilityRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_responsibility(
    action_id: uuid.UUID, data: ResponsibilityIn, session: SessionDep, principal: SignedIn
) -> ResponsibilityRead:
    action, who = await access.to_assign(session, principal, action_id)
    row = await responsibilities.add_responsibility(session, principal.audit, action, data, who)
    return await _read(session, action, row.organisation_id)


async def _answer(
    action_id: uuid.UUID,
    organisation_id: uuid.UUID,
    data: ResponsibilityDecision,
    session: SessionDep,
    principal: Principal,
    accept: bool,
) -> ResponsibilityRead:
    action, row = await access.part_to_answer(session, principal, action_id, organisation_id)
    await responsibilities.answer_responsibility(
        session, principal.audit, action, row, accept, data.owner_id, data.note
    )
    return await _read(session, action, organisation_id)


@router.post(
    "/actions/{action_id}/responsibilities/{organisation_id}/accept",
    operation_id="acceptActionResponsibility",
    summary="Accept your organisation's part in an action (optionally naming its owner)",
    description="By the organisation's administrators or managers. The owner must be a "
    "member of the organisation.",
    response_model=ResponsibilityRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def accept_responsibility(
    action_id: uuid.UUID,
    organisation_id: uuid.UUID,
    data: ResponsibilityDecision,
    session: SessionDep,
    principal: SignedIn,
) -> ResponsibilityRead:
    return await _answer(action_id, organisation_id, data, session, principal, True)


@router.post(
    "/actions/{action_id}/responsibilities/{organisation_id}/decline",
    operation_id="declineActionResponsibility",
    summary="Decline your organisation's part in an action, saying why",
    description="By the organisation's administrators or managers; `note` is required. A "
    "declined lead leaves the action without a lead until another organisation is asked.",
    response_model=ResponsibilityRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def decline_responsibility(
    action_id: uuid.UUID,
    organisation_id: uuid.UUID,
    data: ResponsibilityDecision,
    session: SessionDep,
    principal: SignedIn,
) -> ResponsibilityRead:
    return await _answer(action_id, organisation_id, data, session, principal, False)


@router.patch(
    "/actions/{action_id}/responsibilities/{organisation_id}",
    operation_id="updateActionResponsibility",
    summary="Change the owner of your organisation's part",
    description="By the organisation's administrators or managers; the owner must be a "
    "member of the organisation (null: no owner).",
    response_model=ResponsibilityRead,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def update_responsibility(
    action_id: uuid.UUID,
    organisation_id: uuid.UUID,
    data: ResponsibilityUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> ResponsibilityRead:
    action, row = await access.part_to_answer(session, principal, action_id, organisation_id)
    check_if_match(if_match, row.version)
    if "owner_id" in data.model_fields_set:
        await responsibilities.set_owner(session, principal.audit, action, row, data.owner_id)
    read = await _read(session, action, organisation_id)
    set_etag(response, read.version)
    return read
