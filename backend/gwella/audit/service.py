"""Reading the audit trail (writing is :func:`gwella.core.audit.record`, used by every domain)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.audit import ActorType, AuditEvent
from gwella.core.errors import NotFound
from gwella.core.pagination import PageParams, paginate

SORTS = {"occurred_at": AuditEvent.occurred_at}


def _scoped(
    scope: tuple[frozenset[uuid.UUID], frozenset[uuid.UUID]] | None,
) -> Select[AuditEvent]:
    stmt = select(AuditEvent)
    if scope is not None:
        orgs, partnerships = scope
        stmt = stmt.where(
            or_(
                AuditEvent.organisation_id.in_(orgs),
                AuditEvent.partnership_id.in_(partnerships),
            )
        )
    return stmt


async def list_events(
    session: AsyncSession,
    params: PageParams,
    *,
    scope: tuple[frozenset[uuid.UUID], frozenset[uuid.UUID]] | None,
    record_type: str | None = None,
    record_id: str | None = None,
    action: str | None = None,
    actor_id: uuid.UUID | None = None,
    actor_type: ActorType | None = None,
    organisation_id: uuid.UUID | None = None,
    partnership_id: uuid.UUID | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> tuple[list[AuditEvent], str | None]:
    stmt = _scoped(scope)
    filters = {
        AuditEvent.record_type: record_type,
        AuditEvent.record_id: record_id,
        AuditEvent.actor_id: actor_id,
        AuditEvent.actor_type: actor_type,
        AuditEvent.organisation_id: organisation_id,
        AuditEvent.partnership_id: partnership_id,
    }
    for column, value in filters.items():
        if value is not None:
            stmt = stmt.where(column == value)
    if action is not None:
        # "organisation" matches every organisation.* action; "organisation.updated" just one.
        stmt = stmt.where(
            or_(
                AuditEvent.action == action,
                AuditEvent.action.startswith(action + ".", autoescape=True),
            )
        )
    if since is not None:
        stmt = stmt.where(AuditEvent.occurred_at >= since)
    if until is not None:
        stmt = stmt.where(AuditEvent.occurred_at < until)
    return await paginate(session, stmt, params, SORTS, AuditEvent.id)


async def get_event(
    session: AsyncSession,
    event_id: uuid.UUID,
    scope: tuple[frozenset[uuid.UUID], frozenset[uuid.UUID]] | None,
) -> AuditEvent:
    event: AuditEvent | None = await session.scalar(_scoped(scope).where(AuditEvent.id == event_id))
    if event is None:
        raise NotFound("No audit event with that id is visible to you.")
    return event


async def recent_events(
    session: AsyncSession,
    actions: tuple[str, ...],
    since: datetime,
    org_ids: frozenset[uuid.UUID] | None,
    limit: int = 200,
) -> list[AuditEvent]:
    """Events of these kinds since a moment, oldest first, in these organisations (None: all);
    what an open dashboard polls to notice measurements and annotations."""
    stmt = select(AuditEvent).where(AuditEvent.occurred_at >= since, AuditEvent.action.in_(actions))
    if org_ids is not None:
        stmt = stmt.where(AuditEvent.organisation_id.in_(org_ids))
    return list(await session.scalars(stmt.order_by(AuditEvent.occurred_at).limit(limit)))
