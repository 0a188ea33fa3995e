"""QuestionnaireResponses pushed in as survey responses: stored with the right answers,
idempotent by identifier (ignored, updated, created), batch best effort, transaction all or
nothing, and every refusal an OperationOutcome in the FHIR media type."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any
from unittest.mock import ANY

import httpx
import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Scope
from gwella.campaigns.enums import Anonymity, Channel
from gwella.core.audit import AuditEvent
from gwella.core.database import utcnow
from gwella.fhir import service as fhir_service
from gwella.fhir.datatypes import EXT_CAMPAIGN, EXT_CONSENT
from gwella.responses.models import Response
from tests.factories import client_token, make_api_client, make_org, make_service
from tests.fhir.conftest import LARGE_BODY_LIMIT
from tests.fhir.support import (
    FHIR,
    VALID_ITEMS,
    arrange_push,
    bundle,
    coding,
    count,
    issues,
    qr,
    replace,
    stored_answers,
)
from tests.surveys import VALID_ANSWERS, make_campaign

POST = "/fhir/r4/QuestionnaireResponse"


def outcome_of(r: httpx.Response) -> list[tuple[str, str | None]]:
    assert r.headers["content-type"].startswith(FHIR), r.headers
    OperationOutcome.model_validate(r.json())
    return issues(r.json())


async def test_a_pushed_response_is_stored_then_ignored_then_updated(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session)
    r = await client.post(POST, headers=w.headers, json=qr(w, 1))
    assert r.status_code == 201, r.text
    assert r.headers["content-type"].startswith(FHIR)
    echo = QuestionnaireResponse.model_validate(r.json())
    assert r.headers["location"] == f"http://gwella.test/fhir/r4/QuestionnaireResponse/{echo.id}"
    assert await stored_answers(session, "PAS-1") == VALID_ANSWERS
    stored = await session.scalar(select(Response).where(Response.external_id == "PAS-1"))
    assert stored is not None
    assert (stored.channel, stored.language, stored.service_id) == ("partner", "cy", w.north.id)
    assert stored.submitted_at.hour == 0  # anonymous campaign: the day only
    # The echo is what was stored, as FHIR.
    body = r.json()
    assert body["questionnaire"] == w.url
    assert body["identifier"] == {
        "system": f"urn:gwella:organisation:{w.org.id}:response",
        "value": "PAS-1",
    }
    assert body["subject"]["reference"] == f"HealthcareService/{w.north.id}"
    echoed = {i["linkId"]: i["answer"] for i in body["item"]}
    involved = echoed["involved"][0]["valueCoding"]
    assert (involved["code"], involved["display"]) == ("4", "point 4")
    assert echoed["has_plan"] == [
        {"valueCoding": {"code": "yes", "display": "Yes", "_display": ANY}}
    ]
    assert [a["valueCoding"]["code"] for a in echoed["contacts"]] == ["nurse", "doctor"]
    assert echoed["plan_useful"] == [{"valueInteger": 7}]
    assert echoed["visits"] == [{"valueDecimal": 3}]

    again = await client.post(POST, headers=w.headers, json=qr(w, 1))
    assert again.status_code == 200
    assert "location" not in again.headers
    assert again.json()["id"] == echo.id
    assert await count(session) == 1

    changed = qr(w, 1, replace(VALID_ITEMS, "involved", [coding("1")]))
    r = await client.post(POST, headers=w.headers, json=changed)
    assert r.status_code == 200
    assert r.json()["id"] == echo.id
    assert await count(session) == 1
    session.expire_all()
    assert (await stored_answers(session, "PAS-1"))["involved"] == "1"
    updates = await session.scalar(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "response.updated")
    )
    assert updates == 1
    # The pushing client reads it back; a client of another organisation does not.
    r = await client.get(f"{POST}/{echo.id}", headers=w.headers)
    assert (r.status_code, r.json()["id"]) == (200, echo.id)
    other = await make_api_client(session, await make_org(session), [Scope.responses_write])
    r = await client.get(f"{POST}/{echo.id}", headers=await client_token(client, other))
    assert r.status_code == 404
    assert outcome_of(r) == [("not-found", None)]


async def test_other_ways_to_name_the_questionnaire_and_the_service(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session)
    by_id = qr(
        w,
        2,
        questionnaire=f"Questionnaire/{w.version.id}",
        subject={"reference": f"HealthcareService/{w.west.id}"},
        language="en-GB",
    )
    r = await client.post(
        POST, headers={**w.headers, "Content-Type": "application/json"}, json=by_id
    )
    assert r.status_code == 201, r.text
    full = qr(w, 3, questionnaire=f"http://gwella.test/fhir/r4/Questionnaire/{w.version.id}")
    full["subject"] = {"identifier": {"value": "CMHT-W"}}
    r = await client.post(POST, headers=w.headers, json=full)
    assert r.status_code == 201, r.text
    rows = (
        await session.execute(select(Response.external_id, Response.service_id, Response.language))
    ).all()
    assert sorted(rows) == [("PAS-2", w.west.id, "en"), ("PAS-3", w.west.id, "cy")]


async def test_answers_are_checked_as_any_response_is(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session)
    cases = [
        # An answer outside the options: refused by the same validation as the web.
        (replace(VALID_ITEMS, "involved", [coding("7")]), "value", "involved"),
        # A required question left out.
        ([i for i in VALID_ITEMS if i["linkId"] != "has_plan"], "required", "has_plan"),
        # The wrong FHIR type for the item.
        (replace(VALID_ITEMS, "plan_useful", [{"valueString": "seven"}]), "value", "plan_useful"),
        # Two answers to a question that does not repeat.
        (replace(VALID_ITEMS, "involved", [coding("1"), coding("2")]), "value", "involved"),
        # A question that is not in the Questionnaire.
        ([*VALID_ITEMS, {"linkId": "nope", "answer": [coding("x")]}], "value", "nope"),
    ]
    for items, code, link_id in cases:
        r = await client.post(POST, headers=w.headers, json=qr(w, 1, items))
        assert r.status_code == 422, r.text
        assert (code, f"QuestionnaireResponse.item.where(linkId='{link_id}')") in outcome_of(r)
    # Hidden by a condition, yet answered.
    hidden = replace(VALID_ITEMS, "has_plan", [coding("no")])
    r = await client.post(POST, headers=w.headers, json=qr(w, 1, hidden))
    assert ("value", "QuestionnaireResponse.item.where(linkId='plan_useful')") in outcome_of(r)
    # "Don't know", where offered.
    ok = [
        i
        for i in replace(VALID_ITEMS, "has_plan", [coding("dont_know")])
        if i["linkId"] != "plan_useful"
    ]
    r = await client.post(POST, headers=w.headers, json=qr(w, 1, ok))
    assert r.status_code == 201, r.text
    assert (await stored_answers(session, "PAS-1"))["has_plan"] == "dont_know"
    # Outside the campaign's window.
    late = qr(w, 2, authored=(utcnow() - timedelta(days=40)).isoformat())
    r = await client.post(POST, headers=w.headers, json=late)
    assert (r.status_code, outcome_of(r)) == (
        422,
        [("business-rule", "QuestionnaireResponse.authored")],
    )
    assert await count(session) == 1


async def test_a_batch_stores_what_it_can_and_reports_the_rest(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session)
    await client.post(POST, headers=w.headers, json=qr(w, 9))
    entries = [
        qr(w, 1),
        qr(w, 2, replace(VALID_ITEMS, "involved", [coding("7")])),
        qr(w, 4, questionnaire="http://gwella.test/fhir/Questionnaire/nothing|1"),
        qr(w, 3),
        qr(w, 9),  # already stored: ignored
        qr(w, 3, replace(VALID_ITEMS, "involved", [coding("2")])),  # same id, other content
    ]
    # An entry that is no QuestionnaireResponse breaks the push profile: the Bundle is refused
    # whole, and nothing is stored.
    patient = bundle("batch", [*entries[:2], {"resourceType": "Patient"}])
    r = await client.post("/fhir/r4", headers=w.headers, json=patient)
    assert r.status_code == 400
    assert ("structure", "Bundle.entry[2].resource.resourceType") in outcome_of(r)
    assert await count(session) == 1
    r = await client.post("/fhir/r4", headers=w.headers, json=bundle("batch", entries))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(FHIR)
    body = r.json()
    Bundle.model_validate(body)
    assert body["type"] == "batch-response"
    responses = [e["response"] for e in body["entry"]]
    assert [x["status"] for x in responses] == [
        "201 Created",
        "422 Unprocessable Entity",
        "404 Not Found",
        "201 Created",
        "200 OK",
        "409 Conflict",
    ]
    assert issues(responses[1]["outcome"]) == [
        ("value", "QuestionnaireResponse.item.where(linkId='involved')")
    ]
    assert issues(responses[2]["outcome"]) == [("not-found", "QuestionnaireResponse.questionnaire")]
    assert issues(responses[4]["outcome"])[0][0] == "informational"
    assert issues(responses[5]["outcome"]) == [("duplicate", "QuestionnaireResponse.identifier")]
    assert responses[0]["location"].startswith("QuestionnaireResponse/")
    assert await count(session) == 3
    assert set(await session.scalars(select(Response.external_id))) == {"PAS-1", "PAS-3", "PAS-9"}


async def test_a_transaction_stores_all_or_nothing(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session)
    bad = qr(w, 2, replace(VALID_ITEMS, "involved", [coding("7")]))
    r = await client.post(
        "/fhir/r4", headers=w.headers, json=bundle("transaction", [qr(w, 1), bad, qr(w, 3)])
    )
    assert r.status_code == 422
    assert outcome_of(r) == [("value", "Bundle.entry[1].resource.item.where(linkId='involved')")]
    assert await count(session) == 0
    good = bundle("transaction", [qr(w, 1), qr(w, 2), qr(w, 3)])
    r = await client.post("/fhir/r4", headers=w.headers, json=good)
    assert r.status_code == 200, r.text
    assert r.json()["type"] == "transaction-response"
    assert [e["response"]["status"] for e in r.json()["entry"]] == ["201 Created"] * 3
    assert await count(session) == 3
    # A transaction whose entries are all refused at the ingestion stage stores nothing too.
    late = qr(w, 4, authored=(utcnow() - timedelta(days=40)).isoformat())
    r = await client.post(
        "/fhir/r4", headers=w.headers, json=bundle("transaction", [qr(w, 5), late])
    )
    assert (r.status_code, outcome_of(r)) == (
        422,
        [("business-rule", "Bundle.entry[1].resource.authored")],
    )
    assert await count(session) == 3


async def test_malformed_fhir_is_refused_with_an_operation_outcome(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session)

    async def send(body: Any, path: str = POST, **headers: str) -> httpx.Response:
        content = body if isinstance(body, bytes) else json.dumps(body).encode()
        return await client.post(path, headers={**w.headers, **headers}, content=content)

    r = await send(b"{not json")
    assert (r.status_code, outcome_of(r)) == (400, [("structure", None)])
    r = await send(b'{"resourceType": "QuestionnaireResponse", "x": NaN}')
    assert r.status_code == 400
    r = await send([1, 2])
    assert (r.status_code, outcome_of(r)) == (400, [("structure", None)])
    r = await send({"resourceType": "Patient"})
    assert (r.status_code, outcome_of(r)) == (400, [("invalid", None)])
    missing_status = {k: v for k, v in qr(w, 1).items() if k != "status"}
    r = await send(missing_status)
    assert (r.status_code, outcome_of(r)) == (400, [("required", "QuestionnaireResponse.status")])
    r = await send(qr(w, 1, items=[{"answer": [coding("4")]}]))
    assert (r.status_code, outcome_of(r)) == (
        400,
        [("required", "QuestionnaireResponse.item[0].linkId")],
    )
    # Gwella's push profile (fhir.push, the spec's FhirQuestionnaireResponsePush) names each
    # element a push needs, with R4's forms: every problem in one 400.
    r = await send(qr(w, 1, authored="2026-01"))
    assert (r.status_code, outcome_of(r)) == (
        400,
        [("structure", "QuestionnaireResponse.authored")],
    )
    bare = {
        "resourceType": "QuestionnaireResponse",
        "status": "in-progress",
        "subject": {"reference": "Patient/1"},
        "text": {"status": "generated", "div": "<div>not in the profile</div>"},
    }
    r = await send(bare)
    assert r.status_code == 400
    assert sorted(outcome_of(r)) == [
        ("required", "QuestionnaireResponse.authored"),
        ("required", "QuestionnaireResponse.identifier"),
        ("required", "QuestionnaireResponse.questionnaire"),
        ("structure", "QuestionnaireResponse.status"),
        ("structure", "QuestionnaireResponse.subject.reference"),
        ("structure", "QuestionnaireResponse.text"),
    ]
    r = await send(qr(w, 1), **{"Content-Type": "text/plain"})
    assert (r.status_code, outcome_of(r)) == (415, [("not-supported", None)])
    r = await send({"resourceType": "Bundle", "type": "collection"}, "/fhir/r4")
    assert (r.status_code, outcome_of(r)) == (422, [("not-supported", "Bundle.type")])
    r = await send(
        {
            "resourceType": "Bundle",
            "type": "batch",
            "entry": [
                {
                    "request": {"method": "PUT", "url": "QuestionnaireResponse/1"},
                    "resource": qr(w, 1),
                }
            ],
        },
        "/fhir/r4",
    )
    # A request Bundle's entries create QuestionnaireResponses (the spec's FhirBundlePush): an
    # entry that asks for something else breaks the profile, and the Bundle is refused whole.
    assert r.status_code == 400
    assert sorted(outcome_of(r)) == [
        ("structure", "Bundle.entry[0].request.method"),
        ("structure", "Bundle.entry[0].request.url"),
    ]
    r = await send(b"x" * (LARGE_BODY_LIMIT + 10))
    assert (r.status_code, outcome_of(r)) == (413, [("too-costly", None)])
    assert await count(session) == 0


async def test_unknown_questionnaires_scopes_and_other_organisations(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session)
    unknown = qr(
        w,
        1,
        questionnaire="http://gwella.test/fhir/Questionnaire/"
        "00000000-0000-0000-0000-000000000000|1",
    )
    r = await client.post(POST, headers=w.headers, json=unknown)
    assert (r.status_code, outcome_of(r)) == (
        404,
        [("not-found", "QuestionnaireResponse.questionnaire")],
    )
    elsewhere = qr(w, 1, questionnaire="https://other.test/Questionnaire/phq-9|1")
    r = await client.post(POST, headers=w.headers, json=elsewhere)
    assert r.status_code == 404
    # A client without the scope.
    reader = await make_api_client(session, w.org, [Scope.read])
    headers = {**await client_token(client, reader), "Content-Type": FHIR}
    r = await client.post(POST, headers=headers, json=qr(w, 1))
    assert (r.status_code, outcome_of(r)) == (403, [("forbidden", None)])
    # Signed out.
    r = await client.post(POST, headers={"Content-Type": FHIR}, json=qr(w, 1))
    assert (r.status_code, outcome_of(r)) == (401, [("login", None)])
    # Another organisation's client: the Questionnaire is not there for it (same words).
    other_org = await make_org(session)
    await make_service(session, other_org, code="CMHT-N")
    other = await make_api_client(session, other_org, [Scope.responses_write])
    headers = {**await client_token(client, other), "Content-Type": FHIR}
    r = await client.post(POST, headers=headers, json=qr(w, 1))
    assert (r.status_code, outcome_of(r)) == (
        404,
        [("not-found", "QuestionnaireResponse.questionnaire")],
    )
    r = await client.post("/fhir/r4", headers=headers, json=bundle("batch", [qr(w, 1)]))
    assert r.json()["entry"][0]["response"]["status"] == "404 Not Found"
    # A service of the organisation that the campaign does not run in.
    lonely = await make_service(session, w.org, code="WARD")
    r = await client.post(
        POST,
        headers=w.headers,
        json=qr(w, 1, subject={"reference": f"HealthcareService/{lonely.id}"}),
    )
    assert (r.status_code, outcome_of(r)) == (422, [("not-found", "QuestionnaireResponse.subject")])
    assert await count(session) == 0


async def test_a_campaign_without_partner_pushes_refuses(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session, channels=(Channel.web,))
    r = await client.post(POST, headers=w.headers, json=qr(w, 1))
    assert (r.status_code, outcome_of(r)) == (
        409,
        [("business-rule", "QuestionnaireResponse.questionnaire")],
    )


async def test_two_campaigns_running_the_version_are_told_apart(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session)
    second, _ = await make_campaign(session, w.version, [w.north], channels=(Channel.partner,))
    r = await client.post(POST, headers=w.headers, json=qr(w, 1))
    assert r.status_code == 422
    assert outcome_of(r) == [
        ("business-rule", f"QuestionnaireResponse.extension.where(url='{EXT_CAMPAIGN}')")
    ]
    named = qr(w, 1, extension=[{"url": EXT_CAMPAIGN, "valueString": str(second.id)}])
    r = await client.post(POST, headers=w.headers, json=named)
    assert r.status_code == 201, r.text
    assert r.json()["extension"] == [{"url": EXT_CAMPAIGN, "valueString": str(second.id)}]
    # Only the second campaign runs in the west team: no need to name it there.
    west = qr(w, 2, subject={"identifier": {"value": "CMHT-W"}})
    r = await client.post(POST, headers=w.headers, json=west)
    assert r.status_code == 201
    assert r.json()["extension"][0]["valueString"] == str(w.campaign.id)


async def test_respondents_follow_the_campaigns_anonymity(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session, anonymity=Anonymity.identified)
    source = {"identifier": {"value": "NHS-943 476 5919"}}
    r = await client.post(POST, headers=w.headers, json=qr(w, 1, source=source))
    assert r.status_code == 422
    assert ("value", "QuestionnaireResponse.extension.where(url='urn:gwella:fhir:consent')") in (
        outcome_of(r)
    )
    consent = [{"url": EXT_CONSENT, "valueBoolean": True}]
    r = await client.post(POST, headers=w.headers, json=qr(w, 1, source=source, extension=consent))
    assert r.status_code == 201, r.text
    assert r.json()["source"] == source
    stored = await session.scalar(select(Response))
    assert stored is not None
    assert stored.respondent_reference == "NHS-943 476 5919"
    assert stored.consent_recorded_at is not None

    anonymous = await arrange_push(client, session)
    r = await client.post(POST, headers=anonymous.headers, json=qr(anonymous, 5, source=source))
    assert (r.status_code, outcome_of(r)) == (422, [("value", "QuestionnaireResponse.source")])


async def test_an_unexpected_failure_is_an_operation_outcome_too(
    app: Any, client: httpx.AsyncClient, session: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = await arrange_push(client, session)

    async def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(fhir_service, "push", boom)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://gwella.test") as c:
        r = await c.post(POST, headers=w.headers, json=qr(w, 1))
    assert (r.status_code, outcome_of(r)) == (500, [("exception", None)])
    assert "a bug" not in r.text
