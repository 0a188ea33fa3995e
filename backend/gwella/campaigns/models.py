"""Campaigns: one administration of a published instrument version to chosen services."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, Enum, ForeignKey, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from gwella.campaigns.enums import Anonymity
from gwella.core.database import Base, IdMixin, TimestampMixin, VersionedMixin


class Campaign(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "campaigns"

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    instrument_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("instruments.id", ondelete="RESTRICT"), index=True
    )
    instrument_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("instrument_versions.id", ondelete="RESTRICT")
    )
    name: Mapped[str] = mapped_column(String(200))
    """The English name; empty when the campaign is named in Welsh only (kept NOT NULL: on
    SQLite a change of nullability rebuilds the table, and the rebuild's implicit delete would
    cascade to the campaign's services and results)."""
    name_cy: Mapped[str | None] = mapped_column(String(200))
    """The Welsh name: at least one of ``name`` and ``name_cy`` is written."""
    opens_at: Mapped[datetime] = mapped_column()
    closes_at: Mapped[datetime] = mapped_column()
    channels: Mapped[list[str]] = mapped_column()
    anonymity: Mapped[Anonymity] = mapped_column(
        Enum(Anonymity, native_enum=False, length=16, validate_strings=True)
    )
    min_cell_size: Mapped[int] = mapped_column(Integer, default=5)
    languages: Mapped[list[str]] = mapped_column()
    requires_access_code: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    """Web responses need a single-use access code (printed on a card or sent by text)."""
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


class CampaignService(IdMixin, Base):
    """A service a campaign runs in, with its own unguessable public link."""

    __tablename__ = "campaign_services"
    __table_args__ = (UniqueConstraint("campaign_id", "service_id"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    service_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("services.id", ondelete="RESTRICT"), index=True
    )
    public_token: Mapped[str] = mapped_column(String(64), unique=True)


class AccessCodeBatch(IdMixin, Base):
    """Single-use access codes made together for one service's link."""

    __tablename__ = "access_code_batches"

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("services.id", ondelete="RESTRICT"))
    label: Mapped[str | None] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column()
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    revoked_at: Mapped[datetime | None] = mapped_column()


class AccessCode(Base):
    """One code, kept only as a keyed hash. Whether it was used is kept, never when or by which
    response."""

    __tablename__ = "access_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    batch_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("access_code_batches.id", ondelete="CASCADE"), index=True
    )
    used: Mapped[bool] = mapped_column(Boolean, default=False)
