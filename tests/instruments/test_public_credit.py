"""What the public sees of the people behind a survey: a co-designed question is credited by
the role of its author (a service user, a carer), never by who they are; no answer of a route
open without sign-in carries an id of a person."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.instruments import service as instruments
from tests.factories import make_service
from tests.instruments.test_instruments import arrange, create, yes_no
from tests.surveys import make_campaign

# Properties that name a person; `email` is allowed only where the answer is the caller's
# own invitation (they hold its token).
PEOPLE_IDS = {
    "credited_to",
    "user_id",
    "author_id",
    "reviewer_id",
    "voter_id",
    "owner_id",
    "actor_id",
    "created_by_id",
    "decided_by_id",
    "published_by_id",
    "updated_by_id",
}
OWN_DATA = {"inspectInvitation", "acceptInvitation", "issueToken"}


def _properties(schema: Any, spec: dict[str, Any], seen: set[str]) -> set[str]:
    """Every property name reachable from a schema (through $ref, arrays, unions)."""
    names: set[str] = set()
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[-1]
            if name in seen:
                return names
            seen.add(name)
            return _properties(spec["components"]["schemas"][name], spec, seen)
        for key, value in schema.items():
            if key == "properties":
                names |= set(value)
                for sub in value.values():
                    names |= _properties(sub, spec, seen)
            elif isinstance(value, (dict, list)):
                names |= _properties(value, spec, seen)
    elif isinstance(schema, list):
        for item in schema:
            names |= _properties(item, spec, seen)
    return names


def test_no_public_answer_names_a_person_in_the_spec(app: Any) -> None:
    spec = app.openapi()
    checked = []
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            if op.get("security") or op["operationId"] in OWN_DATA:
                continue
            names = _properties(op.get("responses", {}), spec, set())
            people = {n for n in names if n in PEOPLE_IDS or n.endswith("_by_id")}
            assert not people, f"{method.upper()} {path} names people: {people}"
            checked.append(op["operationId"])
    assert {"getPublicSurvey", "getPublicActions", "submitResponse"} <= set(checked)


async def test_the_public_survey_credits_a_co_designed_question_by_role_only(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    board, forum = setup.board, setup.forum  # type: ignore[attr-defined]
    people = setup.people  # type: ignore[attr-defined]
    version_id = (await create(setup)).json()["versions"][0]["id"]
    url = f"/api/v1/instrument-versions/{version_id}"
    await client.put(
        f"{url}/codesign",
        headers=setup.headers["editor"],
        json={"open": True, "organisation_ids": [str(forum.id)]},
    )
    made = await client.post(
        f"{url}/contributions",
        headers=setup.headers["su"],
        json={
            "kind": "question",
            "body": "Were you asked what matters to you?",
            "proposed_question": yes_no("asked_what_matters"),
        },
    )
    accepted = await client.post(
        f"/api/v1/contributions/{made.json()['id']}/accept",
        headers=setup.headers["editor"],
        json={},
    )
    assert accepted.status_code == 200, accepted.text
    await client.post(f"{url}/review-requests", headers=setup.headers["editor"])
    approved = await client.post(
        f"{url}/reviews", headers=setup.headers["carer"], json={"decision": "approved"}
    )
    assert approved.status_code == 201, approved.text
    published = await client.post(f"{url}/publish", headers=setup.headers["editor"])
    assert published.status_code == 200, published.text

    # Signed-in editors still see who suggested it (to thank them by name).
    inside = await client.get(url, headers=setup.headers["editor"])
    assert inside.json()["content"]["questions"][-1]["credited_to"] == str(people["su"].id)

    service = await make_service(session, board)
    version = await instruments.get_version(session, uuid.UUID(version_id))
    _, links = await make_campaign(session, version, [service])
    r = await client.get(f"/api/v1/public/surveys/{links[service.id].public_token}")
    assert r.status_code == 200, r.text
    text = r.text
    for person in people.values():
        assert str(person.id) not in text
        assert str(person.id).replace("-", "") not in text
        assert person.email not in text
    questions = r.json()["content"]["questions"]
    assert "credited_to" not in json.dumps(questions)
    credited = {q["key"]: q.get("credited_role") for q in questions}
    assert credited["asked_what_matters"] == "service_user"
    assert credited["involved"] is None
