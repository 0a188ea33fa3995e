"""HTTP for instruments and their versions: listing, creating, editing drafts, opening a draft
to co-design."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from gwella import policy
from gwella.core.concurrency import IfMatch, set_etag
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader, SignedIn
from gwella.core.errors import problem_responses
from gwella.core.headers import created
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.instruments import service
from gwella.instruments.access import visible_instrument, visible_version
from gwella.instruments.routes import notices
from gwella.instruments.routes.common import (
    CHANGE_ERRORS,
    PATCH_ERRORS,
    READ_ERRORS,
    instrument_reads,
    version_read,
)
from gwella.instruments.schemas import (
    CodesignSettings,
    InstrumentCreate,
    InstrumentPage,
    InstrumentRead,
    InstrumentUpdate,
    VersionContentUpdate,
    VersionRead,
)
from gwella.organisations import service as organisations

router = APIRouter(prefix="/api/v1", tags=["instruments"])


@router.get(
    "/instruments",
    operation_id="listInstruments",
    summary="List the survey instruments visible to you",
    description="Your organisations' instruments, those your partners share with their "
    "partnerships, and those whose draft your organisation is invited to co-design.",
    response_model=InstrumentPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_instruments(
    request: Request,
    session: SessionDep,
    principal: Reader,
    params: Annotated[PageParams, Depends(page_params("code", list(service.SORTS)))],
    organisation_id: uuid.UUID | None = None,
    q: Annotated[str | None, Query(max_length=64, description="Code contains")] = None,
) -> InstrumentPage:
    rows, cursor = await service.list_instruments(
        session,
        params,
        member_orgs=None if principal.is_platform_admin else principal.member_org_ids,
        partner_orgs=principal.partner_org_ids,
        organisation_id=organisation_id,
        q=q,
    )
    return InstrumentPage(
        items=await instrument_reads(session, rows),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/instruments",
    operation_id="createInstrument",
    summary="Create an instrument with its first draft version",
    status_code=status.HTTP_201_CREATED,
    response_model=InstrumentRead,
    responses={**problem_responses(401, 403, 404, 409, 422), **created()},
)
async def create_instrument(
    data: InstrumentCreate, response: Response, session: SessionDep, principal: SignedIn
) -> InstrumentRead:
    await organisations.get_organisation(session, data.organisation_id)
    policy.ensure_read_org(principal, data.organisation_id)
    policy.ensure_edit_instrument(principal, data.organisation_id)
    instrument, _ = await service.create_instrument(session, principal.audit, data)
    set_etag(response, instrument.version)
    response.headers["Location"] = f"/api/v1/instruments/{instrument.id}"
    return (await instrument_reads(session, [instrument]))[0]


@router.get(
    "/instruments/{instrument_id}",
    operation_id="getInstrument",
    summary="Read an instrument and the list of its versions",
    response_model=InstrumentRead,
    responses=READ_ERRORS,
)
async def get_instrument(
    instrument_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> InstrumentRead:
    instrument = await visible_instrument(session, principal, instrument_id)
    set_etag(response, instrument.version)
    return (await instrument_reads(session, [instrument]))[0]


@router.patch(
    "/instruments/{instrument_id}",
    operation_id="updateInstrument",
    summary="Change an instrument's title, description or sharing",
    response_model=InstrumentRead,
    responses=PATCH_ERRORS,
)
async def update_instrument(
    instrument_id: uuid.UUID,
    patch: InstrumentUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> InstrumentRead:
    instrument = await visible_instrument(session, principal, instrument_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    instrument = await service.update_instrument(
        session, principal.audit, instrument, patch, if_match
    )
    set_etag(response, instrument.version)
    return (await instrument_reads(session, [instrument]))[0]


@router.post(
    "/instruments/{instrument_id}/versions",
    operation_id="createInstrumentVersion",
    summary="Start a new draft version from the latest published one",
    status_code=status.HTTP_201_CREATED,
    response_model=VersionRead,
    responses=CHANGE_ERRORS,
)
async def create_version(
    instrument_id: uuid.UUID, response: Response, session: SessionDep, principal: SignedIn
) -> VersionRead:
    instrument = await visible_instrument(session, principal, instrument_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    version = await service.start_new_draft(session, principal.audit, instrument)
    set_etag(response, version.version)
    return await version_read(session, version)


@router.get(
    "/instrument-versions/{version_id}",
    operation_id="getInstrumentVersion",
    summary="Read one version of an instrument, with its questions",
    response_model=VersionRead,
    responses=READ_ERRORS,
)
async def get_version(
    version_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> VersionRead:
    _, version = await visible_version(session, principal, version_id)
    set_etag(response, version.version)
    return await version_read(session, version)


@router.patch(
    "/instrument-versions/{version_id}",
    operation_id="updateInstrumentVersion",
    summary="Save a draft's sections and questions",
    description="Validated on save: unique keys, conditions only on earlier questions, options "
    "for choice questions, every text in each language the instrument declares. Saving a "
    "version that is in review sends it back to draft. A published version is never changed.",
    response_model=VersionRead,
    responses=PATCH_ERRORS,
)
async def update_version(
    version_id: uuid.UUID,
    data: VersionContentUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> VersionRead:
    instrument, version = await visible_version(session, principal, version_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    version = await service.update_content(
        session, principal.audit, instrument, version, data.content, if_match
    )
    set_etag(response, version.version)
    return await version_read(session, version)


@router.put(
    "/instrument-versions/{version_id}/codesign",
    operation_id="updateCodesign",
    summary="Open or close a draft for co-design by chosen organisations",
    response_model=VersionRead,
    responses=CHANGE_ERRORS,
)
async def set_codesign(
    version_id: uuid.UUID, data: CodesignSettings, session: SessionDep, principal: SignedIn
) -> VersionRead:
    instrument, version = await visible_version(session, principal, version_id)
    policy.ensure_edit_instrument(principal, instrument.organisation_id)
    known = await organisations.organisations_by_ids(session, data.organisation_ids)
    for org_id in data.organisation_ids:
        if org_id not in known:
            await organisations.get_organisation(session, org_id)  # raises 404
    before = (version.codesign_open, set(await service.invited_orgs(session, version.id)))
    version = await service.set_codesign(
        session, principal.audit, instrument, version, data.open, data.organisation_ids
    )
    await notices.codesign_changed(session, principal.id, instrument, version, before)
    return await version_read(session, version)
