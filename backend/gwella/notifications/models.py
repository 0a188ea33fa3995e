"""In-app notifications: what the people concerned should look at, in English and Welsh."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Enum, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base, IdMixin, utcnow
from gwella.core.watched import Watched


class Notification(Watched, IdMixin, Base):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_created", "user_id", "created_at"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[dict[str, Any]] = mapped_column()
    body: Mapped[dict[str, Any]] = mapped_column()
    link: Mapped[str | None] = mapped_column(String(500))
    record_type: Mapped[str | None] = mapped_column(String(64))
    record_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column()


class DigestFrequency(enum.StrEnum):
    """How often a person is e-mailed what they have not read: never unless they ask."""

    off = "off"
    daily = "daily"
    weekly = "weekly"


class NotificationDigest(Base):
    """A person's e-mail digest: how often they asked for it, up to when the last one covered
    (``sent_through``: notifications created after it go in the next), and the lease of a
    worker sending one now (``claimed_until``; a worker that dies mid-send lets it lapse)."""

    __tablename__ = "notification_digests"
    __table_args__ = (Index("ix_notification_digests_frequency", "frequency", "sent_through"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    frequency: Mapped[DigestFrequency] = mapped_column(
        Enum(DigestFrequency, native_enum=False, length=16, validate_strings=True),
        default=DigestFrequency.off,
    )
    sent_through: Mapped[datetime | None] = mapped_column()
    claimed_until: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)  # the person's last change
