"""HTTP for review and publication: a version's review state, asking for review, reviews,
publishing, and each organisation's review rule."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.core.concurrency import IfMatch, set_etag
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader, SignedIn
from gwella.instruments import review as reviewing
from gwella.instruments import service
from gwella.instruments.access import visible_version
from gwella.instruments.models import (
    Instrument,
    InstrumentVersion,
    ReviewDecision,
)
from gwella.instruments.routes import notices
from gwella.instruments.routes.common import (
    CHANGE_ERRORS,
    PATCH_ERRORS,
    READ_ERRORS,
    version_read,
)
from gwella.instruments.schemas import (
    ReviewCreate,
    ReviewPolicyRead,
    ReviewPolicyUpdate,
    ReviewRead,
    ReviewState,
    VersionRead,
)
from gwella.organisations import service as organisations

router = APIRouter(prefix="/api/v1", tags=["instruments"])


async def _review_state(
    session: AsyncSession, instrument: Instrument, version: InstrumentVersion
) -> ReviewState:
    state = await reviewing.review_state(session, instrument, version)
    return ReviewState(
        version_id=version.id,
        status=version.status,
        revision=version.revision,
        approvals_needed=state.policy.min_approvals,
        approver_roles=list(state.policy.approver_roles),
        approver_organisation_ids=state.approver_organisation_ids,
        approval_rule=state.rule,
        approval_rule_cy=state.rule_cy,
        qualifying_approvals=state.qualifying,
        changes_requested=state.changes,
        can_publish=not state.blocking,
        blocking_reasons=state.blocking,
        blocking_reasons_cy=state.blocking_cy,
        reviews=[
            ReviewRead.model_validate(r).model_copy(
                update={
                    "counts": r.decision is ReviewDecision.approved
                    and r.revision == version.revision
                    and r.id not in state.not_counted,
                    "not_counted_because": state.not_counted.get(r.id),
                    "not_counted_because_cy": state.not_counted_cy.get(r.id),
                }
            )
            for r in state.reviews
        ],
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
    await notices.review_requested(session, principal.id, instrument, version)
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
    await notices.reviewed(
        session,
        principal.id,
        instrument,
        version,
        decision=data.decision,
        reviewer_role=role,
        comment=data.comment,
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
    await notices.published(session, principal.id, instrument, version)
    return await version_read(session, version)


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
