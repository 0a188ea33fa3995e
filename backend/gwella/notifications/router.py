"""HTTP for the signed-in person's notifications."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, status

from gwella.core.database import SessionDep
from gwella.core.dependencies import SignedIn
from gwella.core.errors import problem_responses
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.notifications import service
from gwella.notifications.schemas import NotificationPage, NotificationRead

router = APIRouter(prefix="/api/v1/notifications", tags=["notifications"])


@router.get(
    "",
    operation_id="listNotifications",
    summary="Your notifications, newest first",
    response_model=NotificationPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_notifications(
    request: Request,
    session: SessionDep,
    principal: SignedIn,
    params: Annotated[PageParams, Depends(page_params("-created_at", list(service.SORTS)))],
    unread: bool | None = None,
) -> NotificationPage:
    rows, cursor = await service.list_mine(session, params, principal.id, unread)
    return NotificationPage(
        items=[NotificationRead.model_validate(n) for n in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/{notification_id}/read",
    operation_id="readNotification",
    summary="Mark one of your notifications as read",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def read_notification(
    notification_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> None:
    await service.mark_read(session, principal.id, notification_id)


@router.post(
    "/read-all",
    operation_id="readAllNotifications",
    summary="Mark all your notifications as read",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403),
)
async def read_all(session: SessionDep, principal: SignedIn) -> None:
    await service.mark_read(session, principal.id, None)
