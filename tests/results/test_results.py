"""Live results: updated in the same transaction as each response, equal to a rebuild from
scratch after random inserts and updates, suppressed as the campaign requires."""

from __future__ import annotations

import random
import uuid
from collections import OrderedDict
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from gwella.campaigns.enums import Channel
from gwella.cli import rebuild_campaigns
from gwella.core.database import utcnow
from gwella.results.models import ResultCell
from tests.factories import (
    client_token,
    make_api_client,
    make_org,
    make_service,
    make_user,
    sign_in,
)
from tests.surveys import VALID_ANSWERS, answer_publicly, make_campaign, make_published_version


async def arrange(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    org = await make_org(session)
    north = await make_service(session, org, code="N")
    west = await make_service(session, org, code="W")
    version = await make_published_version(session, org)
    campaign, links = await make_campaign(
        session,
        version,
        [north, west],
        channels=(Channel.web, Channel.partner),
        opens_in=timedelta(days=-90),
        lasts=timedelta(days=120),
    )
    api = await make_api_client(session, org, [Scope.responses_write])
    viewer = await make_user(session, {org: [Role.service_user]})
    return {
        "org": org,
        "north": north,
        "west": west,
        "campaign": campaign,
        "links": links,
        "api": await client_token(client, api),
        "viewer": await sign_in(client, viewer.email),
    }


def random_answers(rng: random.Random) -> dict[str, Any]:
    has_plan = rng.choice(["yes", "no", "dont_know"])
    answers: dict[str, Any] = {"involved": rng.choice("12345"), "has_plan": has_plan}
    if has_plan == "yes":
        answers["plan_useful"] = rng.randint(0, 10)
    if rng.random() < 0.7:
        answers["contacts"] = rng.sample(["nurse", "doctor", "social_worker"], rng.randint(1, 3))
    if rng.random() < 0.5:
        answers["visits"] = rng.randint(0, 100)
    return answers


async def snapshot(session: AsyncSession, campaign_id: uuid.UUID) -> dict[tuple[Any, ...], Any]:
    rows = await session.scalars(select(ResultCell).where(ResultCell.campaign_id == campaign_id))
    return {
        (r.service_id, r.question_key, r.period, r.period_start, r.value): (
            r.count,
            round(r.total, 6),
        )
        for r in rows
        if r.count or r.total
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_incremental_results_equal_a_rebuild_after_random_inserts_and_updates(
    client: httpx.AsyncClient, session: AsyncSession, seed: int
) -> None:
    rng = random.Random(seed)
    w = await arrange(client, session)
    for _ in range(4):
        items = []
        for _ in range(rng.randint(5, 25)):
            days_ago = rng.randint(0, 80)
            items.append(
                {
                    "external_id": f"E{rng.randint(0, 40)}",  # repeats become updates
                    "service": rng.choice(["N", "W"]),
                    "submitted_at": (utcnow() - timedelta(days=days_ago)).isoformat(),
                    "answers": random_answers(rng),
                }
            )
        r = await client.post(
            "/api/v1/ingest/responses",
            headers=w["api"],
            json={"campaign_id": str(w["campaign"].id), "items": items},
        )
        assert r.status_code == 200, r.text
        for _ in range(rng.randint(0, 3)):
            token = w["links"][rng.choice([w["north"].id, w["west"].id])].public_token
            await client.post(
                f"/api/v1/public/surveys/{token}/responses",
                json={"submission_id": str(uuid.uuid4()), "answers": random_answers(rng)},
            )
    campaign_id = w["campaign"].id
    session.expire_all()
    incremental = await snapshot(session, campaign_id)
    assert incremental
    await rebuild_campaigns(session, str(campaign_id))
    await session.commit()
    session.expire_all()
    assert await snapshot(session, campaign_id) == incremental


async def test_results_move_on_by_releases_and_publish_adjusted_counts(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    url = f"/api/v1/campaigns/{w['campaign'].id}/results"
    token = w["links"][w["north"].id].public_token
    for i in range(4):
        await answer_publicly(client, token, {**VALID_ANSWERS, "involved": "5" if i else "1"})
    # Four responses: nothing is released, nothing is told (not even that there are four).
    body = (await client.get(url, headers=w["viewer"])).json()
    assert body["periods"] == []
    assert body["disclosure"]["releases"] == "batched"
    assert body["disclosure"]["released_on"] is None
    await answer_publicly(client, token, {**VALID_ANSWERS, "involved": "5"})
    await answer_publicly(client, token, {**VALID_ANSWERS, "involved": "5"}, times=2)
    # The fifth released all five; the next two wait for three more.
    body = (await client.get(url, headers=w["viewer"])).json()
    assert body["min_cell_size"] == 5
    assert body["disclosure"] | {"released_on": None} == {
        "method": "cell_key_perturbation",
        "max_change": 3,
        "variance": 1.0,
        "min_cell_size": 5,
        "releases": "batched",
        "released_on": None,
    }
    assert body["disclosure"]["released_on"] == utcnow().date().isoformat()
    [period] = body["periods"]
    total = period["responses"]["total"]
    assert total is None or (5 <= total <= 5 + 3)  # the true 5, moved by at most 3
    north = str(w["north"].id)
    involved = next(q for q in period["questions"] if q["question_key"] == "involved")
    row = next(u for u in involved["units"] if u["unit"] == north)
    cells = {c["value"]: c for c in row["cells"]}
    # Nobody chose 2, 3 or 4: an empty cell shows 0, or now and then "held back" (so that a
    # held-back count never proves that someone chose it); never a number from 1 to 4.
    for value in "234":
        assert cells[value]["count"] in (0, None)
        assert cells[value]["suppressed"] is (cells[value]["count"] is None)
    # The one "1" is held back or shown as 0; never as 1.
    assert cells["1"]["count"] in (0, None)
    for cell in cells.values():
        assert cell["count"] is None or cell["count"] == 0 or cell["count"] >= 5
    if row["n"] is not None and not row["suppressed"]:
        assert row["mean"] is not None  # statistics where nothing is held back
    else:
        assert row["mean"] is None
    has_plan = next(q for q in period["questions"] if q["question_key"] == "has_plan")
    plan = next(u for u in has_plan["units"] if u["unit"] == north)
    assert plan["n"] is None or abs(plan["n"] - 5) <= 3
    yes = {c["value"]: c for c in plan["cells"]}["yes"]
    assert yes["count"] is None or abs(yes["count"] - 5) <= 3
    if yes["count"] is not None and plan["n"] is not None:
        assert yes["percent"] <= 100.0
    west = next(u for u in involved["units"] if u["unit"] == str(w["west"].id))
    assert west["n"] == 0
    assert not west["suppressed"]
    assert all(c["count"] == 0 and c["percent"] is None for c in west["cells"])
    # Reading again gives the same numbers: nothing to average away.
    assert (await client.get(url, headers=w["viewer"])).json() == body


async def test_only_published_free_text_appears_in_results(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    token = w["links"][w["north"].id].public_token
    for text in ("Lovely staff", "Name of a nurse", "", "", ""):
        answers = {**VALID_ANSWERS, "comment": text} if text else {**VALID_ANSWERS}
        answers.pop("comment") if not text else None
        await answer_publicly(client, token, answers)
    url = f"/api/v1/campaigns/{w['campaign'].id}/results"
    assert (await client.get(url, headers=w["viewer"])).json()["comments"] == []
    staff = await make_user(session, {w["org"]: [Role.staff]})
    staff_headers = await sign_in(client, staff.email)
    comments = (
        await client.get(f"/api/v1/campaigns/{w['campaign'].id}/comments", headers=staff_headers)
    ).json()["items"]
    assert sorted(c["text"] for c in comments) == ["Lovely staff", "Name of a nurse"]
    for c in comments:
        decision = "published" if c["text"] == "Lovely staff" else "redacted"
        await client.post(
            f"/api/v1/answers/{c['answer_id']}/moderation",
            headers=staff_headers,
            json={"moderation": decision},
        )
    shown = (await client.get(url, headers=w["viewer"])).json()["comments"]
    assert [c["text"] for c in shown] == ["Lovely staff"]
    published = next(c for c in comments if c["text"] == "Lovely staff")
    assert shown[0]["answer_id"] == published["answer_id"]  # citable as an action's evidence


async def test_results_scope_by_service_and_by_month(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    items = [
        {
            "external_id": f"M{i}",
            "service": "W",
            "submitted_at": (utcnow() - timedelta(days=35 * (i % 2))).isoformat(),
            "answers": VALID_ANSWERS,
        }
        for i in range(12)
    ]
    await client.post(
        "/api/v1/ingest/responses",
        headers=w["api"],
        json={"campaign_id": str(w["campaign"].id), "items": items},
    )
    url = f"/api/v1/campaigns/{w['campaign'].id}/results"
    monthly = (
        await client.get(
            url, params={"period": "month", "service_id": str(w["west"].id)}, headers=w["viewer"]
        )
    ).json()
    assert monthly["service_ids"] == [str(w["west"].id)]
    totals = [p["responses"]["total"] for p in monthly["periods"]]
    assert len(totals) == 2  # two months of six each, each released
    assert all(t is None or abs(t - 6) <= 3 for t in totals), totals


async def test_results_csv_is_the_table_as_shown(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    token = w["links"][w["north"].id].public_token
    for i in range(6):
        await answer_publicly(client, token, {**VALID_ANSWERS, "involved": "5" if i else "1"})
    url = f"/api/v1/campaigns/{w['campaign'].id}/results"
    r = await client.get(f"{url}.csv", headers=w["viewer"])
    assert r.headers["content-type"].startswith("text/csv")
    lines = r.text.splitlines()
    assert lines[0].startswith("period_start,question_key,unit,n,value,count,percent")
    body = (await client.get(url, headers=w["viewer"])).json()
    shown = {}
    for p in body["periods"]:
        for q in p["questions"]:
            for row in [*q["units"], q["total"]]:
                for cell in row["cells"]:
                    count = "suppressed" if cell["suppressed"] else str(cell["count"])
                    shown[(q["question_key"], row["unit"], cell["value"])] = count
    written = {}
    for line in lines[1:]:
        cells = line.split(",")
        if cells[4]:
            written[(cells[1], cells[2], cells[4])] = cells[5]
    assert written == shown  # every count exactly as the JSON publishes it
    north = str(w["north"].id)
    assert written[("involved", north, "1")] in ("suppressed", "0")  # never the real 1


async def test_raw_responses_export_in_the_template_shape_reads_back_as_an_import(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    token = w["links"][w["north"].id].public_token
    await answer_publicly(client, token, times=5)
    staff = await make_user(session, {w["org"]: [Role.staff]})
    headers = await sign_in(client, staff.email)
    export = await client.get(
        f"/api/v1/campaigns/{w['campaign'].id}/responses.csv", headers=headers
    )
    template = await client.get(
        f"/api/v1/campaigns/{w['campaign'].id}/template.csv", headers=headers
    )
    assert export.text.splitlines()[0] == template.text.strip()
    assert len(export.text.splitlines()) == 1 + 5
    row = export.text.splitlines()[1]
    assert ",N," in row
    assert "nurse|doctor" in row
    assert (
        await client.get(f"/api/v1/campaigns/{w['campaign'].id}/responses.csv", headers=w["viewer"])
    ).status_code == 403


async def test_remembered_results_are_the_fresh_ones_and_follow_every_change(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    from gwella.results import router as results_router

    w = await arrange(client, session)
    url = f"/api/v1/campaigns/{w['campaign'].id}/results"
    token = w["links"][w["north"].id].public_token
    seen: list[Any] = []
    for i in range(8):
        r = await client.post(
            f"/api/v1/public/surveys/{token}/responses",
            json={"submission_id": str(uuid.uuid4()), "answers": {**VALID_ANSWERS, "visits": i}},
        )
        assert r.status_code == 201
        # and one pushed into an earlier week and month, in turn
        pushed = await client.post(
            "/api/v1/ingest/responses",
            headers=w["api"],
            json={
                "campaign_id": str(w["campaign"].id),
                "items": [
                    {
                        "external_id": f"EARLIER-{i}",
                        "service": "W",
                        "submitted_at": (utcnow() - timedelta(days=10 + 31 * (i % 2))).isoformat(),
                        "answers": {**VALID_ANSWERS, "visits": i},
                    }
                ],
            },
        )
        assert pushed.status_code == 200, pushed.text
        assert pushed.json()["imported"] == 1
        # The memories still hold what was read before these responses: whatever they
        # serve now must equal answers computed with nothing remembered.
        for period in ("week", "month", "all"):
            by = {"period": period}
            remembered = (await client.get(url, headers=w["viewer"], params=by)).json()
            again = (await client.get(url, headers=w["viewer"], params=by)).json()
            kept = (results_router._remembered, results_router._remembered_periods)
            results_router._remembered = OrderedDict()
            results_router._remembered_periods = OrderedDict()
            try:
                fresh = (await client.get(url, headers=w["viewer"], params=by)).json()
            finally:
                results_router._remembered, results_router._remembered_periods = kept
            assert remembered == again == fresh
        seen.append(fresh)
    # North's web responses are released five at a time; West's pushes, spread over weeks
    # and months, mostly wait (no week of West gets five): results moved on only at releases.
    released = [len(b["periods"]) > 0 for b in seen]
    assert released[:4] == [False] * 4
    assert released[4:] == [True] * 4


async def test_results_json_is_the_models_json(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """The results are written straight from plain data, not through the response model:
    they must still be exactly what the model (and so the published schema) gives."""
    from gwella.results.schemas import CampaignResults

    w = await arrange(client, session)
    token = w["links"][w["north"].id].public_token
    for i in range(7):
        answers = {**VALID_ANSWERS, "involved": "5" if i < 6 else "1", "comment": f"Note {i}"}
        await answer_publicly(client, token, answers)
    staff = await make_user(session, {w["org"]: [Role.staff]})
    staff_headers = await sign_in(client, staff.email)
    comments = await client.get(
        f"/api/v1/campaigns/{w['campaign'].id}/comments", headers=staff_headers
    )
    first = comments.json()["items"][0]
    published = await client.post(
        f"/api/v1/answers/{first['answer_id']}/moderation",
        headers=staff_headers,
        json={"moderation": "published"},
    )
    assert published.status_code == 200, published.text
    for period in ("all", "month", "week"):
        r = await client.get(
            f"/api/v1/campaigns/{w['campaign'].id}/results",
            headers=w["viewer"],
            params={"period": period},
        )
        assert r.status_code == 200
        assert r.headers["content-type"] == "application/json"
        body = r.json()
        assert body["periods"]
        assert body["comments"]
        model = CampaignResults.model_validate_json(r.content)  # no unknown or missing field
        assert model.model_dump(mode="json") == body
