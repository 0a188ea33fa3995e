"""HTTP for file imports: upload (streamed to disk), progress, errors as CSV, templates."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from gwella import policy
from gwella.campaigns.access import visible_campaign
from gwella.core import csvfiles
from gwella.core.database import SessionDep
from gwella.core.dependencies import AnyCaller, SettingsDep
from gwella.core.errors import (
    FieldProblem,
    Forbidden,
    ValidationFailed,
    problem_responses,
)
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.principal import Principal
from gwella.imports import encodings, files, service, storage
from gwella.imports.access import visible_job, visible_orgs
from gwella.imports.models import ImportJob
from gwella.imports.schemas import ImportJobPage, ImportJobRead
from gwella.ingest import service as ingest
from gwella.responses import service as responses
from gwella.responses import template

router = APIRouter(prefix="/api/v1", tags=["imports"])
Format = Literal["csv", "ndjson", "fhir"]
FORMATS: dict[str, Format] = {
    "text/csv": "csv",
    "application/x-ndjson": "ndjson",
    "application/fhir+json": "fhir",
}
OCTET_STREAM = "application/octet-stream"
IMPORT_MEDIA_TYPES = frozenset({*FORMATS, OCTET_STREAM})
SCOPES = {"responses": "responses:write", "measurements": "measurements:write"}


def _read(job: ImportJob) -> ImportJobRead:
    return ImportJobRead.model_validate(
        {
            **{f: getattr(job, f) for f in ImportJobRead.model_fields if f != "errors_url"},
            "errors_url": f"/api/v1/imports/{job.id}/errors.csv",
        }
    )


def _import_org(p: Principal, kind: str, organisation_id: uuid.UUID | None) -> uuid.UUID:
    """API clients import for their organisation with the kind's scope; people for an
    organisation where they are staff, a manager or an administrator."""
    if p.kind == "api_client":
        if SCOPES[kind] not in p.scopes:
            raise Forbidden(f"Importing {kind} needs the scope {SCOPES[kind]!r}.")
        return next(iter(p.member_org_ids))
    if organisation_id is None:
        raise ValidationFailed(
            "Say which organisation's data this is.",
            errors=[FieldProblem(field="query.organisation_id", message="required")],
        )
    if not p.is_platform_admin and not p.has_role(organisation_id, *policy.EDITOR_ROLES):
        raise Forbidden("You need to be staff, a manager or an administrator there to import.")
    return organisation_id


@router.post(
    "/imports",
    operation_id="createImport",
    summary="Upload a file of responses or measurements to import in the background",
    description=(
        "Send the file as the request body: `text/csv` (the template's columns; multiple "
        "choice values separated by `|`) or `application/x-ndjson` (one ingestion item per "
        "line), `application/fhir+json` (a FHIR Bundle of QuestionnaireResponses, which name "
        "their Questionnaire, so no campaign_id; best effort only), or "
        "`application/octet-stream` with `format`. Up to 1 GB, written to disk as it arrives. "
        "Answers 202 with the job; poll it for progress. Rows are validated and applied "
        "exactly as the ingestion endpoints do, idempotently, so a repeated file is safe.\n\n"
        "**Encoding.** A CSV file is read in the `charset` its Content-Type declares: "
        "`utf-8`, `windows-1252` (also as `cp1252`; `iso-8859-1`, `latin1` and `us-ascii` "
        "are read as windows-1252, as browsers do) or `iso-8859-15`; any other charset is "
        "refused with 415 before the file is read. A UTF-8 byte order mark means UTF-8 "
        "whatever is declared. With no charset, a file that is valid UTF-8 is read as UTF-8, "
        "and any other CSV as windows-1252 (what Excel's “CSV (Comma delimited)” writes); a "
        "file valid in neither, or bytes the declared encoding does not have, are refused "
        "with 422 naming the line; UTF-16 is refused with 415. NDJSON and FHIR files are "
        "UTF-8. The job's `encoding` says how the file was read.\n\n"
        "**Rows.** Refused rows are listed at `errors_url` by number: in a CSV file, the row "
        "as a spreadsheet numbers it (row 1 is the header, row 2 the first data row; a "
        "quoted cell with line breaks stays in its row); in NDJSON, the line (from 1); in a "
        "FHIR Bundle, the entry (from 1). Blank rows are skipped and keep their number. "
        "Every row is accounted for: imported, updated, ignored (already stored) or "
        "refused. A row that cannot be read is refused with a code (`unterminated_quote`: "
        "a quoted cell is not closed, so only that row is refused and the next line is read "
        "as the next row; `malformed_row`, `wrong_cell_count`, `row_too_long`, `unreadable` "
        "for a line that is not a JSON object, `lone_surrogate` for a `\\ud800`-like escape "
        "without its pair); the other rows still import in best-effort "
        "mode. The uploaded file is deleted when the job ends, however it ends."
    ),
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ImportJobRead,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/csv": {"schema": {"type": "string", "format": "binary"}},
                "application/x-ndjson": {"schema": {"type": "string", "format": "binary"}},
            },
        }
    },
    responses=problem_responses(401, 403, 404, 409, 413, 415, 422),
)
async def create_import(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    principal: AnyCaller,
    kind: Literal["responses", "measurements"],
    campaign_id: uuid.UUID | None = None,
    organisation_id: Annotated[
        uuid.UUID | None, Query(description="People: the organisation whose data this is")
    ] = None,
    mode: Literal["best_effort", "atomic"] = "best_effort",
    format: Annotated[
        Format | None,
        Query(description="The file's format, when it is sent as application/octet-stream"),
    ] = None,
) -> ImportJobRead:
    org_id = _import_org(principal, kind, organisation_id)
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == OCTET_STREAM:  # the content-type middleware let only these through
        if format is None:
            raise ValidationFailed(
                "Say whether the file is csv, ndjson or fhir.",
                errors=[FieldProblem(field="query.format", message="required for octet-stream")],
            )
        fmt = format
    else:
        fmt = FORMATS[media_type]
    if fmt == "fhir" and (kind != "responses" or mode != "best_effort"):
        raise ValidationFailed(
            "FHIR Bundle files carry responses and are applied best effort.",
            errors=[FieldProblem(field="query.mode", message="best_effort, kind=responses")],
        )
    declared = encodings.declared(request.headers.get("content-type"), fmt)
    if kind == "responses" and fmt != "fhir":
        if campaign_id is None:
            raise ValidationFailed(
                "Say which campaign the responses belong to.",
                errors=[FieldProblem(field="query.campaign_id", message="required")],
            )
        await ingest.campaign_for_client(session, campaign_id, org_id)
    file = await storage.receive_file(
        request.stream(),
        storage.import_dir(settings.import_dir),
        settings.max_import_bytes,
        fmt=fmt,
        declared=declared,
    )
    job = await service.create_job(
        session,
        principal.audit,
        organisation_id=org_id,
        kind=kind,
        fmt=fmt,
        mode=mode,
        campaign_id=campaign_id if kind == "responses" else None,
        file=file,
    )
    response.headers["Location"] = f"/api/v1/imports/{job.id}"
    return _read(job)


@router.get(
    "/imports",
    operation_id="listImports",
    summary="List imports of your organisations",
    response_model=ImportJobPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_imports(
    request: Request,
    session: SessionDep,
    principal: AnyCaller,
    params: Annotated[PageParams, Depends(page_params("-created_at", list(service.SORTS)))],
) -> ImportJobPage:
    rows, cursor = await service.list_jobs(session, params, visible_orgs(principal))
    return ImportJobPage(
        items=[_read(j) for j in rows], next_cursor=cursor, next=next_link(request, cursor)
    )


@router.get(
    "/imports/{import_id}",
    operation_id="getImport",
    summary="An import's state, rows processed of total, and running summary",
    response_model=ImportJobRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_import(
    import_id: uuid.UUID, session: SessionDep, principal: AnyCaller
) -> ImportJobRead:
    return _read(await visible_job(session, principal, import_id))


@router.get(
    "/imports/{import_id}/errors.csv",
    operation_id="getImportErrors",
    summary="The rows an import refused, as CSV (row, external_id, code, field, detail)",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV"},
        **problem_responses(401, 403, 404, 422),
    },
)
async def get_import_errors(
    import_id: uuid.UUID, session: SessionDep, principal: AnyCaller
) -> StreamingResponse:
    job = await visible_job(session, principal, import_id)
    rows = await service.row_errors(session, job.id)

    def lines() -> Iterator[str]:
        yield csvfiles.write_csv_line(["row", "external_id", "code", "field", "detail"])
        for e in rows:
            yield csvfiles.write_csv_line(
                [e.row, e.external_id or "", e.code, e.field or "", e.detail]
            )

    return StreamingResponse(
        lines(),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="import-{job.id}-errors.csv"'},
    )


@router.get(
    "/campaigns/{campaign_id}/template.csv",
    operation_id="getCampaignTemplate",
    summary="The CSV template of a campaign's responses (one column per question key)",
    tags=["campaigns"],
    response_class=Response,
    responses={
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "CSV header row",
        },
        # 409: asked by a partner system, of a campaign that takes no pushed responses.
        **problem_responses(401, 403, 404, 409, 422),
    },
)
async def campaign_template(
    campaign_id: uuid.UUID, session: SessionDep, principal: AnyCaller
) -> Response:
    if principal.kind == "api_client":
        campaign, _ = await ingest.campaign_for_client(
            session, campaign_id, next(iter(principal.member_org_ids))
        )
    else:
        campaign, _, _ = await visible_campaign(session, principal, campaign_id)
    content = await responses.version_content(session, campaign)
    return Response(
        csvfiles.write_csv_line(template.response_template(content)),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="campaign-{campaign.id}.csv"'},
    )


@router.get(
    "/ingest/measurements/template.csv",
    operation_id="getMeasurementsTemplate",
    summary="The CSV template of measurement imports",
    tags=["ingest"],
    response_class=Response,
    responses={
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "CSV header row",
        },
        **problem_responses(401, 403),
    },
)
async def measurements_template(principal: AnyCaller) -> Response:
    return Response(
        csvfiles.write_csv_line(list(files.MEASUREMENT_FIELDS)),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="measurements.csv"'},
    )
