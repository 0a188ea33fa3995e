"""Reading actions: lists with their filters, one action as the API shows it (its parts,
evidence, support and the statuses it may move to), and its timeline."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import exists, not_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.actions.models import (
    Action,
    ActionEvent,
    ActionEvidence,
    ActionOrigin,
    ActionResponsibility,
    ActionStatus,
    ActionSupport,
    ResponsibilityState,
)
from gwella.actions.parties import responsibilities_of
from gwella.actions.rules import TRANSITIONS, in_order, is_overdue, overdue_condition
from gwella.actions.schemas import ActionRead, EvidenceRead, LocalText, ResponsibilityRead
from gwella.core.database import utcnow
from gwella.core.pagination import PageParams, paginate
from gwella.organisations import service as organisations

SORTS = {"created_at": Action.created_at, "updated_at": Action.updated_at}
TIMELINE_SORTS = {"occurred_at": ActionEvent.occurred_at}


async def reads(
    session: AsyncSession, actions: Sequence[Action], viewer_id: uuid.UUID | None
) -> list[ActionRead]:
    """``actions`` as the API shows them to ``viewer_id`` (whether they support each)."""
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
                        organisation_name_cy=orgs[r.organisation_id].name_cy,
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
                allowed_transitions=in_order(TRANSITIONS[a.status]),
                decided_at=a.decided_at,
                completed_at=a.completed_at,
                created_at=a.created_at,
                updated_at=a.updated_at,
                version=a.version,
            )
        )
    return out


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
        condition = overdue_condition(utcnow().date())
        stmt = stmt.where(condition if overdue else not_(condition))
    return await paginate(session, stmt, params, SORTS, Action.id)


async def timeline(
    session: AsyncSession, params: PageParams, action: Action
) -> tuple[list[ActionEvent], str | None]:
    stmt = select(ActionEvent).where(ActionEvent.action_id == action.id)
    return await paginate(session, stmt, params, TIMELINE_SORTS, ActionEvent.id)
