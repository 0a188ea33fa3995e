"""The API documentation page (/api/docs) runs Swagger UI from this server alone: its files
come with the built SPA (frontend/vite.config.ts copies them from swagger-ui-dist), it has no
inline script, and its Content-Security-Policy allows nothing but this server."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest

from gwella.core.config import Settings
from gwella.main import API_DOCS_ASSETS, API_DOCS_FILES, create_app
from tests.conftest import make_settings

CDN_HOSTS = ("jsdelivr", "unpkg", "cdnjs", "googleapis", "swagger.io", "tiangolo")
MEDIA_TYPES = {
    ".css": {"text/css"},
    ".js": {"text/javascript", "application/javascript"},
    ".svg": {"image/svg+xml"},
}


class _Page(HTMLParser):
    """What a page refers to, and its inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.references: list[str] = []
        self.inline_scripts: list[str] = []
        self.openapi_url: str | None = None
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href"):
            if values.get(name):
                self.references.append(str(values[name]))
        if values.get("data-openapi-url"):
            self.openapi_url = values["data-openapi-url"]
        self._in_script = tag == "script" and "src" not in values

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts.append(data)


def _csp(response: httpx.Response) -> dict[str, list[str]]:
    policies = response.headers.get_list("content-security-policy")
    assert len(policies) == 1, policies
    return {d.split()[0]: d.split()[1:] for d in policies[0].split(";") if d.strip()}


def _fake_dist(tmp_path: Path) -> Path:
    dist = tmp_path / "dist"
    (dist / API_DOCS_ASSETS).mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>Gwella</title><div id=root></div>")
    (dist / "favicon.svg").write_text("<svg/>")
    for name in API_DOCS_FILES:
        (dist / API_DOCS_ASSETS / name).write_text(f"/* {name} */")
    return dist


async def _check_docs_page(client: httpx.AsyncClient) -> _Page:
    """The page, its policy, and every file it names, as any deployment must serve them."""
    r = await client.get("/api/docs")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")

    # Nothing outside this server: no absolute or protocol-relative address in the page.
    assert not re.search(r"https?:|//[a-z0-9]", r.text, re.IGNORECASE), r.text
    page = _Page()
    page.feed(r.text)
    assert page.inline_scripts == [], "the start-up code is a served file, not inline"
    assert page.references
    for ref in page.references:
        assert ref.startswith("/"), ref
        assert not ref.startswith("//"), ref

    csp = _csp(r)
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    for directive, sources in csp.items():
        assert "'unsafe-inline'" not in sources, directive
        assert "'unsafe-eval'" not in sources, directive
        assert "*" not in sources, directive
        for source in sources:
            assert not source.startswith(("http:", "https:")), (directive, source)
            assert not any(host in source for host in CDN_HOSTS), (directive, source)

    for ref in page.references:
        if ref == page.openapi_url:
            continue  # the <noscript> link to the spec, checked below
        asset = await client.get(ref)
        assert asset.status_code == 200, ref
        suffix = Path(ref).suffix
        assert asset.headers["content-type"].split(";")[0] in MEDIA_TYPES[suffix], ref
        assert asset.headers["x-content-type-options"] == "nosniff"
        assert not asset.text.lstrip().lower().startswith("<!doctype"), (ref, "not the SPA")
    assert {f"/{API_DOCS_ASSETS}/{name}" for name in API_DOCS_FILES} <= set(page.references)

    assert page.openapi_url == "/api/v1/openapi.json"
    spec = await client.get(page.openapi_url)
    assert spec.status_code == 200
    assert spec.json()["openapi"].startswith("3.")
    return page


async def test_docs_page_uses_only_this_server(tmp_path: Path, database_url: str) -> None:
    app = create_app(make_settings(database_url, frontend_dist=_fake_dist(tmp_path)))
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://t") as client,
    ):
        await _check_docs_page(client)
        assert (await client.get("/api/docs")).headers["cache-control"] == "no-cache"
        # Elsewhere the app's own policy still holds; ReDoc and FastAPI's OAuth2 redirect
        # page are not served.
        home = await client.get("/")
        assert _csp(home)["style-src"] == ["'self'", "'unsafe-inline'"]
        assert _csp(home)["default-src"] == ["'self'"]
        redoc = await client.get("/api/redoc")
        assert redoc.status_code == 404
        assert redoc.headers["content-type"] == "application/problem+json"
        assert _csp(redoc)["default-src"] == ["'self'"]


async def test_docs_page_without_a_build_says_how_to_build(
    tmp_path: Path, database_url: str
) -> None:
    app = create_app(make_settings(database_url, frontend_dist=tmp_path / "nothing"))
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://t") as client,
    ):
        r = await client.get("/api/docs")
        assert r.status_code == 404
        assert r.headers["content-type"] == "application/problem+json"
        detail = r.json()["detail"]
        assert "make run" in detail
        assert "/api/v1/openapi.json" in detail
        assert (await client.get("/api/v1/openapi.json")).status_code == 200


async def test_docs_page_with_the_real_build(settings: Settings, client: Any) -> None:
    """The files that `npm run build` really produces (the browser journey in
    frontend/e2e also renders the page from them under its policy)."""
    if not (settings.frontend_dist / "index.html").is_file():
        pytest.skip("frontend/dist is not built here (make frontend); the e2e suite builds it")
    missing = [
        name
        for name in API_DOCS_FILES
        if not (settings.frontend_dist / API_DOCS_ASSETS / name).is_file()
    ]
    assert not missing, f"frontend/dist predates these files; run `make frontend`: {missing}"
    await _check_docs_page(client)
    bundle = await client.get(f"/{API_DOCS_ASSETS}/swagger-ui-bundle.js")
    assert "SwaggerUIBundle" in bundle.text
