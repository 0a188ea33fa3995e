"""The event stream tells an open dashboard within a second that results moved on: at a
release of several responses, never at each one."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import users
from gwella.accounts.models import Membership, Role, User
from gwella.core.config import Settings
from gwella.core.errors import ServiceUnavailable
from gwella.stream.registry import StreamRegistry
from tests.conftest import make_settings
from tests.factories import SYSTEM, make_org, make_service, make_user, sign_in
from tests.surveys import answer_publicly, make_campaign, make_published_version


def events(body: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for block in body.split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in lines:
            out.append((lines["event"], json.loads(lines["data"])))
    return out


async def test_a_release_reaches_an_open_stream(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    service = await make_service(session, org)
    version = await make_published_version(session, org)
    campaign, links = await make_campaign(session, version, [service])
    viewer = await make_user(session, {org: [Role.staff]})
    stranger = await make_user(session, {await make_org(session): [Role.admin]})
    mine = await sign_in(client, viewer.email)
    theirs = await sign_in(client, stranger.email)
    token = links[service.id].public_token

    async def submit() -> None:
        await asyncio.sleep(0.8)
        await answer_publicly(client, token, times=4)  # four: nothing to tell yet
        await asyncio.sleep(1.2)
        await answer_publicly(client, token)  # the fifth: a release

    seen, hidden, _ = await asyncio.gather(
        client.get("/api/v1/stream?seconds=6", headers=mine),
        client.get("/api/v1/stream?seconds=6", headers=theirs),
        submit(),
    )
    assert seen.headers["content-type"].startswith("text/event-stream")
    [(name, data), end] = events(seen.text)  # one event for the release, none per response
    assert name == "results"
    assert data["campaign_id"] == str(campaign.id)
    # The published number of responses (five, moved by at most 3), or held back.
    assert data["responses"] is None or 5 <= data["responses"] <= 8
    assert end == ("end", {"reason": "time-up"})
    assert events(hidden.text) == [("end", {"reason": "time-up"})]
    assert (await client.get("/api/v1/stream?seconds=1")).status_code == 401


# ------------------------------------------------------------------ a stream ends when it should


async def timed_stream(
    client: httpx.AsyncClient, headers: dict[str, str], seconds: float = 20
) -> tuple[float, httpx.Response]:
    started = time.monotonic()
    r = await client.get(f"/api/v1/stream?seconds={seconds}", headers=headers)
    return time.monotonic() - started, r


async def _revoke(client: httpx.AsyncClient, session: AsyncSession, who: User) -> None:
    headers = await sign_in(client, who.email)  # another token of the same person
    r = await client.post("/api/v1/auth/revoke-all", headers=headers)
    assert r.status_code == 204


async def _deactivate(client: httpx.AsyncClient, session: AsyncSession, who: User) -> None:
    admin = await make_user(session, platform_admin=True)
    headers = await sign_in(client, admin.email)
    current = await client.get(f"/api/v1/users/{who.id}", headers=headers)
    r = await client.patch(
        f"/api/v1/users/{who.id}",
        json={"is_active": False},
        headers={**headers, "If-Match": current.headers["ETag"]},
    )
    assert r.status_code == 200, r.text


async def _remove_membership(client: httpx.AsyncClient, session: AsyncSession, who: User) -> None:
    membership = await session.scalar(select(Membership).where(Membership.user_id == who.id))
    assert membership is not None
    await users.remove_membership(session, SYSTEM, membership.organisation_id, membership.id)
    await session.commit()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (_revoke, "unauthenticated"),
        (_deactivate, "unauthenticated"),
        (_remove_membership, "access-changed"),
    ],
)
async def test_a_stream_ends_within_a_tick_when_its_principal_changes(
    client: httpx.AsyncClient,
    session: AsyncSession,
    change: Callable[[httpx.AsyncClient, AsyncSession, User], Awaitable[None]],
    reason: str,
) -> None:
    """Revoked, deactivated or no longer a member: the open stream stops sending at the next
    tick and says why, instead of carrying on for up to an hour."""
    org = await make_org(session)
    viewer = await make_user(session, {org: [Role.staff]})
    headers = await sign_in(client, viewer.email)

    async def later() -> None:
        await asyncio.sleep(0.8)
        await change(client, session, viewer)

    (elapsed, r), _ = await asyncio.gather(timed_stream(client, headers), later())
    assert r.status_code == 200
    assert elapsed < 5, f"the stream went on for {elapsed:.1f} s after the change"
    assert events(r.text)[-1] == ("end", {"reason": reason})


async def test_a_stream_that_runs_its_time_says_so(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    viewer = await make_user(session, {await make_org(session): [Role.staff]})
    r = await client.get("/api/v1/stream?seconds=0.6", headers=await sign_in(client, viewer.email))
    assert events(r.text) == [("end", {"reason": "time-up"})]


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url, stream_max_per_person=2, stream_max_per_process=3)


async def test_streams_are_capped_per_person_and_per_process(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Beyond a person's cap a new stream is refused (429) and the open ones go on; beyond
    the process's cap anyone's new stream is refused (503); both are problem+json with
    Retry-After, and a closed stream frees its place."""
    org = await make_org(session)
    people = [await make_user(session, {org: [Role.staff]}) for _ in range(3)]
    as_ann, as_ben, as_cat = [await sign_in(client, p.email) for p in people]

    async def refusals() -> list[httpx.Response]:
        await asyncio.sleep(0.5)  # ann's two streams and ben's one are open
        third_of_anns = await client.get("/api/v1/stream?seconds=1", headers=as_ann)
        fourth_in_process = await client.get("/api/v1/stream?seconds=1", headers=as_cat)
        await asyncio.sleep(2.5)  # all closed by now
        again = await client.get("/api/v1/stream?seconds=0.5", headers=as_ann)
        return [third_of_anns, fourth_in_process, again]

    *open_ones, (person, process, again) = await asyncio.gather(
        client.get("/api/v1/stream?seconds=2", headers=as_ann),
        client.get("/api/v1/stream?seconds=2", headers=as_ann),
        client.get("/api/v1/stream?seconds=2", headers=as_ben),
        refusals(),
    )
    for r in open_ones:
        assert r.status_code == 200
        assert events(r.text)[-1] == ("end", {"reason": "time-up"})
    assert person.status_code == 429
    assert person.headers["content-type"].startswith("application/problem+json")
    assert int(person.headers["Retry-After"]) >= 1
    assert "2" in person.json()["detail"]  # names the cap
    assert process.status_code == 503
    assert process.headers["content-type"].startswith("application/problem+json")
    assert int(process.headers["Retry-After"]) >= 1
    assert again.status_code == 200


# ------------------------------------------------------------------------------ at shutdown


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_the_server_stops_promptly_with_a_stream_open(
    client: httpx.AsyncClient, session: AsyncSession, database_url: str
) -> None:
    """SIGTERM to the real server with a stream open: the stream is told to end (a last
    `end` event, reason `shutdown`) and the process exits within seconds, not when the
    stream would have run out."""
    viewer = await make_user(session, {await make_org(session): [Role.staff]})
    headers = await sign_in(client, viewer.email)
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "GWELLA_ENV": "test",
        "GWELLA_RUN_WORKER": "false",
        "GWELLA_LOG_LEVEL": "WARNING",
    }
    server = await asyncio.create_subprocess_exec(
        str(Path(sys.executable).parent / "gwella"),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            for _ in range(300):
                with contextlib.suppress(httpx.TransportError):
                    if (await http.get("/healthz")).status_code == 200:
                        break
                await asyncio.sleep(0.1)
            else:
                pytest.fail("the server did not start")
            async with http.stream("GET", "/api/v1/stream?seconds=120", headers=headers) as r:
                assert r.status_code == 200
                chunks = r.aiter_text()
                received = await anext(chunks)  # the stream is open: `retry: 1000`
                await asyncio.sleep(0.6)
                server.send_signal(signal.SIGTERM)
                stopped = time.monotonic()
                async with asyncio.timeout(15):
                    async for chunk in chunks:
                        received += chunk
                    await server.wait()
                took = time.monotonic() - stopped
    finally:
        if server.returncode is None:
            server.kill()
            await server.wait()
    assert took < 5, f"the server took {took:.1f} s to stop"
    assert events(received)[-1] == ("end", {"reason": "shutdown"})


async def test_a_stream_whose_reader_goes_away_gives_its_place_back(
    app: Any, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """A tab closed mid-stream: the place is free again, so a person is never locked out by
    streams nobody reads."""
    viewer = await make_user(session, {await make_org(session): [Role.staff]})
    token = (await sign_in(client, viewer.email))["Authorization"].encode()
    messages: list[dict[str, Any]] = []
    first = True

    async def receive() -> dict[str, Any]:
        nonlocal first
        if first:
            first = False
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(0.7)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        messages.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/api/v1/stream",
        "raw_path": b"/api/v1/stream",
        "query_string": b"seconds=60",
        "root_path": "",
        "headers": [(b"host", b"gwella.test"), (b"authorization", token)],
        "client": ("203.0.113.7", 50000),
        "server": ("gwella.test", 80),
    }
    async with asyncio.timeout(10):
        await app(scope, receive, send)
    assert messages[0]["status"] == 200
    assert len(app.state.streams) == 0


def test_no_new_stream_while_shutting_down() -> None:
    registry = StreamRegistry(max_per_person=2, max_per_process=10)
    person = uuid.uuid4()
    open_one = registry.open(person)
    assert registry.end_all("shutdown") == 1
    assert open_one.end_reason == "shutdown"
    with pytest.raises(ServiceUnavailable):
        registry.open(uuid.uuid4())
    open_one.close()
    open_one.close()  # twice is harmless
    assert len(registry) == 0
