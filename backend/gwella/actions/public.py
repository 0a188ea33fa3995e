"""The public "you said, we did" page of a partnership: what it did with what it heard."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.actions.models import Action, ActionStatus, ActionSupport, ResponsibilityState
from gwella.actions.parties import responsibilities_of
from gwella.actions.progress import list_updates
from gwella.actions.rules import PUBLIC_STATUSES, is_overdue, share
from gwella.actions.schemas import (
    LocalText,
    PublicAction,
    PublicActionsPage,
    PublicResponsibility,
    PublicUpdate,
)
from gwella.core.database import utcnow
from gwella.organisations import service as organisations
from gwella.partnerships import service as partnerships


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

    def we_did(a: Action) -> LocalText | None:
        """A completed action's "we did": what was said publicly on completing it, else the
        last progress note its organisations published up to its completion (public
        already, beside the others in ``updates``)."""
        if a.status is not ActionStatus.completed:
            return None
        if a.closure_reason:
            return LocalText.model_validate(a.closure_reason)
        notes = [
            u
            for u in updates
            if u.action_id == a.id and (a.completed_at is None or u.created_at <= a.completed_at)
        ]
        return LocalText.model_validate(notes[-1].note) if notes else None

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
                completed_on=a.completed_at.date()
                if a.status is ActionStatus.completed and a.completed_at
                else None,
                we_did=we_did(a),
                reason_not_taken_forward=LocalText.model_validate(a.closure_reason)
                if a.closure_reason and a.status is ActionStatus.not_taken_forward
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
                service_user_support_share=share(
                    supports[a.id].count(policy.ROLE_SERVICE_USER), len(supports[a.id])
                ),
            )
            for a in actions
        ],
    )
