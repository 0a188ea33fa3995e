"""The append-only audit trail: who did what to which record, when and from where.

Events are written in the same transaction as the change they describe (services call
:func:`record`); the database refuses UPDATE and DELETE on the table (see the migration).
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Enum, Index, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base, utcnow
from gwella.core.watched import Watched


class ActorType(enum.StrEnum):
    user = "user"
    api_client = "api_client"
    anonymous = "anonymous"
    system = "system"


@dataclass(frozen=True)
class AuditContext:
    """Who is acting and from where; built once per request by the auth layer."""

    actor_type: ActorType
    actor_id: uuid.UUID | None
    actor_label: str
    request_id: str | None = None
    client_address: str | None = None

    @classmethod
    def system(cls, label: str = "system") -> AuditContext:
        return cls(ActorType.system, None, label)


class AuditEvent(Watched, Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_record", "record_type", "record_id"),
        Index("ix_audit_events_organisation_occurred", "organisation_id", "occurred_at"),
        Index("ix_audit_events_occurred_at", "occurred_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_type: Mapped[ActorType] = mapped_column(
        Enum(ActorType, native_enum=False, length=16, validate_strings=True)
    )
    actor_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    actor_label: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(64), index=True)
    record_type: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(64))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column()
    partnership_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    request_id: Mapped[str | None] = mapped_column(String(128))
    client_address: Mapped[str | None] = mapped_column(String(64))


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def snapshot(obj: object, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: _jsonable(getattr(obj, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """``{field: {"before": …, "after": …}}`` for the fields whose value changed."""
    keys = sorted(set(before) | set(after))
    return {
        k: {"before": before.get(k), "after": after.get(k)}
        for k in keys
        if before.get(k) != after.get(k)
    }


async def record(
    session: AsyncSession,
    ctx: AuditContext,
    *,
    action: str,
    record_type: str,
    record_id: uuid.UUID | str,
    organisation_id: uuid.UUID | None = None,
    partnership_id: uuid.UUID | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    occurred_at: datetime | None = None,
) -> AuditEvent:
    """Add an audit event to the session's transaction (flushed with the change)."""
    event = AuditEvent(
        actor_type=ctx.actor_type,
        actor_id=ctx.actor_id,
        actor_label=ctx.actor_label[:320],
        action=action,
        record_type=record_type,
        record_id=str(record_id),
        organisation_id=organisation_id,
        partnership_id=partnership_id,
        changes=diff(_jsonable(before or {}), _jsonable(after or {})),
        request_id=ctx.request_id,
        client_address=ctx.client_address,
    )
    if occurred_at is not None:  # e.g. coarsened, for anonymous responses
        event.occurred_at = occurred_at
    session.add(event)
    return event
