"""Rules for people, sign-in, roles, invitations and API clients. No HTTP types here."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import timedelta

from sqlalchemy import Select, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import (
    AccessToken,
    ApiClient,
    Invitation,
    Language,
    LoginAttempt,
    Membership,
    Role,
    User,
)
from gwella.accounts.schemas import (
    ApiClientCreate,
    ApiClientRead,
    ApiClientUpdate,
    CurrentUserUpdate,
    InvitationAccept,
    InvitationCreate,
    InvitationRead,
    MembershipCreate,
    UserUpdate,
)
from gwella.core import audit
from gwella.core.audit import ActorType, AuditContext
from gwella.core.concurrency import apply_patch, check_if_match
from gwella.core.config import Settings
from gwella.core.database import utcnow
from gwella.core.errors import (
    Conflict,
    FieldProblem,
    Forbidden,
    Gone,
    NotFound,
    RateLimited,
    Unauthenticated,
    ValidationFailed,
)
from gwella.core.mail import MailSender, Message
from gwella.core.pagination import PageParams, paginate
from gwella.core.principal import Principal
from gwella.core.principals import PRINCIPAL_NEUTRAL, PrincipalCache, generation
from gwella.core.security import (
    hash_password,
    hash_secret,
    keyed_hash,
    new_secret,
    verify_password,
)
from gwella.organisations import service as organisations
from gwella.partnerships import service as partnerships

USER_FIELDS = ("email", "display_name", "language", "is_platform_admin", "is_active")
CLIENT_FIELDS = ("name", "scopes", "organisation_id")
USER_SORTS = {"email": User.email, "display_name": User.display_name, "created_at": User.created_at}
INVITATION_SORTS = {"created_at": Invitation.created_at, "email": Invitation.email}
CLIENT_SORTS = {"name": ApiClient.name, "created_at": ApiClient.created_at}
MEMBERSHIP_SORTS = {"created_at": Membership.created_at}
USER_TOKEN_SCOPES = ["read", "write"]


def normalise_email(email: str) -> str:
    return email.strip().lower()


# ------------------------------------------------------------------------- authentication


async def check_login_rate(
    session: AsyncSession, settings: Settings, email: str, client_address: str
) -> None:
    """Refuse when this email, or this address, has failed too often in the window."""
    since = utcnow() - timedelta(seconds=settings.login_window_seconds)
    key = keyed_hash(normalise_email(email), "login")
    by_key = await session.scalar(
        select(func.count()).where(LoginAttempt.key_hash == key, LoginAttempt.attempted_at >= since)
    )
    by_address = await session.scalar(
        select(func.count()).where(
            LoginAttempt.client_address == client_address, LoginAttempt.attempted_at >= since
        )
    )
    if (by_key or 0) >= settings.login_max_failures or (by_address or 0) >= (
        settings.login_max_failures * 5
    ):
        raise RateLimited(
            "Too many failed sign-ins. Wait a while and try again.",
            retry_after=settings.login_window_seconds,
        )


async def record_login_failure(session: AsyncSession, email: str, client_address: str) -> None:
    session.add(
        LoginAttempt(
            key_hash=keyed_hash(normalise_email(email), "login"), client_address=client_address
        )
    )


async def prune_login_attempts(session: AsyncSession, settings: Settings) -> None:
    """Failures older than the window no longer count; the table only keeps recent ones."""
    since = utcnow() - timedelta(seconds=settings.login_window_seconds)
    await session.execute(delete(LoginAttempt).where(LoginAttempt.attempted_at < since))


async def authenticate_password(session: AsyncSession, email: str, password: str) -> User | None:
    user = await session.scalar(select(User).where(User.email == normalise_email(email)))
    ok = verify_password(user.password_hash if user else None, password)
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
    import hmac

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


async def revoke_token(session: AsyncSession, p: Principal) -> None:
    await session.execute(
        update(AccessToken).where(AccessToken.id == p.token_id).values(revoked_at=utcnow())
    )
    await audit.record(
        session, p.audit, action="session.signed_out", record_type="user", record_id=p.id
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


# -------------------------------------------------------------------------------- users


async def get_user(session: AsyncSession, user_id: uuid.UUID) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("No user with that id is visible to you.")
    return user


async def memberships_of(
    session: AsyncSession, user_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[Membership]]:
    ids = set(user_ids)
    out: dict[uuid.UUID, list[Membership]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = await session.scalars(
        select(Membership)
        .where(Membership.user_id.in_(ids))
        .order_by(Membership.organisation_id, Membership.role)
    )
    for m in rows:
        out[m.user_id].append(m)
    return out


async def list_users(
    session: AsyncSession,
    params: PageParams,
    *,
    within_orgs: frozenset[uuid.UUID] | None,
    organisation_id: uuid.UUID | None = None,
    role: Role | None = None,
    q: str | None = None,
    is_active: bool | None = None,
) -> tuple[list[User], str | None]:
    stmt: Select[User] = select(User)
    member_filter = select(Membership.user_id)
    filtered = False
    if within_orgs is not None:
        member_filter = member_filter.where(Membership.organisation_id.in_(within_orgs))
        filtered = True
    if organisation_id is not None:
        member_filter = member_filter.where(Membership.organisation_id == organisation_id)
        filtered = True
    if role is not None:
        member_filter = member_filter.where(Membership.role == role)
        filtered = True
    if filtered:
        stmt = stmt.where(User.id.in_(member_filter))
    if q:
        needle = q.lower()
        stmt = stmt.where(
            or_(
                func.lower(User.email).contains(needle, autoescape=True),
                func.lower(User.display_name).contains(needle, autoescape=True),
            )
        )
    if is_active is not None:
        stmt = stmt.where(User.is_active == is_active)
    return await paginate(session, stmt, params, USER_SORTS, User.id)


async def update_current_user(
    session: AsyncSession,
    ctx: AuditContext,
    user: User,
    patch: CurrentUserUpdate,
    if_match: str | None,
) -> User:
    check_if_match(if_match, user.version)
    return await _update_user(session, ctx, user, patch)


async def update_user(
    session: AsyncSession, ctx: AuditContext, user: User, patch: UserUpdate, if_match: str | None
) -> User:
    check_if_match(if_match, user.version)
    if patch.is_active is False and ctx.actor_id == user.id:
        raise Conflict("You cannot deactivate your own account.")
    if patch.is_platform_admin is False and ctx.actor_id == user.id:
        raise Conflict("You cannot remove your own platform administration.")
    updated = await _update_user(session, ctx, user, patch)
    if patch.is_active is False:
        await session.execute(
            update(AccessToken)
            .where(AccessToken.user_id == user.id, AccessToken.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
    return updated


async def _update_user(
    session: AsyncSession, ctx: AuditContext, user: User, patch: CurrentUserUpdate | UserUpdate
) -> User:
    before = audit.snapshot(user, USER_FIELDS)
    apply_patch(user, patch, frozenset())
    after = audit.snapshot(user, USER_FIELDS)
    if after != before:
        await session.flush()
        await audit.record(
            session,
            ctx,
            action="user.updated",
            record_type="user",
            record_id=user.id,
            before=before,
            after=after,
        )
    return user


async def change_password(
    session: AsyncSession,
    settings: Settings,
    p: Principal,
    user: User,
    current: str,
    new: str,
) -> None:
    if not verify_password(user.password_hash, current):
        raise ValidationFailed(
            "The current password is not right.",
            errors=[FieldProblem(field="body.current_password", message="not right")],
        )
    check_password_strength(settings, new, user.email, "body.new_password")
    user.password_hash = hash_password(new)
    await session.flush()
    # Every other session of this person ends: a password change is often a response to a leak.
    await session.execute(
        update(AccessToken)
        .where(
            AccessToken.user_id == user.id,
            AccessToken.revoked_at.is_(None),
            AccessToken.id != p.token_id,
        )
        .values(revoked_at=utcnow())
    )
    await audit.record(
        session, p.audit, action="user.password_changed", record_type="user", record_id=user.id
    )


def check_password_strength(
    settings: Settings, password: str, email: str, field: str = "body.password"
) -> None:
    """``field`` names the request field the password came in (for the `errors` list)."""
    problems = []
    if len(password) < settings.password_min_length:
        problems.append(f"must be at least {settings.password_min_length} characters")
    if password.strip().lower() == email.lower():
        problems.append("must not be your email address")
    if len(set(password)) < 4:
        problems.append("is too repetitive")
    if problems:
        raise ValidationFailed(
            "Choose a stronger password.",
            errors=[FieldProblem(field=field, message=p) for p in problems],
        )


async def create_user(
    session: AsyncSession,
    ctx: AuditContext,
    *,
    email: str,
    display_name: str,
    password: str | None,
    language: Language = Language.en,
    is_platform_admin: bool = False,
) -> User:
    email = normalise_email(email)
    if await session.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict("An account with that email already exists.")
    user = User(
        email=email,
        display_name=display_name,
        language=language,
        password_hash=hash_password(password) if password else None,
        is_platform_admin=is_platform_admin,
    )
    session.add(user)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="user.created",
        record_type="user",
        record_id=user.id,
        after=audit.snapshot(user, USER_FIELDS),
    )
    return user


# -------------------------------------------------------------------------- memberships


async def list_memberships(
    session: AsyncSession, params: PageParams, organisation_id: uuid.UUID, role: Role | None
) -> tuple[list[Membership], str | None]:
    stmt = select(Membership).where(Membership.organisation_id == organisation_id)
    if role is not None:
        stmt = stmt.where(Membership.role == role)
    return await paginate(session, stmt, params, MEMBERSHIP_SORTS, Membership.id)


async def is_active_member(
    session: AsyncSession, user_id: uuid.UUID, organisation_id: uuid.UUID
) -> bool:
    """Whether the person exists, is active and belongs to the organisation."""
    found = await session.scalar(
        select(func.count())
        .select_from(Membership)
        .join(User, User.id == Membership.user_id)
        .where(
            Membership.user_id == user_id,
            Membership.organisation_id == organisation_id,
            User.is_active.is_(True),
        )
    )
    return bool(found)


async def users_by_ids(session: AsyncSession, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, User]:
    wanted = set(ids)
    if not wanted:
        return {}
    return {u.id: u for u in await session.scalars(select(User).where(User.id.in_(wanted)))}


async def grant_role(
    session: AsyncSession,
    ctx: AuditContext,
    organisation_id: uuid.UUID,
    user_id: uuid.UUID,
    role: Role,
) -> Membership:
    existing = await session.scalar(
        select(Membership).where(
            Membership.user_id == user_id,
            Membership.organisation_id == organisation_id,
            Membership.role == role,
        )
    )
    if existing is not None:
        raise Conflict("That person already has this role in this organisation.")
    membership = Membership(user_id=user_id, organisation_id=organisation_id, role=role)
    session.add(membership)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="membership.created",
        record_type="membership",
        record_id=membership.id,
        organisation_id=organisation_id,
        after={"user_id": str(user_id), "role": role.value},
    )
    return membership


async def add_membership(
    session: AsyncSession, ctx: AuditContext, organisation_id: uuid.UUID, data: MembershipCreate
) -> Membership:
    await get_user(session, data.user_id)
    return await grant_role(session, ctx, organisation_id, data.user_id, data.role)


async def remove_membership(
    session: AsyncSession, ctx: AuditContext, organisation_id: uuid.UUID, membership_id: uuid.UUID
) -> None:
    membership = await session.get(Membership, membership_id)
    if membership is None or membership.organisation_id != organisation_id:
        raise NotFound("No such membership in this organisation.")
    if membership.role == Role.admin:
        admins = await session.scalar(
            select(func.count()).where(
                Membership.organisation_id == organisation_id, Membership.role == Role.admin
            )
        )
        if (admins or 0) <= 1:
            raise Conflict("This is the organisation's last administrator; appoint another first.")
    await session.delete(membership)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="membership.deleted",
        record_type="membership",
        record_id=membership.id,
        organisation_id=organisation_id,
        before={"user_id": str(membership.user_id), "role": membership.role.value},
    )


# -------------------------------------------------------------------------- invitations


def invitation_status(inv: Invitation) -> str:
    if inv.accepted_at is not None:
        return "accepted"
    if inv.revoked_at is not None:
        return "revoked"
    if inv.expires_at <= utcnow():
        return "expired"
    return "pending"


def invitation_read(inv: Invitation) -> InvitationRead:
    return InvitationRead.model_validate(
        {
            **{c: getattr(inv, c) for c in InvitationRead.model_fields if c != "status"},
            "status": invitation_status(inv),
        }
    )


async def create_invitation(
    session: AsyncSession,
    settings: Settings,
    mail: MailSender,
    ctx: AuditContext,
    data: InvitationCreate,
    inviter_name: str,
) -> tuple[Invitation, str]:
    org = await organisations.get_organisation(session, data.organisation_id)
    email = normalise_email(str(data.email))
    pending = await session.scalar(
        select(Invitation.id).where(
            Invitation.email == email,
            Invitation.organisation_id == org.id,
            Invitation.role == data.role,
            Invitation.accepted_at.is_(None),
            Invitation.revoked_at.is_(None),
            Invitation.expires_at > utcnow(),
        )
    )
    if pending is not None:
        raise Conflict("A pending invitation for this person and role already exists.")
    token = new_secret("gwi")
    invitation = Invitation(
        email=email,
        display_name=data.display_name,
        organisation_id=org.id,
        role=data.role,
        token_hash=hash_secret(token),
        invited_by_id=ctx.actor_id if ctx.actor_type is ActorType.user else None,
        expires_at=utcnow() + timedelta(hours=settings.invitation_ttl_hours),
    )
    session.add(invitation)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="invitation.created",
        record_type="invitation",
        record_id=invitation.id,
        organisation_id=org.id,
        after={"email": email, "role": data.role.value},
    )
    url = accept_url(settings, token)
    await mail.send(
        Message(
            to=email,
            subject=(
                f"Invitation to Gwella: {org.name} / Gwahoddiad i Gwella: {org.name_cy or org.name}"
            ),
            body=(
                f"{inviter_name} has invited you to join {org.name} on Gwella "
                f"as {data.role.value}.\n"
                f"Accept and set your password here (the link works once, for "
                f"{settings.invitation_ttl_hours} hours):\n{url}\n\n"
                f"Mae {inviter_name} wedi eich gwahodd i ymuno â {org.name_cy or org.name} ar "
                f"Gwella.\nDerbyniwch a gosodwch eich cyfrinair yma:\n{url}\n"
            ),
        )
    )
    return invitation, token


def accept_url(settings: Settings, token: str) -> str:
    return f"{settings.public_url.rstrip('/')}/invitations/accept?token={token}"


async def _usable_invitation(session: AsyncSession, token: str) -> Invitation:
    invitation = await session.scalar(
        select(Invitation).where(Invitation.token_hash == hash_secret(token))
    )
    if invitation is None:
        raise NotFound("This invitation link is not valid. Ask for a new one.")
    status = invitation_status(invitation)
    if status != "pending":
        raise Gone(f"This invitation has been {status}. Ask for a new one.")
    return invitation


async def preview_invitation(session: AsyncSession, token: str) -> tuple[Invitation, str, bool]:
    invitation = await _usable_invitation(session, token)
    org = await organisations.get_organisation(session, invitation.organisation_id)
    exists = await session.scalar(select(User.id).where(User.email == invitation.email))
    return invitation, org.name, exists is not None


async def accept_invitation(
    session: AsyncSession,
    settings: Settings,
    data: InvitationAccept,
    request_id: str | None,
    client_address: str | None,
) -> User:
    invitation = await _usable_invitation(session, data.token)
    user = await session.scalar(select(User).where(User.email == invitation.email))
    anonymous = AuditContext(
        ActorType.anonymous, None, invitation.email, request_id, client_address
    )
    if user is None:
        if not data.password:
            raise ValidationFailed(
                "Choose a password for your new account.",
                errors=[FieldProblem(field="body.password", message="required")],
            )
        check_password_strength(settings, data.password, invitation.email)
        user = await create_user(
            session,
            anonymous,
            email=invitation.email,
            display_name=data.display_name or invitation.display_name or invitation.email,
            password=data.password,
            language=data.language,
        )
    ctx = AuditContext(ActorType.user, user.id, user.email, request_id, client_address)
    invitation.accepted_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="invitation.accepted",
        record_type="invitation",
        record_id=invitation.id,
        organisation_id=invitation.organisation_id,
        before={"accepted_at": None},
        after={"accepted_at": invitation.accepted_at.isoformat()},
    )
    held = await session.scalar(
        select(Membership.id).where(
            Membership.user_id == user.id,
            Membership.organisation_id == invitation.organisation_id,
            Membership.role == invitation.role,
        )
    )
    if held is None:
        await grant_role(session, ctx, invitation.organisation_id, user.id, invitation.role)
    return user


async def get_invitation(session: AsyncSession, invitation_id: uuid.UUID) -> Invitation:
    invitation = await session.get(Invitation, invitation_id)
    if invitation is None:
        raise NotFound("No invitation with that id is visible to you.")
    return invitation


async def revoke_invitation(
    session: AsyncSession, ctx: AuditContext, invitation: Invitation
) -> None:
    if invitation_status(invitation) != "pending":
        raise Conflict(f"This invitation is already {invitation_status(invitation)}.")
    invitation.revoked_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="invitation.revoked",
        record_type="invitation",
        record_id=invitation.id,
        organisation_id=invitation.organisation_id,
        before={"revoked_at": None},
        after={"revoked_at": invitation.revoked_at.isoformat()},
    )


async def list_invitations(
    session: AsyncSession,
    params: PageParams,
    *,
    within_orgs: frozenset[uuid.UUID] | None,
    organisation_id: uuid.UUID | None,
    status: str | None,
) -> tuple[list[Invitation], str | None]:
    stmt = select(Invitation)
    if within_orgs is not None:
        stmt = stmt.where(Invitation.organisation_id.in_(within_orgs))
    if organisation_id is not None:
        stmt = stmt.where(Invitation.organisation_id == organisation_id)
    now = utcnow()
    if status == "accepted":
        stmt = stmt.where(Invitation.accepted_at.is_not(None))
    elif status == "revoked":
        stmt = stmt.where(Invitation.revoked_at.is_not(None))
    elif status in ("pending", "expired"):
        stmt = stmt.where(Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None))
        stmt = stmt.where(
            Invitation.expires_at > now if status == "pending" else Invitation.expires_at <= now
        )
    return await paginate(session, stmt, params, INVITATION_SORTS, Invitation.id)


# -------------------------------------------------------------------------- API clients


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


async def user_ids_with_roles(
    session: AsyncSession, organisation_id: uuid.UUID, roles: Iterable[str]
) -> list[uuid.UUID]:
    """Active people holding any of these roles in the organisation (for notifications)."""
    rows = await session.scalars(
        select(Membership.user_id)
        .join(User, User.id == Membership.user_id)
        .where(
            Membership.organisation_id == organisation_id,
            Membership.role.in_([Role(r) for r in roles]),
            User.is_active.is_(True),
        )
        .distinct()
    )
    return list(rows)
