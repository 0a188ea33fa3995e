"""A campaign is named in English or Welsh or both (issue 17); the public survey carries the
Welsh names of the campaign, the service and the organisation for a Welsh page."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.campaigns.models import Campaign
from tests.campaigns.test_campaigns import window
from tests.factories import make_org, make_service, make_user, sign_in
from tests.surveys import make_published_version

PROBLEM = "application/problem+json"


async def _arrange(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    board = await make_org(session, "Abermor Health Board")
    board.name_cy = "Bwrdd Iechyd Abermor"
    cmht = await make_service(session, board, name="Community team")
    cmht.name_cy = "Tîm cymunedol"
    await session.commit()
    staff = await sign_in(client, (await make_user(session, {board: [Role.staff]})).email)
    version = await make_published_version(session, board)
    return {"staff": staff, "cmht": cmht, "version": version}


def _body(w: dict[str, Any], **names: Any) -> dict[str, Any]:
    return {
        "instrument_version_id": str(w["version"].id),
        "service_ids": [str(w["cmht"].id)],
        **names,
        **window(),
    }


async def test_a_campaign_named_in_welsh_only_shows_its_welsh_names_publicly(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await _arrange(client, session)
    r = await client.post(
        "/api/v1/campaigns", headers=w["staff"], json=_body(w, name_cy="Profiad y gwanwyn")
    )
    assert r.status_code == 201, r.text
    assert (r.json()["name"], r.json()["name_cy"]) == (None, "Profiad y gwanwyn")

    links = (
        await client.get(f"/api/v1/campaigns/{r.json()['id']}/links", headers=w["staff"])
    ).json()
    assert (links[0]["service_name"], links[0]["service_name_cy"]) == (
        "Community team",
        "Tîm cymunedol",
    )
    survey = (await client.get(f"/api/v1/public/surveys/{links[0]['public_token']}")).json()
    assert (survey["campaign_name"], survey["campaign_name_cy"]) == (None, "Profiad y gwanwyn")
    assert survey["organisation_name_cy"] == "Bwrdd Iechyd Abermor"
    assert survey["service_name_cy"] == "Tîm cymunedol"
    qr = await client.get(links[0]["qr_svg_url"], headers=w["staff"])
    assert "Profiad y gwanwyn" in qr.text


async def test_a_campaign_needs_a_name_in_one_language_and_keeps_one(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await _arrange(client, session)
    for names in ({}, {"name": None, "name_cy": None}, {"name": "  "}):
        r = await client.post("/api/v1/campaigns", headers=w["staff"], json=_body(w, **names))
        assert r.status_code == 422, names
        assert r.headers["content-type"].startswith(PROBLEM)
    assert await session.scalar(select(func.count()).select_from(Campaign)) == 0

    made = await client.post(
        "/api/v1/campaigns", headers=w["staff"], json=_body(w, name="Spring", name_cy="Gwanwyn")
    )
    url = f"/api/v1/campaigns/{made.json()['id']}"
    english_gone = await client.patch(
        url, headers={**w["staff"], "If-Match": made.headers["etag"]}, json={"name": None}
    )
    assert english_gone.status_code == 200, english_gone.text
    assert (english_gone.json()["name"], english_gone.json()["name_cy"]) == (None, "Gwanwyn")
    nameless = await client.patch(
        url,
        headers={**w["staff"], "If-Match": english_gone.headers["etag"]},
        json={"name_cy": None},
    )
    assert nameless.status_code == 422
    assert nameless.json()["errors"][0]["field"] == "body.name"
    kept = (await client.get(url, headers=w["staff"])).json()
    assert (kept["name"], kept["name_cy"]) == (None, "Gwanwyn")
