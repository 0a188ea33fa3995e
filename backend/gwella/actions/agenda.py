"""What awaits one person in improvement actions, for their home page: the parts their
organisations were asked to take and may accept (as
:func:`gwella.policy.ensure_answer_responsibility` decides), and the open actions past their
due date that they carry. A few queries whatever the number of actions. No HTTP types."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.actions.models import (
    Action,
    ActionResponsibility,
    ResponsibilityRole,
    ResponsibilityState,
)
from gwella.actions.rules import CLOSED, overdue_condition
from gwella.core.principal import Principal
from gwella.partnerships import service as partnerships


@dataclass(frozen=True)
class PartToAnswer:
    action: Action
    part: ActionResponsibility


async def parts_to_answer(
    p: Principal, session: AsyncSession, limit: int
) -> tuple[list[PartToAnswer], int]:
    """Parts awaiting an answer from an organisation whose administrator or manager ``p`` is,
    in open actions of partnerships ``p`` sees; oldest request first: the first ``limit``
    and how many there are."""
    if not p.is_user:
        return [], 0
    deciding = p.orgs_with_role(*policy.DECIDER_ROLES)
    if not deciding:
        return [], 0
    where = [
        ActionResponsibility.state == ResponsibilityState.pending,
        ActionResponsibility.organisation_id.in_(deciding),
        Action.status.not_in([s.value for s in CLOSED]),
    ]
    visible = policy.action_partnership_ids(p)
    if visible is not None:
        where.append(Action.partnership_id.in_(visible))
    total = await session.scalar(
        select(func.count())
        .select_from(ActionResponsibility)
        .join(Action, Action.id == ActionResponsibility.action_id)
        .where(*where)
    )
    rows = await session.execute(
        select(Action, ActionResponsibility)
        .join(Action, Action.id == ActionResponsibility.action_id)
        .where(*where)
        .order_by(ActionResponsibility.created_at, ActionResponsibility.id)
        .limit(limit)
    )
    return [PartToAnswer(a, r) for a, r in rows.all()], int(total or 0)


@dataclass(frozen=True)
class OverdueAction:
    action: Action
    part: ActionResponsibility | None
    """The part of the person's organisation (or the one they own), when there is one."""


async def overdue_for(
    p: Principal, session: AsyncSession, today: date, limit: int
) -> tuple[list[OverdueAction], int]:
    """Open actions past their due date that ``p`` carries: they own a part, or their
    organisation has a part (accepted or still to answer) and they are its staff, manager
    or administrator (who write its progress and move it on); or nobody has a part and they
    administer or manage a member of its partnership (who are told it is overdue). Most
    overdue first: the first ``limit`` and how many there are. Service users and carers see
    only parts they own."""
    if not p.is_user:
        return [], 0
    working = p.orgs_with_role(*policy.EDITOR_ROLES)
    mine = or_(
        ActionResponsibility.owner_id == p.id,
        ActionResponsibility.organisation_id.in_(working),
    )
    live = ActionResponsibility.state != ResponsibilityState.declined
    # An action nobody has taken on is decided by any member's administrators and managers
    # (policy.action_deciders): they are told when it goes overdue, and it waits for them here.
    deciding, _ = await partnerships.sharing_context(
        session, p.orgs_with_role(*policy.DECIDER_ROLES)
    )
    where = [
        overdue_condition(today),
        or_(
            exists().where(ActionResponsibility.action_id == Action.id, live, mine),
            and_(
                ~exists().where(ActionResponsibility.action_id == Action.id, live),
                Action.partnership_id.in_(deciding),
            ),
        ),
    ]
    visible = policy.action_partnership_ids(p)
    if visible is not None:
        where.append(Action.partnership_id.in_(visible))
    total = await session.scalar(select(func.count()).select_from(Action).where(*where))
    actions = list(
        await session.scalars(
            select(Action).where(*where).order_by(Action.due_date, Action.id).limit(limit)
        )
    )
    parts: dict[uuid.UUID, ActionResponsibility] = {}
    if actions:
        for row in await session.scalars(
            select(ActionResponsibility)
            .where(
                ActionResponsibility.action_id.in_([a.id for a in actions]),
                live,
                mine,
            )
            .order_by(ActionResponsibility.created_at)
        ):
            current = parts.get(row.action_id)
            # The lead part first, then the one they own, when they carry several.
            if current is None or (
                row.role is ResponsibilityRole.lead and current.role is not ResponsibilityRole.lead
            ):
                parts[row.action_id] = row
    return [OverdueAction(a, parts.get(a.id)) for a in actions], int(total or 0)
