"""Results of a campaign: read from the incremental cells, with suppression and statistics.
Also the rebuild that recomputes every cell from the stored responses."""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from gwella.instruments.content import DONT_KNOW, InstrumentContent, QuestionType
from gwella.results import aggregate, suppression
from gwella.results.aggregate import RESPONSES, Answered, N

Z95 = 1.959963984540054
SCALES = {QuestionType.likert, QuestionType.rating}


def wilson(successes: int, n: int) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion."""
    if n == 0:
        return 0.0, 0.0
    p = successes / n
    denominator = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denominator
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def _positive_negative(qtype: QuestionType, values: list[str]) -> tuple[set[str], set[str]]:
    """Likert: the top two points are positive, the bottom two negative; rating 0-10: 7-10
    positive, 0-4 negative; yes/no: yes and no."""
    if qtype is QuestionType.likert:
        return set(values[-2:]), set(values[:2])
    if qtype is QuestionType.rating:
        return {str(i) for i in range(7, 11)}, {str(i) for i in range(5)}
    if qtype is QuestionType.yes_no:
        return {"yes"}, {"no"}
    return set(), set()


async def record(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    content: InstrumentContent,
    responses: Iterable[Answered],
    sign: int = 1,
) -> None:
    """Count responses into (sign 1) or out of (sign -1) the results, in the caller's
    transaction: results are exactly as current as the responses."""
    await aggregate.apply(session, aggregate.deltas(campaign_id, content, responses, sign))


async def rebuild(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    content: InstrumentContent,
    responses: Iterable[Answered],
) -> None:
    await aggregate.replace_campaign(
        session, campaign_id, aggregate.deltas(campaign_id, content, responses, +1)
    )


async def table_cells(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    content: InstrumentContent,
    service_ids: list[uuid.UUID],
    period: str,
) -> list[aggregate.Cell]:
    """The stored cells :func:`tables_of` builds the tables from."""
    questions = [q for q in content.questions if q.type is not QuestionType.free_text]
    return await aggregate.cells(
        session, campaign_id, service_ids, [RESPONSES, *(q.key for q in questions)], period
    )


def tables_of(
    content: InstrumentContent,
    rows: Iterable[aggregate.Cell],
    service_ids: list[uuid.UUID],
    k: int,
) -> dict[str, Any]:
    """Per period: the number of responses, and per question a table of units (services)
    and their total, suppressed and with statistics where nothing is hidden; from the
    cells alone (no database)."""
    questions = [q for q in content.questions if q.type is not QuestionType.free_text]
    by_period: dict[date, dict[tuple[uuid.UUID, str], dict[str, int]]] = {}
    sums: dict[tuple[date, uuid.UUID, str], float] = {}
    for service_id, question_key, period_start, value, count, total in rows:
        counts = by_period.setdefault(period_start, {}).setdefault((service_id, question_key), {})
        counts[value] = counts.get(value, 0) + count
        if value == N:
            sums[(period_start, service_id, question_key)] = total
    out = []
    for start in sorted(by_period):
        cells = by_period[start]
        responses_grid = {s: {N: cells.get((s, RESPONSES), {}).get(N, 0)} for s in service_ids}
        hidden_n = suppression.suppress(
            {s: {} for s in service_ids}, {s: responses_grid[s][N] for s in service_ids}, k
        )
        entry: dict[str, Any] = {
            "period_start": start,
            "responses": _units(
                service_ids, {s: responses_grid[s][N] for s in service_ids}, hidden_n
            ),
            "questions": [],
        }
        for q in questions:
            entry["questions"].append(_question(q, cells, sums, start, service_ids, k))
        out.append(entry)
    return {"periods": out}


def _units(
    service_ids: list[uuid.UUID], n: dict[uuid.UUID, int], hidden: set[tuple[object, object]]
) -> dict[str, Any]:
    units = [
        {"service_id": s, "n": None if (s, suppression.N) in hidden else n[s]} for s in service_ids
    ]
    total = sum(n.values())
    return {
        "units": units,
        "total": None if (suppression.TOTAL, suppression.N) in hidden else total,
    }


def _question(
    q: Any,
    cells: dict[tuple[uuid.UUID, str], dict[str, int]],
    sums: dict[tuple[date, uuid.UUID, str], float],
    start: date,
    service_ids: list[uuid.UUID],
    k: int,
) -> dict[str, Any]:
    allowed = q.answer_values()
    options = list(allowed) if allowed is not None else []
    grid: dict[object, dict[object, int]] = {}
    totals: dict[object, int] = {}
    for s in service_ids:
        counts = cells.get((s, q.key), {})
        if allowed is not None:
            grid[s] = {o: counts.get(o, 0) for o in options}
            answered = (
                counts.get(N, 0)
                if q.type is QuestionType.multiple_choice
                else sum(grid[s].values())
            )
        else:
            grid[s] = {}
            answered = counts.get(N, 0)
        totals[s] = answered
    hidden = suppression.suppress(grid, totals, k)
    total_sum = math.fsum(sums.get((start, s, q.key), 0.0) for s in service_ids)
    rows = [
        _row(q, str(s), grid[s], totals[s], s, hidden, sums.get((start, s, q.key), 0.0))
        for s in service_ids
    ]
    column_totals = {o: sum(grid[s].get(o, 0) for s in service_ids) for o in options}
    total_row = _row(
        q, "total", column_totals, sum(totals.values()), suppression.TOTAL, hidden, total_sum
    )
    return {
        "question_key": q.key,
        "type": q.type.value,
        "options": options,
        "units": rows,
        "total": total_row,
    }


def _row(
    q: Any,
    label: str,
    counts: dict[object, int],
    n: int,
    row_key: object,
    hidden: set[tuple[object, object]],
    total: float,
) -> dict[str, Any]:
    n_hidden = (row_key, suppression.N) in hidden
    any_hidden = n_hidden or any((row_key, o) in hidden for o in counts)
    cells = []
    for option, count in counts.items():
        if (row_key, option) in hidden:
            cells.append(
                {
                    "value": option,
                    "count": None,
                    "suppressed": True,
                    "percent": None,
                    "ci_low": None,
                    "ci_high": None,
                }
            )
            continue
        low, high = wilson(count, n) if n and not n_hidden else (None, None)
        cells.append(
            {
                "value": option,
                "count": count,
                "suppressed": False,
                "percent": round(100 * count / n, 2) if n and not n_hidden else None,
                "ci_low": round(100 * low, 2) if low is not None else None,
                "ci_high": round(100 * high, 2) if high is not None else None,
            }
        )
    stats: dict[str, Any] = {
        "mean": None,
        "median": None,
        "share_positive": None,
        "share_negative": None,
    }
    if not any_hidden and n:
        if q.type in SCALES:
            scale = [(float(str(o)), c) for o, c in counts.items() if o != DONT_KNOW]
            answered = sum(c for _, c in scale)
            if answered:
                stats["mean"] = round(math.fsum(v * c for v, c in scale) / answered, 3)
                stats["median"] = _median_from_counts(scale, answered)
        elif q.type is QuestionType.number and n:
            stats["mean"] = round(total / n, 3)
        positive, negative = _positive_negative(q.type, [str(o) for o in counts])
        if positive:
            stats["share_positive"] = round(
                100 * sum(c for o, c in counts.items() if o in positive) / n, 2
            )
            stats["share_negative"] = round(
                100 * sum(c for o, c in counts.items() if o in negative) / n, 2
            )
    return {
        "unit": label,
        "n": None if n_hidden else n,
        "cells": cells,
        **stats,
        "suppressed": any_hidden,
    }


def _median_from_counts(scale: list[tuple[float, int]], answered: int) -> float:
    ordered = sorted(scale)
    middle = [(answered - 1) // 2, answered // 2]
    found: list[float] = []
    seen = 0
    for value, count in ordered:
        for target in middle:
            if seen <= target < seen + count:
                found.append(value)
        seen += count
    return sum(found) / len(found)


async def monthly_shares(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    content: InstrumentContent,
    service_ids: list[uuid.UUID],
    k: int,
) -> list[tuple[str, uuid.UUID, date, float, int, int]]:
    """For each question mapped to an indicator, each service and month with at least ``k``
    answers (fewer would publish a small number): (indicator code, service, month start,
    percent positive, positive, answered). Don't-know answers are not counted as answered."""
    mapped = [q for q in content.questions if q.indicator_code]
    if not mapped:
        return []
    rows = await aggregate.cells(
        session, campaign_id, service_ids, [q.key for q in mapped], "month"
    )
    counts: dict[tuple[str, uuid.UUID, date], dict[str, int]] = {}
    for service_id, question_key, period_start, value, count, _ in rows:
        counts.setdefault((question_key, service_id, period_start), {})[value] = count
    out = []
    for q in mapped:
        positive, _ = _positive_negative(q.type, [o.value for o in q.options] or [])
        if not positive:
            continue
        for (question_key, service_id, month), values in sorted(counts.items(), key=str):
            if question_key != q.key:
                continue
            answered = sum(n for v, n in values.items() if v not in (DONT_KNOW, N))
            if answered < k:
                continue
            hits = sum(n for v, n in values.items() if v in positive)
            assert q.indicator_code is not None
            out.append((q.indicator_code, service_id, month, 100 * hits / answered, hits, answered))
    return out
