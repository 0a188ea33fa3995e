"""Security gaps left by the other suites.

Already proven elsewhere, and not repeated: every route declares a policy and refuses the
anonymous (tests/test_route_policies.py); a hand-written isolation matrix of the main
reads, lists and changes between two organisations, before and after a partnership
(tests/test_isolation_matrix.py); expiry, sign-out, sign-out everywhere, rotation, revocation
and scope narrowing of tokens, and the per-email sign-in limit (tests/accounts); the public
submission limit per address (tests/responses); the basic security headers and HSTS over TLS
(tests/core/test_http_conventions.py); one request's log lines hold no password or token
(tests/test_logging.py).

Added here:
- a cross-organisation matrix generated from the OpenAPI document: every operation that
  names a record in its path, called by every actor of another organisation with the ids of
  real records, is refused (never a 2xx, never a 5xx), while the owner's administrator is
  served — so a new route is in the matrix the day it is added;
- the sign-in limit per client address (many emails from one address);
- security headers on every kind of answer (problems from the middleware, the SPA, the
  OpenAPI document), HSTS behind a TLS-terminating proxy as deployed;
- a scan of every log line of a long session for secrets and personal data.
"""

from __future__ import annotations

import io
import json
import logging
import re
import uuid
from collections import Counter
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from gwella.accounts.models import Scope
from tests.factories import client_token, make_api_client, sign_in
from tests.robustness.seed import seed
from tests.surveys import VALID_ANSWERS

# Operations a caller may use on records of any organisation by design.
OPEN_BY_DESIGN = {
    "getPublicSurvey",  # the survey link is the capability
    "getFhirCapabilities",
    "getStream",  # the caller's own stream
}


def _bodiless_operations(spec: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(method, path, operationId) of every operation that names records in its path and
    takes no body: reads, deletions and actions such as close, publish, rotate, redeliver."""
    out = []
    for path, operations in spec["paths"].items():
        if "{" not in path or path.startswith("/api/v1/public/"):
            continue  # public pages are reached by their link, by design
        for method, op in operations.items():
            if method not in ("get", "post", "delete", "put", "patch"):
                continue
            if "requestBody" in op or op.get("operationId") in OPEN_BY_DESIGN:
                continue
            out.append((method.upper(), path, op["operationId"]))
    return out


def _fill(path: str, known: dict[str, str]) -> str | None:
    names = re.findall(r"\{(\w+)\}", path)
    if not all(n in known for n in names):
        return None
    return re.sub(r"\{(\w+)\}", lambda m: known[m.group(1)], path)


async def test_no_actor_of_another_organisation_reaches_any_record_by_id(
    app: Any, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    seeded = await seed(session, client, partners=False)
    world = seeded.world
    outsider_client = await make_api_client(
        session, world.b, [Scope.read, Scope.responses_write, Scope.measurements_write]
    )
    actors = {
        role: await sign_in(client, world.users[role].email)
        for role in ("b_admin", "b_manager", "b_staff", "b_service_user")
    }
    actors["b_client"] = await client_token(client, outsider_client)
    operations = _bodiless_operations(app.openapi())
    assert len(operations) >= 40

    # The matrix: reads first, then actions, so that nothing an outsider does first could
    # make a later cell pass for the wrong reason.
    ordered = sorted(operations, key=lambda o: o[0] != "GET")
    wrong: list[str] = []
    statuses: Counter[int] = Counter()
    cells = 0
    for method, path, op_id in ordered:
        url = _fill(path, seeded.known)
        if url is None:
            continue
        for actor, headers in actors.items():
            r = await client.request(method, url, headers=headers)
            statuses[r.status_code] += 1
            cells += 1
            if r.status_code < 400 or r.status_code >= 500:
                wrong.append(f"{actor} {method} {path} ({op_id}): {r.status_code}")
    assert not wrong, "reached another organisation's records:\n" + "\n".join(wrong)
    assert cells >= 5 * 40
    assert set(statuses) <= {403, 404, 409, 410, 422}, statuses

    # The control: the same reads by A's own administrator are served, so the ids are real.
    owner = await sign_in(client, world.users["a_admin"].email)
    reads = [(m, p) for m, p, _ in ordered if m == "GET" and _fill(p, seeded.known)]
    served = [
        p
        for m, p in reads
        if (await client.get(_fill(p, seeded.known) or "", headers=owner)).status_code == 200
    ]
    assert len(served) >= 0.8 * len(reads), {p for _, p in reads} - set(served)


async def test_sign_in_is_rate_limited_per_address_across_emails(
    client: httpx.AsyncClient, app: Any
) -> None:
    limit = app.state.settings.login_address_max_failures
    for n in range(limit):
        r = await client.post(
            "/api/v1/auth/token",
            data={"grant_type": "password", "username": f"x{n}@example.org", "password": "no"},
        )
        assert r.status_code == 400, (n, r.text)
        assert r.json()["error"] == "invalid_grant"  # RFC 6749 §5.2
    fresh = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": "new@example.org", "password": "no"},
    )
    assert fresh.status_code == 429
    assert int(fresh.headers["retry-after"]) > 0
    # Another address is not held back by this one.
    other = httpx.ASGITransport(app=app, client=("198.51.100.9", 50000))
    async with httpx.AsyncClient(transport=other, base_url="http://gwella.test") as c:
        r = await c.post(
            "/api/v1/auth/token",
            data={"grant_type": "password", "username": "new@example.org", "password": "no"},
        )
    assert r.status_code == 400


def _assert_security_headers(r: httpx.Response, what: str) -> None:
    assert r.headers.get("x-content-type-options") == "nosniff", what
    assert r.headers.get("x-frame-options") == "DENY", what
    assert r.headers.get("referrer-policy") == "no-referrer", what
    csp = r.headers.get("content-security-policy", "")
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives.get("frame-ancestors") == ["'none'"], what
    assert directives.get("default-src") == ["'self'"], what
    assert directives.get("script-src") == ["'self'"], (what, "no inline or remote scripts")
    assert "server" not in {k.lower() for k in r.headers if r.headers[k].startswith("uvicorn")}


async def test_security_headers_on_every_kind_of_answer(
    app: Any, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    seeded = await seed(session, client)
    admin = await seeded.headers(client, "org_admin")
    answers = {
        "json 200": await client.get("/api/v1/users/me", headers=admin),
        "problem 401": await client.get("/api/v1/users/me"),
        "problem 404": await client.get("/api/v1/nothing"),
        "problem 405": await client.put("/api/v1/organisations", headers=admin),
        "problem 413": await client.post(
            "/api/v1/invitations/inspect",
            content=b"{" + b" " * 2_000_000 + b"}",
            headers={"Content-Type": "application/json"},
        ),
        "problem 415": await client.post(
            "/api/v1/invitations/inspect", content=b"x", headers={"Content-Type": "text/plain"}
        ),
        "problem 422": await client.post("/api/v1/invitations/inspect", json={}),
        "csv": await client.get(
            f"/api/v1/campaigns/{seeded.known['campaign_id']}/results.csv", headers=admin
        ),
        "svg": await client.get(
            f"/api/v1/campaigns/{seeded.known['campaign_id']}/links/"
            f"{seeded.known['service_id']}/qr.svg",
            headers=admin,
        ),
        "public survey": await client.get(f"/api/v1/public/surveys/{seeded.campaign_token}"),
        "openapi": await client.get("/api/v1/openapi.json"),
        "web app": await client.get("/campaigns/whatever"),
        "health": await client.get("/healthz"),
    }
    for what, r in answers.items():
        assert r.status_code < 500, (what, r.status_code)
        _assert_security_headers(r, what)
    assert answers["svg"].headers["content-type"].startswith("image/svg+xml")


async def test_hsts_behind_a_tls_terminating_proxy(app: Any) -> None:
    """As deployed: uvicorn's proxy-header handling (GWELLA_TRUST_PROXY_HEADERS) in front of
    the app, the proxy on loopback saying the client came over https."""
    proxied = ProxyHeadersMiddleware(app, trusted_hosts="127.0.0.1")
    transport = httpx.ASGITransport(app=proxied, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://gwella.test") as c:
        tls = await c.get("/healthz", headers={"X-Forwarded-Proto": "https"})
        plain = await c.get("/healthz", headers={"X-Forwarded-Proto": "http"})
    assert tls.headers["strict-transport-security"].startswith("max-age=31536000")
    assert "strict-transport-security" not in plain.headers
    # A client that is not the proxy cannot claim https for itself.
    spoof = httpx.ASGITransport(app=proxied, client=("203.0.113.50", 50000))
    async with httpx.AsyncClient(transport=spoof, base_url="http://gwella.test") as c:
        forged = await c.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" not in forged.headers


@pytest.fixture
def captured_logs() -> Any:
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)  # type: ignore[arg-type]


async def test_no_secret_or_personal_data_in_any_log_line(
    client: httpx.AsyncClient, session: AsyncSession, captured_logs: io.StringIO
) -> None:
    """A long session — sign-ins right and wrong, an API client, an invitation, a webhook
    secret, a survey answer with free text and a respondent's details, failing requests —
    and then every captured line is searched for each secret and each piece of personal
    data it handled."""
    seeded = await seed(session, client)
    world = seeded.world
    admin_user = world.users["a_admin"]
    admin = await sign_in(client, admin_user.email)
    secrets: dict[str, str] = {"user token": admin["Authorization"].split()[1]}
    personal: dict[str, str] = {
        "admin email": admin_user.email,
        "admin name": admin_user.display_name,
    }

    wrong_password = "Tr0ub4dor&3-wrong-" + uuid.uuid4().hex[:6]
    secrets["wrong password"] = wrong_password
    await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": admin_user.email, "password": wrong_password},
    )
    unknown = f"nobody-{uuid.uuid4().hex[:8]}@example.org"
    personal["unknown email"] = unknown
    await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": unknown, "password": wrong_password},
    )
    made = await client.post(
        "/api/v1/api-clients",
        json={"organisation_id": str(world.a.id), "name": "PAS", "scopes": ["read"]},
        headers=admin,
    )
    assert made.status_code == 201, made.text
    secrets["client secret"] = made.json()["client_secret"]
    token = await client.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": made.json()["client_id"],
            "client_secret": made.json()["client_secret"],
        },
    )
    secrets["client token"] = token.json()["access_token"]
    invited = f"invitee-{uuid.uuid4().hex[:8]}@example.org"
    personal["invitee email"] = invited
    r = await client.post(
        "/api/v1/invitations",
        json={
            "email": invited,
            "organisation_id": str(world.a.id),
            "role": "staff",
            "display_name": "Gwenllian Ap Dafydd",
        },
        headers=admin,
    )
    assert r.status_code == 201, r.text
    personal["invitee name"] = "Gwenllian Ap Dafydd"
    hook = await client.post(
        "/api/v1/webhook-subscriptions",
        json={
            "organisation_id": str(world.a.id),
            "url": "http://127.0.0.1:9/secret-path-" + uuid.uuid4().hex[:8],
            "event_types": ["response.created"],
        },
        headers=admin,
    )
    assert hook.status_code == 201, hook.text
    secrets["webhook secret"] = hook.json()["secret"]
    comment = "Mae fy nghymydog yn " + uuid.uuid4().hex[:8] + " ac yn sâl"
    personal["free text answer"] = comment
    answers = {**VALID_ANSWERS, "comment": comment}
    r = await client.post(
        f"/api/v1/public/surveys/{seeded.campaign_token}/responses",
        json={"submission_id": str(uuid.uuid4()), "language": "cy", "answers": answers},
    )
    assert r.status_code == 201, r.text
    # Requests that fail, with the secret in places a careless log would copy.
    await client.get(
        "/api/v1/users/me", headers={"Authorization": "Bearer " + secrets["client secret"]}
    )
    await client.post("/api/v1/invitations/accept", json={"token": secrets["webhook secret"]})
    await client.get(f"/api/v1/organisations?q={comment}", headers=admin)

    text = captured_logs.getvalue()
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) >= 15, "the logs were captured"
    for line in lines:
        json.loads(line)  # every line is one JSON object
    leaks = [
        f"{kind}: {value!r}"
        for kind, value in {**secrets, **personal}.items()
        if value and value in text
    ]
    assert not leaks, "found in the logs: " + ", ".join(leaks)
