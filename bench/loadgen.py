"""A small HTTP/1.1 load generator on asyncio streams (run as its own process so that it
does not share an interpreter with the servers): ``python -m bench.loadgen SPEC.json``.

Two modes. ``rate``: open loop, request *i* is due at ``i / rate`` seconds and its latency
is measured from when it was due (a slow server cannot hide queueing by slowing the
generator). ``max``: closed loop, ``concurrency`` connections each sending the next request
as soon as the last answer arrived. Keep-alive connections to 127.0.0.1 only; bounded by a
request count and a time. Prints one JSON object: counts, errors, rate, latencies."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any
from urllib.parse import urlsplit


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    async def get(self, request: bytes) -> int:
        self.writer.write(request)
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed")
        status = int(status_line.split(b" ", 2)[1])
        length, chunked = 0, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value.strip())
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
        if chunked:
            while True:
                size = int((await self.reader.readline()).strip().split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        elif length:
            await self.reader.readexactly(length)
        return status


def requests_for(spec: dict[str, Any]) -> list[bytes]:
    host = urlsplit(spec["url"]).netloc
    headers = "".join(f"{k}: {v}\r\n" for k, v in spec.get("headers", {}).items())
    return [
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{headers}\r\n".encode() for path in spec["paths"]
    ]


async def main(spec: dict[str, Any]) -> dict[str, Any]:
    parts = urlsplit(spec["url"])
    if parts.hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("loopback only")
    requests = requests_for(spec)
    seconds = float(spec["seconds"])
    limit = int(spec.get("max_requests", 1_000_000))
    concurrency = int(spec.get("concurrency", 64))
    latencies: list[float] = []
    errors: dict[str, int] = {}
    idle: asyncio.Queue[Connection] = asyncio.Queue()
    for _ in range(concurrency):
        r, w = await asyncio.open_connection(parts.hostname, parts.port)
        idle.put_nowait(Connection(r, w))

    async def one(n: int, due: float) -> None:
        conn = await idle.get()
        try:
            status = await conn.get(requests[n % len(requests)])
            if status >= 400:
                errors[str(status)] = errors.get(str(status), 0) + 1
        except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError) as exc:
            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
            conn.writer.close()
            r, w = await asyncio.open_connection(parts.hostname, parts.port)
            conn = Connection(r, w)
        finally:
            latencies.append(time.perf_counter() - due)
            idle.put_nowait(conn)

    started = time.perf_counter()
    sent = 0
    if spec["mode"] == "rate":
        rate = float(spec["rate"])
        tasks = set()
        while sent < limit and (due := started + sent / rate) < started + seconds:
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            task = asyncio.create_task(one(sent, due))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            sent += 1
        # Bounded: what has not been answered by then is counted as an error.
        _, late = (
            await asyncio.wait(tasks, timeout=float(spec.get("grace", 10.0))) if tasks else ((), ())
        )
        for task in late:
            task.cancel()
        if late:
            errors["unanswered"] = len(late)
    else:
        counter = iter(range(limit))

        async def loop() -> None:
            nonlocal sent
            for n in counter:
                if time.perf_counter() - started >= seconds:
                    return
                sent += 1
                await one(n, time.perf_counter())

        await asyncio.gather(*(loop() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    while not idle.empty():
        idle.get_nowait().writer.close()
    ms = sorted(x * 1000 for x in latencies)

    def pct(q: float) -> float:
        return round(ms[min(len(ms) - 1, max(0, round(q / 100 * len(ms) + 0.4999) - 1))], 2)

    return {
        "mode": spec["mode"],
        "requests": len(ms),
        "errors": errors,
        "seconds": round(elapsed, 2),
        "rps": round(len(ms) / elapsed, 1),
        "p50_ms": pct(50),
        "p95_ms": pct(95),
        "p99_ms": pct(99),
        "max_ms": round(ms[-1], 2),
    }


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        config = json.load(handle)
    print(json.dumps(asyncio.run(main(config))))
