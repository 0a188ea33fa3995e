"""After ``gwella load-demo`` (the path ``make run`` takes), the people who hear of indicator
signals have one for each demo chart that ends on a special cause, and only for those: the
demo's measurements go through the same signal path as a partner's push (issue 17, item 5)."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.demo.data import DEMO_PASSWORD
from gwella.demo.loader import load_demo
from tests.factories import sign_in

PEOPLE = ("admin", "manager", "staff", "serviceuser", "carer", "council")


async def _signals(client: httpx.AsyncClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    r = await client.get("/api/v1/notifications", headers=headers)
    assert r.status_code == 200, r.text
    return [n for n in r.json()["items"] if n["kind"] == "indicator.signal"]


async def test_load_demo_leaves_a_signal_for_each_chart_that_ends_on_a_special_cause(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await load_demo(session)
    await session.commit()
    headers = {
        who: await sign_in(client, f"{who}@demo.gwella.test", DEMO_PASSWORD) for who in PEOPLE
    }
    manager = headers["manager"]
    orgs = (await client.get("/api/v1/organisations", headers=manager)).json()["items"]
    by_id = {o["id"]: o["code"] for o in orgs}
    indicators = (await client.get("/api/v1/indicators", headers=manager)).json()["items"]

    # What each demo chart shows at its latest point, as the chart page draws it.
    special: set[tuple[str, str]] = set()
    charts = 0
    for indicator in indicators:
        for org_id, code in by_id.items():
            chart = await client.get(
                f"/api/v1/indicators/{indicator['id']}/chart",
                params={"organisation_id": org_id},
                headers=manager,
            )
            if chart.status_code != 200 or not chart.json()["points"]:
                continue
            charts += 1
            if chart.json()["variation"].startswith("special_cause"):
                special.add((indicator["code"], code))
    assert charts == 7
    # The two the issue saw: the board's involvement (improving) and waiting times (concern).
    assert special == {("SU-INVOLVED", "BAUHB"), ("WAIT-ASSESS", "BAUHB")}

    codes = {i["id"]: i["code"] for i in indicators}
    told: dict[str, set[tuple[str, str]]] = {}
    for who in PEOPLE:
        notes = await _signals(client, headers[who])
        seen = set()
        for note in notes:
            assert note["record_type"] == "indicator"
            indicator_id = note["record_id"]
            org_id = note["link"].split("organisation_id=", 1)[1]
            assert note["link"] == f"/indicators/{indicator_id}?organisation_id={org_id}"
            for language in ("en", "cy"):
                assert "_" not in note["title"][language] + note["body"][language], note
            seen.add((codes[indicator_id], by_id[org_id]))
        assert len(seen) == len(notes), (who, notes)  # one per chart, never twice
        if seen:
            told[who] = seen
    # The board's manager (also the partnership's lead) and administrator hear of both; the
    # council's manager, whose charts end on common cause, and everyone else hear nothing.
    assert told == {"manager": special, "admin": special}
    involved = next(
        n for n in await _signals(client, manager) if codes[n["record_id"]] == "SU-INVOLVED"
    )
    assert involved["body"]["en"].endswith(
        "is a special cause: a point outside the process limits."
    )
    assert involved["body"]["cy"].endswith(
        "yn achos arbennig: pwynt y tu allan i derfynau'r broses."
    )

    # The value is written with its unit as the web app writes it, in each language.
    waiting = next(
        n for n in await _signals(client, manager) if codes[n["record_id"]] == "WAIT-ASSESS"
    )
    assert " days)" in waiting["body"]["en"]
    assert " diwrnod)" in waiting["body"]["cy"]
    assert "days" not in waiting["body"]["cy"]
    assert "%)" in involved["body"]["en"]
    assert " %" not in involved["body"]["en"]

    # Loading the demo again raises nothing twice.
    await load_demo(session)
    await session.commit()
    assert len(await _signals(client, manager)) == 2
