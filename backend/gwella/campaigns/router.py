"""HTTP for campaigns: set-up, public links with QR codes, closing."""

from __future__ import annotations

import io
import uuid
from typing import Annotated

import segno
from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.campaigns import access_codes, service
from gwella.campaigns.access import visible_campaign
from gwella.campaigns.models import Campaign, CampaignService
from gwella.campaigns.schemas import (
    AccessCodeBatchRead,
    AccessCodeCard,
    AccessCodesCreate,
    AccessCodesCreated,
    CampaignCreate,
    CampaignLink,
    CampaignPage,
    CampaignRead,
    CampaignState,
    CampaignUpdate,
)
from gwella.core import conditional
from gwella.core.concurrency import IfMatch, set_etag
from gwella.core.conditional import columns_of
from gwella.core.config import Settings
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader, SettingsDep, SignedIn
from gwella.core.errors import Conflict, Forbidden, NotFound, problem_responses
from gwella.core.headers import created
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.principal import Principal
from gwella.disclosure import rules
from gwella.instruments import service as instruments
from gwella.organisations import service as organisations
from gwella.results import service as results

router = APIRouter(prefix="/api/v1/campaigns", tags=["campaigns"])


def survey_url(settings: Settings, token: str) -> str:
    return f"{settings.public_url.rstrip('/')}/s/{token}"


async def _scopes(
    session: AsyncSession,
    principal: Principal,
    rows: list[Campaign],
    links: dict[uuid.UUID, list[CampaignService]] | None = None,
) -> tuple[dict[uuid.UUID, list[CampaignService]], dict[uuid.UUID, list[uuid.UUID]]]:
    """Each campaign's links (``links``: those already loaded, to save a query) and the
    services among them that the reader can see."""
    if links is None:
        links = await service.links_of(session, [c.id for c in rows])
    owners = await organisations.organisations_of_services(
        session, {link.service_id for c in rows for link in links[c.id]}
    )
    scope = {
        c.id: sorted(
            (
                link.service_id
                for link in links[c.id]
                if policy.can_read_org(principal, owners[link.service_id])
            ),
            key=str,
        )
        for c in rows
    }
    return links, scope


async def _reads(
    session: AsyncSession,
    principal: Principal,
    rows: list[Campaign],
    links: dict[uuid.UUID, list[CampaignService]] | None = None,
    scope: dict[uuid.UUID, list[uuid.UUID]] | None = None,
) -> list[CampaignRead]:
    """The campaigns as read, each with the published number of responses in the services
    the reader can see (``links`` and ``scope``: as :func:`_scopes` gave them)."""
    if links is None or scope is None:
        links, scope = await _scopes(session, principal, rows, links)
    counts = await results.visible_response_counts(
        session, scope, scope, {c.id: c.min_cell_size for c in rows}, rules()
    )
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
                    "response_count": counts[c.id][0],
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
    response: Response,
    session: SessionDep,
    principal: Reader,
    if_none_match: Annotated[str | None, Depends(conditional.if_none_match)],
    params: Annotated[PageParams, Depends(page_params("-opens_at", list(service.SORTS)))],
    organisation_id: uuid.UUID | None = None,
    instrument_id: uuid.UUID | None = None,
    state: CampaignState | None = None,
) -> CampaignPage | Response:
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
    links, scope = await _scopes(session, principal, rows)
    # The page is a function of its rows, their state now, their links, the services the
    # reader can see and those services' releases (the published response counts).
    marks = await results.release_marks(session, scope)
    tag = conditional.tag_of(
        "campaigns",
        str(request.url),
        cursor,
        [(columns_of(c), service.state_of(c), [k.service_id for k in links[c.id]]) for c in rows],
        scope,
        marks,
        rules(),
    )
    if conditional.holds(if_none_match, tag):
        return conditional.not_modified(tag)
    conditional.tag_response(response, tag)
    return CampaignPage(
        items=await _reads(session, principal, rows, links, scope),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "",
    operation_id="createCampaign",
    summary="Run a published instrument version in chosen services over a window",
    status_code=status.HTTP_201_CREATED,
    response_model=CampaignRead,
    responses={**problem_responses(401, 403, 404, 409, 422), **created()},
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
    return (await _reads(session, principal, [campaign]))[0]


@router.get(
    "/{campaign_id}",
    operation_id="getCampaign",
    summary="Read a campaign, with its published response count",
    response_model=CampaignRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_campaign(
    campaign_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> CampaignRead:
    campaign, links, _ = await visible_campaign(session, principal, campaign_id)
    set_etag(response, campaign.version)
    return (await _reads(session, principal, [campaign], {campaign.id: links}))[0]


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
    return (await _reads(session, principal, [campaign]))[0]


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
    return (await _reads(session, principal, [campaign]))[0]


@router.get(
    "/{campaign_id}/links",
    operation_id="listCampaignLinks",
    summary="The public link (and QR code) of each service, with its published response count",
    response_model=list[CampaignLink],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_links(
    campaign_id: uuid.UUID, session: SessionDep, settings: SettingsDep, principal: SignedIn
) -> list[CampaignLink]:
    campaign, links, _ = await visible_campaign(session, principal, campaign_id)
    policy.ensure_run_campaign(principal, campaign.organisation_id)
    services = sorted((link.service_id for link in links), key=str)
    counts = await results.visible_response_counts(
        session,
        [campaign.id],
        {campaign.id: services},
        {campaign.id: campaign.min_cell_size},
        rules(),
    )
    out = []
    for link in links:
        svc = await organisations.get_service(session, link.service_id)
        out.append(
            CampaignLink(
                service_id=svc.id,
                service_name=svc.name,
                service_name_cy=svc.name_cy,
                organisation_id=svc.organisation_id,
                public_token=link.public_token,
                url=survey_url(settings, link.public_token),
                qr_svg_url=f"/api/v1/campaigns/{campaign.id}/links/{svc.id}/qr.svg",
                response_count=counts[campaign.id][1][svc.id],
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
        title=f"Survey: {campaign.name or campaign.name_cy}",
    )
    return Response(
        buffer.getvalue(),
        media_type="image/svg+xml",
        headers={"Cache-Control": "private, max-age=300"},
    )


# --------------------------------------------------------------------- access codes


def _qr_svg(url: str, title: str) -> str:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=4, border=4, xmldecl=False, title=title
    )
    return buffer.getvalue().decode()


@router.post(
    "/{campaign_id}/access-codes",
    operation_id="createAccessCodes",
    summary="Make single-use access codes for a service's link (shown this once)",
    description="Each code opens the survey once (`access_code` in `submitResponse`); its card "
    "carries the link with the code filled in, as text and as a QR code. Codes are kept only "
    "as keyed hashes, and which code answered is never kept. A campaign with "
    "`requires_access_code` takes web responses only with a code; in any campaign a valid code "
    "keeps a response out of the burst check. Codes of a service are made by staff of the "
    "service's own organisation (who hand them out, as they enter its paper forms).",
    status_code=status.HTTP_201_CREATED,
    response_model=AccessCodesCreated,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_access_codes(
    campaign_id: uuid.UUID,
    data: AccessCodesCreate,
    session: SessionDep,
    settings: SettingsDep,
    principal: SignedIn,
) -> AccessCodesCreated:
    campaign, links, service_orgs = await visible_campaign(session, principal, campaign_id)
    link = next((lk for lk in links if lk.service_id == data.service_id), None)
    if link is None:
        raise NotFound("That service is not part of this campaign.")
    policy.ensure_staff(principal, service_orgs[link.service_id], "make its access codes")
    if service.state_of(campaign) == "closed":
        raise Conflict("This campaign has closed; it takes no more responses.")
    batch, codes = await access_codes.create_batch(
        session, principal.audit, campaign, data.service_id, data.count, data.label
    )
    base = survey_url(settings, link.public_token)
    cards = []
    for code in codes:
        url = f"{base}?code={code}"
        cards.append(
            AccessCodeCard(
                code=code, url=url, qr_svg=_qr_svg(url, campaign.name or campaign.name_cy or "")
            )
        )
    return AccessCodesCreated(batch=AccessCodeBatchRead.model_validate(batch), codes=cards)


@router.get(
    "/{campaign_id}/access-codes",
    operation_id="listAccessCodeBatches",
    summary="The batches of access codes made for a campaign (not the codes themselves)",
    description="All of them for those who run the campaign; those of their own services for "
    "staff of the services' organisations.",
    response_model=list[AccessCodeBatchRead],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_access_code_batches(
    campaign_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> list[AccessCodeBatchRead]:
    campaign, _, service_orgs = await visible_campaign(session, principal, campaign_id)
    mine = _code_services(principal, campaign, service_orgs)
    return [
        AccessCodeBatchRead.model_validate(b)
        for b in await access_codes.list_batches(session, campaign.id)
        if b.service_id in mine
    ]


def _code_services(
    p: Principal, campaign: Campaign, service_orgs: dict[uuid.UUID, uuid.UUID]
) -> set[uuid.UUID]:
    """The services whose access codes this person may see and revoke: every one of a
    campaign they run, else those of organisations they are staff of (403 when none)."""
    try:
        policy.ensure_run_campaign(p, campaign.organisation_id)
        return set(service_orgs)
    except Forbidden:
        mine = policy.raw_response_org_ids(p)
        allowed = {s for s, org in service_orgs.items() if org in mine}
        if not allowed:
            raise
        return allowed


@router.post(
    "/{campaign_id}/access-codes/{batch_id}/revoke",
    operation_id="revokeAccessCodes",
    summary="Revoke a batch of access codes (lost cards): its unused codes stop working",
    response_model=AccessCodeBatchRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def revoke_access_codes(
    campaign_id: uuid.UUID, batch_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> AccessCodeBatchRead:
    campaign, _, service_orgs = await visible_campaign(session, principal, campaign_id)
    mine = _code_services(principal, campaign, service_orgs)
    batch = await access_codes.revoke_batch(session, principal.audit, campaign, batch_id, mine)
    return AccessCodeBatchRead.model_validate(batch)
