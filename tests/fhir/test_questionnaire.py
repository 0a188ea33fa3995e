"""Published instrument versions read as FHIR R4 Questionnaires (parsed back with the R4B
models), the CapabilityStatement, search, and who sees what."""

from __future__ import annotations

from typing import Any

import httpx
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.questionnaire import Questionnaire
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from gwella.fhir.questionnaire import ENABLE_WHEN_EXPRESSION, EXT_DONT_KNOW, MAX_VALUE, MIN_VALUE
from gwella.instruments import service as instruments
from tests.factories import (
    SYSTEM,
    client_token,
    make_api_client,
    make_org,
    make_user,
    sign_in,
)
from tests.fhir.support import FHIR, RICH_CONTENT, issues, publish
from tests.surveys import CONTENT, make_published_version

TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"


def welsh(element: dict[str, Any], name: str) -> str | None:
    """The Welsh translation of ``element[name]`` (the standard translation extension)."""
    for ext in element.get(f"_{name}", {}).get("extension", []):
        if ext["url"] == TRANSLATION:
            parts = {e["url"]: e for e in ext["extension"]}
            if parts["lang"]["valueCode"] == "cy":
                return str(parts["content"]["valueString"])
    return None


def extensions(item: dict[str, Any]) -> dict[str, Any]:
    return {e["url"]: e for e in item.get("extension", [])}


def flat(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        out[item["linkId"]] = item
        out.update(flat(item.get("item", [])))
    return out


async def reader(client: httpx.AsyncClient, session: AsyncSession, org: Any) -> dict[str, str]:
    user = await make_user(session, {org: [Role.staff]})
    return await sign_in(client, user.email)


async def test_the_capability_statement_is_public_and_valid(client: httpx.AsyncClient) -> None:
    r = await client.get("/fhir/r4/metadata")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(FHIR)
    statement = CapabilityStatement.model_validate(r.json())
    assert statement.fhirVersion == "4.0.1"
    assert statement.rest is not None
    rest = statement.rest[0]
    assert {res.type: [i.code for i in res.interaction or []] for res in rest.resource or []} == {
        "Questionnaire": ["read", "search-type"],
        "QuestionnaireResponse": ["create", "read", "search-type"],
    }
    assert [i.code for i in rest.interaction or []] == ["batch", "transaction"]
    assert "urn:gwella:service" in str(rest.documentation)


async def test_a_published_version_round_trips_as_a_valid_questionnaire(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    version = await make_published_version(session, org)
    r = await client.get(
        f"/fhir/r4/Questionnaire/{version.id}", headers=await reader(client, session, org)
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(FHIR)
    body = r.json()
    parsed = Questionnaire.model_validate(body)  # valid R4(B): the model parses it back
    assert parsed.model_dump(mode="json") == body
    assert body["id"] == str(version.id)
    assert body["url"] == f"http://gwella.test/fhir/Questionnaire/{version.instrument_id}"
    assert (body["version"], body["status"], body["language"]) == ("1", "active", "en")
    assert body["title"] == "Your experience"
    assert welsh(body, "title") == "Your experience [cy]"
    items = {i["linkId"]: i for i in body["item"]}
    assert list(items) == [q["key"] for q in CONTENT["questions"]]  # every item, in order
    for question in CONTENT["questions"]:
        item = items[question["key"]]
        assert item["text"] == question["text"]["en"]
        assert welsh(item, "text") == question["text"]["cy"]
        assert item.get("required", False) == question.get("required", False)
    assert {k: (i["type"], i.get("repeats", False)) for k, i in items.items()} == {
        "involved": ("choice", False),
        "has_plan": ("choice", False),  # yes/no offering "don't know": a choice of three
        "plan_useful": ("integer", False),
        "contacts": ("choice", True),
        "visits": ("decimal", False),
        "first_seen": ("date", False),
        "comment": ("text", False),
    }
    likert = [o["valueCoding"] for o in items["involved"]["answerOption"]]
    assert [c["code"] for c in likert] == ["1", "2", "3", "4", "5"]
    assert [c["display"] for c in likert] == [f"point {i}" for i in range(1, 6)]
    assert [welsh(c, "display") for c in likert] == [f"point {i} [cy]" for i in range(1, 6)]
    has_plan = [o["valueCoding"] for o in items["has_plan"]["answerOption"]]
    assert [c["code"] for c in has_plan] == ["yes", "no", "dont_know"]
    assert welsh(has_plan[0], "display") == "Ie"
    contacts = [o["valueCoding"]["code"] for o in items["contacts"]["answerOption"]]
    assert contacts == ["nurse", "doctor", "social_worker"]
    rating = extensions(items["plan_useful"])
    assert (rating[MIN_VALUE]["valueInteger"], rating[MAX_VALUE]["valueInteger"]) == (0, 10)
    assert items["plan_useful"]["enableWhen"] == [
        {"question": "has_plan", "operator": "=", "answerCoding": {"code": "yes"}}
    ]
    assert "enableBehavior" not in items["plan_useful"]
    visits = extensions(items["visits"])
    assert (visits[MIN_VALUE]["valueDecimal"], visits[MAX_VALUE]["valueDecimal"]) == (0, 100)
    assert items["comment"]["maxLength"] == 200


async def test_sections_help_and_every_shape_of_condition(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    version = await publish(session, org, RICH_CONTENT)
    r = await client.get(
        f"/fhir/r4/Questionnaire/{version.id}", headers=await reader(client, session, org)
    )
    body = r.json()
    Questionnaire.model_validate(body)
    assert body["description"] == "A survey with everything"
    # Sections are groups (an empty one is left out: a group must hold items); a question
    # may share its key with a section, as linkIds stay distinct.
    top = [(i["linkId"], i["type"]) for i in body["item"]]
    assert top == [
        ("section-care", "group"),
        ("out_of_home", "choice"),
        ("section-care_team", "group"),
    ]
    assert welsh(body["item"][0], "text") == "Your care [cy]"
    items = flat(body["item"])
    assert [i["linkId"] for i in body["item"][0]["item"]] == ["care", "safe", "why_not_safe"]
    assert [c["linkId"] for c in items["care"]["item"]] == ["care.help"]
    help_item = items["care.help"]
    assert (help_item["type"], help_item["text"]) == ("display", "Pick the main place")
    assert welsh(help_item, "text") == "Pick the main place [cy]"
    assert items["safe"]["type"] == "boolean"
    assert items["why_not_safe"]["enableWhen"] == [
        {"question": "safe", "operator": "=", "answerBoolean": False}
    ]
    # One condition, several values: any of them.
    assert items["out_of_home"]["enableBehavior"] == "any"
    assert [w["answerCoding"]["code"] for w in items["out_of_home"]["enableWhen"]] == [
        "clinic",
        "ward",
    ]
    assert [o["valueCoding"]["code"] for o in items["out_of_home"]["answerOption"]] == [
        *(str(i) for i in range(11)),
        "dont_know",
    ]
    # Several conditions of one value each: all of them.
    assert items["ward_and_safe"]["enableBehavior"] == "all"
    assert items["ward_and_safe"]["enableWhen"] == [
        {"question": "care", "operator": "=", "answerCoding": {"code": "ward"}},
        {"question": "safe", "operator": "=", "answerBoolean": True},
    ]
    assert extensions(items["ward_and_safe"])[EXT_DONT_KNOW]["valueCoding"]["code"] == "dont_know"
    # An AND of ORs is beyond enableWhen: the SDC FHIRPath expression says it.
    either = items["either_and_rated"]
    assert "enableWhen" not in either
    expression = extensions(either)[ENABLE_WHEN_EXPRESSION]["valueExpression"]
    assert expression["language"] == "text/fhirpath"
    assert expression["expression"] == (
        "%resource.repeat(item).where(linkId='care').answer.value"
        ".where(code = 'clinic' or code = 'ward').exists() and "
        "%resource.repeat(item).where(linkId='out_of_home').answer.value"
        ".where(code = '9' or code = '10').exists()"
    )


async def test_search_by_url_and_version(client: httpx.AsyncClient, session: AsyncSession) -> None:
    org = await make_org(session)
    version = await make_published_version(session, org)
    instrument = await instruments.get_instrument(session, version.instrument_id)
    draft = await instruments.start_new_draft(session, SYSTEM, instrument)
    await session.commit()
    headers = await reader(client, session, org)
    url = f"http://gwella.test/fhir/Questionnaire/{instrument.id}"

    async def search(**params: Any) -> list[str]:
        r = await client.get("/fhir/r4/Questionnaire", params=params, headers=headers)
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith(FHIR)
        found = Bundle.model_validate(r.json())
        assert found.type == "searchset"
        return [str(e.resource.id) for e in found.entry or []]  # type: ignore[union-attr]

    assert await search(url=url) == [str(version.id)]  # drafts are not Questionnaires
    assert await search(url=url, version="1") == [str(version.id)]
    assert await search(url=f"{url}|1") == [str(version.id)]
    assert await search(url=url, version="2") == []
    assert await search(url="http://elsewhere.test/fhir/Questionnaire/x") == []
    assert await search() == [str(version.id)]
    r = await client.get(f"/fhir/r4/Questionnaire/{draft.id}", headers=headers)
    assert r.status_code == 404
    assert issues(r.json()) == [("not-found", None)]


async def test_search_pages_through_instruments(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    ids = [str((await make_published_version(session, org, code=f"s{i}")).id) for i in range(3)]
    headers = await reader(client, session, org)
    r = await client.get("/fhir/r4/Questionnaire", params={"_count": 2}, headers=headers)
    first = r.json()
    links = {link["relation"]: link["url"] for link in first["link"]}
    assert links["next"].startswith("http://gwella.test/fhir/r4/Questionnaire?")
    r = await client.get(links["next"].removeprefix("http://gwella.test"), headers=headers)
    second = r.json()
    assert second["total"] == 1
    found = [e["resource"]["id"] for page in (first, second) for e in page["entry"]]
    assert found == ids


async def test_visibility_follows_the_instrument(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org, other = await make_org(session), await make_org(session)
    version = await make_published_version(session, org)
    outsider = await reader(client, session, other)
    r = await client.get(f"/fhir/r4/Questionnaire/{version.id}", headers=outsider)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith(FHIR)
    url = f"http://gwella.test/fhir/Questionnaire/{version.instrument_id}"
    r = await client.get("/fhir/r4/Questionnaire", params={"url": url}, headers=outsider)
    assert r.json().get("entry") is None
    # An API client of the organisation with the read scope reads it.
    api = await make_api_client(session, org, [Scope.read])
    r = await client.get(
        f"/fhir/r4/Questionnaire/{version.id}", headers=await client_token(client, api)
    )
    assert r.status_code == 200


async def test_auth_and_unknown_addresses_are_operation_outcomes(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    version = await make_published_version(session, org)
    r = await client.get(f"/fhir/r4/Questionnaire/{version.id}")
    assert r.status_code == 401
    assert r.headers["content-type"].startswith(FHIR)
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert issues(r.json()) == [("login", None)]
    api = await make_api_client(session, org, [Scope.responses_write])  # no read scope
    r = await client.get(
        f"/fhir/r4/Questionnaire/{version.id}", headers=await client_token(client, api)
    )
    assert (r.status_code, issues(r.json())) == (403, [("forbidden", None)])
    headers = await reader(client, session, org)
    for path in ("/fhir/r4/Questionnaire/not-an-id", "/fhir/r4/Patient/1"):
        r = await client.get(path, headers=headers)
        assert (r.status_code, r.headers["content-type"]) == (404, FHIR)
        assert issues(r.json())[0][0] == "not-found"
    r = await client.get("/fhir/r4/Questionnaire", params={"_count": 0}, headers=headers)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith(FHIR)
    assert r.json()["issue"][0]["code"] == "processing"
    r = await client.delete("/fhir/r4/metadata")
    assert (r.status_code, r.headers["content-type"]) == (405, FHIR)
