"""Passwords: how strong a new one must be, and changing one's own. No HTTP types here."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import AccessToken, User
from gwella.core import audit
from gwella.core.config import Settings
from gwella.core.database import utcnow
from gwella.core.errors import FieldProblem, ValidationFailed
from gwella.core.principal import Principal
from gwella.core.security import hash_password, verify_password


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
