"""HTTP for partners reading back, syncing and retracting what they pushed: look-up by
external id, the change feeds (with a cursor, retractions as tombstones) and retraction."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from gwella.core.changes import Position
from gwella.core.database import SessionDep
from gwella.core.dependencies import (
    MeasurementsReader,
    MeasurementsWriter,
    ResponsesReader,
    ResponsesWriter,
)
from gwella.core.errors import FieldProblem, ValidationFailed, problem_responses
from gwella.core.moments import QueryInstant
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.core.principal import Principal
from gwella.indicators import sync as measurement_sync
from gwella.indicators.schemas import MeasurementPage, MeasurementRead
from gwella.ingest.schemas import ExternalId
from gwella.responses import sync as response_sync
from gwella.responses.router import response_reads
from gwella.responses.schemas import ResponsePage
from gwella.sync import service
from gwella.sync.schemas import (
    FEED_LIMIT,
    MeasurementChange,
    MeasurementChangePage,
    ResponseChange,
    ResponseChangePage,
    RetractionRequest,
    RetractionSummary,
)

router = APIRouter(prefix="/api/v1")

ExternalIds = Annotated[
    list[ExternalId],
    Query(
        max_length=100,
        description="Only the records with these external ids (repeat the parameter, up to 100)",
    ),
]
ChangedSince = Annotated[
    QueryInstant | None,
    Query(
        description="First call: start from changes made at or after this moment (RFC 3339; "
        "for responses, from the start of its day, UTC, as anonymous campaigns keep only the "
        "day). Without it and without `cursor`, the feed starts from the beginning"
    ),
]
Cursor = Annotated[
    str | None,
    Query(max_length=512, description="From the previous page's `next_cursor`"),
]
Limit = Annotated[int, Query(ge=1, le=FEED_LIMIT, description="Page size")]
Mode = Annotated[
    service.Mode,
    Query(description="best_effort retracts the known ids; atomic retracts all or nothing"),
]
DryRun = Annotated[bool, Query(description="Check and report without retracting anything")]

FEED = (
    "Call first with `changed_since` (or nothing, for everything), then with the `cursor` "
    "of the page before until a page is empty; sleep; call again with the last cursor. "
    "Every page has a `next_cursor`, also an empty one. Changes are in the order they were "
    "committed and none is ever skipped: a change still being written when a page is read "
    "comes in a later page (a page waits for transactions still in flight, so a change "
    "appears once it and every write begun before it have ended). A record changed several "
    "times between two calls appears once, as it is now; a retracted one is `deleted` "
    "(a tombstone: its id and external id). Only the records your organisation pushed."
)


def _org(principal: Principal) -> uuid.UUID:
    return next(iter(principal.member_org_ids))


def _start(cursor: str | None, changed_since: datetime | None) -> Position | None:
    if cursor is not None and changed_since is not None:
        raise ValidationFailed(
            "Give either cursor or changed_since, not both.",
            errors=[FieldProblem(field="query.changed_since", message="not with cursor")],
        )
    return Position.decode(cursor) if cursor is not None else None


def _next(request: Request, position: Position) -> tuple[str, str]:
    cursor = position.encode()
    url = request.url.remove_query_params(["cursor", "changed_since"])
    return cursor, str(url.include_query_params(cursor=cursor))


@router.get(
    "/responses",
    operation_id="listPushedResponses",
    tags=["responses"],
    summary="Responses your organisation pushed, found by external id",
    description="For partner systems (an API client with `responses:read`): the responses "
    "your system pushed, as soon as they are stored, with their `external_id`; "
    "`external_id` (repeatable) finds them by your own ids, `campaign_id` narrows to one "
    "campaign. Retracted responses are not listed (see the change feed).",
    response_model=ResponsePage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_pushed_responses(
    request: Request,
    session: SessionDep,
    principal: ResponsesReader,
    params: Annotated[PageParams, Depends(page_params("submitted_at", list(response_sync.SORTS)))],
    external_id: ExternalIds = [],  # noqa: B006 - FastAPI copies a query list default
    campaign_id: uuid.UUID | None = None,
) -> ResponsePage:
    rows, cursor = await response_sync.list_pushed(
        session, params, _org(principal), external_id, campaign_id
    )
    return ResponsePage(
        items=await response_reads(session, rows),
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.get(
    "/responses/changes",
    operation_id="listResponseChanges",
    tags=["responses"],
    summary="The change feed of the responses your organisation pushed",
    description="For partner systems (an API client with `responses:read`). " + FEED,
    response_model=ResponseChangePage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_response_changes(
    request: Request,
    session: SessionDep,
    principal: ResponsesReader,
    changed_since: ChangedSince = None,
    cursor: Cursor = None,
    limit: Limit = 100,
) -> ResponseChangePage:
    page = await response_sync.feed(
        session,
        _org(principal),
        after=_start(cursor, changed_since),
        since=changed_since,
        limit=limit,
    )
    reads = {r.id: r for r in await response_reads(session, list(page.records.values()))}
    items: list[ResponseChange] = []
    for entry in page.entries:
        if entry.deleted:
            tomb = page.tombstones[entry.id]
            when, campaign_id = tomb.retracted_at, tomb.campaign_id
            items.append(
                ResponseChange(
                    op="deleted",
                    id=entry.id,
                    external_id=tomb.external_id,
                    changed_at=response_sync.as_kept(when, campaign_id in page.anonymous),
                    record=None,
                )
            )
            continue
        stored = page.records[entry.id]
        items.append(
            ResponseChange(
                op="upsert",
                id=entry.id,
                external_id=stored.external_id,
                changed_at=response_sync.as_kept(
                    stored.updated_at or stored.submitted_at, stored.campaign_id in page.anonymous
                ),
                record=reads[entry.id],
            )
        )
    next_cursor, next_url = _next(request, page.position)
    return ResponseChangePage(items=items, next_cursor=next_cursor, next=next_url)


@router.post(
    "/responses/retractions",
    operation_id="retractResponses",
    tags=["responses"],
    summary="Retract responses your organisation pushed, by external id",
    description="For partner systems (an API client with `responses:write`). Each response "
    "is removed with its answers; the results stop counting it (at once, or at the next "
    "release of an anonymous or pseudonymous campaign, like any change), measurements "
    "derived from the results are derived again, the retraction is audited with its "
    "reason, `response.retracted` is raised, and the change feed shows a tombstone. An id "
    "retracted before is a no-op; one your organisation never pushed is an "
    "`unknown_external_id` error for its index. All in one transaction; `atomic` retracts "
    "nothing when any id is unknown.",
    response_model=RetractionSummary,
    responses=problem_responses(401, 403, 422),
)
async def retract_responses(
    data: RetractionRequest,
    session: SessionDep,
    principal: ResponsesWriter,
    mode: Mode = "best_effort",
    dry_run: DryRun = False,
) -> RetractionSummary:
    return await service.retract_responses(
        session, principal.audit, _org(principal), data, mode=mode, dry_run=dry_run
    )


@router.get(
    "/measurements",
    operation_id="listPushedMeasurements",
    tags=["indicators"],
    summary="Measurements your organisation pushed, found by external id",
    description="For partner systems (an API client with `measurements:read`): the "
    "measurements your system pushed, with their `external_id` when given; `external_id` "
    "(repeatable) finds them by your own ids.",
    response_model=MeasurementPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_pushed_measurements(
    request: Request,
    session: SessionDep,
    principal: MeasurementsReader,
    params: Annotated[PageParams, Depends(page_params("period_end", list(measurement_sync.SORTS)))],
    external_id: ExternalIds = [],  # noqa: B006 - FastAPI copies a query list default
) -> MeasurementPage:
    rows, cursor = await measurement_sync.list_pushed(session, params, _org(principal), external_id)
    return MeasurementPage(
        items=[MeasurementRead.model_validate(m) for m in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.get(
    "/measurements/changes",
    operation_id="listMeasurementChanges",
    tags=["indicators"],
    summary="The change feed of the measurements your organisation pushed",
    description="For partner systems (an API client with `measurements:read`). " + FEED,
    response_model=MeasurementChangePage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_measurement_changes(
    request: Request,
    session: SessionDep,
    principal: MeasurementsReader,
    changed_since: ChangedSince = None,
    cursor: Cursor = None,
    limit: Limit = 100,
) -> MeasurementChangePage:
    page = await measurement_sync.feed(
        session,
        _org(principal),
        after=_start(cursor, changed_since),
        since=changed_since,
        limit=limit,
    )
    items: list[MeasurementChange] = []
    for entry in page.entries:
        if entry.deleted:
            tomb = page.tombstones[entry.id]
            items.append(
                MeasurementChange(
                    op="deleted",
                    id=entry.id,
                    external_id=tomb.external_id,
                    changed_at=tomb.retracted_at,
                    record=None,
                )
            )
            continue
        stored = page.records[entry.id]
        items.append(
            MeasurementChange(
                op="upsert",
                id=entry.id,
                external_id=stored.external_id,
                changed_at=stored.updated_at,
                record=MeasurementRead.model_validate(stored),
            )
        )
    next_cursor, next_url = _next(request, page.position)
    return MeasurementChangePage(items=items, next_cursor=next_cursor, next=next_url)


@router.post(
    "/measurements/retractions",
    operation_id="retractMeasurements",
    tags=["indicators"],
    summary="Retract measurements your organisation pushed, by external id",
    description="For partner systems (an API client with `measurements:write`). Each "
    "measurement is removed, so charts and their statistical process control are drawn "
    "without it; the retraction is audited with its reason, `measurement.retracted` is "
    "raised, and the change feed shows a tombstone. An id retracted before is a no-op; one "
    "your organisation never pushed is an `unknown_external_id` error for its index. "
    "`atomic` retracts nothing when any id is unknown.",
    response_model=RetractionSummary,
    responses=problem_responses(401, 403, 422),
)
async def retract_measurements(
    data: RetractionRequest,
    session: SessionDep,
    principal: MeasurementsWriter,
    mode: Mode = "best_effort",
    dry_run: DryRun = False,
) -> RetractionSummary:
    return await service.retract_measurements(
        session, principal.audit, _org(principal), data, mode=mode, dry_run=dry_run
    )
