"""Claiming due deliveries and loading what sending them needs (see :mod:`.delivery` for
the whole story: leases, order per record, at least once).

The worker's hot path reads and writes the tables with Core statements: no ORM objects,
identity map or unit of work per delivery (they cost more CPU than the request itself). On
PostgreSQL one statement claims a batch and returns its events and subscriptions.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any, TypeAlias, cast

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    Table,
    any_,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased

from gwella.core import changes
from gwella.webhooks.models import (
    HELD_MARK,
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from gwella.webhooks.sending import Job, encode_body
from gwella.webhooks.signing import SecretUnreadable, decrypt_secret

deliveries = cast(Table, WebhookDelivery.__table__)
events = cast(Table, WebhookEvent.__table__)
subscriptions = cast(Table, WebhookSubscription.__table__)
attempts = cast(Table, WebhookAttempt.__table__)
AnyRow: TypeAlias = Row[*tuple[Any, ...]]

_JOB_COLUMNS = (
    deliveries.c.id,
    events.c.id.label("event_id"),
    events.c.payload,
    subscriptions.c.id.label("subscription_id"),
    subscriptions.c.url,
    subscriptions.c.secret_encrypted,
    subscriptions.c.previous_secret_encrypted,
    subscriptions.c.previous_secret_expires_at,
)
"""What sending a delivery needs: its event's id and body, its subscription's URL and
secrets."""


def _due(now: datetime, limit: int) -> Select[uuid.UUID]:
    """The first ``limit`` deliveries due and free, oldest due first, none of them behind
    an earlier event of its record still pending.

    Ordered by ``next_attempt_at`` alone, the order of the index on (status,
    next_attempt_at): the database walks it and stops after ``limit`` rows, checking each
    against its record's earlier events by that index. A second key (the event's sequence)
    made it sort every pending row on each claim, a cost growing with the backlog (5,000
    pending: 20 ms against 1.4 ms, and worse as updates leave dead rows). Order within a
    record never depended on it: the check above keeps it."""
    earlier = aliased(WebhookDelivery)
    blocked = exists().where(
        earlier.subscription_id == WebhookDelivery.subscription_id,
        earlier.record_type == WebhookDelivery.record_type,
        earlier.record_id == WebhookDelivery.record_id,
        earlier.event_seq < WebhookDelivery.event_seq,
        earlier.status == DeliveryStatus.pending,
    )
    return (
        select(WebhookDelivery.id)
        .join(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.subscription_id)
        .where(
            WebhookDelivery.status == DeliveryStatus.pending,
            WebhookDelivery.next_attempt_at <= now,
            _unlocked(now),
            WebhookSubscription.is_active.is_(True),
            ~blocked,
        )
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(limit)
    )


def _unlocked(now: datetime) -> ColumnElement[bool]:
    return or_(deliveries.c.locked_until.is_(None), deliveries.c.locked_until < now)


async def _place_held(session: AsyncSession, ids: list[uuid.UUID]) -> None:
    """Deliveries that were held until now get their place in replay's order: this
    transaction's change mark, after every event already listed (so no cursor handed out
    meanwhile is past them)."""
    if ids:
        await session.execute(
            update(deliveries)
            .where(deliveries.c.id.in_(ids))
            .values(event_mark=await changes.mark(session))
        )


async def _claim_skip_locked(
    session: AsyncSession, worker_id: str, now: datetime, limit: int, lease: timedelta
) -> list[AnyRow]:
    """One statement: lease the due rows no one else has locked, and return what sending
    them needs (``UPDATE … FROM`` the event and subscription ``RETURNING`` their columns)."""
    due = _due(now, limit).with_for_update(skip_locked=True, of=WebhookDelivery)
    rows = (
        await session.execute(
            update(deliveries)
            .where(
                # = ANY(ARRAY(…)): the batch is chosen first, then found by primary key
                # (as IN (…) the planner scanned the whole table to match it).
                deliveries.c.id == any_(func.array(due.correlate(None).scalar_subquery())),
                events.c.seq == deliveries.c.event_seq,
                subscriptions.c.id == deliveries.c.subscription_id,
            )
            .values(locked_by=worker_id, locked_until=now + lease)
            .returning(*_JOB_COLUMNS, deliveries.c.event_mark)
        )
    ).all()
    await _place_held(session, [r.id for r in rows if r.event_mark == HELD_MARK])
    return list(rows)


async def _claim_portable(
    session: AsyncSession, worker_id: str, now: datetime, limit: int, lease: timedelta
) -> list[AnyRow]:
    """The due candidates, then one conditional ``UPDATE`` that leases those still free (a
    row another worker took meanwhile no longer matches), then what sending them needs."""
    candidates = list((await session.scalars(_due(now, limit))).all())
    if not candidates:
        return []
    leased = (
        await session.execute(
            update(deliveries)
            .where(
                deliveries.c.id.in_(candidates),
                deliveries.c.status == DeliveryStatus.pending,
                _unlocked(now),
            )
            .values(locked_by=worker_id, locked_until=now + lease)
            .returning(deliveries.c.id, deliveries.c.event_mark)
        )
    ).all()
    await _place_held(session, [r.id for r in leased if r.event_mark == HELD_MARK])
    rows = await _job_rows(session, [r.id for r in leased])
    place = {delivery_id: n for n, delivery_id in enumerate(candidates)}
    return sorted(rows, key=lambda r: place[r.id])


async def _job_rows(session: AsyncSession, ids: list[uuid.UUID]) -> list[AnyRow]:
    if not ids:
        return []
    stmt = (
        select(*_JOB_COLUMNS)
        .join_from(deliveries, events, events.c.seq == deliveries.c.event_seq)
        .join(subscriptions, subscriptions.c.id == deliveries.c.subscription_id)
        .where(deliveries.c.id.in_(ids))
    )
    return list((await session.execute(stmt)).all())


async def claim(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    worker_id: str,
    now: datetime,
    limit: int,
    lease: timedelta,
    portable: bool,
) -> list[AnyRow]:
    async with sessionmaker() as session:
        if session.get_bind().dialect.name == "postgresql" and not portable:
            rows = await _claim_skip_locked(session, worker_id, now, limit, lease)
        else:
            rows = await _claim_portable(session, worker_id, now, limit, lease)
        await session.commit()
    return rows


async def claim_deliveries(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    worker_id: str,
    now: datetime,
    limit: int,
    lease: timedelta,
    portable: bool = False,
) -> list[uuid.UUID]:
    """Lease up to ``limit`` due deliveries to ``worker_id`` and commit; returns their ids.

    PostgreSQL uses ``FOR UPDATE SKIP LOCKED`` unless ``portable`` (the path every other
    database takes, kept callable on PostgreSQL so that both are tested there)."""
    rows = await claim(
        sessionmaker, worker_id=worker_id, now=now, limit=limit, lease=lease, portable=portable
    )
    return [r.id for r in rows]


# -------------------------------------------------------------------------------- loading


def jobs_of(rows: list[AnyRow], secret_key: str, now: datetime) -> list[Job]:
    """Jobs from claimed rows; each subscription's secrets are decrypted once."""
    secrets: dict[tuple[Any, ...], list[str] | str] = {}
    jobs = []
    for row in rows:
        expires = row.previous_secret_expires_at
        previous = row.previous_secret_encrypted if expires and expires > now else None
        key = (row.subscription_id, row.secret_encrypted, previous)
        if key not in secrets:
            try:
                secrets[key] = [
                    decrypt_secret(secret_key, row.subscription_id, stored)
                    for stored in (row.secret_encrypted, previous)
                    if stored
                ]
            except SecretUnreadable as exc:
                secrets[key] = str(exc)
        found = secrets[key]
        jobs.append(
            Job(
                delivery_id=row.id,
                url=row.url,
                event_id=str(row.event_id),
                body=encode_body(row.payload),
                secrets=found if isinstance(found, list) else [],
                problem=found if isinstance(found, str) else None,
            )
        )
    return jobs


async def load_jobs(
    sessionmaker: async_sessionmaker[AsyncSession],
    ids: list[uuid.UUID],
    secret_key: str,
    now: datetime,
) -> list[Job]:
    """The jobs of deliveries already claimed."""
    async with sessionmaker() as session:
        return jobs_of(await _job_rows(session, ids), secret_key, now)
