"""Numbers that break answers (issue 15): two answers of 1e308 once made a campaign's results
carry ``Infinity`` (not JSON: the results page stopped showing any table) for good, and on
PostgreSQL made every later answer a 500. Numbers are now bounded where they come in, sums
are made only of bounded answers, a mean that cannot be right is held back, and no answer
of the API may carry Infinity or NaN."""

from __future__ import annotations

import json
import math
import random
import uuid
from datetime import date
from typing import Any

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.campaigns.enums import Anonymity
from gwella.cli import rebuild_campaigns
from gwella.core.finite import NonFiniteNumber, json_bytes
from gwella.core.schemas import OutputModel
from gwella.disclosure import cellkey
from gwella.instruments.content import InstrumentContent
from gwella.responses.models import Response
from gwella.results import aggregate
from gwella.results.aggregate import Counted
from gwella.results.models import ResultCell
from tests.factories import make_org, make_service, make_user, sign_in
from tests.surveys import CONTENT, VALID_ANSWERS, make_campaign, make_published_version, t

OPEN_NUMBERS: dict[str, Any] = {
    "sections": [],
    "questions": [
        {"key": "unbounded", "type": "number", "text": t("How many?")},
        {"key": "from_zero", "type": "number", "min": 0, "text": t("How many, at least 0?")},
    ],
}


def strict_json(text: str) -> Any:
    """Parse as a browser does: ``Infinity`` and ``NaN`` are not JSON."""

    def refuse(word: str) -> Any:
        raise AssertionError(f"{word} in an answer: not JSON")

    return json.loads(text, parse_constant=refuse)


async def _identified(
    client: httpx.AsyncClient, session: AsyncSession, content: dict[str, Any]
) -> dict[str, Any]:
    org = await make_org(session)
    svc = await make_service(session, org)
    version = await make_published_version(session, org, content=content)
    campaign, links = await make_campaign(session, version, [svc], anonymity=Anonymity.identified)
    admin = await make_user(session, {org: [Role.admin]})
    return {
        "campaign": campaign,
        "token": links[svc.id].public_token,
        "headers": await sign_in(client, admin.email),
    }


async def _answer(client: httpx.AsyncClient, token: str, answers: Any) -> httpx.Response:
    body = {
        "submission_id": str(uuid.uuid4()),
        "answers": answers,
        "consent": True,
        "respondent_reference": uuid.uuid4().hex,
    }
    return await client.post(f"/api/v1/public/surveys/{token}/responses", json=body)


async def _responses(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Response)) or 0)


async def test_numbers_beyond_1e15_are_refused_whatever_the_question_allows(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await _identified(client, session, OPEN_NUMBERS)
    for key, value in (("unbounded", 1e308), ("unbounded", -1e16), ("from_zero", 1e308)):
        r = await _answer(client, w["token"], {key: value})
        assert r.status_code == 422, r.text
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["errors"] == [
            {"field": f"body.answers.{key}", "message": "a number from -1e15 to 1e15"}
        ]
    # JSON numbers Python reads as Infinity or NaN are refused too (never stored as null).
    for raw in ("1e999", "NaN", "-Infinity"):
        body = json.dumps(
            {"submission_id": str(uuid.uuid4()), "consent": True, "respondent_reference": "r"}
        ).replace("}", f', "answers": {{"unbounded": {raw}}}}}')
        r = await client.post(
            f"/api/v1/public/surveys/{w['token']}/responses",
            content=body,
            headers={"content-type": "application/json"},
        )
        assert r.status_code == 422, (raw, r.text)
    assert await _responses(session) == 0
    assert (await _answer(client, w["token"], {"unbounded": 1e15, "from_zero": 0})).is_success


async def test_question_limits_beyond_1e15_are_refused(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    admin = await make_user(session, {org: [Role.admin]})
    headers = await sign_in(client, admin.email)
    content = {
        "sections": [],
        "questions": [{"key": "n", "type": "number", "min": 0, "max": 1e308, "text": t("n")}],
    }
    r = await client.post(
        "/api/v1/instruments",
        headers=headers,
        json={"organisation_id": str(org.id), "code": "big", "title": t("Big"), "content": content},
    )
    assert r.status_code == 422, r.text
    assert {"field": "body.content.questions.0.max", "message": "a number from -1e15 to 1e15"} in (
        r.json()["errors"]
    )
    listed = await client.get(
        "/api/v1/instruments", params={"organisation_id": str(org.id)}, headers=headers
    )
    assert listed.json()["items"] == []


async def test_results_stay_json_and_show_their_tables_when_a_stored_sum_overflowed(
    client: httpx.AsyncClient, session: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A campaign whose sum became Infinity before numbers were bounded: its results are
    JSON again, every table is shown, the mean that cannot be right is held back, later
    answers are taken, and ``gwella rebuild-results`` gives the mean back."""
    # Record keys from a seeded generator: with random keys the perturbation sometimes holds
    # back a mean of six answers for its own reasons, which is not what this test is about.
    monkeypatch.setattr(cellkey, "source", random.Random(15))
    w = await _identified(client, session, CONTENT)
    campaign = w["campaign"]
    url = f"/api/v1/campaigns/{campaign.id}/results"
    for _ in range(6):
        assert (await _answer(client, w["token"], VALID_ANSWERS)).status_code == 201
    before = strict_json((await client.get(url, headers=w["headers"])).text)
    visits = next(q for q in before["periods"][0]["questions"] if q["question_key"] == "visits")
    assert visits["total"]["mean"] is not None

    for broken in (math.inf, -math.inf, 1e308):  # a sum no six answers from 0 to 100 make
        await session.execute(
            update(ResultCell)
            .where(ResultCell.campaign_id == campaign.id, ResultCell.question_key == "visits")
            .values(total=broken)
        )
        await session.commit()
        r = await client.get(url, headers=w["headers"])
        assert r.status_code == 200, r.text
        period = strict_json(r.text)["periods"][0]
        by_key = {q["question_key"]: q for q in period["questions"]}
        assert by_key["visits"]["total"]["mean"] is None
        assert by_key["visits"]["total"]["n"] == visits["total"]["n"]
        assert (
            by_key["involved"]["total"]["cells"]
            == next(
                q for q in before["periods"][0]["questions"] if q["question_key"] == "involved"
            )["total"]["cells"]
        )
        csv_export = await client.get(url.replace("results", "results.csv"), headers=w["headers"])
        assert csv_export.status_code == 200
        assert "inf" not in csv_export.text.lower()

    assert (await _answer(client, w["token"], VALID_ANSWERS)).status_code == 201
    assert strict_json((await client.get(url, headers=w["headers"])).text)
    assert await rebuild_campaigns(session, str(campaign.id)) == 1
    await session.commit()
    after = strict_json((await client.get(url, headers=w["headers"])).text)
    mended = next(q for q in after["periods"][0]["questions"] if q["question_key"] == "visits")
    assert mended["total"]["mean"] is not None
    assert abs(mended["total"]["mean"] - VALID_ANSWERS["visits"]) < 100


def test_answers_stored_before_the_bound_count_in_n_but_not_in_sums() -> None:
    """What a rebuild counts of answers stored before numbers were bounded: they were
    answered (n), but a sum of them would be Infinity for good."""
    content = InstrumentContent.model_validate(OPEN_NUMBERS)
    service_id, campaign_id = uuid.uuid4(), uuid.uuid4()
    responses = [
        Counted(7, service_id, date(2026, 1, 5), {"unbounded": value})
        for value in (1e308, 1e308, 2.5, math.inf)
    ]
    cells = aggregate.deltas(campaign_id, content, responses, +1)
    [(count, total, _)] = [v for k, v in cells.items() if k[2] == "unbounded" and k[3] == "all"]
    assert (count, total) == (4, 2.5)


def test_no_answer_leaves_with_infinity_or_nan() -> None:
    class Shown(OutputModel):
        mean: float | None

    for bad in (math.inf, -math.inf, math.nan):
        with pytest.raises(ValidationError):
            Shown(mean=bad)
        with pytest.raises(NonFiniteNumber):
            json_bytes({"periods": [{"mean": bad}]})
    # The words themselves in a text are fine.
    assert json_bytes({"text": "NaN Infinity"}) == b'{"text":"NaN Infinity"}'
    assert json_bytes({"mean": 1.5}) == b'{"mean":1.5}'
