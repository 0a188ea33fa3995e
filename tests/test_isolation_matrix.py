"""The isolation matrix: the people and the API client of organisation A can neither see nor
change organisation B's records, until A and B share a partnership; then A may read B's
organisation and services, and still change nothing of B's.

Read each table as a matrix: rows are operations on B's records, columns are A's actors (the
test is parametrised over them), and a cell is the status that actor must get. Statuses are
exact: 404 where B's record must not even be known to exist, 403 where the caller may know of
it (or the route is not open to API clients at all), never a 2xx.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import ApiClient, Invitation, Membership, User
from gwella.core.audit import AuditEvent
from gwella.organisations.models import Organisation, Service
from gwella.partnerships.models import PartnershipMember
from tests.factories import World, client_token, make_org, make_partnership, make_world, sign_in

ACTORS = ["a_admin", "a_manager", "a_staff", "a_service_user", "a_client"]

# A cell: what a person of A gets, and what A's API client (scope `read`) gets.
HIDDEN = (404, 404)  # B's record is invisible to everyone of A
HIDDEN_PEOPLE_ONLY = (404, 403)  # invisible; and the route is not for API clients anyway
FORBIDDEN = (403, 403)

# ------------------------------------------------------------------------ the tables

# (what, path) — reading one of B's records.
READS_OF_ONE: list[tuple[str, str, tuple[int, int]]] = [
    ("organisation", "/api/v1/organisations/{b}", HIDDEN),
    ("organisation by code", "/api/v1/organisations/test:{b_code}", HIDDEN),
    ("its services", "/api/v1/organisations/{b}/services", HIDDEN),
    ("a service", "/api/v1/services/{b_service}", HIDDEN),
    ("its members", "/api/v1/organisations/{b}/memberships", HIDDEN_PEOPLE_ONLY),
    ("a person", "/api/v1/users/{b_staff}", HIDDEN_PEOPLE_ONLY),
    ("an API client", "/api/v1/api-clients/{b_client}", HIDDEN_PEOPLE_ONLY),
    ("an audit event", "/api/v1/audit-events/{b_event}", HIDDEN_PEOPLE_ONLY),
    ("its partnership", "/api/v1/partnerships/{b_partnership}", HIDDEN),
    ("its partnership's members", "/api/v1/partnerships/{b_partnership}/members", HIDDEN),
    (
        "organisations of its partnership",
        "/api/v1/organisations?partnership_id={b_partnership}",
        HIDDEN,
    ),
]

# (what, path, people_only, must_be_empty) — lists must not mention any of B's records.
LISTS: list[tuple[str, str, bool, bool]] = [
    ("organisations", "/api/v1/organisations", False, False),
    ("people", "/api/v1/users", True, False),
    ("people of B", "/api/v1/users?organisation_id={b}", True, True),
    ("API clients", "/api/v1/api-clients", True, False),
    ("API clients of B", "/api/v1/api-clients?organisation_id={b}", True, True),
    ("invitations", "/api/v1/invitations", True, False),
    ("invitations of B", "/api/v1/invitations?organisation_id={b}", True, True),
    ("audit events", "/api/v1/audit-events", True, False),
    ("audit events of B", "/api/v1/audit-events?organisation_id={b}", True, True),
    ("partnerships", "/api/v1/partnerships", False, False),
    ("partnerships of B", "/api/v1/partnerships?organisation_id={b}", False, True),
]

# (what, method, path, body, cell before any partnership, cell once A and B are partners)
CHANGES: list[tuple[str, str, str, dict[str, Any] | None, tuple[int, int], tuple[int, int]]] = [
    (
        "rename B",
        "PATCH",
        "/api/v1/organisations/{b}",
        {"name": "Taken"},
        HIDDEN_PEOPLE_ONLY,
        FORBIDDEN,
    ),
    (
        "add a service to B",
        "POST",
        "/api/v1/organisations/{b}/services",
        {"name": "Planted", "kind": "ward"},
        HIDDEN_PEOPLE_ONLY,
        FORBIDDEN,
    ),
    (
        "change B's service",
        "PATCH",
        "/api/v1/services/{b_service}",
        {"name": "Taken"},
        HIDDEN_PEOPLE_ONLY,
        FORBIDDEN,
    ),
    (
        "make oneself B's admin",
        "POST",
        "/api/v1/organisations/{b}/memberships",
        {"user_id": "{me}", "role": "admin"},
        HIDDEN_PEOPLE_ONLY,
        FORBIDDEN,
    ),
    (
        "take a role away in B",
        "DELETE",
        "/api/v1/organisations/{b}/memberships/{b_membership}",
        None,
        HIDDEN_PEOPLE_ONLY,
        FORBIDDEN,
    ),
    (
        "deactivate B's staff",
        "PATCH",
        "/api/v1/users/{b_staff}",
        {"is_active": False},
        FORBIDDEN,
        FORBIDDEN,
    ),
    (
        "invite someone to B",
        "POST",
        "/api/v1/invitations",
        {"email": "mole@example.org", "organisation_id": "{b}", "role": "admin"},
        HIDDEN_PEOPLE_ONLY,
        FORBIDDEN,
    ),
    (
        "withdraw B's invitation",
        "DELETE",
        "/api/v1/invitations/{b_invitation}",
        None,
        HIDDEN_PEOPLE_ONLY,
        FORBIDDEN,
    ),
    (
        "create an API client for B",
        "POST",
        "/api/v1/api-clients",
        {"organisation_id": "{b}", "name": "Mole", "scopes": ["read"]},
        HIDDEN_PEOPLE_ONLY,
        FORBIDDEN,
    ),
    (
        "widen B's API client",
        "PATCH",
        "/api/v1/api-clients/{b_client}",
        {"scopes": ["read", "responses:write"]},
        HIDDEN_PEOPLE_ONLY,
        FORBIDDEN,
    ),
    (
        "rotate B's client secret",
        "POST",
        "/api/v1/api-clients/{b_client}/rotate-secret",
        None,
        HIDDEN_PEOPLE_ONLY,
        FORBIDDEN,
    ),
    (
        "revoke B's API client",
        "POST",
        "/api/v1/api-clients/{b_client}/revoke",
        None,
        HIDDEN_PEOPLE_ONLY,
        FORBIDDEN,
    ),
    (
        "create an organisation",
        "POST",
        "/api/v1/organisations",
        {"name": "Shadow", "kind": "other"},
        FORBIDDEN,
        FORBIDDEN,
    ),
    (
        "found a partnership of B alone",
        "POST",
        "/api/v1/partnerships",
        {"name": "Shadow", "organisation_ids": ["{b}"]},
        FORBIDDEN,
        FORBIDDEN,
    ),
    (
        "rename B's partnership",
        "PATCH",
        "/api/v1/partnerships/{b_partnership}",
        {"name": "Taken"},
        HIDDEN_PEOPLE_ONLY,
        HIDDEN_PEOPLE_ONLY,
    ),
    (
        "join B's partnership",
        "POST",
        "/api/v1/partnerships/{b_partnership}/members",
        {"organisation_id": "{a}"},
        HIDDEN_PEOPLE_ONLY,
        HIDDEN_PEOPLE_ONLY,
    ),
    (
        "take B out of its partnership",
        "DELETE",
        "/api/v1/partnerships/{b_partnership}/members/{b}",
        None,
        HIDDEN_PEOPLE_ONLY,
        HIDDEN_PEOPLE_ONLY,
    ),
]

# Once A and B are partners: what A's people and client may now read of B's.
SHARED_READS = [
    "/api/v1/organisations/{b}",
    "/api/v1/organisations/test:{b_code}",
    "/api/v1/organisations/{b}/services",
    "/api/v1/services/{b_service}",
]
# ... and what stays closed (reads of B's people, clients, trail and other partnerships).
STILL_CLOSED: list[tuple[str, str, tuple[int, int]]] = [
    ("its members", "/api/v1/organisations/{b}/memberships", FORBIDDEN),
    ("a person", "/api/v1/users/{b_staff}", HIDDEN_PEOPLE_ONLY),
    ("an API client", "/api/v1/api-clients/{b_client}", FORBIDDEN),
    ("an audit event of B", "/api/v1/audit-events/{b_event}", HIDDEN_PEOPLE_ONLY),
    ("B's other partnership", "/api/v1/partnerships/{b_partnership}", HIDDEN),
]


# ------------------------------------------------------------------------ the world


@dataclass
class Setting:
    world: World
    ids: dict[str, str]
    """Everything a path or body may name, as strings."""
    b_ids: set[str]
    """Ids of every record of B's, none of which may appear in what A's actors see."""


@pytest.fixture
async def setting(client: httpx.AsyncClient, session: AsyncSession) -> Setting:
    world = await make_world(session)
    a, b = world.a, world.b
    b.code_scheme, b.code = "test", "BETA1"  # addressable by code too
    await session.commit()
    c = await make_org(session, "Gamma Charity")
    b_partnership = await make_partnership(session, b, c)

    b_admin = await sign_in(client, world.users["b_admin"].email)
    r = await client.post(
        "/api/v1/invitations",
        headers=b_admin,
        json={"email": "newcomer@example.org", "organisation_id": str(b.id), "role": "staff"},
    )
    assert r.status_code == 201, r.text
    b_invitation = r.json()["id"]

    b_staff = world.users["b_staff"]
    b_membership = await session.scalar(
        select(Membership.id).where(Membership.user_id == b_staff.id)
    )
    b_event = await session.scalar(
        select(AuditEvent.id).where(
            AuditEvent.organisation_id == b.id, AuditEvent.action == "organisation.created"
        )
    )
    ids = {
        "a": str(a.id),
        "b": str(b.id),
        "b_code": "BETA1",
        "b_service": str(world.services["b"].id),
        "b_staff": str(b_staff.id),
        "b_client": str(world.clients["b"].record.id),
        "b_membership": str(b_membership),
        "b_invitation": b_invitation,
        "b_event": str(b_event),
        "b_partnership": str(b_partnership.id),
    }
    b_ids = {v for k, v in ids.items() if k.startswith("b") and k != "b_code"}
    b_ids |= {str(u.id) for k, u in world.users.items() if k.startswith("b_")}
    b_ids |= {
        str(e)
        for e in await session.scalars(
            select(AuditEvent.id).where(AuditEvent.organisation_id == b.id)
        )
    }
    b_ids.add(world.clients["b"].record.client_id)
    return Setting(world, ids, b_ids)


async def _headers(http: httpx.AsyncClient, s: Setting, actor: str) -> dict[str, str]:
    if actor == "a_client":
        return await client_token(http, s.world.clients["a"])
    return await sign_in(http, s.world.users[actor].email)


def _fill(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.format(**ids)
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, ids) for v in value]
    return value


def _expected(cell: tuple[int, int], actor: str) -> int:
    return cell[1] if actor == "a_client" else cell[0]


async def _changes_fingerprint(session: AsyncSession) -> tuple[Any, ...]:
    """Everything a refused change could have touched. Every change writes an audit event in
    its own transaction, so an unchanged count of non-sign-in events is the broad proof; the
    rest are the records named in CHANGES."""
    events = await session.scalar(
        select(func.count()).where(AuditEvent.action.not_like("session.%"))
    )
    orgs = (
        await session.execute(select(Organisation.id, Organisation.version, Organisation.name))
    ).all()
    services = (await session.execute(select(Service.id, Service.version, Service.name))).all()
    memberships = (
        await session.execute(
            select(Membership.user_id, Membership.organisation_id, Membership.role)
        )
    ).all()
    users = (await session.execute(select(User.id, User.version, User.is_active))).all()
    clients = (
        await session.execute(
            select(ApiClient.id, ApiClient.version, ApiClient.secret_hash, ApiClient.revoked_at)
        )
    ).all()
    invitations = (await session.execute(select(Invitation.id, Invitation.revoked_at))).all()
    partners = (
        await session.execute(
            select(
                PartnershipMember.partnership_id,
                PartnershipMember.organisation_id,
                PartnershipMember.left_at,
            )
        )
    ).all()
    tables = (orgs, services, memberships, users, clients, invitations, partners)
    return (*(tuple(sorted(map(str, rows))) for rows in tables), events)


def _leaks(body: str, b_ids: set[str]) -> set[str]:
    return {i for i in b_ids if i in body}


def _ghosts(ids: dict[str, str]) -> dict[str, str]:
    """The same names, pointing at records that do not exist."""
    ghosts = {k: str(uuid.uuid4()) for k in ids if k.startswith("b")}
    return {**ids, **ghosts, "b_code": "GHOST1"}


def _refusal(r: httpx.Response) -> tuple[Any, ...]:
    body = r.json() if r.headers.get("content-type") == "application/problem+json" else {}
    return r.status_code, body.get("type"), body.get("title"), body.get("detail")


async def _send(
    http: httpx.AsyncClient,
    headers: dict[str, str],
    method: str,
    path: str,
    body: dict[str, Any] | None,
    ids: dict[str, str],
) -> httpx.Response:
    return await http.request(
        method,
        _fill(path, ids),
        headers={**headers, "If-Match": "*"},  # a stale ETag must not be what stops a change
        json=None if body is None else _fill(body, ids),
    )


def _all(path: str) -> str:
    """The whole list on one page (httpx's `params=` would replace the path's own query)."""
    return path + ("&" if "?" in path else "?") + "limit=200"


# ------------------------------------------------------------------------ the phases


async def _reads_refused(
    http: httpx.AsyncClient, s: Setting, headers: dict[str, str], actor: str
) -> list[str]:
    wrong: list[str] = []
    ghosts = _ghosts(s.ids)
    for what, path, cell in READS_OF_ONE:
        r = await http.get(_fill(path, s.ids), headers=headers)
        want = _expected(cell, actor)
        if r.status_code != want:
            wrong.append(f"read {what}: {r.status_code}, expected {want}")
            continue
        # Refused exactly as if B's record did not exist: existence does not leak.
        ghost = await http.get(_fill(path, ghosts), headers=headers)
        if _refusal(r) != _refusal(ghost):
            wrong.append(f"read {what}: {_refusal(r)} but a missing one {_refusal(ghost)}")
    for what, path, people_only, must_be_empty in LISTS:
        r = await http.get(_all(_fill(path, s.ids)), headers=headers)
        if people_only and actor == "a_client":
            if r.status_code != 403:
                wrong.append(f"list {what}: {r.status_code}, expected 403")
            continue
        if r.status_code != 200:
            wrong.append(f"list {what}: {r.status_code}, expected 200")
            continue
        if leaked := _leaks(r.text, s.b_ids):
            wrong.append(f"list {what} shows B's records: {sorted(leaked)}")
        if must_be_empty and r.json()["items"]:
            wrong.append(f"list {what} is not empty")
    return wrong


async def _changes_refused(
    http: httpx.AsyncClient,
    session: AsyncSession,
    headers: dict[str, str],
    ids: dict[str, str],
    actor: str,
    partners: bool,
) -> list[str]:
    wrong: list[str] = []
    ghosts = _ghosts(ids)
    before = await _changes_fingerprint(session)
    for what, method, path, body, alone, together in CHANGES:
        r = await _send(http, headers, method, path, body, ids)
        want = _expected(together if partners else alone, actor)
        if r.status_code != want:
            wrong.append(f"{what}: {r.status_code}, expected {want}")
            continue
        if want == 404:
            ghost = await _send(http, headers, method, path, body, ghosts)
            if _refusal(r) != _refusal(ghost):
                wrong.append(f"{what}: {_refusal(r)} but a missing one {_refusal(ghost)}")
    if await _changes_fingerprint(session) != before:
        wrong.append("refused changes changed the database")
    return wrong


async def _partner_reads(
    http: httpx.AsyncClient, headers: dict[str, str], ids: dict[str, str], actor: str
) -> list[str]:
    wrong: list[str] = []
    for path in SHARED_READS:
        r = await http.get(_fill(path, ids), headers=headers)
        if r.status_code != 200:
            wrong.append(f"shared {path}: {r.status_code}, expected 200")
    listed = await http.get("/api/v1/organisations", headers=headers)
    if ids["b"] not in {o["id"] for o in listed.json()["items"]}:
        wrong.append("B is not in the list of organisations")
    services = await http.get(_fill("/api/v1/organisations/{b}/services", ids), headers=headers)
    if [x["id"] for x in services.json().get("items", [])] != [ids["b_service"]]:
        wrong.append("B's services are not listed")
    for what, path, cell in STILL_CLOSED:
        r = await http.get(_fill(path, ids), headers=headers)
        if r.status_code != _expected(cell, actor):
            wrong.append(f"{what}: {r.status_code}, expected {_expected(cell, actor)}")
    return wrong


# ------------------------------------------------------------------------ the tests


@pytest.mark.parametrize("actor", ACTORS)
async def test_isolation_until_a_partnership(
    client: httpx.AsyncClient, session: AsyncSession, setting: Setting, actor: str
) -> None:
    """One actor of A through the whole story; every wrong cell is reported at once."""
    headers = await _headers(client, setting, actor)
    me = (
        setting.world.users[actor].id
        if actor != "a_client"
        else setting.world.clients["a"].record.id
    )
    ids = {**setting.ids, "me": str(me)}
    wrong = [f"alone, {w}" for w in await _reads_refused(client, setting, headers, actor)]
    wrong += [
        f"alone, {w}"
        for w in await _changes_refused(client, session, headers, ids, actor, partners=False)
    ]

    await make_partnership(session, setting.world.a, setting.world.b)
    wrong += [f"partners, {w}" for w in await _partner_reads(client, headers, ids, actor)]
    wrong += [
        f"partners, {w}"
        for w in await _changes_refused(client, session, headers, ids, actor, partners=True)
    ]
    assert not wrong, "\n".join(wrong)


async def test_the_controls(client: httpx.AsyncClient, setting: Setting) -> None:
    """Every path in the tables is right: B's own admin reads each one, and sees B's records
    in each list. And isolation is not one-way: B's people cannot see A either."""
    headers = await sign_in(client, setting.world.users["b_admin"].email)
    for what, path, _ in READS_OF_ONE:
        r = await client.get(_fill(path, setting.ids), headers=headers)
        assert r.status_code == 200, what
    for what, path, _, _ in LISTS:
        r = await client.get(_all(_fill(path, setting.ids)), headers=headers)
        assert r.status_code == 200, what
        assert _leaks(r.text, setting.b_ids), what

    b_staff = await sign_in(client, setting.world.users["b_staff"].email)
    r = await client.get(f"/api/v1/organisations/{setting.ids['a']}", headers=b_staff)
    assert r.status_code == 404
    r = await client.get(f"/api/v1/services/{setting.world.services['a'].id}", headers=b_staff)
    assert r.status_code == 404
