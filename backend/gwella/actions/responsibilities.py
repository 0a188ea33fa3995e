"""The organisations' parts in an action: asking an organisation to lead or support it, the
organisation accepting or declining, and naming the person who owns its part. There is
exactly one lead among the parts not declined."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from gwella.actions import notify
from gwella.actions.checks import check_owner
from gwella.actions.models import (
    Action,
    ActionResponsibility,
    ResponsibilityRole,
    ResponsibilityState,
)
from gwella.actions.parties import Parties, parties
from gwella.actions.rules import CLOSED, invalid
from gwella.actions.schemas import ResponsibilityIn
from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import Conflict
from gwella.organisations import service as organisations


async def add_part(
    session: AsyncSession,
    ctx: AuditContext,
    action: Action,
    item: ResponsibilityIn,
    existing: Sequence[ActionResponsibility],
    members: set[uuid.UUID] | frozenset[uuid.UUID],
    at: str,
) -> ActionResponsibility:
    """Ask a member organisation to take a part (``at``: where ``item`` is in the request).
    Proposing an action with its parts and adding one later both come here."""
    if item.organisation_id not in members:
        raise invalid(f"{at}.organisation_id", "not a member organisation of the partnership")
    await check_owner(session, item.owner_id, item.organisation_id, f"{at}.owner_id")
    same = next((r for r in existing if r.organisation_id == item.organisation_id), None)
    if item.role is ResponsibilityRole.lead and any(
        r.role is ResponsibilityRole.lead
        and r.state is not ResponsibilityState.declined
        and r is not same
        for r in existing
    ):
        raise Conflict("The action already has a lead organisation; there is exactly one.")
    if same is not None:
        if same.state is not ResponsibilityState.declined:
            raise Conflict("That organisation already has a part in this action.")
        # Asked again after declining: the same row, back to pending.
        same.role, same.state, same.owner_id = item.role, ResponsibilityState.pending, item.owner_id
        same.decided_at = same.decided_by_id = same.decision_note = None
        row = same
    else:
        row = ActionResponsibility(
            action_id=action.id,
            organisation_id=item.organisation_id,
            role=item.role,
            owner_id=item.owner_id,
        )
        session.add(row)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="action.responsibility_added",
        record_type="action",
        record_id=action.id,
        organisation_id=item.organisation_id,
        partnership_id=action.partnership_id,
        after={"organisation_id": item.organisation_id, "role": item.role.value},
    )
    await notify.record_event(
        session,
        ctx,
        action,
        "responsibility_added",
        organisation_id=item.organisation_id,
        record_id=row.id,
        explanation=item.role.value,
    )
    await notify.assigned(
        session,
        action,
        await notify.deciders_people(session, [item.organisation_id]),
        ctx.actor_id,
        item.role,
        owner=item.owner_id,
    )
    return row


async def add_responsibility(
    session: AsyncSession, ctx: AuditContext, action: Action, item: ResponsibilityIn, who: Parties
) -> ActionResponsibility:
    if action.status in CLOSED:
        raise Conflict(f"The action is {action.status.value}; its organisations are settled.")
    row = await add_part(session, ctx, action, item, who.rows, who.members, "body")
    action.updated_at = utcnow()
    await session.flush()
    return row


async def answer_responsibility(
    session: AsyncSession,
    ctx: AuditContext,
    action: Action,
    row: ActionResponsibility,
    accept: bool,
    owner_id: uuid.UUID | None,
    note: str | None,
) -> ActionResponsibility:
    if action.status in CLOSED:
        raise Conflict(f"The action is {action.status.value}; its organisations are settled.")
    if row.state is not ResponsibilityState.pending:
        raise Conflict(f"Your organisation has already {row.state.value} its part.")
    if not accept and not note:
        raise invalid("body.note", "say why you decline", "Declining needs a reason.")
    if accept:
        await check_owner(session, owner_id, row.organisation_id, "body.owner_id")
        if owner_id is not None:
            row.owner_id = owner_id
    row.state = ResponsibilityState.accepted if accept else ResponsibilityState.declined
    row.decision_note = note
    row.decided_at = utcnow()
    row.decided_by_id = ctx.actor_id if ctx.actor_type.value == "user" else None
    action.updated_at = utcnow()
    await session.flush()
    word = "accepted" if accept else "declined"
    await audit.record(
        session,
        ctx,
        action=f"action.responsibility_{word}",
        record_type="action",
        record_id=action.id,
        organisation_id=row.organisation_id,
        partnership_id=action.partnership_id,
        before={"state": "pending"},
        after={"state": word, "owner_id": row.owner_id},
    )
    await notify.record_event(
        session,
        ctx,
        action,
        f"responsibility_{word}",
        organisation_id=row.organisation_id,
        record_id=row.id,
        explanation=note or f"{row.role.value} part {word}",
    )
    org = (await organisations.organisations_by_ids(session, [row.organisation_id]))[
        row.organisation_id
    ]
    who = await parties(session, action)
    await notify.answered(
        session,
        action,
        {
            action.proposed_by_id,
            row.owner_id,
            *await notify.deciders_people(session, who.responsible | {row.organisation_id}),
        },
        ctx.actor_id,
        organisation=(org.name, org.name_cy or org.name),
        role=row.role,
        accept=accept,
        note=note,
    )
    return row


async def set_owner(
    session: AsyncSession,
    ctx: AuditContext,
    action: Action,
    row: ActionResponsibility,
    owner: uuid.UUID | None,
) -> ActionResponsibility:
    await check_owner(session, owner, row.organisation_id, "body.owner_id")
    before = {"owner_id": row.owner_id}
    row.owner_id = owner
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="action.owner_changed",
        record_type="action",
        record_id=action.id,
        organisation_id=row.organisation_id,
        partnership_id=action.partnership_id,
        before=before,
        after={"owner_id": owner},
    )
    if owner is not None:
        await notify.owner_named(session, action, owner, ctx.actor_id)
    return row
