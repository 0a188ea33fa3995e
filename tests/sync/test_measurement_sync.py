"""Partners give measurements their own external ids, read them back by id and as a change
feed, and retract them (charts corrected, audited, events, idempotent)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import Scope
from gwella.core.audit import AuditEvent
from gwella.indicators.models import Direction, Measurement
from gwella.webhooks import service as webhooks
from gwella.webhooks.models import WebhookEvent
from gwella.webhooks.schemas import WebhookEventType, WebhookSubscriptionCreate
from tests.factories import SYSTEM, client_token, make_api_client, make_indicator, make_org

ALL = [Scope.measurements_write, Scope.measurements_read, Scope.read]


async def arrange(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    org = await make_org(session, code="BOARD1")
    indicator = await make_indicator(
        session, "WAIT", unit="days", direction=Direction.lower_is_better
    )
    api = await make_api_client(session, org, ALL)
    return {
        "org_id": org.id,
        "indicator_id": indicator.id,
        "headers": await client_token(client, api),
    }


def m(month: int, value: float = 20.0, **extra: Any) -> dict[str, Any]:
    return {
        "indicator": "WAIT",
        "period_start": f"2026-{month:02d}-01",
        "period_end": f"2026-{month:02d}-28",
        "value": value,
        "external_id": f"M-{month}",
        **extra,
    }


async def push(
    client: httpx.AsyncClient, w: dict[str, Any], items: list[dict[str, Any]]
) -> dict[str, Any]:
    r = await client.post(
        "/api/v1/ingest/measurements", headers=w["headers"], json={"items": items}
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


async def retract(
    client: httpx.AsyncClient, w: dict[str, Any], ids: list[str], query: str = ""
) -> dict[str, Any]:
    r = await client.post(
        f"/api/v1/measurements/retractions{query}",
        headers=w["headers"],
        json={"external_ids": ids, "reason": "Counted twice"},
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


async def feed(
    client: httpx.AsyncClient, w: dict[str, Any], cursor: str | None, expect: int = 0
) -> tuple[list[dict[str, Any]], str]:
    """The changes after ``cursor``, page by page until an empty one; polled again (as a
    partner would) until ``expect`` came: on a shared PostgreSQL server any transaction in
    flight holds the feed back a moment."""
    seen: list[dict[str, Any]] = []
    for _ in range(100):
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        r = await client.get("/api/v1/measurements/changes", headers=w["headers"], params=params)
        assert r.status_code == 200, r.text
        cursor = r.json()["next_cursor"]
        seen += r.json()["items"]
        if not r.json()["items"]:
            if len(seen) >= expect:
                break
            await asyncio.sleep(0.1)
    assert cursor
    return seen, cursor


async def test_external_ids_are_idempotent_and_one_per_measurement(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    assert (await push(client, w, [m(9), m(10)]))["imported"] == 2
    assert (await push(client, w, [m(9), m(10)]))["ignored"] == 2
    changed = await push(client, w, [m(10, value=18.0)])
    assert (changed["updated"], changed["imported"]) == (1, 0)
    stored = await session.scalar(select(Measurement).where(Measurement.external_id == "M-10"))
    assert stored is not None
    assert stored.value == 18.0

    # One id names one measurement, and a measurement has one id.
    clash = await push(client, w, [m(11, external_id="M-10"), m(9, external_id="OTHER")])
    assert [(e["index"], e["code"]) for e in clash["errors"]] == [
        (0, "external_id_conflict"),
        (1, "external_id_conflict"),
    ]
    twice = await push(client, w, [m(11, external_id="X"), m(12, external_id="X")])
    assert [(e["index"], e["code"]) for e in twice["errors"]] == [(1, "external_id_conflict")]
    # Without an external id, the period's measurement keeps its own.
    plain = {k: v for k, v in m(9, value=25.0).items() if k != "external_id"}
    assert (await push(client, w, [plain]))["updated"] == 1
    session.expire_all()
    kept = await session.scalar(select(Measurement).where(Measurement.external_id == "M-9"))
    assert kept is not None
    assert kept.value == 25.0


async def test_read_back_feed_and_retraction(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    w = await arrange(client, session)
    async with sessionmaker() as s:
        await webhooks.create_subscription(
            s,
            SYSTEM,
            client._transport.app.state.settings,  # type: ignore[attr-defined]
            WebhookSubscriptionCreate(
                url="https://hooks.example.org/gwella",
                event_types=[WebhookEventType.measurement_retracted],
            ),
            organisation_id=w["org_id"],
            api_client_id=None,
        )
        await s.commit()
    await push(client, w, [m(month, value=20.0 + month * month) for month in range(1, 6)])
    found = await client.get(
        "/api/v1/measurements", headers=w["headers"], params={"external_id": ["M-2", "M-3"]}
    )
    assert found.status_code == 200, found.text
    assert sorted(x["external_id"] for x in found.json()["items"]) == ["M-2", "M-3"]
    assert found.json()["items"][0]["source_organisation_id"] == str(w["org_id"])
    changes, cursor = await feed(client, w, None, expect=5)
    assert sorted(c["external_id"] for c in changes) == [f"M-{n}" for n in range(1, 6)]
    assert all(c["op"] == "upsert" and c["record"]["value"] for c in changes)

    chart_url = f"/api/v1/indicators/{w['indicator_id']}/chart"
    params = {"organisation_id": str(w["org_id"])}
    before = (await client.get(chart_url, headers=w["headers"], params=params)).json()
    assert len(before["points"]) == 5

    # Bad input changes nothing.
    atomic = await retract(client, w, ["M-3", "nope"], "?mode=atomic")
    assert (atomic["status"], atomic["retracted"]) == ("failed", 0)
    assert [(e["index"], e["code"]) for e in atomic["errors"]] == [(1, "unknown_external_id")]
    assert await session.scalar(select(func.count()).select_from(Measurement)) == 5

    done = await retract(client, w, ["M-3"])
    assert (done["status"], done["retracted"]) == ("completed", 1)
    after = (await client.get(chart_url, headers=w["headers"], params=params)).json()
    assert [p["period_start"] for p in after["points"]] == [
        f"2026-{n:02d}-01" for n in (1, 2, 4, 5)
    ]
    assert after["points"][0]["mean"] != before["points"][0]["mean"]
    later, cursor = await feed(client, w, cursor, expect=1)
    assert [(c["op"], c["external_id"], c["record"]) for c in later] == [("deleted", "M-3", None)]
    audit = await session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.action == "measurement.retracted")
    )
    assert audit == 1
    events = list(
        await session.scalars(
            select(WebhookEvent).where(WebhookEvent.event_type == "measurement.retracted")
        )
    )
    assert [e.payload["data"]["external_id"] for e in events] == ["M-3"]
    again = await retract(client, w, ["M-3"])
    assert (again["status"], again["retracted"], again["already_retracted"]) == ("completed", 0, 1)

    # Another organisation's client sees and retracts nothing of it; no scope, 403.
    other = await client_token(client, await make_api_client(session, await make_org(session), ALL))
    assert (await client.get("/api/v1/measurements", headers=other)).json()["items"] == []
    assert (await feed(client, {"headers": other}, None))[0] == []
    theirs = await retract(client, {"headers": other}, ["M-4"])
    assert theirs["errors"][0]["code"] == "unknown_external_id"
    writer = await client_token(
        client, await make_api_client(session, await make_org(session), [Scope.measurements_write])
    )
    for url in ("/api/v1/measurements", "/api/v1/measurements/changes"):
        assert (await client.get(url, headers=writer)).status_code == 403
