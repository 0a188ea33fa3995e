"""Replay: the events a subscription was sent (or is still to be sent), in the order they
happened, from a cursor, with each delivery's state.

The order is the outbox's insertion order (the event's sequence number), the order in which
the worker sends each record's events. Each listed event carries its own cursor: a receiver
that stores the cursor of the last event it handled lists from there after an outage. What
is listed is what is kept: finished deliveries are pruned ``GWELLA_WEBHOOK_RETENTION_DAYS``
(30 by default) after their last change; pending ones are kept until they end. An event held
back until the end of its day (an anonymous campaign's release) is listed only from then.
Sequence numbers are taken when the event is written, so an event of a transaction that was
still open when a page was read can appear behind a cursor already passed, within moments
of it; a receiver that must miss nothing lists again from a cursor a little way back and
ignores the `id`s it has seen.
"""

from __future__ import annotations

import base64
import binascii
import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.database import utcnow
from gwella.core.errors import InvalidCursor
from gwella.webhooks.models import WebhookDelivery, WebhookEvent

_PREFIX = "seq:"


def cursor_of(seq: int) -> str:
    """The opaque cursor after the event with sequence number ``seq``."""
    return base64.urlsafe_b64encode(f"{_PREFIX}{seq}".encode()).decode().rstrip("=")


def _seq_of(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()).decode()
        if not raw.startswith(_PREFIX) or not raw[len(_PREFIX) :].isdigit():
            raise ValueError(raw)
        return int(raw[len(_PREFIX) :])
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise InvalidCursor("The cursor is not one this server issued.") from exc


async def list_events(
    session: AsyncSession, subscription_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[list[tuple[WebhookDelivery, WebhookEvent]], str | None]:
    """The subscription's deliveries with their events, oldest event first, after
    ``cursor``; returns them and the cursor of the next page (None on the last)."""
    stmt = (
        select(WebhookDelivery, WebhookEvent)
        .join(WebhookEvent, WebhookEvent.seq == WebhookDelivery.event_seq)
        .where(
            WebhookDelivery.subscription_id == subscription_id,
            WebhookDelivery.created_at <= utcnow(),
        )
        .order_by(WebhookDelivery.event_seq)
        .limit(limit + 1)
    )
    if cursor is not None:
        stmt = stmt.where(WebhookDelivery.event_seq > _seq_of(cursor))
    rows = [(d, e) for d, e in await session.execute(stmt)]
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, cursor_of(rows[-1][1].seq)
