"""HTTP for frameworks, standards, indicators and their measurements."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status

from gwella import policy
from gwella.core import conditional
from gwella.core.concurrency import IfMatch, OptionalIfMatch, set_etag
from gwella.core.conditional import columns_of
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader, SignedIn
from gwella.core.errors import NotFound, problem_responses
from gwella.core.pagination import PageParams, next_link, page_params
from gwella.indicators import annotation_edits, overview, service, spc
from gwella.indicators.access import authored_annotation, visible_indicator
from gwella.indicators.schemas import (
    AnnotationCreate,
    AnnotationRead,
    AnnotationUpdate,
    ChartPoint,
    ChartRead,
    FrameworkRead,
    IndicatorCreate,
    IndicatorLatest,
    IndicatorPage,
    IndicatorRead,
    IndicatorUnitLatest,
    MeasurementPage,
    MeasurementRead,
    PartnershipIndicatorsRead,
    StandardIndicators,
    StandardRead,
)
from gwella.organisations import service as organisations
from gwella.partnerships import service as partnerships
from gwella.partnerships.access import visible_partnership

router = APIRouter(prefix="/api/v1", tags=["indicators"])


@router.get(
    "/frameworks",
    operation_id="listFrameworks",
    summary="Performance frameworks and their standards (e.g. the Wales adult mental health NSF)",
    response_model=list[FrameworkRead],
    responses=problem_responses(401, 403),
)
async def list_frameworks(session: SessionDep, principal: Reader) -> list[FrameworkRead]:
    return [
        FrameworkRead.model_validate(
            {
                "id": f.id,
                "code": f.code,
                "title": f.title,
                "description": f.description,
                "standards": [StandardRead.model_validate(s) for s in standards],
            }
        )
        for f, standards in await service.frameworks_with_standards(session)
    ]


@router.get(
    "/indicators",
    operation_id="listIndicators",
    summary="List indicators: shared definitions and your partnership's own",
    response_model=IndicatorPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_indicators(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    if_none_match: Annotated[str | None, Depends(conditional.if_none_match)],
    params: Annotated[PageParams, Depends(page_params("code", list(service.SORTS)))],
    standard_id: uuid.UUID | None = None,
) -> IndicatorPage | Response:
    rows, cursor = await service.list_indicators(
        session, params, visible_orgs=policy.visible_org_ids(principal), standard_id=standard_id
    )
    tag = conditional.page_tag("indicators", request, cursor, rows)
    if conditional.holds(if_none_match, tag):
        return conditional.not_modified(tag)
    conditional.tag_response(response, tag)
    return IndicatorPage(
        items=[IndicatorRead.model_validate(r) for r in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.post(
    "/indicators",
    operation_id="createIndicator",
    summary="Define an indicator",
    description="Shared definitions (no organisation) by platform administrators; an "
    "organisation's own by its administrators or managers.",
    status_code=status.HTTP_201_CREATED,
    response_model=IndicatorRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_indicator(
    data: IndicatorCreate, response: Response, session: SessionDep, principal: SignedIn
) -> IndicatorRead:
    if data.organisation_id is None:
        policy.ensure_platform_admin(principal, "define shared indicators")
    else:
        policy.ensure_manage_services(principal, data.organisation_id)
    indicator = await service.create_indicator(session, principal.audit, data)
    set_etag(response, indicator.version)
    return IndicatorRead.model_validate(indicator)


@router.get(
    "/indicators/{indicator_id}",
    operation_id="getIndicator",
    summary="Read an indicator",
    response_model=IndicatorRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_indicator(
    indicator_id: uuid.UUID, response: Response, session: SessionDep, principal: Reader
) -> IndicatorRead:
    indicator = await visible_indicator(session, principal, indicator_id)
    set_etag(response, indicator.version)
    return IndicatorRead.model_validate(indicator)


@router.get(
    "/indicators/{indicator_id}/measurements",
    operation_id="listMeasurements",
    summary="Measurements of an indicator for the organisations visible to you",
    response_model=MeasurementPage,
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_measurements(
    indicator_id: uuid.UUID,
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Reader,
    if_none_match: Annotated[str | None, Depends(conditional.if_none_match)],
    params: Annotated[
        PageParams, Depends(page_params("period_end", list(service.MEASUREMENT_SORTS)))
    ],
    organisation_id: uuid.UUID | None = None,
    service_id: uuid.UUID | None = None,
) -> MeasurementPage | Response:
    indicator = await visible_indicator(session, principal, indicator_id)
    rows, cursor = await service.list_measurements(
        session,
        params,
        indicator.id,
        visible_orgs=policy.visible_org_ids(principal),
        organisation_id=organisation_id,
        service_id=service_id,
    )
    tag = conditional.page_tag("measurements", request, cursor, rows)
    if conditional.holds(if_none_match, tag):
        return conditional.not_modified(tag)
    conditional.tag_response(response, tag)
    return MeasurementPage(
        items=[MeasurementRead.model_validate(r) for r in rows],
        next_cursor=cursor,
        next=next_link(request, cursor),
    )


@router.get(
    "/indicators/{indicator_id}/chart",
    operation_id="getIndicatorChart",
    summary="The SPC (XmR) chart of an indicator for an organisation or a service",
    description=(
        "Each point with its mean, process limits, near-limit band and special-cause flag "
        "(outside_limits > trend > two_of_three > shift), whether it is an improvement or a "
        "concern by the indicator's direction, and the variation and assurance icons. Follows "
        "NHS Making Data Count; the settings below default to its conventions."
    ),
    response_model=ChartRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_chart(
    indicator_id: uuid.UUID,
    response: Response,
    session: SessionDep,
    principal: Reader,
    if_none_match: Annotated[str | None, Depends(conditional.if_none_match)],
    organisation_id: uuid.UUID,
    service_id: uuid.UUID | None = None,
    baseline_points: Annotated[int | None, Query(ge=2, le=500)] = None,
    recalculate_at: Annotated[
        list[date] | None,
        Query(description="Start new limits at the first period ending on or after each date"),
    ] = None,
    run_length: Annotated[int, Query(ge=5, le=12)] = 7,
    screen_moving_ranges: bool = False,
    two_of_three: Literal["beyond_band", "within_limits"] = "beyond_band",
) -> ChartRead | Response:
    indicator = await visible_indicator(session, principal, indicator_id)
    policy.ensure_read_org(principal, organisation_id)
    if service_id is not None:
        svc = await organisations.get_service(session, service_id)
        if svc.organisation_id != organisation_id:
            raise NotFound("That service is not one of the organisation's.")
    rows = await service.series(
        session, indicator.id, service.unit_key(organisation_id, service_id)
    )
    notes = await service.annotations_of(session, indicator.id, organisation_id, service_id)
    # The chart is a function of the indicator, the series, the notes and the settings: any
    # caller allowed to read the organisation sees the same one.
    tag = conditional.tag_of(
        "chart",
        columns_of(indicator),
        [(m.period_start, m.period_end, m.value) for m in rows],
        [columns_of(n) for n in notes],
        (organisation_id, service_id, baseline_points, recalculate_at, run_length),
        (screen_moving_ranges, two_of_three),
    )
    if conditional.holds(if_none_match, tag):
        return conditional.not_modified(tag)
    conditional.tag_response(response, tag)
    cuts = tuple(
        next((i for i, m in enumerate(rows) if m.period_end >= when), len(rows))
        for when in (recalculate_at or [])
    )
    settings = spc.Settings(
        run_length=run_length,
        baseline_points=baseline_points,
        recalculate_at=cuts,
        screen_moving_ranges=screen_moving_ranges,
        two_of_three=two_of_three,
    )
    result = spc.chart(
        [m.value for m in rows], indicator.direction.value, indicator.target, settings
    )
    return ChartRead(
        annotations=[AnnotationRead.model_validate(n) for n in notes],
        indicator_id=indicator.id,
        organisation_id=organisation_id,
        service_id=service_id,
        direction=indicator.direction,
        target=indicator.target,
        unit=indicator.unit,
        variation=result.variation,
        assurance=result.assurance,
        warnings=result.warnings,
        settings={
            "run_length": run_length,
            "baseline_points": baseline_points,
            "recalculate_at": [d.isoformat() for d in recalculate_at or []],
            "screen_moving_ranges": screen_moving_ranges,
            "two_of_three": two_of_three,
        },
        points=[
            ChartPoint(
                period_start=m.period_start,
                period_end=m.period_end,
                value=p.value,
                mean=p.mean,
                upper_limit=p.upper_limit,
                lower_limit=p.lower_limit,
                upper_band=p.upper_band,
                lower_band=p.lower_band,
                moving_range=p.moving_range,
                special_cause=p.rule,
                nature=p.nature,
                side=p.side,
            )
            for m, p in zip(rows, result.points, strict=True)
        ],
    )


@router.post(
    "/indicators/{indicator_id}/annotations",
    operation_id="createAnnotation",
    summary="Annotate an indicator's chart for an organisation or service at a date",
    status_code=status.HTTP_201_CREATED,
    response_model=AnnotationRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def create_annotation(
    indicator_id: uuid.UUID, data: AnnotationCreate, session: SessionDep, principal: SignedIn
) -> AnnotationRead:
    indicator = await service.get_indicator(session, indicator_id)
    policy.ensure_read_org(principal, data.organisation_id)
    policy.ensure_staff(principal, data.organisation_id, "annotate its charts")
    # A platform administrator passes both checks for any id: the organisation must exist
    # (a 404, not the database's foreign-key refusal as a 409).
    await organisations.get_organisation(session, data.organisation_id)
    if data.service_id is not None:
        svc = await organisations.get_service(session, data.service_id)
        if svc.organisation_id != data.organisation_id:
            raise NotFound("That service is not one of the organisation's.")
    note = await service.add_annotation(session, principal.audit, indicator, data)
    return AnnotationRead.model_validate(note)


@router.patch(
    "/indicators/{indicator_id}/annotations/{annotation_id}",
    operation_id="updateAnnotation",
    summary="Change an annotation you wrote: its day or its words",
    description="Only its author may (403 for anyone else who can see it). The day stays "
    "today or earlier. Recorded in the audit trail with what it said before.",
    response_model=AnnotationRead,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def update_annotation(
    indicator_id: uuid.UUID,
    annotation_id: uuid.UUID,
    data: AnnotationUpdate,
    response: Response,
    session: SessionDep,
    principal: SignedIn,
    if_match: IfMatch = None,
) -> AnnotationRead:
    note = await authored_annotation(session, principal, indicator_id, annotation_id)
    note = await annotation_edits.update_annotation(session, principal.audit, note, data, if_match)
    set_etag(response, note.version)
    return AnnotationRead.model_validate(note)


@router.delete(
    "/indicators/{indicator_id}/annotations/{annotation_id}",
    operation_id="deleteAnnotation",
    summary="Remove an annotation you wrote",
    description="Only its author may (403 for anyone else who can see it). Recorded in the "
    "audit trail with what it said.",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 412, 422),
)
async def delete_annotation(
    indicator_id: uuid.UUID,
    annotation_id: uuid.UUID,
    session: SessionDep,
    principal: SignedIn,
    if_match: OptionalIfMatch = None,
) -> None:
    note = await authored_annotation(session, principal, indicator_id, annotation_id)
    await annotation_edits.delete_annotation(session, principal.audit, note, if_match)


@router.get(
    "/partnerships/{partnership_id}/indicators",
    operation_id="getPartnershipIndicators",
    summary="A partnership's indicators side by side, grouped by standard",
    description=(
        "For every indicator the partnership shares (common definitions and its members' "
        "own): each member organisation's and service's latest value, with the variation and "
        "assurance icons of its SPC chart (default settings), grouped by the standard served."
    ),
    response_model=PartnershipIndicatorsRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_partnership_indicators(
    partnership_id: uuid.UUID, session: SessionDep, principal: Reader
) -> PartnershipIndicatorsRead:
    await visible_partnership(session, principal, partnership_id)
    members = await partnerships.active_member_ids(session, partnership_id)
    groups = await overview.partnership_overview(session, members)
    return PartnershipIndicatorsRead(
        partnership_id=partnership_id,
        standards=[
            StandardIndicators(
                standard=StandardRead.model_validate(standard) if standard else None,
                indicators=[
                    IndicatorLatest(
                        indicator=IndicatorRead.model_validate(indicator),
                        units=[IndicatorUnitLatest.model_validate(u) for u in units],
                    )
                    for indicator, units in rows
                ],
            )
            for standard, rows in groups
        ],
    )
