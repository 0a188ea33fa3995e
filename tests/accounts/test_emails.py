"""One person, one address: an e-mail address is compared and stored in one form (Unicode
NFKC, lower case, no surrounding space), however it was typed: full-width letters from an
East Asian keyboard, a decomposed accent from a Mac, capitals from a phone."""

from __future__ import annotations

import re

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import users
from gwella.accounts.models import Invitation, Membership, Role, User
from gwella.core.errors import Conflict
from gwella.core.mail import MemoryMailSender
from tests.factories import PASSWORD, SYSTEM, make_org, make_user, sign_in


def _full_width(text: str) -> str:
    """ASCII letters as an East Asian keyboard types them (U+FF21 onwards)."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalpha() else c for c in text)


LINK = re.compile(r"token=(gwi_[A-Za-z0-9_-]+)")

# The same address as a person may type it: composed and decomposed "â", full-width
# letters, capitals, a non-breaking space typed after it.
STORED = "siân.jones@example.test"
VARIANTS = [
    "SIÂN.JONES@EXAMPLE.TEST",
    "sia\u0302n.jones@example.test",  # "a" + combining circumflex (NFD)
    _full_width("siân.jones@example.test"),
    " Siân.Jones@Example.Test\u00a0",
]


@pytest.mark.parametrize("typed", VARIANTS)
def test_an_address_has_one_form(typed: str) -> None:
    assert users.normalise_email(typed) == STORED


@pytest.mark.parametrize("typed", VARIANTS)
async def test_sign_in_finds_the_person_however_the_address_is_typed(
    client: httpx.AsyncClient, session: AsyncSession, typed: str
) -> None:
    await make_user(session, email="Siân.Jones@example.test")
    r = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": typed, "password": PASSWORD},
    )
    assert r.status_code == 200, r.text


async def test_a_second_account_for_the_same_address_is_refused(session: AsyncSession) -> None:
    await make_user(session, email=STORED)
    for typed in VARIANTS:
        with pytest.raises(Conflict):
            await users.create_user(
                session, SYSTEM, email=typed, display_name="Copy", password=PASSWORD
            )
    await session.rollback()
    assert await session.scalar(select(func.count()).select_from(User)) == 1


async def test_new_accounts_store_the_one_form(session: AsyncSession) -> None:
    user = await users.create_user(
        session, SYSTEM, email=VARIANTS[2], display_name="Siân", password=PASSWORD
    )
    assert user.email == STORED


async def test_an_invitation_to_another_spelling_reaches_the_existing_account(
    client: httpx.AsyncClient, session: AsyncSession, mail: MemoryMailSender
) -> None:
    org = await make_org(session)
    stored = "siân.jones@example.org"
    person = await make_user(session, email=stored)
    admin = await sign_in(client, (await make_user(session, {org: [Role.admin]})).email)
    body = {"organisation_id": str(org.id), "role": "staff"}
    first = await client.post(
        "/api/v1/invitations", headers=admin, json={**body, "email": "Sia\u0302n.Jones@example.org"}
    )
    assert first.status_code == 201, first.text
    assert first.json()["email"] == stored
    # The same person, typed another way, already has a pending invitation.
    again = await client.post(
        "/api/v1/invitations",
        headers=admin,
        json={**body, "email": _full_width("SIÂN.JONES") + "@example.org"},
    )
    assert again.status_code == 409
    assert await session.scalar(select(func.count()).select_from(Invitation)) == 1

    [message] = [m for m in mail.outbox if m.to == stored]
    token = LINK.findall(message.body)[0]
    preview = await client.post("/api/v1/invitations/inspect", json={"token": token})
    assert preview.status_code == 200, preview.text
    assert preview.json()["account_exists"] is True
    accepted = await client.post("/api/v1/invitations/accept", json={"token": token})
    assert accepted.status_code == 200, accepted.text
    assert await session.scalar(select(func.count()).select_from(User)) == 2  # no new one
    roles = await session.scalars(select(Membership.role).where(Membership.user_id == person.id))
    assert list(roles) == [Role.staff]
