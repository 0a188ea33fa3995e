"""Organisations of a partnership and the services (teams, wards, day centres) inside them."""

from __future__ import annotations

import enum
import uuid

from sqlalchemy import Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base, IdMixin, TimestampMixin, VersionedMixin
from gwella.organisations.enums import OrganisationKind, ServiceKind


def _enum(cls: type[enum.StrEnum]) -> Enum:
    return Enum(cls, native_enum=False, length=40, validate_strings=True)


class Organisation(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("code_scheme", "code"),)

    name: Mapped[str] = mapped_column(String(200), index=True)
    name_cy: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[OrganisationKind] = mapped_column(_enum(OrganisationKind))
    code_scheme: Mapped[str | None] = mapped_column(String(32))
    code: Mapped[str | None] = mapped_column(String(64))
    is_active: Mapped[bool] = mapped_column(default=True)


class Service(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "services"
    __table_args__ = (UniqueConstraint("organisation_id", "code"),)

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("services.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    name_cy: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[ServiceKind] = mapped_column(_enum(ServiceKind))
    code: Mapped[str | None] = mapped_column(String(64))
    is_active: Mapped[bool] = mapped_column(default=True)
