"""Tables of improvement actions: the action, its evidence, the organisations responsible,
supporters, progress updates, the timeline and PDSA cycles."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Enum, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base, IdMixin, TimestampMixin, VersionedMixin, utcnow


def _enum(cls: type[enum.StrEnum]) -> Enum:
    return Enum(cls, native_enum=False, length=32, validate_strings=True)


class ActionStatus(enum.StrEnum):
    proposed = "proposed"
    under_review = "under_review"
    agreed = "agreed"
    in_progress = "in_progress"
    completed = "completed"
    not_taken_forward = "not_taken_forward"


class ActionOrigin(enum.StrEnum):
    service_user = "service_user"
    survey_finding = "survey_finding"
    indicator_signal = "indicator_signal"
    staff = "staff"


class ResponsibilityRole(enum.StrEnum):
    lead = "lead"
    supporting = "supporting"


class ResponsibilityState(enum.StrEnum):
    pending = "pending"
    accepted = "accepted"
    declined = "declined"


class EvidenceKind(enum.StrEnum):
    campaign_result = "campaign_result"
    question = "question"
    indicator = "indicator"
    comment = "comment"


class PdsaDecision(enum.StrEnum):
    adopt = "adopt"
    adapt = "adapt"
    abandon = "abandon"


class Action(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "actions"
    __table_args__ = (
        Index("ix_actions_partnership_created", "partnership_id", "created_at"),
        Index("ix_actions_status_due", "status", "due_date"),
    )

    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnerships.id", ondelete="RESTRICT")
    )
    title: Mapped[dict[str, Any]] = mapped_column()
    description: Mapped[dict[str, Any]] = mapped_column(default=dict)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """The public "you said, we did" summary."""
    origin: Mapped[ActionOrigin] = mapped_column(_enum(ActionOrigin))
    status: Mapped[ActionStatus] = mapped_column(_enum(ActionStatus), default=ActionStatus.proposed)
    closure_reason: Mapped[dict[str, Any] | None] = mapped_column()
    """Why it was not taken forward: public."""
    standard_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("standards.id", ondelete="SET NULL"), index=True
    )
    due_date: Mapped[date | None] = mapped_column()
    progress: Mapped[int] = mapped_column(Integer, default=0)
    proposed_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    proposer_role: Mapped[str] = mapped_column(String(32))
    proposer_organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    decided_at: Mapped[datetime | None] = mapped_column()
    """When it was first agreed or not taken forward (the end of "proposal to decision")."""
    completed_at: Mapped[datetime | None] = mapped_column()
    overdue_notified_at: Mapped[datetime | None] = mapped_column()
    """Set by the worker's overdue pass, so that each action is reported overdue once."""


class ActionEvidence(IdMixin, Base):
    __tablename__ = "action_evidence"

    action_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[EvidenceKind] = mapped_column(_enum(EvidenceKind))
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE")
    )
    question_key: Mapped[str | None] = mapped_column(String(64))
    indicator_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE")
    )
    answer_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE")
    )


class ActionResponsibility(IdMixin, VersionedMixin, Base):
    """One organisation's part in an action: lead or supporting, accepted or declined by its
    administrators or managers, with an owner person from the organisation."""

    __tablename__ = "action_responsibilities"
    __table_args__ = (UniqueConstraint("action_id", "organisation_id"),)

    action_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    role: Mapped[ResponsibilityRole] = mapped_column(_enum(ResponsibilityRole))
    state: Mapped[ResponsibilityState] = mapped_column(
        _enum(ResponsibilityState), default=ResponsibilityState.pending
    )
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_note: Mapped[str | None] = mapped_column(Text)
    decided_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ActionSupport(IdMixin, Base):
    __tablename__ = "action_supports"
    __table_args__ = (UniqueConstraint("action_id", "user_id"),)

    action_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    supporter_role: Mapped[str] = mapped_column(String(32))
    supporter_organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ActionUpdate(IdMixin, Base):
    """A progress note with a percentage, by one of the responsible organisations."""

    __tablename__ = "action_updates"
    __table_args__ = (Index("ix_action_updates_action_created", "action_id", "created_at"),)

    action_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[dict[str, Any]] = mapped_column()
    percent: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ActionEvent(IdMixin, Base):
    """One entry of an action's timeline (the audit trail keeps the full record)."""

    __tablename__ = "action_events"
    __table_args__ = (Index("ix_action_events_action_occurred", "action_id", "occurred_at"),)

    action_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(32))
    to_status: Mapped[str | None] = mapped_column(String(32))
    explanation: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(32))
    """Who proposed or supported (their role), said by the page in its own language."""
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    record_id: Mapped[uuid.UUID | None] = mapped_column()
    """The update, responsibility or PDSA cycle the entry is about, when there is one."""
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)


class PdsaCycle(IdMixin, TimestampMixin, VersionedMixin, Base):
    """Plan, do, study, act; each stage's date becomes an annotation on the chart of the
    indicator that will tell whether the change is an improvement."""

    __tablename__ = "pdsa_cycles"
    __table_args__ = (UniqueConstraint("action_id", "number"),)

    action_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    objective: Mapped[str] = mapped_column(Text)
    prediction: Mapped[str] = mapped_column(Text)
    indicator_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("indicators.id", ondelete="SET NULL")
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    """Whose chart of the indicator the cycle is read on (and annotated)."""
    service_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("services.id", ondelete="RESTRICT")
    )
    planned_on: Mapped[date] = mapped_column()
    do_notes: Mapped[str | None] = mapped_column(Text)
    done_on: Mapped[date | None] = mapped_column()
    study_notes: Mapped[str | None] = mapped_column(Text)
    studied_on: Mapped[date | None] = mapped_column()
    decision: Mapped[PdsaDecision | None] = mapped_column(_enum(PdsaDecision))
    act_notes: Mapped[str | None] = mapped_column(Text)
    acted_on: Mapped[date | None] = mapped_column()
    next_cycle_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("pdsa_cycles.id", ondelete="SET NULL")
    )
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
