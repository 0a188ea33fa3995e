"""HTTP for the signed-in person's notifications."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, status

from gwella.core.database import SessionDep, utcnow
from gwella.core.dependencies import SignedIn
from gwella.core.errors import problem_responses
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.notifications import digest, service
from gwella.notifications.models import DigestFrequency
from gwella.notifications.schemas import (
    NotificationPage,
    NotificationPreferences,
    NotificationPreferencesUpdate,
    NotificationRead,
)

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


def _preferences(frequency: DigestFrequency) -> NotificationPreferences:
    return NotificationPreferences(
        digest=frequency, next_digest_at=digest.next_period_start(frequency, utcnow())
    )


@router.get(
    "/preferences",
    operation_id="getNotificationPreferences",
    summary="Whether, and how often, you are e-mailed a digest of what you have not read",
    response_model=NotificationPreferences,
    responses=problem_responses(401, 403),
)
async def get_preferences(session: SessionDep, principal: SignedIn) -> NotificationPreferences:
    return _preferences(await digest.get_frequency(session, principal.id))


@router.put(
    "/preferences",
    operation_id="updateNotificationPreferences",
    summary="Ask for an e-mail digest daily or weekly, or stop it (off)",
    description="Off is the default: nobody is e-mailed a digest unless they ask. A daily "
    "digest is sent at 07:00 UK time, a weekly one on Mondays at 07:00, and only when there "
    "are notifications you have not read since the last one (or since you asked for it).",
    response_model=NotificationPreferences,
    responses=problem_responses(401, 403, 413, 422),
)
async def update_preferences(
    data: NotificationPreferencesUpdate, session: SessionDep, principal: SignedIn
) -> NotificationPreferences:
    frequency = await digest.set_frequency(session, principal.audit, principal.id, data.digest)
    return _preferences(frequency)
