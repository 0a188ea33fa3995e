"""HTTP for people: one's own profile and password, the people list, and who holds which
role in an organisation."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from gwella import policy
from gwella.accounts import access, passwords, throttle, users
from gwella.accounts.models import Role
from gwella.accounts.schemas import (
    CurrentUserUpdate,
    MembershipCreate,
    MembershipPage,
    MembershipRead,
    MembershipWithUser,
    PasswordChange,
    SignInThrottleRead,
    UserPage,
    UserRead,
    UserUpdate,
)
from gwella.core import audit
from gwella.core.concurrency import IfMatch, set_etag
from gwella.core.database import SessionDep
from gwella.core.dependencies import PlatformAdmin, SettingsDep, SignedIn
from gwella.core.errors import problem_responses
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.organisations import service as organisations

users_router = APIRouter(prefix="/api/v1", tags=["users"])
memberships_router = APIRouter(prefix="/api/v1/organisations", tags=["organisations"])


@users_router.get(
    "/users/me",
    operation_id="getCurrentUser",
    summary="Read your own profile, with your roles per organisation",
    response_model=UserRead,
    responses=problem_responses(401, 403),
)
async def get_current_user(
    response: Response, session: SessionDep, principal: SignedIn
) -> UserRead:
    user = await users.get_user(session, principal.id)
    set_etag(response, user.version)
    return (await users.user_reads(session, [user]))[0]


@users_router.patch(
    "/users/me",
    operation_id="updateCurrentUser",
    summary="Change your name or preferred language",
    response_model=UserRead,
    responses=problem_responses(401, 403, 412, 413, 422, 428),
)
async def update_current_user(
    patch: CurrentUserUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> UserRead:
    user = await users.get_user(session, principal.id)
    user = await users.update_current_user(session, principal.audit, user, patch, if_match)
    set_etag(response, user.version)
    return (await users.user_reads(session, [user]))[0]


@users_router.post(
    "/users/me/password",
    operation_id="changePassword",
    summary="Change your password (signs out your other sessions)",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 413, 422),
)
async def change_password(
    data: PasswordChange, session: SessionDep, settings: SettingsDep, principal: SignedIn
) -> None:
    user = await users.get_user(session, principal.id)
    await passwords.change_password(
        session, settings, principal, user, data.current_password, data.new_password
    )


@users_router.get(
    "/users",
    operation_id="listUsers",
    summary="List people",
    description="Platform administrators see everyone; organisation administrators and "
    "managers see the members of their organisations.",
    response_model=UserPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_users(
    request: Request,
    session: SessionDep,
    principal: SignedIn,
    params: Annotated[PageParams, Depends(page_params("email", list(users.USER_SORTS)))],
    organisation_id: uuid.UUID | None = None,
    role: Role | None = None,
    q: Annotated[str | None, Query(max_length=100, description="Email or name contains")] = None,
    is_active: bool | None = None,
) -> UserPage:
    within = (
        None
        if principal.is_platform_admin
        else principal.orgs_with_role(policy.ROLE_ADMIN, policy.ROLE_MANAGER)
    )
    rows, cursor = await users.list_users(
        session,
        params,
        within_orgs=within,
        organisation_id=organisation_id,
        role=role,
        q=q,
        is_active=is_active,
    )
    return UserPage(
        items=await users.user_reads(session, rows),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@users_router.get(
    "/users/{user_id}",
    operation_id="getUser",
    summary="Read a person's profile and roles",
    response_model=UserRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_user(
    user_id: uuid.UUID, response: Response, session: SessionDep, principal: SignedIn
) -> UserRead:
    user = await access.visible_user(session, principal, user_id)
    set_etag(response, user.version)
    return (await users.user_reads(session, [user]))[0]


@users_router.patch(
    "/users/{user_id}",
    operation_id="updateUser",
    summary="Change a person's account (platform administrators)",
    response_model=UserRead,
    responses=problem_responses(401, 403, 404, 409, 412, 413, 422, 428),
)
async def update_user(
    user_id: uuid.UUID,
    patch: UserUpdate,
    response: Response,
    session: SessionDep,
    principal: PlatformAdmin,
    if_match: IfMatch = None,
) -> UserRead:
    user = await users.get_user(session, user_id)
    user = await users.update_user(session, principal.audit, user, patch, if_match)
    set_etag(response, user.version)
    return (await users.user_reads(session, [user]))[0]


@memberships_router.get(
    "/{organisation_id}/memberships",
    operation_id="listMemberships",
    summary="List who holds which role in an organisation",
    response_model=MembershipPage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_memberships(
    organisation_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: SignedIn,
    params: Annotated[PageParams, Depends(page_params("created_at", list(users.MEMBERSHIP_SORTS)))],
    role: Role | None = None,
) -> MembershipPage:
    org = await organisations.get_organisation(session, organisation_id)
    policy.ensure_see_members(principal, org.id)
    rows, cursor = await users.list_memberships(session, params, org.id, role)
    people = await users.users_by_ids(session, [m.user_id for m in rows])
    return MembershipPage(
        items=[
            MembershipWithUser(
                **MembershipRead.model_validate(m).model_dump(),
                user_email=people[m.user_id].email,
                user_display_name=people[m.user_id].display_name,
            )
            for m in rows
        ],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@memberships_router.post(
    "/{organisation_id}/memberships",
    operation_id="createMembership",
    summary="Give a person a role in an organisation",
    status_code=status.HTTP_201_CREATED,
    response_model=MembershipRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_membership(
    organisation_id: uuid.UUID, data: MembershipCreate, session: SessionDep, principal: SignedIn
) -> MembershipRead:
    org = await organisations.get_organisation(session, organisation_id)
    policy.ensure_admin_org(principal, org.id, "give people roles in it")
    membership = await users.add_membership(session, principal.audit, org.id, data)
    return MembershipRead.model_validate(membership)


@memberships_router.delete(
    "/{organisation_id}/memberships/{membership_id}",
    operation_id="deleteMembership",
    summary="Take a role away from a person",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def delete_membership(
    organisation_id: uuid.UUID, membership_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> None:
    org = await organisations.get_organisation(session, organisation_id)
    policy.ensure_admin_org(principal, org.id, "take roles away")
    await users.remove_membership(session, principal.audit, org.id, membership_id)


@users_router.get(
    "/users/{user_id}/sign-in-throttle",
    operation_id="getSignInThrottle",
    summary="See a person's failed sign-ins (their administrators)",
    description="How many failed sign-ins of this person the throttle remembers, from how "
    "many addresses, and how many of those addresses must wait. For platform administrators "
    "and administrators of an organisation the person belongs to.",
    response_model=SignInThrottleRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_sign_in_throttle(
    user_id: uuid.UUID, session: SessionDep, settings: SettingsDep, principal: SignedIn
) -> SignInThrottleRead:
    user = await access.administered_user(session, principal, user_id, "see their failed sign-ins")
    state = await throttle.state(session, settings, user.email)
    return SignInThrottleRead(**asdict(state))


@users_router.delete(
    "/users/{user_id}/sign-in-throttle",
    operation_id="deleteSignInThrottle",
    summary="Lift a person's sign-in throttle (their administrators)",
    description="Forgets every failed sign-in of this person, from every address, so that "
    "nobody waits to sign in as them; audited as `user.sign_in_throttle_lifted`. The ceiling "
    "on an address that tried many accounts is not lifted (it spares people who have signed "
    "in from there before). For platform administrators and administrators of an "
    "organisation the person belongs to.",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def lift_sign_in_throttle(
    user_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> None:
    user = await access.administered_user(
        session, principal, user_id, "lift their sign-in throttle"
    )
    cleared = await throttle.lift(session, user.email)
    await audit.record(
        session,
        principal.audit,
        action="user.sign_in_throttle_lifted",
        record_type="user",
        record_id=user.id,
        after={"failures_cleared": cleared},
    )
