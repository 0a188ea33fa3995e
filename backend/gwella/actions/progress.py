"""Progress on an agreed action: updates (a note and a percentage) reported by the
organisations that accepted their part, which set the action's progress."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.actions import notify
from gwella.actions.models import Action, ActionUpdate
from gwella.actions.parties import Parties
from gwella.actions.rules import UPDATABLE, stored_text
from gwella.actions.schemas import ProgressUpdateCreate
from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import Conflict


async def add_update(
    session: AsyncSession,
    ctx: AuditContext,
    action: Action,
    org_id: uuid.UUID,
    data: ProgressUpdateCreate,
    who: Parties,
) -> ActionUpdate:
    if action.status not in UPDATABLE:
        raise Conflict(
            f"Progress is reported on agreed or in-progress actions; this one is "
            f"{action.status.value}."
        )
    if org_id not in who.accepted:
        raise Conflict("Your organisation reports progress once it has accepted its part.")
    update = ActionUpdate(
        action_id=action.id,
        organisation_id=org_id,
        author_id=ctx.actor_id if ctx.actor_type.value == "user" else None,
        note=stored_text(data.note),
        percent=data.percent,
    )
    session.add(update)
    before = {"progress": action.progress}
    action.progress = data.percent
    action.updated_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="action.update_added",
        record_type="action",
        record_id=action.id,
        organisation_id=org_id,
        partnership_id=action.partnership_id,
        before=before,
        after={"progress": data.percent},
    )
    await notify.record_event(
        session,
        ctx,
        action,
        "update",
        organisation_id=org_id,
        record_id=update.id,
        explanation=f"{data.percent}%: {data.note.en or data.note.cy}",
    )
    await notify.progress(
        session,
        action,
        {
            action.proposed_by_id,
            *who.live_owners(),
            *await notify.supporters(session, action.id),
            *await notify.deciders_people(session, [who.lead] if who.lead else []),
        },
        ctx.actor_id,
        data.percent,
        (data.note.en or data.note.cy or "", data.note.cy or data.note.en or ""),
    )
    return update


async def list_updates(
    session: AsyncSession, action_ids: Iterable[uuid.UUID]
) -> list[ActionUpdate]:
    """The updates of each of ``action_ids``, oldest first."""
    ids = set(action_ids)
    if not ids:
        return []
    rows = await session.scalars(
        select(ActionUpdate)
        .where(ActionUpdate.action_id.in_(ids))
        .order_by(ActionUpdate.created_at, ActionUpdate.id)
    )
    return list(rows)
