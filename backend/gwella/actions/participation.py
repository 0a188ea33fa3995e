"""Support for an action from the people it is for: service users and carers of the
partnership's organisations back a proposal, one support each, and may withdraw it. Their
role is kept, so the share of support from service users can be shown."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.actions import notify
from gwella.actions.models import Action, ActionSupport
from gwella.actions.rules import SUPPORTABLE
from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.errors import Conflict, NotFound
from gwella.core.pagination import PageParams, paginate

SUPPORT_SORTS = {"created_at": ActionSupport.created_at}


async def add_support(
    session: AsyncSession,
    ctx: AuditContext,
    action: Action,
    user_id: uuid.UUID,
    supporter: tuple[uuid.UUID, str],
) -> ActionSupport:
    """``supporter``: the organisation and role the person supports in."""
    if action.status not in SUPPORTABLE:
        raise Conflict(f"The action is {action.status.value}; it no longer takes support.")
    found = await session.scalar(
        select(ActionSupport.id).where(
            ActionSupport.action_id == action.id, ActionSupport.user_id == user_id
        )
    )
    if found is not None:
        raise Conflict("You already support this action (one support per person).")
    support = ActionSupport(
        action_id=action.id,
        user_id=user_id,
        supporter_role=supporter[1],
        supporter_organisation_id=supporter[0],
    )
    session.add(support)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="action.supported",
        record_type="action",
        record_id=action.id,
        organisation_id=supporter[0],
        partnership_id=action.partnership_id,
        after={"supporter_role": supporter[1]},
    )
    await notify.record_event(
        session,
        ctx,
        action,
        "supported",
        organisation_id=supporter[0],
        role=supporter[1],
    )
    return support


async def remove_support(
    session: AsyncSession, ctx: AuditContext, action: Action, user_id: uuid.UUID
) -> None:
    support = await session.scalar(
        select(ActionSupport).where(
            ActionSupport.action_id == action.id, ActionSupport.user_id == user_id
        )
    )
    if support is None:
        raise NotFound("You do not support this action.")
    await session.delete(support)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="action.support_withdrawn",
        record_type="action",
        record_id=action.id,
        organisation_id=support.supporter_organisation_id,
        partnership_id=action.partnership_id,
        before={"supporter_role": support.supporter_role},
    )


async def list_supports(
    session: AsyncSession, params: PageParams, action: Action
) -> tuple[list[ActionSupport], str | None]:
    stmt = select(ActionSupport).where(ActionSupport.action_id == action.id)
    return await paginate(session, stmt, params, SUPPORT_SORTS, ActionSupport.id)
