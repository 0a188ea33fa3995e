"""HTTP for what happens after agreement: progress updates and the action's timeline."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, status

from gwella.actions import access, progress, reading
from gwella.actions.schemas import (
    ProgressUpdateCreate,
    ProgressUpdateRead,
    TimelineEntry,
    TimelinePage,
)
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader, SignedIn
from gwella.core.errors import problem_responses
from gwella.core.pagination import PageParams, next_link, page_params

router = APIRouter()


@router.get(
    "/actions/{action_id}/updates",
    operation_id="listActionUpdates",
    summary="Progress updates of an action, oldest first",
    response_model=list[ProgressUpdateRead],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_updates(
    action_id: uuid.UUID, session: SessionDep, principal: Reader
) -> list[ProgressUpdateRead]:
    action = await access.viewable(session, principal, action_id)
    return [
        ProgressUpdateRead.model_validate(u)
        for u in await progress.list_updates(session, [action.id])
    ]


@router.post(
    "/actions/{action_id}/updates",
    operation_id="addActionUpdate",
    summary="Report progress (a note and a percentage) for a responsible organisation",
    description="By staff, managers or administrators of a responsible organisation that has "
    "accepted its part, while the action is agreed or in progress. Notifies the proposer, "
    "owners, supporters and the lead's managers.",
    status_code=status.HTTP_201_CREATED,
    response_model=ProgressUpdateRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_update(
    action_id: uuid.UUID, data: ProgressUpdateCreate, session: SessionDep, principal: SignedIn
) -> ProgressUpdateRead:
    action, who, org_id = await access.to_report_on(
        session, principal, action_id, data.organisation_id
    )
    update = await progress.add_update(session, principal.audit, action, org_id, data, who)
    return ProgressUpdateRead.model_validate(update)


@router.get(
    "/actions/{action_id}/timeline",
    operation_id="getActionTimeline",
    summary="What happened to an action, oldest first: proposal, parts, status changes with "
    "their explanations, updates, support, PDSA stages",
    response_model=TimelinePage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def get_timeline(
    action_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[
        PageParams, Depends(page_params("occurred_at", list(reading.TIMELINE_SORTS)))
    ],
) -> TimelinePage:
    action = await access.viewable(session, principal, action_id)
    rows, cursor = await reading.timeline(session, params, action)
    return TimelinePage(
        items=[TimelineEntry.model_validate(e) for e in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )
