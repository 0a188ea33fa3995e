"""The FastAPI app serves the built SPA at / with client-side routes falling back to
index.html, and never shadows /api."""

from __future__ import annotations

from pathlib import Path

import httpx

from gwella.main import create_app
from tests.conftest import make_settings


async def _client_for(dist: Path, database_url: str) -> tuple[object, httpx.AsyncClient]:
    app = create_app(make_settings(database_url, frontend_dist=dist))
    return app, httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


def _dist(tmp_path: Path) -> Path:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>Gwella</title><div id=root></div>")
    (dist / "assets" / "app-123.js").write_text("console.log('gwella')")
    (dist / "favicon.svg").write_text("<svg/>")
    (tmp_path / "secret.txt").write_text("not for you")
    return dist


async def test_spa_routes_fall_back_to_index(tmp_path: Path, database_url: str) -> None:
    app, client = await _client_for(_dist(tmp_path), database_url)
    async with app.router.lifespan_context(app), client:  # type: ignore[attr-defined]
        for path in ("/", "/admin/organisations", "/invitations/accept?token=abc"):
            r = await client.get(path)
            assert r.status_code == 200, path
            assert "<div id=root>" in r.text
            assert r.headers["cache-control"] == "no-cache"
        asset = await client.get("/assets/app-123.js")
        assert asset.text == "console.log('gwella')"
        assert "immutable" in asset.headers["cache-control"]
        assert (await client.get("/favicon.svg")).text == "<svg/>"


async def test_spa_never_shadows_the_api_or_leaves_its_folder(
    tmp_path: Path, database_url: str
) -> None:
    app, client = await _client_for(_dist(tmp_path), database_url)
    async with app.router.lifespan_context(app), client:  # type: ignore[attr-defined]
        api = await client.get("/api/v1/not-a-route")
        assert api.status_code == 404
        assert api.headers["content-type"] == "application/problem+json"
        escape = await client.get("/..%2Fsecret.txt")
        assert "not for you" not in escape.text


async def test_missing_build_says_how_to_build(tmp_path: Path, database_url: str) -> None:
    app, client = await _client_for(tmp_path / "nothing", database_url)
    async with app.router.lifespan_context(app), client:  # type: ignore[attr-defined]
        r = await client.get("/")
        assert r.status_code == 404
        assert "make run" in r.json()["detail"]
