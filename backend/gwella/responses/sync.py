"""Partners reading back, syncing and retracting the responses their systems pushed.

A partner (an API client) sees the responses its organisation pushed, and nothing else: by
external id, as a list, and as a change feed (:mod:`gwella.core.changes`) in which a
retracted response is a tombstone. It sees them as soon as they are stored, released or
not: it sent them, so reading them back tells it nothing it did not know (the FHIR read of a
QuestionnaireResponse follows the same rule). Times of anonymous campaigns stay at the day.

Retraction removes a pushed response in the caller's transaction: its answers go, the
results stop counting it (at once, or at the next release, exactly as an update moves them),
a tombstone is left for the feed, the retraction is audited and ``response.retracted`` is
raised to the organisations that heard of the response."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns import service as campaigns
from gwella.campaigns.enums import Anonymity
from gwella.core import audit, changes
from gwella.core.audit import AuditContext
from gwella.core.concurrency import lock_rows
from gwella.core.pagination import PageParams, paginate
from gwella.organisations import service as organisations
from gwella.responses import service
from gwella.responses.claims import changed_at
from gwella.responses.models import Answer, Response, ResponseTombstone
from gwella.results import service as results
from gwella.webhooks import service as webhooks

if TYPE_CHECKING:
    from gwella.campaigns.models import Campaign

SORTS = {"submitted_at": Response.submitted_at}


async def list_pushed(
    session: AsyncSession,
    params: PageParams,
    organisation_id: uuid.UUID,
    external_ids: Iterable[str],
    campaign_id: uuid.UUID | None = None,
    *,
    service_id: uuid.UUID | None = None,
    channel: str | None = None,
) -> tuple[list[Response], str | None]:
    """Responses this organisation pushed (optionally only these external ids, one
    campaign's, one service's, or those of one channel: pushes are all ``partner``)."""
    stmt = select(Response).where(Response.source_organisation_id == organisation_id)
    wanted = set(external_ids)
    if wanted:
        stmt = stmt.where(Response.external_id.in_(wanted))
    if campaign_id is not None:
        stmt = stmt.where(Response.campaign_id == campaign_id)
    if service_id is not None:
        stmt = stmt.where(Response.service_id == service_id)
    if channel is not None:
        stmt = stmt.where(Response.channel == channel)
    return await paginate(session, stmt, params, SORTS, Response.id)


async def pushed_response(
    session: AsyncSession, organisation_id: uuid.UUID, response_id: uuid.UUID
) -> Response | None:
    return await session.scalar(
        select(Response).where(
            Response.id == response_id, Response.source_organisation_id == organisation_id
        )
    )


async def retracted_by(
    session: AsyncSession, organisation_ids: Iterable[uuid.UUID], response_id: uuid.UUID
) -> bool:
    """Whether one of these organisations pushed this response and retracted it."""
    found = await session.scalar(
        select(ResponseTombstone.id).where(
            ResponseTombstone.id == response_id,
            ResponseTombstone.source_organisation_id.in_(list(organisation_ids)),
        )
    )
    return found is not None


def as_kept(moment: datetime, anonymous: bool) -> datetime:
    """A time as an anonymous campaign may show it: its day only."""
    return service.day_of(moment) if anonymous else moment


@dataclass
class FeedPage:
    entries: list[changes.Change]
    position: changes.Position
    records: dict[uuid.UUID, Response] = field(default_factory=dict)
    tombstones: dict[uuid.UUID, ResponseTombstone] = field(default_factory=dict)
    anonymous: set[uuid.UUID] = field(default_factory=set)
    """Campaigns whose times are kept to the day."""


async def feed(
    session: AsyncSession,
    organisation_id: uuid.UUID,
    *,
    after: changes.Position | None,
    since: datetime | None,
    limit: int,
) -> FeedPage:
    """One page of the changes to this organisation's pushed responses. ``since`` is taken
    from the start of its day (UTC): responses of anonymous campaigns keep only their day, so
    a finer start would miss some (a few changes more is harmless to a reader that applies
    them by id)."""
    since = service.day_of(since) if since is not None else None
    upserts = select(
        Response.id.label("id"),
        Response.change_seq.label("mark"),
        Response.updated_at.label("changed_at"),
    ).where(Response.source_organisation_id == organisation_id, Response.change_seq.is_not(None))
    gone = select(
        ResponseTombstone.id.label("id"),
        ResponseTombstone.change_seq.label("mark"),
        ResponseTombstone.retracted_at.label("changed_at"),
    ).where(ResponseTombstone.source_organisation_id == organisation_id)
    entries, position = await changes.page(
        session, upserts, gone, after=after, since=since, limit=limit
    )
    out = FeedPage(entries, position)
    live = [e.id for e in entries if not e.deleted]
    dead = [e.id for e in entries if e.deleted]
    if live:
        out.records = {
            r.id: r for r in await session.scalars(select(Response).where(Response.id.in_(live)))
        }
    if dead:
        out.tombstones = {
            t.id: t
            for t in await session.scalars(
                select(ResponseTombstone).where(ResponseTombstone.id.in_(dead))
            )
        }
    campaign_ids = {r.campaign_id for r in out.records.values()}
    campaign_ids |= {t.campaign_id for t in out.tombstones.values()}
    for campaign_id in campaign_ids:
        campaign = await campaigns.get_campaign(session, campaign_id)
        if campaign.anonymity is Anonymity.anonymous:
            out.anonymous.add(campaign_id)
    return out


@dataclass
class Retracted:
    """What became of one external id: ``retracted`` now, ``already`` retracted before (a
    no-op), or ``unknown`` (no response of this organisation has it); the response and its
    campaign when it was found."""

    outcome: str
    response_id: uuid.UUID | None = None
    campaign_id: uuid.UUID | None = None


async def retract(
    session: AsyncSession,
    ctx: AuditContext,
    organisation_id: uuid.UUID,
    external_ids: list[str],
    reason: str,
    *,
    dry_run: bool,
) -> list[Retracted]:
    """Retract these pushed responses of this organisation (one result per external id, in
    order); with ``dry_run``, only say what would happen."""
    wanted = sorted(set(external_ids))
    found = (
        {
            str(r.external_id): r
            for r in await session.scalars(
                select(Response).where(
                    Response.source_organisation_id == organisation_id,
                    Response.external_id.in_(wanted),
                )
            )
        }
        if wanted
        else {}
    )
    if found and not dry_run:
        # Locked in id order (two retractions of the same responses queue, never deadlock),
        # then read as they are now: a concurrent retraction may have removed some.
        locked = await lock_rows(session, Response, sorted(r.id for r in found.values()))
        found = {ext: locked[r.id] for ext, r in found.items() if r.id in locked}
    missing = [e for e in wanted if e not in found]
    before = set()
    if missing:
        before = set(
            await session.scalars(
                select(ResponseTombstone.external_id).where(
                    ResponseTombstone.source_organisation_id == organisation_id,
                    ResponseTombstone.external_id.in_(missing),
                )
            )
        )
    result = {ext: Retracted("retracted", r.id, r.campaign_id) for ext, r in found.items()} | {
        ext: Retracted("already" if ext in before else "unknown") for ext in missing
    }
    if not dry_run and found:
        await _remove(session, ctx, organisation_id, list(found.values()), reason)
    return [result[e] for e in external_ids]


async def _remove(
    session: AsyncSession,
    ctx: AuditContext,
    organisation_id: uuid.UUID,
    stored: list[Response],
    reason: str,
) -> None:
    mark = await changes.mark(session)
    answers = await service.answers_of(session, [r.id for r in stored])
    by_campaign: dict[uuid.UUID, list[Response]] = {}
    for r in stored:
        by_campaign.setdefault(r.campaign_id, []).append(r)
    for campaign_id, rows in sorted(by_campaign.items(), key=lambda kv: str(kv[0])):
        campaign = await campaigns.get_campaign(session, campaign_id)
        content = await service.version_content(session, campaign)
        counted = [
            results.Change(
                r.id,
                r.record_key,
                service.counted_of(r, {a.question_key: a.value.get("v") for a in answers[r.id]}),
                None,
            )
            for r in rows
            if not r.held
        ]
        moved = await results.count(
            session, campaign.id, service.mode_of(campaign), content, counted
        )
        await _tell(session, campaign, rows, organisation_id)
        if not service.mode_of(campaign).per_response:
            await service.announce_release(session, campaign, moved)
        when = changed_at(campaign)
        for r in rows:
            session.add(
                ResponseTombstone(
                    id=r.id,
                    source_organisation_id=organisation_id,
                    external_id=str(r.external_id),
                    campaign_id=campaign.id,
                    change_seq=mark,
                    retracted_at=when,
                )
            )
        await audit.record(
            session,
            ctx,
            action="response.retracted",
            record_type="campaign",
            record_id=campaign.id,
            organisation_id=organisation_id,
            after={
                "reason": reason,
                "external_ids": sorted(str(r.external_id) for r in rows),
                "response_ids": sorted(str(r.id) for r in rows),
            },
            occurred_at=when if campaign.anonymity is Anonymity.anonymous else None,
        )
    ids = [r.id for r in stored]
    await session.execute(delete(Answer).where(Answer.response_id.in_(ids)))
    await session.execute(delete(Response).where(Response.id.in_(ids)))
    await session.flush()


async def _tell(
    session: AsyncSession, campaign: Campaign, rows: list[Response], organisation_id: uuid.UUID
) -> None:
    """``response.retracted`` to whoever heard of these responses being created: in a
    per-response campaign the services' and the campaign's organisations, otherwise only the
    organisation that pushed them."""
    per_response = service.mode_of(campaign).per_response
    owners = await organisations.organisations_of_services(session, {r.service_id for r in rows})
    targets = {organisation_id}
    if per_response:
        targets |= {*owners.values(), campaign.organisation_id}
    pending: list[webhooks.PendingEvent] = []
    for org_id in sorted(targets, key=str):
        if not await webhooks.has_subscribers(session, org_id, "response.retracted"):
            continue
        pending.extend(
            webhooks.PendingEvent(
                event_type="response.retracted",
                organisation_id=org_id,
                record_type="response",
                record_id=r.id,
                payload={
                    "response_id": r.id,
                    "campaign_id": campaign.id,
                    "service_id": r.service_id,
                    "external_id": r.external_id,
                },
            )
            for r in rows
            if org_id == organisation_id
            or org_id in (owners[r.service_id], campaign.organisation_id)
        )
    await webhooks.emit_many(session, pending)
