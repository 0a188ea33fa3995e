"""HTTP for file imports: upload (streamed to disk), progress, errors as CSV, templates."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from gwella import policy
from gwella.campaigns.access import visible_campaign
from gwella.core import csvfiles
from gwella.core.database import SessionDep, utcnow
from gwella.core.dependencies import AnyCaller, SettingsDep
from gwella.core.errors import (
    Conflict,
    FieldProblem,
    Forbidden,
    Gone,
    ValidationFailed,
    problem_responses,
)
from gwella.core.headers import LOCATION_HEADER
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.principal import Principal
from gwella.imports import encodings, files, refused, service, storage, uploads
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
MULTIPART = "multipart/form-data"
IMPORT_MEDIA_TYPES = frozenset({*FORMATS, OCTET_STREAM, MULTIPART})
_BINARY = {"type": "string", "format": "binary"}
UPLOAD_BODY = {
    "required": True,
    # A form first: generated clients (openapi-python-client) send a File as this part, with
    # its own content type. The raw bodies follow; clients that cannot tell one binary body
    # from another send the last, octet-stream, which names its format in `format`.
    "content": {
        MULTIPART: {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        **_BINARY,
                        "description": "The file. Its part's Content-Type says the format "
                        "(text/csv, application/x-ndjson, application/fhir+json) and may "
                        "carry a charset; with application/octet-stream or any other type, "
                        "say the format in `format`.",
                    }
                },
            },
            "encoding": {"file": {"contentType": ", ".join([*FORMATS, OCTET_STREAM])}},
        },
        **{media: {"schema": _BINARY} for media in FORMATS},
        OCTET_STREAM: {"schema": _BINARY},
    },
}
SCOPES = {"responses": "responses:write", "measurements": "measurements:write"}
Guidance = Annotated[
    bool,
    Query(
        description="Add a guidance row under the header: what each column takes (a comment "
        "row, skipped by imports)"
    ),
]


def _media(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def _read(job: ImportJob) -> ImportJobRead:
    return ImportJobRead.model_validate(
        {
            **{f: getattr(job, f) for f in ImportJobRead.model_fields if not f.endswith("_url")},
            "errors_url": f"/api/v1/imports/{job.id}/errors.csv",
            "refused_rows_url": (
                f"/api/v1/imports/{job.id}/refused.csv"
                if job.format == "csv" and storage.cells_kept(job, utcnow())
                else None
            ),
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
        "Send the file either as a `multipart/form-data` form whose part `file` holds it "
        "(what a browser or a generated client sends; the part's Content-Type says the "
        "format, or `format` does), or as the raw request body: `text/csv` (the template's "
        "columns; multiple choice values separated by `|`), `application/x-ndjson` (one "
        "ingestion item per line), `application/fhir+json` (a FHIR Bundle of "
        "QuestionnaireResponses, which name their Questionnaire, so no campaign_id), or "
        "`application/octet-stream` with `format`. `format`, when given, says the format "
        "whatever the Content-Type. Up to 1 GB, written to disk as it arrives. "
        "Answers 202 with the job; poll it for progress. Rows are validated and applied "
        "exactly as the ingestion endpoints do, idempotently, so a repeated file is safe.\n\n"
        "**Outcome.** A job ends `completed` when every row was taken (imported, updated "
        "or already stored), `completed_with_errors` when some rows were refused, and "
        "`failed` when nothing was taken (every row refused, no rows, a file that cannot be "
        "read, or an atomic import with a refused row), with `failure_reason`. The "
        "`import.completed` webhook carries the same status and counts. Atomic mode checks "
        "every row (FHIR entries too) before storing any.\n\n"
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
        "mode. The uploaded file is deleted when the job ends, however it ends. A CSV "
        "import's `refused_rows_url` gives the refused rows as they were in the file, with "
        "a trailing `gwella_errors` column: fix them and upload that file again as it is "
        "(columns whose name starts with `gwella_` are read past, and so is a row whose "
        "first cell starts with `#`, like the template's guidance row)."
    ),
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ImportJobRead,
    openapi_extra={"requestBody": UPLOAD_BODY},
    responses={
        202: {
            "description": "Accepted: the job, queued",
            "headers": {
                "Location": {**LOCATION_HEADER, "description": "The job, to poll for progress"}
            },
        },
        **problem_responses(401, 403, 404, 409, 413, 415, 422),
    },
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
        Query(
            description="The file's format: needed when it is sent as "
            "application/octet-stream (or as a form part of another type); when given, it "
            "says the format whatever the Content-Type"
        ),
    ] = None,
) -> ImportJobRead:
    org_id = _import_org(principal, kind, organisation_id)
    content_type = request.headers.get("content-type", "")
    body: AsyncIterator[bytes] = request.stream()
    if _media(content_type) == MULTIPART:  # the content-type middleware let only ours through
        part = await uploads.file_part(body, content_type)
        content_type, body = part.content_type or OCTET_STREAM, part.chunks
    fmt = format or FORMATS.get(_media(content_type))
    if fmt is None:
        raise ValidationFailed(
            "Say whether the file is csv, ndjson or fhir.",
            errors=[FieldProblem(field="query.format", message=f"required for {content_type}")],
        )
    if fmt == "fhir" and kind != "responses":
        raise ValidationFailed(
            "FHIR Bundle files carry responses.",
            errors=[FieldProblem(field="query.kind", message="responses")],
        )
    declared = encodings.declared(content_type, fmt)
    if kind == "responses" and fmt != "fhir":
        if campaign_id is None:
            raise ValidationFailed(
                "Say which campaign the responses belong to.",
                errors=[FieldProblem(field="query.campaign_id", message="required")],
            )
        await ingest.campaign_for_client(session, campaign_id, org_id)
    file = await storage.receive_file(
        body,
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
    request: Request, import_id: uuid.UUID, session: SessionDep, principal: AnyCaller
) -> StreamingResponse:
    job = await visible_job(session, principal, import_id)

    async def lines() -> AsyncIterator[str]:
        yield csvfiles.write_csv_line(["row", "external_id", "code", "field", "detail"])
        async for e in refused.row_errors(request.app.state.sessionmaker, job.id):
            yield csvfiles.write_csv_line(
                [e.row, e.external_id or "", e.code, e.field or "", e.detail]
            )

    return StreamingResponse(
        lines(),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="import-{job.id}-errors.csv"'},
    )


@router.get(
    "/imports/{import_id}/refused.csv",
    operation_id="getImportRefusedRows",
    summary="The rows a CSV import refused, as they were in the file, to fix and upload again",
    description="The file's header row, then each refused row with its cells as uploaded "
    "(same columns, same order, same values; a cell that would run as a formula in a "
    "spreadsheet and was not guarded gets an apostrophe, which an import takes off again), "
    "and a trailing `gwella_errors` column with each problem as `code (field): detail`, one "
    "a line. A row that could not be split into cells comes back as its line's text in the "
    "first cell. Fix the cells and upload the file again as it is: an import reads past "
    "columns whose name starts with `gwella_`, and already stored rows are not duplicated. "
    "NDJSON and FHIR imports have no such file (409): their refused lines and entries are "
    "listed by number at `errors_url`. The cells are the upload's personal data: they are "
    "kept a day after the job ends, as long as an upload may be, then removed; the file is "
    "then gone (410) and `errors_url` still lists the problems by row number.",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV"},
        **problem_responses(401, 403, 404, 409, 410, 422),
    },
)
async def get_import_refused_rows(
    request: Request, import_id: uuid.UUID, session: SessionDep, principal: AnyCaller
) -> StreamingResponse:
    job = await visible_job(session, principal, import_id)
    if job.format != "csv":
        raise Conflict(
            "Only CSV imports give their refused rows back as a file; see errors_url for the "
            "refused lines or entries of this import."
        )
    if not storage.cells_kept(job, utcnow()):
        raise Gone(
            "The refused rows' cells are removed a day after the import ended; errors_url "
            "still lists the problems by row number."
        )
    errors = refused.row_errors(request.app.state.sessionmaker, job.id)
    return StreamingResponse(
        refused.refused_rows_csv(list(job.header or []), errors),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="import-{job.id}-refused.csv"'},
    )


@router.get(
    "/campaigns/{campaign_id}/template.csv",
    operation_id="getCampaignTemplate",
    summary="The CSV template of a campaign's responses (one column per question key)",
    description="The header row. With `guidance=true`, a second row says what each column "
    "takes: the options of choice questions (value = English / Welsh label), ranges, the "
    "form of dates and times, whether an answer is required. Its first cell starts with "
    "`#`, which makes it a comment row that imports skip, so the file can be filled in "
    "below it and uploaded as it is.",
    tags=["campaigns"],
    response_class=Response,
    responses={
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "CSV header row (and, asked, the guidance row)",
        },
        # 409: asked by a partner system, of a campaign that takes no pushed responses.
        **problem_responses(401, 403, 404, 409, 422),
    },
)
async def campaign_template(
    campaign_id: uuid.UUID, session: SessionDep, principal: AnyCaller, guidance: Guidance = False
) -> Response:
    if principal.kind == "api_client":
        campaign, _ = await ingest.campaign_for_client(
            session, campaign_id, next(iter(principal.member_org_ids))
        )
    else:
        campaign, _, _ = await visible_campaign(session, principal, campaign_id)
    content = await responses.version_content(session, campaign)
    rows = [template.response_template(content)]
    if guidance:
        rows.append(template.response_guidance(content))
    return Response(
        "".join(csvfiles.write_csv_line(r) for r in rows),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="campaign-{campaign.id}.csv"'},
    )


@router.get(
    "/ingest/measurements/template.csv",
    operation_id="getMeasurementsTemplate",
    summary="The CSV template of measurement imports",
    description="The header row; with `guidance=true`, a comment row (first cell starting "
    "with `#`, skipped by imports) saying what each column takes.",
    tags=["ingest"],
    response_class=Response,
    responses={
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "CSV header row (and, asked, the guidance row)",
        },
        **problem_responses(401, 403, 422),
    },
)
async def measurements_template(principal: AnyCaller, guidance: Guidance = False) -> Response:
    rows = [list(files.MEASUREMENT_FIELDS)]
    if guidance:
        rows.append(list(files.MEASUREMENT_GUIDANCE))
    return Response(
        "".join(csvfiles.write_csv_line(r) for r in rows),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="measurements.csv"'},
    )
