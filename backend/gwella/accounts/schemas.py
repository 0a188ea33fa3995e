from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import EmailStr, Field, StringConstraints

from gwella.accounts.models import Language, Role, Scope
from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, Flag, ReadModel, ShortText

Password = Annotated[str, StringConstraints(min_length=1, max_length=256)]
OpaqueToken = Annotated[str, StringConstraints(min_length=10, max_length=256)]


class TokenResponse(ApiModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the OAuth2 token type
    expires_in: int = Field(description="Seconds until the token expires")
    scope: str = Field(description="Space-separated scopes the token carries")


class MembershipRead(ReadModel):
    id: uuid.UUID
    user_id: uuid.UUID
    organisation_id: uuid.UUID
    role: Role
    created_at: datetime


class MembershipWithUser(MembershipRead):
    user_email: str
    user_display_name: str


class MembershipPage(Page[MembershipWithUser]):
    pass


class MembershipCreate(ApiModel):
    user_id: uuid.UUID
    role: Role


class UserRead(ReadModel):
    id: uuid.UUID
    email: str
    display_name: str
    language: Language
    is_platform_admin: bool
    is_active: bool
    last_sign_in_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime
    memberships: list[MembershipRead] = Field(default_factory=list)


class UserPage(Page[UserRead]):
    pass


class CurrentUserUpdate(ApiModel):
    display_name: ShortText | None = None
    language: Language | None = None


class UserUpdate(ApiModel):
    display_name: ShortText | None = None
    language: Language | None = None
    is_active: Flag | None = Field(
        default=None, description="Deactivating a user also signs them out everywhere"
    )
    is_platform_admin: Flag | None = None


class SignInThrottleRead(ApiModel):
    """A person's failed sign-ins in the throttle's window (addresses are not shown)."""

    failed_attempts: int = Field(description="Failed sign-ins still remembered")
    addresses: int = Field(description="How many addresses they came from")
    throttled_addresses: int = Field(
        description="Addresses that must wait before trying this person's account again"
    )
    last_failed_at: datetime | None


class PasswordChange(ApiModel):
    current_password: Password
    new_password: Password


class InvitationCreate(ApiModel):
    email: EmailStr = Field(max_length=320)
    organisation_id: uuid.UUID
    role: Role
    display_name: ShortText | None = None


class InvitationRead(ReadModel):
    id: uuid.UUID
    email: str
    display_name: str | None
    organisation_id: uuid.UUID
    role: Role
    status: Literal["pending", "accepted", "revoked", "expired"]
    invited_by_id: uuid.UUID | None
    created_at: datetime
    expires_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None


class InvitationCreated(InvitationRead):
    accept_url: str | None = Field(
        default=None,
        description="Only in development (GWELLA_ENV=development); elsewhere it goes by email only",
    )
    token: str | None = Field(default=None, description="Only in development, as accept_url")


class InvitationPage(Page[InvitationRead]):
    pass


class InvitationToken(ApiModel):
    token: OpaqueToken


class InvitationPreview(ApiModel):
    email: str
    display_name: str | None
    organisation_name: str
    role: Role
    expires_at: datetime
    account_exists: bool = Field(
        description="True when the email already has an account: accepting adds the role and "
        "leaves the password as it is"
    )


class InvitationAccept(ApiModel):
    token: OpaqueToken
    password: Password | None = Field(
        default=None, description="Required for a new account; ignored for an existing one"
    )
    display_name: ShortText | None = None
    language: Language = Language.en


class ApiClientCreate(ApiModel):
    organisation_id: uuid.UUID
    name: ShortText = Field(examples=["Trust patient administration system"])
    scopes: list[Scope] = Field(min_length=1, max_length=len(Scope))


class ApiClientUpdate(ApiModel):
    name: ShortText | None = None
    scopes: list[Scope] | None = Field(default=None, min_length=1, max_length=len(Scope))


class ApiClientRead(ReadModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    name: str
    client_id: str = Field(
        description="Public identifier, used as `client_id` at the token endpoint"
    )
    scopes: list[Scope]
    status: Literal["active", "revoked"]
    created_by_id: uuid.UUID | None
    secret_rotated_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class ApiClientWithSecret(ApiClientRead):
    client_secret: str = Field(description="Shown only in this answer; store it now")


class ApiClientPage(Page[ApiClientRead]):
    pass
