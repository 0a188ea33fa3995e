"""HTTP for API clients: the partner systems an organisation lets in."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request, Response, status

from gwella import policy
from gwella.accounts import access, api_clients
from gwella.accounts.models import ApiClient
from gwella.accounts.schemas import (
    ApiClientCreate,
    ApiClientPage,
    ApiClientRead,
    ApiClientUpdate,
    ApiClientWithSecret,
)
from gwella.core.concurrency import IfMatch, set_etag
from gwella.core.database import SessionDep
from gwella.core.dependencies import SignedIn
from gwella.core.errors import problem_responses
from gwella.core.pagination import PageParams, next_link, page_params

clients_router = APIRouter(prefix="/api/v1/api-clients", tags=["api-clients"])


def _with_secret(client: ApiClient, secret: str) -> ApiClientWithSecret:
    read = api_clients.api_client_read(client)
    return ApiClientWithSecret(**read.model_dump(), client_secret=secret)


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
    params: Annotated[PageParams, Depends(page_params("name", list(api_clients.CLIENT_SORTS)))],
    organisation_id: uuid.UUID | None = None,
    status: Literal["active", "revoked"] | None = None,
) -> ApiClientPage:
    rows, cursor = await api_clients.list_api_clients(
        session,
        params,
        within_orgs=policy.admin_org_ids(principal),
        organisation_id=organisation_id,
        status=status,
    )
    return ApiClientPage(
        items=[api_clients.api_client_read(c) for c in rows],
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
    client, secret = await api_clients.create_api_client(session, principal.audit, data)
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
    client = await access.administered_api_client(session, principal, api_client_id)
    set_etag(response, client.version)
    return api_clients.api_client_read(client)


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
    client = await access.administered_api_client(session, principal, api_client_id)
    client = await api_clients.update_api_client(session, principal.audit, client, patch, if_match)
    set_etag(response, client.version)
    return api_clients.api_client_read(client)


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
    client = await access.administered_api_client(session, principal, api_client_id)
    client, secret = await api_clients.rotate_api_client_secret(session, principal.audit, client)
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
    client = await access.administered_api_client(session, principal, api_client_id)
    client = await api_clients.revoke_api_client(session, principal.audit, client)
    set_etag(response, client.version)
    return api_clients.api_client_read(client)
