"""An action's life: proposed with its evidence and parts, edited, moved along the workflow
(:data:`gwella.actions.rules.TRANSITIONS`), and flagged once when it becomes overdue.

An action reaches ``agreed`` only once its lead organisation has accepted the lead part. Every
change is audited (``core.audit``) and written to the action's timeline with its explanation;
who hears of it is decided here, the wording is :mod:`gwella.actions.notify`'s.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.actions import notify
from gwella.actions.checks import (
    check_due_date,
    check_evidence,
    check_owner,
    check_standard,
)
from gwella.actions.models import (
    Action,
    ActionEvidence,
    ActionOrigin,
    ActionResponsibility,
    ActionStatus,
    ResponsibilityRole,
    ResponsibilityState,
)
from gwella.actions.parties import Parties, parties
from gwella.actions.responsibilities import add_part
from gwella.actions.rules import (
    CLOSED,
    FIELDS,
    MIN_REASON_FOR_SERVICE_USERS,
    TRANSITIONS,
    S,
    from_service_user,
    in_order,
    invalid,
    overdue_condition,
    stored_text,
    title_en,
)
from gwella.actions.schemas import ActionCreate, ActionUpdatePatch, StatusChange
from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import Conflict
from gwella.core.principal import Principal
from gwella.partnerships import service as partnerships


async def create_action(
    session: AsyncSession,
    ctx: AuditContext,
    p: Principal,
    proposer: tuple[uuid.UUID, str],
    data: ActionCreate,
    members: set[uuid.UUID],
) -> Action:
    proposer_org, proposer_role = proposer
    leads = [r for r in data.responsibilities if r.role is ResponsibilityRole.lead]
    if data.responsibilities and len(leads) != 1:
        raise invalid("body.responsibilities", "exactly one lead organisation")
    seen: set[uuid.UUID] = set()
    for i, r in enumerate(data.responsibilities):
        if r.organisation_id in seen:
            raise invalid(f"body.responsibilities.{i}.organisation_id", "named twice")
        seen.add(r.organisation_id)
        if r.organisation_id not in members:
            raise invalid(
                f"body.responsibilities.{i}.organisation_id",
                "not a member organisation of the partnership",
            )
        await check_owner(
            session, r.owner_id, r.organisation_id, f"body.responsibilities.{i}.owner_id"
        )
    check_due_date(data.due_date, "body.due_date")
    standard = data.standard_id
    for i, item in enumerate(data.evidence):
        found = await check_evidence(session, p, item, f"body.evidence.{i}")
        standard = standard or found
    if data.standard_id is not None:
        await check_standard(session, data.standard_id, "body.standard_id")
    lay = proposer_role in policy.LAY_ROLES
    origin = data.origin or (ActionOrigin.service_user if lay else ActionOrigin.staff)
    action = Action(
        partnership_id=data.partnership_id,
        title=stored_text(data.title),
        description=stored_text(data.description),
        summary=stored_text(data.summary),
        origin=origin,
        status=ActionStatus.proposed,
        standard_id=standard,
        due_date=data.due_date,
        progress=0,
        proposed_by_id=p.id if p.is_user else None,
        proposer_role=proposer_role,
        proposer_organisation_id=proposer_org,
    )
    session.add(action)
    await session.flush()
    session.add_all(
        ActionEvidence(
            action_id=action.id,
            position=i,
            kind=e.kind,
            campaign_id=e.campaign_id,
            question_key=e.question_key,
            indicator_id=e.indicator_id,
            answer_id=e.answer_id,
        )
        for i, e in enumerate(data.evidence)
    )
    await audit.record(
        session,
        ctx,
        action="action.proposed",
        record_type="action",
        record_id=action.id,
        organisation_id=proposer_org,
        partnership_id=action.partnership_id,
        after={**audit.snapshot(action, FIELDS), "origin": origin.value},
    )
    await notify.record_event(
        session,
        ctx,
        action,
        "proposed",
        to_status=S.proposed.value,
        organisation_id=proposer_org,
        role=proposer_role,
    )
    existing: list[ActionResponsibility] = []
    for i, r in enumerate(data.responsibilities):
        existing.append(
            await add_part(session, ctx, action, r, existing, members, f"body.responsibilities.{i}")
        )
    await session.flush()
    appointed = await partnerships.list_leads(session, action.partnership_id)
    await notify.proposed(
        session, action, {lead.user_id for lead in appointed}, ctx.actor_id, proposer_role
    )
    await notify.emit(
        session,
        action,
        [r.organisation_id for r in existing],
        "action.created",
        title=title_en(action),
        status=action.status.value,
        source=action.origin.value,
    )
    return action


async def update_action(
    session: AsyncSession, ctx: AuditContext, action: Action, patch: ActionUpdatePatch
) -> Action:
    if action.status in CLOSED:
        raise Conflict(f"The action is {action.status.value}; it can no longer be edited.")
    if patch.standard_id is not None:
        await check_standard(session, patch.standard_id, "body.standard_id")
    check_due_date(patch.due_date, "body.due_date", kept=action.due_date)
    sent = patch.model_dump(exclude_unset=True)
    for key in ("title", "description"):
        if key in sent and sent[key] is None:
            raise invalid(f"body.{key}", "cannot be null")
    before = audit.snapshot(action, FIELDS)
    for key in ("title", "description", "summary"):
        if key in sent:
            setattr(action, key, stored_text(getattr(patch, key)))
    for key in ("standard_id", "due_date"):
        if key in sent:
            setattr(action, key, sent[key])
    if "due_date" in sent:
        action.overdue_notified_at = None
    action.updated_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="action.updated",
        record_type="action",
        record_id=action.id,
        partnership_id=action.partnership_id,
        before=before,
        after=audit.snapshot(action, FIELDS),
    )
    await notify.record_event(session, ctx, action, "edited", explanation=", ".join(sorted(sent)))
    return action


def _check_change(action: Action, change: StatusChange, who: Parties) -> None:
    """Refuse a move the workflow does not allow, a closure without its public reason, and
    agreement before the lead organisation has accepted."""
    current, target = action.status, change.status
    allowed = TRANSITIONS[current]
    if target not in allowed:
        nexts = ", ".join(s.value for s in in_order(allowed)) or "none (final)"
        raise Conflict(
            f"An action that is {current.value} cannot become {target.value}; "
            f"it can next become: {nexts}."
        )
    if target is S.not_taken_forward:
        if change.reason is None:
            raise invalid(
                "body.reason",
                "a public reason is required",
                "Say publicly why the action is not taken forward.",
            )
        if (
            from_service_user(action)
            and len(change.reason.written()) < MIN_REASON_FOR_SERVICE_USERS
        ):
            raise invalid(
                "body.reason",
                f"at least {MIN_REASON_FOR_SERVICE_USERS} characters",
                "A service user's proposal is closed only with a written, public reason.",
            )
    elif change.reason is not None and target is not S.completed:
        raise invalid("body.reason", "only for not_taken_forward or completed")
    if target is S.agreed:
        lead = next(
            (
                r
                for r in who.rows
                if r.role is ResponsibilityRole.lead and r.state is ResponsibilityState.accepted
            ),
            None,
        )
        if lead is None:
            raise Conflict(
                "An action is agreed only once its lead organisation has accepted the lead part."
            )


async def change_status(
    session: AsyncSession,
    ctx: AuditContext,
    action: Action,
    change: StatusChange,
    who: Parties,
) -> Action:
    _check_change(action, change, who)
    current, target = action.status, change.status
    before = {"status": current.value}
    action.status = target
    now = utcnow()
    if target in (S.agreed, S.not_taken_forward) and action.decided_at is None:
        action.decided_at = now
    if target is S.not_taken_forward or (target is S.completed and change.reason is not None):
        # Said publicly: why it was not taken forward, or what was done ("we did").
        action.closure_reason = stored_text(change.reason)
    if target is S.completed:
        action.completed_at = now
        action.progress = 100
    action.updated_at = now
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="action.status_changed",
        record_type="action",
        record_id=action.id,
        organisation_id=who.lead,
        partnership_id=action.partnership_id,
        before=before,
        after={"status": target.value, "explanation": change.explanation},
    )
    await notify.record_event(
        session,
        ctx,
        action,
        "status_changed",
        from_status=current.value,
        to_status=target.value,
        explanation=change.explanation,
        organisation_id=who.lead,
    )
    await notify.emit(
        session,
        action,
        who.responsible,
        "action.status_changed",
        previous_status=current.value,
        status=target.value,
    )
    people = {
        action.proposed_by_id,
        *who.live_owners(),
        *await notify.supporters(session, action.id),
        *await notify.deciders_people(session, who.responsible),
    }
    await notify.status_changed(session, action, people, ctx.actor_id, target, change.explanation)
    return action


async def notify_overdue(session: AsyncSession, today: date | None = None) -> int:
    """Tell the people concerned once about each action that has become overdue (the
    worker calls this; running it again sends nothing new). Returns how many were new."""
    today = today or utcnow().date()
    rows = list(
        await session.scalars(
            select(Action)
            .where(overdue_condition(today), Action.overdue_notified_at.is_(None))
            .order_by(Action.due_date, Action.id)
            .limit(500)
        )
    )
    ctx = AuditContext.system("overdue check")
    for action in rows:
        who = await parties(session, action)
        action.overdue_notified_at = utcnow()
        await notify.record_event(
            session,
            ctx,
            action,
            "overdue",
            explanation=f"Due on {action.due_date.isoformat() if action.due_date else ''}",
        )
        await notify.overdue(
            session,
            action,
            {
                *who.live_owners(),
                *await notify.deciders_people(session, who.deciders("in_progress")),
            },
            action.due_date,
        )
    await session.flush()
    return len(rows)
