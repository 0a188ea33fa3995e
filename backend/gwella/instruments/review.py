"""Review and publication of an instrument version: each organisation's review rule, asking
for review, reviews, whether a version may be published, publishing. No HTTP types."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.concurrency import check_if_match
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, FieldProblem, ValidationFailed
from gwella.instruments.enums import VersionStatus
from gwella.instruments.models import (
    Instrument,
    InstrumentVersion,
    Review,
    ReviewDecision,
    ReviewPolicy,
)
from gwella.instruments.schemas import ReviewPolicyUpdate
from gwella.instruments.service import DEFAULT_APPROVER_ROLES, check_content, content_of


async def get_review_policy(session: AsyncSession, organisation_id: uuid.UUID) -> ReviewPolicy:
    policy = await session.get(ReviewPolicy, organisation_id)
    if policy is None:
        return ReviewPolicy(
            organisation_id=organisation_id,
            min_approvals=1,
            approver_roles=list(DEFAULT_APPROVER_ROLES),
            version=0,
        )
    return policy


async def update_review_policy(
    session: AsyncSession,
    ctx: AuditContext,
    organisation_id: uuid.UUID,
    patch: ReviewPolicyUpdate,
    if_match: str | None,
) -> ReviewPolicy:
    current = await session.get(ReviewPolicy, organisation_id)
    check_if_match(if_match, current.version if current else 0)
    if current is None:
        current = ReviewPolicy(
            organisation_id=organisation_id,
            min_approvals=1,
            approver_roles=list(DEFAULT_APPROVER_ROLES),
        )
        session.add(current)
        before: dict[str, Any] = {}
    else:
        before = {"min_approvals": current.min_approvals, "approver_roles": current.approver_roles}
    if patch.min_approvals is not None:
        current.min_approvals = patch.min_approvals
    if patch.approver_roles is not None:
        current.approver_roles = sorted(set(patch.approver_roles))
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="review_policy.updated",
        record_type="review_policy",
        record_id=organisation_id,
        organisation_id=organisation_id,
        before=before,
        after={"min_approvals": current.min_approvals, "approver_roles": current.approver_roles},
    )
    return current


async def request_review(
    session: AsyncSession, ctx: AuditContext, instrument: Instrument, version: InstrumentVersion
) -> InstrumentVersion:
    if version.status is not VersionStatus.draft:
        raise Conflict(f"Only a draft can be sent for review; this one is {version.status.value}.")
    content = content_of(version)
    if not content.questions:
        raise ValidationFailed(
            "Add at least one question before asking for review.",
            errors=[FieldProblem(field="content.questions", message="empty")],
        )
    check_content(content, instrument.languages, prefix="content")
    version.status = VersionStatus.in_review
    version.review_requested_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="instrument_version.review_requested",
        record_type="instrument_version",
        record_id=version.id,
        organisation_id=instrument.organisation_id,
        before={"status": "draft"},
        after={"status": "in_review"},
    )
    return version


async def add_review(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    version: InstrumentVersion,
    reviewer: tuple[uuid.UUID, uuid.UUID, str],
    decision: ReviewDecision,
    comment: str | None,
) -> Review:
    if version.status is not VersionStatus.in_review:
        raise Conflict("Reviews are given on a version that is in review.")
    if decision is ReviewDecision.changes_requested and not comment:
        raise ValidationFailed(
            "Say what should change.",
            errors=[FieldProblem(field="body.comment", message="required when asking for changes")],
        )
    reviewer_id, org_id, role = reviewer
    review = Review(
        version_id=version.id,
        reviewer_id=reviewer_id,
        reviewer_role=role,
        reviewer_organisation_id=org_id,
        revision=version.revision,
        decision=decision,
        comment=comment,
    )
    session.add(review)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action=f"instrument_version.review_{decision.value}",
        record_type="instrument_version",
        record_id=version.id,
        organisation_id=instrument.organisation_id,
        after={"reviewer_role": role, "revision": version.revision},
    )
    return review


async def review_state(
    session: AsyncSession, instrument: Instrument, version: InstrumentVersion
) -> tuple[list[Review], int, int, ReviewPolicy, list[str]]:
    """The reviews, and whether publication is allowed: the latest review of each person at
    the current revision counts; approvals must come from the policy's roles."""
    reviews = list(
        await session.scalars(
            select(Review).where(Review.version_id == version.id).order_by(Review.created_at)
        )
    )
    policy = await get_review_policy(session, instrument.organisation_id)
    latest: dict[uuid.UUID, Review] = {}
    for review in reviews:
        if review.revision == version.revision:
            latest[review.reviewer_id] = review
    qualifying = sum(
        1
        for r in latest.values()
        if r.decision is ReviewDecision.approved and r.reviewer_role in policy.approver_roles
    )
    changes = sum(1 for r in latest.values() if r.decision is ReviewDecision.changes_requested)
    blocking = []
    if version.status is not VersionStatus.in_review:
        blocking.append(f"the version is {version.status.value}, not in review")
    if qualifying < policy.min_approvals:
        roles = " or ".join(r.replace("_", " ") for r in policy.approver_roles)
        blocking.append(
            f"{policy.min_approvals} approval(s) from a {roles} reviewer are needed; "
            f"{qualifying} so far"
        )
    if changes:
        blocking.append(f"{changes} reviewer(s) asked for changes")
    return reviews, qualifying, changes, policy, blocking


async def publish(
    session: AsyncSession, ctx: AuditContext, instrument: Instrument, version: InstrumentVersion
) -> InstrumentVersion:
    _, _, _, _, blocking = await review_state(session, instrument, version)
    if blocking:
        raise Conflict("Publication is refused: " + "; ".join(blocking) + ".")
    version.status = VersionStatus.published
    version.published_at = utcnow()
    version.published_by_id = ctx.actor_id
    version.codesign_open = False
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="instrument_version.published",
        record_type="instrument_version",
        record_id=version.id,
        organisation_id=instrument.organisation_id,
        before={"status": "in_review"},
        after={"status": "published", "number": version.number},
    )
    return version
