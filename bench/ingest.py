"""Benchmark 1, ingestion: batches of 1,000 responses to a 12-question instrument pushed over
HTTP to ``POST /api/v1/ingest/responses``, against the same rows written by asyncpg's
``copy_records_to_table`` straight into ``responses`` and ``answers`` (the physical limit of
this machine). Rounds alternate HTTP and COPY, so both see the same machine."""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
import time
import uuid
from typing import Any

import asyncpg
import httpx

from bench.common import (
    QUESTION_TYPES,
    Scale,
    Server,
    World,
    asyncpg_dsn,
    client_headers,
    item,
    load_average,
    make_world,
    median,
    moment,
    sessions,
)

RESPONSE_COLUMNS = (
    "id",
    "campaign_id",
    "service_id",
    "instrument_version_id",
    "channel",
    "language",
    "submission_id",
    "content_hash",
    "submitted_at",
    "source_organisation_id",
    "external_id",
    "record_key",
)
ANSWER_COLUMNS = ("id", "response_id", "question_key", "value", "text", "moderation")


def http_batches(world: World, rng: random.Random, prefix: str, n: int, size: int) -> list[bytes]:
    """Request bodies, encoded before the clock starts."""
    out = []
    for start in range(0, n, size):
        items = [
            item(world, rng, f"{prefix}-{i}", moment(world, rng))
            for i in range(start, min(n, start + size))
        ]
        out.append(json.dumps({"campaign_id": str(world.campaign_id), "items": items}).encode())
    return out


def copy_batches(
    world: World, rng: random.Random, prefix: str, n: int, size: int
) -> list[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
    """The rows the endpoint would write for the same kind of items: (responses, answers)."""
    services = dict(zip(world.service_codes, world.service_ids, strict=True))
    out = []
    for start in range(0, n, size):
        responses, answer_rows = [], []
        for i in range(start, min(n, start + size)):
            it = item(world, rng, f"{prefix}-{i}", moment(world, rng))
            response_id = uuid.uuid4()
            digest = hashlib.sha256(json.dumps(it["answers"], sort_keys=True).encode()).hexdigest()
            at = moment(world, rng).replace(hour=0, minute=0, second=0, microsecond=0)
            responses.append(
                (
                    response_id,
                    world.campaign_id,
                    services[it["service"]],
                    world.version_id,
                    "partner",
                    "en",
                    uuid.uuid4(),
                    digest,
                    at,
                    world.org_id,
                    it["external_id"],
                    rng.randrange(65536),
                )
            )
            for key, value in it["answers"].items():
                free = QUESTION_TYPES[key] == "free_text"
                answer_rows.append(
                    (
                        uuid.uuid4(),
                        response_id,
                        key,
                        json.dumps({"v": value}),
                        value if free else None,
                        "new" if free else None,
                    )
                )
        out.append((responses, answer_rows))
    return out


async def send_http(
    http: httpx.AsyncClient, headers: dict[str, str], bodies: list[bytes], concurrency: int
) -> float:
    """Push every body (``concurrency`` at a time); the seconds it took."""
    queue = list(reversed(bodies))
    headers = {**headers, "Content-Type": "application/json"}

    async def sender() -> None:
        while queue:
            body = queue.pop()
            answer = await http.post("/api/v1/ingest/responses", content=body, headers=headers)
            if answer.status_code != 200 or answer.json()["status"] != "completed":
                raise RuntimeError(f"ingestion failed: {answer.status_code} {answer.text[:500]}")

    started = time.perf_counter()
    await asyncio.gather(*(sender() for _ in range(concurrency)))
    return time.perf_counter() - started


async def send_copy(
    dsn: str,
    batches: list[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]],
    concurrency: int,
) -> float:
    """COPY every batch (one transaction each, ``concurrency`` connections); seconds taken."""
    connections = [await asyncpg.connect(dsn) for _ in range(concurrency)]
    queue = list(reversed(batches))

    async def copier(conn: asyncpg.Connection) -> None:
        while queue:
            responses, answer_rows = queue.pop()
            async with conn.transaction():
                await conn.copy_records_to_table(
                    "responses", records=responses, columns=RESPONSE_COLUMNS
                )
                await conn.copy_records_to_table(
                    "answers", records=answer_rows, columns=ANSWER_COLUMNS
                )

    try:
        started = time.perf_counter()
        await asyncio.gather(*(copier(c) for c in connections))
        return time.perf_counter() - started
    finally:
        for c in connections:
            await c.close()


async def run(
    database_url: str, env: dict[str, str], scale: Scale, *, workers: int = 2
) -> dict[str, Any]:
    async with sessions(database_url) as maker:
        world = await make_world(maker, tag="ingest")
    rng = random.Random(1)
    n, size = scale.ingest_per_round, scale.ingest_batch
    concurrency = workers
    http_rates: list[float] = []
    copy_rates: list[float] = []
    with Server(env, workers=workers, name="ingest") as srv:
        async with httpx.AsyncClient(base_url=srv.url, timeout=120) as http:
            headers = await client_headers(http, world)
            # Warm-up (connections, caches, JIT-less Python's first calls): not measured.
            await send_http(http, headers, http_batches(world, rng, "warm", size, size), 1)
            for r in range(scale.ingest_rounds):
                bodies = http_batches(world, rng, f"http{r}", n, size)
                seconds = await send_http(http, headers, bodies, concurrency)
                http_rates.append(n / seconds)
                batches = copy_batches(world, rng, f"copy{r}", n, size)
                seconds = await send_copy(asyncpg_dsn(database_url), batches, concurrency)
                copy_rates.append(n / seconds)
    http_rate, copy_rate = median(http_rates), median(copy_rates)
    return {
        "name": "ingestion",
        "what": (
            f"{n} responses per round of a 12-question instrument in batches of {size}, "
            f"{concurrency} at a time; HTTP to {workers} server processes vs asyncpg COPY "
            f"on {concurrency} connections; {scale.ingest_rounds} rounds, alternating"
        ),
        "http_responses_per_s": [round(x) for x in http_rates],
        "copy_responses_per_s": [round(x) for x in copy_rates],
        "median_http_per_s": round(http_rate),
        "median_copy_per_s": round(copy_rate),
        "ratio_http_to_copy": round(http_rate / copy_rate, 3),
        "targets": {"http_per_s": 10_000, "ratio": 0.5},
        "met": http_rate >= 10_000 and http_rate / copy_rate >= 0.5,
        "load_average": load_average(),
    }
