"""Invitations: asking a person by email to take up a role in an organisation, and their
accepting it (with a new account if they have none). No HTTP types here."""

from __future__ import annotations

import uuid
from datetime import timedelta
from functools import partial

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Invitation, Membership, User
from gwella.accounts.passwords import check_password_strength
from gwella.accounts.schemas import InvitationAccept, InvitationCreate, InvitationRead
from gwella.accounts.users import create_user, grant_role, normalise_email
from gwella.core import audit
from gwella.core.audit import ActorType, AuditContext
from gwella.core.config import Settings
from gwella.core.database import after_commit, utcnow
from gwella.core.errors import Conflict, FieldProblem, Gone, NotFound, ValidationFailed
from gwella.core.mail import MailSender, Message
from gwella.core.pagination import PageParams, paginate
from gwella.core.security import hash_secret, new_secret
from gwella.core.vocabulary import ROLE, with_article, word
from gwella.organisations import service as organisations

INVITATION_SORTS = {"created_at": Invitation.created_at, "email": Invitation.email}


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
    """The invitation and its one-time token; the email carrying the link is sent only
    after the transaction commits (see :func:`gwella.core.database.after_commit`)."""
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
    message = Message(
        to=email,
        subject=(
            f"Invitation to Gwella: {org.name} / Gwahoddiad i Gwella: {org.name_cy or org.name}"
        ),
        body=(
            f"{inviter_name} has invited you to join {org.name} on Gwella "
            f"as {_role_en(data.role.value)}.\n"
            f"Accept and set your password here (the link works once, for "
            f"{settings.invitation_ttl_hours} hours):\n{url}\n\n"
            f"Mae {inviter_name} wedi eich gwahodd i ymuno â {org.name_cy or org.name} ar "
            f"Gwella fel {word(ROLE, data.role.value, 'cy')}.\n"
            f"Derbyniwch a gosodwch eich cyfrinair yma:\n{url}\n"
        ),
    )
    # Only once the invitation is stored: never announce one that was rolled back, and never
    # keep the transaction open while the mail server answers.
    after_commit(session, partial(mail.send, message), what=f"invitation {invitation.id} mail")
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
        check_password_strength(
            settings,
            data.password,
            invitation.email,
            name=data.display_name or invitation.display_name,
        )
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


def _role_en(role: str) -> str:
    """A role after "as": "as staff", "as a service user", "as an administrator"."""
    words = word(ROLE, role, "en")
    return words if role == "staff" else with_article(words)
