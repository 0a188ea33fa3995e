"""Partnerships: who forms them, organisations joining and leaving, and the shared visibility
that membership brings (and takes away)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.organisations.enums import OrganisationKind
from gwella.organisations.models import Organisation
from gwella.partnerships.models import Partnership, PartnershipMember
from tests.factories import make_org, make_partnership, make_service, make_user, sign_in


async def _create(
    http: httpx.AsyncClient, headers: dict[str, str], *orgs: Organisation, name: str = "Abermor"
) -> httpx.Response:
    return await http.post(
        "/api/v1/partnerships",
        headers=headers,
        json={"name": name, "organisation_ids": [str(o.id) for o in orgs]},
    )


async def _members(
    http: httpx.AsyncClient, headers: dict[str, str], pid: str, **params: Any
) -> list[dict[str, Any]]:
    r = await http.get(f"/api/v1/partnerships/{pid}/members", headers=headers, params=params)
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def _partnership_count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Partnership)) or 0)


async def test_platform_admin_creates_a_partnership_of_any_organisations(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    a = await make_org(session, "Abermor Health Board")
    b = await make_org(session, "Abermor Council", OrganisationKind.local_authority)
    platform = await sign_in(client, (await make_user(session, platform_admin=True)).email)
    r = await _create(client, platform, a, b, a)  # a repeated founder joins once
    assert r.status_code == 201, r.text
    body = r.json()
    assert (body["name"], body["member_count"]) == ("Abermor", 2)
    assert r.headers["location"] == f"/api/v1/partnerships/{body['id']}"
    members = await _members(client, platform, body["id"])
    assert {(m["organisation_id"], m["organisation_name"], m["left_at"]) for m in members} == {
        (str(a.id), "Abermor Health Board", None),
        (str(b.id), "Abermor Council", None),
    }
    assert {m["organisation_kind"] for m in members} == {"health_board", "local_authority"}

    unknown = await client.post(
        "/api/v1/partnerships",
        headers=platform,
        json={"name": "Ghosts", "organisation_ids": [str(uuid.uuid4())]},
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "body.organisation_ids"
    assert await _partnership_count(session) == 1


async def test_an_admin_of_a_founding_organisation_creates_one(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    a, b, c = await make_org(session), await make_org(session), await make_org(session)
    admin = await make_user(session, {a: [Role.admin]})
    manager = await make_user(session, {a: [Role.manager]})
    headers = await sign_in(client, admin.email)

    only_others = await _create(client, headers, b, c)
    assert only_others.status_code == 403
    assert only_others.headers["content-type"] == "application/problem+json"
    nobody = await _create(client, headers)
    assert nobody.status_code == 403
    by_manager = await _create(client, await sign_in(client, manager.email), a, b)
    assert by_manager.status_code == 403
    assert await _partnership_count(session) == 0

    # Without b's consent: an admin of a alone cannot bring b in.
    without_consent = await _create(client, headers, a, b)
    assert without_consent.status_code == 403
    assert await _partnership_count(session) == 0

    both = await make_user(session, {a: [Role.admin], b: [Role.admin]})
    headers = await sign_in(client, both.email)
    ok = await _create(client, headers, a, b)
    assert ok.status_code == 201
    assert ok.json()["member_count"] == 2
    mine = await client.get("/api/v1/partnerships", headers=headers)
    assert [p["id"] for p in mine.json()["items"]] == [ok.json()["id"]]


async def test_members_join_and_leave_and_the_history_is_kept(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    a, b, c = await make_org(session, "A"), await make_org(session, "B"), await make_org(session)
    p = await make_partnership(session, a, b)
    a_admin = await make_user(session, {a: [Role.admin]})
    b_admin = await make_user(session, {b: [Role.admin]})
    a_staff = await make_user(session, {a: [Role.staff]})
    headers = await sign_in(client, a_admin.email)
    url = f"/api/v1/partnerships/{p.id}/members"

    staff_add = await client.post(
        url, headers=await sign_in(client, a_staff.email), json={"organisation_id": str(c.id)}
    )
    assert staff_add.status_code == 403
    # c joins only with the consent of one of its own administrators.
    no_consent = await client.post(url, headers=headers, json={"organisation_id": str(c.id)})
    assert no_consent.status_code == 403
    members = await _members(client, headers, str(p.id), include_former="true")
    assert {m["organisation_id"] for m in members} == {str(a.id), str(b.id)}
    a_and_c_admin = await make_user(session, {a: [Role.admin], c: [Role.admin]})
    headers = await sign_in(client, a_and_c_admin.email)
    added = await client.post(url, headers=headers, json={"organisation_id": str(c.id)})
    assert added.status_code == 201, added.text
    assert added.json()["organisation_id"] == str(c.id)
    again = await client.post(url, headers=headers, json={"organisation_id": str(c.id)})
    assert again.status_code == 409
    ghost = await client.post(url, headers=headers, json={"organisation_id": str(uuid.uuid4())})
    assert ghost.status_code == 404

    # An organisation leaves by its own administrators' decision.
    not_yours = await client.delete(f"{url}/{b.id}", headers=headers)
    assert not_yours.status_code == 403
    members = await _members(client, headers, str(p.id))
    assert {m["organisation_id"] for m in members} == {str(a.id), str(b.id), str(c.id)}
    left = await client.delete(f"{url}/{b.id}", headers=await sign_in(client, b_admin.email))
    assert left.status_code == 204
    platform = await sign_in(client, (await make_user(session, platform_admin=True)).email)
    gone_twice = await client.delete(f"{url}/{b.id}", headers=platform)
    assert gone_twice.status_code == 404

    current = await _members(client, headers, str(p.id))
    assert {m["organisation_id"] for m in current} == {str(a.id), str(c.id)}
    everyone = await _members(client, headers, str(p.id), include_former="true")
    by_org = {m["organisation_id"]: m for m in everyone}
    assert set(by_org) == {str(a.id), str(b.id), str(c.id)}
    assert by_org[str(b.id)]["left_at"] is not None
    assert by_org[str(a.id)]["left_at"] is None

    rows = (
        await session.scalars(
            select(PartnershipMember).where(PartnershipMember.organisation_id == b.id)
        )
    ).all()
    assert len(rows) == 1
    assert rows[0].left_at is not None
    read = await client.get(f"/api/v1/partnerships/{p.id}", headers=headers)
    assert read.json()["member_count"] == 2

    # Having left, B's people no longer see the partnership at all.
    b_view = await client.get(
        f"/api/v1/partnerships/{p.id}", headers=await sign_in(client, b_admin.email)
    )
    assert b_view.status_code == 404

    # Rejoining (with B's consent, here a platform admin's) makes a new stay; the old one
    # stays in the history.
    back = await client.post(url, headers=platform, json={"organisation_id": str(b.id)})
    assert back.status_code == 201
    everyone = await _members(client, headers, str(p.id), include_former="true")
    assert sorted(m["left_at"] is None for m in everyone if m["organisation_id"] == str(b.id)) == [
        False,
        True,
    ]


async def test_a_partnership_opens_reads_across_organisations_until_one_leaves(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    a, b = await make_org(session), await make_org(session)
    b_service = await make_service(session, b, "Ty Gwyn Ward")
    a_staff = await make_user(session, {a: [Role.staff]})
    b_admin = await make_user(session, {b: [Role.admin]})
    headers = await sign_in(client, a_staff.email)
    reads = (
        f"/api/v1/organisations/{b.id}",
        f"/api/v1/organisations/{b.id}/services",
        f"/api/v1/services/{b_service.id}",
    )

    async def statuses() -> list[int]:
        return [(await client.get(u, headers=headers)).status_code for u in reads]

    async def listed() -> set[str]:
        r = await client.get("/api/v1/organisations", headers=headers)
        return {o["id"] for o in r.json()["items"]}

    assert await statuses() == [404, 404, 404]
    assert await listed() == {str(a.id)}

    p = await make_partnership(session, a, b)
    assert await statuses() == [200, 200, 200]
    assert await listed() == {str(a.id), str(b.id)}
    services = await client.get(reads[1], headers=headers)
    assert [s["name"] for s in services.json()["items"]] == ["Ty Gwyn Ward"]
    in_p = await client.get(
        "/api/v1/organisations", headers=headers, params={"partnership_id": str(p.id)}
    )
    assert {o["id"] for o in in_p.json()["items"]} == {str(a.id), str(b.id)}

    r = await client.delete(
        f"/api/v1/partnerships/{p.id}/members/{b.id}", headers=await sign_in(client, b_admin.email)
    )
    assert r.status_code == 204
    assert await statuses() == [404, 404, 404]
    assert await listed() == {str(a.id)}


async def test_partnership_details_need_membership(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    a, b, outsider = await make_org(session), await make_org(session), await make_org(session)
    p = await make_partnership(session, a, b)
    a_admin = await make_user(session, {a: [Role.admin]})
    stranger = await make_user(session, {outsider: [Role.admin]})
    headers = await sign_in(client, stranger.email)
    for method, path, body in (
        ("GET", f"/api/v1/partnerships/{p.id}", None),
        ("GET", f"/api/v1/partnerships/{p.id}/members", None),
        ("POST", f"/api/v1/partnerships/{p.id}/members", {"organisation_id": str(outsider.id)}),
        ("DELETE", f"/api/v1/partnerships/{p.id}/members/{a.id}", None),
    ):
        r = await client.request(method, path, headers=headers, json=body)
        assert r.status_code == 404, (method, path)
    assert (await client.get("/api/v1/partnerships", headers=headers)).json()["items"] == []
    assert len(await _members(client, await sign_in(client, a_admin.email), str(p.id))) == 2


async def test_update_partnership_with_if_match(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    a, b = await make_org(session), await make_org(session)
    p = await make_partnership(session, a, b)
    a_admin = await make_user(session, {a: [Role.admin]})
    b_staff = await make_user(session, {b: [Role.staff]})
    headers = await sign_in(client, a_admin.email)
    url = f"/api/v1/partnerships/{p.id}"
    assert (await client.patch(url, headers=headers, json={"name": "X"})).status_code == 428
    etag = (await client.get(url, headers=headers)).headers["etag"]
    staff = await client.patch(
        url, headers={**await sign_in(client, b_staff.email), "If-Match": etag}, json={"name": "X"}
    )
    assert staff.status_code == 403
    unchanged = await client.get(url, headers=headers)
    assert (unchanged.json()["name"], unchanged.headers["etag"]) == (p.name, etag)
    r = await client.patch(
        url,
        headers={**headers, "If-Match": etag},
        json={"name": "Abermor Partnership", "description": "Working together"},
    )
    assert r.status_code == 200, r.text
    assert (r.json()["name"], r.json()["description"]) == (
        "Abermor Partnership",
        "Working together",
    )
    stale = await client.patch(url, headers={**headers, "If-Match": etag}, json={"name": "Y"})
    assert stale.status_code == 412
    await session.refresh(p)
    assert p.name == "Abermor Partnership"
