"""HTTP for improvement actions, their accountability views, report and public page."""

from __future__ import annotations

import html
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import HTMLResponse, StreamingResponse

from gwella import policy
from gwella.actions import service
from gwella.actions.models import Action, ActionOrigin, ActionStatus
from gwella.actions.schemas import (
    ActionCreate,
    ActionPage,
    ActionRead,
    ActionUpdatePatch,
    OrganisationAccountability,
    PartnershipAccountability,
    PdsaCreate,
    PdsaRead,
    PdsaUpdate,
    ProgressUpdateCreate,
    ProgressUpdateRead,
    PublicActionsPage,
    ResponsibilityDecision,
    ResponsibilityIn,
    ResponsibilityRead,
    ResponsibilityUpdate,
    StatusChange,
    SupportPage,
    SupportRead,
    TimelineEntry,
    TimelinePage,
)
from gwella.core import csvfiles, i18n
from gwella.core.concurrency import IfMatch, check_if_match, set_etag
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader, SignedIn, public
from gwella.core.errors import FieldProblem, ValidationFailed, problem_responses
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.principal import Principal

router = APIRouter(prefix="/api/v1", tags=["actions"])

WHO_DECIDES = (
    "**Who decides.** Agreeing an action (`under_review → agreed`) is a partnership-level "
    "decision: administrators or managers of any organisation responsible for it (lead or "
    "supporting, not declined) and the partnership's appointed leads, and only once the lead "
    "organisation has accepted the lead part. Every other change of status, and editing the "
    "action, is decided by the lead "
    "organisation's administrators or managers; while there is no lead yet, by those of the "
    "responsible organisations, and while there are none, by those of any member organisation "
    "of the partnership. Platform administrators may do either. Service users, carers and "
    "staff propose, support and report progress, but do not change status."
)
WORKFLOW = (
    "**Workflow.** `proposed → under_review → agreed → in_progress → completed`; from any "
    "open status `not_taken_forward`, which needs a public `reason` (for an action that came "
    "from a service user, a written reason of at least 20 characters). Any other move is "
    "refused with 409 and the statuses the action can move to. Each change is audited and "
    "appears in the timeline with its `explanation`; it notifies the proposer, owners, "
    "supporters and the responsible organisations' managers, and sends the "
    "`action.status_changed` webhook to each responsible organisation and the proposer's."
)


async def _one(session: SessionDep, action_id: uuid.UUID, p: Principal) -> Action:
    action = await service.get_action(session, action_id)
    policy.ensure_view_action(p, action.partnership_id)
    return action


async def _reply(
    session: SessionDep, response: Response, action: Action, p: Principal
) -> ActionRead:
    await session.refresh(action)
    set_etag(response, action.version)
    return (await service.reads(session, [action], p.id if p.is_user else None))[0]


@router.get(
    "/actions",
    operation_id="listActions",
    summary="Improvement actions of your partnerships, with filters",
    description="Keyset-paginated. `overdue=true`: the due date has passed and the action is "
    "neither completed nor not taken forward. `organisation_id`: actions the organisation "
    "leads or supports (its part not declined). `status` may be repeated.",
    response_model=ActionPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_actions(
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[PageParams, Depends(page_params("-created_at", list(service.SORTS)))],
    partnership_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
    status_: Annotated[list[ActionStatus] | None, Query(alias="status")] = None,
    standard_id: uuid.UUID | None = None,
    origin: ActionOrigin | None = None,
    overdue: bool | None = None,
) -> ActionPage:
    rows, cursor = await service.list_actions(
        session,
        params,
        partnership_ids=policy.action_partnership_ids(principal),
        partnership_id=partnership_id,
        organisation_id=organisation_id,
        statuses=status_ or (),
        standard_id=standard_id,
        origin=origin,
        overdue=overdue,
    )
    return ActionPage(
        items=await service.reads(session, rows, principal.id if principal.is_user else None),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/actions",
    operation_id="createAction",
    summary="Propose an improvement action",
    description="Any person with a role in a member organisation of the partnership proposes, "
    "service users and carers included (their role is recorded, and the origin defaults to "
    "`service_user` for them). Evidence (campaign results, a question, an indicator, a "
    "published comment) must exist and be visible to you. Responsibilities, if named, have "
    "exactly one lead; each organisation is asked and accepts or declines its part. Sends "
    "`action.created` to the responsible organisations and the proposer's.",
    status_code=status.HTTP_201_CREATED,
    response_model=ActionRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_action(
    data: ActionCreate, response: Response, session: SessionDep, principal: SignedIn
) -> ActionRead:
    members = await service.member_ids(session, data.partnership_id)
    proposer = policy.ensure_propose_action(principal, data.partnership_id, members)
    action = await service.create_action(
        session, principal.audit, principal, proposer, data, members
    )
    response.headers["Location"] = f"/api/v1/actions/{action.id}"
    return await _reply(session, response, action, principal)


@router.get(
    "/actions/{action_id}",
    operation_id="getAction",
    summary="Read an action: responsibilities, evidence, supporters and what may come next",
    response_model=ActionRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_action(
    action_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> ActionRead:
    action = await _one(session, action_id, principal)
    set_etag(response, action.version)
    return (await service.reads(session, [action], principal.id if principal.is_user else None))[0]


@router.patch(
    "/actions/{action_id}",
    operation_id="updateAction",
    summary="Edit an action's texts, standard or due date",
    description=WHO_DECIDES + " Closed actions cannot be edited.",
    response_model=ActionRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_action(
    action_id: uuid.UUID,
    patch: ActionUpdatePatch,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> ActionRead:
    action = await _one(session, action_id, principal)
    who = await service.parties(session, action)
    policy.ensure_decide_action(principal, who.deciders("edit"), "edit this action")
    check_if_match(if_match, action.version)
    await service.update_action(session, principal.audit, action, patch)
    return await _reply(session, response, action, principal)


@router.post(
    "/actions/{action_id}/status",
    operation_id="changeActionStatus",
    summary="Move an action to another status, with an explanation",
    description=WORKFLOW + "\n\n" + WHO_DECIDES + " `If-Match` is optional here; when sent, "
    "a stale ETag gets 412.",
    response_model=ActionRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def change_status(
    action_id: uuid.UUID,
    data: StatusChange,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> ActionRead:
    action = await _one(session, action_id, principal)
    who = await service.parties(session, action)
    policy.ensure_decide_action(
        principal,
        who.deciders(data.status.value),
        f"make this action {data.status.value}",
        who.leads_for(data.status.value),
    )
    if if_match is not None:
        check_if_match(if_match, action.version)
    await service.change_status(session, principal.audit, action, data, who)
    return await _reply(session, response, action, principal)


@router.post(
    "/actions/{action_id}/responsibilities",
    operation_id="addActionResponsibility",
    summary="Ask a member organisation to lead or support an action",
    description="By administrators or managers of any member organisation of the partnership; "
    "the organisation then accepts or declines. There is exactly one lead: a second is "
    "refused (409) unless the first declined. Notifies the organisation's managers and the "
    "owner named.",
    status_code=status.HTTP_201_CREATED,
    response_model=ResponsibilityRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_responsibility(
    action_id: uuid.UUID, data: ResponsibilityIn, session: SessionDep, principal: SignedIn
) -> ResponsibilityRead:
    action = await _one(session, action_id, principal)
    who = await service.parties(session, action)
    policy.ensure_assign_responsibility(principal, who.members)
    row = await service.add_responsibility(session, principal.audit, action, data, who)
    return await _responsibility(session, action, row.organisation_id, principal)


async def _responsibility(
    session: SessionDep, action: Action, org_id: uuid.UUID, p: Principal
) -> ResponsibilityRead:
    read = (await service.reads(session, [action], None))[0]
    return next(r for r in read.responsibilities if r.organisation_id == org_id)


async def _answer(
    action_id: uuid.UUID,
    organisation_id: uuid.UUID,
    data: ResponsibilityDecision,
    session: SessionDep,
    principal: Principal,
    accept: bool,
) -> ResponsibilityRead:
    action = await _one(session, action_id, principal)
    who = await service.parties(session, action)
    row = service.find_responsibility(who, organisation_id)
    policy.ensure_answer_responsibility(principal, organisation_id)
    await service.answer_responsibility(
        session, principal.audit, action, row, accept, data.owner_id, data.note
    )
    return await _responsibility(session, action, organisation_id, principal)


@router.post(
    "/actions/{action_id}/responsibilities/{organisation_id}/accept",
    operation_id="acceptActionResponsibility",
    summary="Accept your organisation's part in an action (optionally naming its owner)",
    description="By the organisation's administrators or managers. The owner must be a "
    "member of the organisation.",
    response_model=ResponsibilityRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def accept_responsibility(
    action_id: uuid.UUID,
    organisation_id: uuid.UUID,
    data: ResponsibilityDecision,
    session: SessionDep,
    principal: SignedIn,
) -> ResponsibilityRead:
    return await _answer(action_id, organisation_id, data, session, principal, True)


@router.post(
    "/actions/{action_id}/responsibilities/{organisation_id}/decline",
    operation_id="declineActionResponsibility",
    summary="Decline your organisation's part in an action, saying why",
    description="By the organisation's administrators or managers; `note` is required. A "
    "declined lead leaves the action without a lead until another organisation is asked.",
    response_model=ResponsibilityRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def decline_responsibility(
    action_id: uuid.UUID,
    organisation_id: uuid.UUID,
    data: ResponsibilityDecision,
    session: SessionDep,
    principal: SignedIn,
) -> ResponsibilityRead:
    return await _answer(action_id, organisation_id, data, session, principal, False)


@router.patch(
    "/actions/{action_id}/responsibilities/{organisation_id}",
    operation_id="updateActionResponsibility",
    summary="Change the owner of your organisation's part",
    description="By the organisation's administrators or managers; the owner must be a "
    "member of the organisation (null: no owner).",
    response_model=ResponsibilityRead,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def update_responsibility(
    action_id: uuid.UUID,
    organisation_id: uuid.UUID,
    data: ResponsibilityUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> ResponsibilityRead:
    action = await _one(session, action_id, principal)
    who = await service.parties(session, action)
    row = service.find_responsibility(who, organisation_id)
    policy.ensure_answer_responsibility(principal, organisation_id)
    check_if_match(if_match, row.version)
    if "owner_id" in data.model_fields_set:
        await service.set_owner(session, principal.audit, action, row, data.owner_id)
    read = await _responsibility(session, action, organisation_id, principal)
    set_etag(response, read.version)
    return read


@router.get(
    "/actions/{action_id}/supports",
    operation_id="listActionSupports",
    summary="Who supports an action, with their role",
    response_model=SupportPage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_supports(
    action_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[PageParams, Depends(page_params("created_at", list(service.SUPPORT_SORTS)))],
) -> SupportPage:
    action = await _one(session, action_id, principal)
    rows, cursor = await service.list_supports(session, params, action)
    return SupportPage(
        items=[SupportRead.model_validate(s) for s in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/actions/{action_id}/supports",
    operation_id="addActionSupport",
    summary="Support an action (service users and carers; one support per person)",
    description="Your role (service user or carer) is recorded, so the share of support from "
    "service users is shown. A second support by the same person is refused (409).",
    status_code=status.HTTP_201_CREATED,
    response_model=SupportRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_support(
    action_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> SupportRead:
    action = await _one(session, action_id, principal)
    members = await service.member_ids(session, action.partnership_id)
    supporter = policy.ensure_support_action(principal, members)
    support = await service.add_support(session, principal.audit, action, principal.id, supporter)
    return SupportRead.model_validate(support)


@router.delete(
    "/actions/{action_id}/supports/mine",
    operation_id="removeActionSupport",
    summary="Withdraw your support",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def remove_support(
    action_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> Response:
    action = await _one(session, action_id, principal)
    await service.remove_support(session, principal.audit, action, principal.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/actions/{action_id}/updates",
    operation_id="listActionUpdates",
    summary="Progress updates of an action, oldest first",
    response_model=list[ProgressUpdateRead],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_updates(
    action_id: uuid.UUID, session: SessionDep, principal: Reader
) -> list[ProgressUpdateRead]:
    action = await _one(session, action_id, principal)
    return [
        ProgressUpdateRead.model_validate(u)
        for u in await service.list_updates(session, [action.id])
    ]


@router.post(
    "/actions/{action_id}/updates",
    operation_id="addActionUpdate",
    summary="Report progress (a note and a percentage) for a responsible organisation",
    description="By staff, managers or administrators of a responsible organisation that has "
    "accepted its part, while the action is agreed or in progress. Notifies the proposer, "
    "owners, supporters and the lead's managers.",
    status_code=status.HTTP_201_CREATED,
    response_model=ProgressUpdateRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_update(
    action_id: uuid.UUID, data: ProgressUpdateCreate, session: SessionDep, principal: SignedIn
) -> ProgressUpdateRead:
    action = await _one(session, action_id, principal)
    who = await service.parties(session, action)
    org_id = policy.update_org_for(principal, who.responsible, data.organisation_id)
    update = await service.add_update(session, principal.audit, action, org_id, data, who)
    return ProgressUpdateRead.model_validate(update)


@router.get(
    "/actions/{action_id}/timeline",
    operation_id="getActionTimeline",
    summary="What happened to an action, oldest first: proposal, parts, status changes with "
    "their explanations, updates, support, PDSA stages",
    response_model=TimelinePage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def get_timeline(
    action_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[
        PageParams, Depends(page_params("occurred_at", list(service.TIMELINE_SORTS)))
    ],
) -> TimelinePage:
    action = await _one(session, action_id, principal)
    rows, cursor = await service.timeline(session, params, action)
    return TimelinePage(
        items=[TimelineEntry.model_validate(e) for e in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.get(
    "/actions/{action_id}/pdsa-cycles",
    operation_id="listPdsaCycles",
    summary="PDSA cycles of an action, in order",
    response_model=list[PdsaRead],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_cycles(
    action_id: uuid.UUID, session: SessionDep, principal: Reader
) -> list[PdsaRead]:
    action = await _one(session, action_id, principal)
    return [service.pdsa_read(c) for c in await service.pdsa_cycles(session, action)]


@router.post(
    "/actions/{action_id}/pdsa-cycles",
    operation_id="createPdsaCycle",
    summary="Plan a PDSA cycle: objective, prediction and the indicator that will tell",
    description="By staff, managers or administrators of a responsible organisation that has "
    "accepted its part, on an agreed or in-progress action, when no other cycle is open. The "
    "plan date (and later each stage's date) becomes a `pdsa` annotation on the indicator's "
    "chart for `organisation_id` (default: the lead organisation).",
    status_code=status.HTTP_201_CREATED,
    response_model=PdsaRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_cycle(
    action_id: uuid.UUID,
    data: PdsaCreate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
) -> PdsaRead:
    action = await _one(session, action_id, principal)
    who = await service.parties(session, action)
    writer = policy.update_org_for(principal, who.accepted, data.organisation_id)
    org_id = data.organisation_id or (who.lead if who.lead in who.accepted else writer)
    assert org_id is not None
    cycle = await service.create_cycle(session, principal.audit, principal, action, data, org_id)
    set_etag(response, cycle.version)
    return service.pdsa_read(cycle)


@router.patch(
    "/pdsa-cycles/{cycle_id}",
    operation_id="updatePdsaCycle",
    summary="Record a PDSA cycle's do, study and act stages",
    description="Stages in order, each with its notes and date (not before the previous "
    "stage). Act takes a `decision` (adopt, adapt, abandon) and, to adopt or adapt, may start "
    "the next cycle with `next_objective`. Each stage's date is annotated on the indicator's "
    "chart. By staff, managers or administrators of the cycle's organisation.",
    response_model=PdsaRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_cycle(
    cycle_id: uuid.UUID,
    data: PdsaUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> PdsaRead:
    cycle = await service.get_cycle(session, cycle_id)
    action = await _one(session, cycle.action_id, principal)
    who = await service.parties(session, action)
    policy.update_org_for(principal, who.accepted & {cycle.organisation_id}, cycle.organisation_id)
    check_if_match(if_match, cycle.version)
    await service.advance_cycle(session, principal.audit, principal, action, cycle, data)
    set_etag(response, cycle.version)
    return service.pdsa_read(cycle)


# ------------------------------------------------------------------- accountability


@router.get(
    "/organisations/{organisation_id}/action-accountability",
    operation_id="getOrganisationAccountability",
    summary="An organisation's actions: led and supported, on time or overdue, speed of "
    "decision, share from service users, share completed",
    description="Counts actions of the partnerships you can see in which the organisation "
    "has a part it has not declined.",
    response_model=OrganisationAccountability,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_organisation_accountability(
    organisation_id: uuid.UUID, session: SessionDep, principal: Reader
) -> OrganisationAccountability:
    policy.ensure_read_org(principal, organisation_id)
    return await service.organisation_accountability(
        session, organisation_id, policy.action_partnership_ids(principal)
    )


@router.get(
    "/partnerships/{partnership_id}/action-accountability",
    operation_id="getPartnershipAccountability",
    summary="A partnership's actions by status and standard, and which organisations carry them",
    response_model=PartnershipAccountability,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_partnership_accountability(
    partnership_id: uuid.UUID, session: SessionDep, principal: Reader
) -> PartnershipAccountability:
    policy.ensure_read_partnership(principal, partnership_id)
    return await service.partnership_accountability(session, partnership_id)


@router.get(
    "/partnerships/{partnership_id}/action-accountability.csv",
    operation_id="exportPartnershipAccountability",
    summary="The partnership's accountability view as CSV, one row per organisation",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV"},
        **problem_responses(401, 403, 404, 422),
    },
)
async def export_partnership_accountability(
    partnership_id: uuid.UUID, session: SessionDep, principal: Reader
) -> StreamingResponse:
    policy.ensure_read_partnership(principal, partnership_id)
    view = await service.partnership_accountability(session, partnership_id)

    def lines() -> Iterator[str]:
        yield csvfiles.write_csv_line(list(service.CSV_HEADER))
        for row in service.accountability_rows(view):
            yield csvfiles.write_csv_line(row)

    return StreamingResponse(
        lines(),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="actions-{partnership_id}.csv"'},
    )


@router.get(
    "/partnerships/{partnership_id}/report",
    operation_id="getPartnershipReport",
    summary="A printable report for a period: per NSF standard, the indicators with their "
    "SPC variation and assurance, and the actions behind them",
    description="HTML, ready to print or save as PDF, in English or Welsh (`language`, else "
    "the request's Accept-Language). Indicators are shown for each member organisation with "
    "measurements ending in the period; actions are those open in or decided during the "
    "period.",
    response_class=HTMLResponse,
    responses={
        200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "HTML"},
        **problem_responses(401, 403, 404, 422),
    },
)
async def get_partnership_report(
    partnership_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Reader,
    period_start: date,
    period_end: date,
    language: Annotated[
        Literal["en", "cy"] | None,
        Query(description="The report's language; by default the request's Accept-Language"),
    ] = None,
) -> HTMLResponse:
    policy.ensure_read_partnership(principal, partnership_id)
    if period_end < period_start:
        raise ValidationFailed(
            "The period ends before it starts.",
            errors=[FieldProblem(field="query.period_end", message="on or after period_start")],
        )
    lang = language or (
        "cy" if i18n.prefers_welsh(request.headers.get("accept-language")) else "en"
    )
    name, standards, unfiled = await service.report_data(
        session, partnership_id, period_start, period_end, lang
    )
    return HTMLResponse(
        _report_html(REPORT_WORDS[lang], name, period_start, period_end, standards, unfiled),
        headers={"Content-Language": lang, "Vary": "Accept-Language"},
    )


REPORT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "lang": "en",
        "title": "{name}: performance report {start} to {end}",
        "intro": "Performance report for {start} to {end}, from the same live data the "
        "partners see. Variation and assurance follow NHS Making Data Count (XmR charts).",
        "standard": "Standard {code}: {title}",
        "indicator": "Indicator",
        "organisation": "Organisation",
        "points": "Points",
        "latest": "Latest",
        "variation": "Variation",
        "assurance": "Assurance",
        "no_measurements": "No indicator measurements in the period.",
        "actions": "Actions",
        "no_actions": "No actions.",
        "unfiled": "Actions not filed under a standard",
        "action": "Action",
        "status": "Status",
        "progress": "Progress",
        "due": "Due",
        "said_did": "You said, we did / reason",
        "not_enough": "Not enough data",
        "no_target": "No target",
        "common_cause": "Common cause variation",
        "special_cause_improving_high": "Special cause: improving (high)",
        "special_cause_improving_low": "Special cause: improving (low)",
        "special_cause_concerning_high": "Special cause: concerning (high)",
        "special_cause_concerning_low": "Special cause: concerning (low)",
        "special_cause_neither_high": "Special cause: neither (high)",
        "special_cause_neither_low": "Special cause: neither (low)",
        "consistently_passing": "Consistently passing the target",
        "consistently_failing": "Consistently failing the target",
        "hit_and_miss": "Hit and miss",
        "proposed": "proposed",
        "under_review": "under review",
        "agreed": "agreed",
        "in_progress": "in progress",
        "completed": "completed",
        "not_taken_forward": "not taken forward",
    },
    "cy": {
        "lang": "cy",
        "title": "{name}: adroddiad perfformiad {start} i {end}",
        "intro": "Adroddiad perfformiad ar gyfer {start} i {end}, o'r un data byw ag y mae'r "
        "partneriaid yn ei weld. Mae amrywiad a sicrwydd yn dilyn dull Making Data Count y GIG "
        "(siartiau XmR).",
        "standard": "Safon {code}: {title}",
        "indicator": "Dangosydd",
        "organisation": "Sefydliad",
        "points": "Pwyntiau",
        "latest": "Diweddaraf",
        "variation": "Amrywiad",
        "assurance": "Sicrwydd",
        "no_measurements": "Dim mesuriadau dangosydd yn y cyfnod.",
        "actions": "Camau gweithredu",
        "no_actions": "Dim camau gweithredu.",
        "unfiled": "Camau gweithredu heb safon",
        "action": "Cam gweithredu",
        "status": "Statws",
        "progress": "Cynnydd",
        "due": "Erbyn",
        "said_did": "Dywedoch chi, gwnaethom ni / rheswm",
        "not_enough": "Dim digon o ddata",
        "no_target": "Dim targed",
        "common_cause": "Amrywiad achos cyffredin",
        "special_cause_improving_high": "Achos arbennig: gwella (uchel)",
        "special_cause_improving_low": "Achos arbennig: gwella (isel)",
        "special_cause_concerning_high": "Achos arbennig: pryder (uchel)",
        "special_cause_concerning_low": "Achos arbennig: pryder (isel)",
        "special_cause_neither_high": "Achos arbennig: y naill na'r llall (uchel)",
        "special_cause_neither_low": "Achos arbennig: y naill na'r llall (isel)",
        "consistently_passing": "Yn cyrraedd y targed yn gyson",
        "consistently_failing": "Yn methu'r targed yn gyson",
        "hit_and_miss": "Weithiau'n cyrraedd, weithiau'n methu",
        "proposed": "wedi'i gynnig",
        "under_review": "yn cael ei adolygu",
        "agreed": "wedi'i gytuno",
        "in_progress": "ar y gweill",
        "completed": "wedi'i gwblhau",
        "not_taken_forward": "heb ei fwrw ymlaen",
    },
}


def _actions_html(w: dict[str, str], actions: list[Action]) -> str:
    if not actions:
        return f"<p>{html.escape(w['no_actions'])}</p>"
    lang = w["lang"]

    def text(value: dict[str, Any] | None) -> str:
        value = value or {}
        return str(value.get(lang) or value.get("en") or "")

    rows = "".join(
        "<tr><td>{}</td><td>{}</td><td>{}%</td><td>{}</td><td>{}</td></tr>".format(
            html.escape(text(a.title)),
            html.escape(w.get(a.status.value, a.status.value)),
            a.progress,
            html.escape(a.due_date.isoformat() if a.due_date else ""),
            html.escape(text(a.summary) or text(a.closure_reason)),
        )
        for a in actions
    )
    head = "".join(
        f"<th>{html.escape(w[k])}</th>" for k in ("action", "status", "progress", "due", "said_did")
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _report_html(
    w: dict[str, str],
    name: str,
    start: date,
    end: date,
    standards: list[service.ReportStandard],
    unfiled: list[Action],
) -> str:
    esc = html.escape
    period = {"start": start.isoformat(), "end": end.isoformat()}
    parts = [
        f"<!doctype html><html lang='{w['lang']}'><head><meta charset='utf-8'>",
        f"<title>{esc(w['title'].format(name=name, **period))}</title>",
        "<style>body{font-family:Arial,sans-serif;margin:2em;color:#212b32}"
        "table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}"
        "th,td{border:1px solid #d8dde0;padding:.3em .5em;text-align:left;vertical-align:top}"
        "h2{border-bottom:2px solid #005eb8;page-break-after:avoid}"
        "section{page-break-inside:avoid}</style></head><body>",
        f"<h1>{esc(name)}</h1>",
        f"<p>{esc(w['intro'].format(**period))}</p>",
    ]
    columns = ("indicator", "organisation", "points", "latest", "variation", "assurance")
    for s in standards:
        parts.append(f"<section><h2>{esc(w['standard'].format(code=s.code, title=s.title))}</h2>")
        if s.indicators:
            head = "".join(f"<th>{esc(w[k])}</th>" for k in columns)
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>")
            for i in s.indicators:
                latest = "" if i.last_value is None else f"{i.last_value:g} {i.unit}"
                parts.append(
                    f"<tr><td>{esc(i.code)}: {esc(i.name)}</td><td>{esc(i.organisation)}</td>"
                    f"<td>{i.points}</td><td>{esc(latest)}</td>"
                    f"<td>{esc(w.get(i.variation or '', w['not_enough']))}</td>"
                    f"<td>{esc(w.get(i.assurance or '', w['no_target']))}</td></tr>"
                )
            parts.append("</tbody></table>")
        else:
            parts.append(f"<p>{esc(w['no_measurements'])}</p>")
        parts.append(f"<h3>{esc(w['actions'])}</h3>" + _actions_html(w, s.actions) + "</section>")
    if unfiled:
        parts.append(
            f"<section><h2>{esc(w['unfiled'])}</h2>" + _actions_html(w, unfiled) + "</section>"
        )
    parts.append("</body></html>")
    return "".join(parts)


# ------------------------------------------------------------------------ public page


@router.get(
    "/public/partnerships/{partnership_id}/actions",
    operation_id="getPublicActions",
    summary='The public "you said, we did" page of a partnership (no sign-in)',
    description="Agreed, active and completed actions with their summaries and progress, and "
    "the reasons for those not taken forward, in English and Welsh. No personal data: no "
    "names, ids of people or email addresses.",
    tags=["public"],
    response_model=PublicActionsPage,
    responses=problem_responses(404, 422),
    dependencies=[Depends(public('The public "you said, we did" page'))],
)
async def get_public_actions(partnership_id: uuid.UUID, session: SessionDep) -> PublicActionsPage:
    return await service.public_page(session, partnership_id)
