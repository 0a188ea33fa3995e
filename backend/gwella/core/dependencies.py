"""Authentication and the route-policy dependency every route declares.

The token is turned into a :class:`Principal` by the function the app puts in
``app.state.authenticate`` (the accounts domain's), so that this module, like all of
``gwella.core``, imports no domain."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.requests import Request

from gwella.core.config import Settings
from gwella.core.database import SessionDep
from gwella.core.errors import Unauthenticated
from gwella.core.mail import MailSender
from gwella.core.principal import (
    ANY_CALLER,
    MEASUREMENTS_READER,
    MEASUREMENTS_WRITER,
    PLATFORM_ADMIN,
    POLICY_ATTRIBUTE,
    READER,
    RESPONSES_READER,
    RESPONSES_WRITER,
    SIGNED_IN,
    STAFF_OR_RESPONSES_READER,
    Principal,
    RoutePolicy,
)
from gwella.core.requests import client_address, request_id

Authenticator = Callable[..., Awaitable[Principal]]
"""(session, token, request id, client address, the process's memory of principals) to the
principal, or :class:`Unauthenticated`."""

_bearer = HTTPBearer(auto_error=False, description="An access token from /api/v1/auth/token")


# ``async`` although they await nothing: FastAPI runs plain ``def`` dependencies in a
# thread pool, a thread hand-off on every authenticated request.
async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_mail(request: Request) -> MailSender:
    sender: MailSender = request.app.state.mail
    return sender


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
MailDep = Annotated[MailSender, Depends(get_mail)]


async def authenticate(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthenticated()
    authenticator: Authenticator = request.app.state.authenticate
    # The settings from the app's state, as get_app_settings reads them: one dependency
    # fewer for FastAPI to solve on every authenticated request.
    settings: Settings = request.app.state.settings
    return await authenticator(
        session,
        credentials.credentials,
        request_id(request),
        client_address(request, settings),
        getattr(request.app.state, "principals", None),
    )


def require(policy: RoutePolicy) -> Callable[..., Awaitable[Principal]]:
    """The dependency a route declares: authenticates and applies ``policy``."""

    async def dependency(principal: Annotated[Principal, Depends(authenticate)]) -> Principal:
        policy.check(principal)
        return principal

    setattr(dependency, POLICY_ATTRIBUTE, policy)
    return dependency


def public(reason: str) -> Callable[[], Awaitable[None]]:
    """The dependency of a route anyone may call, with the reason it is open."""

    async def dependency() -> None:  # async: see get_app_settings
        return None

    setattr(dependency, POLICY_ATTRIBUTE, RoutePolicy("public", reason, authenticated=False))
    return dependency


# The policies routes use, as ready-made parameter types.
Reader = Annotated[Principal, Depends(require(READER))]
SignedIn = Annotated[Principal, Depends(require(SIGNED_IN))]
PlatformAdmin = Annotated[Principal, Depends(require(PLATFORM_ADMIN))]
AnyCaller = Annotated[Principal, Depends(require(ANY_CALLER))]
ResponsesWriter = Annotated[Principal, Depends(require(RESPONSES_WRITER))]
MeasurementsWriter = Annotated[Principal, Depends(require(MEASUREMENTS_WRITER))]
ResponsesReader = Annotated[Principal, Depends(require(RESPONSES_READER))]
MeasurementsReader = Annotated[Principal, Depends(require(MEASUREMENTS_READER))]
StaffOrResponsesReader = Annotated[Principal, Depends(require(STAFF_OR_RESPONSES_READER))]
