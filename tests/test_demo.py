"""Demo data: loaded idempotently, one sign-in per role, never in production."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.cli import load_demo as cli_load_demo
from gwella.core.config import Environment, Settings
from gwella.demo.data import DEMO_DOMAIN, DEMO_PASSWORD, PEOPLE
from gwella.demo.loader import load_demo
from tests.factories import sign_in


async def test_demo_loads_once_and_every_role_can_sign_in(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    first = await load_demo(session)
    await session.commit()
    assert first == {
        "organisations": 4,
        "services": 5,
        "users": 6,
        "memberships": 6,
        "partnerships": 1,
        "instruments": 1,
        "campaigns": 1,
        "indicators": 3,
        "measurements": 168,  # the board's 3 series and its partners' 4, 24 months each
        "actions": 2,
    }
    second = await load_demo(session)
    await session.commit()
    assert set(second.values()) == {0}

    roles = {}
    for person in ("admin", "manager", "staff", "serviceuser", "carer", "council"):
        token = await client.post(
            "/api/v1/auth/token",
            data={
                "grant_type": "password",
                "username": f"{person}@demo.gwella.test",
                "password": DEMO_PASSWORD,
            },
        )
        assert token.status_code == 200, person
        me = await client.get(
            "/api/v1/users/me",
            headers={"Authorization": f"Bearer {token.json()['access_token']}"},
        )
        roles[person] = (
            me.json()["is_platform_admin"],
            [m["role"] for m in me.json()["memberships"]],
        )
    assert roles == {
        "admin": (True, ["admin"]),
        "manager": (False, ["manager"]),
        "staff": (False, ["staff"]),
        "serviceuser": (False, ["service_user"]),
        "carer": (False, ["carer"]),
        "council": (False, ["manager"]),
    }


async def test_demo_partnership_lets_the_forum_see_the_health_board(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await load_demo(session)
    await session.commit()
    headers = await sign_in(client, "serviceuser@demo.gwella.test", DEMO_PASSWORD)
    orgs = await client.get("/api/v1/organisations", headers=headers)
    assert len(orgs.json()["items"]) == 4
    board = await client.get("/api/v1/organisations/demo:BAUHB/services", headers=headers)
    assert {s["code"] for s in board.json()["items"]} == {"CMHT-N", "CMHT-W", "WARD-GLAS"}


def test_demo_data_is_refused_in_production() -> None:
    settings = Settings(
        env=Environment.production,
        database_url="postgresql+asyncpg://db/x",
        secret_key="x" * 40,
        public_url="https://gwella.example.org",
    )
    with pytest.raises(SystemExit, match="production"):
        cli_load_demo(settings)


async def test_demo_survey_is_published_and_open_in_both_teams(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await load_demo(session)
    await session.commit()
    headers = await sign_in(client, "staff@demo.gwella.test", DEMO_PASSWORD)
    campaigns = (await client.get("/api/v1/campaigns?state=open", headers=headers)).json()
    assert len(campaigns["items"]) == 1
    links = await client.get(
        f"/api/v1/campaigns/{campaigns['items'][0]['id']}/links", headers=headers
    )
    assert len(links.json()) == 2
    survey = await client.get(f"/api/v1/public/surveys/{links.json()[0]['public_token']}")
    assert survey.json()["state"] == "open"
    assert survey.json()["content"]["questions"][0]["text"]["cy"].startswith("Roeddwn")


async def test_demo_indicators_make_a_chart_with_a_signal(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await load_demo(session)
    await session.commit()
    headers = await sign_in(client, "carer@demo.gwella.test", DEMO_PASSWORD)
    frameworks = (await client.get("/api/v1/frameworks", headers=headers)).json()
    assert len(frameworks[0]["standards"]) == 7
    found = (await client.get("/api/v1/indicators", headers=headers)).json()["items"]
    involved = next(i for i in found if i["code"] == "SU-INVOLVED")
    board = (await client.get("/api/v1/organisations/demo:BAUHB", headers=headers)).json()
    chart = await client.get(
        f"/api/v1/indicators/{involved['id']}/chart",
        params={"organisation_id": board["id"], "baseline_points": 12},
        headers=headers,
    )
    assert len(chart.json()["points"]) == 24
    assert chart.json()["variation"] == "special_cause_improving_high"


async def test_the_demo_shows_several_organisations_side_by_side(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Each indicator had the health board's series alone, so "side by side" had one row."""
    from sqlalchemy import delete

    from gwella.indicators.models import Measurement
    from gwella.organisations.models import Organisation

    await load_demo(session)
    await session.commit()
    headers = await sign_in(client, "council@demo.gwella.test", DEMO_PASSWORD)
    partnership = (await client.get("/api/v1/partnerships", headers=headers)).json()["items"][0]
    overview = await client.get(
        f"/api/v1/partnerships/{partnership['id']}/indicators", headers=headers
    )
    assert overview.status_code == 200, overview.text
    rows = {
        entry["indicator"]["code"]: sorted(u["organisation_name"] for u in entry["units"])
        for group in overview.json()["standards"]
        for entry in group["indicators"]
    }
    board, council = (
        "Bae Abermor University Health Board",
        "Abermor City Council Adult Social Services",
    )
    assert rows["SU-INVOLVED"] == sorted([board, council, "Lles Glan y Môr Wellbeing Charity"])
    assert rows["CARE-PLAN"] == sorted([board, council])
    assert rows["WAIT-ASSESS"] == sorted([board, council])

    # A demo loaded before the partners' series gets them when loaded again, once.
    charity = await session.scalar(select(Organisation).where(Organisation.code == "LLES"))
    assert charity is not None
    await session.execute(delete(Measurement).where(Measurement.organisation_id == charity.id))
    await session.commit()
    assert (await load_demo(session))["measurements"] == 24
    await session.commit()
    assert (await load_demo(session))["measurements"] == 0


async def test_survey_answers_become_a_derived_indicator_series(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    import uuid

    from sqlalchemy import select

    from gwella.core.database import utcnow
    from gwella.derived import derive_measurements
    from gwella.indicators.models import Measurement, MeasurementSource

    await load_demo(session)
    await session.commit()
    headers = await sign_in(client, "staff@demo.gwella.test", DEMO_PASSWORD)
    campaign = (await client.get("/api/v1/campaigns", headers=headers)).json()["items"][0]
    links = (await client.get(f"/api/v1/campaigns/{campaign['id']}/links", headers=headers)).json()
    # Eight of each answer: every count of the month is shown whatever its perturbation
    # (8 moves by at most 3), so the month has a published share of positive answers.
    # (Paper forms, entered by staff: forty from one address would be rate-limited.)
    for i in range(40):
        answers = {"involved": str(1 + i % 5), "has_care_plan": "no"}
        r = await client.post(
            f"/api/v1/campaigns/{campaign['id']}/paper-responses",
            headers=headers,
            json={
                "submission_id": str(uuid.uuid4()),
                "service_id": links[0]["service_id"],
                "completed_on": utcnow().date().isoformat(),
                "answers": answers,
            },
        )
        assert r.status_code == 201, r.text
    assert await derive_measurements(session) == 1
    await session.commit()
    [derived] = (
        await session.scalars(
            select(Measurement).where(Measurement.source == MeasurementSource.derived)
        )
    ).all()
    # The measurement is the month's published share in that service's results: it tells
    # nothing the results do not.
    month = (
        await client.get(
            f"/api/v1/campaigns/{campaign['id']}/results",
            headers=headers,
            params={"period": "month", "service_id": links[0]["service_id"]},
        )
    ).json()["periods"][-1]
    involved = next(q for q in month["questions"] if q["question_key"] == "involved")
    [row] = involved["units"]
    # The share positive is a count of its own group ("agree" or better), published as such.
    positive = round(row["share_positive"] * row["n"] / 100)
    assert (derived.numerator, derived.denominator) == (positive, row["n"])
    assert round(derived.value, 2) == round(row["share_positive"], 2)
    assert abs(positive - 16) <= 3
    assert abs(derived.denominator - 40) <= 3
    assert await derive_measurements(session) == 0  # nothing changed: nothing written


def test_load_demo_prints_every_demo_sign_in(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every demo person, council@ included (it was left out of the printed list)."""
    cli_load_demo(settings)
    printed = capsys.readouterr().out
    for local, *_ in PEOPLE:
        assert f"{local}@{DEMO_DOMAIN}" in printed
    assert "council@demo.gwella.test" in printed
