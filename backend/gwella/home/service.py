"""A person's agenda: what needs them across the domains, and what changed. Each domain says
what awaits a person under its own rules (its ``agenda`` module); this puts them together
with the names and links the home page shows. A fixed number of queries whatever the number
of records (each list is capped; totals are counted). No HTTP types."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.actions import agenda as actions
from gwella.core.database import utcnow
from gwella.core.pagination import PageParams
from gwella.core.principal import Principal
from gwella.core.text import LocalizedText
from gwella.home.schemas import (
    Agenda,
    Changes,
    Overdue,
    OverdueAction,
    Place,
    Responsibilities,
    ResponsibilityToAccept,
    ReviewAsked,
    Reviews,
    SignalOnIndicator,
    Signals,
    Suggestions,
    SuggestionToAnswer,
)
from gwella.indicators import signals as indicators
from gwella.instruments import agenda as instruments
from gwella.notifications import service as notifications
from gwella.notifications.schemas import NotificationRead
from gwella.organisations import service as organisations
from gwella.partnerships import service as partnerships

ITEMS = 10
"""Each list shows at most this many (its total says how many there are)."""
UNREAD_LIMIT = 99


def _text(value: dict[str, str] | None) -> LocalizedText:
    value = value or {}
    return LocalizedText(en=value.get("en") or None, cy=value.get("cy") or None)


async def signal_organisations(p: Principal, session: AsyncSession) -> set[uuid.UUID]:
    """Whose indicator signals need this person: the organisations where they are staff,
    managers or administrators, and the members of the partnerships they lead. (Service
    users and carers read the charts; a signal asks staff to act.)"""
    if not p.is_user:
        return set()
    orgs = set(p.orgs_with_role(*policy.EDITOR_ROLES))
    for partnership_id in await partnerships.lead_partnership_ids(session, p.id):
        orgs |= await partnerships.active_member_ids(session, partnership_id)
    return orgs


class _Names:
    """Organisation and service names for the places of the items, read in two queries."""

    def __init__(self) -> None:
        self.org_ids: set[uuid.UUID] = set()
        self.service_ids: set[uuid.UUID] = set()
        self.orgs: dict[uuid.UUID, tuple[str, str | None]] = {}
        self.services: dict[uuid.UUID, tuple[str, str | None]] = {}

    def want(self, org_id: uuid.UUID, service_id: uuid.UUID | None = None) -> None:
        self.org_ids.add(org_id)
        if service_id is not None:
            self.service_ids.add(service_id)

    async def read(self, session: AsyncSession) -> None:
        found = await organisations.organisations_by_ids(session, list(self.org_ids))
        self.orgs = {o.id: (o.name, o.name_cy) for o in found.values()}
        services = await organisations.services_by_ids(session, self.service_ids)
        self.services = {s.id: (s.name, s.name_cy) for s in services.values()}

    def place(self, org_id: uuid.UUID, service_id: uuid.UUID | None = None) -> Place:
        name, name_cy = self.orgs.get(org_id, ("", None))
        service = self.services.get(service_id) if service_id else None
        return Place(
            organisation_id=org_id,
            organisation_name=name,
            organisation_name_cy=name_cy,
            service_id=service_id,
            service_name=service[0] if service else None,
            service_name_cy=service[1] if service else None,
        )


def _chart_link(indicator_id: uuid.UUID, org_id: uuid.UUID, service_id: uuid.UUID | None) -> str:
    link = f"/indicators/{indicator_id}?organisation_id={org_id}"
    return f"{link}&service_id={service_id}" if service_id else link


async def agenda_of(p: Principal, session: AsyncSession) -> Agenda:
    today = utcnow().date()
    names = _Names()

    asked = await instruments.reviews_asked_of(p, session)
    for a in asked:
        names.want(a.instrument.organisation_id)
    suggestions, suggestion_total = await instruments.suggestions_to_answer(p, session, ITEMS)
    parts, part_total = await actions.parts_to_answer(p, session, ITEMS)
    for part in parts:
        names.want(part.part.organisation_id)
    found = await indicators.latest_signals(
        session, await signal_organisations(p, session), policy.visible_org_ids(p)
    )
    for s in found[:ITEMS]:
        names.want(s.organisation_id, s.service_id)
    late, late_total = await actions.overdue_for(p, session, today, ITEMS)
    for item in late:
        if item.part is not None:
            names.want(item.part.organisation_id)
    await names.read(session)

    latest, _ = await notifications.list_mine(
        session, PageParams(limit=ITEMS, cursor=None, sort="-created_at"), p.id, None
    )
    unread, more = await notifications.list_mine(
        session, PageParams(limit=UNREAD_LIMIT, cursor=None, sort="-created_at"), p.id, True
    )

    return Agenda(
        today=today,
        reviews=Reviews(
            total=len(asked),
            items=[
                ReviewAsked(
                    version_id=a.version.id,
                    instrument_id=a.instrument.id,
                    title=_text(a.instrument.title),
                    version_number=a.version.number,
                    requested_at=a.version.review_requested_at,
                    owner=names.place(a.instrument.organisation_id),
                    link=f"/instrument-versions/{a.version.id}",
                )
                for a in asked[:ITEMS]
            ],
        ),
        suggestions=Suggestions(
            total=suggestion_total,
            items=[
                SuggestionToAnswer(
                    contribution_id=s.contribution.id,
                    version_id=s.version.id,
                    instrument_id=s.instrument.id,
                    title=_text(s.instrument.title),
                    kind=s.contribution.kind.value,
                    body=s.contribution.body[:500],
                    language=s.contribution.language,
                    author_role=s.contribution.author_role,
                    created_at=s.contribution.created_at,
                    link=f"/instrument-versions/{s.version.id}",
                )
                for s in suggestions
            ],
        ),
        responsibilities=Responsibilities(
            total=part_total,
            items=[
                ResponsibilityToAccept(
                    action_id=part.action.id,
                    responsibility_id=part.part.id,
                    title=_text(part.action.title),
                    role=part.part.role.value,
                    organisation=names.place(part.part.organisation_id),
                    asked_at=part.part.created_at,
                    due_date=part.action.due_date,
                    link=f"/actions/{part.action.id}",
                )
                for part in parts
            ],
        ),
        signals=Signals(
            total=len(found),
            items=[
                SignalOnIndicator(
                    indicator_id=s.indicator.id,
                    title=_text(s.indicator.name),
                    place=names.place(s.organisation_id, s.service_id),
                    period_start=s.period_start,
                    period_end=s.period_end,
                    value=s.value,
                    unit=s.indicator.unit,
                    rule=s.rule,
                    nature=s.nature,
                    link=_chart_link(s.indicator.id, s.organisation_id, s.service_id),
                )
                for s in found[:ITEMS]
            ],
        ),
        overdue=Overdue(
            total=late_total,
            items=[
                OverdueAction(
                    action_id=item.action.id,
                    title=_text(item.action.title),
                    status=item.action.status.value,
                    due_date=item.action.due_date,
                    days_overdue=(today - item.action.due_date).days,  # type: ignore[operator]
                    role=item.part.role.value if item.part else None,
                    organisation=names.place(item.part.organisation_id) if item.part else None,
                    link=f"/actions/{item.action.id}",
                )
                for item in late
            ],
        ),
        changes=Changes(
            unread=len(unread),
            unread_more=more is not None,
            items=[NotificationRead.model_validate(n) for n in latest],
        ),
    )
