"""Sign-in throttling: wrong passwords slow down whoever is guessing, from where they guess,
without locking the owner out; an administrator can lift a throttle.

- per account and address: a few failures are free, then each attempt waits longer
  (429 with Retry-After), and a correct password waits too;
- per address, against password spraying: too many failures from one address stop it from
  trying accounts that have never signed in from there;
- per account, against guessing from many addresses: too many failures stop addresses the
  account has never signed in from; the owner's usual places still work."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import LoginAttempt, Role, User
from gwella.core.audit import AuditEvent
from gwella.core.config import Settings
from tests.factories import PASSWORD, make_org, make_user, sign_in

WRONG = "not the password at all"


def _at(app: Any, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://gwella.test")


async def _try(http: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await http.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": email, "password": password},
    )


async def _age_failures(session: AsyncSession, seconds: float) -> None:
    """Time passes: every failure so far happened ``seconds`` earlier."""
    for attempt in list(await session.scalars(select(LoginAttempt))):
        await session.execute(
            update(LoginAttempt)
            .where(LoginAttempt.id == attempt.id)
            .values(attempted_at=attempt.attempted_at - timedelta(seconds=seconds))
        )
    await session.commit()
    session.expunge_all()


@pytest.fixture
async def places(app: Any) -> AsyncIterator[dict[str, httpx.AsyncClient]]:
    """The owner's office, an attacker, the office's other desks (one NAT) and a laptop
    on a new network."""
    clients = {
        "office": _at(app, "192.0.2.10"),
        "attacker": _at(app, "198.51.100.66"),
        "new place": _at(app, "203.0.113.99"),
    }
    for c in clients.values():
        await c.__aenter__()
    yield clients
    for c in clients.values():
        await c.__aexit__(None, None, None)


async def test_ten_wrong_passwords_do_not_lock_the_platform_administrator_out(
    places: dict[str, httpx.AsyncClient], session: AsyncSession
) -> None:
    admin = await make_user(session, platform_admin=True, email="root@example.test")
    for _ in range(10):
        r = await _try(places["attacker"], admin.email, WRONG)
        assert r.status_code in (400, 429)
    # The administrator, from anywhere else, is not affected.
    assert (await _try(places["office"], admin.email, PASSWORD)).status_code == 200
    assert (await _try(places["new place"], admin.email, PASSWORD)).status_code == 200


async def test_failures_from_one_place_bring_growing_delays_there(
    places: dict[str, httpx.AsyncClient], session: AsyncSession, settings: Settings
) -> None:
    user = await make_user(session, email="target@example.test")
    attacker = places["attacker"]
    free = settings.login_free_failures
    for _ in range(free):
        assert (await _try(attacker, user.email, WRONG)).status_code == 400
    waits = []
    for _ in range(4):
        held = await _try(attacker, user.email, PASSWORD)  # even the right one waits
        assert held.status_code == 429
        wait = int(held.headers["retry-after"])
        waits.append(wait)
        await _age_failures(session, wait)  # the caller waits as told…
        assert (await _try(attacker, user.email, WRONG)).status_code == 400  # …and fails again
    assert waits == sorted(waits), waits
    assert waits[-1] >= 4 * waits[0], waits
    assert waits[-1] <= settings.login_max_delay_seconds
    # The owner, elsewhere, never waits.
    assert (await _try(places["office"], user.email, PASSWORD)).status_code == 200


async def test_spelling_the_address_differently_does_not_escape_the_throttle(
    places: dict[str, httpx.AsyncClient], session: AsyncSession, settings: Settings
) -> None:
    await make_user(session, email="target@example.test")
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in "target")
    spellings = [
        "target@example.test",
        "TARGET@example.test",
        " Target@Example.Test",
        f"{full_width}@example.test",
        "target@EXAMPLE.TEST",
        "tArGeT@example.test",
    ]
    answers = [
        (await _try(places["attacker"], s, WRONG)).status_code
        for s in spellings[: settings.login_free_failures + 1]
    ]
    assert answers[-1] == 429, answers


async def test_a_success_forgets_the_failures_of_that_place(
    places: dict[str, httpx.AsyncClient], session: AsyncSession, settings: Settings
) -> None:
    user = await make_user(session)
    office = places["office"]
    for _ in range(settings.login_free_failures - 1):
        assert (await _try(office, user.email, WRONG)).status_code == 400
    assert (await _try(office, user.email, PASSWORD)).status_code == 200
    for _ in range(settings.login_free_failures - 1):
        assert (await _try(office, user.email, WRONG)).status_code == 400
    assert (await _try(office, user.email, PASSWORD)).status_code == 200


async def test_spraying_from_one_address_stops_there_but_not_for_people_known_there(
    app: Any, session: AsyncSession, settings: Settings
) -> None:
    """Fifty failures from one hospital's address no longer lock everyone behind it: people
    who have signed in from there before still can; accounts never used from there cannot be
    tried from there until the failures age; other addresses are not affected."""
    org = await make_org(session)
    colleague = await make_user(session, {org: [Role.staff]})
    newcomer = await make_user(session, {org: [Role.staff]})
    # A few guesses at each of many accounts: under every account's own throttle.
    tries = settings.login_free_failures - 1
    victims = [
        await make_user(session) for _ in range(-(-settings.login_address_max_failures // tries))
    ]
    async with _at(app, "192.0.2.10") as hospital, _at(app, "203.0.113.99") as home:
        await sign_in(hospital, colleague.email)  # the colleague works here
        for n in range(settings.login_address_max_failures):
            guess = await _try(hospital, victims[n // tries].email, f"guess number {n}")
            assert guess.status_code == 400
        assert (await _try(hospital, colleague.email, PASSWORD)).status_code == 200
        spraying = await _try(hospital, newcomer.email, PASSWORD)
        assert spraying.status_code == 429
        assert int(spraying.headers["retry-after"]) > 0
        assert (await _try(home, newcomer.email, PASSWORD)).status_code == 200


async def test_guessing_one_account_from_many_addresses_spares_its_usual_places(
    app: Any, session: AsyncSession, settings: Settings
) -> None:
    user = await make_user(session)
    async with _at(app, "192.0.2.10") as office:
        await sign_in(office, user.email)
        for i in range(settings.login_max_failures):
            async with _at(app, f"198.51.100.{i + 1}") as bot:
                assert (await _try(bot, user.email, WRONG)).status_code == 400
        async with _at(app, "198.51.100.200") as bot:
            assert (await _try(bot, user.email, PASSWORD)).status_code == 429
        assert (await _try(office, user.email, PASSWORD)).status_code == 200


# ------------------------------------------------------------------ lifting a throttle


async def _throttled(app: Any, session: AsyncSession, settings: Settings, user: User) -> None:
    async with _at(app, "198.51.100.66") as attacker:
        for _ in range(settings.login_free_failures):
            await _try(attacker, user.email, WRONG)
        assert (await _try(attacker, user.email, PASSWORD)).status_code == 429


async def test_an_organisation_administrator_lifts_a_members_throttle(
    app: Any, client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    org = await make_org(session)
    member = await make_user(session, {org: [Role.staff]})
    admin = await sign_in(client, (await make_user(session, {org: [Role.admin]})).email)
    await _throttled(app, session, settings, member)
    url = f"/api/v1/users/{member.id}/sign-in-throttle"
    seen = await client.get(url, headers=admin)
    assert seen.status_code == 200, seen.text
    assert seen.json()["failed_attempts"] == settings.login_free_failures
    assert seen.json()["addresses"] == 1
    assert seen.json()["throttled_addresses"] == 1
    lifted = await client.delete(url, headers=admin)
    assert lifted.status_code == 204, lifted.text
    async with _at(app, "198.51.100.66") as same_place:
        assert (await _try(same_place, member.email, PASSWORD)).status_code == 200
    event = await session.scalar(
        select(AuditEvent).where(AuditEvent.action == "user.sign_in_throttle_lifted")
    )
    assert event is not None
    assert event.record_id == str(member.id)
    assert event.changes["failures_cleared"]["after"] == settings.login_free_failures
    assert (await client.get(url, headers=admin)).json()["failed_attempts"] == 0


async def test_only_administrators_of_the_person_lift_a_throttle(
    app: Any, client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    org, other = await make_org(session), await make_org(session)
    member = await make_user(session, {org: [Role.staff]})
    await _throttled(app, session, settings, member)
    url = f"/api/v1/users/{member.id}/sign-in-throttle"
    for who, expected in (
        (await make_user(session, {org: [Role.manager]}), 403),
        (await make_user(session, {org: [Role.staff]}), 404),
        (await make_user(session, {other: [Role.admin]}), 404),
        (member, 403),
    ):
        headers = await sign_in(client, who.email)
        assert (await client.delete(url, headers=headers)).status_code == expected
    remaining = await session.scalar(
        select(func.count()).select_from(LoginAttempt).where(LoginAttempt.succeeded.is_(False))
    )
    assert remaining == settings.login_free_failures  # nothing was lifted
    platform = await sign_in(client, (await make_user(session, platform_admin=True)).email)
    assert (await client.delete(url, headers=platform)).status_code == 204


async def test_failures_older_than_the_window_no_longer_count(
    places: dict[str, httpx.AsyncClient], session: AsyncSession, settings: Settings
) -> None:
    user = await make_user(session)
    for _ in range(settings.login_free_failures + 1):
        await _try(places["attacker"], user.email, WRONG)
    assert (await _try(places["attacker"], user.email, PASSWORD)).status_code == 429
    await _age_failures(session, settings.login_window_seconds + 1)
    assert (await _try(places["attacker"], user.email, PASSWORD)).status_code == 200
