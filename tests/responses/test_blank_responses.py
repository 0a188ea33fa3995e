"""A response with no answer at all is refused on every door (issue 17, item 12): it says
nothing and would count as a respondent. The rule lives in the one writer's checks
(``responses.service.prepare``), so the public page, paper entry, a JSON push and FHIR all
refuse it, each in its own way of answering, and nothing is stored."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from gwella.campaigns.enums import Channel
from gwella.core.database import utcnow
from gwella.responses.models import Response
from tests.factories import client_token, make_api_client, make_org, make_service, make_user
from tests.factories import sign_in as sign_in_as
from tests.surveys import CONTENT, make_campaign, make_published_version

# The test survey with every question optional: only then can a form be sent blank.
OPTIONAL = {
    **CONTENT,
    "questions": [{**q, "required": False} for q in CONTENT["questions"]],
}
NO_ANSWER = "Answer at least one question: a response with no answers is not stored."
NO_ANSWER_CY = "Atebwch o leiaf un cwestiwn: nid yw ymateb heb atebion yn cael ei gadw."

BLANK = [
    {},
    {"comment": "   ", "contacts": [], "visits": None},  # what an untouched form sends
]


async def arrange(session: AsyncSession) -> dict[str, Any]:
    org = await make_org(session)
    north = await make_service(session, org, code="CMHT-N")
    version = await make_published_version(session, org, content=OPTIONAL)
    channels = (Channel.web, Channel.paper, Channel.partner)
    campaign, links = await make_campaign(session, version, [north], channels=channels)
    staff = await make_user(session, {org: [Role.staff]})
    api = await make_api_client(session, org, [Scope.responses_write, Scope.read])
    await session.commit()
    return {
        "campaign": campaign,
        "version": version,
        "north": north,
        "token": links[north.id].public_token,
        "staff": staff,
        "api": api,
    }


async def stored(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Response)) or 0)


@pytest.mark.parametrize("answers", BLANK)
@pytest.mark.parametrize(("language", "message"), [("en", NO_ANSWER), ("cy", NO_ANSWER_CY)])
async def test_a_blank_public_or_paper_response_is_refused_in_the_readers_language(
    client: httpx.AsyncClient,
    session: AsyncSession,
    answers: dict[str, Any],
    language: str,
    message: str,
) -> None:
    w = await arrange(session)
    accept = {"Accept-Language": language}
    r = await client.post(
        f"/api/v1/public/surveys/{w['token']}/responses",
        headers=accept,
        json={"submission_id": str(uuid.uuid4()), "language": language, "answers": answers},
    )
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["detail"] == message
    assert r.json()["errors"] == [{"field": "body.answers", "message": message}]

    headers = {**await sign_in_as(client, w["staff"].email), **accept}
    r = await client.post(
        f"/api/v1/campaigns/{w['campaign'].id}/paper-responses",
        headers=headers,
        json={
            "submission_id": str(uuid.uuid4()),
            "service_id": str(w["north"].id),
            "completed_on": utcnow().date().isoformat(),
            "answers": answers,
        },
    )
    assert r.status_code == 422, r.text
    assert r.json()["errors"] == [{"field": "body.answers", "message": message}]
    assert await stored(session) == 0

    # One answer is enough.
    r = await client.post(
        f"/api/v1/public/surveys/{w['token']}/responses",
        json={"submission_id": str(uuid.uuid4()), "answers": {**answers, "visits": 0}},
    )
    assert r.status_code == 201, r.text
    assert await stored(session) == 1


async def test_a_blank_push_is_refused_as_an_item_and_the_rest_stored(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(session)
    headers = await client_token(client, w["api"])
    when = (utcnow() - timedelta(hours=1)).isoformat()
    items = [
        {"external_id": f"PAS-{n}", "service": "CMHT-N", "submitted_at": when, "answers": a}
        for n, a in enumerate([*BLANK, {"involved": "3"}])
    ]
    r = await client.post(
        "/api/v1/ingest/responses",
        headers=headers,
        json={"campaign_id": str(w["campaign"].id), "items": items},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["imported"], body["rejected"]) == (1, 2)
    assert [(e["index"], e["field"], e["detail"]) for e in body["errors"]] == [
        (0, "items.0.answers", NO_ANSWER),
        (1, "items.1.answers", NO_ANSWER),
    ]
    assert await stored(session) == 1


async def test_a_fhir_questionnaire_response_without_answers_is_refused(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(session)
    headers = {**await client_token(client, w["api"]), "Content-Type": "application/fhir+json"}
    r = await client.post(
        "/fhir/r4/QuestionnaireResponse",
        headers=headers,
        json={
            "resourceType": "QuestionnaireResponse",
            "identifier": {"system": "https://pas.example.test/responses", "value": "PAS-9"},
            "questionnaire": f"http://gwella.test/fhir/Questionnaire/{w['version'].instrument_id}|1",
            "status": "completed",
            "subject": {"identifier": {"system": "urn:gwella:service", "value": "CMHT-N"}},
            "authored": (utcnow() - timedelta(hours=1)).isoformat(),
        },
    )
    assert r.status_code == 422, r.text
    assert r.json()["resourceType"] == "OperationOutcome"
    assert NO_ANSWER in str(r.json()["issue"])
    assert await stored(session) == 0
