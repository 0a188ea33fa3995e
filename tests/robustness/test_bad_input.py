"""The bad input catalogue: every entry either gets a 4xx problem+json and changes nothing,
or is stored faithfully and read back byte for byte.

Bodies: malformed and deeply nested JSON, JSON that is not an object, huge strings and
arrays, invalid UTF-8, lone surrogates, NUL bytes, numbers JSON should not carry, duplicate
keys, wrong and missing content types. Text: SQL and script injection strings, template
syntax, Welsh diacritics (precomposed and combining), right-to-left text, emoji and
zero-width characters, in every text field of a representative set of create endpoints.

"Changes nothing" is checked by counting the rows of every table before and after.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import csvfiles
from gwella.core.database import Base
from gwella.core.errors import PROBLEM_MEDIA_TYPE
from tests.factories import make_org, make_user, sign_in

_n = itertools.count(1)

# ------------------------------------------------------------------------ the catalogue

INJECTION = [
    "'; DROP TABLE organisations; --",
    "Robert'); DELETE FROM users WHERE ('1'='1",
    "' OR '1'='1' --",
    '" OR ""="',
    "1; SELECT pg_sleep(5)",
    "x' UNION SELECT password_hash FROM users --",
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(document.cookie)",
    '"><svg/onload=alert(1)>',
    "{{7*7}} ${7*7} <%= 7*7 %> #{7*7}",
    "../../../../etc/passwd",
    "%00%27%22%3C%3E",
    "\\x00 \\u0000 (escaped, not a NUL)",
]
WELSH = [
    "Ŵyr ŷd â ê î ô û ŵ ŷ",
    "ÂÊÎÔÛŴŶ äëïöüẅÿ àèìòùẁỳ áéíóúẃý",
    "Gwasanaeth Iechyd Meddwl Cymunedol Llŷn a Phenrhyn Gŵyr",
    "Ysbyty Glan y Môr — \u201cdyfyniadau\u201d & \u2018rhai eraill\u2019",
    "w\u0302 y\u0302 a\u0302 (combining circumflexes, kept unnormalised)",
]
OTHER_TEXT = [
    "مرحبا بالعالم שלום",
    "Emoji 🏴󠁧󠁢󠁷󠁬󠁳󠁿 🧠💬",
    "zero\u200bwidth\u200djoiner\ufeffbom",
    "line one\nline two\ttabbed",
    "a" * 120,
]
TEXTS = INJECTION + WELSH + OTHER_TEXT


@dataclass
class Endpoint:
    name: str
    create: str
    read: str
    body: Callable[[str], dict[str, Any]]
    """A valid body with every text field set to the given text."""
    fields: list[tuple[str, ...]]
    """Where each text field is in the read representation."""


def _unique(text: str) -> str:
    return f"{text} #{next(_n)}"  # some fields are unique per organisation


def endpoints(org_id: str) -> list[Endpoint]:
    return [
        Endpoint(
            "organisation",
            "/api/v1/organisations",
            "/api/v1/organisations/{id}",
            lambda t: {"name": t, "name_cy": t, "kind": "other"},
            [("name",), ("name_cy",)],
        ),
        Endpoint(
            "service",
            f"/api/v1/organisations/{org_id}/services",
            "/api/v1/services/{id}",
            lambda t: {"name": t, "name_cy": t, "kind": "ward"},
            [("name",), ("name_cy",)],
        ),
        Endpoint(
            "partnership",
            "/api/v1/partnerships",
            "/api/v1/partnerships/{id}",
            lambda t: {"name": t, "name_cy": t, "description": t},
            [("name",), ("name_cy",), ("description",)],
        ),
        Endpoint(
            "indicator",
            "/api/v1/indicators",
            "/api/v1/indicators/{id}",
            lambda t: {
                "code": f"BAD-{next(_n)}",
                "name": {"en": t, "cy": t},
                "definition": {"en": t, "cy": t},
                "unit": "%",
                "direction": "higher_is_better",
                "organisation_id": org_id,
            },
            [("name", "en"), ("name", "cy"), ("definition", "en"), ("definition", "cy")],
        ),
        Endpoint(
            "webhook subscription",
            "/api/v1/webhook-subscriptions",
            "/api/v1/webhook-subscriptions/{id}",
            lambda t: {
                "organisation_id": org_id,
                "url": "http://127.0.0.1:9/hook",
                "event_types": ["response.created"],
                "description": t,
            },
            [("description",)],
        ),
    ]


# ------------------------------------------------------------------------------ helpers


async def row_counts(session: AsyncSession) -> dict[str, int]:
    counts = {}
    for table in Base.metadata.sorted_tables:
        counts[table.name] = int(await session.scalar(select(func.count()).select_from(table)) or 0)
    return counts


def assert_refused(r: httpx.Response, what: str) -> None:
    assert 400 <= r.status_code < 500, (what, r.status_code, r.text[:300])
    assert r.headers["content-type"] == PROBLEM_MEDIA_TYPE, (what, r.headers)
    body = r.json()
    assert body["status"] == r.status_code
    assert body["type"].startswith("urn:gwella:problem:")
    assert body["title"]
    assert body["detail"]
    assert "Traceback" not in r.text


def dig(value: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


@pytest.fixture
async def admin(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    """A platform administrator who is also an administrator of one organisation."""
    from gwella.accounts.models import Role

    org = await make_org(session)
    user = await make_user(session, {org: [Role.admin]}, platform_admin=True)
    return {"org": str(org.id), "headers": await sign_in(client, user.email)}


# --------------------------------------------------------------------- text round trips


async def test_every_text_is_stored_faithfully_or_refused_in_every_field(
    client: httpx.AsyncClient, session: AsyncSession, admin: dict[str, Any]
) -> None:
    stored = refused = 0
    for endpoint in endpoints(admin["org"]):
        for text in TEXTS:
            value = _unique(text) if len(text) < 100 else text
            before = await row_counts(session)
            r = await client.post(
                endpoint.create, json=endpoint.body(value), headers=admin["headers"]
            )
            what = f"{endpoint.name}: {value!r}"
            if r.status_code == 201:
                stored += 1
                read = await client.get(
                    endpoint.read.format(id=r.json()["id"]), headers=admin["headers"]
                )
                assert read.status_code == 200, (what, read.text)
                for path in endpoint.fields:
                    assert dig(r.json(), path) == value, (what, path)
                    assert dig(read.json(), path) == value, (what, path)
                    assert dig(read.json(), path).encode() == value.encode()
            else:
                refused += 1
                assert_refused(r, what)
                assert await row_counts(session) == before, what
    # Everything in the catalogue is ordinary text that a person might type: all stored.
    assert refused == 0
    assert stored == len(TEXTS) * len(endpoints(admin["org"]))
    # The injection strings did nothing: the tables they aimed at are all still there.
    counts = await row_counts(session)
    assert counts["organisations"] >= 1 + len(TEXTS)
    assert counts["users"] >= 1


async def test_injection_strings_in_queries_are_inert(
    client: httpx.AsyncClient, session: AsyncSession, admin: dict[str, Any]
) -> None:
    before = await row_counts(session)
    # Percent-encoded bytes that are not UTF-8 are read as replacement characters: a search
    # for them finds nothing, and that is all it does.
    r = await client.get("/api/v1/organisations?q=" + "%F0%9F" * 10, headers=admin["headers"])
    assert r.status_code == 200
    assert r.json()["items"] == []
    for text in INJECTION:
        for query in ("q", "sort", "cursor", "kind"):
            r = await client.get(
                "/api/v1/organisations", params={query: text}, headers=admin["headers"]
            )
            if r.status_code != 200:
                assert_refused(r, f"{query}={text!r}")
    assert await row_counts(session) == before


async def test_welsh_text_is_not_normalised_or_reencoded(
    client: httpx.AsyncClient, admin: dict[str, Any]
) -> None:
    precomposed, combining = "Gŵyl Llŷn", "Gw\u0302yl Lly\u0302n"
    ids = []
    for name in (precomposed, combining):
        r = await client.post(
            "/api/v1/organisations",
            json={"name": name, "kind": "other"},
            headers=admin["headers"],
        )
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    names = [
        (await client.get(f"/api/v1/organisations/{i}", headers=admin["headers"])).json()["name"]
        for i in ids
    ]
    assert names == [precomposed, combining]
    assert names[0] != names[1]  # two spellings kept apart, as sent
    r = await client.get("/api/v1/organisations", params={"q": "Llŷn"}, headers=admin["headers"])
    assert precomposed in [o["name"] for o in r.json()["items"]]


# ------------------------------------------------------------------------ bodies


def _bad_bodies() -> list[tuple[str, bytes, str]]:
    """(what, raw body, content type) — none of which may be stored."""
    deep = b"[" * 100_000 + b"]" * 100_000
    deep_object = b'{"a":' * 50_000 + b"1" + b"}" * 50_000
    latin1 = '{"name": "Môr", "kind": "other"}'.encode("latin-1")
    huge_int = b'{"name": "ab", "kind": "' + b"9" * 5000 + b'"}'
    duplicate = b'{"name": "ab", "kind": "other", "kind": "nope"}'
    long_string = json.dumps({"name": "a" * 100_000, "kind": "other"}).encode()
    huge_array = json.dumps({"name": "ab", "kind": "other", "x": [0] * 200_000}).encode()
    oversize = json.dumps({"name": "a" * 2_000_000, "kind": "other"}).encode()
    multipart = b'--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nab\r\n--x--\r\n'
    return [
        ("empty", b"", "application/json"),
        ("truncated", b'{"name": "x", ', "application/json"),
        ("trailing garbage", b'{"name": "x", "kind": "other"} trailing', "application/json"),
        ("missing value", b'{"name": }', "application/json"),
        ("single quotes", b"{'name': 'x', 'kind': 'other'}", "application/json"),
        ("an array", b'[{"name": "x", "kind": "other"}]', "application/json"),
        ("a string", b'"x"', "application/json"),
        ("null", b"null", "application/json"),
        ("a number", b"12", "application/json"),
        ("deeply nested arrays", deep, "application/json"),
        ("deeply nested objects", deep_object, "application/json"),
        ("invalid UTF-8", b'{"name": "\xff\xfe\xfa", "kind": "other"}', "application/json"),
        ("overlong UTF-8", b'{"name": "\xc0\xaf", "kind": "other"}', "application/json"),
        ("latin-1 bytes", latin1, "application/json"),
        ("lone surrogate", b'{"name": "a\\ud800b", "kind": "other"}', "application/json"),
        ("escaped NUL", b'{"name": "a\\u0000b", "kind": "other"}', "application/json"),
        ("raw NUL", b'{"name": "a\x00b", "kind": "other"}', "application/json"),
        ("NUL outside strings", b'{"name": "ab", "kind": "other"}\x00', "application/json"),
        ("NaN", b'{"name": "ab", "kind": "other", "code": NaN}', "application/json"),
        ("huge integer", huge_int, "application/json"),
        ("huge number", b'{"name": "ab", "kind": 1e999999}', "application/json"),
        ("duplicate keys", duplicate, "application/json"),
        ("string too long", long_string, "application/json"),
        ("huge array", huge_array, "application/json"),
        ("over the size limit", oversize, "application/json"),
        ("unknown field", b'{"name": "ab", "kind": "other", "is_admin": true}', "application/json"),
        ("text/plain", b'{"name": "ab", "kind": "other"}', "text/plain"),
        ("form", b"name=ab&kind=other", "application/x-www-form-urlencoded"),
        ("multipart", multipart, "multipart/form-data; boundary=x"),
        ("xml", b"<organisation><name>ab</name></organisation>", "application/xml"),
        ("no content type", b'{"name": "ab", "kind": "other"}', ""),
        ("truncated, with a charset", b'{"name": "ab"', "application/json; charset=utf-8"),
    ]


BAD_BODIES = _bad_bodies()


async def test_bad_bodies_are_refused_as_problems_and_change_nothing(
    client: httpx.AsyncClient, session: AsyncSession, admin: dict[str, Any]
) -> None:
    targets = [e.create for e in endpoints(admin["org"])] + ["/api/v1/invitations/accept"]
    before = await row_counts(session)
    tried = 0
    for target in targets:
        for what, raw, media in BAD_BODIES:
            headers = dict(admin["headers"])
            if media:
                headers["Content-Type"] = media
            r = await client.post(target, content=raw, headers=headers)
            assert_refused(r, f"{target} {what}")
            tried += 1
    assert await row_counts(session) == before
    assert tried == len(targets) * len(BAD_BODIES)


async def test_bad_path_and_query_values_are_problems(
    client: httpx.AsyncClient, session: AsyncSession, admin: dict[str, Any]
) -> None:
    before = await row_counts(session)
    for path in (
        "/api/v1/organisations/not-a-uuid",
        "/api/v1/organisations/%00",
        "/api/v1/organisations/%FF%FE",
        "/api/v1/organisations/" + "a" * 5000,
        "/api/v1/organisations/ods:%27%20OR%201=1",
        "/api/v1/services/00000000-0000-0000-0000-000000000000",
        "/api/v1/organisations?limit=-1",
        "/api/v1/organisations?limit=99999999999999999999999",
        "/api/v1/organisations?cursor=%FF%FE",
        "/api/v1/organisations?cursor=" + "A" * 5000,
        "/api/v1/organisations?sort=name;DROP",
        "/api/v1/audit-events?organisation_id=%27",
    ):
        r = await client.get(path, headers=admin["headers"])
        assert_refused(r, path)
    assert await row_counts(session) == before


# ------------------------------------------- free text from the public, and CSV exports

FORMULAS = [
    '=HYPERLINK("http://127.0.0.1/x","click me")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "'=already quoted once",
    "=1+1\t(a tab inside)",
]


async def test_free_text_round_trips_and_csv_exports_are_inert(
    app: Any,
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: Any,
    tmp_path: Any,
) -> None:
    """What the public types is stored and shown exactly; the CSV export neither runs it as
    a spreadsheet formula nor loses it: importing the export gives back the same text."""
    from gwella.accounts.models import Role, Scope
    from gwella.campaigns.enums import Channel
    from gwella.imports import files
    from gwella.imports import service as imports
    from tests.factories import client_token, make_api_client, make_service
    from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version

    app.state.settings.import_dir = tmp_path / "imports"
    org = await make_org(session)
    service = await make_service(session, org, code="CMHT-N")
    version = await make_published_version(session, org)
    campaign, links = await make_campaign(
        session, version, [service], channels=(Channel.web, Channel.partner)
    )
    admin = await sign_in(client, (await make_user(session, {org: [Role.admin]})).email)
    texts = [t.strip() for t in TEXTS if len(t) <= 200] + FORMULAS
    for n, text in enumerate(texts):
        # One address each: the public submission limit is per address.
        transport = httpx.ASGITransport(app=app, client=(f"192.0.2.{n + 1}", 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://gwella.test") as c:
            r = await c.post(
                f"/api/v1/public/surveys/{links[service.id].public_token}/responses",
                json={
                    "submission_id": str(uuid.uuid4()),
                    "language": "cy",
                    "answers": {**VALID_ANSWERS, "comment": text},
                },
            )
        assert r.status_code == 201, (text, r.text)

    async def comments() -> list[str]:
        r = await client.get(f"/api/v1/campaigns/{campaign.id}/responses?limit=200", headers=admin)
        assert r.status_code == 200, r.text
        return sorted(
            a["value"]
            for item in r.json()["items"]
            for a in item["answers"]
            if a["question_key"] == "comment"
        )

    assert await comments() == sorted(texts)

    exported = await client.get(f"/api/v1/campaigns/{campaign.id}/responses.csv", headers=admin)
    assert exported.status_code == 200
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(rows) == len(texts)
    for row in rows:
        for cell in row.values():
            assert not re.match(r"[=+\-@\t\r]", cell) or files._is_number(cell), cell
    assert sorted(csvfiles.read_cell(r["comment"]) for r in rows) == sorted(texts)

    # The export read back by an import: every text arrives exactly as it was typed.
    api = await make_api_client(session, org, [Scope.responses_write])
    r = await client.post(
        f"/api/v1/imports?kind=responses&campaign_id={campaign.id}",
        content=exported.content,
        headers={**await client_token(client, api), "Content-Type": "text/csv"},
    )
    assert r.status_code == 202, r.text
    job = await imports.process_next(sessionmaker, "w", "http://gwella.test")
    assert job is not None
    assert job.summary["imported"] == len(texts), job.summary
    assert await comments() == sorted(texts * 2)
