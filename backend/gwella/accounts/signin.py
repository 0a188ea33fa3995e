"""Signing in: passwords and client credentials exchanged for tokens, the caller a token
stands for, and signing out (the limit on failed attempts is :mod:`gwella.accounts.throttle`).
No HTTP types here."""

from __future__ import annotations

import hmac
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import AccessToken, ApiClient, Membership, User
from gwella.accounts.passwords import password_matches
from gwella.accounts.users import normalise_email
from gwella.core import audit
from gwella.core.audit import ActorType, AuditContext
from gwella.core.config import Settings
from gwella.core.database import utcnow
from gwella.core.errors import Forbidden, Unauthenticated
from gwella.core.principal import Principal
from gwella.core.principals import PRINCIPAL_NEUTRAL, PrincipalCache, generation
from gwella.core.security import hash_secret, new_secret
from gwella.partnerships import service as partnerships

USER_TOKEN_SCOPES = ["read", "write"]


async def authenticate_password(session: AsyncSession, email: str, password: str) -> User | None:
    user = await session.scalar(select(User).where(User.email == normalise_email(email)))
    ok = password_matches(user.password_hash if user else None, password)
    if not ok or user is None or not user.is_active:
        return None
    return user


async def issue_user_token(
    session: AsyncSession,
    settings: Settings,
    user: User,
    ctx_request: tuple[str | None, str | None],
) -> tuple[str, AccessToken]:
    secret = new_secret("gwu")
    token = AccessToken(
        token_hash=hash_secret(secret),
        user_id=user.id,
        scopes=list(USER_TOKEN_SCOPES),
        expires_at=utcnow() + timedelta(seconds=settings.access_token_ttl_seconds),
    )
    # A plain UPDATE: signing in must not change the profile's version (its ETag), nor
    # anything a principal holds (so it leaves remembered principals valid).
    await session.execute(
        update(User).where(User.id == user.id).values(last_sign_in_at=utcnow()),
        execution_options={PRINCIPAL_NEUTRAL: True},
    )
    session.add(token)
    await session.flush()
    request_id, address = ctx_request
    await audit.record(
        session,
        AuditContext(ActorType.user, user.id, user.email, request_id, address),
        action="session.signed_in",
        record_type="user",
        record_id=user.id,
    )
    return secret, token


async def authenticate_client(
    session: AsyncSession, client_id: str, client_secret: str
) -> ApiClient | None:
    client = await session.scalar(select(ApiClient).where(ApiClient.client_id == client_id))
    if client is None or client.revoked_at is not None:
        return None
    if not _constant_time_equal(client.secret_hash, hash_secret(client_secret)):
        return None
    return client


def _constant_time_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


async def issue_client_token(
    session: AsyncSession, settings: Settings, client: ApiClient, requested: Sequence[str] | None
) -> tuple[str, AccessToken]:
    scopes = list(client.scopes)
    if requested:
        extra = [s for s in requested if s not in client.scopes]
        if extra:
            raise Forbidden(f"This client was not granted: {', '.join(extra)}.")
        scopes = [s for s in client.scopes if s in requested]
    secret = new_secret("gwc")
    token = AccessToken(
        token_hash=hash_secret(secret),
        api_client_id=client.id,
        scopes=scopes,
        expires_at=utcnow() + timedelta(seconds=settings.client_token_ttl_seconds),
    )
    # A plain UPDATE: signing in must not change the client's version (its ETag), or an
    # admin's If-Match would go stale, and two concurrent sign-ins would race on it.
    await session.execute(
        update(ApiClient).where(ApiClient.id == client.id).values(last_used_at=utcnow())
    )
    session.add(token)
    await session.flush()
    return secret, token


async def principal_for_token(
    session: AsyncSession,
    secret: str,
    request_id: str | None,
    client_address: str | None,
    cache: PrincipalCache | None = None,
) -> Principal:
    """The caller a bearer token stands for. With ``cache``, a person's principal read
    before is used again while nothing it was built from has changed (see
    :mod:`gwella.core.principals`): one query instead of four."""
    key = hash_secret(secret)
    now = utcnow()
    # Read first: a principal read after it can only be newer than the generation it is
    # remembered with, never older.
    seen_at = await generation(session) if cache is not None else None
    if cache is not None and seen_at is not None:
        known = cache.get(key, seen_at, now, request_id, client_address)
        if known is not None:
            return known
    token = await session.scalar(select(AccessToken).where(AccessToken.token_hash == key))
    if token is None or token.revoked_at is not None or token.expires_at <= now:
        raise Unauthenticated("The token is invalid, expired or revoked. Sign in again.")
    if token.user_id is not None:
        user = await session.get(User, token.user_id)
        if user is None or not user.is_active:
            raise Unauthenticated("This account is not active.")
        memberships = await session.scalars(select(Membership).where(Membership.user_id == user.id))
        roles: dict[uuid.UUID, set[str]] = {}
        for m in memberships:
            roles.setdefault(m.organisation_id, set()).add(m.role.value)
        partnership_ids, partner_orgs = await partnerships.sharing_context(session, roles)
        principal = Principal(
            kind="user",
            id=user.id,
            label=user.email,
            token_id=token.id,
            audit=AuditContext(ActorType.user, user.id, user.email, request_id, client_address),
            is_platform_admin=user.is_platform_admin,
            roles={org: frozenset(r) for org, r in roles.items()},
            partnership_ids=partnership_ids,
            partner_org_ids=partner_orgs,
            scopes=frozenset(token.scopes),
        )
        if cache is not None and seen_at is not None:
            cache.put(key, seen_at, token.expires_at, principal)
        return principal
    # API clients are not remembered: their last use is recorded (once a minute) here.
    client = await session.get(ApiClient, token.api_client_id)
    if client is None or client.revoked_at is not None:
        raise Unauthenticated("This API client has been revoked.")
    if client.last_used_at is None or now - client.last_used_at > timedelta(minutes=1):
        # Recorded at most once a minute so that a busy client does not write on every call.
        await session.execute(
            update(ApiClient).where(ApiClient.id == client.id).values(last_used_at=now)
        )
    partnership_ids, partner_orgs = await partnerships.sharing_context(
        session, [client.organisation_id]
    )
    label = f"api-client:{client.client_id}"
    return Principal(
        kind="api_client",
        id=client.id,
        label=label,
        token_id=token.id,
        audit=AuditContext(ActorType.api_client, client.id, label, request_id, client_address),
        roles={client.organisation_id: frozenset()},
        partnership_ids=partnership_ids,
        partner_org_ids=partner_orgs,
        scopes=frozenset(token.scopes),
    )


async def token_expiry(session: AsyncSession, secret: str) -> datetime | None:
    """When this token expires (None if it is unknown)."""
    return await session.scalar(
        select(AccessToken.expires_at).where(AccessToken.token_hash == hash_secret(secret))
    )


async def _live_token(session: AsyncSession, secret: str) -> AccessToken | None:
    token = await session.scalar(
        select(AccessToken).where(AccessToken.token_hash == hash_secret(secret))
    )
    if token is None or token.revoked_at is not None or token.expires_at <= utcnow():
        return None
    return token


async def token_owner(session: AsyncSession, secret: str) -> tuple[str, uuid.UUID] | None:
    """Whose live token this is (``user`` or ``api_client``, and the id); None for a token
    that is unknown, expired or revoked."""
    token = await _live_token(session, secret)
    if token is None:
        return None
    if token.user_id is not None:
        return "user", token.user_id
    assert token.api_client_id is not None  # a token belongs to a person or a client
    return "api_client", token.api_client_id


async def revoke_by_secret(
    session: AsyncSession, secret: str, request_id: str | None, client_address: str | None
) -> None:
    """Revoke a live token (RFC 7009: an unknown, expired or revoked one is no error), in
    the audit as its holder signing out."""
    token = await _live_token(session, secret)
    if token is None:
        return
    await session.execute(
        update(AccessToken).where(AccessToken.id == token.id).values(revoked_at=utcnow())
    )
    if token.user_id is not None:
        user = await session.get(User, token.user_id)
        label = user.email if user is not None else "user"
        ctx = AuditContext(ActorType.user, token.user_id, label, request_id, client_address)
        record_type, record_id = "user", token.user_id
    else:
        assert token.api_client_id is not None  # a token belongs to a person or a client
        client = await session.get(ApiClient, token.api_client_id)
        label = f"api-client:{client.client_id}" if client is not None else "api-client"
        ctx = AuditContext(
            ActorType.api_client, token.api_client_id, label, request_id, client_address
        )
        record_type, record_id = "api_client", token.api_client_id
    await audit.record(
        session, ctx, action="session.signed_out", record_type=record_type, record_id=record_id
    )


async def revoke_all_tokens(session: AsyncSession, ctx: AuditContext, user_id: uuid.UUID) -> int:
    result = await session.execute(
        update(AccessToken)
        .where(AccessToken.user_id == user_id, AccessToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    count = int(result.rowcount)  # type: ignore[attr-defined]
    await audit.record(
        session,
        ctx,
        action="session.signed_out_everywhere",
        record_type="user",
        record_id=user_id,
        after={"tokens_revoked": count},
    )
    return count


async def prune_tokens(session: AsyncSession, before: datetime) -> int:
    """Delete access tokens that expired or were revoked before ``before``: tokens already
    refused, so no principal a server remembers changes."""
    result = await session.execute(
        delete(AccessToken).where(
            or_(AccessToken.expires_at < before, AccessToken.revoked_at < before)
        ),
        execution_options={PRINCIPAL_NEUTRAL: True},
    )
    return int(getattr(result, "rowcount", 0) or 0)
