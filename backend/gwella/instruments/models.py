"""Instruments (survey questionnaires), their versions, co-design contributions and reviews."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Enum, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base, IdMixin, TimestampMixin, VersionedMixin, utcnow
from gwella.instruments.enums import VersionStatus


def _enum(cls: type[enum.StrEnum]) -> Enum:
    return Enum(cls, native_enum=False, length=32, validate_strings=True)


class ContributionKind(enum.StrEnum):
    topic = "topic"
    question = "question"
    comment = "comment"


class ContributionStatus(enum.StrEnum):
    open = "open"
    accepted = "accepted"
    declined = "declined"


class ReviewDecision(enum.StrEnum):
    approved = "approved"
    changes_requested = "changes_requested"


class Instrument(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "instruments"
    __table_args__ = (UniqueConstraint("organisation_id", "code"),)

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    code: Mapped[str] = mapped_column(String(64))
    title: Mapped[dict[str, Any]] = mapped_column()
    description: Mapped[dict[str, Any]] = mapped_column(default=dict)
    languages: Mapped[list[str]] = mapped_column()
    shared_with_partnerships: Mapped[bool] = mapped_column(default=False)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


class InstrumentVersion(IdMixin, TimestampMixin, VersionedMixin, Base):
    """One version; once published its content never changes (a change starts a new draft)."""

    __tablename__ = "instrument_versions"
    __table_args__ = (UniqueConstraint("instrument_id", "number"),)

    instrument_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("instruments.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[VersionStatus] = mapped_column(_enum(VersionStatus), default=VersionStatus.draft)
    content: Mapped[dict[str, Any]] = mapped_column()
    revision: Mapped[int] = mapped_column(Integer, default=1)
    """Bumped on every content change; a review counts only for the revision it saw."""
    codesign_open: Mapped[bool] = mapped_column(default=False)
    review_requested_at: Mapped[datetime | None] = mapped_column()
    published_at: Mapped[datetime | None] = mapped_column()
    published_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


class CodesignOrganisation(Base):
    """An organisation invited to co-design a draft (e.g. the service user forum)."""

    __tablename__ = "instrument_codesign_organisations"

    version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("instrument_versions.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Contribution(IdMixin, Base):
    """A co-design contribution: a topic or question suggested, or a comment on a question.
    The author's role is kept, so involvement itself is measurable."""

    __tablename__ = "contributions"
    __table_args__ = (Index("ix_contributions_version_created", "version_id", "created_at"),)

    version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("instrument_versions.id", ondelete="CASCADE")
    )
    instrument_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("instruments.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ContributionKind] = mapped_column(_enum(ContributionKind))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    author_role: Mapped[str] = mapped_column(String(32))
    author_organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    question_key: Mapped[str | None] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(2))
    """The language the body is written in (en or cy); null for those written before it was
    recorded."""
    rationale: Mapped[str | None] = mapped_column(Text)
    proposed_question: Mapped[dict[str, Any] | None] = mapped_column()
    status: Mapped[ContributionStatus] = mapped_column(
        _enum(ContributionStatus), default=ContributionStatus.open
    )
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decided_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Vote(IdMixin, Base):
    __tablename__ = "contribution_votes"
    __table_args__ = (UniqueConstraint("contribution_id", "user_id"),)

    contribution_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    voter_role: Mapped[str] = mapped_column(String(32))
    voter_organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Review(IdMixin, Base):
    __tablename__ = "instrument_reviews"

    version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("instrument_versions.id", ondelete="CASCADE"), index=True
    )
    reviewer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    reviewer_role: Mapped[str] = mapped_column(String(32))
    reviewer_organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    revision: Mapped[int] = mapped_column(Integer)
    decision: Mapped[ReviewDecision] = mapped_column(_enum(ReviewDecision))
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReviewPolicy(TimestampMixin, VersionedMixin, Base):
    """Per organisation: how many approvals, from which roles, publishing needs."""

    __tablename__ = "instrument_review_policies"

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    min_approvals: Mapped[int] = mapped_column(Integer, default=1)
    approver_roles: Mapped[list[str]] = mapped_column()
