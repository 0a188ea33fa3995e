"""People: their accounts and profiles, and the roles they hold in organisations.

Other domains ask here who someone is and what they may be told (`users_by_ids`,
`is_active_member`, `user_ids_with_roles`). No HTTP types here."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import AccessToken, Language, Membership, Role, User
from gwella.accounts.passwords import hash_new_password
from gwella.accounts.schemas import (
    CurrentUserUpdate,
    MembershipCreate,
    MembershipRead,
    UserRead,
    UserUpdate,
)
from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.concurrency import apply_patch, check_if_match
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from gwella.core.pagination import PageParams, paginate
from gwella.notifications.digest import Recipient

USER_FIELDS = ("email", "display_name", "language", "is_platform_admin", "is_active")
USER_SORTS = {"email": User.email, "display_name": User.display_name, "created_at": User.created_at}
MEMBERSHIP_SORTS = {"created_at": Membership.created_at}


def normalise_email(email: str) -> str:
    """The one form an address is stored and compared in, however it was typed: Unicode
    NFKC (full-width letters become ASCII, a decomposed accent is composed), lower case,
    without surrounding space (a non-breaking one included). ``casefold`` is not used: it
    would turn "ß" into "ss", a different mailbox to send invitations to."""
    folded = unicodedata.normalize("NFKC", email).strip().lower()
    return unicodedata.normalize("NFKC", folded)


# -------------------------------------------------------------------------------- people


async def get_user(session: AsyncSession, user_id: uuid.UUID) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("No user with that id is visible to you.")
    return user


async def users_by_ids(session: AsyncSession, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, User]:
    wanted = set(ids)
    if not wanted:
        return {}
    return {u.id: u for u in await session.scalars(select(User).where(User.id.in_(wanted)))}


async def mail_recipients(
    session: AsyncSession, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Recipient]:
    """Who e-mail may go to among ``ids``: active people only, with their address,
    language and name (a deactivated account is sent nothing)."""
    found: dict[uuid.UUID, Recipient] = {}
    wanted = sorted(set(ids), key=str)
    for start in range(0, len(wanted), 500):
        rows = await session.scalars(
            select(User).where(User.id.in_(wanted[start : start + 500]), User.is_active)
        )
        found |= {
            u.id: Recipient(email=u.email, language=u.language.value, display_name=u.display_name)
            for u in rows
        }
    return found


async def user_reads(session: AsyncSession, users: list[User]) -> list[UserRead]:
    """The people as the API shows them: each with the roles they hold."""
    memberships = await memberships_of(session, [u.id for u in users])
    return [
        UserRead.model_validate(
            {
                **{f: getattr(u, f) for f in UserRead.model_fields if f != "memberships"},
                "memberships": [MembershipRead.model_validate(m) for m in memberships[u.id]],
            }
        )
        for u in users
    ]


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
        needle = normalise_email(q)
        stmt = stmt.where(
            or_(
                func.lower(User.email).contains(needle, autoescape=True),
                func.lower(User.display_name).contains(needle, autoescape=True),
            )
        )
    if is_active is not None:
        stmt = stmt.where(User.is_active == is_active)
    return await paginate(session, stmt, params, USER_SORTS, User.id)


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
        password_hash=hash_new_password(password) if password else None,
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


# ---------------------------------------------------------------------- roles (memberships)


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
    try:
        await get_user(session, data.user_id)
    except NotFound:
        # The organisation (the target) exists: the person the body names does not. A 404
        # would say the organisation is gone (RFC 9110 §15.5.5), which clients and the
        # conformance audit's stateful phase read as the record just created being missing.
        raise ValidationFailed(
            "No user with that id is visible to you.",
            errors=[FieldProblem(field="body.user_id", message="no such user")],
        ) from None
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
