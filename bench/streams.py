"""Benchmark 7 (issue 18's target 6), a thousand open dashboards: ``GET /api/v1/stream`` held
open by many people on two server processes, and what it costs everyone else.

In one run, side by side: (a) the latency of a small read mix (a campaign's results and the
indicator list, open loop from its own process, ``bench.loadgen``) with no stream open, with
all of them open, and with none again; (b) the database's work per second
(``pg_stat_database``: transactions committed, tuples returned and fetched) and the servers'
CPU over a quiet window with 0, a quarter and all the streams open; (c) a release pushed
(five responses of one service and day to an anonymous campaign, as benchmark 3 does) and
the time from its acknowledgement until every open stream has had its ``results`` event.

The streams are read by a separate process (``python -m bench.streams SPEC.json``, driven by
JSON lines on its stdin) on raw asyncio connections, a few people each holding five (the
per-person cap), so that the caps hold as in production."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from bench.common import (
    PASSWORD,
    PYTHON,
    ROOT,
    Scale,
    Server,
    World,
    asyncpg_dsn,
    client_headers,
    item,
    latency_summary,
    load_average,
    make_world,
    moment,
    sessions,
    vacuum_analyze,
)

RELEASE = 5  # the campaign's minimum cell size: one probe is one release
PER_PERSON = 5  # streams each person holds (GWELLA_STREAM_MAX_PER_PERSON's default)


@dataclass(frozen=True)
class Size:
    people: int
    stages: tuple[int, ...]  # open streams at each stage, the first 0
    responses: int  # stored in the campaign whose results are read
    window: float  # seconds of each database-work window
    read_rate: float  # requests per second of the read mix
    read_seconds: float
    probes: int  # releases per stage with streams open
    settle: float  # seconds after opening streams before measuring
    hear_within: float  # how long a release's events are waited for


SIZES = {
    # Settling 12 s: an idle backend flushes its statistics up to 10 s late, so the opening
    # of the streams (one authenticated request each) must not count in the window after it.
    "full": Size(200, (0, 250, 1000), 10_000, 10.0, 20.0, 20.0, 3, 12.0, 30.0),
    "tiny": Size(2, (0, 2, 6), 50, 1.0, 5.0, 1.0, 1, 1.0, 10.0),
}


# ------------------------------------------------------------ the streams' own process


class Sse:
    """One open stream on a raw connection: HTTP/1.1, chunked, server-sent events."""

    def __init__(self, host: str, port: int, token: str, probe: str, seconds: float) -> None:
        self.request = (
            f"GET /api/v1/stream?seconds={seconds:g} HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n"
        ).encode()
        self.host, self.port, self.probe = host, port, probe.encode()
        self.status = 0
        self.heard: list[float] = []  # when each results event of the probe campaign came
        self.ended: str | None = None
        self.opened = asyncio.Event()
        self.writer: asyncio.StreamWriter | None = None

    async def run(self) -> None:
        try:
            reader, self.writer = await asyncio.open_connection(self.host, self.port)
            self.writer.write(self.request)
            self.status = int((await reader.readline()).split(b" ", 2)[1])
            while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                pass
            self.opened.set()
            if self.status != 200:
                self.ended = f"status {self.status}"
                return
            buffer = b""
            while True:
                size = int((await reader.readline()).strip().split(b";")[0] or b"0", 16)
                if size == 0:
                    self.ended = self.ended or "closed"
                    return
                buffer += (await reader.readexactly(size + 2))[:-2]
                *blocks, buffer = buffer.split(b"\n\n")
                for block in blocks:
                    self._event(block)
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError) as exc:
            self.ended = self.ended or type(exc).__name__
        finally:
            self.opened.set()
            if self.writer is not None:
                self.writer.close()

    def _event(self, block: bytes) -> None:
        if block.startswith(b"event: results") and self.probe in block:
            self.heard.append(time.monotonic())  # one clock for both processes (Linux)
        elif block.startswith(b"event: end"):
            self.ended = block.decode(errors="replace").rsplit("reason", 1)[-1].strip('":} ')


async def clients(spec: dict[str, Any]) -> None:
    """Open, watch and close streams as the benchmark says on stdin, one JSON line each."""
    loop = asyncio.get_running_loop()
    stdin = asyncio.StreamReader(limit=2**22)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
    streams: list[Sse] = []
    tasks: list[asyncio.Task[None]] = []
    armed: list[tuple[Sse, int]] = []

    def live() -> list[Sse]:
        return [s for s in streams if s.status == 200 and s.ended is None]

    def say(data: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(data) + "\n")
        sys.stdout.flush()

    while line := await stdin.readline():
        cmd = json.loads(line)
        if cmd["cmd"] == "open":  # up to n streams opened in all, 50 at a time
            started = time.monotonic()
            while len(streams) < cmd["n"]:
                wave = []
                for _ in range(min(50, cmd["n"] - len(streams))):
                    token = spec["tokens"][len(streams) % len(spec["tokens"])]
                    sse = Sse(spec["host"], spec["port"], token, spec["probe"], spec["seconds"])
                    streams.append(sse)
                    wave.append(sse)
                    tasks.append(asyncio.create_task(sse.run()))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        asyncio.gather(*(s.opened.wait() for s in wave)), cmd.get("timeout", 120)
                    )
            refused: dict[str, int] = {}
            for s in streams:
                if s.status != 200:
                    refused[str(s.status)] = refused.get(str(s.status), 0) + 1
            say({"open": len(live()), "refused": refused, "seconds": time.monotonic() - started})
        elif cmd["cmd"] == "arm":  # what each live stream has heard so far
            armed = [(s, len(s.heard)) for s in live()]
            say({"armed": len(armed)})
        elif cmd["cmd"] == "collect":  # when each stream live at `arm` heard the next event
            deadline = time.monotonic() + cmd["timeout"]
            while time.monotonic() < deadline and any(  # noqa: ASYNC110 - many streams
                len(s.heard) <= m and s.ended is None for s, m in armed
            ):
                await asyncio.sleep(0.01)
            times = [s.heard[m] if len(s.heard) > m else None for s, m in armed]
            say({"times": times, "ended": sum(s.ended is not None for s, _ in armed)})
        elif cmd["cmd"] == "close":
            ends: dict[str, int] = {}
            for s in streams:
                if s.ended is not None:
                    ends[s.ended] = ends.get(s.ended, 0) + 1
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            streams.clear()
            tasks.clear()
            say({"closed": True, "ended_before": ends})


class Clients:
    """The parent's handle on the streams' process."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec

    async def __aenter__(self) -> Clients:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            json.dump(self.spec, handle)
        self.path = Path(handle.name)
        self.proc = await asyncio.create_subprocess_exec(
            PYTHON,
            "-m",
            "bench.streams",
            handle.name,
            cwd=ROOT,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=2**22,
        )
        return self

    async def ask(self, *, wait: float = 300, **cmd: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write((json.dumps(cmd) + "\n").encode())
        await self.proc.stdin.drain()
        line = await asyncio.wait_for(self.proc.stdout.readline(), wait)
        if not line:
            raise RuntimeError("the streams' process stopped")
        answer: dict[str, Any] = json.loads(line)
        return answer

    async def __aexit__(self, *exc: object) -> None:
        if self.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()
            await self.proc.wait()
        self.path.unlink(missing_ok=True)


# ------------------------------------------------------------------------ measurements

STAT = (
    "SELECT xact_commit, xact_rollback, tup_returned, tup_fetched, "
    "tup_inserted + tup_updated + tup_deleted AS tup_written "
    "FROM pg_stat_database WHERE datname = $1"
)


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of these processes so far."""
    ticks = 0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


ACTIVITY = (
    "SELECT pid, state_change, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) "
    "FROM pg_stat_activity WHERE datname = $1"
)


async def database_work(dsn: str, pids: list[int], seconds: float) -> dict[str, Any]:
    """Per second over ``seconds``: the bench database's counters and the servers' CPU;
    and which statements the servers' connections ran (sampled every 50 ms from
    ``pg_stat_activity``: a clue to where the work comes from, not a count). Read from the
    server's ``postgres`` database, so that the watching is not counted in the figures."""
    url = make_url(dsn)
    name = url.database
    conn = await asyncpg.connect(url.set(database="postgres").render_as_string(False))
    seen: set[tuple[Any, ...]] = set()
    try:
        await conn.execute("SELECT pg_stat_clear_snapshot()")
        before, cpu = dict(await conn.fetchrow(STAT, name)), cpu_seconds(pids)
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            await conn.execute("SELECT pg_stat_clear_snapshot()")
            seen.update(tuple(row) for row in await conn.fetch(ACTIVITY, name))
            await asyncio.sleep(0.05)
        await conn.execute("SELECT pg_stat_clear_snapshot()")
        after, cpu_after = dict(await conn.fetchrow(STAT, name)), cpu_seconds(pids)
        took = time.monotonic() - started
    finally:
        await conn.close()
    statements = Counter(query for _, _, query in seen)
    out: dict[str, Any] = {f"{k}_per_s": round((after[k] - before[k]) / took, 1) for k in before}
    out["statements_seen"] = dict(statements.most_common(8))
    # A read-only session ends in a rollback: both kinds are the database's transactions.
    out["transactions_per_s"] = round(out["xact_commit_per_s"] + out["xact_rollback_per_s"], 1)
    out["server_cpu_cores"] = round((cpu_after - cpu) / took, 3)
    return out


async def read_mix(url: str, paths: list[str], headers: dict[str, str], size: Size) -> Any:
    from bench.load import run_loadgen

    spec = {
        "url": url,
        "paths": paths,
        "headers": headers,
        "mode": "rate",
        "rate": size.read_rate,
        "seconds": size.read_seconds,
        "concurrency": 16,
        "grace": 30.0,
    }
    return await asyncio.to_thread(run_loadgen, spec)


async def release(
    http: httpx.AsyncClient,
    pusher: dict[str, str],
    world: World,
    campaign: uuid.UUID,
    n: int,
    streams: Clients,
    size: Size,
) -> dict[str, Any]:
    """Push one release; when each open stream heard of it, in seconds after the ack."""
    import random

    rng = random.Random(n)
    await streams.ask(cmd="arm")
    at = moment(world, rng)
    service = world.service_codes[n % len(world.service_codes)]
    items = [{**item(world, rng, f"probe-{n}-{i}", at), "service": service} for i in range(RELEASE)]
    answer = await http.post(
        "/api/v1/ingest/responses",
        json={"campaign_id": str(campaign), "items": items},
        headers=pusher,
    )
    acked = time.monotonic()
    if answer.status_code != 200:
        raise RuntimeError(f"release refused: {answer.status_code} {answer.text[:300]}")
    heard = await streams.ask(cmd="collect", timeout=size.hear_within)
    times = heard["times"]
    return {
        "streams": len(times),
        "latencies": [max(0.0, t - acked) for t in times if t is not None],
        "ended": heard["ended"],
    }


def _heard(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    waits = [x for r in rounds for x in r["latencies"]]
    expected = sum(r["streams"] for r in rounds)
    summary: dict[str, Any] = latency_summary(waits) if waits else {"n": 0}
    summary.update(
        releases=len(rounds),
        expected=expected,
        heard=len(waits),
        within_1s=sum(x <= 1.0 for x in waits),
        ended_meanwhile=sum(r["ended"] for r in rounds),
    )
    return summary


# ------------------------------------------------------------------------- the run


async def people(world: World, database_url: str, count: int, tag: str) -> list[str]:
    """``count`` managers of the world's organisation (e-mail addresses), one password."""
    from gwella.accounts import users as accounts
    from gwella.accounts.models import Role
    from gwella.core.audit import AuditContext
    from gwella.core.security import hash_password

    ctx = AuditContext.system("bench")
    hashed = hash_password(PASSWORD)
    emails = []
    async with sessions(database_url) as maker, maker() as s:
        for n in range(count):
            person = await accounts.create_user(
                s,
                ctx,
                email=f"watcher-{n}-{tag}@bench.gwella.test",
                display_name=f"Watcher {n}",
                password=None,
                is_platform_admin=False,
            )
            person.password_hash = hashed
            await accounts.grant_role(s, ctx, world.org_id, person.id, Role.manager)
            emails.append(person.email)
        await s.commit()
    return emails


async def sign_in(http: httpx.AsyncClient, emails: list[str]) -> list[str]:
    gate = asyncio.Semaphore(4)

    async def one(email: str) -> str:
        async with gate:
            answer = await http.post(
                "/api/v1/auth/token",
                data={"grant_type": "password", "username": email, "password": PASSWORD},
            )
            answer.raise_for_status()
            return str(answer.json()["access_token"])

    return list(await asyncio.gather(*(one(e) for e in emails)))


async def run(database_url: str, env: dict[str, str], scale: Scale) -> dict[str, Any]:
    from bench.results import Loader

    size = SIZES[scale.name]
    tag = uuid.uuid4().hex[:6]
    async with sessions(database_url) as maker:
        world = await make_world(maker, tag=f"streams-{tag}", campaigns_count=2)
    read_campaign, probe_campaign = world.extra["campaign_ids"]
    emails = await people(world, database_url, size.people, tag)
    await Loader(world, database_url).grow_to(size.responses)
    await vacuum_analyze(database_url, "responses", "answers", "result_cells")
    most = max(size.stages)
    server_env = {
        **env,
        "GWELLA_STREAM_MAX_PER_PROCESS": str(most),  # however unevenly the two share them
        "GWELLA_STREAM_MAX_PER_PERSON": str(PER_PERSON),
    }
    paths = [
        f"/api/v1/campaigns/{read_campaign}/results",
        "/api/v1/indicators?limit=50",
    ]
    dsn = asyncpg_dsn(database_url)
    out: dict[str, Any] = {"stages": {}, "reads": {}, "releases": {}}
    with Server(server_env, workers=2, name="streams") as srv:
        async with httpx.AsyncClient(base_url=srv.url, timeout=120) as http:
            tokens = await sign_in(http, emails)
            pusher = await client_headers(http, world)
            reader = {"Authorization": f"Bearer {tokens[0]}"}
            for path in paths:  # every path answers before the clock starts
                answer = await http.get(path, headers=reader)
                if answer.status_code != 200:
                    raise RuntimeError(f"GET {path}: {answer.status_code} {answer.text[:300]}")
            spec = {
                "host": "127.0.0.1",
                "port": srv.port,
                "tokens": tokens,
                "probe": str(probe_campaign),
                "seconds": 3600,
            }
            pids = srv.pids()
            async with Clients(spec) as streams:
                await asyncio.sleep(size.settle)
                out["reads"]["none"] = await read_mix(srv.url, paths, reader, size)
                probe = 0
                for n in size.stages:
                    opened = await streams.ask(cmd="open", n=n) if n else {"open": 0}
                    await asyncio.sleep(size.settle)  # each stream's first look is taken
                    stage: dict[str, Any] = {"requested": n, **opened}
                    stage["database"] = await database_work(dsn, pids, size.window)
                    if n == most:
                        out["reads"]["all"] = await read_mix(srv.url, paths, reader, size)
                    if n:
                        rounds = []
                        for _ in range(size.probes):
                            probe += 1
                            rounds.append(
                                await release(
                                    http, pusher, world, probe_campaign, probe, streams, size
                                )
                            )
                        out["releases"][str(n)] = _heard(rounds)
                    out["stages"][str(n)] = stage
                out["closing"] = await streams.ask(cmd="close")
                await asyncio.sleep(size.settle)
                out["reads"]["none_again"] = await read_mix(srv.url, paths, reader, size)
    return summarise(out, size, most)


def summarise(out: dict[str, Any], size: Size, most: int) -> dict[str, Any]:
    reads = out["reads"]
    # The reference brackets the streams' phase (no stream before, and again after), so that
    # a change in the neighbours' load over the run weighs on both sides alike.
    p95_none = max((reads["none"]["p95_ms"] + reads["none_again"]["p95_ms"]) / 2, 0.001)
    ratio = round(reads["all"]["p95_ms"] / p95_none, 2)
    stages = out["stages"]
    transactions = {k: v["database"]["transactions_per_s"] for k, v in stages.items()}
    growth = round(transactions[str(most)] - transactions["0"], 1)
    heard = out["releases"][str(most)]
    read_errors = sum(sum(r["errors"].values()) for r in reads.values() if r["errors"])
    met = {
        "read_p95_ratio": ratio <= 1.2 and read_errors == 0,
        "database_flat": growth <= 10,
        "all_heard_within_1s": heard["within_1s"] == heard["expected"] > 0,
    }
    return {
        "name": "streams",
        "what": (
            f"{most} open GET /api/v1/stream ({size.people} people x {PER_PERSON}) on uvicorn "
            "--workers 2, read by a separate process on raw asyncio connections; read mix "
            f"(campaign results over {size.responses} responses, indicator list) open loop at "
            f"{size.read_rate:g} req/s for {size.read_seconds:g} s; pg_stat_database over "
            f"{size.window:g} s at {', '.join(map(str, size.stages))} streams; "
            f"{size.probes} release(s) of {RELEASE} responses per stage, heard within "
            f"{size.hear_within:g} s at most"
        ),
        **out,
        "ratio_read_p95_all_to_none": ratio,  # to the mean of the two p95s without streams
        "transactions_per_s_growth": growth,
        "targets": {
            "read_p95_ratio": 1.2,
            "transactions_per_s_growth_at_most": 10,
            "every_stream_hears_within_ms": 1000,
        },
        "met_each": met,
        "met": all(met.values()),
        "load_average": load_average(),
    }


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        config = json.load(handle)
    asyncio.run(clients(config))
