"""HTTP for support: who backs an action, supporting it and withdrawing support."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status

from gwella.actions import access, participation
from gwella.actions.schemas import SupportPage, SupportRead
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader, SignedIn
from gwella.core.errors import problem_responses
from gwella.core.pagination import PageParams, next_link, page_params

router = APIRouter()


@router.get(
    "/actions/{action_id}/supports",
    operation_id="listActionSupports",
    summary="Who supports an action, with their role",
    response_model=SupportPage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_supports(
    action_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[
        PageParams, Depends(page_params("created_at", list(participation.SUPPORT_SORTS)))
    ],
) -> SupportPage:
    action = await access.viewable(session, principal, action_id)
    rows, cursor = await participation.list_supports(session, params, action)
    return SupportPage(
        items=[SupportRead.model_validate(s) for s in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/actions/{action_id}/supports",
    operation_id="addActionSupport",
    summary="Support an action (service users and carers; one support per person)",
    description="Your role (service user or carer) is recorded, so the share of support from "
    "service users is shown. A second support by the same person is refused (409).",
    status_code=status.HTTP_201_CREATED,
    response_model=SupportRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_support(
    action_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> SupportRead:
    action, supporter = await access.to_support(session, principal, action_id)
    support = await participation.add_support(
        session, principal.audit, action, principal.id, supporter
    )
    return SupportRead.model_validate(support)


@router.delete(
    "/actions/{action_id}/supports/mine",
    operation_id="removeActionSupport",
    summary="Withdraw your support",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def remove_support(
    action_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> Response:
    action = await access.viewable(session, principal, action_id)
    await participation.remove_support(session, principal.audit, action, principal.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
