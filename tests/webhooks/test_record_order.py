"""The worker sends concurrently, yet two events about one record never overtake each other:
records go in parallel, each record's events one after the other, even when the first of
them is slow to be answered."""

from __future__ import annotations

import asyncio
import uuid

from sqlalchemy import func, select

from gwella.organisations.models import Organisation
from gwella.webhooks.models import DeliveryStatus, WebhookDelivery
from gwella.worker import Worker
from tests.webhooks.conftest import Hooks


async def _pending(hooks: Hooks) -> int:
    async with hooks.sessionmaker() as s:
        return int(
            await s.scalar(
                select(func.count())
                .select_from(WebhookDelivery)
                .where(WebhookDelivery.status != DeliveryStatus.delivered)
            )
            or 0
        )


async def test_a_slow_first_delivery_holds_back_only_its_own_record(
    hooks: Hooks, org: Organisation
) -> None:
    await hooks.subscribe(org)
    slow, fast = uuid.uuid4(), uuid.uuid4()
    # Interleaved: slow 1, fast 1, slow 2, fast 2.
    for record, status in ((slow, "1"), (fast, "1"), (slow, "2"), (fast, "2")):
        await hooks.emit(org, record, status=status)
    hooks.receiver.slow_seconds = 0.3  # within the time-out (0.5 s here)
    hooks.receiver.script.append("slow")  # the first request: the slow record's first event

    settings = hooks.settings.model_copy(update={"worker_poll_seconds": 0.02})
    worker = Worker(settings, hooks.sessionmaker, config=hooks.config)
    assert worker.config.lanes >= 2
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run_deliveries(stop))
    try:
        async with asyncio.timeout(10):
            while await _pending(hooks):  # noqa: ASYNC110 - the database is polled
                await asyncio.sleep(0.02)
    finally:
        stop.set()
        await running

    # Both first events are sent at once: whichever arrived first was answered slowly.
    [held] = [r.event["data"]["action_id"] for r in hooks.receiver.requests if r.mode == "slow"]
    other = str(fast if held == str(slow) else slow)
    arrivals = [
        (r.event["data"]["action_id"], r.event["data"]["status"], r.at)
        for r in hooks.receiver.requests
    ]
    assert len(arrivals) == 4  # each sent once
    for record in (held, other):
        assert [s for a, s, _ in arrivals if a == record] == ["1", "2"]
    started = {(a, s): at for a, s, at in arrivals}
    # The other record was not held back: both its events arrived while the slow one's first
    # was still waiting for its answer; the slow record's second came only after that answer.
    answered = started[(held, "1")] + hooks.receiver.slow_seconds
    assert started[(other, "2")] < answered
    assert started[(held, "2")] >= answered
