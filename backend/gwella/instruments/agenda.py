"""What awaits one person in co-design and review, for their home page: drafts in review
whose approval by them would count, and suggestions they may accept or decline. The same
rules as the review and co-design routes (:func:`gwella.policy.acting_role`, the owner's
review rule, "who changed it may not review it"); a few queries whatever the number of
drafts. No HTTP types."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.core.audit import AuditEvent
from gwella.core.errors import Forbidden
from gwella.core.principal import Principal
from gwella.instruments.enums import VersionStatus
from gwella.instruments.models import (
    CodesignOrganisation,
    Contribution,
    ContributionKind,
    ContributionStatus,
    Instrument,
    InstrumentVersion,
    Review,
    ReviewPolicy,
)
from gwella.instruments.review import _EDITING_ACTIONS
from gwella.instruments.service import DEFAULT_APPROVER_ROLES

CANDIDATES = 500
"""At most this many drafts in review are weighed for one person (far more than any has)."""


@dataclass(frozen=True)
class ReviewAsked:
    instrument: Instrument
    version: InstrumentVersion


async def _editing_of(
    session: AsyncSession, user_id: uuid.UUID, versions: list[tuple[Instrument, InstrumentVersion]]
) -> set[uuid.UUID]:
    """Which of these versions ``user_id`` created or changed (as ``review.editors_of`` reads
    it, for one person and many versions at once)."""
    if not versions:
        return set()
    edited: set[uuid.UUID] = set()
    by_record: dict[str, uuid.UUID] = {}
    conditions = [
        and_(
            AuditEvent.record_type == "instrument_version",
            AuditEvent.record_id.in_([str(v.id) for _, v in versions]),
            AuditEvent.action.in_(_EDITING_ACTIONS),
        )
    ]
    for i, v in versions:
        by_record[str(v.id)] = v.id
        if v.number == 1:
            by_record[str(i.id)] = v.id
            if i.created_by_id == user_id:
                edited.add(v.id)
    firsts = [str(i.id) for i, v in versions if v.number == 1]
    if firsts:
        conditions.append(
            and_(
                AuditEvent.record_type == "instrument",
                AuditEvent.record_id.in_(firsts),
                AuditEvent.action == "instrument.created",
            )
        )
    records = await session.scalars(
        select(AuditEvent.record_id).where(AuditEvent.actor_id == user_id, or_(*conditions))
    )
    edited |= {by_record[r] for r in records if r in by_record}
    accepted = await session.scalars(
        select(Contribution.version_id).where(
            Contribution.version_id.in_([v.id for _, v in versions]),
            Contribution.status == ContributionStatus.accepted,
            Contribution.decided_by_id == user_id,
        )
    )
    return edited | set(accepted)


async def reviews_asked_of(p: Principal, session: AsyncSession) -> list[ReviewAsked]:
    """Versions in review that ``p`` has not reviewed at their current revision and whose
    approval by ``p`` would count: the role they would review in (lay roles first, as the
    review route chooses) is one of the owner's approver roles, in an organisation the draft
    was opened to (never the owner), and they did not create or change it. Oldest request
    first."""
    if not p.is_user or not p.member_org_ids:
        return []
    rows = (
        await session.execute(
            select(Instrument, InstrumentVersion)
            .join(InstrumentVersion, InstrumentVersion.instrument_id == Instrument.id)
            .where(
                InstrumentVersion.status == VersionStatus.in_review,
                InstrumentVersion.id.in_(
                    select(CodesignOrganisation.version_id).where(
                        CodesignOrganisation.organisation_id.in_(p.member_org_ids)
                    )
                ),
            )
            .order_by(InstrumentVersion.review_requested_at, InstrumentVersion.id)
            .limit(CANDIDATES)
        )
    ).all()
    candidates = [(i, v) for i, v in rows]
    if not candidates:
        return []
    ids = [v.id for _, v in candidates]
    invited: dict[uuid.UUID, set[uuid.UUID]] = {i: set() for i in ids}
    for version_id, org_id in await session.execute(
        select(CodesignOrganisation.version_id, CodesignOrganisation.organisation_id).where(
            CodesignOrganisation.version_id.in_(ids)
        )
    ):
        invited[version_id].add(org_id)
    owners = {i.organisation_id for i, _ in candidates}
    roles = {o: list(DEFAULT_APPROVER_ROLES) for o in owners}
    for rule in await session.scalars(
        select(ReviewPolicy).where(ReviewPolicy.organisation_id.in_(owners))
    ):
        roles[rule.organisation_id] = list(rule.approver_roles)
    reviewed = set(
        (
            await session.execute(
                select(Review.version_id, Review.revision).where(
                    Review.version_id.in_(ids), Review.reviewer_id == p.id
                )
            )
        ).all()
    )
    editing = await _editing_of(session, p.id, candidates)
    out = []
    for instrument, version in candidates:
        if (version.id, version.revision) in reviewed or version.id in editing:
            continue
        approvers = invited[version.id] - {instrument.organisation_id}
        try:
            org, role = policy.acting_role(
                p, {instrument.organisation_id} | invited[version.id], "review"
            )
        except Forbidden:
            continue
        if org in approvers and role in roles[instrument.organisation_id]:
            out.append(ReviewAsked(instrument, version))
    return out


@dataclass(frozen=True)
class SuggestionToAnswer:
    instrument: Instrument
    version: InstrumentVersion
    contribution: Contribution


async def suggestions_to_answer(
    p: Principal, session: AsyncSession, limit: int
) -> tuple[list[SuggestionToAnswer], int]:
    """Open suggestions (topics and questions; comments are answered, not decided) by others
    on drafts of instruments ``p`` may edit (staff, managers and administrators of the owning
    organisation), oldest first: the first ``limit`` and how many there are."""
    if not p.is_user:
        return [], 0
    editing_orgs = p.orgs_with_role(*policy.EDITOR_ROLES)
    if not editing_orgs:
        return [], 0
    where = (
        Contribution.status == ContributionStatus.open,
        Contribution.kind.in_([ContributionKind.topic, ContributionKind.question]),
        Contribution.author_id != p.id,
        InstrumentVersion.status.in_([VersionStatus.draft, VersionStatus.in_review]),
        Instrument.organisation_id.in_(editing_orgs),
    )
    joined = (
        select(Instrument, InstrumentVersion, Contribution)
        .join(InstrumentVersion, InstrumentVersion.id == Contribution.version_id)
        .join(Instrument, Instrument.id == InstrumentVersion.instrument_id)
        .where(*where)
    )
    total = await session.scalar(
        select(func.count())
        .select_from(Contribution)
        .join(InstrumentVersion, InstrumentVersion.id == Contribution.version_id)
        .join(Instrument, Instrument.id == InstrumentVersion.instrument_id)
        .where(*where)
    )
    rows = await session.execute(
        joined.order_by(Contribution.created_at, Contribution.id).limit(limit)
    )
    return [SuggestionToAnswer(i, v, c) for i, v, c in rows.all()], int(total or 0)
