"""Benchmark 3, time to insight: from the HTTP acknowledgement of a push that makes a release
due to the ``results`` event announcing it on an open ``GET /api/v1/stream``, while other
responses arrive at a steady rate (the load) through the same API.

Results of an anonymous campaign move on by releases of at least its minimum cell size (5)
of new responses in a service (and in their week and month): a probe pushes five responses of
one service and one day, which are released in the push's own transaction. Probes go to a
campaign of their own, one at a time, so each ``results`` event for it announces the last
probe; the load goes to another campaign of the same organisation, which the same stream also
watches. Two server processes, the stream held by one of them."""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
import uuid
from typing import Any

import httpx

from bench.common import (
    Scale,
    Server,
    World,
    client_headers,
    item,
    latency_summary,
    load_average,
    make_world,
    manager_headers,
    moment,
    sessions,
)

LOAD_BATCH = 10  # responses per request of the background load
RELEASE = 5  # the campaign's minimum cell size: a probe is one release


class Stream:
    """Reads the SSE stream; remembers when each change of the probe campaign arrived."""

    def __init__(self, probe_campaign: uuid.UUID) -> None:
        self.probe = str(probe_campaign)
        self.seen: dict[int, float] = {}
        self.events = 0
        self.opened = asyncio.Event()

    async def read(self, http: httpx.AsyncClient, headers: dict[str, str], seconds: float) -> None:
        async with http.stream(
            "GET", f"/api/v1/stream?seconds={seconds}", headers=headers, timeout=seconds + 30
        ) as answer:
            answer.raise_for_status()
            name = None
            async for line in answer.aiter_lines():
                self.opened.set()
                if line.startswith("event:"):
                    name = line.split(":", 1)[1].strip()
                elif line.startswith("data:") and name == "results":
                    data = json.loads(line.split(":", 1)[1])
                    self.events += 1
                    if data["campaign_id"] == self.probe:
                        # Probes go one at a time, so the n-th event of the probe campaign
                        # announces the n-th probe (its count itself is null below the
                        # campaign's minimum cell size).
                        self.seen[len(self.seen) + 1] = time.perf_counter()
                elif not line:
                    name = None


async def load(
    http: httpx.AsyncClient,
    headers: dict[str, str],
    world: World,
    campaign_id: uuid.UUID,
    rate: float,
    seconds: float,
) -> tuple[int, int]:
    """Open-loop background load: ``rate`` responses a second in batches; (sent, failed)."""
    rng = random.Random(5)
    interval = LOAD_BATCH / rate
    started = time.perf_counter()
    sent = failed = 0
    tasks: set[asyncio.Task[None]] = set()

    async def push(n: int) -> None:
        nonlocal sent, failed
        items = [item(world, rng, f"load-{n}-{i}", moment(world, rng)) for i in range(LOAD_BATCH)]
        answer = await http.post(
            "/api/v1/ingest/responses",
            json={"campaign_id": str(campaign_id), "items": items},
            headers=headers,
        )
        if answer.status_code == 200:
            sent += LOAD_BATCH
        else:
            failed += LOAD_BATCH

    n = 0
    while (due := started + n * interval) < started + seconds:
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        task = asyncio.create_task(push(n))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        n += 1
    if tasks:
        await asyncio.gather(*tasks)
    return sent, failed


async def probes(
    http: httpx.AsyncClient,
    headers: dict[str, str],
    world: World,
    campaign_id: uuid.UUID,
    stream: Stream,
    seconds: float,
) -> list[float]:
    """One release at a time to the probe campaign (five responses of one service and day);
    the seconds from its acknowledgement to its event on the stream."""
    rng = random.Random(6)
    latencies = []
    deadline = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < deadline:
        await asyncio.sleep(rng.uniform(0.2, 0.8))  # not in step with the stream's polling
        n += 1
        at = moment(world, rng)
        service = world.service_codes[n % len(world.service_codes)]
        items = [
            {**item(world, rng, f"probe-{n}-{i}", at), "service": service} for i in range(RELEASE)
        ]
        answer = await http.post(
            "/api/v1/ingest/responses",
            json={"campaign_id": str(campaign_id), "items": items},
            headers=headers,
        )
        acked = time.perf_counter()
        if answer.status_code != 200:
            raise RuntimeError(f"probe refused: {answer.status_code} {answer.text[:300]}")
        while n not in stream.seen:
            if time.perf_counter() - acked > 10:
                raise RuntimeError(f"probe {n} never reached the stream")
            await asyncio.sleep(0.005)
        latencies.append(max(0.0, stream.seen[n] - acked))
    return latencies


async def run(database_url: str, env: dict[str, str], scale: Scale) -> dict[str, Any]:
    async with sessions(database_url) as maker:
        world = await make_world(maker, tag="insight", campaigns_count=2)
    load_campaign, probe_campaign = world.extra["campaign_ids"]
    seconds = scale.insight_seconds
    with Server(env, workers=2, name="insight") as srv:
        async with (
            httpx.AsyncClient(base_url=srv.url, timeout=60) as http,
            httpx.AsyncClient(base_url=srv.url, timeout=60) as sse,
        ):
            pusher = await client_headers(http, world)
            reader = await manager_headers(http, world)
            stream = Stream(probe_campaign)
            reading = asyncio.create_task(stream.read(sse, reader, seconds + 15))
            await asyncio.wait_for(stream.opened.wait(), 30)
            await asyncio.sleep(1.0)  # the stream's baseline is taken
            loading = asyncio.create_task(
                load(http, pusher, world, load_campaign, scale.insight_rate, seconds)
            )
            latencies = await probes(http, pusher, world, probe_campaign, stream, seconds)
            sent, failed = await loading
            reading.cancel()
            with contextlib.suppress(asyncio.CancelledError, httpx.HTTPError):
                await reading
    summary = latency_summary(latencies)
    return {
        "name": "insight",
        "what": (
            f"ack of a push that makes a release due ({RELEASE} responses of one service and "
            f"day) to its SSE 'results' event; background load "
            f"{scale.insight_rate:g} responses/s in batches of {LOAD_BATCH} for {seconds:g} s; "
            "2 server processes"
        ),
        "probe": summary,
        "load_sent": sent,
        "load_failed": failed,
        "load_rate_achieved": round(sent / seconds, 1),
        "stream_results_events": stream.events,
        "targets": {"p95_ms": 1000},
        "met": summary["p95_ms"] < 1000 and failed == 0,
        "load_average": load_average(),
    }
