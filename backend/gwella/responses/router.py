"""HTTP for responses: the public survey page's API (no sign-in), paper entry, raw
responses for staff of the service, and free-text moderation."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.campaigns import service as campaigns
from gwella.campaigns.access import visible_campaign
from gwella.campaigns.enums import Channel
from gwella.core import csvfiles
from gwella.core.audit import ActorType, AuditContext
from gwella.core.database import SessionDep, utcnow
from gwella.core.dependencies import SettingsDep, SignedIn, StaffOrResponsesReader, public
from gwella.core.errors import Forbidden, NotFound, problem_responses
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.principal import Principal
from gwella.core.requests import client_address
from gwella.core.text import LocalizedText
from gwella.instruments import codesign
from gwella.instruments import service as instruments
from gwella.organisations import service as organisations
from gwella.responses import comments, held, service, store, sync, template
from gwella.responses.models import Moderation
from gwella.responses.models import Response as StoredResponse
from gwella.responses.schemas import (
    AnswerRead,
    CommentPage,
    CommentRead,
    HeldDecision,
    HeldDecisionResult,
    ModerationDecision,
    PaperResponseCreate,
    PublicSurvey,
    ResponsePage,
    ResponseRead,
    SubmissionCreate,
    SubmissionReceipt,
)

public_router = APIRouter(prefix="/api/v1/public/surveys", tags=["public"])
router = APIRouter(prefix="/api/v1", tags=["responses"])
OPEN = "Respondents answer anonymously, by the link or QR code of their service"


if TYPE_CHECKING:
    from gwella.campaigns.models import Campaign


@public_router.get(
    "/{token}",
    operation_id="getPublicSurvey",
    summary="The survey behind a public link: its questions in each language",
    response_model=PublicSurvey,
    responses=problem_responses(404, 422),
    dependencies=[Depends(public(OPEN))],
)
async def get_public_survey(token: str, session: SessionDep) -> PublicSurvey:
    campaign, link = await campaigns.link_by_token(session, token[:64])
    version = await instruments.get_version(session, campaign.instrument_version_id)
    instrument = await instruments.get_instrument(session, version.instrument_id)
    svc = await organisations.get_service(session, link.service_id)
    org = await organisations.get_organisation(session, svc.organisation_id)
    return PublicSurvey(
        campaign_name=campaign.name or None,
        campaign_name_cy=campaign.name_cy,
        service_name=svc.name,
        service_name_cy=svc.name_cy,
        organisation_name=org.name,
        organisation_name_cy=org.name_cy,
        instrument_title=LocalizedText(**instrument.title),
        languages=campaign.languages,
        anonymity=campaign.anonymity,
        state=campaigns.state_of(campaign),
        opens_at=campaign.opens_at,
        closes_at=campaign.closes_at,
        requires_access_code=campaign.requires_access_code,
        content=await codesign.public_content(session, version),
    )


@public_router.post(
    "/{token}/responses",
    operation_id="submitResponse",
    summary="Submit a response (once: a retry with the same submission id makes no second one)",
    description="Every answer is checked against the exact instrument version; a refused "
    "submission stores nothing. 201 for a new response, 200 when this submission id was already "
    "received with the same answers. Rate-limited per client address; beyond a few "
    "submissions from one address in a short time, responses are held for the service's staff "
    "to approve before they count (unless they carry a valid access code). A campaign can ask "
    "for a single-use `access_code`: without one 422, with an unknown or used one 403.",
    response_model=SubmissionReceipt,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": SubmissionReceipt, "description": "Already received"},
        **problem_responses(403, 404, 409, 422, 429),
    },
    dependencies=[Depends(public(OPEN))],
)
async def submit_response(
    token: str,
    data: SubmissionCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
) -> SubmissionReceipt:
    address = client_address(request, settings)
    campaign, link = await campaigns.link_by_token(session, token[:64])
    made = 0  # a retry of a submission already stored is answered as such, never counted
    if not await service.received(session, campaign.id, data.submission_id):
        async with request.app.state.sessionmaker() as own:  # counted even when refused
            made = await service.count_public_submission(
                own, address, settings.public_submit_max, settings.public_submit_window_seconds
            )
            await own.commit()
    ctx = AuditContext(ActorType.anonymous, None, "respondent", None, None)
    [stored] = await store.store_many(
        session,
        ctx,
        campaign,
        [
            store.Incoming(
                service_id=link.service_id,
                moment=utcnow(),
                language=data.language,
                answers=dict(data.answers),
                channel=Channel.web,
                consent=data.consent,
                respondent_reference=data.respondent_reference,
                submission_id=data.submission_id,
                access_code=data.access_code,
                burst=made > settings.public_burst_max,
            )
        ],
        prefix=lambda _: "body",
    )
    return _receipt(stored, response)


def _receipt(stored: store.Stored, response: Response) -> SubmissionReceipt:
    store.raise_for_one(stored)
    assert stored.submission_id is not None
    assert stored.submitted_at is not None
    duplicate = stored.outcome == "unchanged"
    if duplicate:
        response.status_code = status.HTTP_200_OK
    return SubmissionReceipt(
        submission_id=stored.submission_id, duplicate=duplicate, submitted_at=stored.submitted_at
    )


async def _service_scope(
    session: AsyncSession, p: Principal, campaign_id: uuid.UUID
) -> tuple[Campaign, set[uuid.UUID]]:
    """The campaign and the services in it whose raw responses this person may see."""
    campaign, _, service_orgs = await visible_campaign(session, p, campaign_id)
    mine = policy.raw_response_org_ids(p)
    allowed = {sid for sid, org in service_orgs.items() if org in mine}
    if not allowed:
        raise Forbidden(
            "Raw responses are for staff of the services they came from; see the results instead."
        )
    return campaign, allowed


@router.post(
    "/campaigns/{campaign_id}/paper-responses",
    operation_id="createPaperResponse",
    summary="Enter a paper response (same validation as the web)",
    response_model=SubmissionReceipt,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": SubmissionReceipt, "description": "Already entered"},
        **problem_responses(401, 403, 404, 409, 422),
    },
)
async def create_paper_response(
    campaign_id: uuid.UUID,
    data: PaperResponseCreate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
) -> SubmissionReceipt:
    campaign, allowed = await _service_scope(session, principal, campaign_id)
    links = (await campaigns.links_of(session, [campaign.id]))[campaign.id]
    link = next((lk for lk in links if lk.service_id == data.service_id), None)
    if link is None or link.service_id not in allowed:
        raise NotFound("That service is not one of yours in this campaign.")
    [stored] = await store.store_many(
        session,
        principal.audit,
        campaign,
        [
            store.Incoming(
                service_id=link.service_id,
                moment=store.paper_moment(data.completed_on),
                language=data.language,
                answers=dict(data.answers),
                channel=Channel.paper,
                consent=data.consent,
                respondent_reference=data.respondent_reference,
                submission_id=data.submission_id,
            )
        ],
        prefix=lambda _: "body",
    )
    return _receipt(stored, response)


async def response_reads(session: AsyncSession, rows: list[StoredResponse]) -> list[ResponseRead]:
    answers = await service.answers_of(session, [r.id for r in rows])
    return [
        ResponseRead.model_validate(
            {
                **{f: getattr(r, f) for f in ResponseRead.model_fields if f != "answers"},
                "answers": [
                    AnswerRead(
                        id=a.id,
                        question_key=a.question_key,
                        value=a.value.get("v"),
                        moderation=a.moderation,
                    )
                    for a in answers[r.id]
                ],
            }
        )
        for r in rows
    ]


@router.get(
    "/campaigns/{campaign_id}/responses",
    operation_id="listResponses",
    summary="Raw responses from your own services in a campaign",
    description="Staff of a service read its responses once released. An API client with "
    "`responses:read` reads those its organisation pushed to the campaign (as soon as they "
    "are stored: it sent them).",
    response_model=ResponsePage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_responses(
    campaign_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: StaffOrResponsesReader,
    params: Annotated[PageParams, Depends(page_params("-submitted_at", list(service.SORTS)))],
    service_id: uuid.UUID | None = None,
    channel: Channel | None = None,
) -> ResponsePage:
    if not principal.is_user:
        pushed, cursor = await sync.list_pushed(
            session,
            params,
            next(iter(principal.member_org_ids)),
            (),
            campaign_id,
            service_id=service_id,
            channel=channel.value if channel else None,
        )
        return ResponsePage(
            items=await response_reads(session, pushed),
            next_cursor=cursor,
            next=next_link(request, cursor),
        )
    campaign, allowed = await _service_scope(session, principal, campaign_id)
    if service_id is not None:
        allowed &= {service_id}
    rows, cursor = await service.list_responses(session, params, campaign.id, allowed, channel)
    return ResponsePage(
        items=await response_reads(session, list(rows)),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.get(
    "/responses/{response_id}",
    operation_id="getResponse",
    summary="Read one raw response",
    description="Staff of its service (once released), or an API client with "
    "`responses:read` whose organisation pushed it.",
    response_model=ResponseRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_response(
    response_id: uuid.UUID, session: SessionDep, principal: StaffOrResponsesReader
) -> ResponseRead:
    if not principal.is_user:
        pushed = await sync.pushed_response(
            session, next(iter(principal.member_org_ids)), response_id
        )
        if pushed is None:
            raise NotFound("No response with that id is visible to you.")
        return (await response_reads(session, [pushed]))[0]
    stored = await service.get_response(session, response_id)
    try:
        _, allowed = await _service_scope(session, principal, stored.campaign_id)
    except Forbidden:
        allowed = set()
    if stored.service_id not in allowed:
        raise NotFound("No response with that id is visible to you.")
    return (await response_reads(session, [stored]))[0]


@router.get(
    "/campaigns/{campaign_id}/comments",
    operation_id="listComments",
    summary="Free-text answers from your services, for moderation",
    response_model=CommentPage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_comments(
    campaign_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: SignedIn,
    params: Annotated[PageParams, Depends(page_params("question_key", ["question_key"]))],
    moderation: Moderation | None = None,
) -> CommentPage:
    campaign, allowed = await _service_scope(session, principal, campaign_id)
    rows, cursor = await comments.list_comments(session, params, campaign.id, allowed, moderation)
    return CommentPage(
        items=[
            CommentRead(
                answer_id=a.id,
                response_id=r.id,
                service_id=r.service_id,
                question_key=a.question_key,
                text=a.text or "",
                moderation=a.moderation or Moderation.new,
                moderation_note=a.moderation_note,
                moderated_at=a.moderated_at,
                submitted_at=r.submitted_at,
            )
            for a, r in rows
        ],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/answers/{answer_id}/moderation",
    operation_id="moderateAnswer",
    summary="Publish a free-text answer for shared views, or redact it",
    response_model=CommentRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def moderate_answer(
    answer_id: uuid.UUID, data: ModerationDecision, session: SessionDep, principal: SignedIn
) -> CommentRead:
    answer, stored = await comments.get_answer(session, answer_id)
    try:
        campaign, allowed = await _service_scope(session, principal, stored.campaign_id)
    except Forbidden:
        raise NotFound("No free-text answer with that id is visible to you.") from None
    if stored.service_id not in allowed:
        raise NotFound("No free-text answer with that id is visible to you.")
    answer = await comments.moderate(
        session,
        principal.audit,
        answer,
        stored,
        campaign.organisation_id,
        Moderation(data.moderation),
        data.note,
    )
    return CommentRead(
        answer_id=answer.id,
        response_id=stored.id,
        service_id=stored.service_id,
        question_key=answer.question_key,
        text=answer.text or "",
        moderation=answer.moderation or Moderation.new,
        moderation_note=answer.moderation_note,
        moderated_at=answer.moderated_at,
        submitted_at=stored.submitted_at,
    )


@router.get(
    "/campaigns/{campaign_id}/responses.csv",
    operation_id="exportResponses",
    summary="Raw responses from your own services, as CSV in the import template's shape",
    description="The columns of `GET /api/v1/campaigns/{id}/template.csv` (multiple choices "
    "joined with `|`), so an export can be read back by an import. Free text is included as "
    "stored; redacted answers are left out.",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV"},
        **problem_responses(401, 403, 404, 422),
    },
)
async def export_responses(
    campaign_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> StreamingResponse:
    campaign, allowed = await _service_scope(session, principal, campaign_id)
    content = await service.version_content(session, campaign)
    header = template.response_template(content)
    codes = {s: (await organisations.get_service(session, s)).code or str(s) for s in allowed}
    rows = await service.export_rows(session, campaign.id, allowed)

    def lines() -> Iterator[str]:
        yield csvfiles.write_csv_line(header)
        for stored, answers in rows:
            cells = {
                "external_id": stored.external_id or str(stored.id),
                "service": codes[stored.service_id],
                "submitted_at": stored.submitted_at.isoformat(),
                "language": stored.language,
                "respondent_reference": stored.respondent_reference or "",
                "consent": "true" if stored.consent_recorded_at else "",
            }
            for answer in answers:
                if answer.moderation is Moderation.redacted:
                    continue
                value = answer.value.get("v")
                cells[answer.question_key] = (
                    "|".join(value)
                    if isinstance(value, list)
                    else ""
                    if value is None
                    else str(value)
                )
            yield csvfiles.write_csv_line([cells.get(column, "") for column in header])

    return StreamingResponse(
        lines(),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="responses-{campaign.id}.csv"'},
    )


@router.get(
    "/campaigns/{campaign_id}/held-responses",
    operation_id="listHeldResponses",
    summary="Responses held for approval: a burst of submissions from one address",
    description="Beyond a few public submissions from one address in a day, responses are "
    "held and do not count until staff of their service approve them (a waiting-room "
    "tablet, say) or reject them (someone filling the survey in again and again). They are "
    "listed once their day is over (UTC), so that none is seen as it arrives.",
    response_model=ResponsePage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_held_responses(
    campaign_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: SignedIn,
    params: Annotated[PageParams, Depends(page_params("-submitted_at", list(service.SORTS)))],
) -> ResponsePage:
    campaign, allowed = await _service_scope(session, principal, campaign_id)
    rows, cursor = await held.list_held(session, params, campaign.id, allowed)
    return ResponsePage(
        items=await response_reads(session, list(rows)),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/campaigns/{campaign_id}/held-responses/decision",
    operation_id="decideHeldResponses",
    summary="Approve held responses (they count) or reject them (they are deleted)",
    response_model=HeldDecisionResult,
    responses=problem_responses(401, 403, 404, 422),
)
async def decide_held_responses(
    campaign_id: uuid.UUID, data: HeldDecision, session: SessionDep, principal: SignedIn
) -> HeldDecisionResult:
    campaign, allowed = await _service_scope(session, principal, campaign_id)
    decided = await held.decide_held(
        session,
        principal.audit,
        campaign,
        allowed,
        data.response_ids,
        approve=data.decision == "approve",
    )
    return HeldDecisionResult(decided=decided, decision=data.decision)
