"""Every benchmark of `make bench` run at a tiny size against the test database, so that the
benchmark code keeps working (its figures mean nothing at this size). PostgreSQL only: the
benchmarks measure against COPY and run the real servers on it."""

from __future__ import annotations

from typing import Any

import pytest

from bench.__main__ import run_all
from bench.common import TINY
from bench.report import markdown


async def test_every_benchmark_runs_at_a_tiny_size(backend: str, database_url: str) -> None:
    if backend != "postgresql":
        pytest.skip("the benchmarks run on PostgreSQL (set TEST_DATABASE_URL)")
    result = await run_all(database_url, TINY, {1, 2, 3, 4, 5, 6, 7}, fresh=False)
    runs: dict[str, Any] = result["benchmarks"]
    assert set(runs) == {
        "ingestion",
        "results",
        "insight",
        "http_load",
        "memory",
        "webhooks",
        "streams",
    }

    ingestion = runs["ingestion"]
    assert ingestion["median_http_per_s"] > 0
    assert ingestion["median_copy_per_s"] > 0

    [size] = runs["results"]["sizes"]
    assert size["cells_compared"] > 0, "the API's counts were checked against the GROUP BY"
    assert size["results_all"]["n"] == TINY.results_calls

    insight = runs["insight"]
    assert insight["probe"]["n"] >= 1
    assert insight["load_failed"] == 0

    load = runs["http_load"]
    for phase in ("app_fixed_rate", "app_max", "bare_fixed_rate", "bare_max"):
        assert load[phase]["requests"] > 0, phase
        assert not load[phase]["errors"], (phase, load[phase]["errors"])

    memory = runs["memory"]
    assert memory["job"]["state"] == "completed"
    assert memory["job"]["summary"]["imported"] == memory["rows"]
    assert memory["peak_rss_mib"]["worker"] > 0

    hooks = runs["webhooks"]
    assert hooks["received"] == hooks["events"] == TINY.webhook_events
    assert hooks["per_record_order_kept"]

    streams = runs["streams"]
    most = max(int(n) for n in streams["stages"])
    assert streams["stages"][str(most)]["open"] == most, "every stream was let in"
    heard = streams["releases"][str(most)]
    assert heard["heard"] == heard["expected"] == most * heard["releases"]
    for phase in ("none", "all", "none_again"):
        assert streams["reads"][phase]["requests"] > 0, phase
        assert not streams["reads"][phase]["errors"], (phase, streams["reads"][phase]["errors"])

    table = markdown({**result, "command": "pytest tests/test_bench_smoke.py"})
    for name in (
        "Ingestion",
        "Results",
        "Time to insight",
        "HTTP load",
        "Memory",
        "Webhook",
        "open streams",
    ):
        assert name in table
