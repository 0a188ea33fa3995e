"""API clients: the partner systems an organisation lets in, their scopes and secrets.
(Signing in with a client's credentials is in :mod:`gwella.accounts.signin`.) No HTTP types
here."""

from __future__ import annotations

import uuid

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import AccessToken, ApiClient
from gwella.accounts.schemas import ApiClientCreate, ApiClientRead, ApiClientUpdate
from gwella.core import audit
from gwella.core.audit import ActorType, AuditContext
from gwella.core.concurrency import apply_patch, check_if_match
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, NotFound
from gwella.core.pagination import PageParams, paginate
from gwella.core.security import hash_secret, new_secret
from gwella.organisations import service as organisations

CLIENT_FIELDS = ("name", "scopes", "organisation_id")
CLIENT_SORTS = {"name": ApiClient.name, "created_at": ApiClient.created_at}


def api_client_read(client: ApiClient) -> ApiClientRead:
    return ApiClientRead.model_validate(
        {
            **{c: getattr(client, c) for c in ApiClientRead.model_fields if c != "status"},
            "status": "revoked" if client.revoked_at else "active",
        }
    )


async def get_api_client(session: AsyncSession, api_client_id: uuid.UUID) -> ApiClient:
    client = await session.get(ApiClient, api_client_id)
    if client is None:
        raise NotFound("No API client with that id is visible to you.")
    return client


async def list_api_clients(
    session: AsyncSession,
    params: PageParams,
    *,
    within_orgs: frozenset[uuid.UUID] | None,
    organisation_id: uuid.UUID | None,
    status: str | None,
) -> tuple[list[ApiClient], str | None]:
    stmt = select(ApiClient)
    if within_orgs is not None:
        stmt = stmt.where(ApiClient.organisation_id.in_(within_orgs))
    if organisation_id is not None:
        stmt = stmt.where(ApiClient.organisation_id == organisation_id)
    if status == "active":
        stmt = stmt.where(ApiClient.revoked_at.is_(None))
    elif status == "revoked":
        stmt = stmt.where(ApiClient.revoked_at.is_not(None))
    return await paginate(session, stmt, params, CLIENT_SORTS, ApiClient.id)


async def create_api_client(
    session: AsyncSession, ctx: AuditContext, data: ApiClientCreate
) -> tuple[ApiClient, str]:
    await organisations.get_organisation(session, data.organisation_id)
    secret = new_secret("gws", 32)
    client = ApiClient(
        organisation_id=data.organisation_id,
        name=data.name,
        client_id=new_secret("gwc", 12),
        secret_hash=hash_secret(secret),
        scopes=sorted({s.value for s in data.scopes}),
        created_by_id=ctx.actor_id if ctx.actor_type is ActorType.user else None,
    )
    session.add(client)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="api_client.created",
        record_type="api_client",
        record_id=client.id,
        organisation_id=client.organisation_id,
        after=audit.snapshot(client, CLIENT_FIELDS),
    )
    return client, secret


def _ensure_active(client: ApiClient) -> None:
    if client.revoked_at is not None:
        raise Conflict("This API client has been revoked; create a new one.")


async def update_api_client(
    session: AsyncSession,
    ctx: AuditContext,
    client: ApiClient,
    patch: ApiClientUpdate,
    if_match: str | None,
) -> ApiClient:
    check_if_match(if_match, client.version)
    _ensure_active(client)
    before = audit.snapshot(client, CLIENT_FIELDS)
    apply_patch(client, patch, frozenset())
    client.scopes = sorted({str(s) for s in client.scopes})
    after = audit.snapshot(client, CLIENT_FIELDS)
    if after != before:
        await session.flush()
        if set(before["scopes"]) - set(after["scopes"]):
            # A scope was taken away: tokens that may carry it go (new ones get the new set).
            await _revoke_client_tokens(session, client.id)
        await audit.record(
            session,
            ctx,
            action="api_client.updated",
            record_type="api_client",
            record_id=client.id,
            organisation_id=client.organisation_id,
            before=before,
            after=after,
        )
    return client


async def _revoke_client_tokens(session: AsyncSession, client_id: uuid.UUID) -> None:
    await session.execute(
        update(AccessToken)
        .where(AccessToken.api_client_id == client_id, AccessToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


async def rotate_api_client_secret(
    session: AsyncSession, ctx: AuditContext, client: ApiClient
) -> tuple[ApiClient, str]:
    """A new secret replaces the old at once; tokens issued with the old one are revoked."""
    _ensure_active(client)
    secret = new_secret("gws", 32)
    previous = client.secret_rotated_at
    client.secret_hash = hash_secret(secret)
    client.secret_rotated_at = utcnow()
    await session.flush()
    await _revoke_client_tokens(session, client.id)
    await audit.record(
        session,
        ctx,
        action="api_client.secret_rotated",
        record_type="api_client",
        record_id=client.id,
        organisation_id=client.organisation_id,
        # the time only: never the secret or its hash
        before={"secret_rotated_at": previous.isoformat() if previous else None},
        after={"secret_rotated_at": client.secret_rotated_at.isoformat()},
    )
    return client, secret


async def revoke_api_client(
    session: AsyncSession, ctx: AuditContext, client: ApiClient
) -> ApiClient:
    _ensure_active(client)
    client.revoked_at = utcnow()
    await session.flush()
    await _revoke_client_tokens(session, client.id)
    await audit.record(
        session,
        ctx,
        action="api_client.revoked",
        record_type="api_client",
        record_id=client.id,
        organisation_id=client.organisation_id,
        before={"revoked_at": None},
        after={"revoked_at": client.revoked_at.isoformat()},
    )
    return client
