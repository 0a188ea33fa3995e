"""The SPC chart endpoint: measurements in time order with limits and flags, for the
organisations that may see them."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from gwella.indicators.models import Direction
from tests.factories import (
    client_token,
    make_api_client,
    make_indicator,
    make_org,
    make_user,
    monthly,
    sign_in,
)


async def test_chart_of_pushed_measurements(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    indicator = await make_indicator(session, "INVOLVED", target=60.0)
    api = await make_api_client(session, org, [Scope.measurements_write])
    values = [50.0, 52.0] * 6 + [70.0]
    items = monthly("INVOLVED", values)  # January 2025 to January 2026
    pushed = await client.post(
        "/api/v1/ingest/measurements",
        headers=await client_token(client, api),
        json={"items": list(reversed(items))},
    )
    assert pushed.json()["imported"] == 13
    viewer = await make_user(session, {org: [Role.service_user]})
    headers = await sign_in(client, viewer.email)
    r = await client.get(
        f"/api/v1/indicators/{indicator.id}/chart",
        params={"organisation_id": str(org.id), "baseline_points": 12},
        headers=headers,
    )
    assert r.status_code == 200, r.text
    chart = r.json()
    assert [p["value"] for p in chart["points"]] == values  # oldest first
    assert chart["points"][0]["mean"] == 51.0
    last = chart["points"][-1]
    assert (last["special_cause"], last["nature"]) == ("outside_limits", "improvement")
    assert chart["variation"] == "special_cause_improving_high"
    assert chart["assurance"] == "consistently_failing"  # the limits sit below the target
    assert chart["warnings"] == []

    recalculated = await client.get(
        f"/api/v1/indicators/{indicator.id}/chart",
        params={"organisation_id": str(org.id), "recalculate_at": "2026-01-01"},
        headers=headers,
    )
    assert recalculated.json()["points"][-1]["mean"] == 70.0

    stranger = await make_user(session, {await make_org(session): [Role.admin]})
    hidden = await client.get(
        f"/api/v1/indicators/{indicator.id}/chart",
        params={"organisation_id": str(org.id)},
        headers=await sign_in(client, stranger.email),
    )
    assert hidden.status_code == 404


async def test_annotations_appear_on_the_chart(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    indicator = await make_indicator(
        session, "WAIT", unit="days", direction=Direction.lower_is_better
    )
    staff = await make_user(session, {org: [Role.staff]})
    service_user = await make_user(session, {org: [Role.service_user]})
    note = {
        "organisation_id": str(org.id),
        "on_date": "2026-03-01",
        "text": {"en": "New triage clinic", "cy": "Clinig brysbennu newydd"},
    }
    url = f"/api/v1/indicators/{indicator.id}/annotations"
    refused = await client.post(url, json=note, headers=await sign_in(client, service_user.email))
    assert refused.status_code == 403
    nothing = await client.get(
        f"/api/v1/indicators/{indicator.id}/chart",
        params={"organisation_id": str(org.id)},
        headers=await sign_in(client, service_user.email),
    )
    assert nothing.json()["annotations"] == []
    made = await client.post(url, json=note, headers=await sign_in(client, staff.email))
    assert made.status_code == 201, made.text
    chart = await client.get(
        f"/api/v1/indicators/{indicator.id}/chart",
        params={"organisation_id": str(org.id)},
        headers=await sign_in(client, service_user.email),
    )
    assert [(a["on_date"], a["text"]["cy"]) for a in chart.json()["annotations"]] == [
        ("2026-03-01", "Clinig brysbennu newydd")
    ]


async def test_a_special_cause_notifies_the_managers_in_both_languages(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    await make_indicator(session, "INVOLVED")
    manager = await make_user(session, {org: [Role.manager]})
    staff = await make_user(session, {org: [Role.staff]})
    api = await make_api_client(session, org, [Scope.measurements_write])
    headers = await client_token(client, api)

    baseline = monthly("INVOLVED", [50.0, 52.0] * 6)  # 2025
    await client.post("/api/v1/ingest/measurements", headers=headers, json={"items": baseline})
    manager_headers = await sign_in(client, manager.email)
    quiet = await client.get("/api/v1/notifications", headers=manager_headers)
    assert quiet.json()["items"] == []  # common cause: nothing to say

    outlier = monthly("INVOLVED", [70.0], start="2026-01")
    await client.post("/api/v1/ingest/measurements", headers=headers, json={"items": outlier})
    notes = (await client.get("/api/v1/notifications?unread=true", headers=manager_headers)).json()[
        "items"
    ]
    assert len(notes) == 1
    assert notes[0]["kind"] == "indicator.signal"
    assert "improvement" in notes[0]["title"]["en"]
    assert "gwelliant" in notes[0]["title"]["cy"]
    staff_notes = await client.get(
        "/api/v1/notifications", headers=await sign_in(client, staff.email)
    )
    assert staff_notes.json()["items"] == []
    read = await client.post(
        f"/api/v1/notifications/{notes[0]['id']}/read", headers=manager_headers
    )
    assert read.status_code == 204
    assert (await client.get("/api/v1/notifications?unread=true", headers=manager_headers)).json()[
        "items"
    ] == []


async def test_crossing_the_target_without_a_special_cause_is_still_told(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    await make_indicator(session, "PLAN", target=90.0)
    manager = await make_user(session, {org: [Role.manager]})
    api = await make_api_client(session, org, [Scope.measurements_write])
    headers = await client_token(client, api)
    values = [88.0, 91.0, 89.0, 90.5, 88.5, 91.5, 89.5, 90.0, 88.0, 91.0, 89.0]
    items = monthly("PLAN", values)  # January to November 2025
    await client.post("/api/v1/ingest/measurements", headers=headers, json={"items": items})
    december = monthly("PLAN", [90.5], start="2025-12")
    await client.post("/api/v1/ingest/measurements", headers=headers, json={"items": december})
    notes = (
        await client.get("/api/v1/notifications", headers=await sign_in(client, manager.email))
    ).json()["items"]
    # The first batch ended below the target (91 then 89): missed; the next point is above.
    assert [n["kind"] for n in notes] == ["indicator.target", "indicator.target"]
    assert notes[0]["title"]["en"].endswith("target met")
    assert notes[1]["title"]["en"].endswith("target missed")
