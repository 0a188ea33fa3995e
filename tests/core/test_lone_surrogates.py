"""A lone surrogate in text (issue 15): ``"\\ud800"`` as a JSON escape answered 500 wherever
text is stored (the string cannot be written as UTF-8). It is now refused at the edge with a
422 problem for every JSON body, and changes nothing; a proper pair is a character like any
other; query strings and form bodies cannot carry one at all."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.campaigns.enums import Anonymity
from gwella.core.surrogates import lone_surrogate
from tests.factories import make_indicator, make_org, make_service, make_user, sign_in
from tests.robustness.test_bad_input import row_counts
from tests.surveys import CONTENT, make_campaign, make_published_version

LONE = '"a\\ud800b"'  # as JSON text: the escape of half a pair


@pytest.mark.parametrize(
    ("body", "at"),
    [
        (b'{"t": "plain"}', None),
        (b'{"t": "\\ud83d\\ude00"}', None),  # a pair: U+1F600
        (b'{"t": "\\uD83D\\uDE00"}', None),  # upper-case hex
        (b'{"t": "\\\\ud800"}', None),  # a backslash, then the letters "ud800"
        (b'{"t": "\\\\\\ud800"}', 9),  # a backslash, then a lone surrogate
        (b'{"t": "\\ud800"}', 7),
        (b'{"t": "\\udc00"}', 7),  # a low half alone
        (b'{"t": "\\ud83d\\n\\ude00"}', 7),  # a pair broken by another escape
        (b'{"t": "\\ud83dx\\ude00"}', 7),
        (b'{"t": "\\ud83d", "u": "\\ude00"}', 7),  # halves in different strings
        (b'{"t": "\\ud83d\\ud83d\\ude00"}', 7),  # two highs, one low
        (b'{"t": "\\u00e2\\u0175"}', None),  # Welsh letters as escapes
    ],
)
def test_lone_surrogates_are_found_exactly(body: bytes, at: int | None) -> None:
    assert lone_surrogate(body) == at
    if at is None:
        json.loads(body).__repr__().encode("utf-8")  # the reader makes only whole characters


async def _world(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    org = await make_org(session)
    svc = await make_service(session, org)
    version = await make_published_version(session, org, content=CONTENT)
    campaign, links = await make_campaign(session, version, [svc], anonymity=Anonymity.anonymous)
    indicator = await make_indicator(session)
    staff = await make_user(session, {org: [Role.staff]})
    platform = await make_user(session, platform_admin=True)
    return {
        "org": org,
        "svc": svc,
        "campaign": campaign,
        "token": links[svc.id].public_token,
        "indicator": indicator,
        "staff": await sign_in(client, staff.email),
        "platform": await sign_in(client, platform.email),
    }


MARK = "__TEXT__"


def _with_text(value: dict[str, Any], text: str) -> str:
    """``value`` as JSON with the raw JSON ``text`` where ``MARK`` stands."""
    return json.dumps(value).replace(json.dumps(MARK), text)


def _requests(w: dict[str, Any], text: str) -> list[tuple[str, str, dict[str, str] | None]]:
    """(path, raw JSON body with ``text`` as JSON text in a text field, headers)."""
    answers = {"involved": "4", "has_plan": "no", "comment": MARK}
    return [
        (
            f"/api/v1/public/surveys/{w['token']}/responses",
            _with_text({"submission_id": str(uuid.uuid4()), "answers": answers}, text),
            None,
        ),
        (
            f"/api/v1/indicators/{w['indicator'].id}/annotations",
            _with_text(
                {
                    "organisation_id": str(w["org"].id),
                    "on_date": "2026-03-01",
                    "text": {"en": MARK},
                },
                text,
            ),
            w["staff"],
        ),
        ("/api/v1/organisations", _with_text({"name": MARK, "kind": "other"}, text), w["platform"]),
    ]


async def test_a_lone_surrogate_in_any_json_body_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await _world(client, session)
    before = await row_counts(session)
    for path, body, headers in _requests(w, LONE):
        r = await client.post(
            path,
            content=body.encode(),
            headers={**(headers or {}), "Content-Type": "application/json; charset=utf-8"},
        )
        assert r.status_code == 422, (path, r.text)
        assert r.headers["content-type"] == "application/problem+json"
        problem = r.json()
        assert problem["type"] == "urn:gwella:problem:validation-failed"
        assert problem["instance"] == path
        assert problem["request_id"] == r.headers["x-request-id"]
        assert problem["errors"][0]["field"] == "body"
        assert "lone surrogate" in problem["errors"][0]["message"]
    assert await row_counts(session) == before


@pytest.mark.parametrize(
    "raw",
    [
        b"\xed\xa0\x80",  # U+D800 written as bytes: Python's JSON reader took it as text
        b"\xed\xa0\xbd\xed\xb8\x80",  # an emoji as CESU-8 (Java's modified UTF-8) writes it
        b"caf\xe9",  # Latin-1, not UTF-8
    ],
)
async def test_a_json_body_that_is_not_utf8_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, session: AsyncSession, raw: bytes
) -> None:
    """Found by an outside attack: raw surrogate bytes in a public answer, a JSON push or a
    paper entry answered 500 (and failed a whole batch)."""
    w = await _world(client, session)
    before = await row_counts(session)
    for path, body, headers in _requests(w, '"a@@b"'):
        r = await client.post(
            path,
            content=body.encode().replace(b"@@", raw),
            headers={**(headers or {}), "Content-Type": "application/json"},
        )
        assert r.status_code == 422, (path, r.text)
        assert r.headers["content-type"] == "application/problem+json"
        assert "not valid UTF-8" in r.json()["errors"][0]["message"]
    assert await row_counts(session) == before


async def test_a_surrogate_pair_is_one_character_stored_faithfully(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await _world(client, session)
    path, body, headers = _requests(w, '"calm \\ud83d\\ude00"')[1]
    r = await client.post(
        path, content=body.encode(), headers={**(headers or {}), "Content-Type": "application/json"}
    )
    assert r.status_code == 201, r.text
    assert r.json()["text"]["en"] == "calm \U0001f600"


async def test_query_strings_and_forms_cannot_carry_a_lone_surrogate(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """The UTF-8 of a surrogate (ED A0 80, which is not UTF-8) percent-escaped in a query or
    a form: read as replacement characters, never a 500."""
    w = await _world(client, session)
    listed = await client.get(
        "/api/v1/organisations?q=%ED%A0%80&cursor=%ED%A0%80", headers=w["platform"]
    )
    assert listed.status_code < 500, listed.text
    signin = await client.post(
        "/api/v1/auth/token",
        content=b"grant_type=password&username=%ED%A0%80&password=%ED%A0%80",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert 400 <= signin.status_code < 500, signin.text
    assert signin.headers["content-type"].startswith("application/")
