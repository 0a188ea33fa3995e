"""HTTP for the audit trail: read-only by design (no route edits or deletes an event)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.audit import service
from gwella.audit.schemas import AuditEventPage, AuditEventRead
from gwella.core.audit import ActorType
from gwella.core.database import SessionDep
from gwella.core.dependencies import SignedIn
from gwella.core.errors import problem_responses
from gwella.core.moments import QueryInstant
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.principal import Principal
from gwella.partnerships import service as partnerships

router = APIRouter(prefix="/api/v1/audit-events", tags=["audit"])

Scope = tuple[frozenset[uuid.UUID], frozenset[uuid.UUID]] | None


async def _scope(session: AsyncSession, principal: Principal) -> Scope:
    orgs = policy.audit_org_ids(principal)
    if orgs is None:
        return None
    partnership_ids, _ = await partnerships.sharing_context(session, orgs)
    return policy.audit_scope(principal, partnership_ids)


@router.get(
    "",
    operation_id="listAuditEvents",
    summary="List audit events, newest first",
    description="Platform administrators see every event; organisation administrators and "
    "managers see those of their organisations and of the partnerships they are in.",
    response_model=AuditEventPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_audit_events(
    request: Request,
    session: SessionDep,
    principal: SignedIn,
    params: Annotated[PageParams, Depends(page_params("-occurred_at", list(service.SORTS)))],
    record_type: Annotated[str | None, Query(max_length=64)] = None,
    record_id: Annotated[str | None, Query(max_length=64)] = None,
    action: Annotated[
        str | None,
        Query(max_length=64, description="An action (`service.updated`) or its prefix (`service`)"),
    ] = None,
    actor_id: uuid.UUID | None = None,
    actor_type: ActorType | None = None,
    organisation_id: uuid.UUID | None = None,
    partnership_id: uuid.UUID | None = None,
    # RFC 3339 times carry an offset; a naive one would be ambiguous (and cannot be compared
    # with the stored UTC times), so it is a validation error.
    since: Annotated[
        QueryInstant | None, Query(description="From this time (RFC 3339), inclusive")
    ] = None,
    until: Annotated[QueryInstant | None, Query(description="Before this time (RFC 3339)")] = None,
) -> AuditEventPage:
    rows, cursor = await service.list_events(
        session,
        params,
        scope=await _scope(session, principal),
        record_type=record_type,
        record_id=record_id,
        action=action,
        actor_id=actor_id,
        actor_type=actor_type,
        organisation_id=organisation_id,
        partnership_id=partnership_id,
        since=since,
        until=until,
    )
    return AuditEventPage(
        items=[AuditEventRead.model_validate(e) for e in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.get(
    "/{event_id}",
    operation_id="getAuditEvent",
    summary="Read one audit event",
    response_model=AuditEventRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_audit_event(
    event_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> AuditEventRead:
    event = await service.get_event(session, event_id, await _scope(session, principal))
    return AuditEventRead.model_validate(event)
