"""Sending the outbox: claim due deliveries, POST them signed, record every attempt.

* **Claiming** (:func:`.claiming.claim_deliveries`): a worker takes a *lease* on a batch of due
  deliveries (``locked_by``/``locked_until``) in one short transaction and sends them outside
  any transaction, so a slow receiver never holds a lock or blocks the API. PostgreSQL picks
  the batch with ``SELECT … FOR UPDATE SKIP LOCKED`` (concurrent workers never wait for or
  take each other's rows), in the one statement that leases it and returns what sending it
  needs; elsewhere the due candidates are taken with one atomic conditional
  ``UPDATE … WHERE id IN (…) AND (locked_until IS NULL OR locked_until < now) RETURNING id``.
  Either way one delivery is leased by one worker at a time, so no event is sent twice
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
* **Recording**: attempts that finish together are recorded in one transaction of three
  statements (the deliveries' state, the attempts, their new state), whatever their number.
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

import aiohttp
from sqlalchemy import (
    bindparam,
    delete,
    exists,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.core.config import Settings
from gwella.core.database import utcnow
from gwella.core.logging import get_logger
from gwella.webhooks.claiming import AnyRow, attempts, claim, deliveries, jobs_of
from gwella.webhooks.destinations import connector
from gwella.webhooks.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookEvent,
)
from gwella.webhooks.sending import USER_AGENT, Job, Outcome, send

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


# ------------------------------------------------------------------------------ recording

_SETTLE = (
    update(deliveries)
    .where(deliveries.c.id == bindparam("b_id"), deliveries.c.locked_by == bindparam("b_by"))
    .values(
        attempt_count=bindparam("b_count"),
        last_attempt_at=bindparam("b_at", type_=deliveries.c.last_attempt_at.type),
        last_status_code=bindparam("b_code", type_=deliveries.c.last_status_code.type),
        last_error=bindparam("b_error", type_=deliveries.c.last_error.type),
        locked_by=None,
        locked_until=None,
        status=bindparam("b_status", type_=deliveries.c.status.type),
        delivered_at=func.coalesce(
            bindparam("b_delivered", type_=deliveries.c.delivered_at.type),
            deliveries.c.delivered_at,
        ),
        next_attempt_at=func.coalesce(
            bindparam("b_next", type_=deliveries.c.next_attempt_at.type),
            deliveries.c.next_attempt_at,
        ),
    )
)
"""One delivery's state after an attempt (executed for many at once): only while the
worker still holds its lease; the delivery time and next try are kept unless given."""


def _settled(row: AnyRow, outcome: Outcome, now: datetime) -> dict[str, Any]:
    """The delivery's new state after ``outcome`` (parameters of :data:`_SETTLE`)."""
    count = row.attempt_count + 1
    values: dict[str, Any] = {
        "b_id": row.id,
        "b_by": row.locked_by,
        "b_count": count,
        "b_at": now,
        "b_code": outcome.status_code,
        "b_error": outcome.error,
        "b_status": DeliveryStatus.pending,
        "b_delivered": None,
        "b_next": None,
    }
    if outcome.ok:
        values |= {"b_status": DeliveryStatus.delivered, "b_delivered": now}
    elif outcome.final or now >= row.deadline_at:
        values["b_status"] = DeliveryStatus.failed
    else:
        delay = retry_delay(count, row.id)
        if outcome.retry_after is not None:
            delay = max(delay, outcome.retry_after)
        values["b_next"] = min(now + delay, row.deadline_at)
    return values


async def _write(
    session: AsyncSession, done: list[tuple[Job, Outcome, datetime]], worker_id: str
) -> dict[uuid.UUID, DeliveryStatus]:
    """Store the attempts of deliveries that still exist and settle those still leased to
    ``worker_id``: three statements whatever the number. Returns each one's status."""
    rows = await session.execute(
        select(
            deliveries.c.id,
            deliveries.c.locked_by,
            deliveries.c.attempt_count,
            deliveries.c.deadline_at,
            deliveries.c.status,
        ).where(deliveries.c.id.in_([j.delivery_id for j, _, _ in done]))
    )
    current = {r.id: r for r in rows}
    tried: list[dict[str, Any]] = []
    settled: list[dict[str, Any]] = []
    statuses: dict[uuid.UUID, DeliveryStatus] = {}
    for job, outcome, at in done:
        row = current.get(job.delivery_id)
        if row is None:
            continue  # its subscription was deleted meanwhile
        tried.append(
            {
                "delivery_id": row.id,
                "attempted_at": at,
                "duration_ms": outcome.duration_ms,
                "status_code": outcome.status_code,
                "error": outcome.error,
                "response_body": outcome.response_body,
                "worker_id": worker_id,
            }
        )
        statuses[row.id] = row.status
        if row.locked_by == worker_id:
            settled.append(_settled(row, outcome, at))
            statuses[row.id] = settled[-1]["b_status"]
    if tried:
        await session.execute(insert(attempts), tried)
    if settled:
        await session.execute(_SETTLE, settled)
    return statuses


async def _record_all(
    sessionmaker: async_sessionmaker[AsyncSession],
    done: list[tuple[Job, Outcome, datetime]],
    worker_id: str,
) -> None:
    """Record attempts that finished together in one transaction; if a delivery vanished
    meanwhile (its subscription deleted), one by one instead, letting the vanished go."""
    try:
        async with sessionmaker() as session:
            statuses = await _write(session, done, worker_id)
            await session.commit()
    except IntegrityError:
        if len(done) == 1:
            _log.info("webhook_delivery_vanished", delivery_id=str(done[0][0].delivery_id))
            return
        for one in done:
            await _record_all(sessionmaker, [one], worker_id)
        return
    for job, outcome, _ in done:
        status = statuses.get(job.delivery_id)
        if status is None:
            continue
        _log.info(
            "webhook_attempt",
            delivery_id=str(job.delivery_id),
            event_id=job.event_id,
            status_code=outcome.status_code,
            ok=outcome.ok,
            outcome=status.value,
            duration_ms=outcome.duration_ms,
        )


async def deliver_due(
    sessionmaker: async_sessionmaker[AsyncSession],
    http: aiohttp.ClientSession,
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
    same record to the same subscription is pending (:mod:`.claiming`): each batch holds at
    most one event of a record, and the next is claimed only once this one is recorded. A worker
    that dies before recording loses its lease and the batch is sent again (at least once:
    the ``webhook-id`` lets receivers ignore a repeat).

    ``now`` fixes the clock for scheduling (tests drive time with it); by default the real
    time. ``gate`` bounds the requests in flight when several steps run at once (by default
    this step's own). Returns how many deliveries were attempted."""
    claimed_at = now or utcnow()
    rows = await claim(
        sessionmaker,
        worker_id=worker_id,
        now=claimed_at,
        limit=config.batch_size,
        lease=config.lease_for,
        portable=portable,
    )
    if not rows:
        return 0
    jobs = jobs_of(rows, config.secret_key, claimed_at)
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


def http_client(config: DeliveryConfig) -> aiohttp.ClientSession:
    """The client workers send with: no redirects followed (each request says so), no
    proxy or netrc from the environment (credentials must never travel to a subscriber's
    host), no cookies kept, and, unless ``allow_private``, connections only to public
    addresses checked as they are made (:func:`.destinations.connector`).

    aiohttp rather than httpx: on this path httpx spent about 2 ms of CPU per request
    (its pool checks every open connection on each one), aiohttp about 0.1 ms."""
    return aiohttp.ClientSession(
        connector=connector(config.concurrency, guarded=not config.allow_private),
        timeout=aiohttp.ClientTimeout(total=config.timeout),
        headers={"user-agent": USER_AGENT},
        cookie_jar=aiohttp.DummyCookieJar(),
        trust_env=False,
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
