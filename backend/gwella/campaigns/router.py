"""HTTP for campaigns: set-up, public links with QR codes, closing."""

from __future__ import annotations

import io
import uuid
from typing import Annotated

import segno
from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.accounts.dependencies import Reader, SettingsDep, SignedIn
from gwella.campaigns import service
from gwella.campaigns.models import Campaign, CampaignService
from gwella.campaigns.schemas import (
    CampaignCreate,
    CampaignLink,
    CampaignPage,
    CampaignRead,
    CampaignState,
    CampaignUpdate,
)
from gwella.core.concurrency import IfMatch, set_etag
from gwella.core.config import Settings
from gwella.core.database import SessionDep
from gwella.core.errors import NotFound, problem_responses
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.instruments import service as instruments
from gwella.organisations import service as organisations
from gwella.policy import Principal
from gwella.responses import service as responses

router = APIRouter(prefix="/api/v1/campaigns", tags=["campaigns"])


def survey_url(settings: Settings, token: str) -> str:
    return f"{settings.public_url.rstrip('/')}/s/{token}"


async def visible_campaign(
    session: AsyncSession, p: Principal, campaign_id: uuid.UUID
) -> tuple[Campaign, list[CampaignService], dict[uuid.UUID, uuid.UUID]]:
    """The campaign, its links, and each linked service's organisation."""
    campaign = await service.get_campaign(session, campaign_id)
    links = (await service.links_of(session, [campaign.id]))[campaign.id]
    owners = await organisations.organisations_of_services(session, [x.service_id for x in links])
    services = {link.service_id: owners[link.service_id] for link in links}
    policy.ensure_view_campaign(p, campaign.organisation_id, services.values())
    return campaign, links, services


async def _reads(
    session: AsyncSession,
    rows: list[Campaign],
    links: dict[uuid.UUID, list[CampaignService]] | None = None,
) -> list[CampaignRead]:
    """The campaigns as read (``links``: those already loaded, to save a query)."""
    if links is None:
        links = await service.links_of(session, [c.id for c in rows])
    counts = await responses.response_counts(session, [c.id for c in rows])
    out = []
    for c in rows:
        fields = {
            f: getattr(c, f)
            for f in CampaignRead.model_fields
            if f not in {"state", "service_ids", "response_count"}
        }
        out.append(
            CampaignRead.model_validate(
                {
                    **fields,
                    "state": service.state_of(c),
                    "service_ids": [link.service_id for link in links[c.id]],
                    "response_count": sum(n for (cid, _), n in counts.items() if cid == c.id),
                }
            )
        )
    return out


@router.get(
    "",
    operation_id="listCampaigns",
    summary="List survey campaigns visible to you",
    response_model=CampaignPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_campaigns(
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[PageParams, Depends(page_params("-opens_at", list(service.SORTS)))],
    organisation_id: uuid.UUID | None = None,
    instrument_id: uuid.UUID | None = None,
    state: CampaignState | None = None,
) -> CampaignPage:
    visible = (
        None
        if principal.is_platform_admin
        else principal.member_org_ids | principal.partner_org_ids
    )
    rows, cursor = await service.list_campaigns(
        session,
        params,
        visible_orgs=visible,
        organisation_id=organisation_id,
        instrument_id=instrument_id,
        state=state,
    )
    return CampaignPage(
        items=await _reads(session, rows), next_cursor=cursor, next=next_link(request, cursor)
    )


@router.post(
    "",
    operation_id="createCampaign",
    summary="Run a published instrument version in chosen services over a window",
    status_code=status.HTTP_201_CREATED,
    response_model=CampaignRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_campaign(
    data: CampaignCreate, response: Response, session: SessionDep, principal: SignedIn
) -> CampaignRead:
    version = await instruments.get_version(session, data.instrument_version_id)
    instrument = await instruments.get_instrument(session, version.instrument_id)
    invited = (await instruments.invited_orgs_by_instrument(session, [instrument.id]))[
        instrument.id
    ]
    policy.ensure_view_instrument(
        principal, instrument.organisation_id, instrument.shared_with_partnerships, invited
    )
    policy.ensure_run_campaign(principal, instrument.organisation_id)
    allowed = (
        None
        if principal.is_platform_admin
        else frozenset({instrument.organisation_id}) | principal.partner_org_ids
    )
    campaign = await service.create_campaign(session, principal.audit, data, allowed)
    set_etag(response, campaign.version)
    response.headers["Location"] = f"/api/v1/campaigns/{campaign.id}"
    return (await _reads(session, [campaign]))[0]


@router.get(
    "/{campaign_id}",
    operation_id="getCampaign",
    summary="Read a campaign, with its live response count",
    response_model=CampaignRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_campaign(
    campaign_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> CampaignRead:
    campaign, links, _ = await visible_campaign(session, principal, campaign_id)
    set_etag(response, campaign.version)
    return (await _reads(session, [campaign], {campaign.id: links}))[0]


@router.patch(
    "/{campaign_id}",
    operation_id="updateCampaign",
    summary="Rename a campaign or move its window",
    response_model=CampaignRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_campaign(
    campaign_id: uuid.UUID,
    patch: CampaignUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> CampaignRead:
    campaign, _, _ = await visible_campaign(session, principal, campaign_id)
    policy.ensure_run_campaign(principal, campaign.organisation_id)
    campaign = await service.update_campaign(session, principal.audit, campaign, patch, if_match)
    set_etag(response, campaign.version)
    return (await _reads(session, [campaign]))[0]


@router.post(
    "/{campaign_id}/close",
    operation_id="closeCampaign",
    summary="Close a campaign now",
    response_model=CampaignRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def close_campaign(
    campaign_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> CampaignRead:
    campaign, _, _ = await visible_campaign(session, principal, campaign_id)
    policy.ensure_run_campaign(principal, campaign.organisation_id)
    campaign = await service.close_campaign(session, principal.audit, campaign)
    return (await _reads(session, [campaign]))[0]


@router.get(
    "/{campaign_id}/links",
    operation_id="listCampaignLinks",
    summary="The public link (and QR code) of each service, with its response count",
    response_model=list[CampaignLink],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_links(
    campaign_id: uuid.UUID, session: SessionDep, settings: SettingsDep, principal: SignedIn
) -> list[CampaignLink]:
    campaign, links, _ = await visible_campaign(session, principal, campaign_id)
    policy.ensure_run_campaign(principal, campaign.organisation_id)
    counts = await responses.response_counts(session, [campaign.id])
    out = []
    for link in links:
        svc = await organisations.get_service(session, link.service_id)
        out.append(
            CampaignLink(
                service_id=svc.id,
                service_name=svc.name,
                organisation_id=svc.organisation_id,
                public_token=link.public_token,
                url=survey_url(settings, link.public_token),
                qr_svg_url=f"/api/v1/campaigns/{campaign.id}/links/{svc.id}/qr.svg",
                response_count=counts.get((campaign.id, svc.id), 0),
            )
        )
    return sorted(out, key=lambda link: link.service_name)


@router.get(
    "/{campaign_id}/links/{service_id}/qr.svg",
    operation_id="getCampaignLinkQr",
    summary="The QR code of a service's public link, as SVG",
    response_class=Response,
    responses={
        200: {
            "content": {"image/svg+xml": {"schema": {"type": "string"}}},
            "description": "An SVG image",
        },
        **problem_responses(401, 403, 404, 422),
    },
)
async def qr_code(
    campaign_id: uuid.UUID,
    service_id: uuid.UUID,
    session: SessionDep,
    settings: SettingsDep,
    principal: SignedIn,
    scale: Annotated[int, Query(ge=1, le=40, description="Pixels per module")] = 8,
) -> Response:
    campaign, links, _ = await visible_campaign(session, principal, campaign_id)
    policy.ensure_run_campaign(principal, campaign.organisation_id)
    link = next((lk for lk in links if lk.service_id == service_id), None)
    if link is None:
        raise NotFound("That service is not part of this campaign.")
    buffer = io.BytesIO()
    segno.make(survey_url(settings, link.public_token), error="m").save(
        buffer,
        kind="svg",
        scale=scale,
        border=4,
        xmldecl=False,
        title=f"Survey: {campaign.name}",
    )
    return Response(
        buffer.getvalue(),
        media_type="image/svg+xml",
        headers={"Cache-Control": "private, max-age=300"},
    )
