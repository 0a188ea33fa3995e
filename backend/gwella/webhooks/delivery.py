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
import json
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import httpx
from sqlalchemy import ColumnElement, Select, and_, delete, exists, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased
from sqlalchemy.orm.exc import StaleDataError

from gwella import __version__
from gwella.core.config import Settings
from gwella.core.database import utcnow
from gwella.core.logging import get_logger
from gwella.webhooks.destinations import DestinationRefused, guarded_transport
from gwella.webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from gwella.webhooks.signing import SecretUnreadable, decrypt_secret, signature_header

_log = get_logger("gwella.webhooks")

BACKOFF = (
    timedelta(seconds=5),
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(hours=1),
)
"""Delay before the retry after the n-th failed attempt; the last one repeats."""
MAX_RETRY_AFTER = timedelta(hours=1)
RESPONSE_BODY_CHARS = 1000
ERROR_CHARS = 500
USER_AGENT = f"Gwella-Webhooks/{__version__}"


@dataclass(frozen=True)
class DeliveryConfig:
    timeout: float = 10.0
    """Seconds a receiver has for the whole request (connect, send, answer)."""
    batch_size: int = 20
    concurrency: int = 10
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
            "secret_key": settings.secret_key.get_secret_value(),
            "allow_private": bool(settings.webhook_allow_private),
        }
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    @property
    def lease_for(self) -> timedelta:
        if self.lease is not None:
            return self.lease
        rounds = -(-self.batch_size // self.concurrency)
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


async def _claim_skip_locked(
    session: AsyncSession, worker_id: str, now: datetime, limit: int, lease: timedelta
) -> list[uuid.UUID]:
    stmt = _due(now, limit).with_for_update(skip_locked=True, of=WebhookDelivery)
    ids = list((await session.scalars(stmt)).all())
    if ids:
        await session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id.in_(ids))
            .values(locked_by=worker_id, locked_until=now + lease)
            .execution_options(synchronize_session=False)
        )
    return ids


async def _claim_portable(
    session: AsyncSession, worker_id: str, now: datetime, limit: int, lease: timedelta
) -> list[uuid.UUID]:
    candidates = list((await session.scalars(_due(now, limit))).all())
    claimed = []
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
            .values(locked_by=worker_id, locked_until=now + lease)
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


@dataclass
class Job:
    delivery_id: uuid.UUID
    url: str
    event_id: str
    body: bytes
    secrets: list[str]
    problem: str | None = None
    """Why it cannot be sent at all (a secret that does not decrypt)."""


@dataclass
class Outcome:
    status_code: int | None
    error: str | None
    response_body: str | None
    duration_ms: int
    retry_after: timedelta | None = None
    final: bool = False
    """Trying again cannot help (the URL leads inside the network): fail the delivery now."""

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def encode_body(payload: dict[str, object]) -> bytes:
    """The exact bytes sent and signed."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


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


def _clean(text: str, limit: int) -> str:
    # PostgreSQL text cannot hold NUL.
    return text.replace("\x00", "\ufffd")[:limit]


def _retry_after(response: httpx.Response) -> timedelta | None:
    if response.status_code not in (429, 503):
        return None
    value = response.headers.get("retry-after", "")
    if value.isdigit():
        return min(timedelta(seconds=int(value)), MAX_RETRY_AFTER)
    return None


async def send(http: httpx.AsyncClient, job: Job, timestamp: int, limit: float) -> Outcome:
    """One signed POST, bounded by ``limit`` seconds in all (however slowly the receiver
    trickles its answer)."""
    if job.problem:
        return Outcome(None, _clean(job.problem, ERROR_CHARS), None, 0)
    headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": job.event_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(job.secrets, job.event_id, timestamp, job.body),
    }
    started = time.monotonic()
    status: int | None = None
    error: str | None = None
    text: str | None = None
    retry_after: timedelta | None = None
    final = False
    try:
        async with asyncio.timeout(limit):
            async with http.stream("POST", job.url, content=job.body, headers=headers) as answer:
                status = answer.status_code
                retry_after = _retry_after(answer)
                received = bytearray()
                async for chunk in answer.aiter_bytes():
                    received += chunk
                    if len(received) >= RESPONSE_BODY_CHARS * 4:
                        break
                text = received.decode("utf-8", "replace")
    except TimeoutError:
        error = f"no complete answer within {limit:g} s"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        if isinstance(exc.__cause__, DestinationRefused):
            final = True
            error = f"Refused: {exc}. Not retried: change the subscription's URL, then redeliver."
    duration = int((time.monotonic() - started) * 1000)
    outcome = Outcome(status, None, _clean(text, RESPONSE_BODY_CHARS) if text else None, duration)
    outcome.retry_after = retry_after
    outcome.final = final
    if not outcome.ok:
        outcome.error = _clean(error or f"HTTP {status}", ERROR_CHARS)
    return outcome


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
) -> int:
    """One step: claim a batch, send it (concurrently, bounded), record each attempt.

    ``now`` fixes the clock for scheduling (tests drive time with it); by default the real
    time. Returns how many deliveries were attempted."""
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
    gate = asyncio.Semaphore(config.concurrency)

    async def one(job: Job) -> None:
        async with gate:
            sent_at = now or utcnow()
            outcome = await send(http, job, int(sent_at.timestamp()), config.timeout)
            await _record(sessionmaker, job, outcome, worker_id, now or utcnow())

    await asyncio.gather(*(one(job) for job in jobs))
    return len(jobs)


def http_client(config: DeliveryConfig) -> httpx.AsyncClient:
    """The client workers send with: no redirects followed, no proxy or netrc from the
    environment (credentials must never travel to a subscriber's host), and, unless
    ``allow_private``, connections only to public addresses checked as they are made."""
    limits = httpx.Limits(max_connections=config.concurrency * 2)
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
