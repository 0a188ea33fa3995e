"""A partnership's description in Welsh (issue 17): written in either language or both, kept
and shown as written, and members' Welsh names read beside their English ones."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from tests.factories import make_org, make_partnership, make_user, sign_in


async def test_a_partnership_is_described_in_welsh_only_or_in_both(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    a = await make_org(session, "Abermor Health Board")
    b = await make_org(session, "Abermor Council")
    platform = await sign_in(client, (await make_user(session, platform_admin=True)).email)
    welsh = "Cydweithio i wella gwasanaethau iechyd meddwl"
    r = await client.post(
        "/api/v1/partnerships",
        headers=platform,
        json={"name": "Abermor", "description_cy": welsh, "organisation_ids": [str(a.id)]},
    )
    assert r.status_code == 201, r.text
    assert (r.json()["description"], r.json()["description_cy"]) == (None, welsh)

    p = await make_partnership(session, a, b)
    a.name_cy = "Bwrdd Iechyd Abermor"
    await session.commit()
    admin = await sign_in(client, (await make_user(session, {a: [Role.admin]})).email)
    url = f"/api/v1/partnerships/{p.id}"
    etag = (await client.get(url, headers=admin)).headers["etag"]
    both = await client.patch(
        url,
        headers={**admin, "If-Match": etag},
        json={"description": "Working together", "description_cy": "Cydweithio"},
    )
    assert both.status_code == 200, both.text
    assert (both.json()["description"], both.json()["description_cy"]) == (
        "Working together",
        "Cydweithio",
    )
    cleared = await client.patch(
        url, headers={**admin, "If-Match": both.headers["etag"]}, json={"description_cy": None}
    )
    assert cleared.json()["description_cy"] is None
    assert cleared.json()["description"] == "Working together"

    members = (await client.get(f"{url}/members", headers=admin)).json()["items"]
    assert {(m["organisation_name"], m["organisation_name_cy"]) for m in members} == {
        ("Abermor Health Board", "Bwrdd Iechyd Abermor"),
        ("Abermor Council", None),
    }
