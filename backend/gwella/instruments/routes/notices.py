"""Who hears of co-design, and sending it: the people an event concerns get one in-app
notification each (never the person who acted), in the request's own transaction, so a
refused or failed request tells nobody anything. The words are in ``gwella.instruments.notify``.

This sits with the routes because it reads people (accounts) and sends (notifications), which
the instruments domain, a floor below them, may not import."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.accounts import users as accounts
from gwella.instruments import codesign, notify, service
from gwella.instruments import review as reviewing
from gwella.instruments.models import (
    Contribution,
    Instrument,
    InstrumentVersion,
    ReviewDecision,
)
from gwella.notifications import service as notifications
from gwella.organisations import service as organisations

ALL_ROLES = policy.ROLE_PREFERENCE


async def send(
    session: AsyncSession, notice: notify.Notice, people: Iterable[uuid.UUID], actor: uuid.UUID
) -> int:
    """One notification to each of ``people`` but the actor."""
    texts = notice.texts
    return await notifications.notify(
        session,
        {p for p in people if p != actor},
        kind=notice.kind,
        title=texts["title"],
        body=texts["body"],
        link=notice.link,
        record_type=notice.record_type,
        record_id=notice.record_id,
    )


async def _owner(session: AsyncSession, instrument: Instrument) -> notify.Pair:
    org = await organisations.get_organisation(session, instrument.organisation_id)
    return org.name, org.name_cy or org.name


async def _members(
    session: AsyncSession, org_ids: Iterable[uuid.UUID], roles: Iterable[str] = ALL_ROLES
) -> set[uuid.UUID]:
    roles = tuple(roles)
    people: set[uuid.UUID] = set()
    for org in sorted(set(org_ids), key=str):
        people |= set(await accounts.user_ids_with_roles(session, org, roles))
    return people


async def _writers(
    session: AsyncSession, instrument: Instrument, version: InstrumentVersion
) -> set[uuid.UUID]:
    """Who writes the draft: whoever created or changed it and still edits the owner's
    instruments; if none does any more, the owner's managers and administrators."""
    editors = await reviewing.editors_of(session, instrument, version)
    still = await _members(session, [instrument.organisation_id], policy.EDITOR_ROLES)
    return (editors & still) or await _members(
        session, [instrument.organisation_id], policy.DECIDER_ROLES
    )


async def codesign_changed(
    session: AsyncSession,
    actor: uuid.UUID,
    instrument: Instrument,
    version: InstrumentVersion,
    before: tuple[bool, set[uuid.UUID]],
) -> None:
    """After a draft's co-design settings changed from ``before`` (open, invited): the members
    of each newly invited organisation hear they are invited; when co-design opens, those of
    the organisations invited already hear it is open. The owner's own members are not invited
    to their own draft."""
    was_open, was_invited = before
    now_invited = set(await service.invited_orgs(session, version.id))
    now_invited.discard(instrument.organisation_id)
    owner = await _owner(session, instrument)
    new = await _members(session, now_invited - was_invited)
    if new:
        notice = notify.invited(instrument, version, owner, open_=version.codesign_open)
        await send(session, notice, new, actor)
    if version.codesign_open and not was_open:
        already = await _members(session, now_invited & was_invited) - new
        await send(session, notify.opened(instrument, version, owner), already, actor)


async def contribution_added(
    session: AsyncSession,
    instrument: Instrument,
    version: InstrumentVersion,
    contribution: Contribution,
) -> None:
    """A new suggestion or comment: the draft's writers hear of it, its author does not."""
    people = await _writers(session, instrument, version)
    notice = notify.contributed(instrument, version, contribution)
    await send(session, notice, people, contribution.author_id)


async def contribution_decided(
    session: AsyncSession,
    actor: uuid.UUID,
    instrument: Instrument,
    version: InstrumentVersion,
    contribution: Contribution,
    *,
    accepted: bool,
) -> None:
    """The author of a suggestion hears what became of it ("you said, we did")."""
    notice = notify.decided(
        instrument,
        version,
        contribution,
        accepted=accepted,
        reason=contribution.decision_reason,
    )
    await send(session, notice, [contribution.author_id], actor)


async def review_requested(
    session: AsyncSession, actor: uuid.UUID, instrument: Instrument, version: InstrumentVersion
) -> None:
    """A draft sent for review: everyone whose approval would count under the owner's review
    rule (a member in an approver role of an organisation the draft was opened to, never the
    owner, who did not write this version) is asked."""
    state = await reviewing.review_state(session, instrument, version)
    people = await _members(session, state.approver_organisation_ids, state.policy.approver_roles)
    people -= await reviewing.editors_of(session, instrument, version)
    notice = notify.review_requested(instrument, version, await _owner(session, instrument))
    await send(session, notice, people, actor)


async def reviewed(
    session: AsyncSession,
    actor: uuid.UUID,
    instrument: Instrument,
    version: InstrumentVersion,
    *,
    decision: ReviewDecision,
    reviewer_role: str,
    comment: str | None,
) -> None:
    """An approval or a request for changes: whoever asked for review, and the draft's
    writers, hear of it; the reviewer does not."""
    state = await reviewing.review_state(session, instrument, version)
    blocking = ("; ".join(state.blocking), "; ".join(state.blocking_cy)) if state.blocking else None
    people = await reviewing.review_requesters(session, version)
    people |= await _writers(session, instrument, version)
    notice = notify.reviewed(
        instrument,
        version,
        decision=decision,
        reviewer_role=reviewer_role,
        comment=comment,
        blocking=blocking,
    )
    await send(session, notice, people, actor)


async def published(
    session: AsyncSession, actor: uuid.UUID, instrument: Instrument, version: InstrumentVersion
) -> None:
    """Everyone who took part in designing the version hears it is published."""
    people = await codesign.co_designers(session, version.id)
    await send(session, notify.published(instrument, version), people, actor)
