"""Replaying a subscription's events: in the order they happened, each body exactly as sent
with its delivery's state, cursor-paged; only to those who may manage the subscription.
And ``measurement.updated``: raised when a pushed value changes, not on a repeat."""

from __future__ import annotations

import asyncio
import base64
import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import Role, Scope
from gwella.core.database import utcnow
from gwella.organisations.models import Organisation
from gwella.webhooks import service as webhooks
from gwella.webhooks.schemas import WebhookEventType
from tests.factories import client_token, make_api_client, make_org, make_user, sign_in
from tests.ingest.test_ingest_measurements import arrange as arrange_measurements
from tests.ingest.test_ingest_measurements import m
from tests.ingest.test_ingest_measurements import push as push_measurements
from tests.webhooks.conftest import Hooks


async def replay(
    client: httpx.AsyncClient, sub: Any, headers: dict[str, str], query: str = ""
) -> httpx.Response:
    return await client.get(
        f"/api/v1/webhook-subscriptions/{sub.id}/events{query}", headers=headers
    )


async def test_replay_pages_through_events_in_order_with_bodies_as_sent(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks, org: Organisation
) -> None:
    admin = await make_user(session, {org: [Role.admin]})
    await session.commit()
    headers = await sign_in(client, admin.email)
    sub, _ = await hooks.subscribe(org)
    records = [uuid.uuid4() for _ in range(5)]
    for i, record in enumerate(records):
        await hooks.emit(org, record, status=f"s{i}")
    hooks.receiver.script.extend(["ok", "ok", "error"])  # the third is still pending
    assert await hooks.step() == 5

    seen: list[dict[str, Any]] = []
    query = "?limit=2"
    while True:
        r = await replay(client, sub, headers, query)
        assert r.status_code == 200, r.text
        page = r.json()
        assert len(page["items"]) <= 2
        seen += page["items"]
        if page["next_cursor"] is None:
            assert page["next"] is None
            break
        query = f"?limit=2&cursor={page['next_cursor']}"
    assert [e["payload"]["data"]["action_id"] for e in seen] == [str(r) for r in records]
    received = {r.event["id"]: r for r in hooks.receiver.requests}
    for event in seen:
        answer = received[event["id"]]
        assert event["payload"] == answer.event  # the body exactly as sent
        assert event["type"] == "action.status_changed"
        assert event["status"] == ("delivered" if answer.mode == "ok" else "pending")
        assert event["last_status_code"] == (200 if answer.mode == "ok" else 500)
        assert (event["delivered_at"] is None) == (answer.mode != "ok")
    assert sorted(e["status"] for e in seen) == ["delivered"] * 4 + ["pending"]

    # An event's own cursor lists what came after it.
    after = await replay(client, sub, headers, f"?cursor={seen[1]['cursor']}")
    assert [e["id"] for e in after.json()["items"]] == [e["id"] for e in seen[2:]]
    bad = await replay(client, sub, headers, "?cursor=not-a-cursor")
    assert bad.status_code == 400
    assert bad.headers["content-type"].startswith("application/problem+json")


async def test_replay_follows_the_subscriptions_access_rules(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks, org: Organisation
) -> None:
    other = await make_org(session)
    outsider = await make_user(session, {other: [Role.admin]})
    api = await make_api_client(session, org, [Scope.read])
    await session.commit()
    sub, _ = await hooks.subscribe(org)
    await hooks.emit(org, uuid.uuid4())
    r = await replay(client, sub, await sign_in(client, outsider.email))
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    # An API client sees only the subscriptions it made itself.
    assert (await replay(client, sub, await client_token(client, api))).status_code == 404


async def test_a_changed_measurement_raises_measurement_updated_and_a_repeat_nothing(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks
) -> None:
    w = await arrange_measurements(client, session)
    sub, _ = await hooks.subscribe(w["org"], [WebhookEventType.measurement_updated])
    admin = await make_user(session, {w["org"]: [Role.admin]})
    await session.commit()
    headers = await sign_in(client, admin.email)

    await push_measurements(client, w, [m("2026-10", value=21.5)])
    await push_measurements(client, w, [m("2026-10", value=21.5)])
    assert (await replay(client, sub, headers)).json()["items"] == []
    assert (await push_measurements(client, w, [m("2026-10", value=19.0)]))["updated"] == 1
    await push_measurements(client, w, [m("2026-10", value=19.0)])
    items = (await replay(client, sub, headers)).json()["items"]
    assert [e["type"] for e in items] == ["measurement.updated"]
    data = items[0]["payload"]["data"]
    assert (data["value"], data["previous_value"]) == (19.0, 21.5)
    assert (data["period_start"], data["period_end"]) == ("2026-10-01", "2026-10-28")


async def _emit_open(
    sessionmaker: async_sessionmaker[AsyncSession], org: Organisation, record: uuid.UUID
) -> AsyncSession:
    """An event written in a transaction left open (the caller commits or closes it)."""
    s = sessionmaker()
    await webhooks.emit(
        s,
        event_type="action.status_changed",
        organisation_id=org.id,
        record_type="action",
        record_id=record,
        payload={"action_id": record, "previous_status": "proposed", "status": "agreed"},
    )
    await s.flush()
    return s


async def test_replay_never_skips_an_event_whose_transaction_commits_late(
    client: httpx.AsyncClient,
    session: AsyncSession,
    hooks: Hooks,
    org: Organisation,
    backend: str,
) -> None:
    """An event written before a later one but committed after it: a page read while it is
    in flight stops before it (so no cursor passes it), and once it commits both are listed
    from the cursor the receiver kept, the earlier first."""
    if backend != "postgresql":
        pytest.skip("SQLite serialises writers: a second one waits for the open one to end")
    admin = await make_user(session, {org: [Role.admin]})
    await session.commit()
    headers = await sign_in(client, admin.email)
    sub, _ = await hooks.subscribe(org)
    first = uuid.uuid4()
    await hooks.emit(org, first)
    page = (await replay(client, sub, headers)).json()["items"]
    assert [e["record_id"] for e in page] == [str(first)]
    kept = page[-1]["cursor"]

    early, late = uuid.uuid4(), uuid.uuid4()
    in_flight = await _emit_open(hooks.sessionmaker, org, early)
    try:
        await hooks.emit(org, late)  # written after, committed first
        r = await replay(client, sub, headers, f"?cursor={kept}")
        assert r.status_code == 200, r.text
        listed = r.json()["items"]
        # Nothing past the open transaction is handed out: a receiver that stored the
        # cursor of `late` would never see `early`.
        assert listed == []
        assert r.json()["next_cursor"] is None
        await in_flight.commit()
    finally:
        await in_flight.close()
    r = await replay(client, sub, headers, f"?cursor={kept}")
    assert [e["record_id"] for e in r.json()["items"]] == [str(early), str(late)]


async def test_an_event_held_to_its_release_is_listed_after_cursors_handed_out_before(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks, org: Organisation
) -> None:
    """An event held back (an anonymous campaign's release, sent once its day is over) is
    written before events listed meanwhile; it takes its place in the order when the worker
    takes it up after the hold, so a receiver that kept a cursor from before still gets it."""
    admin = await make_user(session, {org: [Role.admin]})
    await session.commit()
    headers = await sign_in(client, admin.email)
    sub, _ = await hooks.subscribe(org)
    held, later = uuid.uuid4(), uuid.uuid4()
    async with hooks.sessionmaker() as s:
        await webhooks.emit_many(
            s,
            [
                webhooks.PendingEvent(
                    event_type="action.status_changed",
                    organisation_id=org.id,
                    record_type="action",
                    record_id=held,
                    payload={"action_id": held, "previous_status": "proposed", "status": "done"},
                    held_until=utcnow() + timedelta(seconds=1),
                )
            ],
        )
        await s.commit()
    await hooks.emit(org, later)
    page = (await replay(client, sub, headers)).json()["items"]
    assert [e["record_id"] for e in page] == [str(later)]
    kept = page[-1]["cursor"]

    await asyncio.sleep(1.1)
    assert await hooks.step() >= 1  # the hold is over: the worker takes it up
    r = await replay(client, sub, headers, f"?cursor={kept}")
    assert [e["record_id"] for e in r.json()["items"]] == [str(held)]


async def test_a_cursor_past_a_64_bit_number_is_refused_not_a_500(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks, org: Organisation
) -> None:
    """Issue 16's attacker pass: a well-formed cursor with a number past a 64-bit integer
    reached the database (asyncpg: value out of int64 range)."""
    admin = await make_user(session, {org: [Role.admin]})
    await session.commit()
    headers = await sign_in(client, admin.email)
    sub, _ = await hooks.subscribe(org)

    def cursor(raw: str) -> str:
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    for raw in (f"m:{2**63}:1", f"m:1:{2**63}", f"m:{10**30}:{10**30}", "seq:9223372036854775808"):
        r = await replay(client, sub, headers, f"?cursor={cursor(raw)}")
        assert r.status_code == 400, (raw, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
    ok = await replay(client, sub, headers, f"?cursor={cursor(f'm:{2**63 - 1}:{2**63 - 1}')}")
    assert ok.status_code == 200, ok.text
    assert ok.json()["items"] == []
