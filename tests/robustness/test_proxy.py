"""Proxy headers: the address Gwella uses for limits and the audit is the one the trusted
proxy saw, never one the client wrote.

Each proxy appends the address it was reached from to ``X-Forwarded-For``; everything to the
left of what the trusted proxies wrote is the client's own writing, and so are
``Forwarded``, ``X-Real-IP`` and their cousins, which Gwella never reads. The deployments
below are the ones the README describes: no proxy (headers not trusted), one or two proxies
counted (``GWELLA_TRUSTED_PROXY_COUNT``) and proxies listed (``GWELLA_TRUSTED_PROXIES``)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request

from gwella.accounts.models import LoginAttempt, Role
from gwella.core.audit import AuditEvent
from gwella.core.config import Settings
from gwella.core.requests import client_address
from gwella.main import create_app
from tests.conftest import make_settings
from tests.factories import PASSWORD, make_org, make_service, make_user
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version

CLIENT = "203.0.113.50"  # the caller's real address


def _spoofs(i: int) -> dict[str, str]:
    """Everything a client can write to claim another address."""
    fake = f"198.51.100.{i + 1}"
    return {
        "Forwarded": f"for={fake};proto=https, for=192.0.2.{i + 1}",
        "X-Real-IP": fake,
        "True-Client-IP": fake,
        "CF-Connecting-IP": fake,
        "X-Client-IP": fake,
        "X-Cluster-Client-IP": fake,
    }


@dataclass(frozen=True)
class Deployment:
    """How Gwella is reached, and what the request looks like when it arrives."""

    name: str
    settings: dict[str, Any]
    peer: str  # who opened the connection to Gwella
    proxies_wrote: str  # what the trusted proxies appended to X-Forwarded-For ("" if none)
    forged_entries: int = 2  # how many entries the client writes into X-Forwarded-For

    def headers(self, i: int) -> list[tuple[str, str]]:
        """The client's forgeries, then what the proxies added; sometimes the client's own
        X-Forwarded-For line comes first as a separate header line."""
        forged = ", ".join([f"198.51.100.{i + 1}", f"10.0.0.{i + 1}"][: self.forged_entries])
        lines = list(_spoofs(i).items())
        if self.proxies_wrote and i % 2:
            return [*lines, ("X-Forwarded-For", forged), ("X-Forwarded-For", self.proxies_wrote)]
        written = f"{forged}, {self.proxies_wrote}" if self.proxies_wrote else forged
        return [*lines, ("X-Forwarded-For", written)]


DEPLOYMENTS = [
    Deployment("no proxy", {"trust_proxy_headers": False}, CLIENT, ""),
    Deployment(
        "one proxy counted",
        {"trust_proxy_headers": True, "trusted_proxy_count": 1},
        "10.1.1.1",
        CLIENT,
    ),
    Deployment(
        "two proxies counted",
        {"trust_proxy_headers": True, "trusted_proxy_count": 2},
        "10.1.1.2",
        f"{CLIENT}, 10.1.1.1",
    ),
    Deployment(
        "proxies listed",
        {"trust_proxy_headers": True, "trusted_proxies": ["10.1.0.0/16", "2001:db8::/32"]},
        "10.1.1.2",
        f"{CLIENT}, 2001:db8::7",
    ),
    # Reached directly although proxies are configured: what the client wrote is all there
    # is, and none of it may count. Counting cannot tell a proxy's entry from a client's, so
    # a client that reaches the service directly and writes as many entries as there are
    # proxies is believed: counted proxies need the service reachable only through them
    # (the README says so); listed proxies do not.
    Deployment(
        "two proxies counted, reached directly with fewer entries",
        {"trust_proxy_headers": True, "trusted_proxy_count": 2},
        CLIENT,
        "",
        forged_entries=1,
    ),
    Deployment(
        "proxies listed, reached directly",
        {"trust_proxy_headers": True, "trusted_proxies": ["10.1.0.0/16"]},
        CLIENT,
        "",
    ),
]


def _conn(peer: str | None, headers: list[tuple[str, str]]) -> Request:
    return Request(
        {
            "type": "http",
            "method": "GET",
            "path": "/",
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers],
            "client": (peer, 50000) if peer else None,
        }
    )


def _settings(**overrides: Any) -> Settings:
    return make_settings("sqlite+aiosqlite:///unused.db", **overrides)


@pytest.mark.parametrize("deployment", DEPLOYMENTS, ids=lambda d: d.name)
def test_forged_headers_never_change_the_address(deployment: Deployment) -> None:
    settings = _settings(**deployment.settings)
    for i in range(6):
        assert client_address(_conn(deployment.peer, deployment.headers(i)), settings) == CLIENT


@pytest.mark.parametrize(
    ("overrides", "peer", "forwarded_for", "expected"),
    [
        # Fewer hops than proxies: the one entry is the client's writing, not a proxy's.
        ({"trusted_proxy_count": 2}, "10.1.1.2", ["198.51.100.9"], "10.1.1.2"),
        ({"trusted_proxy_count": 3}, "10.1.1.3", ["198.51.100.9, 10.1.1.1"], "10.1.1.3"),
        # What a proxy wrote is an address; anything else is not taken.
        ({"trusted_proxy_count": 1}, "10.1.1.1", ["not-an-address"], "10.1.1.1"),
        ({"trusted_proxy_count": 1}, "10.1.1.1", [""], "10.1.1.1"),
        ({"trusted_proxy_count": 1}, "10.1.1.1", ["unknown"], "10.1.1.1"),
        # Ports and brackets are taken off; one address has one spelling.
        ({"trusted_proxy_count": 1}, "10.1.1.1", ["203.0.113.50:4711"], CLIENT),
        ({"trusted_proxy_count": 1}, "10.1.1.1", ["[2001:DB8:0::1]:443"], "2001:db8::1"),
        ({"trusted_proxy_count": 1}, "10.1.1.1", ["::ffff:203.0.113.50"], CLIENT),
        # Listed proxies: walk from the right past every trusted hop.
        (
            {"trusted_proxies": ["10.1.0.0/16"]},
            "10.1.1.3",
            ["198.51.100.9, 203.0.113.50, 10.1.1.1, 10.1.1.2"],
            CLIENT,
        ),
        # Every hop trusted: the furthest one is the best there is.
        ({"trusted_proxies": ["10.1.0.0/16"]}, "10.1.1.3", ["10.1.1.1, 10.1.1.2"], "10.1.1.1"),
        # A peer that is not a listed proxy is the caller, whatever it wrote.
        ({"trusted_proxies": ["10.1.0.0/16"]}, CLIENT, ["198.51.100.9, 10.1.1.1"], CLIENT),
        # An unreadable entry stops the walk at the last trusted hop.
        ({"trusted_proxies": ["10.1.0.0/16"]}, "10.1.1.3", ["garbage, 10.1.1.1"], "10.1.1.1"),
    ],
)
def test_the_address_is_what_a_trusted_proxy_saw(
    overrides: dict[str, Any], peer: str, forwarded_for: list[str], expected: str
) -> None:
    settings = _settings(trust_proxy_headers=True, **overrides)
    headers = [("X-Forwarded-For", v) for v in forwarded_for]
    assert client_address(_conn(peer, headers), settings) == expected


def test_trusted_proxies_are_read_from_a_comma_separated_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GWELLA_TRUSTED_PROXIES", "10.1.0.0/16, 2001:db8::/32,192.0.2.1")
    settings = Settings()
    assert [str(n) for n in settings.trusted_proxies] == [
        "10.1.0.0/16",
        "2001:db8::/32",
        "192.0.2.1/32",
    ]
    monkeypatch.setenv("GWELLA_TRUSTED_PROXIES", "10.1.0.0/16,nonsense")
    with pytest.raises(ValueError, match="trusted_proxies"):
        Settings()


# ------------------------------------------------------------- the limits and the audit


@pytest.fixture(params=DEPLOYMENTS, ids=lambda d: d.name)
def deployment(request: pytest.FixtureRequest) -> Deployment:
    value: Deployment = request.param
    return value


@pytest.fixture
async def proxied(database_url: str, deployment: Deployment) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(make_settings(database_url, public_submit_max=3, **deployment.settings))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=(deployment.peer, 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://gwella.test") as c:
            yield c


async def test_forged_headers_do_not_escape_the_submission_limit(
    proxied: httpx.AsyncClient, deployment: Deployment, session: AsyncSession
) -> None:
    org = await make_org(session)
    service = await make_service(session, org, code=f"S{uuid.uuid4().hex[:6]}")
    version = await make_published_version(session, org, code=f"px{uuid.uuid4().hex[:6]}")
    _, links = await make_campaign(session, version, [service])
    url = f"/api/v1/public/surveys/{links[service.id].public_token}/responses"
    statuses = []
    for i in range(5):
        r = await proxied.post(
            url,
            headers=deployment.headers(i),
            json={"submission_id": str(uuid.uuid4()), "answers": VALID_ANSWERS},
        )
        statuses.append(r.status_code)
    assert statuses == [201, 201, 201, 429, 429]


async def test_forged_headers_do_not_reach_the_audit_or_the_sign_in_limits(
    proxied: httpx.AsyncClient, deployment: Deployment, session: AsyncSession
) -> None:
    org = await make_org(session)
    user = await make_user(session, {org: [Role.staff]})
    for i in range(3):
        r = await proxied.post(
            "/api/v1/auth/token",
            headers=deployment.headers(i),
            data={"grant_type": "password", "username": user.email, "password": "wrong guess"},
        )
        assert r.status_code == 400
    r = await proxied.post(
        "/api/v1/auth/token",
        headers=deployment.headers(3),
        data={"grant_type": "password", "username": user.email, "password": PASSWORD},
    )
    assert r.status_code == 200, r.text
    bearer = {"Authorization": f"Bearer {r.json()['access_token']}"}
    etag = (await proxied.get("/api/v1/users/me", headers=bearer)).headers["etag"]
    changed = await proxied.patch(
        "/api/v1/users/me",
        headers=[*deployment.headers(4), ("If-Match", etag), *bearer.items()],
        json={"display_name": "Proxied Person"},
    )
    assert changed.status_code == 200, changed.text
    failures = set(await session.scalars(select(LoginAttempt.client_address)))
    audited = {
        e.action: e.client_address
        for e in await session.scalars(select(AuditEvent).where(AuditEvent.actor_id == user.id))
    }
    assert failures <= {CLIENT}  # counted against the real address (or forgotten)
    assert audited["session.signed_in"] == CLIENT
    assert audited["user.updated"] == CLIENT
