"""HTTP for signing in and out: an OAuth 2.0 token endpoint (RFC 6749) and token revocation
(RFC 7009).

Their errors are OAuth's, not problem+json: ``{"error": …, "error_description": …}`` as
application/json, 400 for a bad request or grant, 401 with ``WWW-Authenticate`` when the
client's authentication failed, and 429 ``slow_down`` (RFC 8628's code for "wait before
asking again") with ``Retry-After`` from the sign-in throttle. Client libraries (Authlib,
oauthlib, the SPA) read them as errors, never as a token."""

from __future__ import annotations

import base64
import binascii
from typing import Any, Literal
from urllib.parse import parse_qsl, unquote_plus

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import Field
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import signin, throttle
from gwella.accounts.models import ApiClient
from gwella.accounts.schemas import TokenResponse
from gwella.core.config import Settings
from gwella.core.database import SessionDep
from gwella.core.dependencies import SettingsDep, SignedIn, public
from gwella.core.errors import RateLimited, problem_responses
from gwella.core.requests import client_address, request_id
from gwella.core.schemas import ApiModel

auth_router = APIRouter(prefix="/api/v1/auth", tags=["auth"])

FORM = "application/x-www-form-urlencoded"
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
CHALLENGE = 'Basic realm="Gwella", charset="UTF-8"'
LIMITS = {
    "grant_type": 64,
    "username": 320,
    "password": 256,
    "client_id": 64,
    "client_secret": 256,
    "scope": 200,
    "token": 256,
    "token_type_hint": 64,
}
OAuthErrorCode = Literal[
    "invalid_request",
    "invalid_client",
    "invalid_grant",
    "unauthorized_client",
    "unsupported_grant_type",
    "invalid_scope",
    "slow_down",
]


class OAuthError(ApiModel):
    """An error of the token or revocation endpoint (RFC 6749 §5.2, RFC 7009 §2.2.1)."""

    error: OAuthErrorCode
    error_description: str | None = Field(
        default=None, description="What went wrong, for the developer (ASCII, no quotes)"
    )


class TokenRequest(ApiModel):
    """The token request's form fields (RFC 6749 §4.3, §4.4)."""

    grant_type: Literal["password", "client_credentials"]
    username: str | None = Field(default=None, max_length=320, description="Email (password)")
    password: str | None = Field(default=None, max_length=256)
    client_id: str | None = Field(
        default=None, max_length=64, description="Or HTTP Basic authentication"
    )
    client_secret: str | None = Field(default=None, max_length=256)
    scope: str | None = Field(default=None, max_length=200, description="Space-separated")


class RevocationRequest(ApiModel):
    """The revocation request's form fields (RFC 7009 §2.1)."""

    token: str = Field(min_length=1, max_length=256, description="The token to revoke")
    token_type_hint: str | None = Field(default=None, max_length=64)
    client_id: str | None = Field(default=None, max_length=64)
    client_secret: str | None = Field(default=None, max_length=256)


def _oauth_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    described = {
        400: "The request or the grant was refused (invalid_request, invalid_grant, "
        "unsupported_grant_type, invalid_scope, unauthorized_client)",
        401: "Client authentication failed (invalid_client), with WWW-Authenticate",
        429: "Too many failed sign-ins from here: slow_down, with Retry-After",
    }
    return {s: {"model": OAuthError, "description": described[s]} for s in statuses}


def _form_body(model: type[ApiModel]) -> dict[str, Any]:
    # RFC 6749 §3.1 (and RFC 7009 §2.1 by reference): the server ignores request parameters
    # it does not know, so the form is open to others.
    schema = {**model.model_json_schema(), "additionalProperties": True}
    return {"requestBody": {"required": True, "content": {FORM: {"schema": schema}}}}


class _Refused(Exception):
    def __init__(
        self, status: int, error: str, description: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(description)
        self.status, self.error, self.description = status, error, description
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        return JSONResponse(
            {"error": self.error, "error_description": self.description},
            status_code=self.status,
            headers={**NO_STORE, **self.headers},
        )


def _bad(error: str, description: str) -> _Refused:
    return _Refused(400, error, description)


def _client_failed(description: str) -> _Refused:
    return _Refused(401, "invalid_client", description, {"WWW-Authenticate": CHALLENGE})


async def _read_form(request: Request) -> dict[str, str]:
    """The form's known parameters, each given once (RFC 6749 §3.1) and within its limit;
    any other parameter is ignored."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if body and media_type != FORM:
        raise _bad("invalid_request", f"Send the parameters as {FORM}.")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        raise _bad("invalid_request", "The form is not UTF-8.") from None
    form: dict[str, str] = {}
    for name, value in pairs:
        if name not in LIMITS:
            continue  # RFC 6749 §3.1: a parameter the server does not know is ignored
        if name in form:
            raise _bad("invalid_request", f"The parameter {name} is given more than once.")
        if len(value) > LIMITS[name]:
            raise _bad("invalid_request", f"The parameter {name} is too long.")
        form[name] = value
    return {k: v for k, v in form.items() if v != ""}


def _client_credentials(request: Request, form: dict[str, str]) -> tuple[str, str] | None:
    """Client id and secret from HTTP Basic (RFC 6749 §2.3.1: form-encoded, then base64) or
    the form; never both. A malformed Basic header is a failed authentication."""
    header = request.headers.get("authorization", "")
    in_form = "client_id" in form or "client_secret" in form
    if not header.lower().startswith("basic "):
        if not in_form:
            return None
        if "client_id" not in form or "client_secret" not in form:
            raise _client_failed("Give both client_id and client_secret.")
        return form["client_id"], form["client_secret"]
    if in_form and "client_secret" in form:
        raise _bad("invalid_request", "Authenticate the client one way: HTTP Basic or the form.")
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise _client_failed("The Basic credentials are not base64 of id:secret.") from None
    client_id, sep, secret = decoded.partition(":")
    if not sep or not client_id or not secret:
        raise _client_failed("The Basic credentials are not base64 of id:secret.")
    return unquote_plus(client_id), unquote_plus(secret)


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
    except RateLimited as limited:
        async with request.app.state.sessionmaker() as own:
            await throttle.forget(own, attempt)
            await own.commit()
        raise _Refused(429, "slow_down", limited.detail, dict(limited.headers)) from None


async def _authenticated_client(
    request: Request,
    session: AsyncSession,
    settings: Settings,
    credentials: tuple[str, str],
    address: str,
) -> ApiClient:
    client_id, secret = credentials
    if len(client_id) > LIMITS["client_id"] or len(secret) > LIMITS["client_secret"]:
        raise _client_failed("The client credentials are not right, or were revoked.")
    account = f"client:{client_id}"
    await _throttled_attempt(request, session, settings, account, address)
    client = await signin.authenticate_client(session, client_id, secret)
    if client is None:
        raise _client_failed("The client credentials are not right, or were revoked.")
    await throttle.succeeded(session, account, address)
    return client


@auth_router.post(
    "/token",
    operation_id="issueToken",
    summary="Sign in: exchange a password or client credentials for an access token",
    description=(
        "OAuth 2.0 token endpoint (RFC 6749), form-encoded. `grant_type=password` with "
        "`username` (email) and `password` for people; `grant_type=client_credentials` for "
        "API clients, authenticated with HTTP Basic (`client_id:client_secret`) or "
        "`client_id` and `client_secret` in the form, optionally narrowing `scope`. Errors "
        'are RFC 6749 §5.2 JSON (`{"error": …, "error_description": …}`): 400 '
        "`invalid_request`, `invalid_grant`, `unsupported_grant_type` or `invalid_scope`, "
        "401 `invalid_client` with `WWW-Authenticate`. Failed sign-ins are throttled per "
        "account and address (429 `slow_down` with `Retry-After`) and never say whether "
        "the email exists."
    ),
    response_model=TokenResponse,
    responses={**_oauth_responses(400, 401, 429), **problem_responses(413, 415)},
    openapi_extra=_form_body(TokenRequest),
    dependencies=[Depends(public("Signing in is how one gets a token"))],
)
async def issue_token(
    request: Request, session: SessionDep, settings: SettingsDep
) -> TokenResponse | Response:
    try:
        return await _issue_token(request, session, settings)
    except _Refused as refused:
        return refused.response()


async def _issue_token(
    request: Request, session: AsyncSession, settings: Settings
) -> TokenResponse | Response:
    form = await _read_form(request)
    address = client_address(request, settings)
    grant_type = form.get("grant_type")
    if grant_type is None:
        raise _bad("invalid_request", "Give grant_type: password or client_credentials.")
    if grant_type == "password":
        username, password = form.get("username"), form.get("password")
        if not username or not password:
            raise _bad("invalid_request", "Give username (your email address) and password.")
        # A public client may name itself with client_id alone (RFC 6749 §2.3); one that
        # authenticates (Basic, or a secret in the form) must authenticate rightly.
        basic = request.headers.get("authorization", "").lower().startswith("basic ")
        if basic or "client_secret" in form:
            credentials = _client_credentials(request, form)
            assert credentials is not None
            await _authenticated_client(request, session, settings, credentials, address)
        await _throttled_attempt(request, session, settings, username, address)
        user = await signin.authenticate_password(session, username, password)
        if user is None:
            raise _bad("invalid_grant", "The email address or password is not right.")
        await throttle.succeeded(session, username, address)
        secret, token = await signin.issue_user_token(
            session, settings, user, (request_id(request), address)
        )
        ttl = settings.access_token_ttl_seconds
    elif grant_type == "client_credentials":
        credentials = _client_credentials(request, form)
        if credentials is None:
            raise _client_failed("Authenticate the client: HTTP Basic, or the form.")
        client = await _authenticated_client(request, session, settings, credentials, address)
        requested = form["scope"].split() if "scope" in form else None
        extra = [s for s in requested or [] if s not in client.scopes]
        if extra:
            raise _bad("invalid_scope", f"This client was not granted: {' '.join(extra)}.")
        secret, token = await signin.issue_client_token(session, settings, client, requested)
        ttl = settings.client_token_ttl_seconds
    else:
        raise _bad(
            "unsupported_grant_type", "Only the password and client_credentials grants exist."
        )
    answer = TokenResponse(access_token=secret, expires_in=ttl, scope=" ".join(token.scopes))
    return JSONResponse(answer.model_dump(mode="json"), headers=NO_STORE)


@auth_router.post(
    "/revoke",
    operation_id="signOut",
    summary="Sign out: revoke a token (RFC 7009)",
    description=(
        "Token revocation (RFC 7009), form-encoded `token` (and an optional "
        "`token_type_hint`, which is not needed). Always 200 when the request is well "
        "formed, also for a token that is unknown, expired or already revoked. A person's "
        "token is revoked by whoever holds it; an API client's only by that client, "
        "authenticated as at the token endpoint. `token` is required, as RFC 7009 §2.1 "
        "says (to sign out, send the bearer token in it): without it, 400 "
        "`invalid_request`, also when the request carries an `Authorization` header. Errors "
        "are RFC 6749 §5.2 JSON, as the token endpoint's."
    ),
    response_class=Response,
    responses={
        200: {"description": "Revoked, or there was nothing to revoke", "content": {}},
        **_oauth_responses(400, 401, 429),
        **problem_responses(413, 415),
    },
    openapi_extra=_form_body(RevocationRequest),
    dependencies=[Depends(public("Revocation is by holding the token (RFC 7009)"))],
)
async def sign_out(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    try:
        form = await _read_form(request)
        address = client_address(request, settings)
        credentials = _client_credentials(request, form)
        client = (
            await _authenticated_client(request, session, settings, credentials, address)
            if credentials is not None
            else None
        )
        secret = form.get("token")
        if not secret:
            raise _bad("invalid_request", "Give the token to revoke.")
        owner = await signin.token_owner(session, secret)
        if owner is not None:
            kind, owner_id = owner
            if kind == "api_client" and client is None:
                raise _client_failed("Authenticate as the client this token was issued to.")
            if client is not None and (kind != "api_client" or owner_id != client.id):
                raise _bad("unauthorized_client", "This token was not issued to this client.")
            await signin.revoke_by_secret(session, secret, request_id(request), address)
    except _Refused as refused:
        return refused.response()
    return Response(status_code=200, headers=NO_STORE)


@auth_router.post(
    "/revoke-all",
    operation_id="signOutEverywhere",
    summary="Sign out everywhere: revoke every token of the signed-in person",
    status_code=204,
    responses=problem_responses(401, 403),
)
async def sign_out_everywhere(session: SessionDep, principal: SignedIn) -> None:
    await signin.revoke_all_tokens(session, principal.audit, principal.id)
