"""HTTP for accountability: an organisation's and a partnership's actions, the partnership's
view as CSV, and the printable report for a period."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from gwella import policy
from gwella.actions import accountability, report
from gwella.actions.schemas import OrganisationAccountability, PartnershipAccountability
from gwella.core import csvfiles, i18n
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader
from gwella.core.errors import FieldProblem, ValidationFailed, problem_responses

router = APIRouter()


@router.get(
    "/organisations/{organisation_id}/action-accountability",
    operation_id="getOrganisationAccountability",
    summary="An organisation's actions: led and supported, on time or overdue, speed of "
    "decision, share from service users, share completed",
    description="Counts actions of the partnerships you can see in which the organisation "
    "has a part it has not declined.",
    response_model=OrganisationAccountability,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_organisation_accountability(
    organisation_id: uuid.UUID, session: SessionDep, principal: Reader
) -> OrganisationAccountability:
    policy.ensure_read_org(principal, organisation_id)
    return await accountability.organisation_accountability(
        session, organisation_id, policy.action_partnership_ids(principal)
    )


@router.get(
    "/partnerships/{partnership_id}/action-accountability",
    operation_id="getPartnershipAccountability",
    summary="A partnership's actions by status and standard, and which organisations carry them",
    response_model=PartnershipAccountability,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_partnership_accountability(
    partnership_id: uuid.UUID, session: SessionDep, principal: Reader
) -> PartnershipAccountability:
    policy.ensure_read_partnership(principal, partnership_id)
    return await accountability.partnership_accountability(session, partnership_id)


@router.get(
    "/partnerships/{partnership_id}/action-accountability.csv",
    operation_id="exportPartnershipAccountability",
    summary="The partnership's accountability view as CSV, one row per organisation",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV"},
        **problem_responses(401, 403, 404, 422),
    },
)
async def export_partnership_accountability(
    partnership_id: uuid.UUID, session: SessionDep, principal: Reader
) -> StreamingResponse:
    policy.ensure_read_partnership(principal, partnership_id)
    view = await accountability.partnership_accountability(session, partnership_id)

    def lines() -> Iterator[str]:
        yield csvfiles.write_csv_line(list(accountability.CSV_HEADER))
        for row in accountability.accountability_rows(view):
            yield csvfiles.write_csv_line(row)

    return StreamingResponse(
        lines(),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="actions-{partnership_id}.csv"'},
    )


@router.get(
    "/partnerships/{partnership_id}/report",
    operation_id="getPartnershipReport",
    summary="A printable report for a period: per NSF standard, the indicators with their "
    "SPC variation and assurance, and the actions behind them",
    description="HTML, ready to print or save as PDF, in English or Welsh (`language`, else "
    "the request's Accept-Language). Indicators are shown for each member organisation with "
    "measurements ending in the period; actions are those open in or decided during the "
    "period.",
    response_class=HTMLResponse,
    responses={
        200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "HTML"},
        **problem_responses(401, 403, 404, 422),
    },
)
async def get_partnership_report(
    partnership_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Reader,
    period_start: date,
    period_end: date,
    language: Annotated[
        Literal["en", "cy"] | None,
        Query(description="The report's language; by default the request's Accept-Language"),
    ] = None,
) -> HTMLResponse:
    policy.ensure_read_partnership(principal, partnership_id)
    if period_end < period_start:
        raise ValidationFailed(
            "The period ends before it starts.",
            errors=[FieldProblem(field="query.period_end", message="on or after period_start")],
        )
    lang = language or (
        "cy" if i18n.prefers_welsh(request.headers.get("accept-language")) else "en"
    )
    name, standards, unfiled = await report.report_data(
        session, partnership_id, period_start, period_end, lang
    )
    return HTMLResponse(
        report.render(lang, name, period_start, period_end, standards, unfiled),
        headers={"Content-Language": lang, "Vary": "Accept-Language"},
    )
