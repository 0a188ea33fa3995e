"""Each server process remembers who a token belongs to (one query instead of four per
request), and never longer than it is true: a change made through *another* process (here a
second application on the same database) takes effect on the next request."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Membership, Role
from gwella.core.audit import ActorType, AuditContext
from gwella.core.config import Settings
from gwella.core.mail import MemoryMailSender
from gwella.core.principal import Principal
from gwella.core.principals import AuthGeneration, PrincipalCache
from gwella.main import create_app
from tests.factories import make_org, make_partnership, make_user, sign_in


@pytest.fixture
async def elsewhere(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """Another server process: its own application, engine and memory, the same database."""
    other = create_app(settings, mail=MemoryMailSender())
    async with other.router.lifespan_context(other):
        transport = httpx.ASGITransport(app=other, client=("203.0.113.8", 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://gwella.test") as c:
            yield c


async def _generation(session: AsyncSession) -> int:
    value = await session.scalar(select(AuthGeneration.value))
    await session.commit()  # a fresh snapshot next time
    assert value is not None
    return int(value)


async def test_a_remembered_token_costs_one_query_not_four(
    app: Any, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    user = await make_user(session, {org: [Role.manager]})
    headers = await sign_in(client, user.email)
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        first = await client.get("/api/v1/organisations", headers=headers)
        first_count = len(statements)
        statements.clear()
        again = await client.get("/api/v1/organisations", headers=headers)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert not [s for s in statements if "access_tokens" in s or "memberships" in s]
    assert len([s for s in statements if "auth_generation" in s]) == 1
    # The generation, then token, user, memberships and partnerships; then the generation.
    assert len(statements) == first_count - 4


async def test_signing_out_through_one_process_refuses_the_token_on_another(
    client: httpx.AsyncClient, elsewhere: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session)
    headers = await sign_in(client, user.email)
    assert (await client.get("/api/v1/users/me", headers=headers)).status_code == 200
    assert (
        await elsewhere.post("/api/v1/auth/revoke", data={"token": headers["Authorization"][7:]})
    ).status_code == 200
    refused = await client.get("/api/v1/users/me", headers=headers)
    assert refused.status_code == 401
    assert refused.headers["content-type"].startswith("application/problem+json")


async def test_a_role_removed_elsewhere_is_gone_on_the_next_request(
    client: httpx.AsyncClient, elsewhere: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    admin = await make_user(session, {org: [Role.admin]})
    manager = await make_user(session, {org: [Role.manager]})
    headers = await sign_in(client, manager.email)
    memberships = f"/api/v1/organisations/{org.id}/memberships"
    assert (await client.get(memberships, headers=headers)).status_code == 200

    membership = await session.scalar(select(Membership).where(Membership.user_id == manager.id))
    assert membership is not None
    removed = await elsewhere.delete(
        f"{memberships}/{membership.id}", headers=await sign_in(elsewhere, admin.email)
    )
    assert removed.status_code == 204, removed.text
    assert (await client.get(memberships, headers=headers)).status_code in (403, 404)
    me = (await client.get("/api/v1/users/me", headers=headers)).json()
    assert me["memberships"] == []


async def test_an_account_deactivated_elsewhere_is_refused_at_once(
    client: httpx.AsyncClient, elsewhere: httpx.AsyncClient, session: AsyncSession
) -> None:
    platform = await make_user(session, platform_admin=True)
    person = await make_user(session)
    headers = await sign_in(client, person.email)
    assert (await client.get("/api/v1/users/me", headers=headers)).status_code == 200
    admin_headers = await sign_in(elsewhere, platform.email)
    current = await elsewhere.get(f"/api/v1/users/{person.id}", headers=admin_headers)
    r = await elsewhere.patch(
        f"/api/v1/users/{person.id}",
        headers={**admin_headers, "If-Match": current.headers["etag"]},
        json={"is_active": False},
    )
    assert r.status_code == 200, r.text
    assert (await client.get("/api/v1/users/me", headers=headers)).status_code == 401


async def test_leaving_a_partnership_elsewhere_closes_the_shared_view_at_once(
    client: httpx.AsyncClient, elsewhere: httpx.AsyncClient, session: AsyncSession
) -> None:
    a, b = await make_org(session), await make_org(session)
    a_staff = await make_user(session, {a: [Role.staff]})
    b_admin = await make_user(session, {b: [Role.admin]})
    p = await make_partnership(session, a, b)
    headers = await sign_in(client, a_staff.email)
    assert (await client.get(f"/api/v1/organisations/{b.id}", headers=headers)).status_code == 200
    left = await elsewhere.delete(
        f"/api/v1/partnerships/{p.id}/members/{b.id}",
        headers=await sign_in(elsewhere, b_admin.email),
    )
    assert left.status_code == 204
    assert (await client.get(f"/api/v1/organisations/{b.id}", headers=headers)).status_code == 404


async def test_signing_in_leaves_the_generation_alone_and_changes_move_it_on(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    admin = await make_user(session, {org: [Role.admin]})
    before = await _generation(session)
    headers = await sign_in(client, admin.email)
    await sign_in(client, admin.email)
    assert await _generation(session) == before  # a new token changes no principal

    other = await make_user(session)
    granted = await client.post(
        f"/api/v1/organisations/{org.id}/memberships",
        headers=headers,
        json={"user_id": str(other.id), "role": "staff"},
    )
    assert granted.status_code == 201, granted.text
    after_grant = await _generation(session)
    assert after_grant > before

    refused = await client.post(  # refused, so nothing changed and nothing moves
        f"/api/v1/organisations/{org.id}/memberships",
        headers=headers,
        json={"user_id": str(other.id), "role": "no-such-role"},
    )
    assert refused.status_code == 422
    assert await _generation(session) == after_grant

    # A change written and then rolled back moves nothing either (the transaction that
    # follows on the same session commits without it).
    session.add(Membership(user_id=other.id, organisation_id=org.id, role=Role.manager))
    await session.flush()
    await session.rollback()
    await session.commit()
    assert await _generation(session) == after_grant


def _principal(label: str = "p") -> Principal:
    uid = uuid.uuid4()
    return Principal(
        kind="user",
        id=uid,
        label=label,
        token_id=uuid.uuid4(),
        audit=AuditContext(ActorType.user, uid, label, "req-1", "192.0.2.1"),
    )


def test_the_memory_keeps_each_request_its_own_audit_context_and_forgets_in_time() -> None:
    cache = PrincipalCache(size=2)
    now = datetime.now(UTC)
    p = _principal()
    cache.put("k", 7, now + timedelta(minutes=5), p)
    hit = cache.get("k", 7, now, "req-2", "192.0.2.2")
    assert hit is not None
    assert hit.id == p.id
    assert (hit.audit.request_id, hit.audit.client_address) == ("req-2", "192.0.2.2")
    assert p.audit.request_id == "req-1"  # the remembered one is untouched
    assert cache.get("k", 8, now, None, None) is None  # another generation: forgotten
    assert cache.get("k", 7, now, None, None) is None

    cache.put("old", 1, now + timedelta(seconds=1), _principal())
    assert cache.get("old", 1, now + timedelta(seconds=1), None, None) is None  # expired

    for key in ("a", "b", "c"):
        cache.put(key, 1, now + timedelta(minutes=5), _principal(key))
    assert len(cache) == 2
    assert cache.get("a", 1, now, None, None) is None  # the least recently used went
    assert cache.get("c", 1, now, None, None) is not None
