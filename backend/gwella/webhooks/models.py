"""Subscriptions, the outbox of events, and their deliveries and attempts."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base, IdMixin, TimestampMixin, VersionedMixin, utcnow

# An autoincrementing 64-bit key on PostgreSQL; SQLite autoincrements only INTEGER keys.
SequenceKey = BigInteger().with_variant(Integer(), "sqlite")


HELD_MARK = (1 << 63) - 1
"""The replay mark of a delivery still held for a later time: above every settled bound, so
replay lists it only once it has its place (see ``WebhookDelivery.event_mark``)."""


class DeliveryStatus(enum.StrEnum):
    pending = "pending"
    """Waiting for its first attempt, for a retry, or for an earlier event of its record."""
    delivered = "delivered"
    """The receiver answered 2xx."""
    failed = "failed"
    """Every attempt failed for the whole retry window; an admin may redeliver it."""


class WebhookSubscription(IdMixin, TimestampMixin, VersionedMixin, Base):
    """An organisation's (or one of its API clients') https endpoint for some event types."""

    __tablename__ = "webhook_subscriptions"

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    api_client_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("api_clients.id", ondelete="CASCADE"), index=True
    )
    """Set when an API client subscribed itself: it manages only its own subscriptions."""
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str | None] = mapped_column(String(200))
    event_types: Mapped[list[str]] = mapped_column()
    is_active: Mapped[bool] = mapped_column(default=True)
    secret_encrypted: Mapped[str] = mapped_column(String(255))
    """The signing secret, encrypted (AES-256-GCM, key derived from GWELLA_SECRET_KEY, the
    row's id as associated data): it must be recoverable to sign, and is never shown again."""
    previous_secret_encrypted: Mapped[str | None] = mapped_column(String(255))
    """After a rotation, the old secret also signs until ``previous_secret_expires_at``."""
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column()
    secret_rotated_at: Mapped[datetime | None] = mapped_column()
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


class WebhookEvent(Base):
    """The outbox: one row per event, written in the transaction of the change."""

    __tablename__ = "webhook_events"
    __table_args__ = (Index("ix_webhook_events_occurred_at", "occurred_at"),)

    seq: Mapped[int] = mapped_column(SequenceKey, primary_key=True, autoincrement=True)
    """Insertion order: events of one record are delivered in this order."""
    id: Mapped[uuid.UUID] = mapped_column(unique=True, default=uuid.uuid4)
    """The public id: the payload's ``id`` and the ``webhook-id`` header."""
    event_type: Mapped[str] = mapped_column(String(64))
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    record_type: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column()
    """The whole body sent: ``{id, type, timestamp, data}``."""
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)


class WebhookDelivery(IdMixin, Base):
    """One event to one subscription: its state, schedule and (while in flight) its lease."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("event_seq", "subscription_id"),
        Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
        Index(
            "ix_webhook_deliveries_record",
            "subscription_id",
            "record_type",
            "record_id",
            "event_seq",
        ),
        Index("ix_webhook_deliveries_subscription_created", "subscription_id", "created_at"),
        Index("ix_webhook_deliveries_replay", "subscription_id", "event_mark", "event_seq"),
    )

    event_seq: Mapped[int] = mapped_column(
        SequenceKey, ForeignKey("webhook_events.seq", ondelete="CASCADE")
    )
    event_mark: Mapped[int] = mapped_column(BigInteger, server_default="0")
    """The change mark of the transaction that wrote the event (:mod:`gwella.core.changes`):
    replay lists by (mark, sequence) and only below the settled bound, so an event committed
    late never appears behind a cursor already handed out. 0 for deliveries older than it.
    :data:`HELD_MARK` while held for a later time: the worker that takes it up after the
    hold gives it the mark of its own transaction, its place in the order."""
    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE")
    )
    record_type: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(64))
    """The event's record, copied here so that the per-record ordering check is one index."""
    status: Mapped[DeliveryStatus] = mapped_column(
        Enum(DeliveryStatus, native_enum=False, length=16, validate_strings=True),
        default=DeliveryStatus.pending,
    )
    attempt_count: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column()
    deadline_at: Mapped[datetime] = mapped_column()
    """Retries stop here (24 hours after the event, or after a redelivery)."""
    locked_by: Mapped[str | None] = mapped_column(String(128))
    locked_until: Mapped[datetime | None] = mapped_column()
    """The lease of the worker sending it now; another worker may take it once it lapses."""
    last_attempt_at: Mapped[datetime | None] = mapped_column()
    last_status_code: Mapped[int | None] = mapped_column()
    last_error: Mapped[str | None] = mapped_column(String(500))
    delivered_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class WebhookAttempt(IdMixin, Base):
    """One HTTP request to a receiver, whatever came of it."""

    __tablename__ = "webhook_attempts"
    __table_args__ = (Index("ix_webhook_attempts_delivery_at", "delivery_id", "attempted_at"),)

    delivery_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE")
    )
    attempted_at: Mapped[datetime] = mapped_column()
    duration_ms: Mapped[int] = mapped_column()
    status_code: Mapped[int | None] = mapped_column()
    error: Mapped[str | None] = mapped_column(String(500))
    response_body: Mapped[str | None] = mapped_column(Text)
    """The start of the receiver's answer (at most 1,000 characters)."""
    worker_id: Mapped[str] = mapped_column(String(128))
