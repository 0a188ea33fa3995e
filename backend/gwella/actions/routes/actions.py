"""HTTP for actions themselves: list, propose, read, edit and move along the workflow."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from gwella import policy
from gwella.actions import access, reading, workflow
from gwella.actions.models import Action, ActionOrigin, ActionStatus
from gwella.actions.parties import member_ids
from gwella.actions.schemas import (
    ActionCreate,
    ActionPage,
    ActionRead,
    ActionUpdatePatch,
    StatusChange,
)
from gwella.core.concurrency import IfMatch, OptionalIfMatch, check_if_match, set_etag
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader, SignedIn
from gwella.core.errors import problem_responses
from gwella.core.headers import created
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.principal import Principal

router = APIRouter()

WHO_DECIDES = (
    "**Who decides.** Agreeing an action (`under_review → agreed`) is a partnership-level "
    "decision: administrators or managers of any organisation responsible for it (lead or "
    "supporting, not declined) and the partnership's appointed leads, and only once the lead "
    "organisation has accepted the lead part. Every other change of status, and editing the "
    "action, is decided by the lead "
    "organisation's administrators or managers; while there is no lead yet, by those of the "
    "responsible organisations, and while there are none, by those of any member organisation "
    "of the partnership. Platform administrators may do either. Service users, carers and "
    "staff propose, support and report progress, but do not change status."
)
WORKFLOW = (
    "**Workflow.** `proposed → under_review → agreed → in_progress → completed`; from any "
    "open status `not_taken_forward`, which needs a public `reason` (for an action that came "
    "from a service user, a written reason of at least 20 characters). Any other move is "
    "refused with 409 and the statuses the action can move to. Each change is audited and "
    "appears in the timeline with its `explanation`; it notifies the proposer, owners, "
    "supporters and the responsible organisations' managers, and sends the "
    "`action.status_changed` webhook to each responsible organisation and the proposer's."
)


async def _reply(
    session: SessionDep, response: Response, action: Action, p: Principal
) -> ActionRead:
    await session.refresh(action)
    set_etag(response, action.version)
    return (await reading.reads(session, [action], p.id if p.is_user else None))[0]


@router.get(
    "/actions",
    operation_id="listActions",
    summary="Improvement actions of your partnerships, with filters",
    description="Keyset-paginated. `overdue=true`: the due date has passed and the action is "
    "neither completed nor not taken forward. `organisation_id`: actions the organisation "
    "leads or supports (its part not declined). `status` may be repeated.",
    response_model=ActionPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_actions(
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[PageParams, Depends(page_params("-created_at", list(reading.SORTS)))],
    partnership_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
    status_: Annotated[list[ActionStatus] | None, Query(alias="status")] = None,
    standard_id: uuid.UUID | None = None,
    origin: ActionOrigin | None = None,
    overdue: bool | None = None,
) -> ActionPage:
    rows, cursor = await reading.list_actions(
        session,
        params,
        partnership_ids=policy.action_partnership_ids(principal),
        partnership_id=partnership_id,
        organisation_id=organisation_id,
        statuses=status_ or (),
        standard_id=standard_id,
        origin=origin,
        overdue=overdue,
    )
    return ActionPage(
        items=await reading.reads(session, rows, principal.id if principal.is_user else None),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/actions",
    operation_id="createAction",
    summary="Propose an improvement action",
    description="Any person with a role in a member organisation of the partnership proposes, "
    "service users and carers included (their role is recorded, and the origin defaults to "
    "`service_user` for them). Evidence (campaign results, a question, an indicator, a "
    "published comment) must exist and be visible to you. Responsibilities, if named, have "
    "exactly one lead; each organisation is asked and accepts or declines its part. Sends "
    "`action.created` to the responsible organisations and the proposer's.",
    status_code=status.HTTP_201_CREATED,
    response_model=ActionRead,
    responses={**problem_responses(401, 403, 404, 409, 422), **created()},
)
async def create_action(
    data: ActionCreate, response: Response, session: SessionDep, principal: SignedIn
) -> ActionRead:
    members = await member_ids(session, data.partnership_id)
    proposer = policy.ensure_propose_action(principal, data.partnership_id, members)
    action = await workflow.create_action(
        session, principal.audit, principal, proposer, data, members
    )
    response.headers["Location"] = f"/api/v1/actions/{action.id}"
    return await _reply(session, response, action, principal)


@router.get(
    "/actions/{action_id}",
    operation_id="getAction",
    summary="Read an action: responsibilities, evidence, supporters and what may come next",
    response_model=ActionRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_action(
    action_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> ActionRead:
    action = await access.viewable(session, principal, action_id)
    set_etag(response, action.version)
    return (await reading.reads(session, [action], principal.id if principal.is_user else None))[0]


@router.patch(
    "/actions/{action_id}",
    operation_id="updateAction",
    summary="Edit an action's texts, standard or due date",
    description=WHO_DECIDES + " Closed actions cannot be edited.",
    response_model=ActionRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_action(
    action_id: uuid.UUID,
    patch: ActionUpdatePatch,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> ActionRead:
    action, _ = await access.to_decide(session, principal, action_id, None)
    check_if_match(if_match, action.version)
    await workflow.update_action(session, principal.audit, action, patch)
    return await _reply(session, response, action, principal)


@router.post(
    "/actions/{action_id}/status",
    operation_id="changeActionStatus",
    summary="Move an action to another status, with an explanation",
    description=WORKFLOW + "\n\n" + WHO_DECIDES + " `If-Match` is optional here; when sent, "
    "a stale ETag gets 412.",
    response_model=ActionRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def change_status(
    action_id: uuid.UUID,
    data: StatusChange,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: OptionalIfMatch = None,
) -> ActionRead:
    action, who = await access.to_decide(session, principal, action_id, data.status.value)
    if if_match is not None:
        check_if_match(if_match, action.version)
    await workflow.change_status(session, principal.audit, action, data, who)
    return await _reply(session, response, action, principal)
