"""HTTP for organisations and their services."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status

from gwella import policy
from gwella.core import conditional
from gwella.core.concurrency import IfMatch, set_etag
from gwella.core.database import SessionDep
from gwella.core.dependencies import PlatformAdmin, Reader, SignedIn
from gwella.core.errors import problem_responses
from gwella.core.headers import created
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.organisations import service
from gwella.organisations.access import visible_organisation, visible_service
from gwella.organisations.enums import OrganisationKind, ServiceKind
from gwella.organisations.schemas import (
    OrganisationCreate,
    OrganisationPage,
    OrganisationRead,
    OrganisationUpdate,
    ServiceCreate,
    ServicePage,
    ServiceRead,
    ServiceUpdate,
)
from gwella.partnerships import service as partnerships

router = APIRouter(prefix="/api/v1", tags=["organisations"])

OrgRef = Annotated[
    str,
    Path(max_length=100, description="The organisation's id, or `scheme:code` (e.g. `ods:7A9`)"),
]
READ_ERRORS = problem_responses(401, 403, 404, 422)
WRITE_ERRORS = problem_responses(401, 403, 404, 409, 412, 413, 422, 428)
CREATE_ERRORS = problem_responses(401, 403, 404, 409, 413, 422)


@router.get(
    "/organisations",
    operation_id="listOrganisations",
    summary="List the organisations visible to you",
    description="Your own organisations and those that share a partnership with them.",
    response_model=OrganisationPage,
    # 404: a `partnership_id` filter naming no partnership visible to you.
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_organisations(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    if_none_match: Annotated[str | None, Depends(conditional.if_none_match)],
    params: Annotated[PageParams, Depends(page_params("name", list(service.ORG_SORTS)))],
    kind: OrganisationKind | None = None,
    q: Annotated[str | None, Query(max_length=100, description="Name contains (en or cy)")] = None,
    code: Annotated[str | None, Query(max_length=64)] = None,
    is_active: bool | None = None,
    partnership_id: Annotated[
        uuid.UUID | None, Query(description="Only current members of this partnership")
    ] = None,
    my_role: Annotated[
        Literal["service_user", "carer", "staff", "manager", "admin"] | None,
        Query(description="Only organisations where you hold this role (e.g. admin, for pickers)"),
    ] = None,
) -> OrganisationPage | Response:
    ids = None
    if my_role is not None:
        ids = principal.orgs_with_role(my_role)
    if partnership_id is not None:
        policy.ensure_read_partnership(principal, partnership_id)
        members = frozenset(await partnerships.active_member_ids(session, partnership_id))
        ids = members if ids is None else ids & members
    rows, cursor = await service.list_organisations(
        session,
        params,
        visible=policy.visible_org_ids(principal),
        kind=kind,
        q=q,
        code=code,
        is_active=is_active,
        ids=ids,
    )
    tag = conditional.page_tag("organisations", request, cursor, rows)
    if conditional.holds(if_none_match, tag):
        return conditional.not_modified(tag)
    conditional.tag_response(response, tag)
    return OrganisationPage(
        items=[OrganisationRead.model_validate(r) for r in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/organisations",
    operation_id="createOrganisation",
    summary="Add an organisation",
    status_code=status.HTTP_201_CREATED,
    response_model=OrganisationRead,
    responses={**CREATE_ERRORS, **created()},
)
async def create_organisation(
    data: OrganisationCreate, response: Response, session: SessionDep, principal: PlatformAdmin
) -> OrganisationRead:
    org = await service.create_organisation(session, principal.audit, data)
    set_etag(response, org.version)
    response.headers["Location"] = f"/api/v1/organisations/{org.id}"
    return OrganisationRead.model_validate(org)


@router.get(
    "/organisations/{organisation_id}",
    operation_id="getOrganisation",
    summary="Read an organisation",
    response_model=OrganisationRead,
    responses=READ_ERRORS,
)
async def get_organisation(
    organisation_id: OrgRef, response: Response, session: SessionDep, principal: Reader
) -> OrganisationRead:
    org = await visible_organisation(session, principal, organisation_id)
    set_etag(response, org.version)
    return OrganisationRead.model_validate(org)


@router.patch(
    "/organisations/{organisation_id}",
    operation_id="updateOrganisation",
    summary="Change an organisation",
    response_model=OrganisationRead,
    responses=WRITE_ERRORS,
)
async def update_organisation(
    organisation_id: OrgRef,
    patch: OrganisationUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> OrganisationRead:
    org = await visible_organisation(session, principal, organisation_id)
    policy.ensure_admin_org(principal, org.id, "change it")
    if "code" in patch.model_fields_set or "code_scheme" in patch.model_fields_set:
        policy.ensure_platform_admin(principal, "change an organisation's code")
    org = await service.update_organisation(session, principal.audit, org, patch, if_match)
    set_etag(response, org.version)
    return OrganisationRead.model_validate(org)


@router.get(
    "/organisations/{organisation_id}/services",
    operation_id="listServices",
    summary="List an organisation's services",
    description="Flat list; each service names its `parent_id`, so clients can draw the tree.",
    response_model=ServicePage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_services(
    organisation_id: OrgRef,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    if_none_match: Annotated[str | None, Depends(conditional.if_none_match)],
    params: Annotated[PageParams, Depends(page_params("name", list(service.SERVICE_SORTS)))],
    kind: ServiceKind | None = None,
    code: Annotated[str | None, Query(max_length=64)] = None,
    parent_id: uuid.UUID | None = None,
    is_active: bool | None = None,
) -> ServicePage | Response:
    org = await visible_organisation(session, principal, organisation_id)
    rows, cursor = await service.list_services(
        session,
        params,
        organisation_id=org.id,
        kind=kind,
        code=code,
        parent_id=parent_id,
        is_active=is_active,
    )
    tag = conditional.page_tag("services", request, cursor, rows)
    if conditional.holds(if_none_match, tag):
        return conditional.not_modified(tag)
    conditional.tag_response(response, tag)
    return ServicePage(
        items=[ServiceRead.model_validate(r) for r in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/organisations/{organisation_id}/services",
    operation_id="createService",
    summary="Add a service (team, ward, day centre) to an organisation",
    status_code=status.HTTP_201_CREATED,
    response_model=ServiceRead,
    responses={**CREATE_ERRORS, **created()},
)
async def create_service(
    organisation_id: OrgRef,
    data: ServiceCreate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
) -> ServiceRead:
    org = await visible_organisation(session, principal, organisation_id)
    policy.ensure_manage_services(principal, org.id)
    svc = await service.create_service(session, principal.audit, org, data)
    set_etag(response, svc.version)
    response.headers["Location"] = f"/api/v1/services/{svc.id}"
    return ServiceRead.model_validate(svc)


@router.get(
    "/services/{service_id}",
    operation_id="getService",
    summary="Read a service",
    response_model=ServiceRead,
    responses=READ_ERRORS,
)
async def get_service(
    service_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> ServiceRead:
    svc = await visible_service(session, principal, service_id)
    set_etag(response, svc.version)
    return ServiceRead.model_validate(svc)


@router.patch(
    "/services/{service_id}",
    operation_id="updateService",
    summary="Change a service",
    response_model=ServiceRead,
    responses=WRITE_ERRORS,
)
async def update_service(
    service_id: uuid.UUID,
    patch: ServiceUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> ServiceRead:
    svc = await visible_service(session, principal, service_id)
    policy.ensure_manage_services(principal, svc.organisation_id)
    svc = await service.update_service(session, principal.audit, svc, patch, if_match)
    set_etag(response, svc.version)
    return ServiceRead.model_validate(svc)
