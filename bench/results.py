"""Benchmark 2, results and indicators: the campaign dashboard's API calls (the campaign's
results over the whole window and by month, and an indicator's SPC chart) with 10,000 and then
1,000,000 responses stored, against a plain GROUP BY over all the responses computing the same
numbers (the results over the whole window).

The responses are loaded with COPY (fast) and the result cells computed from the very same
generated answers by the app's own ``results.aggregate`` code, so the API reads exactly what
ingestion would have left; the run checks that the API's unsuppressed counts equal the
GROUP BY's."""

from __future__ import annotations

import asyncio
import json
import random
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx

from bench.common import (
    QUESTIONS,
    Scale,
    Server,
    World,
    answers,
    asyncpg_dsn,
    client_headers,
    item,
    latency_summary,
    load_average,
    make_world,
    manager_headers,
    median,
    moment,
    sessions,
    vacuum_analyze,
)
from bench.ingest import ANSWER_COLUMNS, RESPONSE_COLUMNS

POOL = 400  # distinct answer sets the responses are drawn from
CHUNK = 20_000

GROUP_BY = """
SELECT r.service_id, a.question_key, COALESCE(e.v, a.value ->> 'v') AS value,
       count(*) AS n,
       sum(CASE WHEN jsonb_typeof(a.value -> 'v') = 'number'
                THEN (a.value ->> 'v')::double precision END) AS total
FROM responses r
JOIN answers a ON a.response_id = r.id
LEFT JOIN LATERAL jsonb_array_elements_text(
    CASE WHEN jsonb_typeof(a.value -> 'v') = 'array' THEN a.value -> 'v' END
) AS e(v) ON true
WHERE r.campaign_id = $1
GROUP BY 1, 2, 3
"""
RESPONSE_COUNTS = (
    "SELECT service_id, count(*) AS n FROM responses WHERE campaign_id = $1 GROUP BY 1"
)


class Loader:
    """Adds generated responses to the world's campaign: rows by COPY, cells by the app."""

    def __init__(self, world: World, database_url: str) -> None:
        from gwella.instruments.content import InstrumentContent

        self.world = world
        self.database_url = database_url
        self.dsn = asyncpg_dsn(database_url)
        self.rng = random.Random(2)
        self.pool = [answers(self.rng) for _ in range(POOL)]
        self.pool_json = [{k: json.dumps({"v": v}) for k, v in a.items()} for a in self.pool]
        self.content = InstrumentContent.model_validate({"sections": [], "questions": QUESTIONS})
        self.loaded = 0
        self.next_id = uuid.uuid4().int >> 64 << 64  # sequential ids after a random prefix
        now = datetime.now(UTC)
        start = world.opens_at
        days = max(1, (now - start).days)
        self.days = [
            (start + timedelta(days=d)).replace(hour=0, minute=0, second=0, microsecond=0)
            for d in range(1, days)
        ]

    def _ids(self, n: int) -> list[uuid.UUID]:
        first = self.next_id
        self.next_id += n
        return [uuid.UUID(int=first + i) for i in range(n)]

    def _chunk(
        self, n: int, groups: Counter[tuple[int, int, int]]
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        w, rng = self.world, self.rng
        response_ids = self._ids(n)
        answer_ids = iter(self._ids(n * 12))
        responses, answer_rows = [], []
        for response_id in response_ids:
            s = rng.randrange(len(w.service_ids))
            d = rng.randrange(len(self.days))
            p = rng.randrange(POOL)
            record_key = rng.randrange(65536)
            groups[(s, d, p)] += 1
            self.keys[(s, d, p)] += record_key
            responses.append(
                (
                    response_id,
                    w.campaign_id,
                    w.service_ids[s],
                    w.version_id,
                    "partner",
                    "en",
                    response_id,
                    "0" * 64,
                    self.days[d],
                    w.org_id,
                    response_id.hex,
                    record_key,
                )
            )
            for key, value in self.pool_json[p].items():
                free = key == "comment"
                answer_rows.append(
                    (
                        next(answer_ids),
                        response_id,
                        key,
                        value,
                        self.pool[p][key] if free else None,
                        "new" if free else None,
                    )
                )
        return responses, answer_rows

    async def grow_to(self, total: int) -> float:
        """Load responses until ``total`` are stored; the seconds it took."""
        from gwella.results import aggregate
        from gwella.results.aggregate import Counted

        started = time.perf_counter()
        groups: Counter[tuple[int, int, int]] = Counter()
        self.keys: Counter[tuple[int, int, int]] = Counter()
        conns = [await asyncpg.connect(self.dsn) for _ in range(2)]
        try:
            # Chunk i goes to connection i % 2, once that connection's previous one is in.
            busy: list[asyncio.Task[None] | None] = [None, None]
            chunk = 0
            while self.loaded < total:
                n = min(CHUNK, total - self.loaded)
                responses, answer_rows = self._chunk(n, groups)
                self.loaded += n
                slot = chunk % 2
                previous = busy[slot]
                if previous is not None:
                    await previous
                busy[slot] = asyncio.create_task(_copy(conns[slot], responses, answer_rows))
                chunk += 1
            await asyncio.gather(*(t for t in busy if t is not None))
        finally:
            for c in conns:
                await c.close()
        # The cells: the app's own deltas for one response of each (service, day, answers)
        # group, times the group's size (and the group's record keys added up).
        changes: dict[Any, list[float]] = {}
        for (s, d, p), count in groups.items():
            one = aggregate.deltas(
                self.world.campaign_id,
                self.content,
                [Counted(1, self.world.service_ids[s], self.days[d].date(), self.pool[p])],
                +1,
            )
            keys = self.keys[(s, d, p)]
            for key, (c, t, k) in one.items():
                cell = changes.setdefault(key, [0, 0.0, 0])
                cell[0] += c * count
                cell[1] += t * count
                cell[2] += k * keys
        async with sessions(self.database_url) as maker, maker() as session:
            await aggregate.apply(session, changes)
            await session.commit()
        return time.perf_counter() - started


async def _copy(
    conn: asyncpg.Connection, responses: list[tuple[Any, ...]], answer_rows: list[tuple[Any, ...]]
) -> None:
    async with conn.transaction():
        await conn.copy_records_to_table("responses", records=responses, columns=RESPONSE_COLUMNS)
        await conn.copy_records_to_table("answers", records=answer_rows, columns=ANSWER_COLUMNS)


async def timed_get(
    http: httpx.AsyncClient, url: str, headers: dict[str, str], calls: int
) -> tuple[list[float], Any]:
    seconds, body = [], None
    for _ in range(calls):
        started = time.perf_counter()
        answer = await http.get(url, headers=headers)
        seconds.append(time.perf_counter() - started)
        if answer.status_code != 200:
            raise RuntimeError(f"GET {url}: {answer.status_code} {answer.text[:300]}")
        body = answer.json()
    return seconds, body


async def group_by(dsn: str, campaign_id: uuid.UUID, calls: int) -> tuple[list[float], Any]:
    conn = await asyncpg.connect(dsn)
    try:
        seconds, rows = [], None
        for _ in range(calls):
            started = time.perf_counter()
            cells = await conn.fetch(GROUP_BY, campaign_id)
            counts = await conn.fetch(RESPONSE_COUNTS, campaign_id)
            seconds.append(time.perf_counter() - started)
            rows = (cells, counts)
        return seconds, rows
    finally:
        await conn.close()


def check_same_numbers(body: dict[str, Any], rows: Any) -> int:
    """The API's published counts per service are the GROUP BY's, moved by at most the
    perturbation's maximum change (3); how many were compared."""
    cells, counts = rows
    by_cell = {(str(r["service_id"]), r["question_key"], r["value"]): r["n"] for r in cells}
    by_service = {str(r["service_id"]): r["n"] for r in counts}
    [period] = body["periods"]
    compared = 0
    for unit in period["responses"]["units"]:
        if unit["n"] is not None:
            assert abs(unit["n"] - by_service.get(unit["service_id"], 0)) <= 3, unit
            compared += 1
    for question in period["questions"]:
        for row in question["units"]:
            for cell in row["cells"]:
                if cell["count"] is None:
                    continue
                expected = by_cell.get((row["unit"], question["question_key"], cell["value"]), 0)
                assert abs(cell["count"] - expected) <= 3, (
                    question["question_key"],
                    row["unit"],
                    cell,
                )
                compared += 1
    if not compared:
        raise AssertionError("nothing to compare: every count was suppressed")
    return compared


async def run(database_url: str, env: dict[str, str], scale: Scale) -> dict[str, Any]:
    dsn = asyncpg_dsn(database_url)
    async with sessions(database_url) as maker:
        world = await make_world(maker, tag="results")
    loader = Loader(world, database_url)
    sizes: list[dict[str, Any]] = []
    base = f"/api/v1/campaigns/{world.campaign_id}/results"
    calls = {
        "results_all": base,
        "results_month": base + "?period=month",
        "indicator_chart": f"/api/v1/indicators/{world.indicator_id}/chart"
        f"?organisation_id={world.org_id}",
    }
    for size, gb_calls in zip(scale.results_sizes, scale.group_by_calls, strict=True):
        load_seconds = await loader.grow_to(size)
        await vacuum_analyze(database_url, "responses", "answers", "result_cells")
        entry: dict[str, Any] = {"responses": size, "load_seconds": round(load_seconds, 1)}
        with Server(env, workers=1, name="results") as srv:
            async with httpx.AsyncClient(base_url=srv.url, timeout=60) as http:
                headers = await manager_headers(http, world)
                for name, url in calls.items():
                    await timed_get(http, url, headers, 3 if scale.name == "full" else 1)
                    seconds, _ = await timed_get(http, url, headers, scale.results_calls)
                    entry[name] = latency_summary(seconds)
                # The same calls, each right after a release was pushed (five responses of one
                # service and day, not timed): the results then differ from any remembered, so
                # every call computes them anew.
                pusher = await client_headers(http, world)
                rng = random.Random(size)
                for name in ("results_all", "results_month"):
                    seconds = []
                    for i in range(max(1, scale.results_calls // 4)):
                        at, service = moment(world, rng), rng.choice(world.service_codes)
                        new = [
                            {
                                **item(world, rng, f"fresh-{size}-{name}-{i}-{j}", at),
                                "service": service,
                            }
                            for j in range(5)
                        ]
                        pushed = await http.post(
                            "/api/v1/ingest/responses",
                            headers=pusher,
                            json={"campaign_id": str(world.campaign_id), "items": new},
                        )
                        if pushed.status_code != 200 or pushed.json()["imported"] != 5:
                            raise RuntimeError(f"push: {pushed.status_code} {pushed.text[:300]}")
                        more, _ = await timed_get(http, calls[name], headers, 1)
                        seconds += more
                    entry[f"{name}_after_change"] = latency_summary(seconds)
                _, body = await timed_get(http, calls["results_all"], headers, 1)
        gb_seconds, rows = await group_by(dsn, world.campaign_id, gb_calls)
        entry["group_by"] = latency_summary(gb_seconds)
        entry["cells_compared"] = check_same_numbers(body, rows)
        entry["ratio_group_by_to_results"] = round(
            median(gb_seconds) * 1000 / entry["results_all"]["p50_ms"], 1
        )
        sizes.append(entry)
    timed = [*calls, "results_all_after_change", "results_month_after_change"]
    worst_p95 = max(e[name]["p95_ms"] for e in sizes for name in timed)
    worst_ratio = min(e["ratio_group_by_to_results"] for e in sizes)
    return {
        "name": "results",
        "what": (
            "GET results (whole window, by month) and the indicator chart, sequential calls "
            "to 1 server process, at each size, with the data unchanged and then each call "
            "right after a release was pushed; reference: the same numbers by GROUP BY "
            "over all responses and answers (asyncpg, no HTTP), which the published ones "
            "match within the perturbation's maximum change"
        ),
        "sizes": sizes,
        "worst_p95_ms": worst_p95,
        "smallest_ratio": worst_ratio,
        "targets": {"p95_ms": 50, "ratio": 20},
        "met": worst_p95 < 50 and worst_ratio >= 20,
        "load_average": load_average(),
    }
