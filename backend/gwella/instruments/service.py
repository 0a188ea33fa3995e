"""Rules for instruments: versions, co-design, review and publication. No HTTP types."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.concurrency import check_if_match
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from gwella.core.pagination import PageParams, paginate
from gwella.instruments.content import InstrumentContent, Question, validate_content
from gwella.instruments.enums import VersionStatus
from gwella.instruments.models import (
    CodesignOrganisation,
    Contribution,
    ContributionKind,
    ContributionStatus,
    Instrument,
    InstrumentVersion,
    Review,
    ReviewDecision,
    ReviewPolicy,
    Vote,
)
from gwella.instruments.schemas import (
    ContributionAccept,
    ContributionCreate,
    InstrumentCreate,
    InstrumentUpdate,
    ReviewPolicyUpdate,
)

INSTRUMENT_FIELDS = ("code", "title", "description", "languages", "shared_with_partnerships")
SORTS = {"code": Instrument.code, "created_at": Instrument.created_at}
CONTRIBUTION_SORTS = {"created_at": Contribution.created_at}
DEFAULT_APPROVER_ROLES = ["service_user", "carer"]


def _check(content: InstrumentContent, languages: list[str], prefix: str = "body.content") -> None:
    problems = validate_content(content, languages, prefix)
    if problems:
        raise ValidationFailed("The instrument is not valid yet; see errors.", errors=problems)


def _dump(content: InstrumentContent) -> dict[str, Any]:
    return content.model_dump(mode="json", exclude_none=True)


def content_of(version: InstrumentVersion) -> InstrumentContent:
    return InstrumentContent.model_validate(version.content)


async def invited_orgs(session: AsyncSession, version_id: uuid.UUID) -> list[uuid.UUID]:
    rows = await session.scalars(
        select(CodesignOrganisation.organisation_id)
        .where(CodesignOrganisation.version_id == version_id)
        .order_by(CodesignOrganisation.organisation_id)
    )
    return list(rows)


async def codesign_orgs(session: AsyncSession, version: InstrumentVersion) -> set[uuid.UUID]:
    """The organisations whose members may contribute now (none while co-design is closed)."""
    return set(await invited_orgs(session, version.id)) if version.codesign_open else set()


# ----------------------------------------------------------------------------- instruments


async def get_instrument(session: AsyncSession, instrument_id: uuid.UUID) -> Instrument:
    instrument = await session.get(Instrument, instrument_id)
    if instrument is None:
        raise NotFound("No instrument with that id is visible to you.")
    return instrument


async def invited_orgs_by_instrument(
    session: AsyncSession, instrument_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, set[uuid.UUID]]:
    """Per instrument, the organisations ever invited to co-design one of its versions: they
    see it (and review it), whether or not contributing is open right now."""
    ids = set(instrument_ids)
    out: dict[uuid.UUID, set[uuid.UUID]] = {i: set() for i in ids}
    if not ids:
        return out
    rows = await session.execute(
        select(InstrumentVersion.instrument_id, CodesignOrganisation.organisation_id)
        .join(CodesignOrganisation, CodesignOrganisation.version_id == InstrumentVersion.id)
        .where(InstrumentVersion.instrument_id.in_(ids))
    )
    for instrument_id, org_id in rows:
        out[instrument_id].add(org_id)
    return out


async def versions_of(
    session: AsyncSession, instrument_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[InstrumentVersion]]:
    ids = set(instrument_ids)
    out: dict[uuid.UUID, list[InstrumentVersion]] = {i: [] for i in ids}
    if ids:
        rows = await session.scalars(
            select(InstrumentVersion)
            .where(InstrumentVersion.instrument_id.in_(ids))
            .order_by(InstrumentVersion.number)
        )
        for v in rows:
            out[v.instrument_id].append(v)
    return out


async def list_instruments(
    session: AsyncSession,
    params: PageParams,
    *,
    member_orgs: frozenset[uuid.UUID] | None,
    partner_orgs: frozenset[uuid.UUID],
    organisation_id: uuid.UUID | None = None,
    q: str | None = None,
) -> tuple[list[Instrument], str | None]:
    stmt = select(Instrument)
    if member_orgs is not None:
        invited = (
            select(InstrumentVersion.instrument_id)
            .join(CodesignOrganisation, CodesignOrganisation.version_id == InstrumentVersion.id)
            .where(CodesignOrganisation.organisation_id.in_(member_orgs))
        )
        stmt = stmt.where(
            or_(
                Instrument.organisation_id.in_(member_orgs),
                Instrument.organisation_id.in_(partner_orgs)
                & Instrument.shared_with_partnerships.is_(True),
                Instrument.id.in_(invited),
            )
        )
    if organisation_id is not None:
        stmt = stmt.where(Instrument.organisation_id == organisation_id)
    if q:
        stmt = stmt.where(func.lower(Instrument.code).contains(q.lower(), autoescape=True))
    return await paginate(session, stmt, params, SORTS, Instrument.id)


async def create_instrument(
    session: AsyncSession, ctx: AuditContext, data: InstrumentCreate
) -> tuple[Instrument, InstrumentVersion]:
    languages: list[str] = list(dict.fromkeys(data.languages))
    problems = [
        FieldProblem(field=f"body.title.{lang}", message="missing in this language")
        for lang in languages
        if not (data.title.get(lang) or "").strip()
    ]
    if problems:
        raise ValidationFailed("Give the title in each language.", errors=problems)
    _check(data.content, languages)
    exists = await session.scalar(
        select(Instrument.id).where(
            Instrument.organisation_id == data.organisation_id, Instrument.code == data.code
        )
    )
    if exists is not None:
        raise Conflict(f"This organisation already has an instrument with the code {data.code!r}.")
    instrument = Instrument(
        organisation_id=data.organisation_id,
        code=data.code,
        title=data.title.model_dump(exclude_none=True),
        description=(data.description.model_dump(exclude_none=True) if data.description else {}),
        languages=languages,
        shared_with_partnerships=data.shared_with_partnerships,
        created_by_id=ctx.actor_id,
    )
    session.add(instrument)
    await session.flush()
    version = InstrumentVersion(instrument_id=instrument.id, number=1, content=_dump(data.content))
    session.add(version)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="instrument.created",
        record_type="instrument",
        record_id=instrument.id,
        organisation_id=instrument.organisation_id,
        after=audit.snapshot(instrument, INSTRUMENT_FIELDS),
    )
    return instrument, version


async def update_instrument(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    patch: InstrumentUpdate,
    if_match: str | None,
) -> Instrument:
    check_if_match(if_match, instrument.version)
    before = audit.snapshot(instrument, INSTRUMENT_FIELDS)
    sent = patch.model_dump(exclude_unset=True, exclude_none=True)
    if "title" in sent:
        missing = [lang for lang in instrument.languages if not sent["title"].get(lang)]
        if missing:
            raise ValidationFailed(
                "Give the title in each language.",
                errors=[FieldProblem(field=f"body.title.{m}", message="missing") for m in missing],
            )
        instrument.title = sent["title"]
    if "description" in sent:
        instrument.description = sent["description"]
    if "shared_with_partnerships" in sent:
        instrument.shared_with_partnerships = sent["shared_with_partnerships"]
    after = audit.snapshot(instrument, INSTRUMENT_FIELDS)
    if after != before:
        await session.flush()
        await audit.record(
            session,
            ctx,
            action="instrument.updated",
            record_type="instrument",
            record_id=instrument.id,
            organisation_id=instrument.organisation_id,
            before=before,
            after=after,
        )
    return instrument


# -------------------------------------------------------------------------------- versions


async def get_version(session: AsyncSession, version_id: uuid.UUID) -> InstrumentVersion:
    version = await session.get(InstrumentVersion, version_id)
    if version is None:
        raise NotFound("No instrument version with that id is visible to you.")
    return version


def _ensure_draft(version: InstrumentVersion) -> None:
    if version.status is VersionStatus.published:
        raise Conflict("A published version never changes; start a new draft version to change it.")


async def update_content(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    version: InstrumentVersion,
    content: InstrumentContent,
    if_match: str | None,
) -> InstrumentVersion:
    """Saving a draft; saving during review sends it back to draft (reviews saw old text)."""
    check_if_match(if_match, version.version)
    _ensure_draft(version)
    _check(content, instrument.languages)
    new = _dump(content)
    if new == version.content:
        return version
    before_keys = [q["key"] for q in version.content.get("questions", [])]
    version.content = new
    version.revision += 1
    if version.status is VersionStatus.in_review:
        version.status = VersionStatus.draft
        version.review_requested_at = None
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="instrument_version.content_changed",
        record_type="instrument_version",
        record_id=version.id,
        organisation_id=instrument.organisation_id,
        before={"question_keys": before_keys},
        after={
            "question_keys": [q["key"] for q in new.get("questions", [])],
            "revision": version.revision,
        },
    )
    return version


async def start_new_draft(
    session: AsyncSession, ctx: AuditContext, instrument: Instrument
) -> InstrumentVersion:
    versions = (await versions_of(session, [instrument.id]))[instrument.id]
    if any(v.status is not VersionStatus.published for v in versions):
        raise Conflict("This instrument already has a draft version; change that one.")
    latest = versions[-1]
    version = InstrumentVersion(
        instrument_id=instrument.id, number=latest.number + 1, content=dict(latest.content)
    )
    session.add(version)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="instrument_version.created",
        record_type="instrument_version",
        record_id=version.id,
        organisation_id=instrument.organisation_id,
        after={"number": version.number, "from_version": latest.number},
    )
    return version


async def set_codesign(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    version: InstrumentVersion,
    open_: bool,
    org_ids: list[uuid.UUID],
) -> InstrumentVersion:
    _ensure_draft(version)
    current = await invited_orgs(session, version.id)
    wanted = sorted(set(org_ids), key=str)
    before = {"codesign_open": version.codesign_open, "organisation_ids": current}
    after = {"codesign_open": open_, "organisation_ids": wanted}
    if set(current) != set(wanted):
        await session.execute(
            delete(CodesignOrganisation).where(CodesignOrganisation.version_id == version.id)
        )
        session.add_all(
            CodesignOrganisation(version_id=version.id, organisation_id=o) for o in wanted
        )
    if after != before:
        version.codesign_open = open_
        await session.flush()
        await audit.record(
            session,
            ctx,
            action="instrument_version.codesign_changed",
            record_type="instrument_version",
            record_id=version.id,
            organisation_id=instrument.organisation_id,
            before=before,
            after=after,
        )
    return version


# --------------------------------------------------------------------------- contributions


async def add_contribution(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    version: InstrumentVersion,
    author: tuple[uuid.UUID, uuid.UUID, str],
    data: ContributionCreate,
) -> Contribution:
    author_id, author_org, author_role = author
    _ensure_draft(version)
    content = content_of(version)
    if data.kind is ContributionKind.comment:
        if data.question_key not in {q.key for q in content.questions}:
            raise ValidationFailed(
                "A comment is on one of the draft's questions.",
                errors=[FieldProblem(field="body.question_key", message="no such question")],
            )
    elif data.question_key is not None:
        raise ValidationFailed(
            "Only comments name a question.",
            errors=[FieldProblem(field="body.question_key", message="only for comments")],
        )
    if data.proposed_question is not None and data.kind is not ContributionKind.question:
        raise ValidationFailed(
            "Only question suggestions carry a proposed question.",
            errors=[FieldProblem(field="body.proposed_question", message="only for questions")],
        )
    contribution = Contribution(
        version_id=version.id,
        instrument_id=instrument.id,
        kind=data.kind,
        author_id=author_id,
        author_role=author_role,
        author_organisation_id=author_org,
        question_key=data.question_key,
        body=data.body,
        rationale=data.rationale,
        proposed_question=(
            data.proposed_question.model_dump(mode="json", exclude_none=True)
            if data.proposed_question
            else None
        ),
    )
    session.add(contribution)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action=f"contribution.{data.kind.value}_added",
        record_type="contribution",
        record_id=contribution.id,
        organisation_id=instrument.organisation_id,
        after={"author_role": author_role, "kind": data.kind.value},
    )
    return contribution


async def get_contribution(session: AsyncSession, contribution_id: uuid.UUID) -> Contribution:
    contribution = await session.get(Contribution, contribution_id)
    if contribution is None:
        raise NotFound("No contribution with that id is visible to you.")
    return contribution


async def list_contributions(
    session: AsyncSession,
    params: PageParams,
    version_id: uuid.UUID,
    kind: ContributionKind | None,
    status: ContributionStatus | None,
) -> tuple[list[Contribution], str | None]:
    stmt = select(Contribution).where(Contribution.version_id == version_id)
    if kind is not None:
        stmt = stmt.where(Contribution.kind == kind)
    if status is not None:
        stmt = stmt.where(Contribution.status == status)
    return await paginate(session, stmt, params, CONTRIBUTION_SORTS, Contribution.id)


async def vote_counts(
    session: AsyncSession, contribution_ids: Iterable[uuid.UUID], user_id: uuid.UUID
) -> tuple[dict[uuid.UUID, int], set[uuid.UUID]]:
    ids = set(contribution_ids)
    if not ids:
        return {}, set()
    rows = await session.execute(
        select(Vote.contribution_id, func.count())
        .where(Vote.contribution_id.in_(ids))
        .group_by(Vote.contribution_id)
    )
    mine = await session.scalars(
        select(Vote.contribution_id).where(Vote.contribution_id.in_(ids), Vote.user_id == user_id)
    )
    return {cid: int(n) for cid, n in rows}, set(mine)


async def vote(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    contribution: Contribution,
    voter: tuple[uuid.UUID, uuid.UUID, str],
) -> Vote:
    user_id, org_id, role = voter
    if contribution.kind is ContributionKind.comment:
        raise Conflict("Suggestions are voted on; comments are not.")
    if contribution.status is not ContributionStatus.open:
        raise Conflict(f"This suggestion has been {contribution.status.value}.")
    existing = await session.scalar(
        select(Vote.id).where(Vote.contribution_id == contribution.id, Vote.user_id == user_id)
    )
    if existing is not None:
        raise Conflict("You have already voted for this suggestion.")
    record = Vote(
        contribution_id=contribution.id,
        user_id=user_id,
        voter_role=role,
        voter_organisation_id=org_id,
    )
    session.add(record)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="contribution.voted",
        record_type="contribution",
        record_id=contribution.id,
        organisation_id=instrument.organisation_id,
        after={"voter_role": role},
    )
    return record


async def withdraw_vote(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    contribution: Contribution,
    user_id: uuid.UUID,
) -> None:
    record = await session.scalar(
        select(Vote).where(Vote.contribution_id == contribution.id, Vote.user_id == user_id)
    )
    if record is None:
        raise NotFound("You have not voted for this suggestion.")
    await session.delete(record)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="contribution.vote_withdrawn",
        record_type="contribution",
        record_id=contribution.id,
        organisation_id=instrument.organisation_id,
    )


def _ensure_open(contribution: Contribution) -> None:
    if contribution.status is not ContributionStatus.open:
        raise Conflict(f"This contribution has already been {contribution.status.value}.")


async def accept_contribution(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    version: InstrumentVersion,
    contribution: Contribution,
    data: ContributionAccept,
) -> Contribution:
    """Accepting a suggestion adds its question to the draft, credited to its author."""
    _ensure_open(contribution)
    _ensure_draft(version)
    if contribution.kind is ContributionKind.comment:
        raise Conflict("Comments are read and answered, not accepted; edit the question instead.")
    question: Question | None = data.question
    if question is None and contribution.proposed_question is not None:
        question = Question.model_validate(contribution.proposed_question)
    if question is None:
        raise ValidationFailed(
            "Give the question this suggestion becomes.",
            errors=[FieldProblem(field="body.question", message="required for this suggestion")],
        )
    question = question.model_copy(update={"credited_to": str(contribution.author_id)})
    content = content_of(version)
    content.questions.append(question)
    _check(content, instrument.languages, prefix="body")
    version.content = _dump(content)
    version.revision += 1
    if version.status is VersionStatus.in_review:
        version.status = VersionStatus.draft
        version.review_requested_at = None
    contribution.status = ContributionStatus.accepted
    contribution.decision_reason = data.reason
    contribution.decided_by_id = ctx.actor_id
    contribution.decided_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="contribution.accepted",
        record_type="contribution",
        record_id=contribution.id,
        organisation_id=instrument.organisation_id,
        before={"status": "open"},
        after={"status": "accepted", "question_key": question.key},
    )
    return contribution


async def decline_contribution(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    contribution: Contribution,
    reason: str,
) -> Contribution:
    _ensure_open(contribution)
    if contribution.kind is ContributionKind.comment:
        raise Conflict("Comments are not declined; answer them in a comment of your own.")
    contribution.status = ContributionStatus.declined
    contribution.decision_reason = reason
    contribution.decided_by_id = ctx.actor_id
    contribution.decided_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="contribution.declined",
        record_type="contribution",
        record_id=contribution.id,
        organisation_id=instrument.organisation_id,
        before={"status": "open"},
        after={"status": "declined", "reason": reason},
    )
    return contribution


# -------------------------------------------------------------------- review and publication


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
    _check(content, instrument.languages, prefix="content")
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


# ------------------------------------------------------------------------------ involvement


async def involvement(
    session: AsyncSession,
    *,
    instrument_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
) -> dict[str, dict[str, int]]:
    """Counts by role: suggestions, comments, votes, and suggestions accepted."""
    contribution_filter = []
    if instrument_id is not None:
        contribution_filter.append(Contribution.instrument_id == instrument_id)
    if organisation_id is not None:
        contribution_filter.append(
            Contribution.instrument_id.in_(
                select(Instrument.id).where(Instrument.organisation_id == organisation_id)
            )
        )
    rows = await session.execute(
        select(Contribution.kind, Contribution.status, Contribution.author_role, func.count())
        .where(*contribution_filter)
        .group_by(Contribution.kind, Contribution.status, Contribution.author_role)
    )
    out: dict[str, dict[str, int]] = {
        "suggestions": {},
        "comments": {},
        "votes": {},
        "suggestions_accepted": {},
    }
    for kind, status, role, n in rows:
        bucket = "comments" if kind is ContributionKind.comment else "suggestions"
        out[bucket][role] = out[bucket].get(role, 0) + int(n)
        if bucket == "suggestions" and status is ContributionStatus.accepted:
            out["suggestions_accepted"][role] = out["suggestions_accepted"].get(role, 0) + int(n)
    votes = await session.execute(
        select(Vote.voter_role, func.count())
        .join(Contribution, Contribution.id == Vote.contribution_id)
        .where(*contribution_filter)
        .group_by(Vote.voter_role)
    )
    for role, n in votes:
        out["votes"][role] = int(n)
    return out
