"""Benchmark 4, HTTP load: the main read endpoints (as a signed-in manager) served by two
server processes, against a bare FastAPI endpoint served the same way, with load from a
separate process (``bench.loadgen``) on 127.0.0.1: a fixed 500 requests per second (latency
percentiles and errors), then as fast as it goes (requests per second)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import httpx

from bench.common import (
    PYTHON,
    ROOT,
    Scale,
    Server,
    load_average,
    make_world,
    manager_headers,
    sessions,
    vacuum_analyze,
)
from bench.results import Loader

RESPONSES = 10_000


def run_loadgen(spec: dict[str, Any]) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(spec, handle)
    try:
        out = subprocess.run(
            [PYTHON, "-m", "bench.loadgen", handle.name],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=float(spec["seconds"]) + 120,
        )
    finally:
        Path(handle.name).unlink(missing_ok=True)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


async def run(database_url: str, env: dict[str, str], scale: Scale) -> dict[str, Any]:
    async with sessions(database_url) as maker:
        world = await make_world(maker, tag="load")
    size = RESPONSES if scale.name == "full" else 50
    await Loader(world, database_url).grow_to(size)
    # What autovacuum does within a minute of a bulk load on any server: without statistics
    # the planner takes the freshly loaded tables for empty.
    await vacuum_analyze(database_url, "responses", "answers", "result_cells")
    c, i = world.campaign_id, world.indicator_id
    paths = [
        "/api/v1/campaigns?limit=50",
        f"/api/v1/campaigns/{c}",
        f"/api/v1/campaigns/{c}/results",
        f"/api/v1/indicators/{i}/chart?organisation_id={world.org_id}",
        "/api/v1/indicators?limit=50",
        "/api/v1/organisations?limit=50",
    ]
    fixed = {
        "mode": "rate",
        "rate": scale.load_rate,
        "seconds": scale.load_seconds,
        "concurrency": 64,
    }
    flat_out = {
        "mode": "max",
        "seconds": scale.load_max_seconds,
        "concurrency": scale.load_concurrency,
    }
    out: dict[str, Any] = {}
    with Server(env, workers=2, name="load-app") as srv:
        async with httpx.AsyncClient(base_url=srv.url, timeout=60) as http:
            headers = await manager_headers(http, world)
            for path in paths:  # every path answers before the clock starts
                answer = await http.get(path, headers=headers)
                if answer.status_code != 200:
                    raise RuntimeError(f"GET {path}: {answer.status_code} {answer.text[:300]}")
        spec = {"url": srv.url, "paths": paths, "headers": headers}
        if scale.name == "full":  # warm-up
            run_loadgen({**spec, **fixed, "seconds": 2.0})
        out["app_fixed_rate"] = await asyncio.to_thread(run_loadgen, {**spec, **fixed})
        out["app_max"] = await asyncio.to_thread(run_loadgen, {**spec, **flat_out})
    with Server(
        env, workers=2, app="bench.bare:app", factory=False, name="load-bare", ready="/bare"
    ) as bare:
        spec = {"url": bare.url, "paths": ["/bare"]}
        if scale.name == "full":  # warm-up
            run_loadgen({**spec, **fixed, "seconds": 2.0})
        out["bare_fixed_rate"] = await asyncio.to_thread(run_loadgen, {**spec, **fixed})
        out["bare_max"] = await asyncio.to_thread(run_loadgen, {**spec, **flat_out})
    app, bare_rate = out["app_fixed_rate"], out["bare_fixed_rate"]
    return {
        "name": "http_load",
        "what": (
            f"{len(paths)} read endpoints in turn (campaigns, a campaign, its results over "
            f"{size} responses, an indicator chart, indicators, organisations) as a manager; "
            "uvicorn --workers 2; load from a separate process: open loop at "
            f"{scale.load_rate:g} req/s for {scale.load_seconds:g} s, then closed loop with "
            f"{scale.load_concurrency} connections for {scale.load_max_seconds:g} s"
        ),
        "paths": paths,
        **out,
        "ratio_max_rps_app_to_bare": round(out["app_max"]["rps"] / out["bare_max"]["rps"], 3),
        "ratio_p99_app_to_bare": round(app["p99_ms"] / max(bare_rate["p99_ms"], 0.001), 2),
        "targets": {"p99_ms": 100, "rate": 500, "errors": 0},
        "met": (
            app["p99_ms"] < 100
            and not app["errors"]
            and app["rps"] >= 0.95 * scale.load_rate
            and scale.load_rate >= 500
        ),
        "load_average": load_average(),
    }
