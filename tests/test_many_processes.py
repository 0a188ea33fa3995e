"""Two API processes and two ``gwella worker`` processes on one PostgreSQL behave as one
(issue 18, the production shape: N stateless replicas and M workers on one database).

Real processes (``uvicorn`` on free loopback ports, ``python -m gwella worker``), started once
for the module; every request goes over HTTP to one process or the other, named A and B:

* a stream held by B hears a release pushed through A;
* a token revoked through A is refused by B at once, although B remembered its principal,
  and B's open stream with that token ends;
* results B remembers move on with a release pushed through A;
* the sign-in throttle counts failures made on A and on B together (it is kept in the
  database). The caps on live streams are not: they are counted per process, as
  ``GWELLA_STREAM_MAX_PER_PERSON`` says, so a person at the cap on A may still open one on B;
* a webhook event is delivered exactly once although two workers deliver;
* an import is applied once although two workers look for work.

PostgreSQL only (set TEST_DATABASE_URL): SQLite is one file for one process."""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from bench.common import (
    LOGS,
    PASSWORD,
    PYTHON,
    ROOT,
    Server,
    World,
    client_headers,
    item,
    make_world,
    moment,
    sessions,
    setup_environment,
)
from bench.streams import people
from gwella.core.database import Base, create_engine

WAIT = 10.0  # seconds any one thing may take on a busy machine before the test fails


@dataclass
class Cluster:
    a: Server
    b: Server
    world: World
    database_url: str
    people: list[str]


@pytest.fixture(scope="module")
async def cluster(backend: str, template_url: str) -> AsyncIterator[Cluster]:
    if backend != "postgresql":
        pytest.skip("processes share a database only on PostgreSQL (set TEST_DATABASE_URL)")
    env = {
        **setup_environment(template_url, apply=False),
        "GWELLA_WORKER_POLL_SECONDS": "0.2",
        "GWELLA_STREAM_MAX_PER_PERSON": "2",
    }
    async with sessions(template_url) as maker:
        world = await make_world(maker, tag=uuid.uuid4().hex[:6], campaigns_count=2)
    emails = await people(world, template_url, 3, uuid.uuid4().hex[:6])
    LOGS.mkdir(parents=True, exist_ok=True)
    a = Server(env, name="many-a")
    b = Server(env, name="many-b")
    workers: list[asyncio.subprocess.Process] = []
    logs = [(LOGS / f"many-worker-{n}.log").open("wb") for n in range(2)]
    try:
        for log in logs:
            workers.append(
                await asyncio.create_subprocess_exec(
                    PYTHON, "-m", "gwella", "worker", env=env, cwd=ROOT, stdout=log, stderr=log
                )
            )
        await asyncio.gather(asyncio.to_thread(a.wait_ready), asyncio.to_thread(b.wait_ready))
        yield Cluster(a, b, world, template_url, emails)
        for worker in workers:
            assert worker.returncode is None, "a worker stopped: see /tmp/gwella-bench-logs"
    finally:
        for worker in workers:
            if worker.returncode is None:
                worker.terminate()
        for worker in workers:
            await asyncio.wait_for(worker.wait(), 30)
        for log in logs:
            log.close()
        a.stop()
        b.stop()
        engine = create_engine(template_url)
        names = ", ".join(
            f'"{t.name}"' for t in Base.metadata.sorted_tables if t.name != "auth_generation"
        )
        async with engine.begin() as conn:
            await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        await engine.dispose()


async def sign_in(http: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    return await http.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": email, "password": password},
    )


async def bearer(http: httpx.AsyncClient, email: str) -> dict[str, str]:
    answer = await sign_in(http, email)
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


class Events:
    """An open stream's events, read in the background."""

    def __init__(self, http: httpx.AsyncClient, headers: dict[str, str]) -> None:
        self.http, self.headers = http, headers
        self.events: asyncio.Queue[tuple[str, dict[str, Any]]] = asyncio.Queue()
        self.opened = asyncio.Event()
        self.status = 0

    async def read(self) -> None:
        async with self.http.stream(
            "GET", "/api/v1/stream?seconds=60", headers=self.headers
        ) as answer:
            self.status = answer.status_code
            self.opened.set()
            name = ""
            async for line in answer.aiter_lines():
                if line.startswith("event:"):
                    name = line.split(":", 1)[1].strip()
                elif line.startswith("data:"):
                    self.events.put_nowait((name, json.loads(line.split(":", 1)[1])))

    async def next(self, name: str, **matching: Any) -> dict[str, Any]:
        """The next event of this name whose data has these values (others are skipped)."""
        async with asyncio.timeout(WAIT):
            while True:
                got, data = await self.events.get()
                if got == name and all(str(data.get(k)) == str(v) for k, v in matching.items()):
                    return data


@contextlib.asynccontextmanager
async def stream(http: httpx.AsyncClient, headers: dict[str, str]) -> AsyncIterator[Events]:
    events = Events(http, headers)
    task = asyncio.create_task(events.read())
    try:
        await asyncio.wait_for(events.opened.wait(), WAIT)
        yield events
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, httpx.HTTPError):
            await task


async def push_release(
    http: httpx.AsyncClient, world: World, campaign: uuid.UUID, tag: str, n: int = 5
) -> list[str]:
    """``n`` responses of one service and one day (five make a release); their ids."""
    rng = random.Random(tag)
    at = moment(world, rng)
    items = [
        {**item(world, rng, f"{tag}-{i}", at), "service": world.service_codes[0]} for i in range(n)
    ]
    answer = await http.post(
        "/api/v1/ingest/responses",
        json={"campaign_id": str(campaign), "items": items},
        headers=await client_headers(http, world),
    )
    assert answer.status_code == 200, answer.text
    return [x["external_id"] for x in items]


async def test_a_stream_on_one_process_hears_a_release_pushed_through_the_other(
    cluster: Cluster,
) -> None:
    campaign = cluster.world.campaign_id
    async with (
        httpx.AsyncClient(base_url=cluster.a.url, timeout=60) as a,
        httpx.AsyncClient(base_url=cluster.b.url, timeout=60) as b,
    ):
        headers = await bearer(b, cluster.people[0])
        async with stream(b, headers) as events:
            assert events.status == 200
            await asyncio.sleep(1.5)  # the stream has taken its first look
            await push_release(a, cluster.world, campaign, "release-through-a")
            heard = await events.next("results", campaign_id=campaign)
            assert heard["campaign_id"] == str(campaign)


async def test_a_token_revoked_through_one_process_is_refused_by_the_other_at_once(
    cluster: Cluster,
) -> None:
    async with (
        httpx.AsyncClient(base_url=cluster.a.url, timeout=60) as a,
        httpx.AsyncClient(base_url=cluster.b.url, timeout=60) as b,
    ):
        headers = await bearer(a, cluster.people[1])
        for _ in range(2):  # B now remembers who the token stands for
            assert (await b.get("/api/v1/users/me", headers=headers)).status_code == 200
        async with stream(b, headers) as events:
            assert events.status == 200
            token = headers["Authorization"].split(" ", 1)[1]
            revoked = await a.post("/api/v1/auth/revoke", data={"token": token})
            assert revoked.status_code == 200, revoked.text
            assert (await b.get("/api/v1/users/me", headers=headers)).status_code == 401
            assert (await a.get("/api/v1/users/me", headers=headers)).status_code == 401
            ended = await events.next("end")
            assert ended["reason"] == "unauthenticated"


def published_total(results: dict[str, Any]) -> int:
    """The campaign's published number of responses (0 while held back)."""
    [whole] = results["periods"]
    return int(whole["responses"]["total"] or 0)


async def test_results_remembered_by_one_process_move_on_with_a_release_through_the_other(
    cluster: Cluster,
) -> None:
    """B remembers the answer it built; a release pushed through A gives a new one at once.
    Ten responses move the published total by at least 10 - 2 * 3 (the perturbation's
    largest change, before and after)."""
    world = cluster.world
    path = f"/api/v1/campaigns/{world.campaign_id}/results"
    async with (
        httpx.AsyncClient(base_url=cluster.a.url, timeout=60) as a,
        httpx.AsyncClient(base_url=cluster.b.url, timeout=60) as b,
    ):
        headers = await bearer(b, cluster.people[0])
        first = await b.get(path, headers=headers)
        assert first.status_code == 200, first.text
        assert (await b.get(path, headers=headers)).json() == first.json()  # remembered
        await push_release(a, world, world.campaign_id, "remembered", n=10)
        after = await b.get(path, headers=headers)
    assert after.status_code == 200, after.text
    assert published_total(after.json()) >= published_total(first.json()) + 4


async def test_sign_in_failures_on_both_processes_count_together(cluster: Cluster) -> None:
    """Five failures are free per account and address (``login_free_failures``): three on A
    and two on B make the sixth attempt wait, on either process, right password or not."""
    email = cluster.people[2]
    async with (
        httpx.AsyncClient(base_url=cluster.a.url, timeout=60) as a,
        httpx.AsyncClient(base_url=cluster.b.url, timeout=60) as b,
    ):
        for http in (a, b, a, b, a):
            wrong = await sign_in(http, email, "not-the-password-at-all")
            assert wrong.status_code == 400, wrong.text
        for http in (b, a):
            waiting = await sign_in(http, email)
            assert waiting.status_code == 429, waiting.text
            assert int(waiting.headers["Retry-After"]) > 0


async def test_live_stream_caps_are_counted_per_process(cluster: Cluster) -> None:
    """Not shared, and said so: ``GWELLA_STREAM_MAX_PER_PERSON`` (2 here) is per process, so
    a person may hold that many on each replica; size the cap for one process."""
    async with (
        httpx.AsyncClient(base_url=cluster.a.url, timeout=60) as a,
        httpx.AsyncClient(base_url=cluster.b.url, timeout=60) as b,
    ):
        headers = await bearer(a, cluster.people[0])
        async with stream(a, headers) as one, stream(a, headers) as two:
            assert one.status == two.status == 200
            async with stream(a, headers) as third_on_a, stream(b, headers) as first_on_b:
                assert third_on_a.status == 429
                assert first_on_b.status == 200


EVENTS = 20


class Receiver:
    """A webhook receiver on 127.0.0.1 answering 204 at once; what it was sent."""

    def __init__(self) -> None:
        self.received: list[tuple[str, dict[str, Any]]] = []  # (webhook-id, body)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = [line.split(b":", 1) for line in head.split(b"\r\n")[1:] if b":" in line]
                fields = {k.strip().lower(): v.strip() for k, v in lines}
                body = await reader.readexactly(int(fields.get(b"content-length", b"0")))
                self.received.append((fields[b"webhook-id"].decode(), json.loads(body)))
                writer.write(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    @contextlib.asynccontextmanager
    async def subscribed(
        self, http: httpx.AsyncClient, world: World, *event_types: str
    ) -> AsyncIterator[str]:
        """Listening, and subscribed (as the world's API client) to these events; yields the
        subscription's id."""
        server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        async with server:
            answer = await http.post(
                "/api/v1/webhook-subscriptions",
                json={"url": f"http://127.0.0.1:{port}/hook", "event_types": list(event_types)},
                headers=await client_headers(http, world),
            )
            assert answer.status_code == 201, answer.text
            yield str(answer.json()["id"])

    async def wait_for(self, count: int) -> None:
        """Until ``count`` deliveries came, then long enough for several more rounds of both
        workers, so that anything sent twice would have come too."""
        async with asyncio.timeout(3 * WAIT):
            while len(self.received) < count:  # noqa: ASYNC110 - the receiver is polled
                await asyncio.sleep(0.1)
        await asyncio.sleep(1.5)


EVENTS = 20


async def test_two_workers_deliver_each_webhook_event_exactly_once(cluster: Cluster) -> None:
    world, receiver = cluster.world, Receiver()
    async with (
        httpx.AsyncClient(base_url=cluster.a.url, timeout=60) as a,
        httpx.AsyncClient(base_url=cluster.b.url, timeout=60) as b,
        receiver.subscribed(a, world, "responses.ingested") as subscription,
    ):
        for n in range(EVENTS):  # one event per push, half through each process
            await push_release((a, b)[n % 2], world, world.campaign_id, f"hook-{n}", n=1)
        await receiver.wait_for(EVENTS)
    received = [(webhook_id, body["type"]) for webhook_id, body in receiver.received]
    ids = [webhook_id for webhook_id, _ in received]
    assert len(ids) == len(set(ids)) == EVENTS
    assert {kind for _, kind in received} == {"responses.ingested"}
    async with sessions(cluster.database_url) as maker, maker() as s:
        states = (
            await s.execute(
                text(
                    "SELECT status, count(*), max(attempt_count) FROM webhook_deliveries "
                    "WHERE subscription_id = :id GROUP BY status"
                ),
                {"id": uuid.UUID(subscription)},
            )
        ).all()
    assert [(str(status), n, tries) for status, n, tries in states] == [("delivered", EVENTS, 1)]


async def test_an_import_is_applied_once_with_two_workers(cluster: Cluster) -> None:
    from gwella.core.csvfiles import write_csv_line

    world = cluster.world
    campaign = world.extra["campaign_ids"][1]
    rng = random.Random(11)
    rows = 30
    receiver = Receiver()
    async with (
        httpx.AsyncClient(base_url=cluster.a.url, timeout=60) as a,
        httpx.AsyncClient(base_url=cluster.b.url, timeout=60) as b,
        receiver.subscribed(a, world, "import.completed"),
    ):
        headers = await client_headers(a, world)
        template = await a.get(f"/api/v1/campaigns/{campaign}/template.csv", headers=headers)
        assert template.status_code == 200, template.text
        header = template.text.splitlines()[0].split(",")
        lines = [write_csv_line(header)]
        for n in range(rows):
            values = item(world, rng, f"import-{n}", moment(world, rng))
            answered = values.pop("answers")
            flat = {
                **values,
                **{k: "|".join(v) if isinstance(v, list) else v for k, v in answered.items()},
            }
            lines.append(write_csv_line([str(flat.get(h, "")) for h in header]))
        upload = await a.post(
            f"/api/v1/imports?kind=responses&campaign_id={campaign}",
            content="".join(lines).encode(),
            headers={**headers, "Content-Type": "text/csv"},
        )
        assert upload.status_code == 202, upload.text
        job_url = f"/api/v1/imports/{upload.json()['id']}"
        async with asyncio.timeout(3 * WAIT):
            while (job := (await b.get(job_url, headers=headers)).json())["state"] in (  # noqa: ASYNC110
                "queued",
                "running",
            ):
                await asyncio.sleep(0.2)
        await receiver.wait_for(1)
    assert job["state"] == "completed", job
    assert job["summary"]["imported"] == rows
    # Applied twice, the job would have completed twice: one event says it did so once.
    [(_, completed)] = receiver.received
    assert completed["data"]["import_id"] == job["id"]
    async with sessions(cluster.database_url) as maker, maker() as s:
        stored = await s.scalar(
            text("SELECT count(*) FROM responses WHERE campaign_id = :c"), {"c": campaign}
        )
    assert stored == rows
