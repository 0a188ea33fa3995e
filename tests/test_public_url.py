"""Every link and QR code the app prints answers on the address it serves (issue 17, item 1).

`make run PORT=8765` once printed posters whose links and QR codes went to :8000. Without
GWELLA_PUBLIC_URL, outside production, the address `gwella serve` serves stands in for it;
production refuses to start without it. The app here is built as `gwella serve` builds it
(``create_app()`` from the process settings, once ``serve`` has run), so what is checked is what
a person running it would print.
"""

from __future__ import annotations

import io
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import segno
import uvicorn
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import cli
from gwella.accounts.models import Role, Scope
from gwella.campaigns.enums import Channel
from gwella.core.config import Environment, Settings, get_settings, served_url
from gwella.core.database import utcnow
from gwella.core.mail import MemoryMailSender
from gwella.main import create_app
from tests.factories import client_token, make_api_client, make_org, make_service, make_user
from tests.factories import sign_in as sign_in_as
from tests.fhir.support import VALID_ITEMS
from tests.surveys import make_campaign, make_published_version

PORT = 8765
SERVED = f"http://127.0.0.1:{PORT}"
URL = re.compile(r"https?://[^\s\"'<>]+")


def _qr_of(url: str, title: str, scale: int) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=scale, border=4, xmldecl=False, title=title
    )
    return buffer.getvalue()


@pytest.fixture
def served(
    monkeypatch: pytest.MonkeyPatch, database_url: str, tmp_path: Path
) -> Iterator[dict[str, Any]]:
    """``gwella serve --port 8765`` with no GWELLA_PUBLIC_URL (uvicorn itself stubbed out), and
    a stand-in for the built SPA (its pages are index.html)."""
    for name in ("GWELLA_PUBLIC_URL", "HOST", "PORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    (tmp_path / "index.html").write_text("<!doctype html><title>Gwella</title>")
    monkeypatch.setenv("GWELLA_FRONTEND_DIST", str(tmp_path))
    monkeypatch.setenv("GWELLA_PUBLIC_BURST_MAX", "10000")
    ran: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: ran.update(app=app, **kwargs))
    get_settings.cache_clear()
    try:
        cli.serve(get_settings(), "127.0.0.1", PORT, 1)
        yield ran
    finally:
        get_settings.cache_clear()


@pytest.fixture
async def http(served: dict[str, Any]) -> AsyncIterator[httpx.AsyncClient]:
    assert served["app"] == "gwella.main:create_app"
    assert served["factory"] is True
    assert served["port"] == PORT
    application = create_app(mail=MemoryMailSender())  # what uvicorn's factory call makes
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application, client=("203.0.113.7", 50000))
        async with httpx.AsyncClient(transport=transport, base_url=SERVED) as client:
            client.app = application  # type: ignore[attr-defined]
            yield client


async def test_every_printed_link_and_qr_code_uses_the_served_address(
    http: httpx.AsyncClient, served: dict[str, Any]
) -> None:
    app: Any = http.app  # type: ignore[attr-defined]
    assert get_settings().public_url == SERVED
    async with app.state.sessionmaker() as session:
        session: AsyncSession
        org = await make_org(session)
        north = await make_service(session, org, code="CMHT-N")
        admin = await make_user(session, {org: [Role.admin]})
        version = await make_published_version(session, org)
        campaign, _ = await make_campaign(
            session, version, [north], channels=(Channel.web, Channel.partner)
        )
        api = await make_api_client(session, org, [Scope.read, Scope.responses_write])
        await session.commit()
    headers = await sign_in_as(http, admin.email)
    printed: list[str] = []

    # Campaign links, and the QR code of each: the same link, encoded.
    r = await http.get(f"/api/v1/campaigns/{campaign.id}/links", headers=headers)
    assert r.status_code == 200, r.text
    [link] = r.json()
    assert link["url"].startswith(f"{SERVED}/s/")
    printed.append(link["url"])
    r = await http.get(link["qr_svg_url"], headers=headers)
    assert r.status_code == 200
    assert r.content == _qr_of(link["url"], f"Survey: {campaign.name}", 8)

    # Access-code cards: the link with the code, as text and as a QR code.
    r = await http.post(
        f"/api/v1/campaigns/{campaign.id}/access-codes",
        headers=headers,
        json={"service_id": str(north.id), "count": 2},
    )
    assert r.status_code == 201, r.text
    for card in r.json()["codes"]:
        assert card["url"] == f"{link['url']}?code={card['code']}"
        assert card["qr_svg"] == _qr_of(card["url"], campaign.name, 4).decode()
        printed.append(card["url"])

    # Invitation links, in the mail people receive.
    r = await http.post(
        "/api/v1/invitations",
        headers=headers,
        json={"email": "new@example.org", "organisation_id": str(org.id), "role": "staff"},
    )
    assert r.status_code == 201, r.text
    [message] = app.state.mail.outbox
    invitation_links = URL.findall(message.body)
    assert invitation_links, message.body
    printed.extend(invitation_links)

    # FHIR: the CapabilityStatement's URL, a Questionnaire's canonical URL, and Location.
    r = await http.get("/fhir/r4/metadata")
    assert r.status_code == 200
    fhir_base = r.json()["implementation"]["url"]
    printed.append(fhir_base)
    fhir_headers = {**await client_token(http, api), "Content-Type": "application/fhir+json"}
    r = await http.get(f"/fhir/r4/Questionnaire/{version.id}", headers=fhir_headers)
    assert r.status_code == 200, r.text
    canonical = r.json()["url"]
    printed.append(canonical)
    r = await http.post(
        "/fhir/r4/QuestionnaireResponse",
        headers=fhir_headers,
        json={
            "resourceType": "QuestionnaireResponse",
            "identifier": {"system": "https://pas.example.test/responses", "value": "PAS-1"},
            "questionnaire": f"{canonical}|1",
            "status": "completed",
            "subject": {"identifier": {"system": "urn:gwella:service", "value": "CMHT-N"}},
            "authored": utcnow().isoformat(),
            "item": VALID_ITEMS,
        },
    )
    assert r.status_code == 201, r.text
    printed.append(r.headers["Location"])

    assert len(printed) >= 7
    for url in printed:
        parts = urlsplit(url)
        assert f"{parts.scheme}://{parts.netloc}" == SERVED, url
    # Each one answers on that address: the page (the SPA's), and what the page asks the API
    # for with what the link carries; the FHIR Location for its pusher; the FHIR base by its
    # metadata. The canonical URL is a name, not a page (FHIR canonical URLs need not resolve).
    for url in printed:
        if url == canonical:
            continue
        parts = urlsplit(url)
        page = f"{url}/metadata" if url == fhir_base else url  # the base is for Bundles
        r = await http.get(page, headers=fhir_headers if "/fhir/" in parts.path else {})
        assert r.status_code == 200, (url, r.status_code)
        if parts.path.startswith("/s/"):
            token = parts.path.removeprefix("/s/")
            r = await http.get(f"/api/v1/public/surveys/{token}")
            assert r.status_code == 200, (url, r.text)
        elif parts.path == "/invitations/accept":
            token = parse_qs(parts.query)["token"][0]
            r = await http.post("/api/v1/invitations/inspect", json={"token": token})
            assert r.status_code == 200, (url, r.text)


def test_an_address_given_wins_over_the_served_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GWELLA_PUBLIC_URL", "https://gwella.example.org/")
    ran: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: ran.update(kwargs))
    get_settings.cache_clear()
    try:
        cli.serve(get_settings(), "127.0.0.1", PORT, 1)
        assert get_settings().public_url == "https://gwella.example.org"
    finally:
        get_settings.cache_clear()
    assert ran["port"] == PORT


@pytest.mark.parametrize(
    ("host", "port", "expected"),
    [
        ("127.0.0.1", 8765, "http://127.0.0.1:8765"),
        ("", "", "http://127.0.0.1:8000"),
        ("0.0.0.0", 9000, "http://127.0.0.1:9000"),  # noqa: S104 - a wildcard read, not bound
        ("::", 9000, "http://[::1]:9000"),
        ("::1", 9000, "http://[::1]:9000"),
        ("gwella.local", 80, "http://gwella.local:80"),
    ],
)
def test_the_served_address(host: str, port: str | int, expected: str) -> None:
    assert served_url(host, port) == expected


def test_unset_outside_production_it_is_the_make_run_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("GWELLA_PUBLIC_URL", raising=False)
    monkeypatch.setenv("HOST", "127.0.0.1")
    monkeypatch.setenv("PORT", "8765")
    settings = Settings(env=Environment.development)
    assert settings.public_url == SERVED
    assert settings.public_url_derived


def test_production_refuses_to_start_without_a_public_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("GWELLA_PUBLIC_URL", raising=False)
    with pytest.raises(ValidationError, match="GWELLA_PUBLIC_URL must be set in production"):
        Settings(
            env=Environment.production,
            database_url="postgresql+asyncpg://db/gwella",
            secret_key="x" * 40,
        )


@pytest.mark.parametrize("value", ["gwella.example.org", "ftp://gwella.example.org", "https://"])
def test_a_public_url_that_is_no_web_address_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="http or https address"):
        Settings(public_url=value)
