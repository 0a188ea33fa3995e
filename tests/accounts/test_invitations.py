"""Inviting people by email: the one-time link, accepting it, and what can go wrong."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import httpx
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Invitation, Membership, Role, User
from gwella.core.database import utcnow
from gwella.core.mail import MemoryMailSender
from gwella.organisations.models import Organisation
from tests.factories import PASSWORD, make_org, make_user, sign_in

NEW_PASSWORD = "a brand new passphrase"
LINK = re.compile(r"http://gwella\.test/invitations/accept\?token=(gwi_[A-Za-z0-9_-]+)")


async def _invite(
    http: httpx.AsyncClient,
    headers: dict[str, str],
    org: Organisation,
    email: str,
    role: str = "staff",
    **extra: str,
) -> httpx.Response:
    return await http.post(
        "/api/v1/invitations",
        headers=headers,
        json={"email": email, "organisation_id": str(org.id), "role": role, **extra},
    )


def _token(mail: MemoryMailSender, email: str) -> str:
    messages = [m for m in mail.outbox if m.to == email]
    assert len(messages) == 1
    found = set(LINK.findall(messages[0].body))
    assert len(found) == 1, messages[0].body  # the same link, in English and in Welsh
    return found.pop()


async def _setup(
    http: httpx.AsyncClient, session: AsyncSession
) -> tuple[Organisation, dict[str, str]]:
    org = await make_org(session, "Abermor Wellbeing")
    admin = await make_user(session, {org: [Role.admin]})
    return org, await sign_in(http, admin.email)


async def _users_named(session: AsyncSession, email: str) -> int:
    return int(await session.scalar(select(func.count()).where(User.email == email)) or 0)


async def test_admin_invites_and_an_email_carries_the_link(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender
) -> None:
    org, headers = await _setup(client, session)
    r = await _invite(
        client, headers, org, "New.Person@Example.org", "manager", display_name="Ffion"
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["email"] == "new.person@example.org"
    assert (body["role"], body["status"], body["organisation_id"]) == (
        "manager",
        "pending",
        str(org.id),
    )
    # Outside development the token travels by email only.
    assert body["token"] is None
    assert body["accept_url"] is None

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == "new.person@example.org"
    assert "Abermor Wellbeing" in message.subject
    token = _token(mail, "new.person@example.org")

    stored = await session.scalar(select(Invitation).where(Invitation.id == uuid.UUID(body["id"])))
    assert stored is not None
    assert token not in stored.token_hash  # only a hash of the token is stored

    preview = await client.post("/api/v1/invitations/inspect", json={"token": token})
    assert preview.status_code == 200
    assert preview.json() == {
        "email": "new.person@example.org",
        "display_name": "Ffion",
        "organisation_name": "Abermor Wellbeing",
        "role": "manager",
        "expires_at": preview.json()["expires_at"],
        "account_exists": False,
    }
    unknown = await client.post("/api/v1/invitations/inspect", json={"token": "gwi_" + "x" * 40})
    assert unknown.status_code == 404


async def test_accepting_creates_the_account_with_the_role(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender
) -> None:
    org, headers = await _setup(client, session)
    r = await _invite(client, headers, org, "ffion@example.org", "staff")
    token = _token(mail, "ffion@example.org")

    accepted = await client.post(
        "/api/v1/invitations/accept",
        json={"token": token, "password": NEW_PASSWORD, "display_name": "Ffion", "language": "cy"},
    )
    assert accepted.status_code == 200, accepted.text
    user = accepted.json()
    assert (user["email"], user["display_name"], user["language"]) == (
        "ffion@example.org",
        "Ffion",
        "cy",
    )
    assert [(m["organisation_id"], m["role"]) for m in user["memberships"]] == [
        (str(org.id), "staff")
    ]

    me = await client.get(
        "/api/v1/users/me", headers=await sign_in(client, "ffion@example.org", NEW_PASSWORD)
    )
    assert me.json()["id"] == user["id"]

    stored = await session.scalar(
        select(Invitation).where(Invitation.id == uuid.UUID(r.json()["id"]))
    )
    assert stored is not None
    assert stored.accepted_at is not None

    # The link works once.
    again = await client.post(
        "/api/v1/invitations/accept", json={"token": token, "password": NEW_PASSWORD}
    )
    assert again.status_code == 410
    assert again.headers["content-type"] == "application/problem+json"
    assert again.json()["type"] == "urn:gwella:problem:gone"
    inspect = await client.post("/api/v1/invitations/inspect", json={"token": token})
    assert inspect.status_code == 410
    assert await _users_named(session, "ffion@example.org") == 1


async def test_revoked_invitation_cannot_be_accepted(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender
) -> None:
    org, headers = await _setup(client, session)
    r = await _invite(client, headers, org, "gone@example.org")
    token = _token(mail, "gone@example.org")
    revoke = await client.delete(f"/api/v1/invitations/{r.json()['id']}", headers=headers)
    assert revoke.status_code == 204
    assert (
        await client.delete(f"/api/v1/invitations/{r.json()['id']}", headers=headers)
    ).status_code == 409

    accept = await client.post(
        "/api/v1/invitations/accept", json={"token": token, "password": NEW_PASSWORD}
    )
    assert accept.status_code == 410
    assert "revoked" in accept.json()["detail"]
    assert await _users_named(session, "gone@example.org") == 0

    # Once withdrawn, the same person can be invited again.
    assert (await _invite(client, headers, org, "gone@example.org")).status_code == 201


async def test_expired_invitation_cannot_be_accepted(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender
) -> None:
    org, headers = await _setup(client, session)
    r = await _invite(client, headers, org, "late@example.org")
    token = _token(mail, "late@example.org")
    await session.execute(
        update(Invitation)
        .where(Invitation.id == uuid.UUID(r.json()["id"]))
        .values(expires_at=utcnow() - timedelta(minutes=1))
    )
    await session.commit()

    for path, extra in (
        ("/api/v1/invitations/inspect", {}),
        ("/api/v1/invitations/accept", {"password": NEW_PASSWORD}),
    ):
        refused = await client.post(path, json={"token": token, **extra})
        assert refused.status_code == 410, path
        assert "expired" in refused.json()["detail"]
    assert await _users_named(session, "late@example.org") == 0
    # An expired invitation no longer blocks a new one.
    assert (await _invite(client, headers, org, "late@example.org")).status_code == 201


async def test_weak_or_missing_password_creates_nothing(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender
) -> None:
    org, headers = await _setup(client, session)
    await _invite(client, headers, org, "weak@example.org")
    token = _token(mail, "weak@example.org")
    for attempt, field in (
        ({"password": "short"}, "body.password"),
        ({"password": "weak@example.org"}, "body.password"),
        ({}, "body.password"),
    ):
        r = await client.post("/api/v1/invitations/accept", json={"token": token, **attempt})
        assert r.status_code == 422, attempt
        assert {e["field"] for e in r.json()["errors"]} == {field}
    assert await _users_named(session, "weak@example.org") == 0
    memberships = await session.scalar(
        select(func.count()).where(Membership.organisation_id == org.id)
    )
    assert memberships == 1  # only the inviting admin
    # The invitation is still usable.
    ok = await client.post(
        "/api/v1/invitations/accept", json={"token": token, "password": NEW_PASSWORD}
    )
    assert ok.status_code == 200


async def test_existing_account_gets_the_role_and_keeps_its_password(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender
) -> None:
    org, headers = await _setup(client, session)
    elsewhere = await make_org(session)
    person = await make_user(session, {elsewhere: [Role.staff]}, email="known@example.org")
    await _invite(client, headers, org, "KNOWN@example.org", "carer")
    token = _token(mail, "known@example.org")

    preview = await client.post("/api/v1/invitations/inspect", json={"token": token})
    assert preview.json()["account_exists"] is True

    r = await client.post(
        "/api/v1/invitations/accept",
        json={"token": token, "password": NEW_PASSWORD, "display_name": "Ignored"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["id"] == str(person.id)
    assert r.json()["display_name"] == person.display_name
    held = {(m["organisation_id"], m["role"]) for m in r.json()["memberships"]}
    assert held == {(str(elsewhere.id), "staff"), (str(org.id), "carer")}

    await sign_in(client, "known@example.org", PASSWORD)
    refused = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": "known@example.org", "password": NEW_PASSWORD},
    )
    assert refused.status_code == 400


async def test_duplicate_pending_invitation_is_a_conflict(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender
) -> None:
    org, headers = await _setup(client, session)
    assert (await _invite(client, headers, org, "twice@example.org")).status_code == 201
    again = await _invite(client, headers, org, "Twice@Example.org")
    assert again.status_code == 409
    assert again.json()["type"] == "urn:gwella:problem:conflict"
    assert len(mail.outbox) == 1  # no second email for a refused invitation
    # Another role is another invitation.
    assert (await _invite(client, headers, org, "twice@example.org", "manager")).status_code == 201
    count = await session.scalar(select(func.count()).select_from(Invitation))
    assert count == 2


async def test_only_admins_of_the_organisation_invite(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender
) -> None:
    org = await make_org(session)
    other = await make_org(session)
    other_admin = await make_user(session, {other: [Role.admin]})
    for role in (Role.manager, Role.staff, Role.service_user, Role.carer):
        person = await make_user(session, {org: [role]})
        r = await _invite(client, await sign_in(client, person.email), org, "x@example.org")
        assert r.status_code == 403, role
        assert r.headers["content-type"] == "application/problem+json"
    # An admin elsewhere cannot even see this organisation.
    r = await _invite(client, await sign_in(client, other_admin.email), org, "x@example.org")
    assert r.status_code == 404
    assert mail.outbox == []
    assert await session.scalar(select(func.count()).select_from(Invitation)) == 0

    platform = await make_user(session, platform_admin=True)
    r = await _invite(client, await sign_in(client, platform.email), org, "x@example.org")
    assert r.status_code == 201


async def test_list_filters_by_status(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender
) -> None:
    org, headers = await _setup(client, session)
    ids = {}
    for name in ("pending", "accepted", "revoked", "expired"):
        r = await _invite(client, headers, org, f"{name}@example.org")
        ids[name] = r.json()["id"]
    await client.post(
        "/api/v1/invitations/accept",
        json={"token": _token(mail, "accepted@example.org"), "password": NEW_PASSWORD},
    )
    await client.delete(f"/api/v1/invitations/{ids['revoked']}", headers=headers)
    await session.execute(
        update(Invitation)
        .where(Invitation.id == uuid.UUID(ids["expired"]))
        .values(expires_at=utcnow() - timedelta(seconds=1))
    )
    await session.commit()

    everything = await client.get("/api/v1/invitations", headers=headers)
    assert {i["id"]: i["status"] for i in everything.json()["items"]} == {ids[s]: s for s in ids}
    for status, wanted in ids.items():
        r = await client.get("/api/v1/invitations", headers=headers, params={"status": status})
        assert r.status_code == 200
        assert [i["id"] for i in r.json()["items"]] == [wanted], status
    bad = await client.get("/api/v1/invitations", headers=headers, params={"status": "lost"})
    assert bad.status_code == 422


async def test_invitations_are_listed_only_to_admins_of_their_organisation(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender
) -> None:
    org, headers = await _setup(client, session)
    await _invite(client, headers, org, "someone@example.org")
    other = await make_org(session)
    other_admin = await make_user(session, {other: [Role.admin]})
    manager = await make_user(session, {org: [Role.manager]})
    for person in (other_admin, manager):
        r = await client.get("/api/v1/invitations", headers=await sign_in(client, person.email))
        assert r.status_code == 200
        assert r.json()["items"] == []
