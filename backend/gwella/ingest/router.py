"""HTTP for bulk ingestion by partner systems."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from gwella.core.database import SessionDep
from gwella.core.dependencies import MeasurementsWriter, ResponsesWriter
from gwella.core.errors import PayloadTooLarge, problem_responses
from gwella.ingest import service
from gwella.ingest.schemas import (
    MAX_ITEMS,
    ImportSummary,
    IngestMeasurementsBatch,
    IngestResponsesBatch,
)

router = APIRouter(prefix="/api/v1/ingest", tags=["ingest"])

Mode = Annotated[
    service.Mode,
    Query(description="best_effort stores the valid items; atomic stores all or nothing"),
]
DryRun = Annotated[bool, Query(description="Validate and report without writing anything")]


@router.post(
    "/responses",
    operation_id="ingestResponses",
    summary="Push a batch of survey responses (idempotent by external_id)",
    description=(
        "For partner systems (an API client with `responses:write`). Each item is validated "
        "exactly as a web response is. Per item, by (your organisation, `external_id`): the "
        "same content again is *ignored*, changed content *updates* the stored response "
        "(audited), anything else is *imported*. The answer is an import summary; a repeated "
        f"batch after a time-out is always safe. Up to {MAX_ITEMS} items or 10 MB (413 beyond). "
        "An item whose response is retracted while the push runs is refused "
        "(`removed_meanwhile`; send it again) and the rest are stored; in `atomic` mode such a "
        "race refuses the whole batch (409)."
    ),
    response_model=ImportSummary,
    responses=problem_responses(401, 403, 404, 409, 413, 422),
)
async def ingest_responses(
    batch: IngestResponsesBatch,
    session: SessionDep,
    principal: ResponsesWriter,
    mode: Mode = "best_effort",
    dry_run: DryRun = False,
) -> ImportSummary:
    if len(batch.items) > MAX_ITEMS:
        raise PayloadTooLarge(f"{len(batch.items)} items; send at most {MAX_ITEMS} per request.")
    client_org = next(iter(principal.member_org_ids))
    campaign, services = await service.campaign_for_client(session, batch.campaign_id, client_org)
    return await service.ingest_responses(
        session,
        principal.audit,
        client_org,
        campaign,
        services,
        batch.items,
        mode=mode,
        dry_run=dry_run,
    )


@router.post(
    "/measurements",
    operation_id="ingestMeasurements",
    summary="Push a batch of indicator measurements (idempotent by indicator, unit and period)",
    description=(
        "For partner systems (an API client with `measurements:write`). Each item names the "
        "indicator by code, the unit (your organisation, or one of its services by id or code) "
        "and the period, with a value or a numerator and denominator. The same value again is "
        "ignored, a different one updates the measurement (audited), a new one is imported. "
        "A push updates only a measurement your organisation pushed: a point entered by staff, "
        "derived from survey results or pushed by another organisation is refused for that "
        "item (`measurement_owned_elsewhere`), unchanged. An item whose measurement is "
        "retracted while the push runs is refused (`removed_meanwhile`; send it again); in "
        "`atomic` mode such a race refuses the whole batch (409)."
    ),
    response_model=ImportSummary,
    responses=problem_responses(401, 403, 409, 413, 422),
)
async def ingest_measurements(
    batch: IngestMeasurementsBatch,
    session: SessionDep,
    principal: MeasurementsWriter,
    mode: Mode = "best_effort",
    dry_run: DryRun = False,
) -> ImportSummary:
    if len(batch.items) > MAX_ITEMS:
        raise PayloadTooLarge(f"{len(batch.items)} items; send at most {MAX_ITEMS} per request.")
    client_org = next(iter(principal.member_org_ids))
    return await service.ingest_measurements(
        session, principal.audit, client_org, batch.items, mode=mode, dry_run=dry_run
    )
