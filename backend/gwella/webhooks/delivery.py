"""Sending the outbox: claim due deliveries, POST them signed, record every attempt.

* **Claiming** (:func:`claim_deliveries`): a worker takes a *lease* on a batch of due
  deliveries (``locked_by``/``locked_until``) in one short transaction and sends them outside
  any transaction, so a slow receiver never holds a lock or blocks the API. PostgreSQL picks
  the batch with ``SELECT … FOR UPDATE SKIP LOCKED`` (concurrent workers never wait for or
  take each other's rows); elsewhere each candidate is taken with an atomic conditional
  ``UPDATE … WHERE id = ? AND (locked_until IS NULL OR locked_until < now)`` checked by its row
  count. Either way one delivery is leased by one worker at a time, so no event is sent twice
  while workers are alive. A worker that dies mid-send loses its lease when it lapses and the
  delivery is tried again: delivery is *at least once*, and the ``webhook-id`` header (the
  same on every try) lets receivers ignore a repeat.
* **Order**: a delivery is due only when no earlier event of the same record (``record_type``
  + ``record_id``) to the same subscription is still pending, so each record's events arrive
  in the order they happened, even across retries.
* **Retries**: any answer but 2xx, a refused connection or a time-out is retried after 5 s,
  30 s, 2 min, 10 min, then hourly (plus up to 10 % jitter; longer if the receiver sends
  ``Retry-After``), until the delivery's deadline (24 hours by default); then it is failed.
  Redirects are not followed (a 3xx is a failed answer).
* **Destinations**: unless ``GWELLA_WEBHOOK_ALLOW_PRIVATE`` is on, the client connects only
  to public addresses, checked when the connection is made (:mod:`.destinations`); a URL
  that leads inside fails its delivery at once, with the reason, instead of being retried.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import ColumnElement, Select, and_, case, delete, exists, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased
from sqlalchemy.orm.exc import StaleDataError

from gwella.core import changes
from gwella.core.config import Settings
from gwella.core.database import utcnow
from gwella.core.logging import get_logger
from gwella.webhooks.destinations import guarded_transport
from gwella.webhooks.models import (
    HELD_MARK,
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from gwella.webhooks.sending import USER_AGENT, Job, Outcome, encode_body, send
from gwella.webhooks.signing import SecretUnreadable, decrypt_secret

_log = get_logger("gwella.webhooks")

BACKOFF = (
    timedelta(seconds=5),
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(hours=1),
)
"""Delay before the retry after the n-th failed attempt; the last one repeats."""


@dataclass(frozen=True)
class DeliveryConfig:
    timeout: float = 10.0
    """Seconds a receiver has for the whole request (connect, send, answer)."""
    batch_size: int = 200
    """Deliveries claimed at a time (``GWELLA_WEBHOOK_BATCH_SIZE``)."""
    concurrency: int = 32
    """Requests in flight at once (``GWELLA_WEBHOOK_CONCURRENCY``), over a shared pool of
    keep-alive connections."""
    lanes: int = 2
    """Steps a worker runs at once (each claims its own batch): while one waits for its
    claim or records its outcomes, the other's requests are in flight. All share the
    ``concurrency`` bound."""
    lease: timedelta | None = None
    """How long a claim lasts; by default long enough for a batch to time out twice over."""
    secret_key: str = field(default="", repr=False)
    """GWELLA_SECRET_KEY, which the signing secrets are encrypted with."""
    allow_private: bool = False
    """GWELLA_WEBHOOK_ALLOW_PRIVATE: send to any address, private ones included."""

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> DeliveryConfig:
        values: dict[str, object] = {
            "timeout": settings.webhook_timeout_seconds,
            "batch_size": settings.webhook_batch_size,
            "concurrency": settings.webhook_concurrency,
            "secret_key": settings.secret_key.get_secret_value(),
            "allow_private": bool(settings.webhook_allow_private),
        }
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    @property
    def lease_for(self) -> timedelta:
        if self.lease is not None:
            return self.lease
        rounds = -(-self.batch_size * self.lanes // self.concurrency)
        return timedelta(seconds=self.timeout * rounds * 2 + 30)


def retry_delay(failed_attempts: int, delivery_id: uuid.UUID) -> timedelta:
    """The wait after ``failed_attempts`` failures, with a jitter of up to 10 % that is fixed
    per delivery (so receivers coming back are not hit by every retry at once)."""
    base = BACKOFF[min(max(failed_attempts, 1), len(BACKOFF)) - 1]
    return base + base * ((delivery_id.int % 1000) / 10_000)


# ------------------------------------------------------------------------------ claiming


def _due(now: datetime, limit: int) -> Select[uuid.UUID]:
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
        .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.event_seq)
        .limit(limit)
    )


def _unlocked(now: datetime) -> ColumnElement[bool]:
    return or_(WebhookDelivery.locked_until.is_(None), WebhookDelivery.locked_until < now)


async def _lease(
    session: AsyncSession, worker_id: str, now: datetime, lease: timedelta
) -> dict[str, Any]:
    """The values a claim sets: the lease, and for a delivery that was held until now its
    place in replay's order (this transaction's change mark: after every event already
    listed, so no cursor handed out meanwhile is past it)."""
    placed = case(
        (WebhookDelivery.event_mark == HELD_MARK, await changes.mark(session)),
        else_=WebhookDelivery.event_mark,
    )
    return {"locked_by": worker_id, "locked_until": now + lease, "event_mark": placed}


async def _claim_skip_locked(
    session: AsyncSession, worker_id: str, now: datetime, limit: int, lease: timedelta
) -> list[uuid.UUID]:
    stmt = _due(now, limit).with_for_update(skip_locked=True, of=WebhookDelivery)
    ids = list((await session.scalars(stmt)).all())
    if ids:
        await session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id.in_(ids))
            .values(await _lease(session, worker_id, now, lease))
            .execution_options(synchronize_session=False)
        )
    return ids


async def _claim_portable(
    session: AsyncSession, worker_id: str, now: datetime, limit: int, lease: timedelta
) -> list[uuid.UUID]:
    candidates = list((await session.scalars(_due(now, limit))).all())
    claimed: list[uuid.UUID] = []
    if not candidates:
        return claimed
    values = await _lease(session, worker_id, now, lease)
    for delivery_id in candidates:
        result = await session.execute(
            update(WebhookDelivery)
            .where(
                and_(
                    WebhookDelivery.id == delivery_id,
                    WebhookDelivery.status == DeliveryStatus.pending,
                    _unlocked(now),
                )
            )
            .values(values)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            claimed.append(delivery_id)
    return claimed


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
    async with sessionmaker() as session:
        if session.get_bind().dialect.name == "postgresql" and not portable:
            ids = await _claim_skip_locked(session, worker_id, now, limit, lease)
        else:
            ids = await _claim_portable(session, worker_id, now, limit, lease)
        await session.commit()
    return ids


# ------------------------------------------------------------------------------- sending


async def _load_jobs(
    sessionmaker: async_sessionmaker[AsyncSession],
    ids: list[uuid.UUID],
    config: DeliveryConfig,
    now: datetime,
) -> list[Job]:
    async with sessionmaker() as session:
        rows = await session.execute(
            select(WebhookDelivery, WebhookEvent, WebhookSubscription)
            .join(WebhookEvent, WebhookEvent.seq == WebhookDelivery.event_seq)
            .join(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.subscription_id)
            .where(WebhookDelivery.id.in_(ids))
        )
        jobs = []
        for delivery, event, subscription in rows:
            job = Job(
                delivery_id=delivery.id,
                url=subscription.url,
                event_id=str(event.id),
                body=encode_body(event.payload),
                secrets=[],
            )
            try:
                job.secrets.append(
                    decrypt_secret(
                        config.secret_key, subscription.id, subscription.secret_encrypted
                    )
                )
                expires = subscription.previous_secret_expires_at
                if subscription.previous_secret_encrypted and expires and expires > now:
                    job.secrets.append(
                        decrypt_secret(
                            config.secret_key,
                            subscription.id,
                            subscription.previous_secret_encrypted,
                        )
                    )
            except SecretUnreadable as exc:
                job.problem = str(exc)
            jobs.append(job)
        return jobs


async def _record(
    sessionmaker: async_sessionmaker[AsyncSession],
    job: Job,
    outcome: Outcome,
    worker_id: str,
    now: datetime,
) -> None:
    async with sessionmaker() as session:
        delivery = await session.get(WebhookDelivery, job.delivery_id)
        if delivery is None:
            return  # its subscription was deleted meanwhile
        session.add(
            WebhookAttempt(
                delivery_id=delivery.id,
                attempted_at=now,
                duration_ms=outcome.duration_ms,
                status_code=outcome.status_code,
                error=outcome.error,
                response_body=outcome.response_body,
                worker_id=worker_id,
            )
        )
        if delivery.locked_by == worker_id:
            _apply(delivery, outcome, now)
        try:
            await session.commit()
        except (StaleDataError, IntegrityError):
            await session.rollback()
            _log.info("webhook_delivery_vanished", delivery_id=str(job.delivery_id))
            return
    _log.info(
        "webhook_attempt",
        delivery_id=str(delivery.id),
        event_id=job.event_id,
        status_code=outcome.status_code,
        ok=outcome.ok,
        outcome=delivery.status.value,
        duration_ms=outcome.duration_ms,
    )


async def _record_all(
    sessionmaker: async_sessionmaker[AsyncSession],
    done: list[tuple[Job, Outcome, datetime]],
    worker_id: str,
) -> None:
    """Record a batch's attempts in one transaction (each as :func:`_record` would); if a
    delivery vanished meanwhile (its subscription deleted), one by one instead."""
    async with sessionmaker() as session:
        rows = await session.scalars(
            select(WebhookDelivery).where(
                WebhookDelivery.id.in_([j.delivery_id for j, _, _ in done])
            )
        )
        deliveries = {d.id: d for d in rows}
        for job, outcome, at in done:
            delivery = deliveries.get(job.delivery_id)
            if delivery is None:
                continue  # its subscription was deleted meanwhile
            session.add(
                WebhookAttempt(
                    delivery_id=delivery.id,
                    attempted_at=at,
                    duration_ms=outcome.duration_ms,
                    status_code=outcome.status_code,
                    error=outcome.error,
                    response_body=outcome.response_body,
                    worker_id=worker_id,
                )
            )
            if delivery.locked_by == worker_id:
                _apply(delivery, outcome, at)
        try:
            await session.commit()
        except (StaleDataError, IntegrityError):
            await session.rollback()
            for job, outcome, at in done:
                await _record(sessionmaker, job, outcome, worker_id, at)
            return
    for job, outcome, _ in done:
        delivery = deliveries.get(job.delivery_id)
        if delivery is None:
            continue
        _log.info(
            "webhook_attempt",
            delivery_id=str(delivery.id),
            event_id=job.event_id,
            status_code=outcome.status_code,
            ok=outcome.ok,
            outcome=delivery.status.value,
            duration_ms=outcome.duration_ms,
        )


def _apply(delivery: WebhookDelivery, outcome: Outcome, now: datetime) -> None:
    delivery.attempt_count += 1
    delivery.last_attempt_at = now
    delivery.last_status_code = outcome.status_code
    delivery.last_error = outcome.error
    delivery.locked_by = None
    delivery.locked_until = None
    if outcome.ok:
        delivery.status = DeliveryStatus.delivered
        delivery.delivered_at = now
        return
    if outcome.final or now >= delivery.deadline_at:
        delivery.status = DeliveryStatus.failed
        return
    delay = retry_delay(delivery.attempt_count, delivery.id)
    if outcome.retry_after is not None:
        delay = max(delay, outcome.retry_after)
    delivery.next_attempt_at = min(now + delay, delivery.deadline_at)


async def deliver_due(
    sessionmaker: async_sessionmaker[AsyncSession],
    http: httpx.AsyncClient,
    config: DeliveryConfig,
    *,
    worker_id: str,
    now: datetime | None = None,
    portable: bool = False,
    gate: asyncio.Semaphore | None = None,
) -> int:
    """One step: claim a batch, send it (concurrently, bounded by ``config.concurrency``,
    over the shared keep-alive client), recording the attempts as they finish (those that
    finish together in one transaction).

    Per-record order holds because a claim never takes an event while an earlier one of the
    same record to the same subscription is pending (:func:`_due`): each batch holds at most
    one event of a record, and the next is claimed only once this one is recorded. A worker
    that dies before recording loses its lease and the batch is sent again (at least once:
    the ``webhook-id`` lets receivers ignore a repeat).

    ``now`` fixes the clock for scheduling (tests drive time with it); by default the real
    time. ``gate`` bounds the requests in flight when several steps run at once (by default
    this step's own). Returns how many deliveries were attempted."""
    claimed_at = now or utcnow()
    ids = await claim_deliveries(
        sessionmaker,
        worker_id=worker_id,
        now=claimed_at,
        limit=config.batch_size,
        lease=config.lease_for,
        portable=portable,
    )
    if not ids:
        return 0
    jobs = await _load_jobs(sessionmaker, ids, config, claimed_at)
    gate = gate or asyncio.Semaphore(config.concurrency)

    finished: asyncio.Queue[tuple[Job, Outcome, datetime]] = asyncio.Queue()

    async def one(job: Job) -> None:
        async with gate:
            sent_at = now or utcnow()
            outcome = await send(http, job, int(sent_at.timestamp()), config.timeout)
        finished.put_nowait((job, outcome, now or utcnow()))

    async def recorder() -> None:
        # Whatever has finished is recorded together, at once: a slow receiver holds back
        # only its own record's next event, not those of the others sent beside it.
        left = len(jobs)
        while left:
            group = [await finished.get()]
            while not finished.empty():
                group.append(finished.get_nowait())
            await _record_all(sessionmaker, group, worker_id)
            left -= len(group)

    async with asyncio.TaskGroup() as tasks:
        for job in jobs:
            tasks.create_task(one(job))
        await recorder()  # in this task: should it fail (or be cancelled), so is the step
    return len(jobs)


def http_client(config: DeliveryConfig) -> httpx.AsyncClient:
    """The client workers send with: no redirects followed, no proxy or netrc from the
    environment (credentials must never travel to a subscriber's host), and, unless
    ``allow_private``, connections only to public addresses checked as they are made."""
    # As many connections as requests in flight, all kept alive between batches (the pool
    # checks every open connection on each request, so more than that only costs time).
    limits = httpx.Limits(
        max_connections=config.concurrency, max_keepalive_connections=config.concurrency
    )
    return httpx.AsyncClient(
        timeout=httpx.Timeout(config.timeout),
        follow_redirects=False,
        trust_env=False,
        limits=limits,
        transport=None if config.allow_private else guarded_transport(limits),
        headers={"user-agent": USER_AGENT},
    )


# ------------------------------------------------------------------------------ retention


async def prune(
    sessionmaker: async_sessionmaker[AsyncSession], now: datetime, retention: timedelta
) -> int:
    """Forget finished deliveries (and their attempts) older than ``retention``, and events
    with no delivery left. Returns the number of deliveries removed."""
    cutoff = now - retention
    async with sessionmaker() as session:
        result = await session.execute(
            delete(WebhookDelivery)
            .where(
                WebhookDelivery.status != DeliveryStatus.pending,
                WebhookDelivery.updated_at < cutoff,
            )
            .execution_options(synchronize_session=False)
        )
        await session.execute(
            delete(WebhookEvent)
            .where(
                WebhookEvent.occurred_at < cutoff,
                ~exists().where(WebhookDelivery.event_seq == WebhookEvent.seq),
            )
            .execution_options(synchronize_session=False)
        )
        await session.commit()
    return int(result.rowcount)  # type: ignore[attr-defined]
