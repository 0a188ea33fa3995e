"""People: your own profile (If-Match), your password, and who may list and change whom."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import AccessToken, Role, User
from gwella.core.audit import AuditEvent
from tests.factories import PASSWORD, make_org, make_user, sign_in

PROBLEM = "application/problem+json"
NEW_PASSWORD = "a much longer new passphrase"


async def _ids(http: httpx.AsyncClient, headers: dict[str, str], **params: str) -> set[str]:
    r = await http.get("/api/v1/users", headers=headers, params={"limit": "200", **params})
    assert r.status_code == 200, r.text
    assert r.json()["next_cursor"] is None
    return {item["id"] for item in r.json()["items"]}


# ------------------------------------------------------------------------------ /users/me


async def test_read_own_profile_with_roles_and_etag(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    other = await make_org(session)
    user = await make_user(
        session, {org: [Role.manager, Role.staff], other: [Role.carer]}, email="Me@Example.test"
    )
    headers = await sign_in(client, "me@example.test")
    r = await client.get("/api/v1/users/me", headers=headers)
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == str(user.id)
    assert body["email"] == "me@example.test"
    assert body["language"] == "en"
    assert body["is_platform_admin"] is False
    assert body["is_active"] is True
    assert body["last_sign_in_at"] is not None
    assert "password_hash" not in body
    held = {(m["organisation_id"], m["role"]) for m in body["memberships"]}
    assert held == {
        (str(org.id), "manager"),
        (str(org.id), "staff"),
        (str(other.id), "carer"),
    }
    assert r.headers["etag"] == f'"{body["version"]}"'


async def test_signing_in_again_does_not_change_the_etag(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session)
    first = await sign_in(client, user.email)
    before = (await client.get("/api/v1/users/me", headers=first)).headers["etag"]
    await sign_in(client, user.email)
    after = (await client.get("/api/v1/users/me", headers=first)).headers["etag"]
    assert before == after


async def test_update_own_profile_needs_if_match(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session)
    headers = await sign_in(client, user.email)
    etag = (await client.get("/api/v1/users/me", headers=headers)).headers["etag"]

    missing = await client.patch("/api/v1/users/me", headers=headers, json={"language": "cy"})
    assert missing.status_code == 428
    assert missing.headers["content-type"] == PROBLEM
    assert missing.json()["type"] == "urn:gwella:problem:precondition-required"

    stale = await client.patch(
        "/api/v1/users/me",
        headers={**headers, "If-Match": '"999"'},
        json={"language": "cy"},
    )
    assert stale.status_code == 412
    assert stale.headers["content-type"] == PROBLEM
    assert stale.json()["type"] == "urn:gwella:problem:precondition-failed"
    assert stale.json()["status"] == 412

    await session.refresh(user)
    assert user.language.value == "en"  # neither refused request changed anything

    ok = await client.patch(
        "/api/v1/users/me",
        headers={**headers, "If-Match": etag},
        json={"language": "cy", "display_name": "  Nia Jones "},
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["language"] == "cy"
    assert ok.json()["display_name"] == "Nia Jones"
    new_etag = ok.headers["etag"]
    assert new_etag != etag
    assert new_etag == f'"{ok.json()["version"]}"'

    # The ETag just returned is the one that works next; the old one is now stale.
    again = await client.patch(
        "/api/v1/users/me", headers={**headers, "If-Match": etag}, json={"language": "en"}
    )
    assert again.status_code == 412
    again = await client.patch(
        "/api/v1/users/me", headers={**headers, "If-Match": new_etag}, json={"language": "en"}
    )
    assert again.status_code == 200

    await session.refresh(user)
    assert (user.display_name, user.language.value) == ("Nia Jones", "en")


async def test_own_profile_cannot_make_you_platform_admin(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session)
    headers = await sign_in(client, user.email)
    etag = (await client.get("/api/v1/users/me", headers=headers)).headers["etag"]
    r = await client.patch(
        "/api/v1/users/me",
        headers={**headers, "If-Match": etag},
        json={"is_platform_admin": True},
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "body.is_platform_admin"
    await session.refresh(user)
    assert user.is_platform_admin is False


# ------------------------------------------------------------------------------ passwords


async def test_change_password_with_the_wrong_current_one_is_a_field_error(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session)
    headers = await sign_in(client, user.email)
    r = await client.post(
        "/api/v1/users/me/password",
        headers=headers,
        json={"current_password": "not it at all", "new_password": NEW_PASSWORD},
    )
    assert r.status_code == 422
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["errors"] == [{"field": "body.current_password", "message": "not right"}]
    await sign_in(client, user.email, PASSWORD)  # unchanged


async def test_change_password_refuses_a_weak_new_one(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session)
    headers = await sign_in(client, user.email)
    for weak in ("short", "aaaaaaaaaaaaaaaa", user.email):
        r = await client.post(
            "/api/v1/users/me/password",
            headers=headers,
            json={"current_password": PASSWORD, "new_password": weak},
        )
        assert r.status_code == 422, weak
        assert r.json()["type"] == "urn:gwella:problem:validation-failed"
        fields = {e["field"] for e in r.json()["errors"]}
        assert fields == {"body.new_password"}, weak
    await sign_in(client, user.email, PASSWORD)  # unchanged


async def test_change_password_signs_out_other_sessions_only(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session)
    this = await sign_in(client, user.email)
    other = await sign_in(client, user.email)
    r = await client.post(
        "/api/v1/users/me/password",
        headers=this,
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
    )
    assert r.status_code == 204
    assert (await client.get("/api/v1/users/me", headers=this)).status_code == 200
    assert (await client.get("/api/v1/users/me", headers=other)).status_code == 401

    old = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": user.email, "password": PASSWORD},
    )
    assert old.status_code == 400
    fresh = await sign_in(client, user.email, NEW_PASSWORD)
    assert (await client.get("/api/v1/users/me", headers=fresh)).status_code == 200

    events = (
        await session.scalars(
            select(AuditEvent).where(AuditEvent.action == "user.password_changed")
        )
    ).all()
    assert [(e.actor_id, e.record_id) for e in events] == [(user.id, str(user.id))]
    assert NEW_PASSWORD not in str(events[0].changes)


# ------------------------------------------------------------------------------- listing


async def test_platform_admin_lists_everyone(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    a, b = await make_org(session), await make_org(session)
    admin = await make_user(session, platform_admin=True)
    loner = await make_user(session)  # no memberships at all
    in_a = await make_user(session, {a: [Role.staff]})
    in_b = await make_user(session, {b: [Role.admin]})
    seen = await _ids(client, await sign_in(client, admin.email))
    assert seen == {str(u.id) for u in (admin, loner, in_a, in_b)}


async def test_org_admins_and_managers_list_only_members_of_their_orgs(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    a, b = await make_org(session), await make_org(session)
    a_admin = await make_user(session, {a: [Role.admin]})
    a_manager = await make_user(session, {a: [Role.manager]})
    a_staff = await make_user(session, {a: [Role.staff]})
    a_carer = await make_user(session, {a: [Role.carer]})
    both = await make_user(session, {a: [Role.service_user], b: [Role.staff]})
    b_admin = await make_user(session, {b: [Role.admin]})
    await make_user(session)  # nobody's member
    await make_user(session, platform_admin=True)

    members_of_a = {str(u.id) for u in (a_admin, a_manager, a_staff, a_carer, both)}
    for viewer in (a_admin, a_manager):
        headers = await sign_in(client, viewer.email)
        assert await _ids(client, headers) == members_of_a
        # Filtering by another organisation never widens the view.
        assert await _ids(client, headers, organisation_id=str(b.id)) == set()
        r = await client.get(f"/api/v1/users/{b_admin.id}", headers=headers)
        assert r.status_code == 404
        r = await client.get(f"/api/v1/users/{both.id}", headers=headers)
        assert r.status_code == 200
        assert len(r.json()["memberships"]) == 2


async def test_staff_service_users_and_carers_list_nobody(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """People without an admin or manager role see no one in the list, not even themselves
    (their own profile is /users/me); they can read only their own profile by id."""
    org = await make_org(session)
    colleague = await make_user(session, {org: [Role.admin]})
    for role in (Role.staff, Role.service_user, Role.carer):
        viewer = await make_user(session, {org: [role]})
        headers = await sign_in(client, viewer.email)
        assert await _ids(client, headers) == set(), role
        assert await _ids(client, headers, organisation_id=str(org.id)) == set(), role
        own = await client.get(f"/api/v1/users/{viewer.id}", headers=headers)
        assert own.status_code == 200
        other = await client.get(f"/api/v1/users/{colleague.id}", headers=headers)
        assert other.status_code == 404


async def test_list_filters_by_q_role_and_organisation(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    a, b = await make_org(session), await make_org(session)
    admin = await make_user(session, platform_admin=True, email="root@example.test")
    nia = await make_user(session, {a: [Role.staff]}, email="nia.jones@example.test")
    dai = await make_user(session, {a: [Role.manager], b: [Role.staff]}, email="dai@example.test")
    cerys = await make_user(session, {b: [Role.admin]}, email="cerys@other.test")
    headers = await sign_in(client, admin.email)

    assert await _ids(client, headers, q="JONES") == {str(nia.id)}
    assert await _ids(client, headers, q="other.test") == {str(cerys.id)}
    assert await _ids(client, headers, q="%") == set()  # wildcards are literal
    assert await _ids(client, headers, role="staff") == {str(nia.id), str(dai.id)}
    assert await _ids(client, headers, role="admin") == {str(cerys.id)}
    assert await _ids(client, headers, organisation_id=str(a.id)) == {str(nia.id), str(dai.id)}
    both = {"organisation_id": str(b.id), "role": "staff"}
    assert await _ids(client, headers, **both) == {str(dai.id)}
    # role and organisation must hold in the same membership: dai is manager in a, not staff
    same_row = {"organisation_id": str(a.id), "role": "manager"}
    assert await _ids(client, headers, **same_row) == {str(dai.id)}
    assert await _ids(client, headers, organisation_id=str(a.id), role="admin") == set()

    r = await client.get("/api/v1/users", headers=headers, params={"role": "overlord"})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "query.role"


async def test_users_list_pages_by_email(client: httpx.AsyncClient, session: AsyncSession) -> None:
    admin = await make_user(session, platform_admin=True, email="a-admin@example.test")
    for n in range(5):
        await make_user(session, email=f"user{n}@example.test")
    headers = await sign_in(client, admin.email)
    emails: list[str] = []
    url: str | None = "/api/v1/users?limit=2"
    while url:
        r = await client.get(url, headers=headers)
        assert r.status_code == 200
        emails += [u["email"] for u in r.json()["items"]]
        url = r.json()["next"]
    assert emails == ["a-admin@example.test"] + [f"user{n}@example.test" for n in range(5)]


# ------------------------------------------------------------------- changing other people


async def test_only_platform_admins_change_other_people(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    org_admin = await make_user(session, {org: [Role.admin]})
    member = await make_user(session, {org: [Role.staff]})
    headers = await sign_in(client, org_admin.email)
    etag = (await client.get(f"/api/v1/users/{member.id}", headers=headers)).headers["etag"]
    r = await client.patch(
        f"/api/v1/users/{member.id}",
        headers={**headers, "If-Match": etag},
        json={"display_name": "Renamed"},
    )
    assert r.status_code == 403
    assert r.headers["content-type"] == PROBLEM
    await session.refresh(member)
    assert member.display_name != "Renamed"


async def test_platform_admin_update_needs_if_match(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    admin = await make_user(session, platform_admin=True)
    member = await make_user(session)
    headers = await sign_in(client, admin.email)
    url = f"/api/v1/users/{member.id}"
    assert (await client.patch(url, headers=headers, json={"language": "cy"})).status_code == 428
    stale = await client.patch(
        url, headers={**headers, "If-Match": '"41"'}, json={"language": "cy"}
    )
    assert stale.status_code == 412
    etag = (await client.get(url, headers=headers)).headers["etag"]
    ok = await client.patch(
        url, headers={**headers, "If-Match": etag}, json={"is_platform_admin": True}
    )
    assert ok.status_code == 200
    assert ok.json()["is_platform_admin"] is True
    missing = await client.patch(
        f"/api/v1/users/{uuid.uuid4()}", headers={**headers, "If-Match": "*"}, json={}
    )
    assert missing.status_code == 404


async def test_deactivating_a_person_revokes_their_tokens(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    admin = await make_user(session, platform_admin=True)
    member = await make_user(session)
    member_headers = [await sign_in(client, member.email) for _ in range(2)]
    headers = await sign_in(client, admin.email)
    url = f"/api/v1/users/{member.id}"
    etag = (await client.get(url, headers=headers)).headers["etag"]
    r = await client.patch(url, headers={**headers, "If-Match": etag}, json={"is_active": False})
    assert r.status_code == 200, r.text
    assert r.json()["is_active"] is False

    for h in member_headers:
        assert (await client.get("/api/v1/users/me", headers=h)).status_code == 401
    tokens = (
        await session.scalars(select(AccessToken).where(AccessToken.user_id == member.id))
    ).all()
    assert len(tokens) == 2
    assert all(t.revoked_at is not None for t in tokens)
    refused = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": member.email, "password": PASSWORD},
    )
    assert refused.status_code == 400

    # Reactivating lets them sign in again (their old tokens stay revoked).
    etag = r.headers["etag"]
    r = await client.patch(url, headers={**headers, "If-Match": etag}, json={"is_active": True})
    assert r.status_code == 200
    assert (await client.get("/api/v1/users/me", headers=member_headers[0])).status_code == 401
    await sign_in(client, member.email)


async def test_you_cannot_deactivate_yourself(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    admin = await make_user(session, platform_admin=True)
    headers = await sign_in(client, admin.email)
    url = f"/api/v1/users/{admin.id}"
    etag = (await client.get(url, headers=headers)).headers["etag"]
    for change in ({"is_active": False}, {"is_platform_admin": False}):
        r = await client.patch(url, headers={**headers, "If-Match": etag}, json=change)
        assert r.status_code == 409, change
        assert r.json()["type"] == "urn:gwella:problem:conflict"
    assert (await client.get("/api/v1/users/me", headers=headers)).status_code == 200
    refreshed = await session.scalar(select(User).where(User.id == admin.id))
    assert refreshed is not None
    await session.refresh(refreshed)
    assert (refreshed.is_active, refreshed.is_platform_admin) == (True, True)


async def test_a_role_for_a_person_who_does_not_exist_is_refused_naming_the_field(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """The organisation exists; the person named in the body does not: 422 on user_id, not
    a 404 that reads as the organisation being missing (the audit's stateful phase did)."""
    org = await make_org(session)
    admin = await make_user(session, {org: [Role.admin]})
    r = await client.post(
        f"/api/v1/organisations/{org.id}/memberships",
        headers=await sign_in(client, admin.email),
        json={"user_id": str(uuid.uuid4()), "role": "manager"},
    )
    assert r.status_code == 422, r.text
    assert r.json()["errors"] == [{"field": "body.user_id", "message": "no such user"}]
