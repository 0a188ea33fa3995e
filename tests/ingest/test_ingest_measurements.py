"""Bulk measurement ingestion: idempotent on (indicator, unit, period), value or ratio,
only for the client's own organisation and services."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from gwella.indicators.models import Direction, Measurement
from tests.factories import (
    client_token,
    make_api_client,
    make_indicator,
    make_org,
    make_service,
    make_user,
    sign_in,
)


async def arrange(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    org = await make_org(session, code="BOARD1")
    service = await make_service(session, org, code="CMHT-N")
    for code, unit in (("WAIT", "days"), ("SU-INVOLVED", "%")):
        await make_indicator(session, code, unit=unit, direction=Direction.lower_is_better)
    api = await make_api_client(session, org, [Scope.measurements_write, Scope.read])
    return {"org": org, "service": service, "headers": await client_token(client, api)}


def m(period: str = "2026-10", **extra: Any) -> dict[str, Any]:
    return {
        "indicator": "WAIT",
        "period_start": f"{period}-01",
        "period_end": f"{period}-28",
        "value": 21.5,
        **extra,
    }


async def push(
    client: httpx.AsyncClient, w: dict[str, Any], items: list[dict[str, Any]], query: str = ""
) -> dict[str, Any]:
    r = await client.post(
        f"/api/v1/ingest/measurements{query}", headers=w["headers"], json={"items": items}
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


async def test_import_ignore_and_update(client: httpx.AsyncClient, session: AsyncSession) -> None:
    w = await arrange(client, session)
    batch = [m("2026-09"), m("2026-10"), m("2026-10", service="CMHT-N")]
    assert (await push(client, w, batch))["imported"] == 3
    assert (await push(client, w, batch))["ignored"] == 3
    changed = await push(client, w, [m("2026-10", value=19.0)])
    assert (changed["updated"], changed["imported"]) == (1, 0)
    total = await session.scalar(select(func.count()).select_from(Measurement))
    assert total == 3


async def test_a_ratio_becomes_a_percentage_for_percent_indicators(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    body = await push(
        client, w, [m(indicator="SU-INVOLVED", value=None, numerator=30, denominator=40)]
    )
    assert body["imported"] == 1
    stored = await session.scalar(select(Measurement))
    assert stored is not None
    assert stored.value == 75.0
    assert (stored.numerator, stored.denominator) == (30.0, 40.0)


async def test_bad_items_are_listed(client: httpx.AsyncClient, session: AsyncSession) -> None:
    w = await arrange(client, session)
    body = await push(
        client,
        w,
        [
            m(indicator="NOPE"),
            m(organisation="ods:SOMEONE-ELSE"),
            m(service="NOT-OURS"),
            {**m(), "period_end": "2026-09-01"},
            m(value=None),
            m(numerator=1, denominator=2),
            m(),
        ],
    )
    assert body["status"] == "partial"
    assert [(e["index"], e["code"]) for e in body["errors"]] == [
        (0, "unknown_indicator"),
        (1, "not_your_organisation"),
        (2, "unknown_unit"),
        (3, "invalid"),
        (4, "invalid"),
        (5, "invalid"),
    ]
    assert body["imported"] == 1
    zero = await client.post(
        "/api/v1/ingest/measurements",
        headers=w["headers"],
        json={"items": [m(value=None, numerator=1, denominator=0)]},
    )
    assert zero.status_code == 422


async def test_atomic_and_dry_run_write_nothing(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    assert (await push(client, w, [m(), m(indicator="NOPE")], "?mode=atomic"))["status"] == "failed"
    assert (await push(client, w, [m()], "?dry_run=true"))["imported"] == 1
    assert await session.scalar(select(func.count()).select_from(Measurement)) == 0


async def test_measurements_are_readable_by_the_partnership_not_others(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    await push(client, w, [m("2026-09"), m("2026-10")])
    staff = await make_user(session, {w["org"]: [Role.staff]})
    stranger = await make_user(session, {await make_org(session): [Role.admin]})
    indicator = (await client.get("/api/v1/indicators?limit=200", headers=w["headers"])).json()
    wait = next(i for i in indicator["items"] if i["code"] == "WAIT")
    url = f"/api/v1/indicators/{wait['id']}/measurements"
    mine = await client.get(url, headers=await sign_in(client, staff.email))
    assert [x["period_end"] for x in mine.json()["items"]] == ["2026-09-28", "2026-10-28"]
    theirs = await client.get(url, headers=await sign_in(client, stranger.email))
    assert theirs.json()["items"] == []


async def test_a_person_cannot_push_measurements(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    admin = await make_user(session, {w["org"]: [Role.admin]})
    r = await client.post(
        "/api/v1/ingest/measurements",
        headers=await sign_in(client, admin.email),
        json={"items": [m()]},
    )
    assert r.status_code == 403
    assert await session.scalar(select(func.count()).select_from(Measurement)) == 0


async def test_json_items_take_only_the_types_the_spec_states(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """A JSON push is held to the spec's types (a CSV import reads text cells, tested in
    tests/imports): true/false or text where a number goes, or a Unix time where a date goes,
    refuses the batch with the item's field named, and stores nothing."""
    w = await arrange(client, session)
    for item, field, detail in (
        (m(value=None, numerator=False, denominator=4), "numerator", "a number"),
        (m(value="21.5"), "value", "a number"),
        (m(period_start=0), "period_start", "YYYY-MM-DD"),
        (m(period_end="2026-10-28T00:00:00Z"), "period_end", "YYYY-MM-DD"),
    ):
        r = await client.post(
            "/api/v1/ingest/measurements", headers=w["headers"], json={"items": [m(), item]}
        )
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        errors = r.json()["errors"]
        assert [e["field"] for e in errors] == [f"body.items.1.{field}"], errors
        assert detail in errors[0]["message"]
    assert await session.scalar(select(func.count()).select_from(Measurement)) == 0
