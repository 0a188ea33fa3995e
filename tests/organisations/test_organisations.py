"""Organisations and their services: who creates and changes them, codes, the service tree,
and the cursor pagination every list shares."""

from __future__ import annotations

import asyncio
import base64
import json
import uuid
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.core.audit import AuditEvent
from gwella.organisations.enums import OrganisationKind
from gwella.organisations.models import Organisation, Service
from tests.factories import make_org, make_partnership, make_service, make_user, sign_in

PROBLEM = "application/problem+json"


async def _platform(http: httpx.AsyncClient, session: AsyncSession) -> dict[str, str]:
    return await sign_in(http, (await make_user(session, platform_admin=True)).email)


async def _patch(
    http: httpx.AsyncClient, url: str, headers: dict[str, str], body: dict[str, Any]
) -> httpx.Response:
    """PATCH with the ETag just read (the normal client flow)."""
    read = await http.get(url, headers=headers)
    assert read.status_code == 200, read.text
    return await http.patch(url, headers={**headers, "If-Match": read.headers["etag"]}, json=body)


# ---------------------------------------------------------------------------- organisations


async def test_only_platform_admins_create_organisations(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    body = {"name": "Abermor Council", "kind": "local_authority"}
    for role in (Role.admin, Role.manager, Role.staff):
        person = await make_user(session, {org: [role]})
        r = await client.post(
            "/api/v1/organisations", headers=await sign_in(client, person.email), json=body
        )
        assert r.status_code == 403, role
        assert r.headers["content-type"] == PROBLEM
    assert await session.scalar(select(func.count()).select_from(Organisation)) == 1

    r = await client.post(
        "/api/v1/organisations", headers=await _platform(client, session), json=body
    )
    assert r.status_code == 201, r.text
    created = r.json()
    assert (created["name"], created["kind"], created["is_active"]) == (
        "Abermor Council",
        "local_authority",
        True,
    )
    assert r.headers["location"] == f"/api/v1/organisations/{created['id']}"
    assert r.headers["etag"] == f'"{created["version"]}"'


async def test_codes_are_unique_per_scheme(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    headers = await _platform(client, session)

    async def create(scheme: str, code: str) -> httpx.Response:
        return await client.post(
            "/api/v1/organisations",
            headers=headers,
            json={
                "name": f"{scheme} {code}",
                "kind": "nhs_trust",
                "code_scheme": scheme,
                "code": code,
            },
        )

    assert (await create("ods", "7A9")).status_code == 201
    duplicate = await create("ods", "7A9")
    assert duplicate.status_code == 409
    assert duplicate.json()["type"] == "urn:gwella:problem:conflict"
    assert (await create("wlga", "7A9")).status_code == 201
    assert (await create("ods", "7A8")).status_code == 201

    half = await client.post(
        "/api/v1/organisations",
        headers=headers,
        json={"name": "Half", "kind": "other", "code": "X1"},
    )
    assert half.status_code == 422
    count = await session.scalar(select(func.count()).select_from(Organisation))
    assert count == 3

    by_code = await client.get("/api/v1/organisations/ods:7A9", headers=headers)
    assert by_code.status_code == 200
    assert (by_code.json()["code_scheme"], by_code.json()["code"]) == ("ods", "7A9")
    assert by_code.headers["etag"] == f'"{by_code.json()["version"]}"'
    upper = await client.get("/api/v1/organisations/ODS:7A9", headers=headers)
    assert upper.json()["id"] == by_code.json()["id"]  # the scheme is case-insensitive
    other_scheme = await client.get("/api/v1/organisations/wlga:7A9", headers=headers)
    assert other_scheme.json()["id"] != by_code.json()["id"]
    for missing in ("ods:NOPE", "nonsense", f"{uuid.uuid4()}"):
        r = await client.get(f"/api/v1/organisations/{missing}", headers=headers)
        assert r.status_code == 404, missing
        assert r.headers["content-type"] == PROBLEM


async def test_org_admin_changes_their_organisation_with_if_match(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session, "Old Name")
    admin = await make_user(session, {org: [Role.admin]})
    manager = await make_user(session, {org: [Role.manager]})
    headers = await sign_in(client, admin.email)
    url = f"/api/v1/organisations/{org.id}"

    assert (await client.patch(url, headers=headers, json={"name": "New"})).status_code == 428
    stale = await client.patch(url, headers={**headers, "If-Match": '"7"'}, json={"name": "New"})
    assert stale.status_code == 412
    assert stale.headers["content-type"] == PROBLEM

    r = await _patch(client, url, headers, {"name": "New Name", "name_cy": "Enw Newydd"})
    assert r.status_code == 200, r.text
    assert (r.json()["name"], r.json()["name_cy"], r.json()["version"]) == (
        "New Name",
        "Enw Newydd",
        2,
    )
    assert r.headers["etag"] == '"2"'

    refused = await _patch(client, url, await sign_in(client, manager.email), {"name": "Mine"})
    assert refused.status_code == 403
    unchanged = await client.get(url, headers=headers)
    assert (unchanged.json()["name"], unchanged.headers["etag"]) == ("New Name", '"2"')

    cannot_null = await _patch(client, url, headers, {"name": None})
    assert cannot_null.status_code == 422
    assert cannot_null.json()["errors"][0]["field"] == "body.name"

    await session.refresh(org)
    assert (org.name, org.version) == ("New Name", 2)


async def test_changing_a_code_needs_a_platform_admin(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session, code="OLD1")
    await make_org(session, code="TAKEN")
    admin = await make_user(session, {org: [Role.admin]})
    url = f"/api/v1/organisations/{org.id}"
    refused = await _patch(client, url, await sign_in(client, admin.email), {"code": "NEW1"})
    assert refused.status_code == 403
    assert "code" in refused.json()["detail"]
    unchanged = await client.get(url, headers=await sign_in(client, admin.email))
    assert (unchanged.json()["code"], unchanged.json()["version"]) == ("OLD1", 1)

    platform = await _platform(client, session)
    taken = await _patch(client, url, platform, {"code": "TAKEN"})
    assert taken.status_code == 409
    ok = await _patch(client, url, platform, {"code": "NEW1"})
    assert ok.status_code == 200
    assert ok.json()["code"] == "NEW1"
    half = await _patch(client, url, platform, {"code_scheme": None})
    assert half.status_code == 422
    cleared = await _patch(client, url, platform, {"code_scheme": None, "code": None})
    assert cleared.status_code == 200
    assert (cleared.json()["code_scheme"], cleared.json()["code"]) == (None, None)


# --------------------------------------------------------------------------------- services


async def test_admins_and_managers_create_services(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    url = f"/api/v1/organisations/{org.id}/services"
    for role, expected in (
        (Role.admin, 201),
        (Role.manager, 201),
        (Role.staff, 403),
        (Role.service_user, 403),
        (Role.carer, 403),
    ):
        person = await make_user(session, {org: [role]})
        r = await client.post(
            url,
            headers=await sign_in(client, person.email),
            json={"name": f"Team of {role}", "kind": "crisis_team"},
        )
        assert r.status_code == expected, role
        if expected == 201:
            assert r.json()["organisation_id"] == str(org.id)
            assert r.headers["location"] == f"/api/v1/services/{r.json()['id']}"
    names = set(await session.scalars(select(Service.name)))
    assert names == {"Team of admin", "Team of manager"}


async def test_services_form_a_tree_without_cycles(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    admin = await make_user(session, {org: [Role.admin]})
    headers = await sign_in(client, admin.email)
    url = f"/api/v1/organisations/{org.id}/services"

    async def add(name: str, parent: str | None = None, code: str | None = None) -> str:
        r = await client.post(
            url,
            headers=headers,
            json={"name": name, "kind": "ward", "parent_id": parent, "code": code},
        )
        assert r.status_code == 201, r.text
        return str(r.json()["id"])

    root = await add("Hospital", code="H")
    ward = await add("Ward 1", root)
    bay = await add("Bay A", ward)
    await add("Ward 2", root)

    children = await client.get(url, headers=headers, params={"parent_id": root})
    assert [s["name"] for s in children.json()["items"]] == ["Ward 1", "Ward 2"]
    assert {s["parent_id"] for s in children.json()["items"]} == {root}

    for new_parent in (bay, ward, root):  # under its own descendant, itself, and via the tree
        cycle = await _patch(client, f"/api/v1/services/{root}", headers, {"parent_id": new_parent})
        assert cycle.status_code == 422, new_parent
        assert cycle.json()["errors"][0]["field"] == "body.parent_id"
    moved = await _patch(client, f"/api/v1/services/{bay}", headers, {"parent_id": root})
    assert moved.status_code == 200
    assert moved.json()["parent_id"] == root
    top = await _patch(client, f"/api/v1/services/{ward}", headers, {"parent_id": None})
    assert top.json()["parent_id"] is None
    stored = await session.get(Service, uuid.UUID(root))
    assert stored is not None
    assert stored.parent_id is None


async def test_a_parent_from_another_organisation_is_refused(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org, other = await make_org(session), await make_org(session)
    foreign = await make_service(session, other)
    own = await make_service(session, org)
    headers = await _platform(client, session)
    r = await client.post(
        f"/api/v1/organisations/{org.id}/services",
        headers=headers,
        json={"name": "Stray", "kind": "ward", "parent_id": str(foreign.id)},
    )
    assert r.status_code == 422
    assert r.json()["errors"] == [{"field": "body.parent_id", "message": "no such service here"}]
    r = await _patch(client, f"/api/v1/services/{own.id}", headers, {"parent_id": str(foreign.id)})
    assert r.status_code == 422
    r = await _patch(
        client, f"/api/v1/services/{own.id}", headers, {"parent_id": str(uuid.uuid4())}
    )
    assert r.status_code == 422
    assert await session.scalar(select(func.count()).select_from(Service)) == 2


async def test_service_codes_are_unique_per_organisation(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org, other = await make_org(session), await make_org(session)
    await make_service(session, org, code="CMHT-N")
    second = await make_service(session, org, code="CMHT-S")
    headers = await _platform(client, session)
    body = {"name": "Dup", "kind": "community_mental_health_team", "code": "CMHT-N"}
    r = await client.post(f"/api/v1/organisations/{org.id}/services", headers=headers, json=body)
    assert r.status_code == 409
    r = await client.post(f"/api/v1/organisations/{other.id}/services", headers=headers, json=body)
    assert r.status_code == 201
    r = await _patch(client, f"/api/v1/services/{second.id}", headers, {"code": "CMHT-N"})
    assert r.status_code == 409
    await session.refresh(second)
    assert second.code == "CMHT-S"


async def test_service_list_filters(client: httpx.AsyncClient, session: AsyncSession) -> None:
    org, other = await make_org(session, code="HB1"), await make_org(session)
    headers = await _platform(client, session)
    url = f"/api/v1/organisations/{org.id}/services"
    made = {}
    for name, kind, code in (
        ("North CMHT", "community_mental_health_team", "N"),
        ("South CMHT", "community_mental_health_team", "S"),
        ("Ty Gwyn Ward", "ward", "W"),
    ):
        r = await client.post(url, headers=headers, json={"name": name, "kind": kind, "code": code})
        made[code] = r.json()["id"]
    await make_service(session, other, "Elsewhere")
    await _patch(client, f"/api/v1/services/{made['S']}", headers, {"is_active": False})

    async def names(ref: str = str(org.id), **params: str) -> list[str]:
        r = await client.get(
            f"/api/v1/organisations/{ref}/services", headers=headers, params=params
        )
        assert r.status_code == 200, r.text
        return [s["name"] for s in r.json()["items"]]

    assert await names() == ["North CMHT", "South CMHT", "Ty Gwyn Ward"]
    assert await names("test:HB1") == ["North CMHT", "South CMHT", "Ty Gwyn Ward"]
    assert await names(kind="ward") == ["Ty Gwyn Ward"]
    assert await names(code="S") == ["South CMHT"]
    assert await names(is_active="false") == ["South CMHT"]
    assert await names(is_active="true", kind="community_mental_health_team") == ["North CMHT"]
    assert await names(sort="-name", limit="2") == ["Ty Gwyn Ward", "South CMHT"]
    one = await client.get(f"/api/v1/services/{made['W']}", headers=headers)
    assert (one.json()["name"], one.json()["organisation_id"]) == ("Ty Gwyn Ward", str(org.id))


# ------------------------------------------------------------------------------- pagination

PAGE_NAMES = [f"Org {n:02d}" for n in range(17)] + ["Org 05", "Org 05", "Org 11"]  # ties too


async def _make_many(session: AsyncSession) -> None:
    for name in PAGE_NAMES:
        await make_org(session, name)


async def _page_through(
    http: httpx.AsyncClient, headers: dict[str, str], limit: int, sort: str
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": limit, "sort": sort}
    while True:
        r = await http.get("/api/v1/organisations", headers=headers, params=params)
        assert r.status_code == 200, r.text
        page = r.json()
        assert len(page["items"]) <= limit
        items += page["items"]
        if page["next_cursor"] is None:
            assert page["next"] is None
            return items
        assert len(page["items"]) == limit
        assert f"cursor={page['next_cursor']}" in page["next"]
        params = {**params, "cursor": page["next_cursor"]}


async def test_paging_returns_every_organisation_exactly_once_in_order(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Hypothesis draws page sizes; the pages are fetched on the test's own event loop from
    a worker thread (hypothesis' runner is synchronous)."""
    await _make_many(session)
    headers = await _platform(client, session)
    all_ids = {str(i) for i in await session.scalars(select(Organisation.id))}
    assert len(all_ids) == len(PAGE_NAMES)
    loop = asyncio.get_running_loop()

    @settings(
        max_examples=12,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(limit=st.integers(min_value=1, max_value=len(PAGE_NAMES) + 2), desc=st.booleans())
    def pages_partition_the_set(limit: int, desc: bool) -> None:
        sort = "-name" if desc else "name"
        future = asyncio.run_coroutine_threadsafe(_page_through(client, headers, limit, sort), loop)
        items = future.result(timeout=60)
        ids = [o["id"] for o in items]
        assert len(ids) == len(set(ids)) == len(all_ids)
        assert set(ids) == all_ids
        keys = [(o["name"], uuid.UUID(o["id"])) for o in items]
        assert keys == sorted(keys, reverse=desc)

    await asyncio.to_thread(pages_partition_the_set)


@pytest.mark.parametrize(("sort", "reverse"), [("name", False), ("-name", True)])
async def test_sort_by_name(
    client: httpx.AsyncClient, session: AsyncSession, sort: str, reverse: bool
) -> None:
    for name in ("Cardiff", "Abermor", "Bangor"):
        await make_org(session, name)
    r = await client.get(
        "/api/v1/organisations",
        headers=await _platform(client, session),
        params={"sort": sort},
    )
    assert [o["name"] for o in r.json()["items"]] == sorted(
        ["Cardiff", "Abermor", "Bangor"], reverse=reverse
    )


async def test_bad_cursors_and_limits_are_problems(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await _make_many(session)
    headers = await _platform(client, session)
    first = await client.get("/api/v1/organisations", headers=headers, params={"limit": 3})
    cursor = first.json()["next_cursor"]
    forged = base64.urlsafe_b64encode(json.dumps({"s": "name"}).encode()).decode()
    for bad in ("not-a-cursor", "!!!!", forged):
        r = await client.get("/api/v1/organisations", headers=headers, params={"cursor": bad})
        assert r.status_code == 400, bad
        assert r.headers["content-type"] == PROBLEM
        assert r.json()["type"] == "urn:gwella:problem:invalid-cursor"
    other_sort = await client.get(
        "/api/v1/organisations", headers=headers, params={"cursor": cursor, "sort": "-name"}
    )
    assert other_sort.status_code == 400
    for params in ({"limit": 500}, {"limit": 0}, {"sort": "password"}):
        r = await client.get("/api/v1/organisations", headers=headers, params=params)
        assert r.status_code == 422, params
        assert r.json()["errors"][0]["field"].startswith("query.")
    ok = await client.get("/api/v1/organisations", headers=headers, params={"limit": 200})
    assert len(ok.json()["items"]) == len(PAGE_NAMES)


async def test_a_forged_cursor_of_the_wrong_type_is_a_400(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await make_org(session)
    headers = await _platform(client, session)
    for value in ([1, 2], {"a": 1}, True):
        raw = json.dumps({"s": "name", "v": value, "id": str(uuid.uuid4())})
        cursor = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
        r = await client.get("/api/v1/organisations", headers=headers, params={"cursor": cursor})
        assert r.status_code == 400, value


async def test_organisation_list_filters(client: httpx.AsyncClient, session: AsyncSession) -> None:
    await make_org(session, "Abermor Health Board", code="7A9")
    await make_org(session, "Abermor_Council")
    await make_org(session, "Mind Abermor", OrganisationKind.third_sector)
    headers = await _platform(client, session)

    async def names(**params: str) -> list[str]:
        r = await client.get("/api/v1/organisations", headers=headers, params=params)
        assert r.status_code == 200, r.text
        return [o["name"] for o in r.json()["items"]]

    assert await names(q="abermor") == ["Abermor Health Board", "Abermor_Council", "Mind Abermor"]
    assert await names(q="r_c") == ["Abermor_Council"]  # `_` is not a wildcard
    assert await names(kind="third_sector") == ["Mind Abermor"]
    assert await names(code="7A9") == ["Abermor Health Board"]


async def test_refused_changes_write_no_audit_event(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    manager = await make_user(session, {org: [Role.manager]})
    before = await session.scalar(select(func.count()).select_from(AuditEvent))
    r = await _patch(
        client,
        f"/api/v1/organisations/{org.id}",
        await sign_in(client, manager.email),
        {"name": "X"},
    )
    assert r.status_code == 403
    name = org.name
    await session.refresh(org)
    assert (org.name, org.version) == (name, 1)
    after = await session.scalar(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.action != "session.signed_in")
    )
    assert after == before


async def test_organisations_where_i_hold_a_role_for_pickers(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    a, b = await make_org(session, "A"), await make_org(session, "B")
    await make_partnership(session, a, b)
    person = await make_user(session, {a: [Role.admin], b: [Role.staff]})
    headers = await sign_in(client, person.email)
    everything = await client.get("/api/v1/organisations", headers=headers)
    assert {o["name"] for o in everything.json()["items"]} == {"A", "B"}
    mine = await client.get("/api/v1/organisations?my_role=admin", headers=headers)
    assert [o["name"] for o in mine.json()["items"]] == ["A"]
