"""Responses (one completed instrument) and their answers, with free-text moderation."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base, IdMixin


class Moderation(enum.StrEnum):
    new = "new"
    published = "published"
    redacted = "redacted"


class Response(IdMixin, Base):
    __tablename__ = "responses"
    __table_args__ = (
        UniqueConstraint("campaign_id", "submission_id"),
        UniqueConstraint("source_organisation_id", "external_id"),
        Index("ix_responses_campaign_service", "campaign_id", "service_id"),
        Index("ix_responses_changes", "source_organisation_id", "change_seq", "id"),
    )

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaigns.id", ondelete="RESTRICT"))
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("services.id", ondelete="RESTRICT"))
    instrument_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("instrument_versions.id", ondelete="RESTRICT")
    )
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(2))
    submission_id: Mapped[uuid.UUID] = mapped_column()
    """The client's own id for this submission: a retry with it is the same response."""
    content_hash: Mapped[str] = mapped_column(String(64))
    submitted_at: Mapped[datetime] = mapped_column()
    """Coarsened to the day (00:00 UTC) when the campaign is anonymous."""
    respondent_hash: Mapped[str | None] = mapped_column(String(64))
    respondent_reference: Mapped[str | None] = mapped_column(String(200))
    consent_recorded_at: Mapped[datetime | None] = mapped_column()
    entered_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    source_organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    """For pushed responses: the organisation whose system sent it (with ``external_id``, the
    key that makes a repeated push recognised, never duplicated)."""
    external_id: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime | None] = mapped_column()
    """Pushed responses: when last stored or changed (its day only, for anonymous
    campaigns)."""
    change_seq: Mapped[int | None] = mapped_column(BigInteger)
    """Pushed responses: the change mark of their last write, for the partner's change feed
    (:mod:`gwella.core.changes`)."""
    record_key: Mapped[int] = mapped_column(Integer, server_default="0")
    """A random number given when stored and never shown: the cell key method adds up the
    keys of a cell's records (see :mod:`gwella.disclosure.cellkey`)."""
    held: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Part of a burst from one address through a public link: not counted until staff
    approve it."""


class ResponseTombstone(Base):
    """A pushed response retracted by its partner: what the change feed says of it once the
    response itself is gone (its id and external id only)."""

    __tablename__ = "response_tombstones"
    __table_args__ = (
        Index("ix_response_tombstones_changes", "source_organisation_id", "change_seq", "id"),
        Index("ix_response_tombstones_external", "source_organisation_id", "external_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    """The retracted response's id."""
    source_organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    external_id: Mapped[str] = mapped_column(String(200))
    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaigns.id", ondelete="RESTRICT"))
    change_seq: Mapped[int] = mapped_column(BigInteger)
    retracted_at: Mapped[datetime] = mapped_column()
    """When it was retracted (its day only, for anonymous campaigns)."""


class Answer(IdMixin, Base):
    __tablename__ = "answers"
    __table_args__ = (
        # Also the index for finding a response's answers (its first column).
        UniqueConstraint("response_id", "question_key"),
        # Only free-text answers are moderated: the other answers (most of the table) stay
        # out of this index, so that writing a response maintains one entry, not twelve.
        Index(
            "ix_answers_moderation",
            "moderation",
            "response_id",
            postgresql_where=text("moderation IS NOT NULL"),
            sqlite_where=text("moderation IS NOT NULL"),
        ),
    )

    response_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(64))
    value: Mapped[dict[str, Any]] = mapped_column()
    """``{"v": <the answer>}``: a string, number, list of strings, or ``"dont_know"``."""
    text: Mapped[str | None] = mapped_column(Text)
    """Free-text answers: the respondent's words (shown beyond its service once published)."""
    moderation: Mapped[Moderation | None] = mapped_column(
        Enum(Moderation, native_enum=False, length=16, validate_strings=True)
    )
    moderated_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    moderated_at: Mapped[datetime | None] = mapped_column()
    moderation_note: Mapped[str | None] = mapped_column(Text)


class SubmissionCounter(Base):
    """Public submissions per address in one window of time (a few minutes, for the rate
    limit; a day, for bursts).

    The address is kept only as a keyed hash salted with the window, so counters of two
    windows cannot be joined; a counter is deleted once its window is over. Nothing here
    names a response."""

    __tablename__ = "submission_counters"
    __table_args__ = (Index("ix_submission_counters_expires_at", "expires_at"),)

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column()
    count: Mapped[int] = mapped_column(Integer, default=0)
