"""Signing in and out: the OAuth2 token endpoint, token lifetime and revocation."""

from __future__ import annotations

import base64
from datetime import timedelta

import httpx
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import AccessToken, Role, Scope
from gwella.core.database import utcnow
from tests.factories import PASSWORD, client_token, make_api_client, make_org, make_user, sign_in


async def test_password_grant_gives_a_bearer_token_that_works(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    user = await make_user(session, {org: [Role.staff]}, email="Nia@Example.test")
    response = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": "nia@example.test", "password": PASSWORD},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 8 * 3600
    assert response.headers["cache-control"] == "no-store"
    me = await client.get(
        "/api/v1/users/me", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert me.status_code == 200
    assert me.json()["id"] == str(user.id)
    assert me.json()["memberships"][0]["role"] == "staff"


async def test_failed_sign_in_never_says_whether_the_email_exists(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await make_user(session, email="real@example.test")
    wrong_password = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": "real@example.test", "password": "nope"},
    )
    unknown = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": "ghost@example.test", "password": "nope"},
    )
    assert wrong_password.status_code == unknown.status_code == 400
    assert wrong_password.headers["content-type"] == "application/json"  # RFC 6749 §5.2
    assert wrong_password.json() == unknown.json()
    assert wrong_password.json()["error"] == "invalid_grant"


async def test_sign_in_is_throttled_per_email_and_address(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """The rules in full are tests/accounts/test_throttle.py's."""
    await make_user(session, email="target@example.test")
    for _ in range(5):
        r = await client.post(
            "/api/v1/auth/token",
            data={"grant_type": "password", "username": "target@example.test", "password": "x"},
        )
        assert r.status_code == 400
    limited = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": "target@example.test", "password": PASSWORD},
    )
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0
    assert limited.json()["error"] == "slow_down"


async def test_inactive_people_cannot_sign_in(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session)
    user.is_active = False
    await session.commit()
    r = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": user.email, "password": PASSWORD},
    )
    assert r.status_code == 400


async def test_expired_token_is_refused(client: httpx.AsyncClient, session: AsyncSession) -> None:
    user = await make_user(session)
    headers = await sign_in(client, user.email)
    await session.execute(update(AccessToken).values(expires_at=utcnow() - timedelta(seconds=1)))
    await session.commit()
    r = await client.get("/api/v1/users/me", headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"].startswith("Bearer")


async def test_sign_out_revokes_only_that_token(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session)
    first = await sign_in(client, user.email)
    second = await sign_in(client, user.email)
    assert (
        await client.post("/api/v1/auth/revoke", data={"token": first["Authorization"][7:]})
    ).status_code == 200
    assert (await client.get("/api/v1/users/me", headers=first)).status_code == 401
    assert (await client.get("/api/v1/users/me", headers=second)).status_code == 200


async def test_sign_out_everywhere_revokes_every_token(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session)
    first = await sign_in(client, user.email)
    second = await sign_in(client, user.email)
    assert (await client.post("/api/v1/auth/revoke-all", headers=first)).status_code == 204
    for headers in (first, second):
        assert (await client.get("/api/v1/users/me", headers=headers)).status_code == 401


async def test_garbage_and_missing_tokens_are_401(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/users/me")).status_code == 401
    r = await client.get("/api/v1/users/me", headers={"Authorization": "Bearer not-a-token"})
    assert r.status_code == 401
    assert r.json()["type"] == "urn:gwella:problem:unauthenticated"


async def test_client_credentials_in_form_or_basic(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    api = await make_api_client(session, org, [Scope.read, Scope.responses_write])
    headers = await client_token(client, api)
    assert (await client.get(f"/api/v1/organisations/{org.id}", headers=headers)).status_code == 200
    basic = base64.b64encode(f"{api.record.client_id}:{api.secret}".encode()).decode()
    r = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials", "scope": "read"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert r.status_code == 200
    assert r.json()["scope"] == "read"
    assert r.json()["expires_in"] == 3600


async def test_client_cannot_ask_for_scopes_it_was_not_granted(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    api = await make_api_client(session, org, [Scope.read])
    r = await client.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": api.record.client_id,
            "client_secret": api.secret,
            "scope": "read measurements:write",
        },
    )
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_scope"


async def test_wrong_client_secret_is_401(client: httpx.AsyncClient, session: AsyncSession) -> None:
    org = await make_org(session)
    api = await make_api_client(session, org)
    r = await client.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": api.record.client_id,
            "client_secret": api.secret + "x",
        },
    )
    assert r.status_code == 401
    assert r.json()["error"] == "invalid_client"
    assert r.headers["www-authenticate"].startswith("Basic")


async def test_api_clients_cannot_use_people_only_operations(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    api = await make_api_client(session, org, [Scope.read])
    headers = await client_token(client, api)
    assert (await client.get("/api/v1/users/me", headers=headers)).status_code == 403
    assert (await client.get("/api/v1/audit-events", headers=headers)).status_code == 403


async def test_client_without_read_scope_cannot_read(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    api = await make_api_client(session, org, [Scope.responses_write])
    headers = await client_token(client, api)
    r = await client.get(f"/api/v1/organisations/{org.id}", headers=headers)
    assert r.status_code == 403
    assert "read" in r.json()["detail"]


async def test_unsupported_grant_is_an_oauth_error(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/v1/auth/token", data={"grant_type": "implicit"})
    assert r.status_code == 400
    assert r.json()["error"] == "unsupported_grant_type"
