"""Run the benchmarks: ``python -m bench [--scale full|tiny] [--only 1,2] [--database-url …]``.

Writes ``bench/results/<UTC time>.json`` (every figure of the run) and ``….md`` (the table),
and, for a full run of all of them, copies the table to ``bench/results/latest.md`` (a run
of some of them never replaces it). Needs PostgreSQL: ``BENCH_DATABASE_URL``
(default ``postgresql+asyncpg://postgres@127.0.0.1/gwella_bench``); the database is created
if missing and its schema is dropped and migrated afresh.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import os
import platform
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import SCALES, Scale, dumps, fresh_schema, load_average, setup_environment
from bench.report import markdown

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1/gwella_bench"
RESULTS = Path(__file__).resolve().parent / "results"
STEPS = [
    (1, "ingestion", "bench.ingest"),
    (2, "results", "bench.results"),
    (3, "insight", "bench.insight"),
    (4, "http_load", "bench.load"),
    (5, "memory", "bench.memory"),
    (6, "webhooks", "bench.webhooks"),
    (7, "streams", "bench.streams"),  # issue 18's target "6 (new)"
]
EVERY = {number for number, _, _ in STEPS}


async def run_all(
    database_url: str, scale: Scale, only: set[int], *, fresh: bool = True
) -> dict[str, Any]:
    """Every chosen benchmark, in order, on one database; their results. ``fresh``: make
    the database (dropped and migrated) and this process's environment the benchmark's own;
    without it both are the caller's (the smoke test's migrated test database)."""
    env = setup_environment(database_url, apply=fresh)
    if fresh:
        await fresh_schema(database_url)
    out: dict[str, Any] = {
        "scale": scale.name,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": load_average(),
        },
        "benchmarks": {},
    }
    for number, name, module in STEPS:
        if number not in only:
            continue
        started = time.monotonic()
        step = importlib.import_module(module).run
        result = await step(database_url, env, scale)
        result["seconds"] = round(time.monotonic() - started, 1)
        out["benchmarks"][name] = result
        print(f"benchmark {number} ({name}) done in {result['seconds']} s", flush=True)
    out["machine"]["load_average_at_end"] = load_average()
    shutil.rmtree(env["GWELLA_IMPORT_DIR"], ignore_errors=True)  # uploads, by then applied
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument(
        "--only", default=",".join(map(str, sorted(EVERY))), help="benchmark numbers, e.g. 1,3"
    )
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    only = {int(x) for x in args.only.split(",") if x.strip()}
    result = asyncio.run(run_all(args.database_url, SCALES[args.scale], only))
    whole = args.scale == "full" and only >= EVERY  # only such a run replaces latest.md
    result["command"] = (
        "make bench" if whole else f"python -m bench --scale {args.scale} --only {args.only}"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    table = markdown(result)
    (args.out / f"{stamp}-{args.scale}.json").write_text(dumps(result) + "\n", encoding="utf-8")
    (args.out / f"{stamp}-{args.scale}.md").write_text(table, encoding="utf-8")
    if whole:
        (args.out / "latest.md").write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
