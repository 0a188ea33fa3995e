"""Benchmark 5, memory: the peak resident set (VmHWM) of the API server process and of a
``gwella worker`` process while a CSV of ``import_bytes`` (1 GB in `make bench`) is uploaded
to ``POST /api/v1/imports`` and applied to the end. The file is generated in /tmp and
deleted afterwards. The reference is each process's resident set just after start-up (what
the import adds to it)."""

from __future__ import annotations

import asyncio
import random
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx

from bench.common import (
    LOGS,
    PYTHON,
    ROOT,
    Scale,
    Server,
    World,
    answers,
    client_headers,
    load_average,
    make_world,
    moment,
    rss_kib,
    sessions,
)

COMMENT_CHARS = 4000  # wide rows keep the row count (so the run's length) bounded
ROW_TIMEOUT_SECONDS = 1800


def write_csv(world: World, path: Path, size: int, header: list[str]) -> int:
    """Rows of the campaign's template until the file holds ``size`` bytes; the row count."""
    from gwella.core.csvfiles import write_csv_line

    rng = random.Random(9)
    templates = []
    for _ in range(200):
        a = answers(rng, comment_chars=rng.randint(COMMENT_CHARS * 3 // 4, COMMENT_CHARS))
        when = moment(world, rng).isoformat()
        values = {
            "service": rng.choice(world.service_codes),
            "submitted_at": when,
            "language": "en",
            "respondent_reference": "",
            "consent": "",
            **{k: "|".join(v) if isinstance(v, list) else v for k, v in a.items()},
        }
        templates.append(values)
    rows = 0
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(write_csv_line(header))
        while written < size:
            values = {**templates[rows % len(templates)], "external_id": f"mem-{rows}"}
            line = write_csv_line([values.get(h, "") for h in header])
            out.write(line)
            written += len(line)
            rows += 1
    return rows


async def file_chunks(path: Path) -> AsyncIterator[bytes]:
    with path.open("rb") as handle:
        while chunk := await asyncio.to_thread(handle.read, 1 << 20):
            yield chunk


class Watch:
    """Samples the current resident set of some processes (VmHWM gives the peak anyway)."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self.peak_rss = dict.fromkeys(pids, 0)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            for name, pid in self.pids.items():
                self.peak_rss[name] = max(self.peak_rss[name], rss_kib(pid, "VmRSS"))
            await asyncio.sleep(0.2)


async def run(database_url: str, env: dict[str, str], scale: Scale) -> dict[str, Any]:
    async with sessions(database_url) as maker:
        world = await make_world(maker, tag="memory")
    tmp = Path(tempfile.mkdtemp(prefix="gwella-bench-memory-"))
    csv_path = tmp / "responses.csv"
    LOGS.mkdir(parents=True, exist_ok=True)
    worker_log = (LOGS / "memory-worker.log").open("wb")
    worker = None
    try:
        with Server(env, workers=1, name="memory") as srv:
            worker = subprocess.Popen(
                [PYTHON, "-m", "gwella", "worker"],
                env=env,
                cwd=ROOT,
                stdout=worker_log,
                stderr=subprocess.STDOUT,
            )
            async with httpx.AsyncClient(base_url=srv.url, timeout=600) as http:
                headers = await client_headers(http, world)
                template = await http.get(
                    f"/api/v1/campaigns/{world.campaign_id}/template.csv", headers=headers
                )
                template.raise_for_status()
                header = template.text.splitlines()[0].split(",")
                started = time.perf_counter()
                rows = await asyncio.to_thread(
                    write_csv, world, csv_path, scale.import_bytes, header
                )
                generate_seconds = time.perf_counter() - started
                size = csv_path.stat().st_size
                await asyncio.sleep(1.0)
                baseline = {"server": rss_kib(srv.process.pid, "VmRSS")}
                baseline["worker"] = rss_kib(worker.pid, "VmRSS")
                watch = Watch({"server": srv.process.pid, "worker": worker.pid})
                stop = asyncio.Event()
                watching = asyncio.create_task(watch.run(stop))
                started = time.perf_counter()
                answer = await http.post(
                    f"/api/v1/imports?kind=responses&campaign_id={world.campaign_id}",
                    content=file_chunks(csv_path),
                    headers={**headers, "Content-Type": "text/csv"},
                )
                if answer.status_code != 202:
                    raise RuntimeError(f"upload refused: {answer.status_code} {answer.text[:300]}")
                upload_seconds = time.perf_counter() - started
                job_url = f"/api/v1/imports/{answer.json()['id']}"
                csv_path.unlink()  # the server keeps its own copy
                while True:
                    job = (await http.get(job_url, headers=headers)).json()
                    if job["state"] not in ("queued", "running"):  # it has ended
                        break
                    if time.perf_counter() - started > ROW_TIMEOUT_SECONDS:
                        raise RuntimeError(f"the import did not finish: {job}")
                    await asyncio.sleep(1.0)
                import_seconds = time.perf_counter() - started
                stop.set()
                await watching
                peak = {
                    "server": rss_kib(srv.process.pid),
                    "worker": rss_kib(worker.pid),
                }
    finally:
        if worker is not None and worker.poll() is None:
            worker.terminate()
            worker.wait(timeout=30)
        worker_log.close()
        csv_path.unlink(missing_ok=True)
        tmp.rmdir()
    mib = {k: round(v / 1024, 1) for k, v in peak.items()}
    return {
        "name": "memory",
        "what": (
            f"a {size / 1e9:.2f} GB CSV of {rows} responses (comments up to {COMMENT_CHARS} "
            "characters) uploaded to POST /api/v1/imports and applied by `gwella worker`; "
            "peak RSS (VmHWM) of each process"
        ),
        "file_bytes": size,
        "rows": rows,
        "job": {k: job[k] for k in ("state", "rows_processed", "summary", "failure_reason")},
        "generate_seconds": round(generate_seconds, 1),
        "upload_seconds": round(upload_seconds, 1),
        "import_seconds": round(import_seconds, 1),
        "rows_per_s": round(rows / import_seconds, 1),
        "baseline_rss_mib": {k: round(v / 1024, 1) for k, v in baseline.items()},
        "peak_rss_mib": mib,
        "sampled_peak_rss_mib": {k: round(v / 1024, 1) for k, v in watch.peak_rss.items()},
        "targets": {"peak_rss_mib": 300},
        "met": job["state"] == "completed" and max(mib.values()) < 300,
        "load_average": load_average(),
    }
