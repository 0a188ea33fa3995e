"""Conventions every endpoint shares: problem+json errors, size and media-type limits,
request ids, security headers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.dependencies import public
from gwella.core.errors import PROBLEM_MEDIA_TYPE
from gwella.main import create_app
from tests.conftest import make_settings
from tests.factories import make_user, sign_in


def assert_problem(response: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    body: dict[str, Any] = response.json()
    assert body["type"] == f"urn:gwella:problem:{slug}"
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    assert "Traceback" not in response.text
    return body


async def test_unknown_api_path_is_a_404_problem(client: httpx.AsyncClient) -> None:
    body = assert_problem(await client.get("/api/v1/nothing-here"), 404, "not-found")
    assert body["instance"] == "/api/v1/nothing-here"


async def test_wrong_method_is_a_405_problem(client: httpx.AsyncClient) -> None:
    assert_problem(await client.put("/api/v1/organisations"), 405, "method-not-allowed")


async def test_validation_errors_name_each_field(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/v1/invitations/accept", json={"token": "short", "extra": 1})
    body = assert_problem(r, 422, "validation-failed")
    fields = {e["field"] for e in body["errors"]}
    assert fields == {"body.token", "body.extra"}


async def test_malformed_json_is_a_422_problem(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/v1/invitations/inspect",
        content=b'{"token": ',
        headers={"Content-Type": "application/json"},
    )
    assert_problem(r, 422, "validation-failed")


async def test_wrong_media_type_is_415(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/v1/invitations/inspect",
        content=b'{"token": "abcdefghijkl"}',
        headers={"Content-Type": "text/plain"},
    )
    body = assert_problem(r, 415, "unsupported-media-type")
    assert "application/json" in body["detail"]


async def test_token_endpoint_wants_a_form(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/v1/auth/token", json={"grant_type": "password"})
    assert_problem(r, 415, "unsupported-media-type")


async def test_oversize_body_is_413_by_declared_length(client: httpx.AsyncClient) -> None:
    big = b'{"token": "' + b"a" * 1_100_000 + b'"}'
    r = await client.post(
        "/api/v1/invitations/inspect", content=big, headers={"Content-Type": "application/json"}
    )
    assert_problem(r, 413, "payload-too-large")


async def test_oversize_body_is_413_when_streamed_without_length(
    client: httpx.AsyncClient,
) -> None:
    async def chunks() -> Any:
        yield b'{"token": "'
        for _ in range(20):
            yield b"a" * 100_000
        yield b'"}'

    r = await client.post(
        "/api/v1/invitations/inspect",
        content=chunks(),
        headers={"Content-Type": "application/json"},
    )
    assert_problem(r, 413, "payload-too-large")


async def test_request_id_is_generated_or_kept(client: httpx.AsyncClient) -> None:
    generated = await client.get("/healthz")
    assert len(generated.headers["x-request-id"]) == 32
    kept = await client.get("/healthz", headers={"X-Request-ID": "partner-req-0001"})
    assert kept.headers["x-request-id"] == "partner-req-0001"
    hostile = await client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert hostile.headers["x-request-id"] != "bad id\twith spaces"


async def test_problem_carries_the_request_id(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/users/me", headers={"X-Request-ID": "trace-me-please"})
    assert assert_problem(r, 401, "unauthenticated")["request_id"] == "trace-me-please"


async def test_security_headers_on_every_response(client: httpx.AsyncClient) -> None:
    for r in (await client.get("/healthz"), await client.get("/api/v1/users/me")):
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert "strict-transport-security" not in r.headers  # plain HTTP here


async def test_hsts_only_over_tls(app: Any) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://gwella.test") as tls:
        r = await tls.get("/healthz")
    assert r.headers["strict-transport-security"].startswith("max-age=")


async def test_unexpected_errors_are_a_500_problem_without_a_trace(database_url: str) -> None:
    app = create_app(make_settings(database_url))

    async def explode() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/api/v1/explode", explode, dependencies=[Depends(public("test"))])
    app.router.routes.insert(0, app.router.routes.pop())  # before the SPA's catch-all
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://t") as c,
    ):
        r = await c.get("/api/v1/explode")
    body = assert_problem(r, 500, "internal-error")
    assert "secret internals" not in r.text
    assert body["request_id"]


@pytest.mark.parametrize("path", ["/api/v1/users/me", "/readyz"])
async def test_database_down_is_503_with_retry_after(path: str) -> None:
    app = create_app(make_settings("postgresql+asyncpg://postgres@127.0.0.1:9/nowhere"))
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://t") as c,
    ):
        r = await c.get(path, headers={"Authorization": "Bearer gwu_whatever-token"})
    assert_problem(r, 503, "service-unavailable")
    assert int(r.headers["retry-after"]) > 0


async def test_nul_characters_are_refused_not_stored(client: httpx.AsyncClient) -> None:
    body = assert_problem(
        await client.post("/api/v1/invitations/inspect", json={"token": "abc\u0000defghijkl"}),
        422,
        "validation-failed",
    )
    assert "NUL" in body["errors"][0]["message"]
    assert_problem(await client.get("/api/v1/organisations?q=a%00b"), 400, "bad-request")


async def test_welsh_text_round_trips_exactly(client: httpx.AsyncClient, session: Any) -> None:
    from tests.factories import make_user, sign_in

    admin = await make_user(session, platform_admin=True)
    headers = await sign_in(client, admin.email)
    name = "Gwasanaeth Iechyd Meddwl Ŵyr a Ŷd â Chôr — “quotes” & <b>tags</b>"
    made = await client.post(
        "/api/v1/organisations",
        headers=headers,
        json={"name": name, "name_cy": name, "kind": "other"},
    )
    assert made.status_code == 201, made.text
    read = await client.get(f"/api/v1/organisations/{made.json()['id']}", headers=headers)
    assert read.json()["name"] == name
    assert read.json()["name_cy"] == name


@pytest.mark.parametrize(
    ("accept", "title", "language"),
    [
        ("cy", "Mae angen mewngofnodi", "cy"),
        ("cy-GB,en;q=0.8", "Mae angen mewngofnodi", "cy"),
        ("en-GB,cy;q=0.5", "Authentication required", "en"),
        ("fr, cy;q=0.3", "Mae angen mewngofnodi", "cy"),
        (None, "Authentication required", "en"),
    ],
)
async def test_problem_titles_follow_accept_language(
    client: httpx.AsyncClient, accept: str | None, title: str, language: str
) -> None:
    headers = {"Accept-Language": accept} if accept else {}
    r = await client.get("/api/v1/users/me", headers=headers)
    assert r.json()["title"] == title
    assert r.headers["content-language"] == language


async def test_schema_field_messages_are_in_welsh_when_asked(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    admin = await make_user(session, platform_admin=True)
    headers = await sign_in(client, admin.email)
    body = {"name": "x" * 201, "kind": "not-a-kind", "surprise": 1}
    english = await client.post("/api/v1/organisations", json=body, headers=headers)
    welsh = await client.post(
        "/api/v1/organisations", json=body, headers={**headers, "Accept-Language": "cy"}
    )
    assert english.status_code == welsh.status_code == 422
    by_field = {e["field"]: e["message"] for e in welsh.json()["errors"]}
    assert by_field["body.name"] == "Ni all hwn fod yn hwy na 200 nod."
    assert by_field["body.kind"].startswith("Rhaid i hwn fod yn un o: ")
    assert "' neu '" in by_field["body.kind"]
    assert by_field["body.surprise"] == "Nid yw'r maes hwn yn cael ei dderbyn."
    assert welsh.json()["detail"].startswith("Nid yw rhywfaint")
    # the same fields, in the same order, as in English
    assert [e["field"] for e in english.json()["errors"]] == list(by_field)
    assert all(
        not m.startswith(("Ni ", "Rhaid", "Nid"))
        for m in (e["message"] for e in english.json()["errors"])
    )


def test_every_problem_type_has_a_welsh_title() -> None:
    import gwella.main  # noqa: F401 - loads every domain, and so every kind of problem
    from gwella.core.errors import GwellaError
    from gwella.core.i18n import TITLES_CY

    def kinds(cls: type[GwellaError]) -> list[type[GwellaError]]:
        return [cls, *(k for sub in cls.__subclasses__() for k in kinds(sub))]

    missing = sorted({k.slug for k in kinds(GwellaError)} - set(TITLES_CY))
    assert missing == []
