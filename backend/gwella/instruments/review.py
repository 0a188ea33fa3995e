"""Review and publication of an instrument version: each organisation's review rule, asking
for review, reviews, whether a version may be published, publishing. No HTTP types."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import audit
from gwella.core.audit import AuditContext, AuditEvent
from gwella.core.concurrency import check_if_match
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, FieldProblem, Forbidden, ValidationFailed
from gwella.core.messages_cy import VERSION_IS_CY
from gwella.core.vocabulary import ROLE, soft_mutation, with_article, word
from gwella.instruments.enums import VersionStatus
from gwella.instruments.models import (
    Contribution,
    ContributionStatus,
    Instrument,
    InstrumentVersion,
    Review,
    ReviewDecision,
    ReviewPolicy,
)
from gwella.instruments.schemas import ReviewPolicyUpdate
from gwella.instruments.service import (
    DEFAULT_APPROVER_ROLES,
    check_content,
    content_of,
    invited_orgs,
)

# The audit actions by which a person makes a version's content (instrument.created makes the
# first version; contributions accepted into it are counted from their own rows).
_EDITING_ACTIONS = ("instrument_version.created", "instrument_version.content_changed")


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
    if reviewer_id in await editors_of(session, instrument, version):
        raise Forbidden(
            "You created or changed this version, so you may not review it: a review must "
            "come from someone who did not write it."
        )
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


async def editors_of(
    session: AsyncSession, instrument: Instrument, version: InstrumentVersion
) -> set[uuid.UUID]:
    """Who created this version or changed its content: its creator (of the instrument, for
    the first version), whoever saved its content, and whoever accepted a suggestion into it.
    Read from the audit trail, which every change writes in its own transaction."""
    records: list[tuple[str, str, tuple[str, ...]]] = [
        ("instrument_version", str(version.id), _EDITING_ACTIONS)
    ]
    if version.number == 1:
        records.append(("instrument", str(instrument.id), ("instrument.created",)))
    actors = await session.scalars(
        select(AuditEvent.actor_id).where(
            or_(
                *(
                    and_(
                        AuditEvent.record_type == kind,
                        AuditEvent.record_id == record,
                        AuditEvent.action.in_(actions),
                    )
                    for kind, record, actions in records
                )
            ),
            AuditEvent.actor_id.is_not(None),
        )
    )
    deciders = await session.scalars(
        select(Contribution.decided_by_id).where(
            Contribution.version_id == version.id,
            Contribution.status == ContributionStatus.accepted,
            Contribution.decided_by_id.is_not(None),
        )
    )
    editors = {a for a in actors if a is not None} | {d for d in deciders if d is not None}
    if version.number == 1 and instrument.created_by_id is not None:
        editors.add(instrument.created_by_id)
    return editors


async def review_requesters(session: AsyncSession, version: InstrumentVersion) -> set[uuid.UUID]:
    """Who sent this version for review (each time it was), from the audit trail."""
    actors = await session.scalars(
        select(AuditEvent.actor_id).where(
            AuditEvent.record_type == "instrument_version",
            AuditEvent.record_id == str(version.id),
            AuditEvent.action == "instrument_version.review_requested",
            AuditEvent.actor_id.is_not(None),
        )
    )
    return {a for a in actors if a is not None}


@dataclass
class ReviewOutcome:
    """The reviews of a version, which of them count, and whether it may be published."""

    reviews: list[Review]
    policy: ReviewPolicy
    approver_organisation_ids: list[uuid.UUID]
    rule: str
    rule_cy: str
    qualifying: int = 0
    changes: int = 0
    not_counted: dict[uuid.UUID, str] = field(default_factory=dict)
    """Why a review does not count (by review id); absent: it counts or is not an approval."""
    not_counted_cy: dict[uuid.UUID, str] = field(default_factory=dict)
    """The same, in Welsh."""
    blocking: list[str] = field(default_factory=list)
    blocking_cy: list[str] = field(default_factory=list)
    """What stops publication, in Welsh, one for each of ``blocking``."""


def _roles_text(roles: list[str]) -> str:
    return " or ".join(word(ROLE, r, "en") if r in ROLE else r.replace("_", " ") for r in roles)


def _roles_cy(roles: list[str], *, after_gan: bool = True) -> str:
    """The roles in Welsh, "neu" softening each after the first; after "gan", which softens
    the first too: "ddefnyddiwr gwasanaeth neu ofalwr"; after "fel", which does not:
    "defnyddiwr gwasanaeth neu ofalwr"."""
    words = [word(ROLE, r, "cy") if r in ROLE else r.replace("_", " ") for r in roles]
    return " neu ".join(soft_mutation(w) if after_gan or n > 0 else w for n, w in enumerate(words))


def _approvals(n: int) -> str:
    return f"{n} approval" if n == 1 else f"{n} approvals"


# Why an approval does not count, in English and Welsh.
_NOT_COUNTED = {
    "editor": (
        "given by someone who created or changed this version",
        "gan rywun a greodd neu a newidiodd y fersiwn hon",
    ),
    "outside": (
        "given outside the organisations the draft was opened to for co-design",
        "y tu allan i'r sefydliadau yr agorwyd y drafft iddynt ar gyfer cyd-ddylunio",
    ),
    "earlier": (
        "given on an earlier revision of the content",
        "ar adolygiad cynharach o'r cynnwys",
    ),
}


async def review_state(
    session: AsyncSession, instrument: Instrument, version: InstrumentVersion
) -> ReviewOutcome:
    """The reviews, and whether publication is allowed. The latest review of each person at
    the current revision is the one that stands. An approval counts when its reviewer acted
    in an approver role of the policy, as a member of an organisation the draft was opened to
    for co-design (never the owner), and did not create or change the version."""
    reviews = list(
        await session.scalars(
            select(Review).where(Review.version_id == version.id).order_by(Review.created_at)
        )
    )
    policy = await get_review_policy(session, instrument.organisation_id)
    approver_orgs = [
        o for o in await invited_orgs(session, version.id) if o != instrument.organisation_id
    ]
    editors = await editors_of(session, instrument, version)
    roles = _roles_text(policy.approver_roles)
    outcome = ReviewOutcome(
        reviews=reviews,
        policy=policy,
        approver_organisation_ids=approver_orgs,
        rule=(
            f"Approvals count from {with_article(roles)} of the organisations this draft was "
            "opened to for co-design (never its owner) who did not create or change this version; "
            f"{policy.min_approvals} needed."
        ),
        rule_cy=(
            f"Mae cymeradwyaeth yn cyfrif gan {_roles_cy(policy.approver_roles)} o'r "
            "sefydliadau yr agorwyd y drafft hwn iddynt ar gyfer cyd-ddylunio (nid ei "
            "berchennog) na chreodd ac na newidiodd y fersiwn hon; mae angen "
            f"{policy.min_approvals}."
        ),
    )
    latest: dict[uuid.UUID, Review] = {}
    for review in reviews:
        if review.revision == version.revision:
            latest[review.reviewer_id] = review
    for r in latest.values():
        if r.decision is ReviewDecision.changes_requested:
            outcome.changes += 1
            continue
        if r.reviewer_id in editors:
            outcome.not_counted[r.id], outcome.not_counted_cy[r.id] = _NOT_COUNTED["editor"]
        elif r.reviewer_organisation_id not in approver_orgs:
            outcome.not_counted[r.id], outcome.not_counted_cy[r.id] = _NOT_COUNTED["outside"]
        elif r.reviewer_role not in policy.approver_roles:
            outcome.not_counted[r.id] = f"given as {r.reviewer_role.replace('_', ' ')}, not {roles}"
            given_as = word(ROLE, r.reviewer_role, "cy") if r.reviewer_role in ROLE else "arall"
            outcome.not_counted_cy[r.id] = (
                f"fel {given_as}, nid fel {_roles_cy(policy.approver_roles, after_gan=False)}"
            )
        else:
            outcome.qualifying += 1
    for r in reviews:
        earlier = r.revision != version.revision and r.decision is ReviewDecision.approved
        if earlier and r.id not in outcome.not_counted:
            outcome.not_counted[r.id], outcome.not_counted_cy[r.id] = _NOT_COUNTED["earlier"]
    blocking, blocking_cy = outcome.blocking, outcome.blocking_cy
    if version.status is not VersionStatus.in_review:
        blocking.append(f"the version is {version.status.value}, not in review")
        blocking_cy.append(
            f"mae'r fersiwn {VERSION_IS_CY[version.status.value]}, nid yn cael ei hadolygu"
        )
    if not approver_orgs:
        blocking.append(
            "the draft was not opened to any organisation other than its owner for co-design, "
            "and only their members' approvals count"
        )
        blocking_cy.append(
            "nid yw'r drafft wedi'i agor i unrhyw sefydliad heblaw ei berchennog ar gyfer "
            "cyd-ddylunio, a dim ond cymeradwyaeth eu haelodau nhw sy'n cyfrif"
        )
    if outcome.qualifying < policy.min_approvals:
        needed = policy.min_approvals
        blocking.append(
            f"{_approvals(needed)} from {with_article(roles)} of the organisations the draft "
            "was opened to "
            f"{'is' if needed == 1 else 'are'} needed; {outcome.qualifying} so far"
        )
        blocking_cy.append(
            f"mae angen {needed} cymeradwyaeth gan {_roles_cy(policy.approver_roles)} o'r "
            f"sefydliadau yr agorwyd y drafft iddynt; {outcome.qualifying} hyd yma"
        )
        uncounted = [r.id for r in latest.values() if r.id in outcome.not_counted]
        if uncounted:
            n = len(uncounted)
            blocking.append(
                f"{_approvals(n)} {'is' if n == 1 else 'are'} not counted: "
                + "; ".join(sorted({outcome.not_counted[i] for i in uncounted}))
            )
            blocking_cy.append(
                f"nid yw {n} cymeradwyaeth yn cyfrif: "
                + "; ".join(sorted({outcome.not_counted_cy[i] for i in uncounted}))
            )
    if outcome.changes:
        n = outcome.changes
        blocking.append(
            f"{n} reviewer asked for changes" if n == 1 else f"{n} reviewers asked for changes"
        )
        blocking_cy.append(f"gofynnodd {n} adolygydd am newidiadau")
    return outcome


async def publish(
    session: AsyncSession, ctx: AuditContext, instrument: Instrument, version: InstrumentVersion
) -> InstrumentVersion:
    state = await review_state(session, instrument, version)
    if state.blocking:
        raise Conflict("Publication is refused: " + "; ".join(state.blocking) + ".")
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
