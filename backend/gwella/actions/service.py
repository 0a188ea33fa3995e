"""The rules of improvement actions. No HTTP types here; the session is the caller's.

Workflow: ``proposed → under_review → agreed → in_progress → completed``, and from any open
status ``not_taken_forward`` (with a public reason). :data:`TRANSITIONS` is the whole rule; an
action reaches ``agreed`` only once its lead organisation has accepted the lead part. Every
change is audited (``core.audit``) and written to the action's timeline with its explanation.
"""

from __future__ import annotations

import statistics
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, not_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.accounts import users as accounts
from gwella.actions.models import (
    Action,
    ActionEvent,
    ActionEvidence,
    ActionOrigin,
    ActionResponsibility,
    ActionStatus,
    ActionSupport,
    ActionUpdate,
    EvidenceKind,
    PdsaCycle,
    PdsaDecision,
    ResponsibilityRole,
    ResponsibilityState,
)
from gwella.actions.schemas import (
    ActionCreate,
    ActionRead,
    ActionUpdatePatch,
    EvidenceIn,
    EvidenceRead,
    LocalText,
    OrganisationAccountability,
    PartnershipAccountability,
    PdsaCreate,
    PdsaRead,
    PdsaUpdate,
    ProgressUpdateCreate,
    PublicAction,
    PublicActionsPage,
    PublicResponsibility,
    PublicUpdate,
    ResponsibilityIn,
    ResponsibilityRead,
    StandardCount,
    StatusChange,
)
from gwella.campaigns import service as campaigns
from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from gwella.core.pagination import PageParams, paginate
from gwella.core.principal import Principal
from gwella.core.text import LocalizedText
from gwella.indicators import service as indicators
from gwella.indicators.schemas import AnnotationCreate
from gwella.notifications import service as notifications
from gwella.organisations import service as organisations
from gwella.partnerships import service as partnerships
from gwella.responses import service as responses
from gwella.webhooks import service as webhooks

S = ActionStatus
CLOSED = frozenset({S.completed, S.not_taken_forward})
OPEN = frozenset(set(S) - CLOSED)
TRANSITIONS: dict[ActionStatus, frozenset[ActionStatus]] = {
    S.proposed: frozenset({S.under_review, S.not_taken_forward}),
    S.under_review: frozenset({S.agreed, S.not_taken_forward}),
    S.agreed: frozenset({S.in_progress, S.not_taken_forward}),
    S.in_progress: frozenset({S.completed, S.not_taken_forward}),
    S.completed: frozenset(),
    S.not_taken_forward: frozenset(),
}
PUBLIC_STATUSES = (S.agreed, S.in_progress, S.completed, S.not_taken_forward)
UPDATABLE = frozenset({S.agreed, S.in_progress})
SUPPORTABLE = frozenset({S.proposed, S.under_review, S.agreed, S.in_progress})
MIN_REASON_FOR_SERVICE_USERS = 20
SORTS = {"created_at": Action.created_at, "updated_at": Action.updated_at}
TIMELINE_SORTS = {"occurred_at": ActionEvent.occurred_at}
SUPPORT_SORTS = {"created_at": ActionSupport.created_at}
FIELDS = ("title", "description", "summary", "standard_id", "due_date", "status")
STATUS_CY = {
    "proposed": "wedi'i gynnig",
    "under_review": "yn cael ei adolygu",
    "agreed": "wedi'i gytuno",
    "in_progress": "ar waith",
    "completed": "wedi'i gwblhau",
    "not_taken_forward": "heb ei ddatblygu",
}


def _invalid(field: str, message: str, detail: str | None = None) -> ValidationFailed:
    return ValidationFailed(
        detail or "Some of what you sent is not valid; see errors for each field.",
        errors=[FieldProblem(field=field, message=message)],
    )


def _text(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    dumped: dict[str, Any] = value.model_dump(exclude_none=True)
    return dumped


def is_overdue(action: Action, today: date | None = None) -> bool:
    today = today or utcnow().date()
    return action.due_date is not None and action.due_date < today and action.status in OPEN


def from_service_user(action: Action) -> bool:
    return action.origin is ActionOrigin.service_user or action.proposer_role in policy.LAY_ROLES


def _title_en(action: Action) -> str:
    return str(action.title.get("en") or "")[:200]


def _title_cy(action: Action) -> str:
    return str(action.title.get("cy") or action.title.get("en") or "")[:200]


# ------------------------------------------------------------------------------- reading


async def get_action(session: AsyncSession, action_id: uuid.UUID) -> Action:
    action = await session.get(Action, action_id)
    if action is None:
        raise NotFound(policy.ACTION_HIDDEN)
    return action


async def responsibilities_of(
    session: AsyncSession, action_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[ActionResponsibility]]:
    ids = set(action_ids)
    out: dict[uuid.UUID, list[ActionResponsibility]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = await session.scalars(
        select(ActionResponsibility)
        .where(ActionResponsibility.action_id.in_(ids))
        .order_by(ActionResponsibility.created_at, ActionResponsibility.id)
    )
    for r in rows:
        out[r.action_id].append(r)
    return out


@dataclass(frozen=True)
class Parties:
    """Who is involved in an action: its lead, the organisations that have not declined, and
    the partnership's active members."""

    lead: uuid.UUID | None
    responsible: frozenset[uuid.UUID]
    accepted: frozenset[uuid.UUID]
    members: frozenset[uuid.UUID]
    rows: tuple[ActionResponsibility, ...]
    partnership_leads: frozenset[uuid.UUID] = frozenset()
    """People appointed to lead the partnership: they may agree actions too."""

    def deciders(self, target: str) -> frozenset[uuid.UUID]:
        return policy.action_deciders(target, self.lead, self.responsible, self.members)

    def leads_for(self, target: str) -> frozenset[uuid.UUID]:
        return self.partnership_leads if target == "agreed" else frozenset()


async def parties(session: AsyncSession, action: Action) -> Parties:
    rows = (await responsibilities_of(session, [action.id]))[action.id]
    live = [r for r in rows if r.state is not ResponsibilityState.declined]
    lead = next((r.organisation_id for r in live if r.role is ResponsibilityRole.lead), None)
    return Parties(
        lead=lead,
        responsible=frozenset(r.organisation_id for r in live),
        accepted=frozenset(
            r.organisation_id for r in live if r.state is ResponsibilityState.accepted
        ),
        members=frozenset(await partnerships.active_member_ids(session, action.partnership_id)),
        rows=tuple(rows),
        partnership_leads=frozenset(
            lead.user_id for lead in await partnerships.list_leads(session, action.partnership_id)
        ),
    )


async def member_ids(session: AsyncSession, partnership_id: uuid.UUID) -> set[uuid.UUID]:
    return await partnerships.active_member_ids(session, partnership_id)


async def reads(
    session: AsyncSession, actions: Sequence[Action], viewer_id: uuid.UUID | None
) -> list[ActionRead]:
    ids = [a.id for a in actions]
    if not ids:
        return []
    resp = await responsibilities_of(session, ids)
    org_ids = {r.organisation_id for rows in resp.values() for r in rows}
    orgs = await organisations.organisations_by_ids(session, list(org_ids))
    evidence: dict[uuid.UUID, list[ActionEvidence]] = {i: [] for i in ids}
    for e in await session.scalars(
        select(ActionEvidence)
        .where(ActionEvidence.action_id.in_(ids))
        .order_by(ActionEvidence.position, ActionEvidence.id)
    ):
        evidence[e.action_id].append(e)
    supports: dict[uuid.UUID, list[ActionSupport]] = {i: [] for i in ids}
    for s in await session.scalars(select(ActionSupport).where(ActionSupport.action_id.in_(ids))):
        supports[s.action_id].append(s)
    out = []
    for a in actions:
        backers = supports[a.id]
        lay = sum(1 for s in backers if s.supporter_role == policy.ROLE_SERVICE_USER)
        out.append(
            ActionRead(
                id=a.id,
                partnership_id=a.partnership_id,
                title=LocalText.model_validate(a.title),
                description=LocalText.model_validate(a.description),
                summary=LocalText.model_validate(a.summary),
                origin=a.origin,
                status=a.status,
                closure_reason=LocalText.model_validate(a.closure_reason)
                if a.closure_reason
                else None,
                standard_id=a.standard_id,
                due_date=a.due_date,
                overdue=is_overdue(a),
                progress=a.progress,
                proposed_by_id=a.proposed_by_id,
                proposer_role=a.proposer_role,
                proposer_organisation_id=a.proposer_organisation_id,
                evidence=[EvidenceRead.model_validate(e) for e in evidence[a.id]],
                responsibilities=[
                    ResponsibilityRead(
                        id=r.id,
                        organisation_id=r.organisation_id,
                        organisation_name=orgs[r.organisation_id].name,
                        role=r.role,
                        state=r.state,
                        owner_id=r.owner_id,
                        decision_note=r.decision_note,
                        decided_at=r.decided_at,
                        version=r.version,
                    )
                    for r in resp[a.id]
                ],
                support_count=len(backers),
                service_user_support_count=lay,
                service_user_support_share=round(lay / len(backers), 4) if backers else None,
                supported_by_me=viewer_id is not None
                and any(s.user_id == viewer_id for s in backers),
                allowed_transitions=sorted(TRANSITIONS[a.status], key=list(S).index),
                decided_at=a.decided_at,
                completed_at=a.completed_at,
                created_at=a.created_at,
                updated_at=a.updated_at,
                version=a.version,
            )
        )
    return out


def _open_condition(today: date) -> Any:
    return and_(
        Action.due_date.is_not(None),
        Action.due_date < today,
        Action.status.in_([s.value for s in OPEN]),
    )


async def list_actions(
    session: AsyncSession,
    params: PageParams,
    *,
    partnership_ids: frozenset[uuid.UUID] | None,
    partnership_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
    statuses: Sequence[ActionStatus] = (),
    standard_id: uuid.UUID | None = None,
    origin: ActionOrigin | None = None,
    overdue: bool | None = None,
) -> tuple[list[Action], str | None]:
    stmt = select(Action)
    if partnership_ids is not None:
        stmt = stmt.where(Action.partnership_id.in_(partnership_ids))
    if partnership_id is not None:
        stmt = stmt.where(Action.partnership_id == partnership_id)
    if organisation_id is not None:
        stmt = stmt.where(
            exists().where(
                ActionResponsibility.action_id == Action.id,
                ActionResponsibility.organisation_id == organisation_id,
                ActionResponsibility.state != ResponsibilityState.declined,
            )
        )
    if statuses:
        stmt = stmt.where(Action.status.in_([s.value for s in statuses]))
    if standard_id is not None:
        stmt = stmt.where(Action.standard_id == standard_id)
    if origin is not None:
        stmt = stmt.where(Action.origin == origin)
    if overdue is not None:
        condition = _open_condition(utcnow().date())
        stmt = stmt.where(condition if overdue else not_(condition))
    return await paginate(session, stmt, params, SORTS, Action.id)


# ----------------------------------------------------------------------------- evidence


async def _check_evidence(
    session: AsyncSession, p: Principal, item: EvidenceIn, at: str
) -> uuid.UUID | None:
    """Refuse evidence that does not exist or that the proposer cannot see; returns the
    standard of a linked indicator."""
    if item.kind in (EvidenceKind.campaign_result, EvidenceKind.question):
        assert item.campaign_id is not None
        try:
            campaign = await campaigns.get_campaign(session, item.campaign_id)
        except NotFound as exc:
            raise _invalid(f"{at}.campaign_id", "no such campaign visible to you") from exc
        links = (await campaigns.links_of(session, [campaign.id]))[campaign.id]
        service_orgs = [
            (await organisations.get_service(session, link.service_id)).organisation_id
            for link in links
        ]
        if not policy.can_view_campaign(p, campaign.organisation_id, service_orgs):
            raise _invalid(f"{at}.campaign_id", "no such campaign visible to you")
        if item.kind is EvidenceKind.question:
            content = await responses.version_content(session, campaign)
            if item.question_key not in {q.key for q in content.questions}:
                raise _invalid(f"{at}.question_key", "not a question of that campaign")
        return None
    if item.kind is EvidenceKind.indicator:
        assert item.indicator_id is not None
        try:
            indicator = await indicators.get_indicator(session, item.indicator_id)
        except NotFound as exc:
            raise _invalid(f"{at}.indicator_id", "no such indicator visible to you") from exc
        if indicator.organisation_id is not None and not policy.can_read_org(
            p, indicator.organisation_id
        ):
            raise _invalid(f"{at}.indicator_id", "no such indicator visible to you")
        return indicator.standard_id
    assert item.answer_id is not None
    try:
        answer, response = await responses.get_answer(session, item.answer_id)
    except NotFound as exc:
        raise _invalid(f"{at}.answer_id", "no such published comment") from exc
    service = await organisations.get_service(session, response.service_id)
    if (
        answer.moderation is None
        or answer.moderation.value != "published"
        or not policy.can_read_org(p, service.organisation_id)
    ):
        raise _invalid(f"{at}.answer_id", "no such published comment")
    return None


async def _check_owner(
    session: AsyncSession, owner_id: uuid.UUID | None, org_id: uuid.UUID, at: str
) -> None:
    if owner_id is None:
        return
    held = (await accounts.memberships_of(session, [owner_id]))[owner_id]
    if not any(m.organisation_id == org_id for m in held):
        raise _invalid(at, "the owner must be a member of that organisation")


async def _check_standard(session: AsyncSession, standard_id: uuid.UUID, at: str) -> None:
    known = {s.id for _, rows in await indicators.frameworks_with_standards(session) for s in rows}
    if standard_id not in known:
        raise _invalid(at, "no such standard")


# ------------------------------------------------------------------------ notifications


async def _deciders_people(session: AsyncSession, org_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    people: set[uuid.UUID] = set()
    for org in sorted(set(org_ids), key=str):
        people |= set(await accounts.user_ids_with_roles(session, org, policy.DECIDER_ROLES))
    return people


async def _supporters(session: AsyncSession, action_id: uuid.UUID) -> set[uuid.UUID]:
    rows = await session.scalars(
        select(ActionSupport.user_id).where(ActionSupport.action_id == action_id)
    )
    return set(rows)


async def _notify(
    session: AsyncSession,
    action: Action,
    people: Iterable[uuid.UUID | None],
    actor: uuid.UUID | None,
    kind: str,
    title: tuple[str, str],
    body: tuple[str, str],
) -> None:
    await notifications.notify(
        session,
        {u for u in people if u is not None and u != actor},
        kind=kind,
        title={"en": title[0], "cy": title[1]},
        body={"en": body[0], "cy": body[1]},
        link=f"/actions/{action.id}",
        record_type="action",
        record_id=action.id,
    )


async def _emit(
    session: AsyncSession, action: Action, orgs: Iterable[uuid.UUID], event_type: str, **data: Any
) -> None:
    for org in sorted({*orgs, action.proposer_organisation_id}, key=str):
        await webhooks.emit(
            session,
            event_type=event_type,
            organisation_id=org,
            record_type="action",
            record_id=action.id,
            payload={"action_id": action.id, **data},
        )


async def _event(
    session: AsyncSession,
    ctx: AuditContext,
    action: Action,
    kind: str,
    *,
    explanation: str | None = None,
    from_status: str | None = None,
    to_status: str | None = None,
    organisation_id: uuid.UUID | None = None,
    record_id: uuid.UUID | None = None,
) -> None:
    session.add(
        ActionEvent(
            action_id=action.id,
            kind=kind,
            explanation=explanation,
            from_status=from_status,
            to_status=to_status,
            organisation_id=organisation_id,
            actor_id=ctx.actor_id if ctx.actor_type.value == "user" else None,
            record_id=record_id,
        )
    )


# ------------------------------------------------------------------------------ writing


async def _add_responsibility(
    session: AsyncSession,
    ctx: AuditContext,
    action: Action,
    item: ResponsibilityIn,
    existing: Sequence[ActionResponsibility],
    members: set[uuid.UUID] | frozenset[uuid.UUID],
    at: str,
) -> ActionResponsibility:
    if item.organisation_id not in members:
        raise _invalid(f"{at}.organisation_id", "not a member organisation of the partnership")
    await _check_owner(session, item.owner_id, item.organisation_id, f"{at}.owner_id")
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
    await _event(
        session,
        ctx,
        action,
        "responsibility_added",
        organisation_id=item.organisation_id,
        record_id=row.id,
        explanation=item.role.value,
    )
    await _notify(
        session,
        action,
        {*await _deciders_people(session, [item.organisation_id]), item.owner_id},
        ctx.actor_id,
        "action.assigned",
        (
            f"Your organisation is asked to {item.role.value} an action: {_title_en(action)}",
            f"Gofynnir i'ch sefydliad "
            f"{'arwain' if item.role is ResponsibilityRole.lead else 'gefnogi'} cam gweithredu: "
            f"{_title_cy(action)}",
        ),
        (
            "Accept or decline your organisation's part.",
            "Derbyniwch neu wrthodwch ran eich sefydliad.",
        ),
    )
    return row


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
        raise _invalid("body.responsibilities", "exactly one lead organisation")
    seen: set[uuid.UUID] = set()
    for i, r in enumerate(data.responsibilities):
        if r.organisation_id in seen:
            raise _invalid(f"body.responsibilities.{i}.organisation_id", "named twice")
        seen.add(r.organisation_id)
        if r.organisation_id not in members:
            raise _invalid(
                f"body.responsibilities.{i}.organisation_id",
                "not a member organisation of the partnership",
            )
        await _check_owner(
            session, r.owner_id, r.organisation_id, f"body.responsibilities.{i}.owner_id"
        )
    standard = data.standard_id
    for i, item in enumerate(data.evidence):
        found = await _check_evidence(session, p, item, f"body.evidence.{i}")
        standard = standard or found
    if data.standard_id is not None:
        await _check_standard(session, data.standard_id, "body.standard_id")
    lay = proposer_role in policy.LAY_ROLES
    origin = data.origin or (ActionOrigin.service_user if lay else ActionOrigin.staff)
    action = Action(
        partnership_id=data.partnership_id,
        title=_text(data.title),
        description=_text(data.description),
        summary=_text(data.summary),
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
    await _event(
        session,
        ctx,
        action,
        "proposed",
        to_status=S.proposed.value,
        organisation_id=proposer_org,
        explanation=f"Proposed by a {proposer_role.replace('_', ' ')}",
    )
    existing: list[ActionResponsibility] = []
    for i, r in enumerate(data.responsibilities):
        existing.append(
            await _add_responsibility(
                session, ctx, action, r, existing, members, f"body.responsibilities.{i}"
            )
        )
    await session.flush()
    appointed = await partnerships.list_leads(session, action.partnership_id)
    await _notify(
        session,
        action,
        {lead.user_id for lead in appointed},
        ctx.actor_id,
        "action.proposed",
        (f"New proposal: {_title_en(action)}", f"Cynnig newydd: {_title_cy(action)}"),
        (
            f"Proposed by a {proposer_role.replace('_', ' ')}.",
            "Wedi'i gynnig gan "
            + {"service_user": "ddefnyddiwr gwasanaeth", "carer": "ofalwr"}.get(
                proposer_role, "aelod o staff"
            )
            + ".",
        ),
    )
    await _emit(
        session,
        action,
        [r.organisation_id for r in existing],
        "action.created",
        title=_title_en(action),
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
        await _check_standard(session, patch.standard_id, "body.standard_id")
    sent = patch.model_dump(exclude_unset=True)
    for key in ("title", "description"):
        if key in sent and sent[key] is None:
            raise _invalid(f"body.{key}", "cannot be null")
    before = audit.snapshot(action, FIELDS)
    for key in ("title", "description", "summary"):
        if key in sent:
            setattr(action, key, _text(getattr(patch, key)))
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
    await _event(session, ctx, action, "edited", explanation=", ".join(sorted(sent)))
    return action


async def change_status(
    session: AsyncSession,
    ctx: AuditContext,
    action: Action,
    change: StatusChange,
    who: Parties,
) -> Action:
    current, target = action.status, change.status
    allowed = TRANSITIONS[current]
    if target not in allowed:
        nexts = ", ".join(s.value for s in sorted(allowed, key=list(S).index)) or "none (final)"
        raise Conflict(
            f"An action that is {current.value} cannot become {target.value}; "
            f"it can next become: {nexts}."
        )
    if target is S.not_taken_forward:
        if change.reason is None:
            raise _invalid(
                "body.reason",
                "a public reason is required",
                "Say publicly why the action is not taken forward.",
            )
        if (
            from_service_user(action)
            and len(change.reason.en.strip()) < MIN_REASON_FOR_SERVICE_USERS
        ):
            raise _invalid(
                "body.reason.en",
                f"at least {MIN_REASON_FOR_SERVICE_USERS} characters",
                "A service user's proposal is closed only with a written, public reason.",
            )
    elif change.reason is not None:
        raise _invalid("body.reason", "only for not_taken_forward")
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
    before = {"status": current.value}
    action.status = target
    now = utcnow()
    if target in (S.agreed, S.not_taken_forward) and action.decided_at is None:
        action.decided_at = now
    if target is S.not_taken_forward:
        action.closure_reason = _text(change.reason)
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
    await _event(
        session,
        ctx,
        action,
        "status_changed",
        from_status=current.value,
        to_status=target.value,
        explanation=change.explanation,
        organisation_id=who.lead,
    )
    await _emit(
        session,
        action,
        who.responsible,
        "action.status_changed",
        previous_status=current.value,
        status=target.value,
    )
    people = {
        action.proposed_by_id,
        *(r.owner_id for r in who.rows if r.state is not ResponsibilityState.declined),
        *await _supporters(session, action.id),
        *await _deciders_people(session, who.responsible),
    }
    await _notify(
        session,
        action,
        people,
        ctx.actor_id,
        "action.status_changed",
        (
            f"{_title_en(action)}: now {target.value.replace('_', ' ')}",
            f"{_title_cy(action)}: {STATUS_CY[target.value]} bellach",
        ),
        (change.explanation, change.explanation),
    )
    return action


async def add_responsibility(
    session: AsyncSession, ctx: AuditContext, action: Action, item: ResponsibilityIn, who: Parties
) -> ActionResponsibility:
    if action.status in CLOSED:
        raise Conflict(f"The action is {action.status.value}; its organisations are settled.")
    row = await _add_responsibility(session, ctx, action, item, who.rows, who.members, "body")
    action.updated_at = utcnow()
    await session.flush()
    return row


def find_responsibility(who: Parties, org_id: uuid.UUID) -> ActionResponsibility:
    row = next((r for r in who.rows if r.organisation_id == org_id), None)
    if row is None:
        raise NotFound("That organisation has no part in this action.")
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
        raise _invalid("body.note", "say why you decline", "Declining needs a reason.")
    if accept:
        await _check_owner(session, owner_id, row.organisation_id, "body.owner_id")
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
    await _event(
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
    await _notify(
        session,
        action,
        {
            action.proposed_by_id,
            row.owner_id,
            *await _deciders_people(session, who.responsible | {row.organisation_id}),
        },
        ctx.actor_id,
        f"action.responsibility_{word}",
        (
            f"{org.name} {word} its {row.role.value} part: {_title_en(action)}",
            f"{org.name_cy or org.name} "
            f"{'wedi derbyn' if accept else 'wedi gwrthod'} ei ran: {_title_cy(action)}",
        ),
        (note or "", note or ""),
    )
    return row


async def set_owner(
    session: AsyncSession, ctx: AuditContext, action: Action, row: ActionResponsibility, owner: Any
) -> ActionResponsibility:
    await _check_owner(session, owner, row.organisation_id, "body.owner_id")
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
        await _notify(
            session,
            action,
            [owner],
            ctx.actor_id,
            "action.assigned",
            (
                f"You own your organisation's part: {_title_en(action)}",
                f"Chi sy'n berchen ar ran eich sefydliad: {_title_cy(action)}",
            ),
            ("", ""),
        )
    return row


# ------------------------------------------------------------------------------ supports


async def add_support(
    session: AsyncSession,
    ctx: AuditContext,
    action: Action,
    user_id: uuid.UUID,
    supporter: tuple[uuid.UUID, str],
) -> ActionSupport:
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
    await _event(
        session,
        ctx,
        action,
        "supported",
        organisation_id=supporter[0],
        explanation=f"Supported by a {supporter[1].replace('_', ' ')}",
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


# ------------------------------------------------------------------------------ updates


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
        note=_text(data.note),
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
    await _event(
        session,
        ctx,
        action,
        "update",
        organisation_id=org_id,
        record_id=update.id,
        explanation=f"{data.percent}%: {data.note.en}",
    )
    await _notify(
        session,
        action,
        {
            action.proposed_by_id,
            *(r.owner_id for r in who.rows if r.state is not ResponsibilityState.declined),
            *await _supporters(session, action.id),
            *await _deciders_people(session, [who.lead] if who.lead else []),
        },
        ctx.actor_id,
        "action.update",
        (
            f"{_title_en(action)}: {data.percent}% done",
            f"{_title_cy(action)}: {data.percent}% wedi'i wneud",
        ),
        (data.note.en, data.note.cy or data.note.en),
    )
    return update


async def list_updates(
    session: AsyncSession, action_ids: Iterable[uuid.UUID]
) -> list[ActionUpdate]:
    ids = set(action_ids)
    if not ids:
        return []
    rows = await session.scalars(
        select(ActionUpdate)
        .where(ActionUpdate.action_id.in_(ids))
        .order_by(ActionUpdate.created_at, ActionUpdate.id)
    )
    return list(rows)


async def timeline(
    session: AsyncSession, params: PageParams, action: Action
) -> tuple[list[ActionEvent], str | None]:
    stmt = select(ActionEvent).where(ActionEvent.action_id == action.id)
    return await paginate(session, stmt, params, TIMELINE_SORTS, ActionEvent.id)


# --------------------------------------------------------------------------- PDSA cycles


def stage_of(cycle: PdsaCycle) -> str:
    if cycle.acted_on is not None:
        return "done"
    if cycle.studied_on is not None:
        return "act"
    if cycle.done_on is not None:
        return "study"
    return "do"


def pdsa_read(cycle: PdsaCycle) -> PdsaRead:
    return PdsaRead.model_validate(
        {
            **{f: getattr(cycle, f) for f in PdsaRead.model_fields if f != "stage"},
            "stage": stage_of(cycle),
        }
    )


async def pdsa_cycles(session: AsyncSession, action: Action) -> list[PdsaCycle]:
    rows = await session.scalars(
        select(PdsaCycle).where(PdsaCycle.action_id == action.id).order_by(PdsaCycle.number)
    )
    return list(rows)


async def get_cycle(session: AsyncSession, cycle_id: uuid.UUID) -> PdsaCycle:
    cycle = await session.get(PdsaCycle, cycle_id)
    if cycle is None:
        raise NotFound("No PDSA cycle with that id is visible to you.")
    return cycle


async def _annotate(
    session: AsyncSession,
    ctx: AuditContext,
    action: Action,
    cycle: PdsaCycle,
    on: date,
    stage_en: str,
    stage_cy: str,
    words: str,
) -> None:
    if cycle.indicator_id is None:
        return
    indicator = await indicators.get_indicator(session, cycle.indicator_id)
    short = words if len(words) <= 300 else words[:297] + "..."
    await indicators.add_annotation(
        session,
        ctx,
        indicator,
        AnnotationCreate(
            organisation_id=cycle.organisation_id,
            service_id=cycle.service_id,
            on_date=on,
            text=LocalizedText(
                en=f"PDSA {cycle.number} {stage_en} ({_title_en(action)}): {short}",
                cy=f"PDSA {cycle.number} {stage_cy} ({_title_cy(action)}): {short}",
            ),
        ),
        kind="pdsa",
    )


async def _check_pdsa_target(
    session: AsyncSession,
    p: Principal,
    indicator_id: uuid.UUID | None,
    service_id: uuid.UUID | None,
    org_id: uuid.UUID,
) -> None:
    if indicator_id is not None:
        try:
            indicator = await indicators.get_indicator(session, indicator_id)
        except NotFound as exc:
            raise _invalid("body.indicator_id", "no such indicator visible to you") from exc
        if indicator.organisation_id is not None and not policy.can_read_org(
            p, indicator.organisation_id
        ):
            raise _invalid("body.indicator_id", "no such indicator visible to you")
    if service_id is not None:
        try:
            svc = await organisations.get_service(session, service_id)
        except NotFound as exc:
            raise _invalid("body.service_id", "no such service") from exc
        if svc.organisation_id != org_id:
            raise _invalid("body.service_id", "not a service of that organisation")


async def create_cycle(
    session: AsyncSession,
    ctx: AuditContext,
    p: Principal,
    action: Action,
    data: PdsaCreate,
    org_id: uuid.UUID,
    previous: PdsaCycle | None = None,
) -> PdsaCycle:
    if action.status not in UPDATABLE:
        raise Conflict(
            f"PDSA cycles run on agreed or in-progress actions; this one is {action.status.value}."
        )
    await _check_pdsa_target(session, p, data.indicator_id, data.service_id, org_id)
    cycles = await pdsa_cycles(session, action)
    open_cycle = next((c for c in cycles if c.acted_on is None), None)
    if open_cycle is not None:
        raise Conflict(f"PDSA cycle {open_cycle.number} is still open; act on it first.")
    cycle = PdsaCycle(
        action_id=action.id,
        number=max((c.number for c in cycles), default=0) + 1,
        objective=data.objective,
        prediction=data.prediction,
        indicator_id=data.indicator_id,
        organisation_id=org_id,
        service_id=data.service_id,
        planned_on=data.planned_on,
        created_by_id=ctx.actor_id if ctx.actor_type.value == "user" else None,
    )
    session.add(cycle)
    await session.flush()
    if previous is not None:
        previous.next_cycle_id = cycle.id
    await audit.record(
        session,
        ctx,
        action="action.pdsa_planned",
        record_type="pdsa_cycle",
        record_id=cycle.id,
        organisation_id=org_id,
        partnership_id=action.partnership_id,
        after={"action_id": action.id, "number": cycle.number, "objective": data.objective},
    )
    await _event(
        session,
        ctx,
        action,
        "pdsa_planned",
        organisation_id=org_id,
        record_id=cycle.id,
        explanation=f"PDSA {cycle.number} plan: {data.objective}",
    )
    await _annotate(
        session, ctx, action, cycle, data.planned_on, "plan", "cynllunio", data.objective
    )
    return cycle


async def advance_cycle(
    session: AsyncSession,
    ctx: AuditContext,
    p: Principal,
    action: Action,
    cycle: PdsaCycle,
    data: PdsaUpdate,
) -> PdsaCycle:
    """Record do, study and act in order (several at once is fine); each stage needs its
    notes and date, and a later stage cannot come before an earlier one."""
    sent = data.model_dump(exclude_unset=True)
    if any(v is None for v in sent.values()):
        raise _invalid("body." + next(k for k, v in sent.items() if v is None), "cannot be null")
    if cycle.acted_on is not None:
        raise Conflict(f"PDSA cycle {cycle.number} is finished; start a new cycle.")
    stages = (
        ("do", "done_on", "do_notes", "gwneud"),
        ("study", "studied_on", "study_notes", "astudio"),
        ("act", "acted_on", "act_notes", "gweithredu"),
    )
    before = {k: getattr(cycle, k) for _, k, n, _ in stages} | {"decision": cycle.decision}
    previous_date = cycle.planned_on
    recorded: list[tuple[str, str, date, str]] = []
    for name, date_field, notes_field, name_cy in stages:
        stored = getattr(cycle, date_field)
        given_date, given_notes = sent.get(date_field), sent.get(notes_field)
        if stored is not None:
            if given_date is not None or given_notes is not None:
                raise Conflict(f"The {name} stage of this cycle is already recorded.")
            previous_date = stored
            continue
        if (
            given_date is None
            and given_notes is None
            and not (name == "act" and "decision" in sent)
        ):
            break
        if given_date is None or given_notes is None:
            missing = date_field if given_date is None else notes_field
            raise _invalid(f"body.{missing}", f"the {name} stage needs its notes and date")
        if given_date < previous_date:
            raise _invalid(f"body.{date_field}", "cannot be before the previous stage")
        if name == "act" and "decision" not in sent:
            raise _invalid("body.decision", "adopt, adapt or abandon")
        previous_date = given_date
        recorded.append((name, name_cy, given_date, given_notes))
    names = {r[0] for r in recorded}
    leftovers = [
        k
        for k in sent
        if k not in {f for n, d, nf, _ in stages if n in names for f in (d, nf)}
        and not (k in {"decision", "next_objective"} and "act" in names)
    ]
    if leftovers:
        raise _invalid(f"body.{leftovers[0]}", "record the stages in order: plan, do, study, act")
    if "next_objective" in sent and sent.get("decision") is PdsaDecision.abandon:
        raise _invalid("body.next_objective", "an abandoned change has no next cycle")
    if not recorded:
        raise _invalid("body", "record at least the next stage")
    for name, _, on, notes in recorded:
        date_field, notes_field = {
            "do": ("done_on", "do_notes"),
            "study": ("studied_on", "study_notes"),
            "act": ("acted_on", "act_notes"),
        }[name]
        setattr(cycle, date_field, on)
        setattr(cycle, notes_field, notes)
    if "act" in names:
        cycle.decision = sent["decision"]
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="action.pdsa_recorded",
        record_type="pdsa_cycle",
        record_id=cycle.id,
        organisation_id=cycle.organisation_id,
        partnership_id=action.partnership_id,
        before=before,
        after={k: getattr(cycle, k) for _, k, n, _ in stages} | {"decision": cycle.decision},
    )
    for name, name_cy, on, notes in recorded:
        words = (
            notes if name != "act" else f"{cycle.decision.value if cycle.decision else ''}: {notes}"
        )
        await _event(
            session,
            ctx,
            action,
            f"pdsa_{name}",
            organisation_id=cycle.organisation_id,
            record_id=cycle.id,
            explanation=f"PDSA {cycle.number} {name}: {words}",
        )
        await _annotate(session, ctx, action, cycle, on, name, name_cy, words)
    if "act" in names and sent.get("next_objective"):
        await create_cycle(
            session,
            ctx,
            p,
            action,
            PdsaCreate(
                objective=sent["next_objective"],
                prediction=cycle.prediction,
                indicator_id=cycle.indicator_id,
                organisation_id=cycle.organisation_id,
                service_id=cycle.service_id,
                planned_on=cycle.acted_on or previous_date,
            ),
            cycle.organisation_id,
            previous=cycle,
        )
        await session.flush()
    return cycle


# ------------------------------------------------------------------------ overdue pass


async def notify_overdue(session: AsyncSession, today: date | None = None) -> int:
    """Tell the people concerned once about each action that has become overdue (the
    worker calls this; running it again sends nothing new). Returns how many were new."""
    today = today or utcnow().date()
    rows = list(
        await session.scalars(
            select(Action)
            .where(_open_condition(today), Action.overdue_notified_at.is_(None))
            .order_by(Action.due_date, Action.id)
            .limit(500)
        )
    )
    ctx = AuditContext.system("overdue check")
    for action in rows:
        who = await parties(session, action)
        action.overdue_notified_at = utcnow()
        await _event(
            session,
            ctx,
            action,
            "overdue",
            explanation=f"Due on {action.due_date.isoformat() if action.due_date else ''}",
        )
        await _notify(
            session,
            action,
            {
                *(r.owner_id for r in who.rows if r.state is not ResponsibilityState.declined),
                *await _deciders_people(session, who.deciders("in_progress")),
            },
            None,
            "action.overdue",
            (f"Overdue: {_title_en(action)}", f"Yn hwyr: {_title_cy(action)}"),
            (
                f"It was due on {action.due_date}.",
                f"Roedd i fod i'w gwblhau erbyn {action.due_date}.",
            ),
        )
    await session.flush()
    return len(rows)


# --------------------------------------------------------------------- accountability


def _share(n: int, total: int) -> float | None:
    return round(n / total, 4) if total else None


def _org_figures(
    org_id: uuid.UUID,
    name: str,
    rows: list[tuple[Action, ActionResponsibility]],
    today: date,
) -> OrganisationAccountability:
    live = [(a, r) for a, r in rows if r.state is not ResponsibilityState.declined]
    actions = [a for a, _ in live]
    decided = [
        (a.decided_at - a.created_at).total_seconds() / 86400
        for a in actions
        if a.decided_at is not None
    ]
    open_ = [a for a in actions if a.status in OPEN]
    completed = sum(1 for a in actions if a.status is S.completed)
    return OrganisationAccountability(
        organisation_id=org_id,
        organisation_name=name,
        leads=sum(1 for _, r in live if r.role is ResponsibilityRole.lead),
        supports=sum(1 for _, r in live if r.role is ResponsibilityRole.supporting),
        pending_acceptance=sum(1 for _, r in live if r.state is ResponsibilityState.pending),
        on_time=sum(1 for a in open_ if not is_overdue(a, today)),
        overdue=sum(1 for a in open_ if is_overdue(a, today)),
        completed=completed,
        not_taken_forward=sum(1 for a in actions if a.status is S.not_taken_forward),
        median_days_to_decision=round(statistics.median(decided), 1) if decided else None,
        share_from_service_users=_share(
            sum(1 for a in actions if from_service_user(a)), len(actions)
        ),
        share_completed=_share(completed, len(actions)),
    )


async def _responsible_rows(
    session: AsyncSession,
    *,
    organisation_id: uuid.UUID | None = None,
    partnership_ids: frozenset[uuid.UUID] | None = None,
    partnership_id: uuid.UUID | None = None,
) -> list[tuple[Action, ActionResponsibility]]:
    stmt = select(Action, ActionResponsibility).join(
        ActionResponsibility, ActionResponsibility.action_id == Action.id
    )
    if organisation_id is not None:
        stmt = stmt.where(ActionResponsibility.organisation_id == organisation_id)
    if partnership_ids is not None:
        stmt = stmt.where(Action.partnership_id.in_(partnership_ids))
    if partnership_id is not None:
        stmt = stmt.where(Action.partnership_id == partnership_id)
    return [(a, r) for a, r in await session.execute(stmt.order_by(Action.id))]


async def organisation_accountability(
    session: AsyncSession, org_id: uuid.UUID, partnership_ids: frozenset[uuid.UUID] | None
) -> OrganisationAccountability:
    org = await organisations.get_organisation(session, org_id)
    rows = await _responsible_rows(session, organisation_id=org_id, partnership_ids=partnership_ids)
    return _org_figures(org.id, org.name, rows, utcnow().date())


async def partnership_accountability(
    session: AsyncSession, partnership_id: uuid.UUID
) -> PartnershipAccountability:
    today = utcnow().date()
    actions = list(
        await session.scalars(select(Action).where(Action.partnership_id == partnership_id))
    )
    rows = await _responsible_rows(session, partnership_id=partnership_id)
    members = await partnerships.active_member_ids(session, partnership_id)
    org_ids = members | {r.organisation_id for _, r in rows}
    orgs = await organisations.organisations_by_ids(session, list(org_ids))
    standards = {
        s.id: s for _, group in await indicators.frameworks_with_standards(session) for s in group
    }
    by_standard: dict[uuid.UUID | None, list[Action]] = {}
    for a in actions:
        by_standard.setdefault(a.standard_id, []).append(a)

    def counts(group: list[Action]) -> dict[str, int]:
        found = Counter(a.status.value for a in group)
        return {s.value: found.get(s.value, 0) for s in S}

    return PartnershipAccountability(
        partnership_id=partnership_id,
        total=len(actions),
        overdue=sum(1 for a in actions if is_overdue(a, today)),
        by_status=counts(actions),
        by_standard=[
            StandardCount(
                standard_id=sid,
                standard_code=standards[sid].code if sid in standards else None,
                standard_title=LocalText.model_validate(standards[sid].title)
                if sid in standards
                else None,
                total=len(group),
                by_status=counts(group),
            )
            for sid, group in sorted(
                by_standard.items(),
                key=lambda kv: (
                    standards[kv[0]].number if kv[0] in standards else 10_000,
                    str(kv[0]),
                ),
            )
        ],
        organisations=[
            _org_figures(
                oid, orgs[oid].name, [(a, r) for a, r in rows if r.organisation_id == oid], today
            )
            for oid in sorted(org_ids, key=lambda o: (orgs[o].name, str(o)))
        ],
    )


CSV_HEADER = [
    "organisation",
    "leads",
    "supports",
    "pending_acceptance",
    "on_time",
    "overdue",
    "completed",
    "not_taken_forward",
    "median_days_to_decision",
    "share_from_service_users",
    "share_completed",
]


def accountability_rows(view: PartnershipAccountability) -> list[list[Any]]:
    def blank(v: float | None) -> Any:
        return "" if v is None else v

    return [
        [
            o.organisation_name,
            o.leads,
            o.supports,
            o.pending_acceptance,
            o.on_time,
            o.overdue,
            o.completed,
            o.not_taken_forward,
            blank(o.median_days_to_decision),
            blank(o.share_from_service_users),
            blank(o.share_completed),
        ]
        for o in view.organisations
    ]


# -------------------------------------------------------------------------- public page


async def public_page(session: AsyncSession, partnership_id: uuid.UUID) -> PublicActionsPage:
    """What the partnership did with what it heard: agreed, active and completed actions and
    the reasons for those not taken forward. Only texts, organisations, dates and numbers:
    never a person's name, id or email."""
    partnership = await partnerships.get_partnership(session, partnership_id)
    actions = list(
        await session.scalars(
            select(Action)
            .where(
                Action.partnership_id == partnership_id,
                Action.status.in_([s.value for s in PUBLIC_STATUSES]),
            )
            .order_by(Action.created_at.desc(), Action.id)
            .limit(500)
        )
    )
    ids = [a.id for a in actions]
    resp = await responsibilities_of(session, ids)
    updates = await list_updates(session, ids)
    org_ids = {r.organisation_id for rows in resp.values() for r in rows} | {
        u.organisation_id for u in updates
    }
    orgs = await organisations.organisations_by_ids(session, list(org_ids))

    def org_name(oid: uuid.UUID) -> LocalText:
        return LocalText(en=orgs[oid].name, cy=orgs[oid].name_cy or orgs[oid].name)

    supports: dict[uuid.UUID, list[str]] = {i: [] for i in ids}
    if ids:
        for action_id, role in await session.execute(
            select(ActionSupport.action_id, ActionSupport.supporter_role).where(
                ActionSupport.action_id.in_(ids)
            )
        ):
            supports[action_id].append(role)
    today = utcnow().date()
    return PublicActionsPage(
        partnership_name=LocalText(en=partnership.name, cy=partnership.name_cy or partnership.name),
        actions=[
            PublicAction(
                id=a.id,
                title=LocalText.model_validate(a.title),
                summary=LocalText.model_validate(a.summary),
                origin=a.origin,
                status=a.status,
                progress=a.progress,
                due_date=a.due_date,
                overdue=is_overdue(a, today),
                reason_not_taken_forward=LocalText.model_validate(a.closure_reason)
                if a.closure_reason
                else None,
                organisations=[
                    PublicResponsibility(organisation_name=org_name(r.organisation_id), role=r.role)
                    for r in resp[a.id]
                    if r.state is ResponsibilityState.accepted
                ],
                updates=[
                    PublicUpdate(
                        on=u.created_at.date(),
                        organisation_name=org_name(u.organisation_id),
                        note=LocalText.model_validate(u.note),
                        percent=u.percent,
                    )
                    for u in updates
                    if u.action_id == a.id
                ],
                support_count=len(supports[a.id]),
                service_user_support_share=_share(
                    supports[a.id].count(policy.ROLE_SERVICE_USER), len(supports[a.id])
                ),
            )
            for a in actions
        ],
    )


# ------------------------------------------------------------------------------ report


@dataclass(frozen=True)
class ReportIndicator:
    code: str
    name: str
    organisation: str
    points: int
    last_value: float | None
    unit: str
    variation: str | None
    assurance: str | None


@dataclass(frozen=True)
class ReportStandard:
    code: str
    title: str
    indicators: list[ReportIndicator]
    actions: list[Action]


async def report_data(
    session: AsyncSession,
    partnership_id: uuid.UUID,
    start: date,
    end: date,
    language: str = "en",
) -> tuple[str, list[ReportStandard], list[Action]]:
    """Per NSF standard: each indicator of each member organisation over the period with its
    SPC variation and assurance, and the actions filed under the standard. Also returns the
    actions with no standard. Names are in ``language`` where they have it, else English."""

    def words(text: dict[str, Any] | None, fallback: str) -> str:
        text = text or {}
        return str(text.get(language) or text.get("en") or fallback)

    from gwella.indicators import spc

    partnership = await partnerships.get_partnership(session, partnership_id)
    members = await partnerships.active_member_ids(session, partnership_id)
    orgs = await organisations.organisations_by_ids(session, list(members))
    visible = frozenset(members)
    actions = [
        a
        for a in await session.scalars(
            select(Action)
            .where(Action.partnership_id == partnership_id)
            .order_by(Action.created_at, Action.id)
        )
        if a.created_at.date() <= end
        and (a.status in OPEN or (a.decided_at or a.updated_at).date() >= start)
    ]
    out: list[ReportStandard] = []
    for _framework, standards in await indicators.frameworks_with_standards(session):
        for standard in standards:
            rows, _ = await indicators.list_indicators(
                session,
                PageParams(limit=200, cursor=None, sort="code"),
                visible_orgs=visible,
                standard_id=standard.id,
            )
            lines: list[ReportIndicator] = []
            for indicator in rows:
                for oid in sorted(members, key=lambda o: orgs[o].name):
                    series = [
                        m
                        for m in await indicators.series(
                            session, indicator.id, indicators.unit_key(oid, None)
                        )
                        if start <= m.period_end <= end
                    ]
                    if not series:
                        continue
                    chart = spc.chart(
                        [m.value for m in series], indicator.direction.value, indicator.target
                    )
                    lines.append(
                        ReportIndicator(
                            code=indicator.code,
                            name=words(indicator.name, indicator.code),
                            organisation=(orgs[oid].name_cy if language == "cy" else None)
                            or orgs[oid].name,
                            points=len(series),
                            last_value=series[-1].value,
                            unit=indicator.unit,
                            variation=chart.variation,
                            assurance=chart.assurance,
                        )
                    )
            out.append(
                ReportStandard(
                    code=standard.code,
                    title=words(standard.title, standard.code),
                    indicators=lines,
                    actions=[a for a in actions if a.standard_id == standard.id],
                )
            )
    unfiled = [a for a in actions if a.standard_id is None]
    title = (partnership.name_cy if language == "cy" else None) or partnership.name
    return title, out, unfiled
