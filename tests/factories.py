"""Test data through the services (so the same rules and audit apply as in the API)."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
from argon2 import PasswordHasher, Type
from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import api_clients
from gwella.accounts import users as accounts
from gwella.accounts.models import ApiClient, Role, Scope, User
from gwella.accounts.schemas import ApiClientCreate
from gwella.core.audit import AuditContext
from gwella.core.text import LocalizedText
from gwella.indicators import service as indicators
from gwella.indicators.models import Direction, Indicator
from gwella.indicators.schemas import IndicatorCreate
from gwella.ingest import service as ingest
from gwella.ingest.schemas import IngestMeasurementItem
from gwella.organisations import service as organisations
from gwella.organisations.enums import OrganisationKind, ServiceKind
from gwella.organisations.models import Organisation, Service
from gwella.organisations.schemas import OrganisationCreate, ServiceCreate
from gwella.partnerships import service as partnerships
from gwella.partnerships.models import Partnership
from gwella.partnerships.schemas import PartnershipCreate

PASSWORD = "correct horse battery staple"
SYSTEM = AuditContext.system("tests")
_seq = itertools.count(1)

# The app hashes with the argon2 cost of the process settings (`gwella.core.security` reads
# `get_settings()`, not the test settings), about 0.3 s a hash. Factory users get a real
# argon2id hash made with the cheapest cost instead: verifying reads the cost from the hash,
# so signing in as them is fast while going through exactly the same code.
_CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)
_hashes: dict[str, str] = {}


def cheap_password_hash(password: str) -> str:
    if password not in _hashes:
        _hashes[password] = _CHEAP_HASHER.hash(password)
    return _hashes[password]


async def make_org(
    session: AsyncSession,
    name: str | None = None,
    kind: OrganisationKind = OrganisationKind.health_board,
    code: str | None = None,
) -> Organisation:
    n = next(_seq)
    org = await organisations.create_organisation(
        session,
        SYSTEM,
        OrganisationCreate(
            name=name or f"Organisation {n}",
            kind=kind,
            code_scheme="test" if code else None,
            code=code,
        ),
    )
    await session.commit()
    return org


async def make_service(
    session: AsyncSession,
    org: Organisation,
    name: str | None = None,
    code: str | None = None,
    parent: Service | None = None,
) -> Service:
    service = await organisations.create_service(
        session,
        SYSTEM,
        org,
        ServiceCreate(
            name=name or f"Service {next(_seq)}",
            kind=ServiceKind.community_mental_health_team,
            code=code,
            parent_id=parent.id if parent else None,
        ),
    )
    await session.commit()
    return service


async def make_user(
    session: AsyncSession,
    roles: dict[Organisation, list[Role]] | None = None,
    *,
    email: str | None = None,
    platform_admin: bool = False,
    password: str = PASSWORD,
) -> User:
    user = await accounts.create_user(
        session,
        SYSTEM,
        email=email or f"person{next(_seq)}@example.test",
        display_name=f"Person {next(_seq)}",
        password=None,
        is_platform_admin=platform_admin,
    )
    user.password_hash = cheap_password_hash(password)
    for org, held in (roles or {}).items():
        for role in held:
            await accounts.grant_role(session, SYSTEM, org.id, user.id, role)
    await session.commit()
    return user


async def make_partnership(session: AsyncSession, *orgs: Organisation) -> Partnership:
    partnership = await partnerships.create_partnership(
        session,
        SYSTEM,
        PartnershipCreate(name=f"Partnership {next(_seq)}", organisation_ids=[o.id for o in orgs]),
    )
    await session.commit()
    return partnership


async def make_indicator(
    session: AsyncSession,
    code: str | None = None,
    *,
    name: str | None = None,
    unit: str = "%",
    direction: Direction = Direction.higher_is_better,
    target: float | None = None,
    standard_id: uuid.UUID | None = None,
    owner: Organisation | None = None,
    measured: Organisation | None = None,
    values: Sequence[float] = (),
    start: str = "2025-01",
) -> Indicator:
    """An indicator (shared unless it has an ``owner``); with ``values``, also ``measured``'s
    monthly measurements of it from ``start`` on (see :func:`monthly`), stored as that
    organisation's system pushes them (so signals are raised as for a push)."""
    code = code or f"IND-{next(_seq)}"
    indicator = await indicators.create_indicator(
        session,
        SYSTEM,
        IndicatorCreate(
            code=code,
            name=LocalizedText(en=name or code, cy=f"{name or code} [cy]"),
            unit=unit,
            direction=direction,
            target=target,
            standard_id=standard_id,
            organisation_id=owner.id if owner else None,
        ),
    )
    await session.commit()
    if values:
        assert measured is not None, "whose measurements? say measured="
        await add_measurements(session, measured, monthly(code, values, start=start))
    return indicator


def monthly(
    code: str, values: Sequence[float], *, start: str = "2025-01", **extra: Any
) -> list[dict[str, Any]]:
    """Measurement items as the ingest API takes them: one a month from ``start`` ("YYYY-MM")
    on, each from the 1st to the 28th, one per value (``extra``: e.g. ``service="CODE"``)."""
    year, month = (int(part) for part in start.split("-"))
    items = []
    for n, value in enumerate(values):
        y, m = year + (month - 1 + n) // 12, (month - 1 + n) % 12 + 1
        items.append(
            {
                "indicator": code,
                "period_start": f"{y}-{m:02d}-01",
                "period_end": f"{y}-{m:02d}-28",
                "value": value,
                **extra,
            }
        )
    return items


async def add_measurements(
    session: AsyncSession, org: Organisation, items: list[dict[str, Any]]
) -> None:
    """Store these measurement items (see :func:`monthly`) as ``org``'s system pushes them."""
    summary = await ingest.ingest_measurements(
        session,
        SYSTEM,
        org.id,
        [IngestMeasurementItem.model_validate(item) for item in items],
        mode="atomic",
        dry_run=False,
    )
    assert summary.status == "completed", summary
    await session.commit()


@dataclass
class Client:
    record: ApiClient
    secret: str


async def make_api_client(
    session: AsyncSession, org: Organisation, scopes: list[Scope] | None = None
) -> Client:
    record, secret = await api_clients.create_api_client(
        session,
        SYSTEM,
        ApiClientCreate(
            organisation_id=org.id, name=f"System {next(_seq)}", scopes=scopes or [Scope.read]
        ),
    )
    await session.commit()
    return Client(record, secret)


async def sign_in(http: httpx.AsyncClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    response = await http.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": email, "password": password},
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def client_token(http: httpx.AsyncClient, client: Client) -> dict[str, str]:
    response = await http.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client.record.client_id,
            "client_secret": client.secret,
        },
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


@dataclass
class World:
    """Two organisations that share nothing, each with an admin, a manager, staff, a service
    user and an API client; plus a platform administrator."""

    a: Organisation
    b: Organisation
    users: dict[str, User] = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)


async def make_world(session: AsyncSession) -> World:
    a = await make_org(session, "Alpha Health Board", code=f"A{uuid.uuid4().hex[:6]}")
    b = await make_org(session, "Beta Council", OrganisationKind.local_authority)
    world = World(a, b)
    world.users["platform"] = await make_user(session, platform_admin=True)
    for key, org in (("a", a), ("b", b)):
        for role in (Role.admin, Role.manager, Role.staff, Role.service_user):
            world.users[f"{key}_{role.value}"] = await make_user(session, {org: [role]})
        world.clients[key] = await make_api_client(session, org, [Scope.read])
        world.services[key] = await make_service(session, org, code=f"S-{key}")
    return world


@dataclass(frozen=True)
class RouteInfo:
    path: str
    methods: frozenset[str]
    route: Any
    """The effective route (its ``dependant`` includes dependencies added when included)."""


def api_routes(app: Any) -> list[RouteInfo]:
    """Every FastAPI route of the app, through included routers.

    FastAPI keeps included routers as nested ``_IncludedRouter`` entries of ``app.routes``
    (not flattened), so a plain ``isinstance(route, APIRoute)`` walk of ``app.routes`` sees
    almost nothing; ``iter_route_contexts`` is how FastAPI's own OpenAPI generator walks them.
    """
    out = []
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, APIRoute):
            out.append(RouteInfo(str(context.path), frozenset(context.methods or ()), context))
    return out


def other_routes(app: Any) -> list[Any]:
    """Routes that are not FastAPI routes (the docs and the OpenAPI document)."""
    return [
        c.original_route
        for c in iter_route_contexts(app.routes)
        if not isinstance(c.original_route, APIRoute)
    ]
