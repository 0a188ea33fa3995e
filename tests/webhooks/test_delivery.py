"""Delivery against a real receiver on 127.0.0.1: signatures, order per record, retries with
backoff (time driven by passing ``now``), time-outs, the outbox's transactionality."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import importlib.util
import json
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts import api_clients as accounts
from gwella.core.database import utcnow
from gwella.organisations.models import Organisation
from gwella.webhooks import claiming, delivery
from gwella.webhooks import service as webhooks
from gwella.webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from gwella.webhooks.schemas import (
    WebhookEventType,
    WebhookSubscriptionCreate,
    WebhookSubscriptionUpdate,
)
from gwella.webhooks.signing import verify
from tests.factories import SYSTEM, make_api_client
from tests.webhooks.conftest import Hooks
from tests.webhooks.receiver import Receiver

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "webhook_receiver.py"


def example_receiver() -> ModuleType:
    spec = importlib.util.spec_from_file_location("example_webhook_receiver", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def all_deliveries(maker: async_sessionmaker[AsyncSession]) -> list[WebhookDelivery]:
    async with maker() as s:
        rows = await s.scalars(select(WebhookDelivery).order_by(WebhookDelivery.event_seq))
        return list(rows)


async def only_delivery(maker: async_sessionmaker[AsyncSession]) -> WebhookDelivery:
    [d] = await all_deliveries(maker)
    return d


async def attempts(maker: async_sessionmaker[AsyncSession]) -> list[WebhookAttempt]:
    async with maker() as s:
        return list(await s.scalars(select(WebhookAttempt).order_by(WebhookAttempt.attempted_at)))


async def count(maker: async_sessionmaker[AsyncSession], model: type) -> int:
    async with maker() as s:
        return int(await s.scalar(select(func.count()).select_from(model)) or 0)


async def drain(hooks: Hooks, now: datetime, worker: str = "w1", portable: bool = False) -> int:
    total = 0
    for _ in range(100):
        done = await hooks.step(now, worker, portable)
        if not done:
            return total
        total += done
    raise AssertionError("the outbox never drained")


# ------------------------------------------------------------------------------ signing


async def test_signature_verifies(hooks: Hooks, org: Organisation, receiver: Receiver) -> None:
    _, secret = await hooks.subscribe(org)
    action = uuid.uuid4()
    await hooks.emit(org, action)
    assert await hooks.step() == 1

    [request] = receiver.requests
    h, body = request.headers, request.body
    key = base64.b64decode(secret.removeprefix("whsec_"))
    assert len(key) >= 24
    signed = f"{h['webhook-id']}.{h['webhook-timestamp']}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    assert h["webhook-signature"] == "v1," + base64.b64encode(digest).decode()
    assert abs(int(h["webhook-timestamp"]) - time.time()) < 60
    assert h["content-type"] == "application/json"

    event = json.loads(body)
    assert set(event) == {"id", "type", "timestamp", "data"}
    assert event["id"] == h["webhook-id"]
    assert event["type"] == "action.status_changed"
    assert event["data"] == {
        "organisation_id": str(org.id),
        "action_id": str(action),
        "previous_status": "proposed",
        "status": "agreed",
    }
    assert datetime.fromisoformat(event["timestamp"]) <= utcnow()

    # The documented example receiver accepts it, and refuses anything else.
    example = example_receiver()
    assert example.verify_webhook(secret, h, body)["id"] == event["id"]
    bad = example.WebhookVerificationError
    with pytest.raises(bad, match="signature"):
        example.verify_webhook(secret, h, body.replace(b"agreed", b"refused"))
    with pytest.raises(bad, match="signature"):
        example.verify_webhook("whsec_" + base64.b64encode(b"x" * 32).decode(), h, body)
    with pytest.raises(bad, match="tolerance"):
        example.verify_webhook(secret, h, body, now=int(h["webhook-timestamp"]) + 301)
    with pytest.raises(bad, match="missing"):
        example.verify_webhook(secret, {}, body)


async def test_a_rotated_secret_signs_beside_the_new_one_for_a_while(
    hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    sub, old = await hooks.subscribe(org)
    async with hooks.sessionmaker() as s:
        row = await webhooks.get_subscription(s, sub.id)
        _, new = await webhooks.rotate_secret(s, SYSTEM, hooks.settings, row)
        await s.commit()
    assert new != old
    await hooks.emit(org, uuid.uuid4())
    await hooks.step()
    h, body = receiver.requests[-1].headers, receiver.requests[-1].body
    args = (h["webhook-id"], int(h["webhook-timestamp"]), body, h["webhook-signature"])
    assert len(h["webhook-signature"].split(" ")) == 2
    assert verify(new, *args)
    assert verify(old, *args)

    async with hooks.sessionmaker() as s:
        row = await webhooks.get_subscription(s, sub.id)
        _, newest = await webhooks.rotate_secret(s, SYSTEM, hooks.settings, row, timedelta(0))
        await s.commit()
    await hooks.emit(org, uuid.uuid4())
    await hooks.step()
    h, body = receiver.requests[-1].headers, receiver.requests[-1].body
    args = (h["webhook-id"], int(h["webhook-timestamp"]), body, h["webhook-signature"])
    assert " " not in h["webhook-signature"]
    assert verify(newest, *args)
    assert not verify(new, *args)
    assert not verify(old, *args)


async def test_a_secret_that_no_longer_decrypts_is_an_attempt_that_says_so(
    hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    await hooks.subscribe(org)
    await hooks.emit(org, uuid.uuid4())
    hooks.config = dataclasses.replace(hooks.config, secret_key="another-key-" * 4)
    assert await hooks.step() == 1
    assert receiver.requests == []
    [attempt] = await attempts(hooks.sessionmaker)
    assert attempt.status_code is None
    assert "rotate" in (attempt.error or "")
    assert (await only_delivery(hooks.sessionmaker)).status is DeliveryStatus.pending


# ------------------------------------------------------------------- order, once, retries


async def test_a_receiver_down_then_back_gets_every_event_once_in_order_per_record(
    hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    await hooks.subscribe(org)
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    emitted = [(a, "agreed"), (b, "agreed"), (a, "in_progress"), (a, "done"), (c, "agreed")]
    emitted.append((b, "done"))
    for record, status in emitted:
        await hooks.emit(org, record, status)

    t = utcnow()
    receiver.mode = "error"
    assert await hooks.step(t) == 3, "only the first event of each record is tried"
    receiver.mode = "drop"
    assert await hooks.step(t + timedelta(seconds=2)) == 0, "not due yet"
    t += timedelta(seconds=6)
    assert await hooks.step(t) == 3
    assert receiver.accepted == []

    receiver.mode = "ok"
    t += timedelta(seconds=40)
    assert await drain(hooks, t) == 6

    ids = [r.headers["webhook-id"] for r in receiver.accepted]
    assert len(ids) == len(set(ids)) == 6, "every event exactly once"
    seen: dict[str, list[str]] = {}
    for r in receiver.accepted:
        seen.setdefault(r.event["data"]["action_id"], []).append(r.event["data"]["status"])
    assert seen == {
        str(a): ["agreed", "in_progress", "done"],
        str(b): ["agreed", "done"],
        str(c): ["agreed"],
    }
    rows = await all_deliveries(hooks.sessionmaker)
    assert {d.status for d in rows} == {DeliveryStatus.delivered}
    assert [d.attempt_count for d in rows] == [3, 3, 1, 1, 3, 1]
    assert len(receiver.requests) == 12
    assert await count(hooks.sessionmaker, WebhookAttempt) == 12


async def test_retries_back_off_until_the_deadline_then_fail(
    hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    await hooks.subscribe(org)
    await hooks.emit(org, uuid.uuid4())
    receiver.mode = "error"
    t = utcnow()
    assert await hooks.step(t) == 1
    for expected in (5, 30, 120, 600, 3600, 3600):
        d = await only_delivery(hooks.sessionmaker)
        wait = (d.next_attempt_at - t).total_seconds()
        assert expected <= wait <= expected * 1.1 + 0.001, (expected, wait)
        assert await hooks.step(t + timedelta(seconds=expected - 1)) == 0
        t = d.next_attempt_at
        assert await hooks.step(t) == 1
    d = await only_delivery(hooks.sessionmaker)
    assert d.status is DeliveryStatus.pending
    assert d.attempt_count == 7
    assert d.deadline_at - d.created_at == timedelta(hours=24)

    t = d.deadline_at + timedelta(seconds=1)
    assert await hooks.step(t) == 1
    d = await only_delivery(hooks.sessionmaker)
    assert d.status is DeliveryStatus.failed
    assert d.attempt_count == 8
    assert await hooks.step(t + timedelta(days=1)) == 0
    tried = await attempts(hooks.sessionmaker)
    assert len(tried) == len(receiver.requests) == 8
    assert {(a.status_code, a.error) for a in tried} == {(500, "HTTP 500")}
    assert tried[0].response_body == "oops\ufffd not today", "truncated, NUL-free body"


async def test_the_last_retry_falls_on_the_deadline(
    hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    await hooks.subscribe(org)
    await hooks.emit(org, uuid.uuid4())
    receiver.mode = "error"
    d = await only_delivery(hooks.sessionmaker)
    near_end = d.deadline_at - timedelta(minutes=10)
    assert await hooks.step(near_end) == 1
    d = await only_delivery(hooks.sessionmaker)
    assert d.status is DeliveryStatus.pending
    assert d.next_attempt_at <= d.deadline_at


async def test_retry_after_is_honoured(hooks: Hooks, org: Organisation, receiver: Receiver) -> None:
    await hooks.subscribe(org)
    await hooks.emit(org, uuid.uuid4())
    receiver.mode = "busy"
    t = utcnow()
    assert await hooks.step(t) == 1
    d = await only_delivery(hooks.sessionmaker)
    assert d.last_status_code == 503
    assert (d.next_attempt_at - t).total_seconds() >= 120


async def test_a_receiver_that_never_answers_times_out(
    hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    await hooks.subscribe(org)
    await hooks.emit(org, uuid.uuid4())
    hooks.config = dataclasses.replace(hooks.config, timeout=0.2)
    receiver.mode = "hang"
    started = time.monotonic()
    assert await hooks.step() == 1
    assert time.monotonic() - started < 2
    [attempt] = await attempts(hooks.sessionmaker)
    assert attempt.status_code is None
    assert attempt.error == "no complete answer within 0.2 s"
    assert 150 <= attempt.duration_ms < 2000
    assert (await only_delivery(hooks.sessionmaker)).status is DeliveryStatus.pending


async def test_a_refused_connection_is_retried(hooks: Hooks, org: Organisation) -> None:
    await hooks.subscribe(org, url="http://127.0.0.1:9/nothing-listens-here")
    await hooks.emit(org, uuid.uuid4())
    assert await hooks.step() == 1
    [attempt] = await attempts(hooks.sessionmaker)
    assert attempt.status_code is None
    assert "Connect" in (attempt.error or "")


# ------------------------------------------------------------------------ the outbox


async def test_an_event_emitted_in_a_rolled_back_transaction_is_never_delivered(
    hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    await hooks.subscribe(org)
    action = uuid.uuid4()
    async with hooks.sessionmaker() as s:
        await webhooks.emit(
            s,
            event_type="action.created",
            organisation_id=org.id,
            record_type="action",
            record_id=action,
            payload={
                "action_id": action,
                "title": "Evening clinic",
                "status": "proposed",
                "source": "service_user",
            },
        )
        assert await s.scalar(select(func.count()).select_from(WebhookDelivery)) == 1
        await s.rollback()
    assert await hooks.step(utcnow() + timedelta(days=1)) == 0
    assert receiver.requests == []
    assert await count(hooks.sessionmaker, WebhookEvent) == 0
    assert await count(hooks.sessionmaker, WebhookDelivery) == 0


async def test_only_active_subscriptions_wanting_the_event_get_it(
    hooks: Hooks, org: Organisation, receiver: Receiver, session: AsyncSession
) -> None:
    wants, _ = await hooks.subscribe(org, [WebhookEventType.action_status_changed])
    await hooks.subscribe(org, [WebhookEventType.action_created])
    other = await make_org_quick(session)
    await hooks.subscribe(other)
    await hooks.emit(org, uuid.uuid4())
    assert [d.subscription_id for d in await all_deliveries(hooks.sessionmaker)] == [wants.id]

    async with hooks.sessionmaker() as s:  # paused: the delivery waits
        row = await webhooks.get_subscription(s, wants.id)
        patch = WebhookSubscriptionUpdate(is_active=False)
        await webhooks.update_subscription(
            s, SYSTEM, hooks.settings, row, patch, f'"{row.version}"'
        )
        await s.commit()
    assert await hooks.step() == 0
    await hooks.emit(org, uuid.uuid4())
    assert await count(hooks.sessionmaker, WebhookDelivery) == 1, "none for a paused one"

    async with hooks.sessionmaker() as s:
        row = await webhooks.get_subscription(s, wants.id)
        patch = WebhookSubscriptionUpdate(is_active=True)
        await webhooks.update_subscription(
            s, SYSTEM, hooks.settings, row, patch, f'"{row.version}"'
        )
        await s.commit()
    assert await hooks.step() == 1
    assert len(receiver.accepted) == 1


async def make_org_quick(session: AsyncSession) -> Organisation:
    from tests.factories import make_org

    return await make_org(session)


async def test_a_revoked_api_clients_subscriptions_get_nothing(
    hooks: Hooks, org: Organisation, session: AsyncSession
) -> None:
    client = await make_api_client(session, org)
    async with hooks.sessionmaker() as s:
        await webhooks.create_subscription(
            s,
            SYSTEM,
            hooks.settings,
            WebhookSubscriptionCreate(url=hooks.receiver.url, event_types=list(WebhookEventType)),
            organisation_id=org.id,
            api_client_id=client.record.id,
        )
        await s.commit()
    await hooks.emit(org, uuid.uuid4())
    assert await count(hooks.sessionmaker, WebhookDelivery) == 1
    async with hooks.sessionmaker() as s:
        record = await accounts.get_api_client(s, client.record.id)
        await accounts.revoke_api_client(s, SYSTEM, record)
        await s.commit()
    await hooks.emit(org, uuid.uuid4())
    assert await count(hooks.sessionmaker, WebhookDelivery) == 1


async def test_emit_refuses_a_payload_its_schema_does_not_describe(
    hooks: Hooks, org: Organisation
) -> None:
    await hooks.subscribe(org)
    async with hooks.sessionmaker() as s:
        with pytest.raises(ValueError, match="does not match"):
            await webhooks.emit(
                s,
                event_type="campaign.closed",
                organisation_id=org.id,
                record_type="campaign",
                record_id=uuid.uuid4(),
                payload={"campaign_id": uuid.uuid4(), "secret_notes": "x"},
            )
        with pytest.raises(ValueError, match=r"not a valid|is not a valid"):
            await webhooks.emit(
                s,
                event_type="campaign.opened",
                organisation_id=org.id,
                record_type="campaign",
                record_id=uuid.uuid4(),
                payload={},
            )
        with pytest.raises(ValueError, match="differs"):
            await webhooks.emit(
                s,
                event_type="action.status_changed",
                organisation_id=org.id,
                record_type="action",
                record_id=uuid.uuid4(),
                payload={
                    "organisation_id": uuid.uuid4(),
                    "action_id": uuid.uuid4(),
                    "previous_status": "a",
                    "status": "b",
                },
            )


async def test_finished_deliveries_are_pruned_after_the_retention(
    hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    await hooks.subscribe(org)
    await hooks.emit(org, uuid.uuid4())
    await hooks.step()
    receiver.mode = "error"
    await hooks.emit(org, uuid.uuid4())
    await hooks.step()
    later = utcnow() + timedelta(days=31)
    assert await delivery.prune(hooks.sessionmaker, later, timedelta(days=30)) == 1
    [left] = await all_deliveries(hooks.sessionmaker)
    assert left.status is DeliveryStatus.pending
    assert await count(hooks.sessionmaker, WebhookEvent) == 1
    assert await count(hooks.sessionmaker, WebhookAttempt) == 1


async def test_a_delivery_whose_subscription_went_meanwhile_is_let_go(
    hooks: Hooks, org: Organisation
) -> None:
    sub, _ = await hooks.subscribe(org)
    await hooks.emit(org, uuid.uuid4())
    now = utcnow()
    ids = await claiming.claim_deliveries(
        hooks.sessionmaker, worker_id="w1", now=now, limit=10, lease=timedelta(minutes=1)
    )
    [job] = await claiming.load_jobs(hooks.sessionmaker, ids, hooks.config.secret_key, now)
    async with hooks.sessionmaker() as s:
        await webhooks.delete_subscription(s, SYSTEM, await s.get_one(WebhookSubscription, sub.id))
        await s.commit()
    outcome = await delivery.send(hooks.http, job, int(now.timestamp()), 1.0)
    await delivery._record_all(hooks.sessionmaker, [(job, outcome, now)], "w1")
    assert await count(hooks.sessionmaker, WebhookAttempt) == 0
