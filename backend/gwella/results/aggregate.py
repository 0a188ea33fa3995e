"""Turning responses into result-cell deltas, and applying them with one upsert per cell."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Row, delete, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.instruments.content import InstrumentContent, QuestionType
from gwella.results.models import ResultCell

ALL = date(1970, 1, 1)
RESPONSES = "__responses__"
N = "__n__"
Key = tuple[uuid.UUID, uuid.UUID, str, str, date, str]


@dataclass(frozen=True)
class Answered:
    """One response as the aggregates see it."""

    service_id: uuid.UUID
    submitted_at: datetime
    answers: dict[str, Any]


def periods(moment: datetime) -> list[tuple[str, date]]:
    day = moment.date()
    return [
        ("all", ALL),
        ("month", day.replace(day=1)),
        ("week", day - timedelta(days=day.weekday())),
    ]


def deltas(
    campaign_id: uuid.UUID, content: InstrumentContent, responses: Iterable[Answered], sign: int
) -> dict[Key, list[float]]:
    """{cell key: [count delta, total delta]} for these responses (sign -1 to take away).

    The cells of a response depend on its periods only through its day, so answers are
    counted once per (service, day) and then spread over that day's periods (every period
    of a day is the same for all its responses): a third of the work of counting each
    response into each of its periods."""
    # Plain strings and local names: enum members compared in the inner loop are slow.
    types = {q.key: str(q.type) for q in content.questions}
    multiple = str(QuestionType.multiple_choice)
    numeric_types = {str(QuestionType.number), str(QuestionType.free_text), str(QuestionType.date)}
    by_day: dict[tuple[uuid.UUID, date], dict[tuple[str, str], list[float]]] = {}
    for r in responses:
        day_key = (r.service_id, r.submitted_at.date())
        cells = by_day.get(day_key)
        if cells is None:
            cells = by_day[day_key] = {}
        found = cells.get((RESPONSES, N))
        if found is None:
            cells[(RESPONSES, N)] = [sign, 0.0]
        else:
            found[0] += sign
        for question, value in r.answers.items():
            qtype = types.get(question)
            if qtype is None or value is None:
                continue
            if qtype == multiple and isinstance(value, list):
                keys = [(question, str(v)) for v in value]
                keys.append((question, N))  # respondents who answered it
                total = 0.0
            elif qtype in numeric_types:
                keys = [(question, N)]
                total = sign * float(value if isinstance(value, (int, float)) else 0.0)
            else:
                keys = [(question, str(value))]
                total = 0.0
            for key in keys:
                found = cells.get(key)
                if found is None:
                    cells[key] = [sign, total if key[1] == N else 0.0]
                else:
                    found[0] += sign
                    if key[1] == N:
                        found[1] += total
    out: dict[Key, list[float]] = {}
    for (service_id, day), cells in by_day.items():
        for period, start in periods(datetime.combine(day, datetime.min.time())):
            for (question, value), (count, amount) in cells.items():
                cell_key: Key = (campaign_id, service_id, question, period, start, value)
                summed = out.get(cell_key)
                if summed is None:
                    out[cell_key] = [count, amount]
                else:
                    summed[0] += count
                    summed[1] += amount
    return {k: v for k, v in out.items() if v[0] or v[1]}


def _ordered_rows(changes: dict[Key, list[float]]) -> list[dict[str, Any]]:
    """Rows in one fixed order (so concurrent writers lock cells in the same order)."""
    return [
        {
            "campaign_id": k[0],
            "service_id": k[1],
            "question_key": k[2],
            "period": k[3],
            "period_start": k[4],
            "value": k[5],
            "count": int(v[0]),
            "total": float(v[1]),
        }
        # The keys' own order is that of their text (UUIDs by value as by hex, dates by
        # value as by ISO text), without formatting every part of every key.
        for k, v in sorted(changes.items(), key=lambda kv: kv[0])
    ]


_PG_UPSERT = text(
    """
    INSERT INTO result_cells
        (campaign_id, service_id, question_key, period, period_start, value, count, total)
    SELECT * FROM unnest(
        CAST(:campaign_id AS uuid[]), CAST(:service_id AS uuid[]),
        CAST(:question_key AS varchar[]), CAST(:period AS varchar[]),
        CAST(:period_start AS date[]), CAST(:value AS varchar[]),
        CAST(:count AS integer[]), CAST(:total AS double precision[])
    )
    ON CONFLICT (campaign_id, service_id, question_key, period, period_start, value)
    DO UPDATE SET count = result_cells.count + excluded.count,
                  total = result_cells.total + excluded.total
    """
)


async def apply(session: AsyncSession, changes: dict[Key, list[float]]) -> None:
    """Add the deltas to the stored cells: INSERT … ON CONFLICT DO UPDATE, atomic per row on
    both PostgreSQL and SQLite, so concurrent writers never lose a count. On PostgreSQL the
    rows travel as arrays in one statement (``unnest``) instead of one execution per row."""
    if not changes:
        return
    rows = _ordered_rows(changes)
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    if dialect == "postgresql":
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            await session.execute(
                _PG_UPSERT, {name: [row[name] for row in chunk] for name in chunk[0]}
            )
        return
    stmt = sqlite_insert(ResultCell)
    stmt = stmt.on_conflict_do_update(
        index_elements=[
            "campaign_id",
            "service_id",
            "question_key",
            "period",
            "period_start",
            "value",
        ],
        set_={
            "count": ResultCell.count + stmt.excluded.count,
            "total": ResultCell.total + stmt.excluded.total,
        },
    )
    for start in range(0, len(rows), 1000):
        await session.execute(stmt, rows[start : start + 1000])


async def replace_campaign(
    session: AsyncSession, campaign_id: uuid.UUID, changes: dict[Key, list[float]]
) -> None:
    """Rebuild: forget a campaign's cells and store these instead."""
    await session.execute(delete(ResultCell).where(ResultCell.campaign_id == campaign_id))
    await apply(session, changes)


Cell = Row[uuid.UUID, str, date, str, int, float]
"""A stored cell as read for the results: ``service_id``, ``question_key``, ``period_start``,
``value``, ``count``, ``total`` (a plain row: hashable, so a set of cells can key a memory)."""


async def cells(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    service_ids: Iterable[uuid.UUID],
    question_keys: Iterable[str],
    period: str,
) -> list[Cell]:
    """The stored cells, read as plain rows (no ORM identity bookkeeping per cell)."""
    result = await session.execute(
        select(
            ResultCell.service_id,
            ResultCell.question_key,
            ResultCell.period_start,
            ResultCell.value,
            ResultCell.count,
            ResultCell.total,
        ).where(
            ResultCell.campaign_id == campaign_id,
            ResultCell.service_id.in_(set(service_ids)),
            ResultCell.question_key.in_(set(question_keys)),
            ResultCell.period == period,
        )
    )
    return list(result.all())


def counter_of(rows: Iterable[ResultCell]) -> Counter[tuple[Any, ...]]:
    return Counter({(r.service_id, r.question_key, r.period_start, r.value): r.count for r in rows})
