"""Frameworks, standards, indicators and their measurements per organisation or service."""

from __future__ import annotations

import enum
import json
import uuid
import zlib
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Enum, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base, IdMixin, TimestampMixin, VersionedMixin, utcnow


class Direction(enum.StrEnum):
    higher_is_better = "higher_is_better"
    lower_is_better = "lower_is_better"
    neutral = "neutral"


class MeasurementSource(enum.StrEnum):
    push = "push"
    derived = "derived"
    manual = "manual"


class Framework(IdMixin, TimestampMixin, Base):
    __tablename__ = "frameworks"

    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[dict[str, Any]] = mapped_column()
    description: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Standard(IdMixin, Base):
    __tablename__ = "standards"
    __table_args__ = (UniqueConstraint("framework_id", "code"),)

    framework_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("frameworks.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(64))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[dict[str, Any]] = mapped_column()


class Indicator(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "indicators"

    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[dict[str, Any]] = mapped_column()
    definition: Mapped[dict[str, Any]] = mapped_column(default=dict)
    unit: Mapped[str] = mapped_column(String(32))
    direction: Mapped[Direction] = mapped_column(
        Enum(Direction, native_enum=False, length=20, validate_strings=True)
    )
    target: Mapped[float | None] = mapped_column(Float)
    standard_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("standards.id", ondelete="SET NULL"), index=True
    )
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    """The owning organisation; none for a shared (e.g. national) definition."""


class Measurement(IdMixin, TimestampMixin, Base):
    """One value of an indicator for an organisation or one of its services, over a period."""

    __tablename__ = "measurements"
    __table_args__ = (
        UniqueConstraint("indicator_id", "unit_key", "period_start", "period_end"),
        Index("ix_measurements_series", "indicator_id", "unit_key", "period_end"),
        UniqueConstraint("source_organisation_id", "external_id"),
        Index("ix_measurements_changes", "source_organisation_id", "change_seq", "id"),
    )

    indicator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    service_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("services.id", ondelete="RESTRICT")
    )
    unit_key: Mapped[str] = mapped_column(String(48))
    """``org:<id>`` or ``svc:<id>``: the unit measured, never null, so it can be unique."""
    period_start: Mapped[date] = mapped_column()
    period_end: Mapped[date] = mapped_column()
    value: Mapped[float] = mapped_column(Float)
    numerator: Mapped[float | None] = mapped_column(Float)
    denominator: Mapped[float | None] = mapped_column(Float)
    source: Mapped[MeasurementSource] = mapped_column(
        Enum(MeasurementSource, native_enum=False, length=16, validate_strings=True)
    )
    source_organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    recorded_at: Mapped[datetime | None] = mapped_column()
    external_id: Mapped[str | None] = mapped_column(String(200))
    """For pushed measurements: the partner system's own id (unique per pushing
    organisation), to read back, sync and retract by."""
    change_seq: Mapped[int | None] = mapped_column(BigInteger)
    """Pushed measurements: the change mark of their last write, for the partner's change
    feed (:mod:`gwella.core.changes`)."""


class MeasurementTombstone(Base):
    """A pushed measurement retracted by its partner, for the change feed."""

    __tablename__ = "measurement_tombstones"
    __table_args__ = (
        Index("ix_measurement_tombstones_changes", "source_organisation_id", "change_seq", "id"),
        Index("ix_measurement_tombstones_external", "source_organisation_id", "external_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    """The retracted measurement's id."""
    source_organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    external_id: Mapped[str] = mapped_column(String(200))
    indicator_id: Mapped[uuid.UUID] = mapped_column()
    change_seq: Mapped[int] = mapped_column(BigInteger)
    retracted_at: Mapped[datetime] = mapped_column()


class Annotation(IdMixin, Base):
    """A note at a date on an indicator's chart (a change made, an event, a PDSA cycle)."""

    __tablename__ = "annotations"
    __table_args__ = (Index("ix_annotations_series", "indicator_id", "organisation_id", "on_date"),)

    indicator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    service_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("services.id", ondelete="RESTRICT")
    )
    on_date: Mapped[date] = mapped_column()
    text: Mapped[dict[str, Any]] = mapped_column()
    kind: Mapped[str] = mapped_column(String(32), default="note")
    """``note`` (by a person), or the origin of an automatic one (e.g. ``action_milestone``)."""
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def version(self) -> int:
        """Its entity tag: a digest of what it says and where it sits (a note has no version
        column; an edit changes the digest, so a stale If-Match is refused all the same)."""
        said = json.dumps([self.on_date.isoformat(), self.text], sort_keys=True)
        return zlib.crc32(said.encode("utf-8"))
