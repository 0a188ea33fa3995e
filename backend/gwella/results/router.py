"""HTTP for survey results per service, organisation or partnership, as the disclosure layer
publishes them (``gwella.disclosure``)."""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Depends, Response
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import policy
from gwella.campaigns.access import visible_campaign
from gwella.core import conditional, csvfiles
from gwella.core.database import SessionDep
from gwella.core.dependencies import Reader
from gwella.core.errors import NotFound, problem_responses
from gwella.core.finite import json_bytes
from gwella.core.principal import Principal
from gwella.disclosure import rules
from gwella.instruments import service as instruments
from gwella.instruments.content import InstrumentContent
from gwella.partnerships import service as partnerships
from gwella.responses import comments as free_text
from gwella.responses.service import mode_of
from gwella.results import service
from gwella.results.aggregate import Cell
from gwella.results.schemas import CampaignResults

if TYPE_CHECKING:
    from gwella.campaigns.models import Campaign

router = APIRouter(prefix="/api/v1", tags=["results"])
Period = Literal["all", "month", "week"]


async def _scope(
    session: AsyncSession,
    principal: Principal,
    campaign_id: uuid.UUID,
    service_id: uuid.UUID | None,
    organisation_id: uuid.UUID | None,
    partnership_id: uuid.UUID | None,
) -> tuple[Campaign, list[uuid.UUID]]:
    """The campaign and the services in scope that the caller may see."""
    campaign, links, service_orgs = await visible_campaign(session, principal, campaign_id)
    scope = [
        link.service_id
        for link in links
        if policy.can_read_org(principal, service_orgs[link.service_id])
    ]
    if service_id is not None:
        scope = [s for s in scope if s == service_id]
        if not scope:
            raise NotFound("That service is not one of this campaign's that you can see.")
    if organisation_id is not None:
        scope = [s for s in scope if service_orgs[s] == organisation_id]
    if partnership_id is not None:
        policy.ensure_read_partnership(principal, partnership_id)
        members = await partnerships.active_member_ids(session, partnership_id)
        scope = [s for s in scope if service_orgs[s] in members]
    return campaign, scope


REMEMBERED_RESULTS = 128
_remembered: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()


@dataclass(frozen=True)
class _Inputs:
    """What a campaign's results are a function of, besides their cells (whose every change
    counts a release, in ``marks``): read before the cells, so that a change committed in
    between gives an old tag with a new answer, never the reverse."""

    marks: list[tuple[uuid.UUID, int, date]]
    comments: list[tuple[str, str, uuid.UUID, uuid.UUID]]

    @property
    def released_on(self) -> date | None:
        return max((day for _, _, day in self.marks), default=None)


async def _inputs(session: AsyncSession, campaign: Campaign, scope: list[uuid.UUID]) -> _Inputs:
    return _Inputs(
        (await service.release_marks(session, {campaign.id: scope}))[campaign.id],
        await free_text.published_comments(session, campaign.id, scope),
    )


def _tag(campaign: Campaign, scope: list[uuid.UUID], period: Period, inputs: _Inputs) -> str:
    """The results' ETag: the same inputs give the same answer (see :func:`_results`). The
    caller's scope is in it, so two people who see different services never share one. A
    campaign runs a published version, whose questions never change: its id stands for them
    (and saves reading them)."""
    return conditional.tag_of(
        "results",
        campaign.id,
        campaign.instrument_version_id,
        campaign.min_cell_size,
        mode_of(campaign).per_response,
        period,
        scope,
        inputs.marks,
        inputs.comments,
        rules(),
    )


async def _results(
    session: AsyncSession,
    campaign: Campaign,
    scope: list[uuid.UUID],
    period: Period,
    inputs: _Inputs | None = None,
) -> bytes:
    """The results, as JSON.

    They are a pure function of what is read here (the version's questions, the stored
    cells, the published comments, the scope and the minimum cell size), so the last
    answers are remembered with *all of that* as their key: an unchanged dashboard read
    again costs its queries, not the tables, disclosure control and statistics again, and
    any new response, comment or setting gives a new key, never a stale answer. Keys and
    answers hold only ints, strings, dates and bytes, which the garbage collector does not
    have to walk (it walked every remembered object on each full collection)."""
    inputs = inputs or await _inputs(session, campaign, scope)
    comments, released_on = inputs.comments, inputs.released_on
    version = await instruments.get_version(session, campaign.instrument_version_id)
    content = instruments.content_of(version)
    cells = await service.table_cells(session, campaign.id, content, scope, period)
    key = (
        campaign.id.int,
        version.id.int,
        version.revision,
        campaign.min_cell_size,
        period,
        tuple(s.int for s in scope),
        tuple((s.int, q, start, v, n, t, ks) for s, q, start, v, n, t, ks in cells),
        tuple((q, text, s.int, a.int) for q, text, s, a in comments),
        released_on,
        rules(),
    )
    known = _remembered.get(key)
    if known is not None:
        _remembered.move_to_end(key)
        return known
    # Written straight from the plain data (pydantic-core's encoder): validating it into the
    # models first cost as much again as building it (10 ms by month). The tests hold the
    # two to the same JSON (test_results_json_is_the_models_json); json_bytes refuses
    # Infinity and NaN as the models would.
    ptable = rules().ptable
    head = json_bytes(
        {
            "campaign_id": campaign.id,
            "period": period,
            "min_cell_size": campaign.min_cell_size,
            "disclosure": {
                "method": "cell_key_perturbation",
                "max_change": ptable.max_change,
                "variance": ptable.variance,
                "min_cell_size": campaign.min_cell_size,
                "releases": "per_response" if mode_of(campaign).per_response else "batched",
                "released_on": released_on,
            },
            "service_ids": scope,
            "periods": [],
            "comments": [
                {"question_key": k, "text": t, "service_id": s, "answer_id": a}
                for k, t, s, a in comments
            ],
        }
    )
    # Keys come before their values and quotes inside strings are escaped, so the first
    # occurrence of this text is the key itself.
    periods = _periods_json(content, key[:4], campaign.min_cell_size, key[5], scope, cells)
    body = head.replace(b'"periods":[]', b'"periods":' + periods, 1)
    _remember(_remembered, key, body, REMEMBERED_RESULTS)
    return body


REMEMBERED_PERIODS = 2048
_remembered_periods: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()


def _remember(
    memory: OrderedDict[tuple[Any, ...], bytes], key: tuple[Any, ...], value: bytes, size: int
) -> None:
    memory[key] = value
    while len(memory) > size:
        memory.popitem(last=False)


def _periods_json(
    content: InstrumentContent,
    campaign_key: tuple[Any, ...],
    k: int,
    scope_key: tuple[int, ...],
    scope: list[uuid.UUID],
    cells: list[Cell],
) -> bytes:
    """The periods' tables as a JSON array, each period remembered by its own cells: when a
    response arrives, only its week's or month's tables are built again (each period's
    tables depend on that period's cells alone)."""
    by_start: dict[date, list[Cell]] = {}
    for cell in cells:
        by_start.setdefault(cell[2], []).append(cell)
    parts = []
    for start in sorted(by_start):
        rows = by_start[start]
        key = (
            *campaign_key,
            scope_key,
            start,
            tuple(sorted((s.int, q, v, n, t, ks) for s, q, _, v, n, t, ks in rows)),
            rules(),
        )
        part = _remembered_periods.get(key)
        if part is None:
            [entry] = service.tables_of(content, rows, scope, k, rules())["periods"]
            part = json_bytes(entry)
            _remember(_remembered_periods, key, part, REMEMBERED_PERIODS)
        else:
            _remembered_periods.move_to_end(key)
        parts.append(part)
    return b"[" + b",".join(parts) + b"]"


@router.get(
    "/campaigns/{campaign_id}/results",
    operation_id="getCampaignResults",
    summary="A campaign's results per question, protected by the disclosure-control layer",
    description=(
        "Counts per option with percentages and 95% Wilson intervals, mean and median for "
        "scales, shares positive and negative, for each service in scope side by side and "
        "their total; over the whole window or by `month` or `week`. Every count is slightly "
        "adjusted by the cell key method (the same responses always give the same number, so "
        "reading again tells nothing new; tables need not add up exactly), counts that come "
        "out below the minimum cell size are held back (null), and more are held back where "
        "the table's sums would pin a small one. Statistics come from the published counts, "
        "for rows with nothing held back. Results move on by releases of at least the minimum "
        "cell size of new responses per service (see `disclosure`). Scope: one service, an "
        "organisation's services, a partnership's, or (default) every service you can see."
    ),
    response_model=CampaignResults,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_results(
    campaign_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    if_none_match: Annotated[str | None, Depends(conditional.if_none_match)],
    period: Period = "all",
    service_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
    partnership_id: uuid.UUID | None = None,
) -> Response:
    campaign, scope = await _scope(
        session, principal, campaign_id, service_id, organisation_id, partnership_id
    )
    inputs = await _inputs(session, campaign, scope)
    tag = _tag(campaign, scope, period, inputs)
    if conditional.holds(if_none_match, tag):
        return conditional.not_modified(tag)
    # The JSON was made from the validated model once (see _results): sent as it is.
    return Response(
        await _results(session, campaign, scope, period, inputs),
        media_type="application/json",
        headers=conditional.headers(tag),
    )


def _shown(value: object) -> str:
    return "" if value is None else str(value)


@router.get(
    "/campaigns/{campaign_id}/results.csv",
    operation_id="exportCampaignResults",
    summary="The results table as CSV, exactly as published (held-back counts included)",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV"},
        **problem_responses(401, 403, 404, 422),
    },
)
async def export_results(
    campaign_id: uuid.UUID,
    session: SessionDep,
    principal: Reader,
    period: Period = "all",
    service_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
    partnership_id: uuid.UUID | None = None,
) -> StreamingResponse:
    campaign, scope = await _scope(
        session, principal, campaign_id, service_id, organisation_id, partnership_id
    )
    results = CampaignResults.model_validate_json(await _results(session, campaign, scope, period))
    header = [
        "period_start",
        "question_key",
        "unit",
        "n",
        "value",
        "count",
        "percent",
        "ci_low",
        "ci_high",
        "mean",
        "median",
        "share_positive",
        "share_negative",
    ]

    def lines() -> Iterator[str]:
        yield csvfiles.write_csv_line(header)
        for p in results.periods:
            for q in p.questions:
                for row in [*q.units, q.total]:
                    n = "suppressed" if row.n is None else row.n
                    stats = [row.mean, row.median, row.share_positive, row.share_negative]
                    for cell in row.cells:
                        count = "suppressed" if cell.suppressed else cell.count
                        yield csvfiles.write_csv_line(
                            [
                                p.period_start.isoformat(),
                                q.question_key,
                                row.unit,
                                n,
                                cell.value,
                                count,
                                _shown(cell.percent),
                                _shown(cell.ci_low),
                                _shown(cell.ci_high),
                                *map(_shown, stats),
                            ]
                        )
                    if not row.cells:  # numbers, dates: the row's statistics only
                        yield csvfiles.write_csv_line(
                            [
                                p.period_start.isoformat(),
                                q.question_key,
                                row.unit,
                                n,
                                "",
                                "",
                                "",
                                "",
                                "",
                                *map(_shown, stats),
                            ]
                        )

    return StreamingResponse(
        lines(),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="results-{campaign.id}.csv"'},
    )
