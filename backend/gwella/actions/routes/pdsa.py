"""HTTP for PDSA cycles: list, plan, and record their stages."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from gwella.actions import access, pdsa
from gwella.actions.schemas import PdsaCreate, PdsaRead, PdsaUpdate
from gwella.core.concurrency import IfMatch, check_if_match, set_etag
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader, SignedIn
from gwella.core.errors import problem_responses

router = APIRouter()


@router.get(
    "/actions/{action_id}/pdsa-cycles",
    operation_id="listPdsaCycles",
    summary="PDSA cycles of an action, in order",
    response_model=list[PdsaRead],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_cycles(
    action_id: uuid.UUID, session: SessionDep, principal: Reader
) -> list[PdsaRead]:
    action = await access.viewable(session, principal, action_id)
    return [pdsa.pdsa_read(c) for c in await pdsa.pdsa_cycles(session, action)]


@router.post(
    "/actions/{action_id}/pdsa-cycles",
    operation_id="createPdsaCycle",
    summary="Plan a PDSA cycle: objective, prediction and the indicator that will tell",
    description="By staff, managers or administrators of a responsible organisation that has "
    "accepted its part, on an agreed or in-progress action, when no other cycle is open. The "
    "plan date (and later each stage's date) becomes a `pdsa` annotation on the indicator's "
    "chart for `organisation_id` (default: the lead organisation).",
    status_code=status.HTTP_201_CREATED,
    response_model=PdsaRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_cycle(
    action_id: uuid.UUID,
    data: PdsaCreate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
) -> PdsaRead:
    action, org_id = await access.to_plan_cycle(session, principal, action_id, data.organisation_id)
    cycle = await pdsa.create_cycle(session, principal.audit, principal, action, data, org_id)
    set_etag(response, cycle.version)
    return pdsa.pdsa_read(cycle)


@router.patch(
    "/pdsa-cycles/{cycle_id}",
    operation_id="updatePdsaCycle",
    summary="Record a PDSA cycle's do, study and act stages",
    description="Stages in order, each with its notes and date (not before the previous "
    "stage). Act takes a `decision` (adopt, adapt, abandon) and, to adopt or adapt, may start "
    "the next cycle with `next_objective`. Each stage's date is annotated on the indicator's "
    "chart. By staff, managers or administrators of the cycle's organisation.",
    response_model=PdsaRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_cycle(
    cycle_id: uuid.UUID,
    data: PdsaUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> PdsaRead:
    action, cycle = await access.cycle_to_record(session, principal, cycle_id)
    check_if_match(if_match, cycle.version)
    await pdsa.advance_cycle(session, principal.audit, principal, action, cycle, data)
    set_etag(response, cycle.version)
    return pdsa.pdsa_read(cycle)
