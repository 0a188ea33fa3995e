"""HTTP for the FHIR R4 endpoint (``/fhir/r4``): capabilities, Questionnaires, and pushed
QuestionnaireResponses. Bodies in and out are ``application/fhir+json``; every refusal is an
OperationOutcome. Wire it into the app with :func:`include_fhir`."""

from __future__ import annotations

import inspect
import json
import uuid
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

from fastapi import APIRouter, Depends, FastAPI, Query
from starlette.requests import Request
from starlette.responses import Response

from gwella import __version__, policy
from gwella.core.database import SessionDep
from gwella.core.dependencies import (
    Reader,
    ResponsesReader,
    ResponsesWriter,
    SettingsDep,
    public,
)
from gwella.core.headers import LOCATION_HEADER
from gwella.core.pagination import PageParams
from gwella.fhir import service
from gwella.fhir.bundle import read_bundle, response_bundle, searchset
from gwella.fhir.capability import capability_statement
from gwella.fhir.datatypes import fhir_base, parse_questionnaire_ref
from gwella.fhir.openapi import body, outcomes, resource
from gwella.fhir.outcome import (
    FHIR_JSON,
    FhirError,
    FhirResponse,
    Issue,
    ProblemToOutcomeMiddleware,
    fhir_aware,
    on_fhir_error,
    outcome,
    status_line,
)
from gwella.fhir.questionnaire import questionnaire
from gwella.fhir.questionnaire_response import questionnaire_response
from gwella.fhir.search import found_responses, identifier_system, refuse_unknown
from gwella.fhir.search import query as search_query
from gwella.ingest.schemas import MAX_ITEMS
from gwella.responses import batches
from gwella.responses import search as responses_search

if TYPE_CHECKING:
    from gwella.instruments.models import Instrument, InstrumentVersion

router = APIRouter(prefix="/fhir/r4", tags=["fhir"])

BODY_TYPES = frozenset({FHIR_JSON, "application/json", "application/json+fhir"})


async def _json_body(request: Request) -> Any:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in BODY_TYPES:
        raise FhirError(
            415,
            [
                Issue(
                    "not-supported",
                    f"Send the body as {FHIR_JSON} (got {media or 'no Content-Type'}).",
                )
            ],
        )

    def no_constants(name: str) -> NoReturn:
        raise ValueError(name)

    try:
        return json.loads(await request.body(), parse_constant=no_constants)
    except (ValueError, UnicodeDecodeError):
        raise FhirError(400, [Issue("structure", "The body is not valid JSON.")]) from None


def _id(text: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise FhirError(
            404, [Issue("not-found", f"No {what} with that id is visible to you.")]
        ) from None


# ------------------------------------------------------------------------------- metadata


@router.get(
    "/metadata",
    operation_id="getFhirCapabilities",
    summary="What this FHIR R4 endpoint supports (a CapabilityStatement)",
    response_class=FhirResponse,
    responses={200: resource("FhirCapabilityStatement", "A CapabilityStatement")},
    dependencies=[Depends(public("FHIR clients read the capabilities before signing in"))],
)
async def capabilities(settings: SettingsDep) -> FhirResponse:
    return FhirResponse(capability_statement(settings.public_url, __version__))


# --------------------------------------------------------------------------- Questionnaire


@router.get(
    "/Questionnaire/{questionnaire_id}",
    operation_id="getQuestionnaire",
    summary="Read a published instrument version as a FHIR Questionnaire",
    description="The id is the instrument version's id. Visible as the instrument is: to its "
    "organisation, to partners when shared with its partnerships, and to co-designers.",
    response_class=FhirResponse,
    responses={
        200: resource("FhirQuestionnaire", "A Questionnaire"),
        **outcomes(401, 403, 404, 422),
    },
)
async def read_questionnaire(
    questionnaire_id: str, session: SessionDep, principal: Reader, settings: SettingsDep
) -> FhirResponse:
    instrument, version = await service.published_version(
        session, _id(questionnaire_id, "Questionnaire")
    )
    policy.ensure_view_instrument(
        principal,
        instrument.organisation_id,
        instrument.shared_with_partnerships,
        await service.invited_orgs(session, instrument),
    )
    [view] = await service.views(session, [(instrument, version)])
    return FhirResponse(questionnaire(view, settings.public_url))


@router.get(
    "/Questionnaire",
    operation_id="listQuestionnaires",
    summary="Search Questionnaires by canonical url and version (a searchset Bundle)",
    description="Without `url`, every published version of the instruments visible to you, "
    "a page of instruments at a time (follow the `next` link). Unknown parameters are ignored.",
    response_class=FhirResponse,
    responses={200: resource("FhirBundle", "A searchset Bundle"), **outcomes(400, 401, 403, 422)},
)
async def search_questionnaires(
    request: Request,
    session: SessionDep,
    principal: Reader,
    settings: SettingsDep,
    url: Annotated[
        str | None, Query(max_length=500, description="Canonical url (`url|version` works too)")
    ] = None,
    version: Annotated[str | None, Query(max_length=20, description="Version number")] = None,
    count: Annotated[
        int, Query(alias="_count", ge=1, le=200, description="Instruments per page")
    ] = 50,
    cursor: Annotated[
        str | None, Query(alias="_cursor", max_length=512, description="From a `next` link")
    ] = None,
) -> FhirResponse:
    base = fhir_base(settings.public_url)
    if url is not None and "|" in url:
        url, _, version = url.partition("|")
    number = int(version) if version and version.isdigit() else None
    pairs: list[tuple[Instrument, InstrumentVersion]] = []
    next_cursor = None
    if version and number is None:
        pass  # no version has that number
    elif url is not None:
        ref = parse_questionnaire_ref(url, settings.public_url)
        instrument = (
            await service.instrument_or_none(session, ref.instrument_id)
            if ref is not None and ref.instrument_id is not None
            else None
        )
        if instrument is not None and policy.can_view_instrument(
            principal,
            instrument.organisation_id,
            instrument.shared_with_partnerships,
            await service.invited_orgs(session, instrument),
        ):
            versions = await service.published_versions(session, [instrument.id], number)
            pairs = [(instrument, v) for v in versions[instrument.id]]
    else:
        rows, next_cursor = await service.list_instruments(
            session,
            member_orgs=None if principal.is_platform_admin else principal.member_org_ids,
            partner_orgs=principal.partner_org_ids,
            limit=count,
            cursor=cursor,
        )
        versions = await service.published_versions(session, [i.id for i in rows], number)
        pairs = [(i, v) for i in rows for v in versions[i.id]]
    resources = [
        questionnaire(view, settings.public_url) for view in await service.views(session, pairs)
    ]
    next_url = None
    if next_cursor is not None:
        query = request.url.include_query_params(_cursor=next_cursor).query
        next_url = f"{base}/Questionnaire?{query}"
    self_url = f"{base}/Questionnaire" + (f"?{request.url.query}" if request.url.query else "")
    return FhirResponse(searchset(resources, base, self_url, next_url))


# ------------------------------------------------------------------ QuestionnaireResponse


def _entry_response(result: service.EntryResult) -> dict[str, Any]:
    response: dict[str, Any] = {"status": status_line(result.status)}
    if result.response_id is not None:
        response["location"] = f"QuestionnaireResponse/{result.response_id}"
    if result.last_modified is not None:
        response["lastModified"] = result.last_modified.isoformat()
    notes = {
        "updated": "Updated: the stored response now says what this one says.",
        "unchanged": "Unchanged: the stored response already says this; ignored.",
    }
    if result.issues:
        response["outcome"] = outcome(result.issues)
    elif result.change in notes:
        response["outcome"] = outcome(
            [Issue("informational", notes[result.change], severity="information")]
        )
    return response


@router.post(
    "/QuestionnaireResponse",
    operation_id="createQuestionnaireResponse",
    summary="Push one QuestionnaireResponse as a survey response (idempotent by identifier)",
    description=(
        "For partner systems (an API client with `responses:write`). Mapped onto a response "
        "of your campaign that runs the Questionnaire, and checked exactly as a web response "
        "is. By (your organisation, `identifier.value`): new is stored (201, with Location), "
        "the same content again is ignored (200), changed content updates the stored "
        "response (200). `questionnaire` is the Questionnaire's `url|version` (or the "
        "`url` alone while exactly one version of it takes your pushes; otherwise a 422 "
        "names the forms to send). The answer is the stored response as a "
        "QuestionnaireResponse. See "
        "`GET /fhir/r4/metadata` for the mapping."
    ),
    status_code=201,
    response_class=FhirResponse,
    responses={
        201: {
            **resource("FhirQuestionnaireResponse", "Created: the stored QuestionnaireResponse"),
            "headers": {"Location": LOCATION_HEADER},
        },
        200: resource(
            "FhirQuestionnaireResponse", "Unchanged or updated: the stored QuestionnaireResponse"
        ),
        **outcomes(400, 401, 403, 404, 408, 409, 413, 415, 422),
    },
    openapi_extra=body("FhirQuestionnaireResponsePush", "A QuestionnaireResponse"),
)
async def create_questionnaire_response(
    request: Request, session: SessionDep, principal: ResponsesWriter, settings: SettingsDep
) -> FhirResponse:
    raw = await _json_body(request)
    client_org = next(iter(principal.member_org_ids))
    [result] = await service.push(
        session, principal.audit, client_org, settings.public_url, [raw], atomic=True
    )
    if result.refused or result.response_id is None:
        raise FhirError(result.status, result.issues)
    stored = await service.pushed_response(
        session, result.response_id, principal.member_org_ids, settings.public_url
    )
    headers = {}
    if result.change == "created":
        base = fhir_base(settings.public_url)
        headers["Location"] = f"{base}/QuestionnaireResponse/{result.response_id}"
    return FhirResponse(
        questionnaire_response(stored, identifier_system(client_org)),
        status_code=result.status,
        headers=headers,
    )


@router.get(
    "/QuestionnaireResponse",
    operation_id="listQuestionnaireResponses",
    summary="Search the responses your organisation pushed (a searchset Bundle)",
    description=(
        "For partner systems (an API client with `responses:read`): the QuestionnaireResponses "
        "your organisation pushed, by `identifier` (`system|value`, or `value`: your id for "
        "the response; the system is your organisation's, as each QuestionnaireResponse "
        "shows) and `_lastUpdated` (when it was last stored or changed; prefixes `eq` (the "
        "default), `gt`, `ge`, `lt`, `le`; a date or an instant with its time zone; give it "
        "twice for a range). A page at a time: follow the `next` link. An unknown parameter "
        "or prefix is refused (400) rather than ignored. A retracted response is no longer "
        "found."
    ),
    response_class=FhirResponse,
    responses={200: resource("FhirBundle", "A searchset Bundle"), **outcomes(400, 401, 403, 422)},
)
async def search_questionnaire_responses(
    request: Request,
    session: SessionDep,
    principal: ResponsesReader,
    settings: SettingsDep,
    identifier: Annotated[
        str | None,
        Query(max_length=600, description="`system|value` or `value`: your id for a response"),
    ] = None,
    last_updated: Annotated[
        list[str] | None,
        Query(
            alias="_lastUpdated",
            max_length=40,
            description="When last stored or changed, e.g. `ge2026-05-01` or "
            "`lt2026-05-01T12:00:00Z`",
        ),
    ] = None,
    count: Annotated[
        int,
        Query(
            alias="_count",
            ge=0,
            le=200,
            description="Page size; 0 answers a Bundle with no entries (FHIR allows it)",
        ),
    ] = 50,
    cursor: Annotated[
        str | None, Query(alias="_cursor", max_length=512, description="From a `next` link")
    ] = None,
) -> FhirResponse:
    refuse_unknown(request.query_params.keys())
    client_org = next(iter(principal.member_org_ids))
    wanted = search_query(client_org, identifier, last_updated or [])
    rows: list[Any] = []
    next_cursor = None
    if count and not wanted.matches_nothing:
        rows, next_cursor = await responses_search.find_pushed(
            session,
            client_org,
            PageParams(limit=count, cursor=cursor, sort="submitted_at"),
            external_id=wanted.external_id,
            changed=wanted.changed,
        )
    system = identifier_system(client_org)
    resources = [
        questionnaire_response(stored, system)
        for stored in await found_responses(session, rows, settings.public_url)
    ]
    base = fhir_base(settings.public_url)
    next_url = None
    if next_cursor is not None:
        query = request.url.include_query_params(_cursor=next_cursor).query
        next_url = f"{base}/QuestionnaireResponse?{query}"
    self_url = f"{base}/QuestionnaireResponse" + (
        f"?{request.url.query}" if request.url.query else ""
    )
    return FhirResponse(searchset(resources, base, self_url, next_url))


@router.get(
    "/QuestionnaireResponse/{response_id}",
    operation_id="getQuestionnaireResponse",
    summary="Read back a response your organisation pushed, as a QuestionnaireResponse",
    description="One your organisation retracted is 410 Gone (an OperationOutcome, code "
    "`deleted`); an id your organisation never pushed is 404. `meta.lastUpdated` is the day "
    "only in an anonymous campaign.",
    response_class=FhirResponse,
    responses={
        200: resource("FhirQuestionnaireResponse", "A QuestionnaireResponse"),
        **outcomes(401, 403, 404, 410, 422),
    },
)
async def read_questionnaire_response(
    response_id: str, session: SessionDep, principal: ResponsesWriter, settings: SettingsDep
) -> FhirResponse:
    stored = await service.pushed_response(
        session,
        _id(response_id, "QuestionnaireResponse"),
        principal.member_org_ids,
        settings.public_url,
    )
    client_org = next(iter(principal.member_org_ids))
    return FhirResponse(questionnaire_response(stored, identifier_system(client_org)))


@router.post(
    "",
    operation_id="ingestFhirBundle",
    summary="Push a batch or transaction Bundle of QuestionnaireResponses",
    description=(
        "For partner systems (an API client with `responses:write`). Each entry is "
        "`POST QuestionnaireResponse`, handled as `createQuestionnaireResponse` is. A batch "
        "stores the entries it can and answers a batch-response whose entries say 201 Created, "
        "200 OK (updated or unchanged) or the refusal with its OperationOutcome. A transaction "
        "stores all or nothing: a transaction-response, or one OperationOutcome listing every "
        f"refused entry. Up to {MAX_ITEMS} entries."
    ),
    response_class=FhirResponse,
    responses={
        200: resource("FhirBundle", "A batch-response or transaction-response Bundle"),
        **outcomes(400, 401, 403, 404, 408, 409, 413, 415, 422),
    },
    openapi_extra=body("FhirBundlePush", "A Bundle of type batch or transaction"),
)
async def process_bundle(
    request: Request, session: SessionDep, principal: ResponsesWriter, settings: SettingsDep
) -> FhirResponse:
    kind, resources = read_bundle(await _json_body(request))
    if len(resources) > MAX_ITEMS:
        raise FhirError(
            413,
            [Issue("too-costly", f"{len(resources)} entries; send at most {MAX_ITEMS}.")],
        )
    client_org = next(iter(principal.member_org_ids))
    async with batches.ingesting(
        session, batches.BatchRef("fhir_bundle", uuid.uuid4(), client_org)
    ):
        results = await service.push(
            session,
            principal.audit,
            client_org,
            settings.public_url,
            resources,
            atomic=kind == "transaction",
        )
    refused = [(i, r) for i, r in enumerate(results) if r.refused]
    if kind == "transaction" and refused:
        raise FhirError(
            refused[0][1].status,
            [
                issue.under(f"Bundle.entry[{i}].resource")
                for i, result in refused
                for issue in result.issues
            ],
        )
    return FhirResponse(response_bundle(kind, [_entry_response(r) for r in results]))


# ------------------------------------------------------------------------------- wiring


def include_fhir(app: FastAPI) -> None:
    """Adds the FHIR routes, and makes every error under ``/fhir/`` an OperationOutcome.

    Call it after the app's exception handlers are installed and before the SPA's catch-all
    route. Errors made by middleware before any route runs (the body size limit's 413) need
    :class:`ProblemToOutcomeMiddleware` as the outermost middleware as well."""
    app.include_router(router)
    for key, handler in list(app.exception_handlers.items()):
        app.exception_handlers[key] = fhir_aware(_as_async(handler))
    app.add_exception_handler(FhirError, on_fhir_error)


def _as_async(handler: Callable[..., Any]) -> Callable[[Request, Exception], Awaitable[Response]]:
    async def call(request: Request, exc: Exception) -> Response:
        result = handler(request, exc)
        if inspect.isawaitable(result):
            result = await result
        assert isinstance(result, Response)
        return result

    return call


__all__ = ["ProblemToOutcomeMiddleware", "include_fhir", "router"]
