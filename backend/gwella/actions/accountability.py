"""Who carries a partnership's actions: for each organisation, the parts it leads and
supports, on time or overdue, completed or not taken forward, how fast they were decided and
how many came from service users; for the partnership, the actions by status and standard."""

from __future__ import annotations

import statistics
import uuid
from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.actions.models import (
    Action,
    ActionResponsibility,
    ResponsibilityRole,
    ResponsibilityState,
)
from gwella.actions.rules import OPEN, S, from_service_user, is_overdue, share
from gwella.actions.schemas import (
    LocalText,
    OrganisationAccountability,
    PartnershipAccountability,
    StandardCount,
)
from gwella.core.database import utcnow
from gwella.indicators import service as indicators
from gwella.organisations import service as organisations
from gwella.partnerships import service as partnerships

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


def _org_figures(
    org_id: uuid.UUID,
    name: tuple[str, str | None],
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
        organisation_name=name[0],
        organisation_name_cy=name[1],
        leads=sum(1 for _, r in live if r.role is ResponsibilityRole.lead),
        supports=sum(1 for _, r in live if r.role is ResponsibilityRole.supporting),
        pending_acceptance=sum(1 for _, r in live if r.state is ResponsibilityState.pending),
        on_time=sum(1 for a in open_ if not is_overdue(a, today)),
        overdue=sum(1 for a in open_ if is_overdue(a, today)),
        completed=completed,
        not_taken_forward=sum(1 for a in actions if a.status is S.not_taken_forward),
        median_days_to_decision=round(statistics.median(decided), 1) if decided else None,
        share_from_service_users=share(
            sum(1 for a in actions if from_service_user(a)), len(actions)
        ),
        share_completed=share(completed, len(actions)),
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
    return _org_figures(org.id, (org.name, org.name_cy), rows, utcnow().date())


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
                oid,
                (orgs[oid].name, orgs[oid].name_cy),
                [(a, r) for a, r in rows if r.organisation_id == oid],
                today,
            )
            for oid in sorted(org_ids, key=lambda o: (orgs[o].name, str(o)))
        ],
    )


def accountability_rows(view: PartnershipAccountability) -> list[list[Any]]:
    """The partnership's view as CSV rows under :data:`CSV_HEADER`, one per organisation."""

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
