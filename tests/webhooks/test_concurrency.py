"""Several workers at once: a delivery is leased to one worker at a time, so no event is
sent twice. PostgreSQL claims with SELECT … FOR UPDATE SKIP LOCKED; the portable path (an
atomic conditional UPDATE checked by its row count) is tested on both databases."""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from gwella.core.database import utcnow
from gwella.organisations.models import Organisation
from gwella.webhooks import claiming
from gwella.webhooks.models import DeliveryStatus, WebhookDelivery
from tests.webhooks.conftest import Hooks
from tests.webhooks.receiver import Receiver

PATHS = [pytest.param(False, id="auto"), pytest.param(True, id="portable")]
LEASE = timedelta(minutes=1)


async def _emit_many(hooks: Hooks, org: Organisation, n: int) -> None:
    for _ in range(n):
        await hooks.emit(org, uuid.uuid4())


@pytest.mark.parametrize("portable", PATHS)
async def test_concurrent_claims_are_disjoint(
    hooks: Hooks, org: Organisation, portable: bool
) -> None:
    await hooks.subscribe(org)
    await _emit_many(hooks, org, 24)
    now = utcnow()
    claims = await asyncio.gather(
        *(
            claiming.claim_deliveries(
                hooks.sessionmaker,
                worker_id=f"w{i}",
                now=now,
                limit=24,
                lease=LEASE,
                portable=portable,
            )
            for i in range(4)
        )
    )
    claimed = [i for ids in claims for i in ids]
    assert len(claimed) == len(set(claimed)) == 24, [len(c) for c in claims]
    async with hooks.sessionmaker() as s:
        owners = dict(
            (await s.execute(select(WebhookDelivery.id, WebhookDelivery.locked_by))).all()
        )
    for i, ids in enumerate(claims):
        assert all(owners[d] == f"w{i}" for d in ids)


@pytest.mark.parametrize("portable", PATHS)
async def test_two_workers_delivering_at_once_send_each_event_once(
    hooks: Hooks, org: Organisation, receiver: Receiver, portable: bool
) -> None:
    await hooks.subscribe(org)
    await _emit_many(hooks, org, 30)
    hooks.config = dataclasses.replace(hooks.config, batch_size=4, concurrency=2)
    now = utcnow()

    async def work(worker: str) -> int:
        total = 0
        while done := await hooks.step(now, worker, portable):
            total += done
        return total

    done = await asyncio.gather(work("w1"), work("w2"))
    assert sum(done) == 30
    ids = Counter(r.headers["webhook-id"] for r in receiver.requests)
    assert len(ids) == 30
    assert set(ids.values()) == {1}, "no event was sent twice"
    async with hooks.sessionmaker() as s:
        rows = list(await s.scalars(select(WebhookDelivery)))
    assert {(d.status, d.attempt_count, d.locked_by) for d in rows} == {
        (DeliveryStatus.delivered, 1, None)
    }


async def test_a_lease_keeps_others_off_until_it_lapses(hooks: Hooks, org: Organisation) -> None:
    await hooks.subscribe(org)
    await hooks.emit(org, uuid.uuid4())
    now = utcnow()

    async def claim(worker: str, at: timedelta) -> list[uuid.UUID]:
        return await claiming.claim_deliveries(
            hooks.sessionmaker, worker_id=worker, now=now + at, limit=5, lease=LEASE
        )

    first = await claim("w1", timedelta(0))
    assert len(first) == 1
    assert await claim("w2", timedelta(seconds=59)) == []
    assert await claim("w2", timedelta(seconds=61)) == first, "a dead worker's lease lapses"


async def test_skip_locked_claims_around_rows_locked_elsewhere(
    backend: str, hooks: Hooks, org: Organisation
) -> None:
    if backend != "postgresql":
        pytest.skip("row locks are PostgreSQL's")
    await hooks.subscribe(org)
    await _emit_many(hooks, org, 3)
    now = utcnow()
    async with hooks.sessionmaker() as locker:
        held = (
            await locker.scalars(
                select(WebhookDelivery)
                .order_by(WebhookDelivery.event_seq)
                .limit(1)
                .with_for_update()
            )
        ).one()
        held_id = held.id
        ids = await asyncio.wait_for(
            claiming.claim_deliveries(
                hooks.sessionmaker, worker_id="w1", now=now, limit=10, lease=LEASE
            ),
            timeout=5,
        )
        assert len(ids) == 2
        assert held_id not in ids, "the locked row is skipped, without waiting for it"
        await locker.rollback()
    again = await claiming.claim_deliveries(
        hooks.sessionmaker, worker_id="w2", now=now, limit=10, lease=LEASE
    )
    assert again == [held_id]
