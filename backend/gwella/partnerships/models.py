"""Partnerships: organisations that have agreed to manage performance together."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base, IdMixin, TimestampMixin, VersionedMixin, utcnow
from gwella.core.principals import AffectsPrincipals


class Partnership(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "partnerships"

    name: Mapped[str] = mapped_column(String(200), index=True)
    name_cy: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    description_cy: Mapped[str | None] = mapped_column(Text)


class PartnershipMember(AffectsPrincipals, IdMixin, Base):
    """One stay of an organisation in a partnership; leaving sets ``left_at`` and keeps the
    row, so the history of who shared what, when, survives."""

    __tablename__ = "partnership_members"
    __table_args__ = (
        Index("ix_partnership_members_active", "partnership_id", "organisation_id", "left_at"),
        Index("ix_partnership_members_organisation_id", "organisation_id"),
    )

    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnerships.id", ondelete="CASCADE")
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    left_at: Mapped[datetime | None] = mapped_column()


class PartnershipLead(IdMixin, Base):
    """A person appointed to lead a partnership across its organisations: sees the
    partnership's indicators side by side, hears of their signals, agrees joint actions.
    A lead belongs to an organisation that is a member of the partnership."""

    __tablename__ = "partnership_leads"
    __table_args__ = (UniqueConstraint("partnership_id", "user_id"),)

    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnerships.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    # The member organisation the lead comes from; leaving it ends the appointment.
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    appointed_at: Mapped[datetime] = mapped_column(default=utcnow)
    appointed_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
