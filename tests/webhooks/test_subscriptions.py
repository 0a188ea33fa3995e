"""Subscriptions over HTTP with real sign-in: CRUD with If-Match, who may manage what, the
secret shown once, the URL rules; deliveries, attempts and redelivery for admins."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.audit import AuditEvent
from gwella.core.config import Environment, Settings
from gwella.core.database import utcnow
from gwella.core.errors import ValidationFailed
from gwella.webhooks import claiming
from gwella.webhooks.models import WebhookSubscription
from gwella.webhooks.service import check_url
from gwella.webhooks.signing import decrypt_secret
from tests.factories import World, client_token, make_partnership, make_world, sign_in
from tests.webhooks.conftest import Hooks
from tests.webhooks.receiver import Receiver

BASE = "/api/v1/webhook-subscriptions"
EVENTS = ["action.status_changed", "response.created"]


@pytest.fixture
async def world(session: AsyncSession) -> World:
    return await make_world(session)


async def as_user(client: httpx.AsyncClient, world: World, who: str) -> dict[str, str]:
    return await sign_in(client, world.users[who].email)


async def create(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> httpx.Response:
    body.setdefault("url", "https://receiver.example.org/hooks")
    body.setdefault("event_types", EVENTS)
    return await client.post(BASE, json=body, headers=headers)


async def test_an_admin_manages_the_organisations_subscriptions(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await as_user(client, world, "a_admin")
    r = await create(
        client,
        admin,
        organisation_id=str(world.a.id),
        event_types=["response.created", "action.status_changed", "response.created"],
        description="Trust PAS",
    )
    assert r.status_code == 201, r.text
    sub = r.json()
    assert r.headers["location"] == f"{BASE}/{sub['id']}"
    assert r.headers["etag"] == '"1"'
    assert sub["event_types"] == ["response.created", "action.status_changed"]
    assert sub["organisation_id"] == str(world.a.id)
    assert sub["api_client_id"] is None
    assert sub["created_by_id"] == str(world.users["a_admin"].id)
    assert sub["is_active"] is True

    r = await client.get(f"{BASE}/{sub['id']}", headers=admin)
    assert r.status_code == 200
    assert r.headers["etag"] == '"1"'
    listed = (await client.get(BASE, headers=admin)).json()["items"]
    assert [s["id"] for s in listed] == [sub["id"]]

    url = f"{BASE}/{sub['id']}"
    patch = {"is_active": False, "description": None, "event_types": ["import.completed"]}
    assert (await client.patch(url, json=patch, headers=admin)).status_code == 428
    stale = {**admin, "If-Match": '"7"'}
    assert (await client.patch(url, json=patch, headers=stale)).status_code == 412
    r = await client.patch(url, json=patch, headers={**admin, "If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["is_active"] is False
    assert r.json()["description"] is None
    assert r.json()["event_types"] == ["import.completed"]
    assert r.headers["etag"] == '"2"'
    r = await client.patch(url, json={"url": None}, headers={**admin, "If-Match": '"2"'})
    assert r.status_code == 422

    assert (await client.get(f"{BASE}?is_active=true", headers=admin)).json()["items"] == []
    assert (await client.delete(url, headers=admin)).status_code == 204
    assert (await client.get(url, headers=admin)).status_code == 404


async def test_the_secret_is_shown_once_and_stored_encrypted(
    client: httpx.AsyncClient, world: World, session: AsyncSession, settings: Settings
) -> None:
    admin = await as_user(client, world, "a_admin")
    r = await create(client, admin, organisation_id=str(world.a.id))
    assert r.headers["cache-control"] == "no-store"
    secret = r.json()["secret"]
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) >= 24
    sub_id = r.json()["id"]
    url = f"{BASE}/{sub_id}"

    read = await client.get(url, headers=admin)
    assert "secret" not in read.json()
    assert all("secret" not in s for s in (await client.get(BASE, headers=admin)).json()["items"])
    patched = await client.patch(
        url, json={"description": "x"}, headers={**admin, "If-Match": read.headers["etag"]}
    )
    assert patched.status_code == 200, patched.text
    assert "secret" not in patched.json()

    row = await session.get_one(WebhookSubscription, uuid.UUID(sub_id))
    assert secret.removeprefix("whsec_") not in row.secret_encrypted
    assert decrypt_secret(settings.secret_key.get_secret_value(), row.id, row.secret_encrypted) == (
        secret
    )

    r = await client.post(f"{url}/rotate-secret", headers=admin)
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    rotated = r.json()["secret"]
    assert rotated.startswith("whsec_")
    assert rotated != secret
    assert r.json()["previous_secret_expires_at"] is not None
    assert "secret" not in (await client.get(url, headers=admin)).json()

    trail = (await session.scalars(select(AuditEvent).where(AuditEvent.record_id == sub_id))).all()
    assert {e.action for e in trail} == {
        "webhook_subscription.created",
        "webhook_subscription.updated",
        "webhook_subscription.secret_rotated",
    }
    dumped = json.dumps([e.changes for e in trail])
    for s in (secret, rotated):
        assert s.removeprefix("whsec_") not in dumped


async def test_who_may_manage_subscriptions(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    admin = await as_user(client, world, "a_admin")
    sub = (await create(client, admin, organisation_id=str(world.a.id))).json()
    url = f"{BASE}/{sub['id']}"
    calls = [
        ("GET", url, None),
        ("PATCH", url, {"description": "taken"}),
        ("DELETE", url, None),
        ("POST", f"{url}/rotate-secret", None),
        ("GET", f"{url}/deliveries", None),
    ]

    async def statuses(headers: dict[str, str]) -> set[int]:
        out = set()
        for method, path, body in calls:
            r = await client.request(method, path, json=body, headers={**headers, "If-Match": "*"})
            out.add(r.status_code)
        return out

    # Another organisation's admin: it does not exist; nor may they subscribe A.
    b_admin = await as_user(client, world, "b_admin")
    assert await statuses(b_admin) == {404}
    assert (await create(client, b_admin, organisation_id=str(world.a.id))).status_code == 404
    assert (await client.get(BASE, headers=b_admin)).json()["items"] == []
    assert (await client.get(f"{BASE}?organisation_id={world.a.id}", headers=b_admin)).json()[
        "items"
    ] == []
    # A's staff know the organisation but are not its admins.
    a_staff = await as_user(client, world, "a_staff")
    assert await statuses(a_staff) == {403}
    assert (await create(client, a_staff, organisation_id=str(world.a.id))).status_code == 403
    assert (await client.get(BASE, headers=a_staff)).json()["items"] == []
    # Partners see each other's organisations, still not each other's subscriptions.
    await make_partnership(session, world.a, world.b)
    b_admin = await as_user(client, world, "b_admin")
    assert await statuses(b_admin) == {404}
    assert (await create(client, b_admin, organisation_id=str(world.a.id))).status_code == 403
    # A platform administrator may.
    platform = await as_user(client, world, "platform")
    assert (await client.get(url, headers=platform)).status_code == 200
    # Nothing changed.
    r = await client.get(url, headers=admin)
    assert r.json()["description"] is None
    assert r.headers["etag"] == '"1"'
    # No subscription made by the refused creations, and the secret never rotated.
    session.expire_all()
    stored = (await session.scalars(select(WebhookSubscription))).all()
    assert [(str(s.id), s.secret_rotated_at) for s in stored] == [(sub["id"], None)]


async def test_an_api_client_subscribes_its_own_organisation_and_sees_only_its_own(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await as_user(client, world, "a_admin")
    admins = (await create(client, admin, organisation_id=str(world.a.id))).json()
    a_client = await client_token(client, world.clients["a"])
    r = await create(client, a_client)
    assert r.status_code == 201, r.text
    own = r.json()
    assert own["organisation_id"] == str(world.a.id)
    assert own["api_client_id"] == str(world.clients["a"].record.id)
    assert own["created_by_id"] is None
    assert own["secret"].startswith("whsec_")

    listed = (await client.get(BASE, headers=a_client)).json()["items"]
    assert [s["id"] for s in listed] == [own["id"]]
    assert (await client.get(f"{BASE}/{admins['id']}", headers=a_client)).status_code == 404
    r = await client.patch(
        f"{BASE}/{own['id']}", json={"is_active": False}, headers={**a_client, "If-Match": '"1"'}
    )
    assert r.status_code == 200
    # The organisation's admin sees and manages the client's subscription too.
    listed = (await client.get(BASE, headers=admin)).json()["items"]
    assert {s["id"] for s in listed} == {own["id"], admins["id"]}
    # Another organisation: neither B's client sees it nor may A's client subscribe B.
    b_client = await client_token(client, world.clients["b"])
    assert (await client.get(f"{BASE}/{own['id']}", headers=b_client)).status_code == 404
    assert (await create(client, a_client, organisation_id=str(world.b.id))).status_code == 404
    # People must say which organisation.
    assert (await create(client, admin)).status_code == 422


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("ftp://receiver.example.org/x", "https"),
        ("https://user:pw@receiver.example.org/x", "password"),
        ("https://receiver.example.org/x#frag", "fragment"),
        ("https://receiver.example.org:99999/x", "valid"),
        ("https://receiver.example.org/a b", "spaces"),
        ("/relative/path/only", "https"),
    ],
)
async def test_urls_that_cannot_receive_webhooks_are_refused(
    client: httpx.AsyncClient, world: World, url: str, problem: str
) -> None:
    admin = await as_user(client, world, "a_admin")
    r = await create(client, admin, organisation_id=str(world.a.id), url=url)
    assert r.status_code == 422
    assert problem in r.json()["errors"][0]["message"]


async def test_event_types_must_be_known(client: httpx.AsyncClient, world: World) -> None:
    admin = await as_user(client, world, "a_admin")
    for events in (["campaign.opened"], []):
        r = await create(client, admin, organisation_id=str(world.a.id), event_types=events)
        assert r.status_code == 422


def test_plain_http_only_to_loopback_in_production() -> None:
    production = Settings(
        env=Environment.production,
        database_url="postgresql+asyncpg://db/gwella",
        secret_key="x" * 40,
        public_url="https://gwella.example.org",
    )
    with pytest.raises(ValidationFailed):
        check_url("http://receiver.example.org/hooks", production)
    assert check_url("https://receiver.example.org/hooks", production)
    for loopback in ("http://127.0.0.1:8787/", "http://[::1]:8787/", "http://localhost/"):
        assert check_url(loopback, production) == loopback
    development = Settings(env=Environment.development)
    assert check_url("http://receiver.internal/hooks", development)


# ---------------------------------------------------------------------------- deliveries


async def test_admins_read_deliveries_and_attempts_and_redeliver(
    client: httpx.AsyncClient, world: World, hooks: Hooks, receiver: Receiver
) -> None:
    admin = await as_user(client, world, "a_admin")
    r = await create(client, admin, organisation_id=str(world.a.id), url=receiver.url)
    sub = r.json()
    action = uuid.uuid4()
    await hooks.emit(world.a, action)
    assert await hooks.step() == 1

    deliveries = f"{BASE}/{sub['id']}/deliveries"
    r = await client.get(f"{deliveries}?status=delivered", headers=admin)
    assert r.status_code == 200, r.text
    [d] = r.json()["items"]
    assert d["event_type"] == "action.status_changed"
    assert d["record_type"] == "action"
    assert d["record_id"] == str(action)
    assert d["attempt_count"] == 1
    assert d["next_attempt_at"] is None
    assert d["payload"]["id"] == d["event_id"] == receiver.requests[0].headers["webhook-id"]
    assert (await client.get(f"{deliveries}?status=failed", headers=admin)).json()["items"] == []
    r = await client.get(f"{deliveries}?event_type=response.created", headers=admin)
    assert r.json()["items"] == []
    assert (await client.get(f"{deliveries}?status=lost", headers=admin)).status_code == 422

    one = f"/api/v1/webhook-deliveries/{d['id']}"
    assert (await client.get(one, headers=admin)).json()["status"] == "delivered"
    r = await client.post(f"{one}/redeliver", headers=admin)
    assert r.status_code == 202, r.text
    assert r.json()["status"] == "pending"
    assert await hooks.step() == 1
    assert [q.headers["webhook-id"] for q in receiver.requests] == [d["event_id"]] * 2

    r = await client.get(f"{one}/attempts", headers=admin)
    tried = r.json()["items"]
    assert len(tried) == 2
    assert {a["status_code"] for a in tried} == {200}
    assert tried[0]["response_body"] == '{"received":true}'

    # Others: not found (another organisation) or not allowed (not an admin).
    b_admin = await as_user(client, world, "b_admin")
    a_staff = await as_user(client, world, "a_staff")
    for path in (one, f"{one}/attempts"):
        assert (await client.get(path, headers=b_admin)).status_code == 404
        assert (await client.get(path, headers=a_staff)).status_code == 403
    assert (await client.post(f"{one}/redeliver", headers=b_admin)).status_code == 404
    assert (await client.post(f"{one}/redeliver", headers=a_staff)).status_code == 403
    kept = (await client.get(one, headers=admin)).json()
    assert (kept["status"], kept["attempt_count"]) == ("delivered", 2)
    assert await hooks.step() == 0

    # While a worker holds it, a redelivery is refused rather than racing it.
    assert (await client.post(f"{one}/redeliver", headers=admin)).status_code == 202
    await claiming.claim_deliveries(
        hooks.sessionmaker,
        worker_id="busy",
        now=utcnow(),
        limit=5,
        lease=hooks.config.lease_for,
    )
    r = await client.post(f"{one}/redeliver", headers=admin)
    assert r.status_code == 409
    assert (
        await client.get("/api/v1/webhook-deliveries/" + str(uuid.uuid4()), headers=admin)
    ).status_code == 404
