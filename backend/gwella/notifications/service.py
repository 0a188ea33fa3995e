"""Sending and reading in-app notifications."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.database import utcnow
from gwella.core.errors import NotFound
from gwella.core.pagination import PageParams, paginate
from gwella.notifications.models import Notification

SORTS = {"created_at": Notification.created_at}


async def notify(
    session: AsyncSession,
    user_ids: Iterable[uuid.UUID],
    *,
    kind: str,
    title: dict[str, str],
    body: dict[str, str],
    link: str | None = None,
    record_type: str | None = None,
    record_id: uuid.UUID | str | None = None,
) -> int:
    """One notification per person, in the caller's transaction."""
    people = sorted(set(user_ids), key=str)
    session.add_all(
        Notification(
            user_id=u,
            kind=kind,
            title=title,
            body=body,
            link=link,
            record_type=record_type,
            record_id=str(record_id) if record_id is not None else None,
        )
        for u in people
    )
    return len(people)


async def list_mine(
    session: AsyncSession, params: PageParams, user_id: uuid.UUID, unread: bool | None
) -> tuple[list[Notification], str | None]:
    stmt = select(Notification).where(Notification.user_id == user_id)
    if unread is True:
        stmt = stmt.where(Notification.read_at.is_(None))
    elif unread is False:
        stmt = stmt.where(Notification.read_at.is_not(None))
    return await paginate(session, stmt, params, SORTS, Notification.id)


async def mark_read(
    session: AsyncSession, user_id: uuid.UUID, notification_id: uuid.UUID | None
) -> int:
    """Mark one of the person's notifications (or, with None, all of them) as read."""
    stmt = update(Notification).where(
        Notification.user_id == user_id, Notification.read_at.is_(None)
    )
    if notification_id is not None:
        found = await session.get(Notification, notification_id)
        if found is None or found.user_id != user_id:
            raise NotFound("No notification with that id is yours.")
        stmt = stmt.where(Notification.id == notification_id)
    result = await session.execute(stmt.values(read_at=utcnow()))
    return int(result.rowcount)  # type: ignore[attr-defined]


async def created_since(
    session: AsyncSession, user_id: uuid.UUID | None, since: datetime, limit: int = 50
) -> list[Notification]:
    """A person's notifications (None: everyone's) created since a moment, oldest first (for
    the live streams)."""
    stmt = select(Notification).where(Notification.created_at >= since)
    if user_id is not None:
        stmt = stmt.where(Notification.user_id == user_id)
    return list(await session.scalars(stmt.order_by(Notification.created_at).limit(limit)))
