"""HTTP for instruments: versions, co-design contributions, review and publication."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.accounts import users as accounts
from gwella.core.concurrency import IfMatch, set_etag
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader, SignedIn
from gwella.core.errors import problem_responses
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.principal import Principal
from gwella.instruments import codesign, service
from gwella.instruments import review as reviewing
from gwella.instruments.access import visible_instrument, visible_version
from gwella.instruments.models import (
    Contribution,
    ContributionKind,
    ContributionStatus,
    Instrument,
    InstrumentVersion,
)
from gwella.instruments.schemas import (
    CodesignSettings,
    ContributionAccept,
    ContributionCreate,
    ContributionDecline,
    ContributionPage,
    ContributionRead,
    InstrumentCreate,
    InstrumentPage,
    InstrumentRead,
    InstrumentUpdate,
    Involvement,
    ReviewCreate,
    ReviewPolicyRead,
    ReviewPolicyUpdate,
    ReviewRead,
    ReviewState,
    RoleCounts,
    VersionContentUpdate,
    VersionRead,
    VersionSummary,
)
from gwella.organisations import service as organisations

router = APIRouter(prefix="/api/v1", tags=["instruments"])

READ_ERRORS = problem_responses(401, 403, 404, 422)
CHANGE_ERRORS = problem_responses(401, 403, 404, 409, 422)
PATCH_ERRORS = problem_responses(401, 403, 404, 409, 412, 422, 428)


async def _instrument_reads(session: AsyncSession, rows: list[Instrument]) -> list[InstrumentRead]:
    versions = await service.versions_of(session, [i.id for i in rows])
    return [
        InstrumentRead.model_validate(
            {
                **{f: getattr(i, f) for f in InstrumentRead.model_fields if f != "versions"},
                "versions": [VersionSummary.model_validate(v) for v in versions[i.id]],
            }
        )
        for i in rows
    ]


async def _version_read(session: AsyncSession, version: InstrumentVersion) -> VersionRead:
    invited = await service.invited_orgs(session, version.id)
    return VersionRead.model_validate(
        {
            **{f: getattr(version, f) for f in VersionRead.model_fields if f != "codesign_org_ids"},
            "codesign_org_ids": invited,
        }
    )


async def _contribution_reads(
    session: AsyncSession, p: Principal, rows: list[Contribution]
) -> list[ContributionRead]:
    counts, mine = await codesign.vote_counts(session, [c.id for c in rows], p.id)
    authors = await accounts.users_by_ids(session, [c.author_id for c in rows])
    return [
        ContributionRead.model_validate(
            {
                **{
                    f: getattr(c, f)
                    for f in ContributionRead.model_fields
                    if f not in {"votes", "voted_by_me", "author_display_name"}
                },
                "author_display_name": authors[c.author_id].display_name,
                "votes": counts.get(c.id, 0),
                "voted_by_me": c.id in mine,
            }
        )
        for c in rows
    ]


# ----------------------------------------------------------------------------- instruments


@router.get(
    "/instruments",
    operation_id="listInstruments",
    summary="List the survey instruments visible to you",
    description="Your organisations' instruments, those your partners share with their "
    "partnerships, and those whose draft your organisation is invited to co-design.",
    response_model=InstrumentPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_instruments(
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[PageParams, Depends(page_params("code", list(service.SORTS)))],
    organisation_id: uuid.UUID | None = None,
    q: Annotated[str | None, Query(max_length=64, description="Code contains")] = None,
) -> InstrumentPage:
    rows, cursor = await service.list_instruments(
        session,
        params,
        member_orgs=None if principal.is_platform_admin else principal.member_org_ids,
        partner_orgs=principal.partner_org_ids,
        organisation_id=organisation_id,
        q=q,
    )
    return InstrumentPage(
        items=await _instrument_reads(session, rows),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/instruments",
    operation_id="createInstrument",
    summary="Create an instrument with its first draft version",
    status_code=status.HTTP_201_CREATED,
    response_model=InstrumentRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_instrument(
    data: InstrumentCreate, response: Response, session: SessionDep, principal: SignedIn
) -> InstrumentRead:
    await organisations.get_organisation(session, data.organisation_id)
    policy.ensure_read_org(principal, data.organisation_id)
    policy.ensure_edit_instrument(principal, data.organisation_id)
    instrument, _ = await service.create_instrument(session, principal.audit, data)
    set_etag(response, instrument.version)
    response.headers["Location"] = f"/api/v1/instruments/{instrument.id}"
    return (await _instrument_reads(session, [instrument]))[0]


@router.get(
    "/instruments/{instrument_id}",
    operation_id="getInstrument",
    summary="Read an instrument and the list of its versions",
    response_model=InstrumentRead,
    responses=READ_ERRORS,
)
async def get_instrument(
    instrument_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> InstrumentRead:
    instrument = await visible_instrument(session, principal, instrument_id)
    set_etag(response, instrument.version)
    return (await _instrument_reads(session, [instrument]))[0]


@router.patch(
    "/instruments/{instrument_id}",
    operation_id="updateInstrument",
    summary="Change an instrument's title, description or sharing",
    response_model=InstrumentRead,
    responses=PATCH_ERRORS,
)
async def update_instrument(
    instrument_id: uuid.UUID,
    patch: InstrumentUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> InstrumentRead:
    instrument = await visible_instrument(session, principal, instrument_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    instrument = await service.update_instrument(
        session, principal.audit, instrument, patch, if_match
    )
    set_etag(response, instrument.version)
    return (await _instrument_reads(session, [instrument]))[0]


@router.post(
    "/instruments/{instrument_id}/versions",
    operation_id="createInstrumentVersion",
    summary="Start a new draft version from the latest published one",
    status_code=status.HTTP_201_CREATED,
    response_model=VersionRead,
    responses=CHANGE_ERRORS,
)
async def create_version(
    instrument_id: uuid.UUID, response: Response, session: SessionDep, principal: SignedIn
) -> VersionRead:
    instrument = await visible_instrument(session, principal, instrument_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    version = await service.start_new_draft(session, principal.audit, instrument)
    set_etag(response, version.version)
    return await _version_read(session, version)


@router.get(
    "/instrument-versions/{version_id}",
    operation_id="getInstrumentVersion",
    summary="Read one version of an instrument, with its questions",
    response_model=VersionRead,
    responses=READ_ERRORS,
)
async def get_version(
    version_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> VersionRead:
    _, version = await visible_version(session, principal, version_id)
    set_etag(response, version.version)
    return await _version_read(session, version)


@router.patch(
    "/instrument-versions/{version_id}",
    operation_id="updateInstrumentVersion",
    summary="Save a draft's sections and questions",
    description="Validated on save: unique keys, conditions only on earlier questions, options "
    "for choice questions, every text in each language the instrument declares. Saving a "
    "version that is in review sends it back to draft. A published version is never changed.",
    response_model=VersionRead,
    responses=PATCH_ERRORS,
)
async def update_version(
    version_id: uuid.UUID,
    data: VersionContentUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> VersionRead:
    instrument, version = await visible_version(session, principal, version_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    version = await service.update_content(
        session, principal.audit, instrument, version, data.content, if_match
    )
    set_etag(response, version.version)
    return await _version_read(session, version)


@router.put(
    "/instrument-versions/{version_id}/codesign",
    operation_id="updateCodesign",
    summary="Open or close a draft for co-design by chosen organisations",
    response_model=VersionRead,
    responses=CHANGE_ERRORS,
)
async def set_codesign(
    version_id: uuid.UUID, data: CodesignSettings, session: SessionDep, principal: SignedIn
) -> VersionRead:
    instrument, version = await visible_version(session, principal, version_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    known = await organisations.organisations_by_ids(session, data.organisation_ids)
    for org_id in data.organisation_ids:
        if org_id not in known:
            await organisations.get_organisation(session, org_id)  # raises 404
    version = await service.set_codesign(
        session, principal.audit, instrument, version, data.open, data.organisation_ids
    )
    return await _version_read(session, version)


# --------------------------------------------------------------------------- contributions


async def _participant(
    session: AsyncSession,
    p: Principal,
    instrument: Instrument,
    version: InstrumentVersion,
    doing: str,
) -> tuple[uuid.UUID, uuid.UUID, str]:
    eligible = {instrument.organisation_id} | await service.codesign_orgs(session, version)
    org_id, role = policy.acting_role(p, eligible, doing)
    return p.id, org_id, role


@router.get(
    "/instrument-versions/{version_id}/contributions",
    operation_id="listContributions",
    summary="List a draft's co-design suggestions and comments",
    response_model=ContributionPage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_contributions(
    version_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: SignedIn,
    params: Annotated[
        PageParams, Depends(page_params("created_at", list(codesign.CONTRIBUTION_SORTS)))
    ],
    kind: ContributionKind | None = None,
    status: ContributionStatus | None = None,
) -> ContributionPage:
    _, version = await visible_version(session, principal, version_id)
    rows, cursor = await codesign.list_contributions(session, params, version.id, kind, status)
    return ContributionPage(
        items=await _contribution_reads(session, principal, rows),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/instrument-versions/{version_id}/contributions",
    operation_id="createContribution",
    summary="Suggest a topic or a question, or comment on a question",
    description="Members of the owning organisation, and of organisations invited to "
    "co-design the draft. The author's role is recorded (service user and carer first).",
    status_code=status.HTTP_201_CREATED,
    response_model=ContributionRead,
    responses=CHANGE_ERRORS,
)
async def create_contribution(
    version_id: uuid.UUID, data: ContributionCreate, session: SessionDep, principal: SignedIn
) -> ContributionRead:
    instrument, version = await visible_version(session, principal, version_id)
    author = await _participant(session, principal, instrument, version, "contribute")
    contribution = await codesign.add_contribution(
        session, principal.audit, instrument, version, author, data
    )
    return (await _contribution_reads(session, principal, [contribution]))[0]


async def _contribution(
    session: AsyncSession, p: Principal, contribution_id: uuid.UUID
) -> tuple[Instrument, InstrumentVersion, Contribution]:
    contribution = await codesign.get_contribution(session, contribution_id)
    instrument, version = await visible_version(session, p, contribution.version_id)
    return instrument, version, contribution


@router.post(
    "/contributions/{contribution_id}/votes",
    operation_id="createVote",
    summary="Vote a suggestion up (once per person)",
    status_code=status.HTTP_201_CREATED,
    response_model=ContributionRead,
    responses=CHANGE_ERRORS,
)
async def vote(
    contribution_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> ContributionRead:
    instrument, version, contribution = await _contribution(session, principal, contribution_id)
    voter = await _participant(session, principal, instrument, version, "vote")
    await codesign.vote(session, principal.audit, instrument, contribution, voter)
    return (await _contribution_reads(session, principal, [contribution]))[0]


@router.delete(
    "/contributions/{contribution_id}/votes/me",
    operation_id="deleteVote",
    summary="Withdraw your vote",
    response_model=ContributionRead,
    responses=CHANGE_ERRORS,
)
async def withdraw_vote(
    contribution_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> ContributionRead:
    instrument, _, contribution = await _contribution(session, principal, contribution_id)
    await codesign.withdraw_vote(session, principal.audit, instrument, contribution, principal.id)
    return (await _contribution_reads(session, principal, [contribution]))[0]


@router.post(
    "/contributions/{contribution_id}/accept",
    operation_id="acceptContribution",
    summary="Accept a suggestion: it becomes a question credited to its author",
    response_model=ContributionRead,
    responses=CHANGE_ERRORS,
)
async def accept_contribution(
    contribution_id: uuid.UUID, data: ContributionAccept, session: SessionDep, principal: SignedIn
) -> ContributionRead:
    instrument, version, contribution = await _contribution(session, principal, contribution_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    await codesign.accept_contribution(
        session, principal.audit, instrument, version, contribution, data
    )
    return (await _contribution_reads(session, principal, [contribution]))[0]


@router.post(
    "/contributions/{contribution_id}/decline",
    operation_id="declineContribution",
    summary="Decline a suggestion with a reason its author sees",
    response_model=ContributionRead,
    responses=CHANGE_ERRORS,
)
async def decline_contribution(
    contribution_id: uuid.UUID,
    data: ContributionDecline,
    session: SessionDep,
    principal: SignedIn,
) -> ContributionRead:
    instrument, _, contribution = await _contribution(session, principal, contribution_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    await codesign.decline_contribution(
        session, principal.audit, instrument, contribution, data.reason
    )
    return (await _contribution_reads(session, principal, [contribution]))[0]


# -------------------------------------------------------------------- review and publication


async def _review_state(
    session: AsyncSession, instrument: Instrument, version: InstrumentVersion
) -> ReviewState:
    reviews, qualifying, changes, review_policy, blocking = await reviewing.review_state(
        session, instrument, version
    )
    return ReviewState(
        version_id=version.id,
        status=version.status,
        revision=version.revision,
        approvals_needed=review_policy.min_approvals,
        approver_roles=list(review_policy.approver_roles),
        qualifying_approvals=qualifying,
        changes_requested=changes,
        can_publish=not blocking,
        blocking_reasons=blocking,
        reviews=[ReviewRead.model_validate(r) for r in reviews],
    )


@router.get(
    "/instrument-versions/{version_id}/review",
    operation_id="getReviewState",
    summary="Reviews of a version, and what still stands in the way of publishing it",
    response_model=ReviewState,
    responses=READ_ERRORS,
)
async def get_review_state(
    version_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> ReviewState:
    instrument, version = await visible_version(session, principal, version_id)
    return await _review_state(session, instrument, version)


@router.post(
    "/instrument-versions/{version_id}/review-requests",
    operation_id="requestReview",
    summary="Send a draft for review",
    response_model=ReviewState,
    responses=CHANGE_ERRORS,
)
async def request_review(
    version_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> ReviewState:
    instrument, version = await visible_version(session, principal, version_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    await reviewing.request_review(session, principal.audit, instrument, version)
    return await _review_state(session, instrument, version)


@router.post(
    "/instrument-versions/{version_id}/reviews",
    operation_id="createReview",
    summary="Approve a version in review, or ask for changes",
    status_code=status.HTTP_201_CREATED,
    response_model=ReviewState,
    responses=CHANGE_ERRORS,
)
async def create_review(
    version_id: uuid.UUID, data: ReviewCreate, session: SessionDep, principal: SignedIn
) -> ReviewState:
    instrument, version = await visible_version(session, principal, version_id)
    # Reviewers: members of the owning organisation and of every organisation invited to
    # co-design this version, whether or not co-design is still open.
    invited = set(await service.invited_orgs(session, version.id))
    org_id, role = policy.acting_role(principal, {instrument.organisation_id} | invited, "review")
    reviewer = (principal.id, org_id, role)
    await reviewing.add_review(
        session, principal.audit, instrument, version, reviewer, data.decision, data.comment
    )
    return await _review_state(session, instrument, version)


@router.post(
    "/instrument-versions/{version_id}/publish",
    operation_id="publishInstrumentVersion",
    summary="Publish a reviewed version (refused until the required reviewers approved)",
    response_model=VersionRead,
    responses=CHANGE_ERRORS,
)
async def publish(version_id: uuid.UUID, session: SessionDep, principal: SignedIn) -> VersionRead:
    instrument, version = await visible_version(session, principal, version_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    version = await reviewing.publish(session, principal.audit, instrument, version)
    return await _version_read(session, version)


@router.get(
    "/organisations/{organisation_id}/review-policy",
    operation_id="getReviewPolicy",
    summary="How many approvals, from which roles, publishing an instrument needs",
    tags=["organisations"],
    response_model=ReviewPolicyRead,
    responses=READ_ERRORS,
)
async def get_review_policy(
    organisation_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> ReviewPolicyRead:
    await organisations.get_organisation(session, organisation_id)
    policy.ensure_read_org(principal, organisation_id)
    current = await reviewing.get_review_policy(session, organisation_id)
    set_etag(response, current.version)
    return ReviewPolicyRead.model_validate(current)


@router.patch(
    "/organisations/{organisation_id}/review-policy",
    operation_id="updateReviewPolicy",
    summary="Change the review rule for an organisation's instruments",
    tags=["organisations"],
    response_model=ReviewPolicyRead,
    responses=PATCH_ERRORS,
)
async def update_review_policy(
    organisation_id: uuid.UUID,
    patch: ReviewPolicyUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> ReviewPolicyRead:
    await organisations.get_organisation(session, organisation_id)
    policy.ensure_admin_org(principal, organisation_id, "change its review rule")
    current = await reviewing.update_review_policy(
        session, principal.audit, organisation_id, patch, if_match
    )
    set_etag(response, current.version)
    return ReviewPolicyRead.model_validate(current)


# ------------------------------------------------------------------------------ involvement


def _involvement(counts: dict[str, dict[str, int]]) -> Involvement:
    lay = sum(
        n
        for bucket in ("suggestions", "comments", "votes")
        for role, n in counts[bucket].items()
        if role in policy.LAY_ROLES
    )
    total = sum(
        n for bucket in ("suggestions", "comments", "votes") for n in counts[bucket].values()
    )
    return Involvement(
        suggestions=RoleCounts(**counts["suggestions"]),
        comments=RoleCounts(**counts["comments"]),
        votes=RoleCounts(**counts["votes"]),
        suggestions_accepted=RoleCounts(**counts["suggestions_accepted"]),
        service_user_and_carer_share=round(lay / total, 4) if total else None,
    )


@router.get(
    "/instruments/{instrument_id}/involvement",
    operation_id="getInstrumentInvolvement",
    summary="How many suggestions, comments and votes came from each role",
    response_model=Involvement,
    responses=READ_ERRORS,
)
async def get_instrument_involvement(
    instrument_id: uuid.UUID, session: SessionDep, principal: Reader
) -> Involvement:
    instrument = await visible_instrument(session, principal, instrument_id)
    return _involvement(await codesign.involvement(session, instrument_id=instrument.id))


@router.get(
    "/organisations/{organisation_id}/involvement",
    operation_id="getOrganisationInvolvement",
    summary="Co-design involvement across an organisation's instruments, by role",
    tags=["organisations"],
    response_model=Involvement,
    responses=READ_ERRORS,
)
async def get_organisation_involvement(
    organisation_id: uuid.UUID, session: SessionDep, principal: Reader
) -> Involvement:
    await organisations.get_organisation(session, organisation_id)
    policy.ensure_read_org(principal, organisation_id)
    return _involvement(await codesign.involvement(session, organisation_id=organisation_id))
