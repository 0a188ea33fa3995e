"""Loading an account record and deciding whether the caller may touch it, in one call.

Each function either returns the record or raises as :mod:`gwella.policy` decides: a record
the caller may not see is "not found", exactly as a missing one is."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.accounts import api_clients, invitations, users
from gwella.accounts.models import ApiClient, Invitation, User
from gwella.core.errors import NotFound
from gwella.core.principal import Principal


async def visible_user(session: AsyncSession, principal: Principal, user_id: uuid.UUID) -> User:
    """A person the caller may read (themselves, or a member of an organisation they see)."""
    user = await users.get_user(session, user_id)
    memberships = await users.memberships_of(session, [user.id])
    if not policy.can_read_user(
        principal, user.id, [m.organisation_id for m in memberships[user.id]]
    ):
        raise NotFound("No user with that id is visible to you.")
    return user


async def administered_invitation(
    session: AsyncSession, principal: Principal, invitation_id: uuid.UUID
) -> Invitation:
    """An invitation of an organisation the caller administers (to withdraw it)."""
    invitation = await invitations.get_invitation(session, invitation_id)
    # Another organisation's invitation is "not found", exactly as a missing one is.
    policy.ensure_read_org(principal, invitation.organisation_id, "invitation")
    policy.ensure_admin_org(principal, invitation.organisation_id, "withdraw its invitations")
    return invitation


async def administered_api_client(
    session: AsyncSession, principal: Principal, api_client_id: uuid.UUID
) -> ApiClient:
    """An API client of an organisation the caller administers."""
    client = await api_clients.get_api_client(session, api_client_id)
    policy.ensure_read_org(principal, client.organisation_id, "API client")
    policy.ensure_admin_org(principal, client.organisation_id, "manage its API clients")
    return client


async def administered_user(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, doing: str
) -> User:
    """A person the caller administers: a platform administrator, or an administrator of an
    organisation the person belongs to (someone the caller cannot see is "not found")."""
    user = await users.get_user(session, user_id)
    org_ids = [m.organisation_id for m in (await users.memberships_of(session, [user.id]))[user.id]]
    if not policy.can_read_user(principal, user.id, org_ids):
        raise NotFound("No user with that id is visible to you.")
    policy.ensure_administer_person(principal, org_ids, doing)
    return user
