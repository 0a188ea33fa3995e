"""Faults: the database going away under a stream of writes, the worker killed in the middle
of an import chunk or of a webhook delivery, and webhook receivers that hang or fail while
the API is being written to.

What tests/imports and tests/webhooks already prove (a worker that stops between chunks is
resumed; a receiver that is down, errs or never answers is retried with back-off; two workers
never share a job) is not repeated here. These are the harder cuts: in the middle of a
transaction, after the receiver has already been sent the event, and under load.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import Scope
from gwella.campaigns.enums import Channel
from gwella.cli import migrate
from gwella.core.audit import AuditEvent
from gwella.core.database import create_engine, create_sessionmaker, utcnow
from gwella.imports import service as imports
from gwella.imports.models import ImportJob
from gwella.ingest import service as ingest
from gwella.main import create_app
from gwella.organisations.models import Organisation
from gwella.responses.models import Response
from gwella.results.aggregate import RESPONSES
from gwella.results.models import ResultCell
from gwella.webhooks import delivery
from gwella.webhooks import service as webhooks
from gwella.webhooks.models import DeliveryStatus, WebhookAttempt, WebhookDelivery
from gwella.webhooks.schemas import WebhookEventType, WebhookSubscriptionCreate
from tests.conftest import PG_URL, make_settings
from tests.factories import SYSTEM, client_token, make_api_client, make_org, make_service
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version
from tests.webhooks.conftest import Hooks
from tests.webhooks.receiver import Receiver

# ------------------------------------------------------------------ a cuttable TCP proxy


class Proxy:
    """A TCP proxy on 127.0.0.1 between the app and PostgreSQL. ``cut()`` drops every open
    connection and closes the port (new connections are refused); ``restore()`` opens the
    same port again. The database server itself is never touched."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(
            self._accept, "127.0.0.1", self.port, reuse_address=True
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()
        self._server = None

    async def restore(self) -> None:
        await self.start()

    async def close(self) -> None:
        if self._server is not None:
            await self.cut()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            writer.transport.abort()
            return
        self._writers |= {writer, up_writer}
        pumps = [
            asyncio.create_task(self._pump(reader, up_writer)),
            asyncio.create_task(self._pump(up_reader, writer)),
        ]
        self._tasks.update(pumps)
        try:
            await asyncio.gather(*pumps, return_exceptions=True)
        finally:
            self._tasks.difference_update(pumps)
            for w in (writer, up_writer):
                self._writers.discard(w)
                w.transport.abort()

    @staticmethod
    async def _pump(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        try:
            while data := await source.read(65536):
                sink.write(data)
                await sink.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            sink.transport.abort()


def _fault_database_url() -> str:
    """A PostgreSQL database of the fault tests' own (they migrate it from scratch and cut
    its connections): GWELLA_FAULT_DATABASE_URL, or TEST_DATABASE_URL's name + ``_fault``."""
    explicit = os.environ.get("GWELLA_FAULT_DATABASE_URL")
    if explicit:
        return explicit
    assert PG_URL is not None
    parts = urlsplit(PG_URL)
    return urlunsplit(parts._replace(path=parts.path + "_fault"))


def _server_engine(url: str) -> Any:
    parts = urlsplit(url)
    return create_engine(urlunsplit(parts._replace(path="/postgres")), isolation_level="AUTOCOMMIT")


async def _drop_database(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    admin = _server_engine(url)
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


async def _fresh_database(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    admin = _server_engine(url)
    async with admin.connect() as conn:
        exists = await conn.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        )
        if not exists:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()
    await asyncio.to_thread(migrate, make_settings(url))


@pytest.fixture
async def cuttable_app(backend: str) -> AsyncIterator[tuple[Any, Proxy, str]]:
    if backend != "postgresql":
        pytest.skip("cutting the database's TCP connections needs PostgreSQL")
    direct = _fault_database_url()
    await _fresh_database(direct)
    parts = urlsplit(direct)
    proxy = Proxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    await proxy.start()
    netloc = parts.netloc.rsplit("@", 1)
    host = f"127.0.0.1:{proxy.port}"
    proxied = urlunsplit(parts._replace(netloc=f"{netloc[0]}@{host}" if len(netloc) == 2 else host))
    app = create_app(make_settings(proxied))
    try:
        async with app.router.lifespan_context(app):
            yield app, proxy, direct
    finally:
        await proxy.close()
        if not os.environ.get("GWELLA_FAULT_DATABASE_URL"):
            await _drop_database(direct)  # made for this run, beside CI's own database


# --------------------------------------------------------- the database stops under writes


async def test_database_lost_under_a_stream_of_writes_is_503_and_no_ack_is_lost(
    cuttable_app: tuple[Any, Proxy, str],
) -> None:
    app, proxy, direct = cuttable_app
    engine = create_engine(direct)
    maker = create_sessionmaker(engine)
    async with maker() as s:
        org = await make_org(s)
        service = await make_service(s, org, code="CMHT-N")
        version = await make_published_version(s, org)
        campaign, _ = await make_campaign(
            s, version, [service], channels=(Channel.web, Channel.partner)
        )
        api = await make_api_client(s, org, [Scope.responses_write])
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    acked: list[str] = []
    refused: list[str] = []
    async with httpx.AsyncClient(transport=transport, base_url="http://gwella.test") as http:
        headers = await client_token(http, api)

        async def write(n: int) -> httpx.Response:
            r = await http.post(
                "/api/v1/ingest/responses",
                headers=headers,
                json={
                    "campaign_id": str(campaign.id),
                    "items": [
                        {
                            "external_id": f"STREAM-{n}",
                            "service": "CMHT-N",
                            "submitted_at": (utcnow() - timedelta(hours=1)).isoformat(),
                            "answers": VALID_ANSWERS,
                        }
                    ],
                },
            )
            if r.status_code == 200:
                acked.append(f"STREAM-{n}")
            return r

        for n in range(10):
            assert (await write(n)).status_code == 200
        await proxy.cut()
        for n in range(10, 20):
            r = await write(n)
            assert r.status_code == 503, r.text
            assert r.headers["content-type"] == "application/problem+json"
            assert r.json()["type"] == "urn:gwella:problem:service-unavailable"
            assert int(r.headers["retry-after"]) > 0
            refused.append(f"STREAM-{n}")
        ready = await http.get("/readyz")
        assert ready.status_code == 503
        await proxy.restore()
        for n in range(20, 30):
            r = await write(n)
            assert r.status_code == 200, r.text
        assert (await http.get("/readyz")).status_code == 200
        # Cut while writes are in flight: each is acknowledged or refused, never a 500.
        in_flight = [asyncio.create_task(write(n)) for n in range(30, 40)]
        await asyncio.sleep(0.01)
        await proxy.cut()
        statuses = [r.status_code for r in await asyncio.gather(*in_flight)]
        assert set(statuses) <= {200, 503}, statuses
        await proxy.restore()
        assert (await write(40)).status_code == 200

    async with maker() as s:
        stored = set(
            await s.scalars(select(Response.external_id).where(Response.external_id.is_not(None)))
        )
    await engine.dispose()
    assert set(acked) <= stored, "an acknowledged write is missing"
    assert not set(refused) & stored, "a write refused with 503 was stored"
    assert len(acked) >= 21


# ------------------------------------------------------------- the worker killed mid-import

HEADER = (
    "external_id,service,submitted_at,language,respondent_reference,consent,"
    "involved,has_plan,plan_useful,contacts,visits,first_seen,comment\n"
)


def _csv(n: int) -> str:
    when = (utcnow() - timedelta(hours=2)).isoformat()
    return HEADER + "".join(
        f'KILL-{i},CMHT-N,{when},en,,,4,yes,7,nurse|doctor,3,2026-01-15,"Row {i}"\n'
        for i in range(n)
    )


async def _import_world(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    org = await make_org(session)
    service = await make_service(session, org, code="CMHT-N")
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(
        session, version, [service], channels=(Channel.web, Channel.partner)
    )
    api = await make_api_client(session, org, [Scope.responses_write])
    return {"campaign": campaign, "headers": await client_token(client, api)}


async def _upload(client: httpx.AsyncClient, w: dict[str, Any], body: str) -> str:
    r = await client.post(
        f"/api/v1/imports?kind=responses&mode=best_effort&campaign_id={w['campaign'].id}",
        content=body.encode(),
        headers={**w["headers"], "Content-Type": "text/csv"},
    )
    assert r.status_code == 202, r.text
    return str(r.json()["id"])


async def _counts(session: AsyncSession) -> tuple[int, int, int, int]:
    """Responses stored, distinct external ids, imports recorded in the audit trail, and
    responses counted in the live results: four views that must agree."""
    responses = await session.scalar(select(func.count()).select_from(Response))
    distinct = await session.scalar(select(func.count(func.distinct(Response.external_id))))
    audited = sum(
        int(((changes or {}).get("imported") or {}).get("after") or 0)
        for changes in await session.scalars(
            select(AuditEvent.changes).where(AuditEvent.action == "ingest.responses")
        )
    )
    counted = await session.scalar(
        select(func.sum(ResultCell.count)).where(
            ResultCell.question_key == RESPONSES, ResultCell.period == "all"
        )
    )
    return int(responses or 0), int(distinct or 0), audited, int(counted or 0)


@pytest.mark.parametrize("fault", ["cancelled", "crashed"])
async def test_a_worker_killed_inside_a_chunk_loses_nothing_and_applies_nothing_twice(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    app: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
) -> None:
    """The second chunk's rows are written, then the worker dies before its commit: killed
    outright (cancelled) or by an error. Run again, every row is there exactly once."""
    app.state.settings.import_dir = tmp_path / "imports"
    w = await _import_world(client, session)
    monkeypatch.setattr(imports, "CHUNK_ROWS", 25)
    real = ingest.ingest_responses
    calls = 0

    async def dies_in_the_second_chunk(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        summary = await real(*args, **kwargs)  # the rows are flushed inside the transaction
        if calls == 2:
            if fault == "cancelled":
                raise asyncio.CancelledError
            raise RuntimeError("the worker's host went away")
        return summary

    monkeypatch.setattr(ingest, "ingest_responses", dies_in_the_second_chunk)
    job_id = await _upload(client, w, _csv(100))
    if fault == "cancelled":
        with pytest.raises(asyncio.CancelledError):
            await imports.process_next(sessionmaker, "doomed", "http://gwella.test")
    else:
        failed = await imports.process_next(sessionmaker, "doomed", "http://gwella.test")
        assert failed is not None
        assert failed.state.value == "failed"
    assert await _counts(session) == (25, 25, 25, 25), "only the committed first chunk is kept"
    monkeypatch.setattr(ingest, "ingest_responses", real)

    if fault == "cancelled":
        # The lease of the killed worker lapses; the next worker resumes the job.
        async with sessionmaker() as s:
            await s.execute(update(ImportJob).values(locked_until=utcnow() - timedelta(seconds=1)))
            await s.commit()
        job = await imports.process_next(sessionmaker, "survivor", "http://gwella.test")
        assert job is not None
        assert str(job.id) == job_id
        assert job.summary["imported"] == 100
    else:
        # A failed job is not retried by itself; uploading the same file again is safe.
        await _upload(client, w, _csv(100))
        job = await imports.process_next(sessionmaker, "survivor", "http://gwella.test")
        assert job is not None
        assert job.summary == {"imported": 75, "updated": 0, "ignored": 25, "rejected": 0}
    assert job.state.value == "completed"
    assert await _counts(session) == (100, 100, 100, 100)


# ---------------------------------------------------------- the worker killed mid-delivery


async def _all_deliveries(maker: async_sessionmaker[AsyncSession]) -> list[WebhookDelivery]:
    async with maker() as s:
        return list(await s.scalars(select(WebhookDelivery)))


async def test_a_worker_killed_after_sending_redelivers_the_same_event_once(
    hooks: Hooks, org: Organisation, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed after the receiver got the event but before the outcome was recorded: the
    event is sent again after the lease (at least once), under the same webhook-id and body,
    so the receiver can tell it is a repeat; then it is delivered and never sent again."""
    await hooks.subscribe(org)
    await hooks.emit(org, uuid.uuid4())
    real = delivery._record_all

    async def killed(*args: Any, **kwargs: Any) -> None:
        raise asyncio.CancelledError

    monkeypatch.setattr(delivery, "_record_all", killed)
    t = utcnow()
    with pytest.raises(asyncio.CancelledError):
        await hooks.step(t, worker="doomed")
    assert len(receiver.accepted) == 1
    monkeypatch.setattr(delivery, "_record_all", real)

    assert await hooks.step(t + timedelta(seconds=1), worker="survivor") == 0, "still leased"
    later = t + hooks.config.lease_for + timedelta(seconds=1)
    assert await hooks.step(later, worker="survivor") == 1
    assert await hooks.step(later + timedelta(hours=1), worker="survivor") == 0
    first, second = receiver.accepted
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert first.body == second.body
    (row,) = await _all_deliveries(hooks.sessionmaker)
    assert row.status == DeliveryStatus.delivered
    assert row.attempt_count == 1
    async with hooks.sessionmaker() as s:
        assert await s.scalar(select(func.count()).select_from(WebhookAttempt)) == 1


async def test_a_worker_killed_while_waiting_on_a_receiver_loses_nothing(
    hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    await hooks.subscribe(org)
    for _ in range(3):
        await hooks.emit(org, uuid.uuid4())
    receiver.mode = "hang"
    t = utcnow()
    step = asyncio.create_task(hooks.step(t, worker="doomed"))
    deadline = time.monotonic() + 10
    while len(receiver.requests) < 3:
        assert time.monotonic() < deadline, "the receiver was never called"
        await asyncio.sleep(0.01)
    step.cancel()  # killed mid-request
    with pytest.raises(asyncio.CancelledError):
        await step
    receiver.mode = "ok"
    later = t + hooks.config.lease_for + timedelta(seconds=1)
    assert await hooks.step(later, worker="survivor") == 3
    ids = [r.headers["webhook-id"] for r in receiver.accepted]
    assert len(ids) == len(set(ids)) == 3
    rows = await _all_deliveries(hooks.sessionmaker)
    assert {d.status for d in rows} == {DeliveryStatus.delivered}


# ---------------------------------------------- slow receivers do not slow the API down


async def _write_latencies(
    http: httpx.AsyncClient, headers: dict[str, str], campaign_id: str, prefix: str, n: int
) -> list[float]:
    latencies = []
    for i in range(n):
        started = time.perf_counter()
        r = await http.post(
            "/api/v1/ingest/responses",
            headers=headers,
            json={
                "campaign_id": campaign_id,
                "items": [
                    {
                        "external_id": f"{prefix}-{i}",
                        "service": "CMHT-N",
                        "submitted_at": (utcnow() - timedelta(hours=1)).isoformat(),
                        "answers": VALID_ANSWERS,
                    }
                ],
            },
        )
        latencies.append(time.perf_counter() - started)
        assert r.status_code == 200, r.text
    return latencies


async def test_receivers_that_hang_or_fail_do_not_slow_the_api(
    database_url: str, receiver: Receiver
) -> None:
    """The worker runs in the app's own process and event loop (the harshest case) and
    delivers every responses.ingested event (one per push) to receivers that hang or answer
    500; the API's write latency stays that of a run with no subscription at all."""
    settings = make_settings(
        database_url, run_worker=True, worker_poll_seconds=0.02, webhook_timeout_seconds=2
    )
    app = create_app(settings)
    errors = Receiver()
    await errors.start()
    errors.mode = "error"
    receiver.mode = "hang"
    transport = httpx.ASGITransport(app=app)
    try:
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=transport, base_url="http://gwella.test") as http,
        ):
            async with app.state.sessionmaker() as s:
                w = await _import_world(http, s)
            campaign_id = str(w["campaign"].id)
            await _write_latencies(http, w["headers"], campaign_id, "WARM", 5)
            baseline = await _write_latencies(http, w["headers"], campaign_id, "BASE", 20)
            admin_org = w["campaign"].organisation_id
            for url in (receiver.url, errors.url):
                async with app.state.sessionmaker() as s:
                    await webhooks.create_subscription(
                        s,
                        SYSTEM,
                        settings,
                        WebhookSubscriptionCreate(
                            url=url, event_types=[WebhookEventType.responses_ingested]
                        ),
                        organisation_id=admin_org,
                        api_client_id=None,
                    )
                    await s.commit()
            slow = await _write_latencies(http, w["headers"], campaign_id, "SLOW", 20)
            deadline = time.monotonic() + 10
            while not receiver.requests or not errors.requests:
                assert time.monotonic() < deadline, "the worker never called the receivers"
                await asyncio.sleep(0.05)
    finally:
        await errors.close()
    assert receiver.requests, "the worker was delivering to the hanging receiver"
    assert errors.requests, "the worker was delivering to the failing receiver"
    base, during = statistics.median(baseline), statistics.median(slow)
    print(f"\nwrite latency median: {base * 1e3:.1f} ms alone, {during * 1e3:.1f} ms slowed")
    assert during <= base * 2 + 0.05, (base, during)
    # A write that waited on the hanging receiver would take its whole timeout (2 s); a busy
    # two-core machine can stall one write for about a second, so that is not the bound.
    assert max(slow) < settings.webhook_timeout_seconds, "a write waited on a receiver"
