"""Rules for organisations and their services. Takes the session; no HTTP types."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.concurrency import apply_patch, check_if_match
from gwella.core.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from gwella.core.pagination import PageParams, paginate
from gwella.organisations.enums import OrganisationKind, ServiceKind
from gwella.organisations.models import Organisation, Service
from gwella.organisations.schemas import (
    OrganisationCreate,
    OrganisationUpdate,
    ServiceCreate,
    ServiceUpdate,
)

ORG_FIELDS = ("name", "name_cy", "kind", "code_scheme", "code", "is_active")
SERVICE_FIELDS = ("name", "name_cy", "kind", "code", "parent_id", "is_active")
ORG_SORTS = {"name": Organisation.name, "created_at": Organisation.created_at}
SERVICE_SORTS = {"name": Service.name, "created_at": Service.created_at}


def parse_ref(ref: str) -> uuid.UUID | tuple[str, str]:
    """An organisation is addressed by its UUID or by ``scheme:code`` (e.g. ``ods:7A9``)."""
    try:
        return uuid.UUID(ref)
    except ValueError:
        scheme, sep, code = ref.partition(":")
        if not sep or not scheme or not code:
            raise NotFound(
                "Address an organisation by its id or as scheme:code, e.g. ods:7A9."
            ) from None
        return scheme.lower(), code


async def get_organisation(session: AsyncSession, ref: str | uuid.UUID) -> Organisation:
    key = ref if isinstance(ref, uuid.UUID) else parse_ref(ref)
    if isinstance(key, uuid.UUID):
        org = await session.get(Organisation, key)
    else:
        org = await session.scalar(
            select(Organisation).where(
                Organisation.code_scheme == key[0], Organisation.code == key[1]
            )
        )
    if org is None:
        # Word for word what policy.ensure_read_org says of a hidden one: existence must not leak.
        raise NotFound("No organisation with that id is visible to you.")
    return org


async def organisations_by_ids(
    session: AsyncSession, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, Organisation]:
    wanted = set(ids)
    if not wanted:
        return {}
    rows = await session.scalars(select(Organisation).where(Organisation.id.in_(wanted)))
    return {o.id: o for o in rows}


async def services_by_ids(
    session: AsyncSession, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, Service]:
    wanted = set(ids)
    if not wanted:
        return {}
    rows = await session.scalars(select(Service).where(Service.id.in_(wanted)))
    return {s.id: s for s in rows}


async def list_organisations(
    session: AsyncSession,
    params: PageParams,
    *,
    visible: frozenset[uuid.UUID] | None,
    kind: OrganisationKind | None = None,
    q: str | None = None,
    code: str | None = None,
    is_active: bool | None = None,
    ids: frozenset[uuid.UUID] | None = None,
) -> tuple[list[Organisation], str | None]:
    stmt: Select[Organisation] = select(Organisation)
    if visible is not None:
        stmt = stmt.where(Organisation.id.in_(visible))
    if ids is not None:
        stmt = stmt.where(Organisation.id.in_(ids))
    if kind is not None:
        stmt = stmt.where(Organisation.kind == kind)
    if q:
        pattern = f"%{_escape_like(q.lower())}%"
        stmt = stmt.where(
            or_(
                func.lower(Organisation.name).like(pattern, escape="\\"),
                func.lower(Organisation.name_cy).like(pattern, escape="\\"),
            )
        )
    if code is not None:
        stmt = stmt.where(Organisation.code == code)
    if is_active is not None:
        stmt = stmt.where(Organisation.is_active == is_active)
    return await paginate(session, stmt, params, ORG_SORTS, Organisation.id)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def _ensure_code_free(
    session: AsyncSession, scheme: str | None, code: str | None, exclude: uuid.UUID | None
) -> None:
    if scheme is None or code is None:
        return
    stmt = select(Organisation.id).where(
        Organisation.code_scheme == scheme, Organisation.code == code
    )
    existing = await session.scalar(stmt)
    if existing is not None and existing != exclude:
        raise Conflict(f"Another organisation already has the {scheme} code {code!r}.")


async def create_organisation(
    session: AsyncSession, ctx: AuditContext, data: OrganisationCreate
) -> Organisation:
    await _ensure_code_free(session, data.code_scheme, data.code, None)
    org = Organisation(**data.model_dump())
    session.add(org)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="organisation.created",
        record_type="organisation",
        record_id=org.id,
        organisation_id=org.id,
        after=audit.snapshot(org, ORG_FIELDS),
    )
    return org


async def update_organisation(
    session: AsyncSession,
    ctx: AuditContext,
    org: Organisation,
    patch: OrganisationUpdate,
    if_match: str | None,
) -> Organisation:
    check_if_match(if_match, org.version)
    before = audit.snapshot(org, ORG_FIELDS)
    apply_patch(org, patch, nullable=frozenset({"name_cy", "code_scheme", "code"}))
    if (org.code is None) != (org.code_scheme is None):
        raise ValidationFailed(
            "code and code_scheme are set together or cleared together.",
            errors=[FieldProblem(field="body.code", message="needs code_scheme")],
        )
    await _ensure_code_free(session, org.code_scheme, org.code, org.id)
    after = audit.snapshot(org, ORG_FIELDS)
    if after != before:
        await session.flush()
        await audit.record(
            session,
            ctx,
            action="organisation.updated",
            record_type="organisation",
            record_id=org.id,
            organisation_id=org.id,
            before=before,
            after=after,
        )
    return org


# ------------------------------------------------------------------------------- services


async def get_service(session: AsyncSession, service_id: uuid.UUID) -> Service:
    service = await session.get(Service, service_id)
    if service is None:
        raise NotFound("No service with that id is visible to you.")
    return service


async def organisations_of_services(
    session: AsyncSession, service_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID]:
    """Each service's organisation, in one query (services that do not exist are absent)."""
    ids = set(service_ids)
    if not ids:
        return {}
    rows = await session.execute(
        select(Service.id, Service.organisation_id).where(Service.id.in_(ids))
    )
    return {row[0]: row[1] for row in rows}


def service_ids_of(org_ids: Iterable[uuid.UUID]) -> Select[uuid.UUID]:
    """A subquery of the ids of these organisations' services (for other domains' filters)."""
    return select(Service.id).where(Service.organisation_id.in_(set(org_ids)))


async def find_service(session: AsyncSession, org_id: uuid.UUID, ref: str) -> Service | None:
    """A service of an organisation by id or code (as partner systems address them)."""
    try:
        by_id = uuid.UUID(ref)
    except ValueError:
        return await session.scalar(
            select(Service).where(Service.organisation_id == org_id, Service.code == ref)
        )
    service = await session.get(Service, by_id)
    return service if service is not None and service.organisation_id == org_id else None


async def list_services(
    session: AsyncSession,
    params: PageParams,
    *,
    organisation_id: uuid.UUID,
    kind: ServiceKind | None = None,
    code: str | None = None,
    parent_id: uuid.UUID | None = None,
    is_active: bool | None = None,
) -> tuple[list[Service], str | None]:
    stmt = select(Service).where(Service.organisation_id == organisation_id)
    if kind is not None:
        stmt = stmt.where(Service.kind == kind)
    if code is not None:
        stmt = stmt.where(Service.code == code)
    if parent_id is not None:
        stmt = stmt.where(Service.parent_id == parent_id)
    if is_active is not None:
        stmt = stmt.where(Service.is_active == is_active)
    return await paginate(session, stmt, params, SERVICE_SORTS, Service.id)


async def _check_parent(
    session: AsyncSession, org_id: uuid.UUID, parent_id: uuid.UUID | None, self_id: uuid.UUID | None
) -> None:
    """The parent must be a service of the same organisation, and not create a cycle."""
    seen: set[uuid.UUID] = set()
    current = parent_id
    while current is not None:
        if current == self_id or current in seen:
            raise ValidationFailed(
                "A service cannot sit under itself or one of its own sub-services.",
                errors=[FieldProblem(field="body.parent_id", message="would make a cycle")],
            )
        seen.add(current)
        parent = await session.get(Service, current)
        if parent is None or parent.organisation_id != org_id:
            raise ValidationFailed(
                "The parent must be a service of the same organisation.",
                errors=[FieldProblem(field="body.parent_id", message="no such service here")],
            )
        current = parent.parent_id


async def _ensure_service_code_free(
    session: AsyncSession, org_id: uuid.UUID, code: str | None, exclude: uuid.UUID | None
) -> None:
    if code is None:
        return
    existing = await session.scalar(
        select(Service.id).where(Service.organisation_id == org_id, Service.code == code)
    )
    if existing is not None and existing != exclude:
        raise Conflict(f"Another service of this organisation already has the code {code!r}.")


async def create_service(
    session: AsyncSession, ctx: AuditContext, org: Organisation, data: ServiceCreate
) -> Service:
    await _check_parent(session, org.id, data.parent_id, None)
    await _ensure_service_code_free(session, org.id, data.code, None)
    service = Service(organisation_id=org.id, **data.model_dump())
    session.add(service)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="service.created",
        record_type="service",
        record_id=service.id,
        organisation_id=org.id,
        after=audit.snapshot(service, SERVICE_FIELDS),
    )
    return service


async def update_service(
    session: AsyncSession,
    ctx: AuditContext,
    service: Service,
    patch: ServiceUpdate,
    if_match: str | None,
) -> Service:
    check_if_match(if_match, service.version)
    before = audit.snapshot(service, SERVICE_FIELDS)
    sent: dict[str, Any] = apply_patch(
        service, patch, nullable=frozenset({"name_cy", "code", "parent_id"})
    )
    if "parent_id" in sent:
        await _check_parent(session, service.organisation_id, service.parent_id, service.id)
    await _ensure_service_code_free(session, service.organisation_id, service.code, service.id)
    after = audit.snapshot(service, SERVICE_FIELDS)
    if after != before:
        await session.flush()
        await audit.record(
            session,
            ctx,
            action="service.updated",
            record_type="service",
            record_id=service.id,
            organisation_id=service.organisation_id,
            before=before,
            after=after,
        )
    return service
