"""Searching the QuestionnaireResponses an organisation pushed: by identifier (under the
organisation's identifier system) and _lastUpdated, a page at a time, only its own, and
every refusal an OperationOutcome (never problem+json) under /fhir/."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.operationoutcome import OperationOutcome
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Scope
from gwella.core.database import utcnow
from tests.factories import client_token, make_api_client, make_org
from tests.fhir.support import FHIR, Pushing, arrange_push, issues, qr

SEARCH = "/fhir/r4/QuestionnaireResponse"


async def _pushed(client: httpx.AsyncClient, session: AsyncSession, n: int) -> Pushing:
    w = await arrange_push(client, session)
    for i in range(1, n + 1):
        r = await client.post(SEARCH, headers=w.headers, json=qr(w, i))
        assert r.status_code == 201, r.text
    return w


async def _reader(client: httpx.AsyncClient, session: AsyncSession, w: Pushing) -> dict[str, str]:
    return await client_token(client, await make_api_client(session, w.org, [Scope.responses_read]))


def _bundle(r: httpx.Response) -> dict[str, Any]:
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(FHIR)
    body = r.json()
    Bundle.model_validate(body)
    assert body["type"] == "searchset"
    return body


def _ids(body: dict[str, Any]) -> list[str]:
    return [e["resource"]["identifier"]["value"] for e in body.get("entry", [])]


def _outcome(r: httpx.Response, status: int) -> list[tuple[str, str | None]]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(FHIR), r.headers
    OperationOutcome.model_validate(r.json())
    return issues(r.json())


async def test_search_by_identifier_under_the_organisations_system(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await _pushed(client, session, 3)
    reader = await _reader(client, session, w)
    system = f"urn:gwella:organisation:{w.org.id}:response"

    found = _bundle(
        await client.get(SEARCH, params={"identifier": f"{system}|PAS-2"}, headers=reader)
    )
    assert _ids(found) == ["PAS-2"]
    entry = found["entry"][0]
    assert entry["resource"]["identifier"] == {"system": system, "value": "PAS-2"}
    assert entry["fullUrl"].endswith(f"/QuestionnaireResponse/{entry['resource']['id']}")
    assert found["total"] == 1

    assert _ids(
        _bundle(await client.get(SEARCH, params={"identifier": "PAS-3"}, headers=reader))
    ) == ["PAS-3"]
    # The partner's own system is not the one its responses are kept under; nor is none.
    for other in ("https://pas.example.test/responses|PAS-2", "|PAS-2", f"{system}|PAS-9"):
        assert (
            _ids(_bundle(await client.get(SEARCH, params={"identifier": other}, headers=reader)))
            == []
        )


async def test_search_pages_with_next_links_and_finds_only_its_own(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await _pushed(client, session, 3)
    reader = await _reader(client, session, w)
    seen: list[str] = []
    url: str | None = f"{SEARCH}?_count=2"
    pages = 0
    while url is not None:
        body = _bundle(await client.get(url, headers=reader))
        seen += _ids(body)
        pages += 1
        nxt = [link["url"] for link in body["link"] if link["relation"] == "next"]
        assert next(link["relation"] for link in body["link"]) == "self"
        if nxt:
            parts = urlsplit(nxt[0])
            assert parts.path == "/fhir/r4/QuestionnaireResponse"
            url = f"{parts.path}?{parts.query}"
        else:
            url = None
    assert pages == 2
    assert sorted(seen) == ["PAS-1", "PAS-2", "PAS-3"]

    stranger = await client_token(
        client, await make_api_client(session, await make_org(session), [Scope.responses_read])
    )
    assert _ids(_bundle(await client.get(SEARCH, headers=stranger))) == []
    assert (
        _ids(_bundle(await client.get(SEARCH, params={"identifier": "PAS-1"}, headers=stranger)))
        == []
    )


async def test_search_by_last_updated_with_prefixes(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await _pushed(client, session, 2)
    reader = await _reader(client, session, w)
    yesterday = (utcnow() - timedelta(days=1)).date().isoformat()
    tomorrow = (utcnow() + timedelta(days=1)).date().isoformat()

    async def found(*values: str) -> list[str]:
        r = await client.get(SEARCH, params=[("_lastUpdated", v) for v in values], headers=reader)
        return sorted(_ids(_bundle(r)))

    assert await found(f"ge{yesterday}") == ["PAS-1", "PAS-2"]
    assert await found(f"ge{yesterday}", f"lt{tomorrow}") == ["PAS-1", "PAS-2"]
    assert await found(f"lt{yesterday}") == []
    assert await found(f"gt{tomorrow}") == []
    assert await found(f"le{tomorrow}T00:00:00Z") == ["PAS-1", "PAS-2"]
    assert await found(f"gt{yesterday}T00:00:00+01:00") == ["PAS-1", "PAS-2"]
    # Each stored response says when it last changed, and that is what the search compares.
    body = _bundle(await client.get(SEARCH, params={"identifier": "PAS-1"}, headers=reader))
    last = body["entry"][0]["resource"]["meta"]["lastUpdated"]
    day = last[:10]
    assert await found(day) == ["PAS-1", "PAS-2"]


async def test_bad_search_parameters_are_refused_as_operation_outcomes(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await _pushed(client, session, 1)
    reader = await _reader(client, session, w)
    refused = await client.get(SEARCH, params={"patient": "x"}, headers=reader)
    assert _outcome(refused, 400) == [("not-supported", None)]
    assert "patient" in refused.json()["issue"][0]["diagnostics"]
    for bad in ("ne2026-01-01", "ge2026-13-01", "ge2026-01-01T10:00:00", "gefoo", "sa2026-01-01"):
        r = await client.get(SEARCH, params={"_lastUpdated": bad}, headers=reader)
        assert _outcome(r, 400) == [("invalid", "_lastUpdated")], bad
    assert _outcome(
        await client.get(SEARCH, params={"identifier": "urn:x|"}, headers=reader), 400
    ) == [("invalid", "identifier")]
    assert _outcome(await client.get(SEARCH, params={"_count": "-1"}, headers=reader), 422)
    assert _outcome(await client.get(SEARCH, params={"_cursor": "nonsense"}, headers=reader), 400)


async def test_times_outside_the_calendar_are_refused_as_operation_outcomes(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Issue 16's attacker pass: these were 500s (the end of a date past 9999-12-31, or an
    instant that leaves the calendar when moved to UTC)."""
    w = await _pushed(client, session, 1)
    reader = await _reader(client, session, w)
    for bad in (
        "gt9999-12-31",
        "le9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59-12:00",
        "lt0001-01-01T00:00:00+14:00",
    ):
        r = await client.get(SEARCH, params={"_lastUpdated": bad}, headers=reader)
        assert _outcome(r, 400) == [("invalid", "_lastUpdated")], bad
    # Near the calendar's ends still searches (9999-12-31's span ends past it: refused).
    for fine in ("lt9999-12-30", "ge0001-01-01", "ge0001-01-01T00:00:00Z"):
        r = await client.get(SEARCH, params={"_lastUpdated": fine}, headers=reader)
        assert r.status_code == 200, (fine, r.text)


async def test_search_needs_the_read_scope(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await _pushed(client, session, 1)
    # The pushing client has responses:write only.
    writer = {k: v for k, v in w.headers.items() if k != "Content-Type"}
    assert _outcome(await client.get(SEARCH, headers=writer), 403) == [("forbidden", None)]
    assert _outcome(await client.get(SEARCH), 401)


async def test_plain_json_is_answered_when_asked_for(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await _pushed(client, session, 1)
    reader = await _reader(client, session, w)
    plain = await client.get(SEARCH, headers={**reader, "Accept": "application/json"})
    assert plain.status_code == 200
    assert plain.headers["content-type"].startswith("application/json")
    Bundle.model_validate(plain.json())
    by_format = await client.get(SEARCH, params={"_format": "json"}, headers=reader)
    assert by_format.headers["content-type"].startswith("application/json")
    both = await client.get(
        SEARCH, headers={**reader, "Accept": "application/fhir+json, application/json;q=0.9"}
    )
    assert both.headers["content-type"].startswith(FHIR)
    refused = await client.get(
        SEARCH, params={"nope": "1"}, headers={**reader, "Accept": "application/json"}
    )
    assert refused.headers["content-type"].startswith("application/json")
    OperationOutcome.model_validate(refused.json())


async def test_a_refusal_before_any_route_is_still_an_operation_outcome(
    client: httpx.AsyncClient,
) -> None:
    # A NUL in the address is refused by the outermost middleware, before any route runs.
    r = await client.get("/fhir/r4/QuestionnaireResponse?identifier=%00")
    assert _outcome(r, 400)


async def test_the_capability_statement_declares_the_search(client: httpx.AsyncClient) -> None:
    body = (await client.get("/fhir/r4/metadata")).json()
    CapabilityStatement.model_validate(body)
    [qr_resource] = [r for r in body["rest"][0]["resource"] if r["type"] == "QuestionnaireResponse"]
    assert {"code": "search-type"} in qr_resource["interaction"]
    assert {p["name"]: p["type"] for p in qr_resource["searchParam"]} == {
        "identifier": "token",
        "_lastUpdated": "date",
        "_count": "number",
    }
