"""Replay: the events a subscription was sent (or is still to be sent), in the order they
happened, from a cursor, with each delivery's state.

Replay never skips an event, the way the change feeds never skip a change
(:mod:`gwella.core.changes`): each delivery carries the change mark of the transaction that
wrote its event, pages are ordered by (mark, event sequence number), and a page hands out
only events whose mark is below the settled bound, under which no transaction still in
flight can write. An event of a transaction still open when a page is read is therefore not
behind that page's cursors: the page stops before it, and it is listed, in its place, once
its transaction commits. (Ordering by sequence number alone is not enough on PostgreSQL: a
transaction that took an earlier number can commit after a later one was listed. On SQLite,
writers take turns under the database lock, so sequence order is commit order already; but
its sequence numbers are row ids, which can be given again once the newest rows are pruned,
and the marks, from a counter that only grows, cannot.) A long transaction holds replay
back until it ends; it never makes it skip.

Each listed event carries its own cursor: a receiver that stores the cursor of the last
event it handled lists from there after an outage. What is listed is what is kept: finished
deliveries are pruned ``GWELLA_WEBHOOK_RETENTION_DAYS`` (30 by default) after their last
change; pending ones are kept until they end. An event held back until the end of its day
(an anonymous campaign's release) is listed only from then: it takes its place in the order
when the worker takes it up for sending after the hold (the mark of that transaction), so it
comes after every event listed meanwhile, never behind a cursor handed out before it, and
its place tells no more than its time does.
"""

from __future__ import annotations

import base64
import binascii
import re
import uuid

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import changes
from gwella.core.database import utcnow
from gwella.core.errors import InvalidCursor
from gwella.core.moments import is_mark
from gwella.webhooks.models import WebhookDelivery, WebhookEvent

_FORM = re.compile(r"m:(\d+):(\d+)")


def cursor_of(delivery: WebhookDelivery) -> str:
    """The opaque cursor after this delivery's event."""
    raw = f"m:{delivery.event_mark}:{delivery.event_seq}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _position(cursor: str) -> tuple[int, int]:
    try:
        raw = base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()).decode()
        found = _FORM.fullmatch(raw)
        if found is None:
            raise ValueError(raw)
        mark, seq = int(found[1]), int(found[2])
        if not (is_mark(mark) and is_mark(seq)):
            raise ValueError(raw)  # past a 64-bit integer: no event has it
        return mark, seq
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise InvalidCursor("The cursor is not one this server issued.") from exc


async def list_events(
    session: AsyncSession, subscription_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[list[tuple[WebhookDelivery, WebhookEvent]], str | None]:
    """The subscription's deliveries with their events, oldest first, after ``cursor``;
    returns them and the cursor of the next page (None when nothing settled is left)."""
    # The bound first: rows read by a later statement are still cut at it.
    bound = await changes.settled_bound(session)
    stmt = (
        select(WebhookDelivery, WebhookEvent)
        .join(WebhookEvent, WebhookEvent.seq == WebhookDelivery.event_seq)
        .where(
            WebhookDelivery.subscription_id == subscription_id,
            WebhookDelivery.event_mark < bound,
            WebhookDelivery.created_at <= utcnow(),
        )
        .order_by(WebhookDelivery.event_mark, WebhookDelivery.event_seq)
        .limit(limit + 1)
    )
    if cursor is not None:
        mark, seq = _position(cursor)
        stmt = stmt.where(
            or_(
                WebhookDelivery.event_mark > mark,
                and_(WebhookDelivery.event_mark == mark, WebhookDelivery.event_seq > seq),
            )
        )
    rows = [(d, e) for d, e in await session.execute(stmt)]
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, cursor_of(rows[-1][0])
