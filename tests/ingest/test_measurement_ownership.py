"""A partner's push creates a measurement, or updates one its own organisation pushed; it
never takes over a point entered by staff, derived from survey results or pushed by another
organisation (the attacker's F1: such a push overwrote the point, which the partner could
then neither read back nor retract)."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Scope
from gwella.indicators.models import Measurement, MeasurementSource
from gwella.organisations.models import Organisation
from tests.factories import client_token, make_api_client, make_indicator, make_org


def item(month: int, value: float, **extra: Any) -> dict[str, Any]:
    return {
        "indicator": "CARE-PLAN",
        "period_start": f"2025-{month:02d}-01",
        "period_end": f"2025-{month:02d}-28",
        "value": value,
        **extra,
    }


async def arrange(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    org = await make_org(session, code="BAUHB")
    other = await make_org(session, code="SWANSEA-LA")
    indicator = await make_indicator(session, "CARE-PLAN")
    held = {
        1: (MeasurementSource.manual, None, "entered by staff"),
        2: (MeasurementSource.derived, None, "derived from survey results"),
        3: (MeasurementSource.push, other, "pushed by another organisation"),
    }
    for month, (source, by, _) in held.items():
        session.add(
            Measurement(
                indicator_id=indicator.id,
                organisation_id=org.id,
                unit_key=f"org:{org.id}",
                period_start=date(2025, month, 1),
                period_end=date(2025, month, 28),
                value=91.0,
                source=source,
                source_organisation_id=by.id if isinstance(by, Organisation) else None,
            )
        )
    await session.commit()
    api = await make_api_client(session, org, [Scope.measurements_write, Scope.measurements_read])
    return {"org_id": org.id, "held": held, "headers": await client_token(client, api)}


async def push(
    client: httpx.AsyncClient, w: dict[str, Any], items: list[dict[str, Any]], query: str = ""
) -> dict[str, Any]:
    r = await client.post(
        f"/api/v1/ingest/measurements{query}", headers=w["headers"], json={"items": items}
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


async def stored(session: AsyncSession) -> list[tuple[Any, ...]]:
    session.expire_all()
    rows = await session.scalars(select(Measurement).order_by(Measurement.period_start))
    return [
        (m.period_start.month, m.value, m.source, m.source_organisation_id, m.external_id)
        for m in rows
    ]


@pytest.mark.parametrize("query", ["", "?mode=atomic", "?dry_run=true"])
@pytest.mark.parametrize("external_id", ["OVR-1", None])
async def test_a_push_never_overwrites_a_point_it_does_not_own(
    client: httpx.AsyncClient, session: AsyncSession, query: str, external_id: str | None
) -> None:
    w = await arrange(client, session)
    before = await stored(session)
    for month, (_, _, holder) in w["held"].items():
        ext = {"external_id": f"{external_id}-{month}"} if external_id else {}
        body = await push(client, w, [item(month, 50.0, **ext)], query)
        assert (body["status"], body["imported"], body["updated"]) == ("failed", 0, 0)
        [error] = body["errors"]
        assert error["code"] == "measurement_owned_elsewhere"
        assert holder in error["detail"]
        assert error["index"] == 0
    assert await stored(session) == before
    if external_id:
        r = await client.get(
            "/api/v1/measurements", params={"external_id": "OVR-1-1"}, headers=w["headers"]
        )
        assert r.status_code == 200, r.text
        assert r.json()["items"] == []


async def test_best_effort_stores_the_rest_and_atomic_nothing(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    before = await stored(session)
    batch = [item(1, 50.0, external_id="OVR-1"), item(4, 60.0, external_id="NEW-4")]
    atomic = await push(client, w, batch, "?mode=atomic")
    assert (atomic["status"], atomic["imported"]) == ("failed", 0)
    assert await stored(session) == before
    body = await push(client, w, batch)
    assert (body["status"], body["imported"], body["rejected"]) == ("partial", 1, 1)
    assert [e["index"] for e in body["errors"]] == [0]
    after = await stored(session)
    assert after[:3] == before
    assert after[3] == (4, 60.0, MeasurementSource.push, w["org_id"], "NEW-4")


async def test_a_partner_still_updates_its_own_points_and_a_repeat_is_unchanged(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    assert (await push(client, w, [item(5, 40.0, external_id="OWN-5")]))["imported"] == 1
    changed = await push(client, w, [item(5, 45.0, external_id="OWN-5")])
    assert (changed["status"], changed["updated"]) == ("completed", 1)
    again = await push(client, w, [item(5, 45.0, external_id="OWN-5")])
    assert (again["status"], again["updated"], again["ignored"]) == ("completed", 0, 1)
    no_id = await push(client, w, [item(5, 47.0)])
    assert (no_id["status"], no_id["updated"]) == ("completed", 1)
    assert (await stored(session))[3] == (5, 47.0, MeasurementSource.push, w["org_id"], "OWN-5")
