"""Every route declares who may call it, and everything not public refuses the anonymous."""

from __future__ import annotations

import re
import uuid

import httpx
from fastapi import APIRouter, Depends, FastAPI
from fastapi.dependencies.models import Dependant

from gwella.core.dependencies import Reader, public
from gwella.core.principal import POLICY_ATTRIBUTE, RoutePolicy
from tests.factories import RouteInfo, api_routes, other_routes

PUBLIC = {
    ("POST", "/api/v1/auth/token"),
    # RFC 7009: a token is revoked by whoever holds it (a client's, by that client).
    ("POST", "/api/v1/auth/revoke"),
    ("POST", "/api/v1/invitations/inspect"),
    ("POST", "/api/v1/invitations/accept"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/{path:path}"),  # the web app's files
    # Answering a survey anonymously, by the campaign's link token (issue: campaigns).
    ("GET", "/api/v1/public/surveys/{token}"),
    ("POST", "/api/v1/public/surveys/{token}/responses"),
    # The "you said, we did" page of a partnership (issue 7: downward accountability).
    ("GET", "/api/v1/public/partnerships/{partnership_id}/actions"),
    ("GET", "/fhir/r4/metadata"),
    ("GET", "/api/docs"),  # the interactive API documentation (Swagger UI)
}
# FastAPI's own routes (not APIRoutes): the OpenAPI document.
FRAMEWORK = {"/api/v1/openapi.json"}


def _policies(dependant: Dependant) -> list[RoutePolicy]:
    found = []
    for sub in dependant.dependencies:
        policy = getattr(sub.call, POLICY_ATTRIBUTE, None)
        if policy is not None:
            found.append(policy)
        found += _policies(sub)
    return found


def _each(app: FastAPI) -> list[tuple[str, str, RouteInfo]]:
    return [(m, r.path, r) for r in api_routes(app) for m in sorted(r.methods)]


def test_the_walk_sees_the_whole_app(app: FastAPI) -> None:
    """Guards the guard: a walk that saw nothing would prove nothing."""
    seen = {(m, p) for m, p, _ in _each(app)}
    assert len(seen) >= 40
    assert {
        ("GET", "/api/v1/organisations"),
        ("PATCH", "/api/v1/users/{user_id}"),
        ("POST", "/api/v1/api-clients/{api_client_id}/rotate-secret"),
        ("DELETE", "/api/v1/partnerships/{partnership_id}/members/{organisation_id}"),
        ("GET", "/api/v1/audit-events"),
    } <= seen
    assert seen >= PUBLIC


def test_the_check_catches_a_route_without_a_policy() -> None:
    """Guards the guard: a bare route in an included router is found, and a policy declared
    as a parameter (`principal: Reader`) or in `dependencies=[...]` counts."""
    router = APIRouter(prefix="/api/v1/example")

    @router.get("/as-parameter")
    async def as_parameter(principal: Reader) -> None: ...

    @router.get("/in-dependencies", dependencies=[Depends(public("an example"))])
    async def in_dependencies() -> None: ...

    @router.get("/bare")
    async def bare() -> None: ...

    example = FastAPI()
    example.include_router(router)
    missing = {p for _, p, r in _each(example) if not _policies(r.route.dependant)}
    assert missing == {"/api/v1/example/bare"}


def test_every_route_declares_a_policy(app: FastAPI) -> None:
    missing = [f"{m} {p}" for m, p, r in _each(app) if not _policies(r.route.dependant)]
    assert not missing, "routes without a policy: " + ", ".join(missing)


def test_the_public_routes_are_exactly_the_expected_ones(app: FastAPI) -> None:
    public = set()
    for method, path, route in _each(app):
        policies = _policies(route.route.dependant)
        if any(not p.authenticated for p in policies):
            public.add((method, path))
            # A public route declares nothing else that would authenticate.
            assert all(not p.authenticated for p in policies), (method, path)
    assert public == PUBLIC


def test_no_other_kind_of_route_slips_past(app: FastAPI) -> None:
    assert {r.path for r in other_routes(app)} == FRAMEWORK


def _fill(path: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), path)


async def test_every_non_public_route_refuses_the_anonymous(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    wrong = []
    for method, path, _ in _each(app):
        if (method, path) in PUBLIC:
            continue
        url = _fill(path)
        # No body: refusing the caller must not depend on what (or in which media type) they
        # send, and an empty body is not held to any route's media types.
        for headers in ({}, {"Authorization": "Bearer gwu_not-a-real-token"}):
            r = await client.request(method, url, headers=headers)
            if path.startswith("/fhir/"):
                # FHIR speaks OperationOutcome: the same refusal in its own terms.
                refused = (
                    r.status_code == 401
                    and r.headers.get("content-type", "").startswith("application/fhir+json")
                    and r.json()["issue"][0]["code"] == "login"
                )
            else:
                refused = (
                    r.status_code == 401
                    and r.headers.get("content-type") == "application/problem+json"
                    and r.json().get("type") == "urn:gwella:problem:unauthenticated"
                )
            if not refused or not r.headers.get("www-authenticate", "").startswith("Bearer"):
                wrong.append(f"{method} {path} ({'token' if headers else 'none'}): {r.status_code}")
    assert not wrong, "\n".join(wrong)
