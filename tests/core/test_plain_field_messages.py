"""Field problems speak plainly (issue 17, item 12): pydantic's own words ("String should match
pattern '^[a-z]...'", "Field required", "Value error, ...") reached the people filling in the
SPA's forms. Schema checks are worded from the service's catalogue in English and Welsh."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_user, sign_in

CODE = "Use only letters, digits and the signs . _ - (no spaces)."
CODE_CY = "Defnyddiwch lythrennau, digidau a'r arwyddion . _ - yn unig (dim bylchau)."


async def test_schema_checks_are_plain_sentences_in_english_and_welsh(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    admin = await make_user(session, platform_admin=True)
    headers = await sign_in(client, admin.email)
    body = {"name": "x" * 201, "code_scheme": "ods", "code": "bad code!", "surprise": 1}
    english = await client.post("/api/v1/organisations", json=body, headers=headers)
    welsh = await client.post(
        "/api/v1/organisations", json=body, headers={**headers, "Accept-Language": "cy"}
    )
    assert english.status_code == welsh.status_code == 422
    en = {e["field"]: e["message"] for e in english.json()["errors"]}
    cy = {e["field"]: e["message"] for e in welsh.json()["errors"]}
    assert en == {
        "body.name": "This cannot be longer than 200 characters.",
        "body.kind": "This is needed.",
        "body.code": CODE,
        "body.surprise": "This field is not taken.",
    }
    assert cy["body.code"] == CODE_CY
    assert cy["body.kind"] == "Mae angen y maes hwn."
    for message in [*en.values(), *cy.values()]:
        assert not any(code in message for code in ("should", "pattern", "^", "required", "["))
    # Nothing was stored.
    listed = await client.get("/api/v1/organisations", headers=headers)
    assert all(o["name"] != "x" * 201 for o in listed.json()["items"])


async def test_a_rule_of_the_service_keeps_its_words_without_pydantics_prefix(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    admin = await make_user(session, platform_admin=True)
    headers = await sign_in(client, admin.email)
    r = await client.post(
        "/api/v1/organisations",
        json={"name": "Bwrdd", "kind": "health_board", "code": "7A9"},
        headers=headers,
    )
    assert r.status_code == 422
    [problem] = r.json()["errors"]
    assert problem["message"] == "Code and code_scheme are given together or not at all"
