"""API clients of partner systems: the secret shown once, rotation, revocation, scopes."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import AccessToken, ApiClient, Role
from gwella.organisations.models import Organisation
from tests.factories import make_org, make_user, sign_in

TOKEN_URL = "/api/v1/auth/token"


async def _admin(
    http: httpx.AsyncClient, session: AsyncSession
) -> tuple[Organisation, dict[str, str]]:
    org = await make_org(session)
    admin = await make_user(session, {org: [Role.admin]})
    return org, await sign_in(http, admin.email)


async def _create(
    http: httpx.AsyncClient,
    headers: dict[str, str],
    org: Organisation,
    scopes: list[str] | None = None,
) -> dict[str, Any]:
    r = await http.post(
        "/api/v1/api-clients",
        headers=headers,
        json={
            "organisation_id": str(org.id),
            "name": "Trust patient system",
            "scopes": scopes or ["read"],
        },
    )
    assert r.status_code == 201, r.text
    assert r.headers["cache-control"] == "no-store"
    body: dict[str, Any] = r.json()
    return body


async def _token(
    http: httpx.AsyncClient, client_id: str, secret: str, scope: str | None = None
) -> httpx.Response:
    data = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}
    if scope:
        data["scope"] = scope
    return await http.post(TOKEN_URL, data=data)


async def _bearer(http: httpx.AsyncClient, client_id: str, secret: str) -> dict[str, str]:
    r = await _token(http, client_id, secret)
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


async def _works(http: httpx.AsyncClient, headers: dict[str, str], org: Organisation) -> int:
    return (await http.get(f"/api/v1/organisations/{org.id}", headers=headers)).status_code


async def test_secret_is_shown_once_and_never_again(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org, headers = await _admin(client, session)
    created = await _create(client, headers, org, ["responses:write", "read", "read"])
    secret = created["client_secret"]
    assert secret.startswith("gws_")
    assert created["scopes"] == ["read", "responses:write"]
    assert created["status"] == "active"
    assert created["last_used_at"] is None

    one = await client.get(f"/api/v1/api-clients/{created['id']}", headers=headers)
    assert one.status_code == 200
    assert "client_secret" not in one.json()
    assert secret not in one.text
    listed = await client.get("/api/v1/api-clients", headers=headers)
    assert [c["id"] for c in listed.json()["items"]] == [created["id"]]
    assert secret not in listed.text

    stored = await session.scalar(select(ApiClient).where(ApiClient.id == uuid.UUID(created["id"])))
    assert stored is not None
    assert secret not in stored.secret_hash


async def test_secret_works_at_the_token_endpoint_and_use_is_recorded(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org, headers = await _admin(client, session)
    created = await _create(client, headers, org)
    r = await _token(client, created["client_id"], created["client_secret"])
    assert r.status_code == 200
    assert r.json()["scope"] == "read"
    assert await _works(client, {"Authorization": f"Bearer {r.json()['access_token']}"}, org) == 200

    after = await client.get(f"/api/v1/api-clients/{created['id']}", headers=headers)
    assert after.json()["last_used_at"] is not None
    # Recording use is not a change of the record: its ETag stays.
    assert after.json()["version"] == created["version"]


async def test_rotating_replaces_the_secret_and_revokes_old_tokens(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org, headers = await _admin(client, session)
    created = await _create(client, headers, org)
    old_secret = created["client_secret"]
    old_token = await _bearer(client, created["client_id"], old_secret)

    r = await client.post(f"/api/v1/api-clients/{created['id']}/rotate-secret", headers=headers)
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-store"
    new_secret = r.json()["client_secret"]
    assert new_secret != old_secret
    assert r.json()["secret_rotated_at"] is not None
    assert r.json()["client_id"] == created["client_id"]

    assert (await _token(client, created["client_id"], old_secret)).status_code == 401
    assert await _works(client, old_token, org) == 401
    new_token = await _bearer(client, created["client_id"], new_secret)
    assert await _works(client, new_token, org) == 200


async def test_revoking_ends_tokens_and_secret_for_good(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org, headers = await _admin(client, session)
    created = await _create(client, headers, org)
    token = await _bearer(client, created["client_id"], created["client_secret"])
    url = f"/api/v1/api-clients/{created['id']}"

    r = await client.post(f"{url}/revoke", headers=headers)
    assert r.status_code == 200
    assert r.json()["status"] == "revoked"
    assert r.json()["revoked_at"] is not None

    assert await _works(client, token, org) == 401
    refused = await _token(client, created["client_id"], created["client_secret"])
    assert refused.status_code == 401
    assert refused.json()["error"] == "invalid_client"  # RFC 6749 §5.2

    for method, path, extra in (
        ("POST", f"{url}/rotate-secret", {}),
        ("POST", f"{url}/revoke", {}),
        ("PATCH", url, {"json": {"name": "Back"}, "headers": {"If-Match": r.headers["etag"]}}),
    ):
        again = await client.request(
            method, path, **{**extra, "headers": {**headers, **extra.get("headers", {})}}
        )
        assert again.status_code == 409, path
        assert again.json()["type"] == "urn:gwella:problem:conflict"

    tokens = (
        await session.scalars(
            select(AccessToken).where(AccessToken.api_client_id == uuid.UUID(created["id"]))
        )
    ).all()
    assert tokens
    assert all(t.revoked_at is not None for t in tokens)

    revoked = await client.get("/api/v1/api-clients", headers=headers, params={"status": "revoked"})
    assert [c["id"] for c in revoked.json()["items"]] == [created["id"]]
    active = await client.get("/api/v1/api-clients", headers=headers, params={"status": "active"})
    assert active.json()["items"] == []


async def test_narrowing_scopes_revokes_existing_tokens(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org, headers = await _admin(client, session)
    created = await _create(client, headers, org, ["read", "responses:write"])
    token = await _bearer(client, created["client_id"], created["client_secret"])
    url = f"/api/v1/api-clients/{created['id']}"

    assert (await client.patch(url, headers=headers, json={"scopes": ["read"]})).status_code == 428
    stale = await client.patch(
        url, headers={**headers, "If-Match": '"99"'}, json={"scopes": ["read"]}
    )
    assert stale.status_code == 412
    assert await _works(client, token, org) == 200

    etag = (await client.get(url, headers=headers)).headers["etag"]
    r = await client.patch(url, headers={**headers, "If-Match": etag}, json={"scopes": ["read"]})
    assert r.status_code == 200, r.text
    assert r.json()["scopes"] == ["read"]
    assert r.headers["etag"] != etag

    assert await _works(client, token, org) == 401
    fresh = await _token(client, created["client_id"], created["client_secret"])
    assert fresh.json()["scope"] == "read"
    wider = await _token(
        client, created["client_id"], created["client_secret"], "read responses:write"
    )
    assert wider.status_code == 400
    assert wider.json()["error"] == "invalid_scope"


async def test_replacing_a_scope_revokes_tokens_that_carry_it(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Swapping `read` for `measurements:write` takes `read` away, though the set of scopes
    does not shrink: tokens issued with `read` must stop working."""
    org, headers = await _admin(client, session)
    created = await _create(client, headers, org, ["read", "responses:write"])
    token = await _bearer(client, created["client_id"], created["client_secret"])
    url = f"/api/v1/api-clients/{created['id']}"
    etag = (await client.get(url, headers=headers)).headers["etag"]
    r = await client.patch(
        url,
        headers={**headers, "If-Match": etag},
        json={"scopes": ["responses:write", "measurements:write"]},
    )
    assert r.status_code == 200
    assert await _works(client, token, org) == 401


async def test_renaming_or_widening_keeps_tokens(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org, headers = await _admin(client, session)
    created = await _create(client, headers, org)
    token = await _bearer(client, created["client_id"], created["client_secret"])
    url = f"/api/v1/api-clients/{created['id']}"
    etag = (await client.get(url, headers=headers)).headers["etag"]
    r = await client.patch(
        url,
        headers={**headers, "If-Match": etag},
        json={"name": "Renamed", "scopes": ["read", "measurements:write"]},
    )
    assert r.status_code == 200
    assert (r.json()["name"], r.json()["scopes"]) == ("Renamed", ["measurements:write", "read"])
    assert await _works(client, token, org) == 200


async def test_unknown_or_empty_scopes_are_refused(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org, headers = await _admin(client, session)
    for scopes in (["read", "admin"], []):
        r = await client.post(
            "/api/v1/api-clients",
            headers=headers,
            json={"organisation_id": str(org.id), "name": "X", "scopes": scopes},
        )
        assert r.status_code == 422, scopes
        assert r.json()["errors"][0]["field"].startswith("body.scopes")
    created = await _create(client, headers, org)
    url = f"/api/v1/api-clients/{created['id']}"
    etag = (await client.get(url, headers=headers)).headers["etag"]
    r = await client.patch(url, headers={**headers, "If-Match": etag}, json={"scopes": ["root"]})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "body.scopes.0"
    assert (await client.get("/api/v1/api-clients", headers=headers)).json()["items"][0][
        "scopes"
    ] == ["read"]


async def test_only_organisation_admins_manage_api_clients(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org, headers = await _admin(client, session)
    created = await _create(client, headers, org)
    url = f"/api/v1/api-clients/{created['id']}"
    for role in (Role.manager, Role.staff, Role.service_user):
        person = await make_user(session, {org: [role]})
        h = await sign_in(client, person.email)
        create = await client.post(
            "/api/v1/api-clients",
            headers=h,
            json={"organisation_id": str(org.id), "name": "X", "scopes": ["read"]},
        )
        assert create.status_code == 403, role
        assert (await client.get(url, headers=h)).status_code == 403
        assert (await client.post(f"{url}/rotate-secret", headers=h)).status_code == 403
        assert (await client.post(f"{url}/revoke", headers=h)).status_code == 403
        assert (await client.get("/api/v1/api-clients", headers=h)).json()["items"] == []
    # The client itself cannot manage clients either.
    own = await _bearer(client, created["client_id"], created["client_secret"])
    assert (await client.get("/api/v1/api-clients", headers=own)).status_code == 403
    stored = await session.scalar(select(ApiClient).where(ApiClient.id == uuid.UUID(created["id"])))
    assert stored is not None
    assert stored.revoked_at is None
    assert stored.version == created["version"]
