"""Webhooks never reach inside: with GWELLA_WEBHOOK_ALLOW_PRIVATE off (production's default)
a URL whose host is, or resolves to, a private, loopback, link-local, cloud-metadata or
otherwise non-public address is refused when subscribing (422) and when delivering (the
attempt fails with the reason, once, not retried); every address a name resolves to is
checked, the connection goes to the address checked (no second lookup to rebind), and
redirects are never followed."""

from __future__ import annotations

import urllib.parse
import uuid
from collections.abc import Awaitable, Callable

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.core.config import Environment, Settings
from gwella.core.database import utcnow
from gwella.organisations.models import Organisation
from gwella.webhooks import destinations
from gwella.webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookSubscription,
)
from tests.conftest import make_settings
from tests.factories import World, make_world, sign_in
from tests.webhooks.conftest import Hooks
from tests.webhooks.receiver import Receiver

BASE = "/api/v1/webhook-subscriptions"
PUBLIC = "93.184.216.34"  # a public address (never connected to: these tests stay local)

INSIDE = [
    ("https://10.0.0.5/hooks", "private"),
    ("https://172.16.3.4/hooks", "private"),
    ("https://192.168.1.20/hooks", "private"),
    ("https://127.0.0.1:8787/hooks", "loopback"),
    ("http://127.0.0.1:8787/hooks", "loopback"),
    ("https://127.8.9.10/hooks", "loopback"),
    ("https://[::1]/hooks", "loopback"),
    ("https://[fd12:3456::1]/hooks", "private"),
    ("https://[fe80::1]/hooks", "link-local"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("https://100.64.1.2/hooks", "shared"),
    ("https://0.0.0.0/hooks", "this network"),
    ("https://[::ffff:10.0.0.5]/hooks", "private"),
    ("https://[::ffff:169.254.169.254]/hooks", "link-local"),
    ("https://[64:ff9b::a9fe:a9fe]/hooks", "link-local"),  # NAT64 of 169.254.169.254
    ("https://[2002:c0a8:101::1]/hooks", "private"),  # 6to4 of 192.168.1.1
    ("https://[::]/hooks", "unspecified"),
    ("https://224.0.0.1/hooks", "multicast"),
    ("https://localhost/hooks", "loopback"),
]


@pytest.fixture
def settings(database_url: str) -> Settings:
    """As in production: private destinations refused."""
    return make_settings(database_url, webhook_allow_private=False)


class FakeDNS:
    """Names resolved as a test says (any other as the system does), every lookup noted."""

    def __init__(self, real: Callable[[str, int], Awaitable[list[str]]]) -> None:
        self.names: dict[str, list[str]] = {}
        self.lookups: list[str] = []
        self._real = real

    def __setitem__(self, name: str, addresses: list[str]) -> None:
        self.names[name] = addresses

    async def resolve(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        if host in self.names:
            return self.names[host]
        return await self._real(host, port)


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> FakeDNS:
    fake = FakeDNS(destinations.resolve)
    monkeypatch.setattr(destinations, "resolve", fake.resolve)
    return fake


def allow_only_127_0_0_1(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat 127.0.0.1 (the test receiver) as if it were a public address."""
    real = destinations.refusal

    def refusal(address: destinations.IPAddress) -> str | None:
        return None if str(address) == "127.0.0.1" else real(address)

    monkeypatch.setattr(destinations, "refusal", refusal)


@pytest.fixture
async def world(session: AsyncSession) -> World:
    return await make_world(session)


async def subscribe(
    client: httpx.AsyncClient, world: World, url: str
) -> tuple[httpx.Response, dict[str, str]]:
    admin = await sign_in(client, world.users["a_admin"].email)
    body = {"organisation_id": str(world.a.id), "url": url, "event_types": ["response.created"]}
    return await client.post(BASE, json=body, headers=admin), admin


async def subscriptions(maker: async_sessionmaker[AsyncSession]) -> int:
    async with maker() as s:
        return int(await s.scalar(select(func.count()).select_from(WebhookSubscription)) or 0)


# ------------------------------------------------------------------------- subscribing


@pytest.mark.parametrize(("url", "kind"), INSIDE)
async def test_a_url_inside_the_network_is_refused_at_subscription(
    client: httpx.AsyncClient,
    world: World,
    sessionmaker: async_sessionmaker[AsyncSession],
    url: str,
    kind: str,
) -> None:
    r, _ = await subscribe(client, world, url)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    [error] = r.json()["errors"]
    assert error["field"] == "body.url"
    assert kind in error["message"]
    assert "GWELLA_WEBHOOK_ALLOW_PRIVATE" in error["message"]
    assert await subscriptions(sessionmaker) == 0


async def test_a_name_is_refused_if_any_address_it_resolves_to_is_inside(
    client: httpx.AsyncClient,
    world: World,
    sessionmaker: async_sessionmaker[AsyncSession],
    dns: FakeDNS,
) -> None:
    dns["hooks.partner.test"] = [PUBLIC, "10.20.30.40"]
    dns["metadata.partner.test"] = ["169.254.169.254"]
    dns["ok.partner.test"] = [PUBLIC, "2606:4700::1111"]
    for name, address, kind in (
        ("hooks.partner.test", "10.20.30.40", "private"),
        ("metadata.partner.test", "169.254.169.254", "link-local"),
    ):
        r, _ = await subscribe(client, world, f"https://{name}/hooks")
        assert r.status_code == 422, r.text
        message = r.json()["errors"][0]["message"]
        assert name in message
        assert address in message
        assert kind in message
    assert await subscriptions(sessionmaker) == 0
    r, _ = await subscribe(client, world, "https://ok.partner.test/hooks")
    assert r.status_code == 201, r.text


async def test_a_name_that_does_not_resolve_is_refused(
    client: httpx.AsyncClient, world: World, dns: FakeDNS
) -> None:
    r, _ = await subscribe(client, world, "https://no-such-host.invalid/hooks")
    assert r.status_code == 422
    assert "resolve" in r.json()["errors"][0]["message"]


async def test_changing_the_url_to_an_inside_one_is_refused_and_changes_nothing(
    client: httpx.AsyncClient,
    world: World,
    sessionmaker: async_sessionmaker[AsyncSession],
    dns: FakeDNS,
) -> None:
    dns["ok.partner.test"] = [PUBLIC]
    r, admin = await subscribe(client, world, "https://ok.partner.test/hooks")
    assert r.status_code == 201, r.text
    url = f"{BASE}/{r.json()['id']}"
    r = await client.patch(
        url,
        json={"url": "http://169.254.169.254/latest/meta-data/"},
        headers={**admin, "If-Match": '"1"'},
    )
    assert r.status_code == 422
    kept = (await client.get(url, headers=admin)).json()
    assert kept["url"] == "https://ok.partner.test/hooks"
    assert kept["version"] == 1


# --------------------------------------------------------------------------- delivering


async def stored_subscription(
    maker: async_sessionmaker[AsyncSession], hooks: Hooks, org: Organisation, url: str
) -> WebhookSubscription:
    """A subscription to ``url`` as it might be stored before the rule, or when its name
    resolved elsewhere: delivery has to check again."""
    allowed = make_settings(hooks.settings.database_url, webhook_allow_private=True)
    previous, hooks.settings = hooks.settings, allowed
    try:
        sub, _ = await hooks.subscribe(org, url=url)
    finally:
        hooks.settings = previous
    return sub


async def only(maker: async_sessionmaker[AsyncSession]) -> tuple[WebhookDelivery, list[str]]:
    async with maker() as s:
        [delivery] = list(await s.scalars(select(WebhookDelivery)))
        errors = list(await s.scalars(select(WebhookAttempt.error)))
    return delivery, [e or "" for e in errors]


async def test_delivery_to_an_inside_address_fails_once_with_the_reason(
    sessionmaker: async_sessionmaker[AsyncSession],
    hooks: Hooks,
    receiver: Receiver,
    org: Organisation,
) -> None:
    await stored_subscription(sessionmaker, hooks, org, receiver.url)  # 127.0.0.1
    await hooks.emit(org, uuid.uuid4())
    assert await hooks.step() == 1
    assert receiver.requests == [], "nothing may reach an inside address"
    delivery, [error] = await only(sessionmaker)
    assert delivery.status is DeliveryStatus.failed  # not retried for a day
    assert delivery.attempt_count == 1
    assert "127.0.0.1" in error
    assert "loopback" in error
    assert "GWELLA_WEBHOOK_ALLOW_PRIVATE" in error
    assert delivery.last_error == error
    assert await hooks.step(utcnow().replace(year=utcnow().year + 1)) == 0


async def test_delivery_checks_the_name_again_and_every_address(
    sessionmaker: async_sessionmaker[AsyncSession],
    hooks: Hooks,
    receiver: Receiver,
    org: Organisation,
    dns: FakeDNS,
) -> None:
    """Public when subscribed, then the name points inside (DNS rebinding): refused."""
    dns["hooks.partner.test"] = [PUBLIC]
    await hooks.subscribe(org, url=f"http://hooks.partner.test:{receiver.port}/hooks")
    dns["hooks.partner.test"] = [PUBLIC, "127.0.0.1"]
    await hooks.emit(org, uuid.uuid4())
    assert await hooks.step() == 1
    assert receiver.requests == []
    delivery, [error] = await only(sessionmaker)
    assert delivery.status is DeliveryStatus.failed
    assert "hooks.partner.test" in error
    assert "127.0.0.1" in error


async def test_delivery_connects_to_the_address_it_checked(
    sessionmaker: async_sessionmaker[AsyncSession],
    hooks: Hooks,
    receiver: Receiver,
    org: Organisation,
    dns: FakeDNS,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The name is looked up once, by the check, and the connection goes to that address:
    a name the system cannot resolve at all still reaches the receiver (no second lookup
    that could answer differently), with its own name in the Host header."""
    allow_only_127_0_0_1(monkeypatch)
    dns["hooks.rebind.invalid"] = ["127.0.0.1"]
    sub = await stored_subscription(
        sessionmaker, hooks, org, f"http://hooks.rebind.invalid:{receiver.port}/hooks"
    )
    await hooks.emit(org, uuid.uuid4())
    assert await hooks.step() == 1
    [request] = receiver.requests
    assert request.headers["host"] == f"hooks.rebind.invalid:{receiver.port}"
    delivery, _ = await only(sessionmaker)
    assert delivery.status is DeliveryStatus.delivered
    assert delivery.subscription_id == sub.id
    assert dns.lookups == ["hooks.rebind.invalid"]


async def test_a_redirect_is_not_followed(
    sessionmaker: async_sessionmaker[AsyncSession],
    hooks: Hooks,
    receiver: Receiver,
    org: Organisation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Even from an allowed receiver, a redirect (here to the cloud metadata address) is
    an answer that failed, never a request elsewhere."""
    allow_only_127_0_0_1(monkeypatch)
    await stored_subscription(sessionmaker, hooks, org, receiver.url)
    receiver.mode = "redirect"
    await hooks.emit(org, uuid.uuid4())
    assert await hooks.step() == 1
    assert len(receiver.requests) == 1
    delivery, [error] = await only(sessionmaker)
    assert delivery.status is DeliveryStatus.pending  # an ordinary failed answer: retried
    assert delivery.last_status_code == 307
    assert "307" in error


# ----------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", PUBLIC, "2606:4700::1111", "2a00:1450:4009:81f::200e", "::ffff:8.8.8.8"],
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert destinations.refusal(destinations.parse(address)) is None


@pytest.mark.parametrize(
    "address",
    [str(urllib.parse.urlsplit(u).hostname) for u, _ in INSIDE[:-1]]
    + ["255.255.255.255", "192.0.2.1", "198.18.0.1", "fec0::1", "2001:db8::1", "::10.0.0.1"],
)
def test_inside_addresses_are_refused(address: str) -> None:
    assert destinations.refusal(destinations.parse(address))


def test_private_destinations_are_allowed_by_default_only_in_development() -> None:
    assert Settings(env=Environment.development).webhook_allow_private is True
    assert Settings(env=Environment.test).webhook_allow_private is False
    production = {
        "database_url": "postgresql+asyncpg://db/g",
        "secret_key": "x" * 40,
        "public_url": "https://gwella.example.org",
    }
    assert Settings(env=Environment.production, **production).webhook_allow_private is False
    allowed = Settings(env=Environment.production, webhook_allow_private=True, **production)
    assert allowed.webhook_allow_private is True
