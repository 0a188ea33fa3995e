"""Who is involved in an action: the organisations responsible for it and the partnership's
members and appointed leads. The workflow, the access checks and the notifications all ask."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.actions.models import (
    Action,
    ActionResponsibility,
    ResponsibilityRole,
    ResponsibilityState,
)
from gwella.core.errors import NotFound
from gwella.partnerships import service as partnerships


async def responsibilities_of(
    session: AsyncSession, action_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[ActionResponsibility]]:
    """The organisations' parts in each action (declined ones included), oldest first."""
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

    def live_owners(self) -> set[uuid.UUID | None]:
        """The owners named for the parts not declined (``None`` where none is named)."""
        return {r.owner_id for r in self.rows if r.state is not ResponsibilityState.declined}


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


def find_responsibility(who: Parties, org_id: uuid.UUID) -> ActionResponsibility:
    row = next((r for r in who.rows if r.organisation_id == org_id), None)
    if row is None:
        raise NotFound("That organisation has no part in this action.")
    return row
