"""HTTP for sign-in, people, roles, invitations and API clients."""

from __future__ import annotations

import base64
import binascii
import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.accounts import service
from gwella.accounts.models import ApiClient, Role, User
from gwella.accounts.schemas import (
    ApiClientCreate,
    ApiClientPage,
    ApiClientRead,
    ApiClientUpdate,
    ApiClientWithSecret,
    CurrentUserUpdate,
    InvitationAccept,
    InvitationCreate,
    InvitationCreated,
    InvitationPage,
    InvitationPreview,
    InvitationToken,
    MembershipCreate,
    MembershipPage,
    MembershipRead,
    MembershipWithUser,
    PasswordChange,
    TokenResponse,
    UserPage,
    UserRead,
    UserUpdate,
)
from gwella.core.concurrency import IfMatch, set_etag
from gwella.core.config import Environment, Settings
from gwella.core.database import SessionDep
from gwella.core.dependencies import (
    AnyCaller,
    MailDep,
    PlatformAdmin,
    SettingsDep,
    SignedIn,
    public,
)
from gwella.core.errors import BadRequest, NotFound, Unauthenticated, problem_responses
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.principal import Principal
from gwella.core.requests import client_address, request_id
from gwella.organisations import service as organisations

auth_router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
users_router = APIRouter(prefix="/api/v1", tags=["users"])
invitations_router = APIRouter(prefix="/api/v1/invitations", tags=["invitations"])
clients_router = APIRouter(prefix="/api/v1/api-clients", tags=["api-clients"])
memberships_router = APIRouter(prefix="/api/v1/organisations", tags=["organisations"])

# ------------------------------------------------------------------------------ sign-in


class InvalidGrant(BadRequest):
    slug, title = "invalid-grant", "Sign-in failed"


class InvalidClient(Unauthenticated):
    slug, title = "invalid-client", "Client authentication failed"


class UnsupportedGrant(BadRequest):
    slug, title = "unsupported-grant-type", "Unsupported grant type"


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(header[6:], validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    client_id, sep, secret = decoded.partition(":")
    return (client_id, secret) if sep else None


async def _record_failure(request: Request, settings: Settings, key: str, address: str) -> None:
    """In a transaction of its own: the failed request's transaction is rolled back."""
    async with request.app.state.sessionmaker() as own:
        await service.prune_login_attempts(own, settings)
        await service.record_login_failure(own, key, address)
        await own.commit()


@auth_router.post(
    "/token",
    operation_id="issueToken",
    summary="Sign in: exchange a password or client credentials for an access token",
    description=(
        "OAuth2 token endpoint (form-encoded). `grant_type=password` with `username` (email) "
        "and `password` for people; `grant_type=client_credentials` with `client_id` and "
        "`client_secret` (in the form or as HTTP Basic) for API clients, optionally narrowing "
        "`scope`. Failed sign-ins are rate-limited and never say whether the email exists."
    ),
    response_model=TokenResponse,
    responses=problem_responses(400, 401, 403, 422, 429),
    dependencies=[Depends(public("Signing in is how one gets a token"))],
)
async def issue_token(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    response: Response,
    grant_type: Annotated[Literal["password", "client_credentials"], Form()],
    username: Annotated[str | None, Form(max_length=320)] = None,
    password: Annotated[str | None, Form(max_length=256)] = None,
    client_id: Annotated[str | None, Form(max_length=64)] = None,
    client_secret: Annotated[str | None, Form(max_length=256)] = None,
    scope: Annotated[str | None, Form(max_length=200)] = None,
) -> TokenResponse:
    response.headers["Cache-Control"] = "no-store"
    address = client_address(request, settings)
    if grant_type == "password":
        if not username or not password:
            raise InvalidGrant("Give your email address and password.")
        await service.check_login_rate(session, settings, username, address)
        user = await service.authenticate_password(session, username, password)
        if user is None:
            await _record_failure(request, settings, username, address)
            raise InvalidGrant("The email address or password is not right.")
        secret, token = await service.issue_user_token(
            session, settings, user, (request_id(request), address)
        )
        ttl = settings.access_token_ttl_seconds
    else:
        basic = _basic_credentials(request)
        if basic is not None:
            client_id, client_secret = basic
        if not client_id or not client_secret:
            raise InvalidClient("Give client_id and client_secret.")
        await service.check_login_rate(session, settings, f"client:{client_id}", address)
        client = await service.authenticate_client(session, client_id, client_secret)
        if client is None:
            await _record_failure(request, settings, f"client:{client_id}", address)
            raise InvalidClient("The client credentials are not right, or were revoked.")
        requested = scope.split() if scope else None
        secret, token = await service.issue_client_token(session, settings, client, requested)
        ttl = settings.client_token_ttl_seconds
    return TokenResponse(access_token=secret, expires_in=ttl, scope=" ".join(token.scopes))


@auth_router.post(
    "/revoke",
    operation_id="signOut",
    summary="Sign out: revoke the token used for this request",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403),
)
async def sign_out(session: SessionDep, principal: AnyCaller) -> None:
    await service.revoke_token(session, principal)


@auth_router.post(
    "/revoke-all",
    operation_id="signOutEverywhere",
    summary="Sign out everywhere: revoke every token of the signed-in person",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403),
)
async def sign_out_everywhere(session: SessionDep, principal: SignedIn) -> None:
    await service.revoke_all_tokens(session, principal.audit, principal.id)


# -------------------------------------------------------------------------------- people


async def _user_reads(session: AsyncSession, users: list[User]) -> list[UserRead]:
    memberships = await service.memberships_of(session, [u.id for u in users])
    return [
        UserRead.model_validate(
            {
                **{f: getattr(u, f) for f in UserRead.model_fields if f != "memberships"},
                "memberships": [MembershipRead.model_validate(m) for m in memberships[u.id]],
            }
        )
        for u in users
    ]


async def _visible_user(session: AsyncSession, principal: Principal, user_id: uuid.UUID) -> User:
    user = await service.get_user(session, user_id)
    memberships = await service.memberships_of(session, [user.id])
    if not policy.can_read_user(
        principal, user.id, [m.organisation_id for m in memberships[user.id]]
    ):
        raise NotFound("No user with that id is visible to you.")
    return user


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
    user = await service.get_user(session, principal.id)
    set_etag(response, user.version)
    return (await _user_reads(session, [user]))[0]


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
    user = await service.get_user(session, principal.id)
    user = await service.update_current_user(session, principal.audit, user, patch, if_match)
    set_etag(response, user.version)
    return (await _user_reads(session, [user]))[0]


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
    user = await service.get_user(session, principal.id)
    await service.change_password(
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
    params: Annotated[PageParams, Depends(page_params("email", list(service.USER_SORTS)))],
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
    rows, cursor = await service.list_users(
        session,
        params,
        within_orgs=within,
        organisation_id=organisation_id,
        role=role,
        q=q,
        is_active=is_active,
    )
    return UserPage(
        items=await _user_reads(session, rows),
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
    user = await _visible_user(session, principal, user_id)
    set_etag(response, user.version)
    return (await _user_reads(session, [user]))[0]


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
    user = await service.get_user(session, user_id)
    user = await service.update_user(session, principal.audit, user, patch, if_match)
    set_etag(response, user.version)
    return (await _user_reads(session, [user]))[0]


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
    params: Annotated[
        PageParams, Depends(page_params("created_at", list(service.MEMBERSHIP_SORTS)))
    ],
    role: Role | None = None,
) -> MembershipPage:
    org = await organisations.get_organisation(session, organisation_id)
    policy.ensure_see_members(principal, org.id)
    rows, cursor = await service.list_memberships(session, params, org.id, role)
    users = await service.users_by_ids(session, [m.user_id for m in rows])
    return MembershipPage(
        items=[
            MembershipWithUser(
                **MembershipRead.model_validate(m).model_dump(),
                user_email=users[m.user_id].email,
                user_display_name=users[m.user_id].display_name,
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
    membership = await service.add_membership(session, principal.audit, org.id, data)
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
    await service.remove_membership(session, principal.audit, org.id, membership_id)


# --------------------------------------------------------------------------- invitations


@invitations_router.post(
    "",
    operation_id="createInvitation",
    summary="Invite a person by email to a role in an organisation",
    status_code=status.HTTP_201_CREATED,
    response_model=InvitationCreated,
    responses=problem_responses(401, 403, 404, 409, 413, 422),
)
async def create_invitation(
    data: InvitationCreate,
    session: SessionDep,
    settings: SettingsDep,
    mail: MailDep,
    principal: SignedIn,
) -> InvitationCreated:
    policy.ensure_admin_org(principal, data.organisation_id, "invite people to it")
    inviter = await service.get_user(session, principal.id)
    invitation, token = await service.create_invitation(
        session, settings, mail, principal.audit, data, inviter.display_name
    )
    read = service.invitation_read(invitation)
    if settings.env is Environment.development:
        return InvitationCreated(
            **read.model_dump(), token=token, accept_url=service.accept_url(settings, token)
        )
    return InvitationCreated(**read.model_dump())


@invitations_router.get(
    "",
    operation_id="listInvitations",
    summary="List invitations of the organisations you administer",
    response_model=InvitationPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_invitations(
    request: Request,
    session: SessionDep,
    principal: SignedIn,
    params: Annotated[
        PageParams, Depends(page_params("-created_at", list(service.INVITATION_SORTS)))
    ],
    organisation_id: uuid.UUID | None = None,
    status: Literal["pending", "accepted", "revoked", "expired"] | None = None,
) -> InvitationPage:
    rows, cursor = await service.list_invitations(
        session,
        params,
        within_orgs=policy.admin_org_ids(principal),
        organisation_id=organisation_id,
        status=status,
    )
    return InvitationPage(
        items=[service.invitation_read(i) for i in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@invitations_router.delete(
    "/{invitation_id}",
    operation_id="revokeInvitation",
    summary="Withdraw a pending invitation",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def revoke_invitation(
    invitation_id: uuid.UUID, session: SessionDep, principal: SignedIn
) -> None:
    invitation = await service.get_invitation(session, invitation_id)
    # Another organisation's invitation is "not found", exactly as a missing one is.
    policy.ensure_read_org(principal, invitation.organisation_id, "invitation")
    policy.ensure_admin_org(principal, invitation.organisation_id, "withdraw its invitations")
    await service.revoke_invitation(session, principal.audit, invitation)


@invitations_router.post(
    "/inspect",
    operation_id="inspectInvitation",
    summary="See what an invitation link is for, before accepting it",
    response_model=InvitationPreview,
    responses=problem_responses(404, 410, 422),
    dependencies=[Depends(public("The invitee has only the token from the email"))],
)
async def inspect_invitation(data: InvitationToken, session: SessionDep) -> InvitationPreview:
    invitation, org_name, exists = await service.preview_invitation(session, data.token)
    return InvitationPreview(
        email=invitation.email,
        display_name=invitation.display_name,
        organisation_name=org_name,
        role=invitation.role,
        expires_at=invitation.expires_at,
        account_exists=exists,
    )


@invitations_router.post(
    "/accept",
    operation_id="acceptInvitation",
    summary="Accept an invitation: set a password (new account) and take up the role",
    response_model=UserRead,
    responses=problem_responses(404, 410, 413, 422),
    dependencies=[Depends(public("The invitee has only the token from the email"))],
)
async def accept_invitation(
    data: InvitationAccept, request: Request, session: SessionDep, settings: SettingsDep
) -> UserRead:
    user = await service.accept_invitation(
        session, settings, data, request_id(request), client_address(request, settings)
    )
    return (await _user_reads(session, [user]))[0]


# --------------------------------------------------------------------------- API clients


def _with_secret(client: ApiClient, secret: str) -> ApiClientWithSecret:
    read = service.api_client_read(client)
    return ApiClientWithSecret(**read.model_dump(), client_secret=secret)


async def _admin_client(
    session: AsyncSession, principal: Principal, api_client_id: uuid.UUID
) -> ApiClient:
    client = await service.get_api_client(session, api_client_id)
    policy.ensure_read_org(principal, client.organisation_id, "API client")
    policy.ensure_admin_org(principal, client.organisation_id, "manage its API clients")
    return client


@clients_router.get(
    "",
    operation_id="listApiClients",
    summary="List the API clients of the organisations you administer",
    response_model=ApiClientPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_api_clients(
    request: Request,
    session: SessionDep,
    principal: SignedIn,
    params: Annotated[PageParams, Depends(page_params("name", list(service.CLIENT_SORTS)))],
    organisation_id: uuid.UUID | None = None,
    status: Literal["active", "revoked"] | None = None,
) -> ApiClientPage:
    rows, cursor = await service.list_api_clients(
        session,
        params,
        within_orgs=policy.admin_org_ids(principal),
        organisation_id=organisation_id,
        status=status,
    )
    return ApiClientPage(
        items=[service.api_client_read(c) for c in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@clients_router.post(
    "",
    operation_id="createApiClient",
    summary="Create an API client for a partner system (the secret is shown once)",
    status_code=status.HTTP_201_CREATED,
    response_model=ApiClientWithSecret,
    responses=problem_responses(401, 403, 404, 413, 422),
)
async def create_api_client(
    data: ApiClientCreate, response: Response, session: SessionDep, principal: SignedIn
) -> ApiClientWithSecret:
    policy.ensure_admin_org(principal, data.organisation_id, "create API clients for it")
    client, secret = await service.create_api_client(session, principal.audit, data)
    response.headers["Cache-Control"] = "no-store"
    set_etag(response, client.version)
    return _with_secret(client, secret)


@clients_router.get(
    "/{api_client_id}",
    operation_id="getApiClient",
    summary="Read an API client (never its secret)",
    response_model=ApiClientRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_api_client(
    api_client_id: uuid.UUID, response: Response, session: SessionDep, principal: SignedIn
) -> ApiClientRead:
    client = await _admin_client(session, principal, api_client_id)
    set_etag(response, client.version)
    return service.api_client_read(client)


@clients_router.patch(
    "/{api_client_id}",
    operation_id="updateApiClient",
    summary="Rename an API client or change its scopes",
    description="Narrowing the scopes revokes the client's current tokens.",
    response_model=ApiClientRead,
    responses=problem_responses(401, 403, 404, 409, 412, 413, 422, 428),
)
async def update_api_client(
    api_client_id: uuid.UUID,
    patch: ApiClientUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> ApiClientRead:
    client = await _admin_client(session, principal, api_client_id)
    client = await service.update_api_client(session, principal.audit, client, patch, if_match)
    set_etag(response, client.version)
    return service.api_client_read(client)


@clients_router.post(
    "/{api_client_id}/rotate-secret",
    operation_id="rotateApiClientSecret",
    summary="Replace an API client's secret (the new one is shown once)",
    description="The old secret stops working at once and its tokens are revoked.",
    response_model=ApiClientWithSecret,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def rotate_api_client_secret(
    api_client_id: uuid.UUID, response: Response, session: SessionDep, principal: SignedIn
) -> ApiClientWithSecret:
    client = await _admin_client(session, principal, api_client_id)
    client, secret = await service.rotate_api_client_secret(session, principal.audit, client)
    response.headers["Cache-Control"] = "no-store"
    set_etag(response, client.version)
    return _with_secret(client, secret)


@clients_router.post(
    "/{api_client_id}/revoke",
    operation_id="revokeApiClient",
    summary="Revoke an API client for good",
    response_model=ApiClientRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def revoke_api_client(
    api_client_id: uuid.UUID, response: Response, session: SessionDep, principal: SignedIn
) -> ApiClientRead:
    client = await _admin_client(session, principal, api_client_id)
    client = await service.revoke_api_client(session, principal.audit, client)
    set_etag(response, client.version)
    return service.api_client_read(client)
