"""HTTP for invitations: sending them, listing and withdrawing them, and the invitee's side
(inspecting and accepting the link from the email)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request, status

from gwella import policy
from gwella.accounts import access, invitations, users
from gwella.accounts.schemas import (
    InvitationAccept,
    InvitationCreate,
    InvitationCreated,
    InvitationPage,
    InvitationPreview,
    InvitationToken,
    UserRead,
)
from gwella.core.config import Environment
from gwella.core.database import SessionDep
from gwella.core.dependencies import MailDep, SettingsDep, SignedIn, public
from gwella.core.errors import problem_responses
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.requests import client_address, request_id

invitations_router = APIRouter(prefix="/api/v1/invitations", tags=["invitations"])


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
    inviter = await users.get_user(session, principal.id)
    invitation, token = await invitations.create_invitation(
        session, settings, mail, principal.audit, data, inviter.display_name
    )
    read = invitations.invitation_read(invitation)
    if settings.env is Environment.development:
        return InvitationCreated(
            **read.model_dump(), token=token, accept_url=invitations.accept_url(settings, token)
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
        PageParams, Depends(page_params("-created_at", list(invitations.INVITATION_SORTS)))
    ],
    organisation_id: uuid.UUID | None = None,
    status: Literal["pending", "accepted", "revoked", "expired"] | None = None,
) -> InvitationPage:
    rows, cursor = await invitations.list_invitations(
        session,
        params,
        within_orgs=policy.admin_org_ids(principal),
        organisation_id=organisation_id,
        status=status,
    )
    return InvitationPage(
        items=[invitations.invitation_read(i) for i in rows],
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
    invitation = await access.administered_invitation(session, principal, invitation_id)
    await invitations.revoke_invitation(session, principal.audit, invitation)


@invitations_router.post(
    "/inspect",
    operation_id="inspectInvitation",
    summary="See what an invitation link is for, before accepting it",
    response_model=InvitationPreview,
    responses=problem_responses(404, 410, 422),
    dependencies=[Depends(public("The invitee has only the token from the email"))],
)
async def inspect_invitation(data: InvitationToken, session: SessionDep) -> InvitationPreview:
    invitation, org_name, exists = await invitations.preview_invitation(session, data.token)
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
    user = await invitations.accept_invitation(
        session, settings, data, request_id(request), client_address(request, settings)
    )
    return (await users.user_reads(session, [user]))[0]
