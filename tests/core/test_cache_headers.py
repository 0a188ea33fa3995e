"""No cache keeps what a signed-in person or partner system was shown: every answer to an
authenticated request, and every API answer by default, is ``Cache-Control: no-store``; the
web app's fingerprinted files stay cacheable."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import Depends, Response
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.dependencies import public
from gwella.main import create_app
from tests.conftest import make_settings
from tests.robustness.seed import seed

# Never-ending event streams (they set no-store themselves; tests/test_stream.py).
STREAMS = {"getStream"}


def _get_operations(spec: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (path, op["operationId"])
        for path, operations in spec["paths"].items()
        for method, op in operations.items()
        if method == "get" and op["operationId"] not in STREAMS
    ]


def _fill(path: str, known: dict[str, str]) -> str:
    """The path with a real record's id for each parameter the seed has; any other id is a
    made-up one (its 404 must not be stored either)."""
    return re.sub(r"\{(\w+)\}", lambda m: known.get(m.group(1), str(uuid.uuid4())), path)


async def test_every_read_by_a_signed_in_caller_is_no_store(
    app: Any, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    seeded = await seed(session, client)
    operations = _get_operations(app.openapi())
    assert len(operations) >= 60
    wrong: list[str] = []
    served = 0
    for role in ("org_admin", "service_user", "platform_admin", "api_client"):
        headers = await seeded.headers(client, role)
        for path, op_id in operations:
            r = await client.get(_fill(path, seeded.known), headers=headers)
            served += r.status_code == 200
            if r.headers.get("cache-control") != "no-store":
                wrong.append(f"{role} {op_id} {r.status_code}: {r.headers.get('cache-control')}")
    assert not wrong, "cacheable answers to signed-in callers:\n" + "\n".join(wrong)
    assert served >= 2 * len(operations)  # real answers, not only refusals


async def test_answers_to_anonymous_api_calls_are_not_stored_either(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    seeded = await seed(session, client)
    for url in (
        f"/api/v1/public/surveys/{seeded.campaign_token}",  # survey page: state changes
        "/api/v1/users/me",  # 401
        "/api/v1/openapi.json",
        "/healthz",
        "/fhir/r4/metadata",
    ):
        r = await client.get(url)
        assert r.headers["cache-control"] == "no-store", url


async def test_a_route_may_declare_a_public_answer_cacheable_and_it_varies_by_caller(
    database_url: str,
) -> None:
    app = create_app(make_settings(database_url))

    async def cacheable(response: Response) -> dict[str, str]:
        response.headers["Cache-Control"] = "public, max-age=60"
        return {"hello": "world"}

    app.add_api_route("/api/v1/cacheable", cacheable, dependencies=[Depends(public("test"))])
    app.router.routes.insert(0, app.router.routes.pop())  # before the SPA's catch-all
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://t") as c,
    ):
        anonymous = await c.get("/api/v1/cacheable")
        signed = await c.get("/api/v1/cacheable", headers={"Authorization": "Bearer gwu_x"})
    assert anonymous.headers["cache-control"] == "public, max-age=60"
    vary = {v.strip().lower() for v in anonymous.headers["vary"].split(",")}
    assert {"authorization", "accept-language"} <= vary
    assert signed.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("authorization", [None, "Bearer gwu_whatever"])
async def test_the_web_apps_files_stay_cacheable(
    tmp_path: Path, database_url: str, authorization: str | None
) -> None:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><div id=root></div>")
    (dist / "assets" / "app-123.js").write_text("console.log('gwella')")
    app = create_app(make_settings(database_url, frontend_dist=dist))
    headers = {"Authorization": authorization} if authorization else {}
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://t") as c,
    ):
        asset = await c.get("/assets/app-123.js", headers=headers)
        index = await c.get("/campaigns", headers=headers)
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert index.headers["cache-control"] == "no-cache"
