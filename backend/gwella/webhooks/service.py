"""Rules for webhook subscriptions, the outbox (:func:`emit`) and redelivery. No HTTP types.

**Outbox.** :func:`emit` is called by other domains in the transaction of their change. It
writes the event and, at once, one delivery row for each active subscription of the
organisation that wants that event type. Because both are part of the caller's transaction,
an event is stored exactly when the change is (none lost on a crash, none sent for a change
that was rolled back), and the set of receivers is the one subscribed when the change happened
(a subscription made later does not receive old events). The worker then only ever claims
delivery rows. When no subscription wants the event nothing is written at all: with eager
fan-out there is nothing left to do for it later.
"""

from __future__ import annotations

import ipaddress
import urllib.parse
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import api_clients as accounts
from gwella.core import audit, changes
from gwella.core.audit import ActorType, AuditContext
from gwella.core.concurrency import apply_patch, check_if_match
from gwella.core.config import Environment, Settings, get_settings
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from gwella.core.pagination import PageParams, paginate
from gwella.webhooks import destinations
from gwella.webhooks.models import (
    HELD_MARK,
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from gwella.webhooks.schemas import (
    EVENTS,
    RECORDS,
    WebhookEventType,
    WebhookSubscriptionCreate,
    WebhookSubscriptionUpdate,
)
from gwella.webhooks.signing import encrypt_secret, new_signing_secret

FIELDS = ("url", "description", "event_types", "is_active", "organisation_id", "api_client_id")
SUBSCRIPTION_SORTS = {
    "created_at": WebhookSubscription.created_at,
    "url": WebhookSubscription.url,
}
DELIVERY_SORTS = {
    "created_at": WebhookDelivery.created_at,
    "next_attempt_at": WebhookDelivery.next_attempt_at,
}
ATTEMPT_SORTS = {"attempted_at": WebhookAttempt.attempted_at}
DEFAULT_PREVIOUS_SECRET_VALIDITY = timedelta(hours=24)


# ---------------------------------------------------------------------------- the outbox


async def has_subscribers(
    session: AsyncSession, organisation_id: uuid.UUID, event_type: str
) -> bool:
    """Whether any active subscription of the organisation wants this event type: one cheap
    query before a batch, so that bulk writes emit nothing when nobody is listening."""
    rows = await session.scalars(
        select(WebhookSubscription.event_types).where(
            WebhookSubscription.organisation_id == organisation_id,
            WebhookSubscription.is_active.is_(True),
        )
    )
    return any(event_type in types for types in rows)


@dataclass(frozen=True)
class PendingEvent:
    """One event for :func:`emit_many` (the same fields :func:`emit` takes)."""

    event_type: str
    organisation_id: uuid.UUID
    record_type: str
    record_id: uuid.UUID
    """The event's record: the type and the id its payload names (see ``schemas.RECORDS``)."""
    payload: dict[str, Any]
    held_until: datetime | None = None
    """Deliver no earlier than this, and give it as the event's time: for events that must
    not tell the moment something happened (an anonymous response keeps only its day, so
    its event is stamped with the day and sent once the day is over)."""
    day_only: bool = False
    """Give the start of today as the event's time, and send it at once: for an event of
    a record that keeps only its day, told to the system that made it (a partner's push to
    an anonymous campaign), which knows the moment already but reads none finer from us."""


def _day(moment: datetime) -> datetime:
    return datetime.combine(moment.astimezone(UTC).date(), time(0), tzinfo=UTC)


async def emit(
    session: AsyncSession,
    *,
    event_type: str,
    organisation_id: uuid.UUID,
    record_type: str,
    record_id: uuid.UUID,
    payload: dict[str, Any],
) -> None:
    """Queue an event for the organisation's subscribers, in the caller's transaction.

    ``payload`` is the event's ``data`` (see :data:`gwella.webhooks.schemas.EVENTS` for each
    type's fields; ``organisation_id`` is added). Events of one ``record_type`` and
    ``record_id`` reach each subscriber in the order they were emitted, so call this after the
    change is flushed (its row locked), not before. A payload that does not match its event's
    schema is a programming error (``ValueError``): the documented payload is the one sent.
    So is a record other than the one the payload names (:data:`~gwella.webhooks.schemas.
    RECORDS`): every record id is a UUID, so it always fits the outbox.
    """
    await emit_many(
        session,
        [PendingEvent(event_type, organisation_id, record_type, record_id, payload)],
    )


async def emit_many(session: AsyncSession, events: Sequence[PendingEvent]) -> None:
    """:func:`emit` for many events at once: the same rows in the same order (event sequence
    numbers follow the list), but each organisation's subscriptions are read once and the
    events and their deliveries are written in two flushes instead of two per event. Every
    payload is checked before anything is written, so a bad one writes nothing."""
    checked: list[tuple[PendingEvent, WebhookEventType, Any]] = []
    for pending in events:
        kind = WebhookEventType(pending.event_type)
        data_model, _ = EVENTS[kind]
        org_id = pending.organisation_id
        if pending.payload.get("organisation_id") not in (None, org_id, str(org_id)):
            raise ValueError("payload organisation_id differs from the event's organisation")
        try:
            data = data_model.model_validate({**pending.payload, "organisation_id": org_id})
        except ValidationError as exc:
            raise ValueError(f"the {kind.value} payload does not match its schema: {exc}") from exc
        record_type, field = RECORDS[kind]
        if (pending.record_type, pending.record_id) != (record_type, getattr(data, field)):
            raise ValueError(
                f"a {kind.value} event's record is the {record_type} its {field} names, "
                f"not {pending.record_type} {pending.record_id!r}"
            )
        checked.append((pending, kind, data))
    if not checked:
        return
    subscribed: dict[uuid.UUID, list[WebhookSubscription]] = {}
    for org_id in dict.fromkeys(p.organisation_id for p, _, _ in checked):
        subscribed[org_id] = [
            s
            for s in await session.scalars(
                select(WebhookSubscription)
                .where(
                    WebhookSubscription.organisation_id == org_id,
                    WebhookSubscription.is_active.is_(True),
                )
                .order_by(WebhookSubscription.created_at, WebhookSubscription.id)
            )
            if await _owner_active(session, s)
        ]
    now = utcnow()
    deadline = now + retry_window(get_settings())
    written: list[tuple[WebhookEvent, list[WebhookSubscription]]] = []
    for pending, kind, data in checked:
        receivers = [s for s in subscribed[pending.organisation_id] if kind.value in s.event_types]
        if not receivers:
            continue
        _, event_model = EVENTS[kind]
        event_id = uuid.uuid4()
        stamp = pending.held_until or (_day(now) if pending.day_only else now)
        body = event_model.model_validate(
            {"id": event_id, "type": kind.value, "timestamp": stamp, "data": data}
        )
        event = WebhookEvent(
            id=event_id,
            event_type=kind.value,
            organisation_id=pending.organisation_id,
            record_type=pending.record_type,
            record_id=str(pending.record_id),
            payload=body.model_dump(mode="json"),
            occurred_at=stamp,
        )
        written.append((event, receivers))
    if not written:
        return
    # One flush inserts the events in list order, so their sequence numbers follow it.
    session.add_all(event for event, _ in written)
    await session.flush()
    mark = await changes.mark(session)
    session.add_all(
        WebhookDelivery(
            event_seq=event.seq,
            event_mark=mark if event.occurred_at <= now else HELD_MARK,
            subscription_id=s.id,
            record_type=event.record_type,
            record_id=event.record_id,
            status=DeliveryStatus.pending,
            next_attempt_at=max(now, event.occurred_at),
            deadline_at=max(now, event.occurred_at) + (deadline - now),
            # A held event keeps no finer time anywhere: its delivery is stamped like it.
            created_at=max(now, event.occurred_at),
        )
        for event, receivers in written
        for s in receivers
    )
    await session.flush()


async def _owner_active(session: AsyncSession, subscription: WebhookSubscription) -> bool:
    """A subscription an API client made stops with the client's revocation."""
    if subscription.api_client_id is None:
        return True
    try:
        client = await accounts.get_api_client(session, subscription.api_client_id)
    except NotFound:
        return False
    return client.revoked_at is None


def retry_window(settings: Settings) -> timedelta:
    return timedelta(hours=settings.webhook_retry_hours)


# ------------------------------------------------------------------------- subscriptions


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, settings: Settings, field: str = "body.url") -> str:
    """An absolute https URL without credentials or fragment. Plain http is accepted only to
    a loopback address, or when ``GWELLA_ENV`` is development or test."""

    def bad(message: str) -> ValidationFailed:
        return ValidationFailed(
            "The URL cannot receive webhooks.", errors=[FieldProblem(field=field, message=message)]
        )

    url = url.strip()
    if any(ord(c) <= 32 or ord(c) == 127 for c in url):
        raise bad("no spaces or control characters")
    try:
        parts = urllib.parse.urlsplit(url)
        _ = parts.port
    except ValueError as exc:
        raise bad("not a valid URL") from exc
    if parts.scheme.lower() not in {"https", "http"} or not parts.hostname:
        raise bad("an absolute https:// URL")
    if parts.username is not None or parts.password is not None:
        raise bad("no user name or password in the URL")
    if parts.fragment:
        raise bad("no #fragment")
    if parts.scheme.lower() == "http":
        plain_ok = settings.env in {Environment.development, Environment.test}
        if not plain_ok and not _is_loopback(parts.hostname):
            raise bad("https is required (http only to a loopback address)")
    return url


async def check_destination(url: str, settings: Settings, field: str = "body.url") -> None:
    """Unless ``GWELLA_WEBHOOK_ALLOW_PRIVATE`` is on, the URL's host must resolve, and only to
    public addresses (see :mod:`gwella.webhooks.destinations`; delivery checks again)."""
    if settings.webhook_allow_private:
        return
    why = await destinations.destination_refusal(url)
    if why is not None:
        raise ValidationFailed(
            "The URL cannot receive webhooks.", errors=[FieldProblem(field=field, message=why)]
        )


def _event_types(values: Iterable[WebhookEventType]) -> list[str]:
    wanted = {v.value for v in values}
    return [t.value for t in WebhookEventType if t.value in wanted]


async def get_subscription(
    session: AsyncSession, subscription_id: uuid.UUID
) -> WebhookSubscription:
    subscription = await session.get(WebhookSubscription, subscription_id)
    if subscription is None:
        raise NotFound("No webhook subscription with that id is visible to you.")
    return subscription


async def list_subscriptions(
    session: AsyncSession,
    params: PageParams,
    *,
    within_orgs: frozenset[uuid.UUID] | None,
    api_client_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
    is_active: bool | None = None,
) -> tuple[list[WebhookSubscription], str | None]:
    """``within_orgs``: the organisations whose subscriptions may be listed (``None``: all);
    ``api_client_id``: only that client's own."""
    stmt = select(WebhookSubscription)
    if within_orgs is not None:
        stmt = stmt.where(WebhookSubscription.organisation_id.in_(within_orgs))
    if api_client_id is not None:
        stmt = stmt.where(WebhookSubscription.api_client_id == api_client_id)
    if organisation_id is not None:
        stmt = stmt.where(WebhookSubscription.organisation_id == organisation_id)
    if is_active is not None:
        stmt = stmt.where(WebhookSubscription.is_active.is_(is_active))
    return await paginate(session, stmt, params, SUBSCRIPTION_SORTS, WebhookSubscription.id)


async def create_subscription(
    session: AsyncSession,
    ctx: AuditContext,
    settings: Settings,
    data: WebhookSubscriptionCreate,
    *,
    organisation_id: uuid.UUID,
    api_client_id: uuid.UUID | None,
) -> tuple[WebhookSubscription, str]:
    """Returns the subscription and its signing secret (never retrievable again)."""
    url = check_url(data.url, settings)
    await check_destination(url, settings)
    secret = new_signing_secret()
    subscription_id = uuid.uuid4()
    subscription = WebhookSubscription(
        id=subscription_id,
        organisation_id=organisation_id,
        api_client_id=api_client_id,
        url=url,
        description=data.description,
        event_types=_event_types(data.event_types),
        is_active=data.is_active,
        secret_encrypted=encrypt_secret(
            settings.secret_key.get_secret_value(), subscription_id, secret
        ),
        created_by_id=ctx.actor_id if ctx.actor_type is ActorType.user else None,
    )
    session.add(subscription)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="webhook_subscription.created",
        record_type="webhook_subscription",
        record_id=subscription.id,
        organisation_id=organisation_id,
        after=audit.snapshot(subscription, FIELDS),
    )
    return subscription, secret


async def update_subscription(
    session: AsyncSession,
    ctx: AuditContext,
    settings: Settings,
    subscription: WebhookSubscription,
    patch: WebhookSubscriptionUpdate,
    if_match: str | None,
) -> WebhookSubscription:
    check_if_match(if_match, subscription.version)
    before = audit.snapshot(subscription, FIELDS)
    sent = apply_patch(subscription, patch, nullable=frozenset({"description"}))
    if "url" in sent:
        subscription.url = check_url(subscription.url, settings)
        await check_destination(subscription.url, settings)
    if "event_types" in sent:
        subscription.event_types = _event_types(patch.event_types or [])
    after = audit.snapshot(subscription, FIELDS)
    if after != before:
        await session.flush()
        await audit.record(
            session,
            ctx,
            action="webhook_subscription.updated",
            record_type="webhook_subscription",
            record_id=subscription.id,
            organisation_id=subscription.organisation_id,
            before=before,
            after=after,
        )
    return subscription


async def delete_subscription(
    session: AsyncSession, ctx: AuditContext, subscription: WebhookSubscription
) -> None:
    """Deletes it with its deliveries and their attempts (nothing more is sent)."""
    before = audit.snapshot(subscription, FIELDS)
    await session.delete(subscription)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="webhook_subscription.deleted",
        record_type="webhook_subscription",
        record_id=subscription.id,
        organisation_id=subscription.organisation_id,
        before=before,
    )


async def rotate_secret(
    session: AsyncSession,
    ctx: AuditContext,
    settings: Settings,
    subscription: WebhookSubscription,
    previous_valid_for: timedelta = DEFAULT_PREVIOUS_SECRET_VALIDITY,
) -> tuple[WebhookSubscription, str]:
    """A new secret; the old one keeps signing (a second signature in the header) for
    ``previous_valid_for``, so receivers can switch without losing a message."""
    master = settings.secret_key.get_secret_value()
    secret = new_signing_secret()
    now = utcnow()
    if previous_valid_for > timedelta(0):
        subscription.previous_secret_encrypted = subscription.secret_encrypted
        subscription.previous_secret_expires_at = now + previous_valid_for
    else:
        subscription.previous_secret_encrypted = None
        subscription.previous_secret_expires_at = None
    subscription.secret_encrypted = encrypt_secret(master, subscription.id, secret)
    subscription.secret_rotated_at = now
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="webhook_subscription.secret_rotated",
        record_type="webhook_subscription",
        record_id=subscription.id,
        organisation_id=subscription.organisation_id,
        after={"previous_secret_expires_at": subscription.previous_secret_expires_at},
    )
    return subscription, secret


# ---------------------------------------------------------------------------- deliveries


async def events_by_seq(session: AsyncSession, seqs: Iterable[int]) -> dict[int, WebhookEvent]:
    wanted = set(seqs)
    if not wanted:
        return {}
    rows = await session.scalars(select(WebhookEvent).where(WebhookEvent.seq.in_(wanted)))
    return {e.seq: e for e in rows}


async def list_deliveries(
    session: AsyncSession,
    params: PageParams,
    subscription_id: uuid.UUID,
    *,
    status: DeliveryStatus | None = None,
    event_type: WebhookEventType | None = None,
) -> tuple[list[WebhookDelivery], str | None]:
    # A delivery held for the end of its day is stamped with that time and not listed before
    # it: seen to appear, it would tell the moment of what it announces.
    stmt = select(WebhookDelivery).where(
        WebhookDelivery.subscription_id == subscription_id, WebhookDelivery.created_at <= utcnow()
    )
    if status is not None:
        stmt = stmt.where(WebhookDelivery.status == status)
    if event_type is not None:
        stmt = stmt.where(
            WebhookDelivery.event_seq.in_(
                select(WebhookEvent.seq).where(WebhookEvent.event_type == event_type.value)
            )
        )
    return await paginate(session, stmt, params, DELIVERY_SORTS, WebhookDelivery.id)


async def get_delivery(session: AsyncSession, delivery_id: uuid.UUID) -> WebhookDelivery:
    delivery = await session.get(WebhookDelivery, delivery_id)
    if delivery is None or delivery.created_at > utcnow():
        raise NotFound("No webhook delivery with that id is visible to you.")
    return delivery


async def list_attempts(
    session: AsyncSession, params: PageParams, delivery_id: uuid.UUID
) -> tuple[list[WebhookAttempt], str | None]:
    stmt = select(WebhookAttempt).where(WebhookAttempt.delivery_id == delivery_id)
    return await paginate(session, stmt, params, ATTEMPT_SORTS, WebhookAttempt.id)


async def redeliver(
    session: AsyncSession,
    ctx: AuditContext,
    settings: Settings,
    delivery: WebhookDelivery,
    subscription: WebhookSubscription,
    now: datetime | None = None,
) -> WebhookDelivery:
    """Queue a fresh attempt now: a pending delivery is tried at once; a delivered or failed
    one is pending again, with a new retry window. Refused while a worker is sending it."""
    now = now or utcnow()
    before = {"status": delivery.status, "next_attempt_at": delivery.next_attempt_at}
    values: dict[str, Any] = {"status": DeliveryStatus.pending, "next_attempt_at": now}
    if delivery.status is not DeliveryStatus.pending:
        values |= {"deadline_at": now + retry_window(settings), "delivered_at": None}
    result = await session.execute(
        update(WebhookDelivery)
        .where(
            WebhookDelivery.id == delivery.id,
            or_(WebhookDelivery.locked_until.is_(None), WebhookDelivery.locked_until < now),
        )
        .values(**values, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict("A worker is sending this delivery right now; look again in a moment.")
    await session.refresh(delivery)
    await audit.record(
        session,
        ctx,
        action="webhook_delivery.redelivered",
        record_type="webhook_delivery",
        record_id=delivery.id,
        organisation_id=subscription.organisation_id,
        before=before,
        after={"status": delivery.status, "next_attempt_at": delivery.next_attempt_at},
    )
    return delivery
