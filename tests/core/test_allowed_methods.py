"""OPTIONS and methods a resource does not take answer as HTTP says (RFC 9110 §9.1, §9.3.7,
§15.5.6, §15.6.2): ``Allow`` names exactly the methods the spec declares for the path."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from gwella.core.errors import PROBLEM_MEDIA_TYPE
from gwella.core.middleware import AllowedMethodsMiddleware
from gwella.main import create_app
from tests.conftest import make_settings
from tests.core.test_http_conventions import assert_problem

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def _declared(app: Any) -> dict[str, set[str]]:
    spec = app.openapi()
    return {
        path: {m.upper() for m in operations if m in HTTP_METHODS}
        for path, operations in spec["paths"].items()
    }


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", str(uuid.uuid4()), path)


def _allow(response: httpx.Response) -> set[str]:
    return {m.strip() for m in response.headers["allow"].split(",")}


async def test_options_lists_the_declared_methods_of_every_path(
    app: Any, client: httpx.AsyncClient
) -> None:
    for path, methods in _declared(app).items():
        r = await client.options(_concrete(path))
        assert r.status_code == 204, (path, r.status_code, r.text)
        assert r.content == b""
        assert _allow(r) == methods | {"OPTIONS"}, path


async def test_an_undeclared_method_on_a_known_path_is_405_with_allow(
    app: Any, client: httpx.AsyncClient
) -> None:
    for path, methods in _declared(app).items():
        url = _concrete(path)
        for method in sorted({"GET", "PUT", "POST", "DELETE", "PATCH", "HEAD"} - methods):
            r = await client.request(method, url)
            assert r.status_code == 405, (method, path, r.status_code)
            assert _allow(r) == methods | {"OPTIONS"}, (method, path)
            if method != "HEAD" and not path.startswith("/fhir/"):
                assert r.headers["content-type"] == PROBLEM_MEDIA_TYPE


async def test_a_post_only_path_answers_get_with_405_not_404(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/auth/revoke")
    body = assert_problem(r, 405, "method-not-allowed")
    assert "POST" in body["detail"]
    assert _allow(r) == {"POST", "OPTIONS"}


async def test_an_unknown_method_is_501(client: httpx.AsyncClient) -> None:
    assert_problem(await client.request("BREW", "/api/v1/organisations"), 501, "not-implemented")


async def test_an_unknown_path_stays_404(client: httpx.AsyncClient) -> None:
    assert_problem(await client.options("/api/v1/nothing-here"), 404, "not-found")
    assert_problem(await client.put("/api/v1/nothing-here"), 404, "not-found")


async def test_fhir_refuses_a_method_as_an_operation_outcome(client: httpx.AsyncClient) -> None:
    r = await client.put("/fhir/r4/Questionnaire")
    assert r.status_code == 405
    assert r.headers["content-type"].startswith("application/fhir+json")
    assert r.json()["resourceType"] == "OperationOutcome"
    assert "GET" in _allow(r)


@pytest.mark.parametrize("cors", [True, False])
async def test_cors_preflight_is_left_to_cors(database_url: str, cors: bool) -> None:
    origins = ["https://partner.example"] if cors else []
    app = create_app(make_settings(database_url, cors_origins=origins))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gwella.test") as c:
            preflight = await c.options(
                "/api/v1/organisations",
                headers={
                    "Origin": "https://partner.example",
                    "Access-Control-Request-Method": "POST",
                },
            )
            plain = await c.options("/api/v1/organisations")
    if cors:
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://partner.example"
    else:
        assert preflight.status_code == 204
        assert "access-control-allow-origin" not in preflight.headers
    assert plain.status_code == 204
    assert _allow(plain) == {"GET", "POST", "OPTIONS"}


async def test_paths_find_their_templates_wherever_the_parameters_are() -> None:
    """The middleware looks a path up among the templates that can match it (by length and
    leading segments): a template starting with a parameter, one with a parameter among the
    leading segments, and the fewest-parameters rule still hold."""
    inner = FastAPI()
    for path, method in [
        ("/{tenant}/things", "GET"),
        ("/api/{version}/things/{id}", "DELETE"),
        ("/api/v1/things/{id}", "PATCH"),
        ("/api/v1/things/inspect", "POST"),
        ("/api/v1/things/{id}/parts/{part}", "PUT"),
    ]:
        inner.add_api_route(path, lambda: None, methods=[method])
    app = AllowedMethodsMiddleware(inner, routes=lambda: inner.routes)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:

        async def allowed(path: str) -> set[str]:
            response = await c.options(path)
            assert response.status_code == 204, path
            return _allow(response)

        assert await allowed("/anyone/things") == {"GET", "OPTIONS"}
        assert await allowed("/api/v2/things/7") == {"DELETE", "OPTIONS"}
        # Both /api/{version}/things/{id} and /api/v1/things/{id} match: fewer parameters win.
        assert await allowed("/api/v1/things/7") == {"PATCH", "OPTIONS"}
        assert await allowed("/api/v1/things/inspect") == {"POST", "OPTIONS"}
        assert await allowed("/api/v1/things/7/parts/8") == {"PUT", "OPTIONS"}
        assert (await c.options("/api/v1/things/7/parts")).status_code == 404
