"""Rules for campaigns and their public links. No HTTP types here."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns.models import Campaign, CampaignService
from gwella.campaigns.schemas import CampaignCreate, CampaignState, CampaignUpdate
from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.concurrency import check_if_match
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from gwella.core.pagination import PageParams, paginate
from gwella.instruments import service as instruments
from gwella.instruments.enums import VersionStatus
from gwella.organisations import service as organisations
from gwella.webhooks import service as webhooks

FIELDS = ("name", "name_cy", "opens_at", "closes_at", "min_cell_size", "requires_access_code")
NAMES = ("name", "name_cy")
SORTS = {"opens_at": Campaign.opens_at, "created_at": Campaign.created_at, "name": Campaign.name}


def state_of(campaign: Campaign, now: datetime | None = None) -> CampaignState:
    now = now or utcnow()
    if now < campaign.opens_at:
        return "scheduled"
    if now >= campaign.closes_at:
        return "closed"
    return "open"


async def get_campaign(session: AsyncSession, campaign_id: uuid.UUID) -> Campaign:
    campaign = await session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound("No campaign with that id is visible to you.")
    return campaign


async def all_campaigns(session: AsyncSession) -> list[Campaign]:
    """Every campaign (for whole-platform chores: derivation, rebuilding results)."""
    return list(await session.scalars(select(Campaign).order_by(Campaign.created_at, Campaign.id)))


async def campaigns_in_services(
    session: AsyncSession, service_ids: Iterable[uuid.UUID]
) -> list[Campaign]:
    """Every campaign running in any of these services, oldest first (for derivation: the
    campaigns that may feed the same indicator points)."""
    ids = set(service_ids)
    if not ids:
        return []
    linked = select(CampaignService.campaign_id).where(CampaignService.service_id.in_(ids))
    stmt = (
        select(Campaign).where(Campaign.id.in_(linked)).order_by(Campaign.created_at, Campaign.id)
    )
    return list(await session.scalars(stmt))


async def window_passed(
    session: AsyncSession, now: datetime, lookback: timedelta
) -> list[Campaign]:
    """Campaigns whose window closed within ``lookback`` before ``now``, oldest first, locked
    for this transaction (skipping those another worker holds)."""
    stmt = (
        select(Campaign)
        .where(Campaign.closes_at <= now, Campaign.closes_at > now - lookback)
        .order_by(Campaign.closes_at)
        .with_for_update(skip_locked=True)
    )
    return list(await session.scalars(stmt))


async def smallest_cells(
    session: AsyncSession, campaign_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """Each campaign's smallest publishable cell (its ``min_cell_size``)."""
    ids = list(campaign_ids)
    if not ids:
        return {}
    stmt = select(Campaign.id, Campaign.min_cell_size).where(Campaign.id.in_(ids))
    return {campaign: int(size) for campaign, size in await session.execute(stmt)}


async def links_of(
    session: AsyncSession, campaign_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[CampaignService]]:
    ids = set(campaign_ids)
    out: dict[uuid.UUID, list[CampaignService]] = {i: [] for i in ids}
    if ids:
        rows = await session.scalars(
            select(CampaignService).where(CampaignService.campaign_id.in_(ids))
        )
        for link in rows:
            out[link.campaign_id].append(link)
    return out


async def link_by_token(session: AsyncSession, token: str) -> tuple[Campaign, CampaignService]:
    link = await session.scalar(
        select(CampaignService).where(CampaignService.public_token == token)
    )
    if link is None:
        raise NotFound("This survey link is not valid. Check it, or ask for a new one.")
    return await get_campaign(session, link.campaign_id), link


async def list_campaigns(
    session: AsyncSession,
    params: PageParams,
    *,
    visible_orgs: frozenset[uuid.UUID] | None,
    organisation_id: uuid.UUID | None = None,
    instrument_id: uuid.UUID | None = None,
    state: CampaignState | None = None,
) -> tuple[list[Campaign], str | None]:
    stmt = select(Campaign)
    if visible_orgs is not None:
        # Campaigns of one's organisations, and those running in one's organisations' services.
        in_my_services = select(CampaignService.campaign_id).where(
            CampaignService.service_id.in_(organisations.service_ids_of(visible_orgs))
        )
        stmt = stmt.where(
            Campaign.organisation_id.in_(visible_orgs) | Campaign.id.in_(in_my_services)
        )
    if organisation_id is not None:
        stmt = stmt.where(Campaign.organisation_id == organisation_id)
    if instrument_id is not None:
        stmt = stmt.where(Campaign.instrument_id == instrument_id)
    now = utcnow()
    if state == "scheduled":
        stmt = stmt.where(Campaign.opens_at > now)
    elif state == "open":
        stmt = stmt.where(Campaign.opens_at <= now, Campaign.closes_at > now)
    elif state == "closed":
        stmt = stmt.where(Campaign.closes_at <= now)
    return await paginate(session, stmt, params, SORTS, Campaign.id)


def check_window(opens_at: datetime, closes_at: datetime) -> None:
    """A campaign closes after it opens: a rule across two fields, which the spec states in
    words (JSON Schema cannot compare two values), refused as a rule (422, by name)."""
    if closes_at <= opens_at:
        raise ValidationFailed(
            "closes_at must be after opens_at.",
            errors=[FieldProblem(field="body.closes_at", message="before the opening")],
        )


async def create_campaign(
    session: AsyncSession,
    ctx: AuditContext,
    data: CampaignCreate,
    allowed_service_orgs: frozenset[uuid.UUID] | None,
) -> Campaign:
    check_window(data.opens_at, data.closes_at)
    version = await instruments.get_version(session, data.instrument_version_id)
    instrument = await instruments.get_instrument(session, version.instrument_id)
    if version.status is not VersionStatus.published:
        raise Conflict("Campaigns run published versions only; publish this version first.")
    languages = list(dict.fromkeys(data.languages or instrument.languages))
    if set(languages) - set(instrument.languages):
        raise ValidationFailed(
            "The instrument is not written in every language asked for.",
            errors=[FieldProblem(field="body.languages", message="not a language of it")],
        )
    problems = []
    services = []
    for i, service_id in enumerate(dict.fromkeys(data.service_ids)):
        try:
            service = await organisations.get_service(session, service_id)
        except NotFound:
            problems.append(FieldProblem(field=f"body.service_ids.{i}", message="no such service"))
            continue
        if allowed_service_orgs is not None and service.organisation_id not in allowed_service_orgs:
            problems.append(
                FieldProblem(
                    field=f"body.service_ids.{i}",
                    message="a service of this organisation or of its partners",
                )
            )
        services.append(service)
    if problems:
        raise ValidationFailed("Some services cannot take part.", errors=problems)
    campaign = Campaign(
        organisation_id=instrument.organisation_id,
        instrument_id=instrument.id,
        instrument_version_id=version.id,
        name=data.name or "",
        name_cy=data.name_cy,
        opens_at=data.opens_at,
        closes_at=data.closes_at,
        channels=sorted({c.value for c in data.channels}),
        anonymity=data.anonymity,
        min_cell_size=data.min_cell_size,
        languages=languages,
        requires_access_code=data.requires_access_code,
        created_by_id=ctx.actor_id,
    )
    session.add(campaign)
    await session.flush()
    session.add_all(
        CampaignService(
            campaign_id=campaign.id, service_id=s.id, public_token=secrets.token_urlsafe(24)
        )
        for s in services
    )
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="campaign.created",
        record_type="campaign",
        record_id=campaign.id,
        organisation_id=campaign.organisation_id,
        after={
            **audit.snapshot(campaign, FIELDS),
            "services": [str(s.id) for s in services],
            "anonymity": campaign.anonymity.value,
            "channels": campaign.channels,
        },
    )
    return campaign


async def update_campaign(
    session: AsyncSession,
    ctx: AuditContext,
    campaign: Campaign,
    patch: CampaignUpdate,
    if_match: str | None,
) -> Campaign:
    check_if_match(if_match, campaign.version)
    sent = patch.model_dump(exclude_unset=True, exclude_none=True)
    # A name may be cleared (null) when the campaign keeps the other one.
    sent |= {k: v for k, v in patch.model_dump(exclude_unset=True).items() if k in NAMES}
    if "name" in sent:
        sent["name"] = sent["name"] or ""  # no English name: empty (see Campaign.name)
    if state_of(campaign) == "closed":
        raise Conflict("This campaign has closed; start a new one.")
    if "opens_at" in sent and state_of(campaign) != "scheduled":
        raise Conflict("The campaign is already open; its opening time is history now.")
    if "min_cell_size" in sent and state_of(campaign) != "scheduled":
        raise Conflict("The minimum cell size is fixed once responses may have arrived.")
    before = audit.snapshot(campaign, FIELDS)
    for key, value in sent.items():
        setattr(campaign, key, value)
    check_window(campaign.opens_at, campaign.closes_at)
    if not campaign.name and not campaign.name_cy:
        raise ValidationFailed(
            "Name the campaign in English or Welsh (or both).",
            errors=[FieldProblem(field="body.name", message="name it in English or Welsh")],
        )
    after = audit.snapshot(campaign, FIELDS)
    if after != before:
        await session.flush()
        await audit.record(
            session,
            ctx,
            action="campaign.updated",
            record_type="campaign",
            record_id=campaign.id,
            organisation_id=campaign.organisation_id,
            before=before,
            after=after,
        )
    return campaign


async def close_campaign(session: AsyncSession, ctx: AuditContext, campaign: Campaign) -> Campaign:
    if state_of(campaign) == "closed":
        raise Conflict("This campaign has already closed.")
    before = audit.snapshot(campaign, FIELDS)
    now = utcnow()
    campaign.closes_at = now
    if campaign.opens_at > now:
        campaign.opens_at = now
    await session.flush()
    await announce_closed(session, ctx, campaign, now, before)
    return campaign


async def announce_closed(
    session: AsyncSession,
    ctx: AuditContext,
    campaign: Campaign,
    closed_at: datetime,
    before: dict[str, Any] | None = None,
) -> None:
    """Record `campaign.closed` and emit its webhook: when closed by hand, or by the worker
    once the window has passed (see ``gwella.housekeeping``)."""
    await audit.record(
        session,
        ctx,
        action="campaign.closed",
        record_type="campaign",
        record_id=campaign.id,
        organisation_id=campaign.organisation_id,
        before=before,
        after=audit.snapshot(campaign, FIELDS),
    )
    if await webhooks.has_subscribers(session, campaign.organisation_id, "campaign.closed"):
        await webhooks.emit(
            session,
            event_type="campaign.closed",
            organisation_id=campaign.organisation_id,
            record_type="campaign",
            record_id=campaign.id,
            payload={
                "campaign_id": campaign.id,
                "instrument_version_id": campaign.instrument_version_id,
                "closed_at": closed_at,
            },
        )
