"""HTTP for signing in and out (an OAuth2 token endpoint)."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import signin, throttle
from gwella.accounts.schemas import TokenResponse
from gwella.core.config import Settings
from gwella.core.database import SessionDep
from gwella.core.dependencies import AnyCaller, SettingsDep, SignedIn, public
from gwella.core.errors import BadRequest, RateLimited, Unauthenticated, problem_responses
from gwella.core.requests import client_address, request_id

auth_router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


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


async def _throttled_attempt(
    request: Request, session: AsyncSession, settings: Settings, account: str, address: str
) -> None:
    """Write the attempt as a failure in a transaction of its own (the request's is rolled
    back when the password is wrong; parallel guesses see each other), then judge it; an
    attempt refused here is no failure."""
    async with request.app.state.sessionmaker() as own:
        attempt = await throttle.begin_attempt(own, settings, account, address)
        await own.commit()
    try:
        await throttle.check(session, settings, account, address, attempt)
    except RateLimited:
        async with request.app.state.sessionmaker() as own:
            await throttle.forget(own, attempt)
            await own.commit()
        raise


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
        await _throttled_attempt(request, session, settings, username, address)
        user = await signin.authenticate_password(session, username, password)
        if user is None:
            raise InvalidGrant("The email address or password is not right.")
        await throttle.succeeded(session, username, address)
        secret, token = await signin.issue_user_token(
            session, settings, user, (request_id(request), address)
        )
        ttl = settings.access_token_ttl_seconds
    else:
        basic = _basic_credentials(request)
        if basic is not None:
            client_id, client_secret = basic
        if not client_id or not client_secret:
            raise InvalidClient("Give client_id and client_secret.")
        await _throttled_attempt(request, session, settings, f"client:{client_id}", address)
        client = await signin.authenticate_client(session, client_id, client_secret)
        if client is None:
            raise InvalidClient("The client credentials are not right, or were revoked.")
        await throttle.succeeded(session, f"client:{client_id}", address)
        requested = scope.split() if scope else None
        secret, token = await signin.issue_client_token(session, settings, client, requested)
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
    await signin.revoke_token(session, principal)


@auth_router.post(
    "/revoke-all",
    operation_id="signOutEverywhere",
    summary="Sign out everywhere: revoke every token of the signed-in person",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403),
)
async def sign_out_everywhere(session: SessionDep, principal: SignedIn) -> None:
    await signin.revoke_all_tokens(session, principal.audit, principal.id)
