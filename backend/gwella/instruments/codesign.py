"""Co-design of an instrument's draft: suggestions (questions, topics, comments) from the
organisations it is opened to, votes on them, accepting or declining them, and who took part.
No HTTP types."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from gwella.core.pagination import PageParams, paginate
from gwella.instruments.content import PublicContent, PublicQuestion, Question
from gwella.instruments.enums import VersionStatus
from gwella.instruments.models import (
    Contribution,
    ContributionKind,
    ContributionStatus,
    Instrument,
    InstrumentVersion,
    Review,
    Vote,
)
from gwella.instruments.schemas import (
    ContributionAccept,
    ContributionCreate,
)
from gwella.instruments.service import check_content, content_of, dump_content, ensure_draft

CONTRIBUTION_SORTS = {"created_at": Contribution.created_at}


async def add_contribution(
    session: AsyncSession,
    ctx: AuditContext,
    instrument: Instrument,
    version: InstrumentVersion,
    author: tuple[uuid.UUID, uuid.UUID, str],
    data: ContributionCreate,
) -> Contribution:
    author_id, author_org, author_role = author
    ensure_draft(version)
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
        language=data.language,
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
    ensure_draft(version)
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
    check_content(content, instrument.languages, prefix="body")
    version.content = dump_content(content)
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


async def co_designers(session: AsyncSession, version_id: uuid.UUID) -> set[uuid.UUID]:
    """Everyone who took part in designing this version: who suggested, commented, voted or
    reviewed."""
    authors = await session.scalars(
        select(Contribution.author_id).where(Contribution.version_id == version_id)
    )
    voters = await session.scalars(
        select(Vote.user_id)
        .join(Contribution, Contribution.id == Vote.contribution_id)
        .where(Contribution.version_id == version_id)
    )
    reviewers = await session.scalars(
        select(Review.reviewer_id).where(Review.version_id == version_id)
    )
    return {*authors, *voters, *reviewers}


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


async def public_content(session: AsyncSession, version: InstrumentVersion) -> PublicContent:
    """The version's content for the public survey page: each co-designed question credited
    by its contributor's role (as it was when they suggested it), never by their id."""
    content = content_of(version)
    credited = {q.credited_to for q in content.questions if q.credited_to}
    roles: dict[str, str] = {}
    if credited:
        ids = [uuid.UUID(c) for c in credited if _is_uuid(c)]
        rows = await session.execute(
            select(Contribution.author_id, Contribution.author_role)
            .where(
                Contribution.instrument_id == version.instrument_id,
                Contribution.author_id.in_(ids),
                Contribution.status == ContributionStatus.accepted,
            )
            .order_by(Contribution.created_at)
        )
        roles = {str(author): role for author, role in rows}
    return PublicContent(
        sections=content.sections,
        questions=[
            PublicQuestion(
                **q.model_dump(exclude={"credited_to"}),
                credited_role=roles.get(q.credited_to) if q.credited_to else None,
            )
            for q in content.questions
        ],
    )


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
