"""The token endpoint speaks OAuth 2.0 (RFC 6749) and revocation RFC 7009, so that client
libraries understand its answers: errors are ``{"error", "error_description"}`` JSON, 400 or
401 with ``WWW-Authenticate``, never a body a library could take for a token.

Authlib (a widely used OAuth client) drives it as a partner system would."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from authlib.integrations.httpx_client import AsyncOAuth2Client, OAuthError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import AccessToken, Role, Scope
from gwella.core.audit import AuditEvent
from tests.factories import PASSWORD, Client, make_api_client, make_org, make_user, sign_in

TOKEN = "http://gwella.test/api/v1/auth/token"
REVOKE = "http://gwella.test/api/v1/auth/revoke"
ALLOWED_CODES = {
    "invalid_request",
    "invalid_client",
    "invalid_grant",
    "unauthorized_client",
    "unsupported_grant_type",
    "invalid_scope",
}


def _assert_oauth_error(r: httpx.Response, status: int, error: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/json"
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    assert body["error"] == error
    assert set(body) <= {"error", "error_description", "error_uri"}
    # RFC 6749 §5.2: the description is printable ASCII without '"' or '\'.
    text = body.get("error_description") or ""
    assert all(0x20 <= ord(c) <= 0x7E and c not in '"\\' for c in text), text
    if status == 401:
        assert r.headers["www-authenticate"].lower().startswith("basic")


@pytest.fixture
async def partner(session: AsyncSession) -> Client:
    org = await make_org(session)
    return await make_api_client(session, org, [Scope.read, Scope.responses_write])


def _authlib(app: Any, client: Client, secret: str | None = None, **kw: Any) -> AsyncOAuth2Client:
    return AsyncOAuth2Client(
        client_id=client.record.client_id,
        client_secret=secret if secret is not None else client.secret,
        transport=httpx.ASGITransport(app=app, client=("203.0.113.7", 50000)),
        base_url="http://gwella.test",
        **kw,
    )


# --------------------------------------------------------------------- with a client library


@pytest.mark.parametrize("method", ["client_secret_basic", "client_secret_post"])
async def test_authlib_gets_a_token_and_uses_it(app: Any, partner: Client, method: str) -> None:
    async with _authlib(app, partner, token_endpoint_auth_method=method, scope="read") as oauth:
        token = await oauth.fetch_token(TOKEN, grant_type="client_credentials")
        assert token["token_type"] == "bearer"
        assert token["scope"] == "read"
        me = await oauth.get(f"/api/v1/organisations/{partner.record.organisation_id}")
        assert me.status_code == 200


async def test_authlib_sees_a_wrong_secret_as_an_error_not_a_token(
    app: Any, partner: Client
) -> None:
    async with _authlib(app, partner, secret=partner.secret + "x") as oauth:
        with pytest.raises(OAuthError) as refused:
            await oauth.fetch_token(TOKEN, grant_type="client_credentials")
        assert refused.value.error == "invalid_client"
        assert oauth.token is None


async def test_authlib_sees_a_wrong_password_and_an_unknown_grant_as_errors(
    app: Any, session: AsyncSession, partner: Client
) -> None:
    user = await make_user(session)
    async with _authlib(app, partner, token_endpoint_auth_method="none") as oauth:
        with pytest.raises(OAuthError) as refused:
            await oauth.fetch_token(TOKEN, username=user.email, password="wrong password here")
        assert refused.value.error == "invalid_grant"
        token = await oauth.fetch_token(TOKEN, username=user.email, password=PASSWORD)
        assert token["access_token"]
        with pytest.raises(OAuthError) as unknown:
            await oauth.fetch_token(TOKEN, grant_type="authorization_code", code="abc")
        assert unknown.value.error == "unsupported_grant_type"


async def test_authlib_revokes_its_token(app: Any, partner: Client) -> None:
    async with _authlib(app, partner) as oauth:
        token = await oauth.fetch_token(TOKEN, grant_type="client_credentials")
        revoked = await oauth.revoke_token(REVOKE, token=token["access_token"])
        assert revoked.status_code == 200
        after = await oauth.get(f"/api/v1/organisations/{partner.record.organisation_id}")
        assert after.status_code == 401
        # Revoking it again, or a token that never existed, is no error (RFC 7009 §2.2).
        assert (await oauth.revoke_token(REVOKE, token=token["access_token"])).status_code == 200
        assert (await oauth.revoke_token(REVOKE, token="gwc_never_issued_0000")).status_code == 200


# ------------------------------------------------------------------------ every error, by hand


def _basic(client_id: str, secret: str) -> dict[str, str]:
    raw = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    return {"Authorization": f"Basic {raw}"}


@pytest.fixture
def http(client: httpx.AsyncClient) -> httpx.AsyncClient:
    return client


async def test_token_errors_follow_rfc_6749(
    http: httpx.AsyncClient, session: AsyncSession, partner: Client
) -> None:
    user = await make_user(session)
    cid, secret = partner.record.client_id, partner.secret
    cases: list[tuple[dict[str, Any], int, str]] = [
        ({"data": {}}, 400, "invalid_request"),
        ({"data": {"grant_type": "password", "username": user.email}}, 400, "invalid_request"),
        ({"data": {"grant_type": "implicit"}}, 400, "unsupported_grant_type"),
        (
            {"data": {"grant_type": "password", "username": user.email, "password": "nope"}},
            400,
            "invalid_grant",
        ),
        ({"data": {"grant_type": "client_credentials"}}, 401, "invalid_client"),
        (
            {"data": {"grant_type": "client_credentials", "client_id": cid}},
            401,
            "invalid_client",
        ),
        (
            {"data": {"grant_type": "client_credentials"}, "headers": _basic(cid, "wrong")},
            401,
            "invalid_client",
        ),
        (
            {
                "data": {"grant_type": "client_credentials"},
                "headers": {"Authorization": "Basic %%"},
            },
            401,
            "invalid_client",
        ),
        (
            {
                "data": {"grant_type": "client_credentials", "scope": "measurements:write"},
                "headers": _basic(cid, secret),
            },
            400,
            "invalid_scope",
        ),
        (
            {
                "data": {"grant_type": "client_credentials", "client_secret": secret},
                "headers": _basic(cid, secret),
            },
            400,
            "invalid_request",
        ),
        (
            {"content": "grant_type=password&grant_type=client_credentials"},
            400,
            "invalid_request",
        ),
        (
            {"data": {"grant_type": "password", "username": "x" * 400, "password": "p"}},
            400,
            "invalid_request",
        ),
        (  # a right password with a wrong client: the client's failure is not ignored
            {
                "data": {"grant_type": "password", "username": user.email, "password": PASSWORD},
                "headers": _basic(cid, "wrong"),
            },
            401,
            "invalid_client",
        ),
    ]
    for kwargs, status, error in cases:
        headers = {"Content-Type": "application/x-www-form-urlencoded", **kwargs.pop("headers", {})}
        r = await http.post("/api/v1/auth/token", headers=headers, **kwargs)
        _assert_oauth_error(r, status, error)
        assert r.json()["error"] in ALLOWED_CODES
    # Nothing was issued by any of them.
    assert list(await session.scalars(select(AccessToken))) == []


async def test_a_person_revokes_a_token_by_holding_it(
    http: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session)
    held = (await sign_in(http, user.email))["Authorization"].removeprefix("Bearer ")
    other = await sign_in(http, user.email)
    r = await http.post("/api/v1/auth/revoke", data={"token": held, "token_type_hint": "x"})
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-store"
    me = await http.get("/api/v1/users/me", headers={"Authorization": f"Bearer {held}"})
    assert me.status_code == 401
    assert (await http.get("/api/v1/users/me", headers=other)).status_code == 200
    events = list(
        await session.scalars(select(AuditEvent).where(AuditEvent.action == "session.signed_out"))
    )
    assert [(e.actor_id, e.record_id) for e in events] == [(user.id, str(user.id))]


async def test_a_clients_token_is_revoked_only_by_that_client(
    http: httpx.AsyncClient, session: AsyncSession, partner: Client
) -> None:
    org = await make_org(session)
    stranger = await make_api_client(session, org, [Scope.read])
    issued = await http.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials"},
        headers=_basic(partner.record.client_id, partner.secret),
    )
    token = issued.json()["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}
    _assert_oauth_error(
        await http.post("/api/v1/auth/revoke", data={"token": token}), 401, "invalid_client"
    )
    _assert_oauth_error(
        await http.post(
            "/api/v1/auth/revoke",
            data={"token": token},
            headers=_basic(stranger.record.client_id, stranger.secret),
        ),
        400,
        "unauthorized_client",
    )
    _assert_oauth_error(
        await http.post(
            "/api/v1/auth/revoke",
            data={"token": token},
            headers=_basic(partner.record.client_id, "wrong"),
        ),
        401,
        "invalid_client",
    )
    org_url = f"/api/v1/organisations/{partner.record.organisation_id}"
    assert (await http.get(org_url, headers=bearer)).status_code == 200  # still valid
    ok = await http.post(
        "/api/v1/auth/revoke",
        data={"token": token},
        headers=_basic(partner.record.client_id, partner.secret),
    )
    assert ok.status_code == 200
    assert (await http.get(org_url, headers=bearer)).status_code == 401


async def test_revoke_without_a_token_is_an_oauth_error(
    http: httpx.AsyncClient, session: AsyncSession
) -> None:
    _assert_oauth_error(await http.post("/api/v1/auth/revoke"), 400, "invalid_request")
    org = await make_org(session)
    user = await make_user(session, {org: [Role.staff]})
    # RFC 7009 §2.1: `token` is required; a bearer header does not stand in for it (the SPA
    # signs out by sending its own token in the form).
    headers = await sign_in(http, user.email)
    _assert_oauth_error(
        await http.post("/api/v1/auth/revoke", headers=headers), 400, "invalid_request"
    )
    assert (await http.get("/api/v1/users/me", headers=headers)).status_code == 200
    token = headers["Authorization"].removeprefix("Bearer ")
    assert (await http.post("/api/v1/auth/revoke", data={"token": token})).status_code == 200
    assert (await http.get("/api/v1/users/me", headers=headers)).status_code == 401


async def test_unknown_form_parameters_are_ignored_and_known_ones_given_once(
    http: httpx.AsyncClient, session: AsyncSession
) -> None:
    """RFC 6749 §3.1: parameters the server does not know are ignored (even repeated); a
    known parameter given twice is an error. The spec's form schemas are open for that."""
    user = await make_user(session, {await make_org(session): [Role.staff]})
    form = {"grant_type": "password", "username": user.email, "password": PASSWORD}
    r = await http.post(
        "/api/v1/auth/token",
        content=_encoded(form, ("x-extra", "1"), ("x-extra", "2")),
        headers=FORM,
    )
    assert r.status_code == 200, r.text
    token = r.json()["access_token"]
    twice = _encoded({"token": token}, ("token", token))
    _assert_oauth_error(
        await http.post("/api/v1/auth/revoke", content=twice, headers=FORM), 400, "invalid_request"
    )
    ignored = _encoded({"token": token}, ("x-extra", "a"), ("x-extra", "b"))
    assert (
        await http.post("/api/v1/auth/revoke", content=ignored, headers=FORM)
    ).status_code == 200
    refused = await http.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 401


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def _encoded(fields: dict[str, str], *more: tuple[str, str]) -> bytes:
    return urlencode([*fields.items(), *more]).encode()
