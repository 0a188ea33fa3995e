"""What an action tells the world when something happens to it: the entry on its timeline,
the webhook events for the organisations concerned, and the in-app notifications to people,
in English and Welsh. The workflow decides who hears; the wording lives here, and takes the
words for statuses and roles from the one vocabulary (:mod:`gwella.core.vocabulary`)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.accounts import users as accounts
from gwella.actions.models import (
    Action,
    ActionEvent,
    ActionStatus,
    ActionSupport,
    ResponsibilityRole,
)
from gwella.actions.rules import title_cy, title_en
from gwella.core import vocabulary as words
from gwella.core.audit import AuditContext
from gwella.notifications import service as notifications
from gwella.webhooks import service as webhooks

People = Iterable[uuid.UUID | None]


# ------------------------------------------------------------------------------ timeline


async def record_event(
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
    role: str | None = None,
) -> None:
    """Write one entry of the action's timeline (the actor, if a person, is recorded; for a
    proposal or a support, their role, which each page says in its own language)."""
    session.add(
        ActionEvent(
            action_id=action.id,
            kind=kind,
            explanation=explanation,
            from_status=from_status,
            to_status=to_status,
            organisation_id=organisation_id,
            role=role,
            actor_id=ctx.actor_id if ctx.actor_type.value == "user" else None,
            record_id=record_id,
        )
    )


def by_someone(role: str) -> str:
    """Who proposed or supported, in English: "a service user", "a carer", "a member of
    staff" (staff, managers and administrators alike)."""
    if role in policy.LAY_ROLES:
        return words.with_article(words.word(words.ROLE, role, "en"))
    return "a member of staff"


def proposed_by(role: str) -> str:
    """Who proposed, in English, for the timeline and the notification: "Proposed by a
    service user"."""
    status = words.ACTION_STATUS["proposed"].en
    return f"{words.label(status)} by {by_someone(role)}"


# ------------------------------------------------------------------------------ webhooks


async def emit(
    session: AsyncSession, action: Action, orgs: Iterable[uuid.UUID], event_type: str, **data: Any
) -> None:
    """Send ``event_type`` to each of ``orgs`` and to the proposer's organisation."""
    for org in sorted({*orgs, action.proposer_organisation_id}, key=str):
        await webhooks.emit(
            session,
            event_type=event_type,
            organisation_id=org,
            record_type="action",
            record_id=action.id,
            payload={"action_id": action.id, **data},
        )


# ------------------------------------------------------------------------------- people


async def deciders_people(session: AsyncSession, org_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """The administrators and managers of ``org_ids``."""
    people: set[uuid.UUID] = set()
    for org in sorted(set(org_ids), key=str):
        people |= set(await accounts.user_ids_with_roles(session, org, policy.DECIDER_ROLES))
    return people


async def supporters(session: AsyncSession, action_id: uuid.UUID) -> set[uuid.UUID]:
    rows = await session.scalars(
        select(ActionSupport.user_id).where(ActionSupport.action_id == action_id)
    )
    return set(rows)


# ------------------------------------------------------------------------- notifications


async def _send(
    session: AsyncSession,
    action: Action,
    people: People,
    actor: uuid.UUID | None,
    kind: str,
    title: tuple[str, str],
    body: tuple[str, str],
) -> None:
    """One notification to each of ``people`` except the actor; titles and bodies are
    (English, Welsh)."""
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


async def proposed(
    session: AsyncSession, action: Action, people: People, actor: uuid.UUID | None, role: str
) -> None:
    """A new proposal, made by someone in ``role``."""
    status = words.ACTION_STATUS["proposed"]
    if role in policy.LAY_ROLES:
        by_cy = words.soft_mutation(words.word(words.ROLE, role, "cy"))
    else:
        by_cy = "aelod o staff"
    await _send(
        session,
        action,
        people,
        actor,
        "action.proposed",
        (f"New proposal: {title_en(action)}", f"Cynnig newydd: {title_cy(action)}"),
        (f"{proposed_by(role)}.", f"{words.label(status.cy)} gan {by_cy}."),
    )


async def assigned(
    session: AsyncSession,
    action: Action,
    deciders: People,
    actor: uuid.UUID | None,
    role: ResponsibilityRole,
    owner: uuid.UUID | None = None,
) -> None:
    """An organisation is asked to take a part: its administrators and managers, who answer
    for it, are asked to accept or decline; the person named for the part, if not one of
    them, is told who answers."""
    part = words.RESPONSIBILITY_ROLE[role.value]
    verb = "lead" if role is ResponsibilityRole.lead else "support"
    title = (
        f"Your organisation is asked to {verb} an action: {title_en(action)}",
        f"Gofynnir i'ch sefydliad {words.soft_mutation(part.cy)} cam gweithredu: "
        f"{title_cy(action)}",
    )
    answering = set(deciders)
    await _send(
        session,
        action,
        answering,
        actor,
        "action.assigned",
        title,
        (
            "Accept or decline your organisation's part.",
            "Derbyniwch neu wrthodwch ran eich sefydliad.",
        ),
    )
    if owner is not None and owner not in answering:
        await _send(
            session,
            action,
            [owner],
            actor,
            "action.assigned",
            title,
            (
                "You are named for your organisation's part. Its administrators and "
                "managers accept or decline it.",
                "Chi sydd wedi'ch enwi ar gyfer rhan eich sefydliad. Ei weinyddwyr a'i "
                "reolwyr sy'n ei derbyn neu'n ei gwrthod.",
            ),
        )


async def answered(
    session: AsyncSession,
    action: Action,
    people: People,
    actor: uuid.UUID | None,
    *,
    organisation: tuple[str, str],
    role: ResponsibilityRole,
    accept: bool,
    note: str | None,
) -> None:
    """An organisation (its name in English and Welsh) accepted or declined its part: "X has
    agreed to lead", "Mae X wedi gwrthod cefnogi"."""
    word = "accepted" if accept else "declined"
    verb_en = "lead" if role is ResponsibilityRole.lead else "support"
    verb_cy = words.RESPONSIBILITY_ROLE[role.value].cy  # arwain, cefnogi
    if accept:
        en = f"{organisation[0]} has agreed to {verb_en}"
        cy = f"Mae {organisation[1]} wedi cytuno i {words.soft_mutation(verb_cy)}"
    else:
        en = f"{organisation[0]} has declined to {verb_en}"
        cy = f"Mae {organisation[1]} wedi gwrthod {verb_cy}"
    await _send(
        session,
        action,
        people,
        actor,
        f"action.responsibility_{word}",
        (f"{en}: {title_en(action)}", f"{cy}: {title_cy(action)}"),
        (note or "", note or ""),
    )


async def owner_named(
    session: AsyncSession, action: Action, owner: uuid.UUID, actor: uuid.UUID | None
) -> None:
    await _send(
        session,
        action,
        [owner],
        actor,
        "action.assigned",
        (
            f"You own your organisation's part: {title_en(action)}",
            f"Chi sy'n berchen ar ran eich sefydliad: {title_cy(action)}",
        ),
        ("", ""),
    )


async def status_changed(
    session: AsyncSession,
    action: Action,
    people: People,
    actor: uuid.UUID | None,
    target: ActionStatus,
    explanation: str,
) -> None:
    status = words.ACTION_STATUS[target.value]
    await _send(
        session,
        action,
        people,
        actor,
        "action.status_changed",
        (
            f"{title_en(action)}: now {status.en}",
            f"{title_cy(action)}: {status.cy} bellach",
        ),
        (explanation, explanation),
    )


async def progress(
    session: AsyncSession,
    action: Action,
    people: People,
    actor: uuid.UUID | None,
    percent: int,
    note: tuple[str, str],
) -> None:
    """A progress update (its note in English and Welsh)."""
    await _send(
        session,
        action,
        people,
        actor,
        "action.update",
        (
            f"{title_en(action)}: {percent}% done",
            f"{title_cy(action)}: {percent}% wedi'i wneud",
        ),
        note,
    )


async def overdue(session: AsyncSession, action: Action, people: People, due: date | None) -> None:
    await _send(
        session,
        action,
        people,
        None,
        "action.overdue",
        (f"Overdue: {title_en(action)}", f"Yn hwyr: {title_cy(action)}"),
        _due(due),
    )


def _due(due: date | None) -> tuple[str, str]:
    """When an overdue action was due, in English and Welsh."""
    if due is None:
        return "It is past its due date.", "Mae wedi mynd heibio i'w ddyddiad cwblhau."
    return (
        f"It was due on {words.long_date(due, 'en')}.",
        f"Roedd disgwyl ei gwblhau erbyn {words.long_date(due, 'cy')}.",
    )
