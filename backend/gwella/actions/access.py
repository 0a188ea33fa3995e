"""Load what a request names and decide whether the caller may touch it, in one call.

Each function finds the action (or PDSA cycle, or organisation's part) the URL names, 404s if
it does not exist or is hidden from the caller, then applies the rule of ``gwella.policy`` for
what the caller wants to do. The routes call these before the domain's operations, so that
no route forgets a check and every route checks in the same order. The rules themselves (who
decides, who answers for a part) are ``gwella.policy``'s; this module only applies them.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.actions.models import Action, ActionResponsibility, PdsaCycle
from gwella.actions.parties import Parties, find_responsibility, member_ids, parties
from gwella.actions.pdsa import get_cycle
from gwella.core.errors import NotFound
from gwella.core.principal import Principal


async def get_action(session: AsyncSession, action_id: uuid.UUID) -> Action:
    action = await session.get(Action, action_id)
    if action is None:
        raise NotFound(policy.ACTION_HIDDEN)
    return action


async def viewable(session: AsyncSession, p: Principal, action_id: uuid.UUID) -> Action:
    """An action of one of the caller's partnerships (404 otherwise, hidden or not)."""
    action = await get_action(session, action_id)
    policy.ensure_view_action(p, action.partnership_id)
    return action


async def to_decide(
    session: AsyncSession, p: Principal, action_id: uuid.UUID, target: str | None
) -> tuple[Action, Parties]:
    """An action the caller may move to ``target``, or edit when ``target`` is None."""
    action = await viewable(session, p, action_id)
    who = await parties(session, action)
    if target is None:
        policy.ensure_decide_action(p, who.deciders("edit"), "edit this action")
    else:
        policy.ensure_decide_action(
            p, who.deciders(target), f"make this action {target}", who.leads_for(target)
        )
    return action, who


async def to_assign(
    session: AsyncSession, p: Principal, action_id: uuid.UUID
) -> tuple[Action, Parties]:
    """An action to which the caller may ask an organisation to take part."""
    action = await viewable(session, p, action_id)
    who = await parties(session, action)
    policy.ensure_assign_responsibility(p, who.members)
    return action, who


async def part_to_answer(
    session: AsyncSession, p: Principal, action_id: uuid.UUID, organisation_id: uuid.UUID
) -> tuple[Action, ActionResponsibility]:
    """An organisation's part that the caller answers for (accept, decline, name its owner)."""
    action = await viewable(session, p, action_id)
    who = await parties(session, action)
    row = find_responsibility(who, organisation_id)
    policy.ensure_answer_responsibility(p, organisation_id)
    return action, row


async def to_support(
    session: AsyncSession, p: Principal, action_id: uuid.UUID
) -> tuple[Action, tuple[uuid.UUID, str]]:
    """An action the caller may support, and the organisation and role they support in."""
    action = await viewable(session, p, action_id)
    members = await member_ids(session, action.partnership_id)
    supporter = policy.ensure_support_action(p, members)
    return action, supporter


async def to_report_on(
    session: AsyncSession, p: Principal, action_id: uuid.UUID, organisation_id: uuid.UUID | None
) -> tuple[Action, Parties, uuid.UUID]:
    """An action the caller reports progress on, and the organisation they report for."""
    action = await viewable(session, p, action_id)
    who = await parties(session, action)
    org_id = policy.update_org_for(p, who.responsible, organisation_id)
    return action, who, org_id


async def to_plan_cycle(
    session: AsyncSession, p: Principal, action_id: uuid.UUID, organisation_id: uuid.UUID | None
) -> tuple[Action, uuid.UUID]:
    """An action the caller may plan a PDSA cycle on, and the organisation the cycle is for
    (by default the lead, if it has accepted, else the caller's)."""
    action = await viewable(session, p, action_id)
    who = await parties(session, action)
    writer = policy.update_org_for(p, who.accepted, organisation_id)
    org_id = organisation_id or (who.lead if who.lead in who.accepted else writer)
    assert org_id is not None
    return action, org_id


async def cycle_to_record(
    session: AsyncSession, p: Principal, cycle_id: uuid.UUID
) -> tuple[Action, PdsaCycle]:
    """A PDSA cycle whose stages the caller records, with its action."""
    cycle = await get_cycle(session, cycle_id)
    action = await viewable(session, p, cycle.action_id)
    who = await parties(session, action)
    policy.update_org_for(p, who.accepted & {cycle.organisation_id}, cycle.organisation_id)
    return action, cycle
