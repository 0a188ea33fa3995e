"""Turning responses into result-cell deltas, and applying them with one upsert per cell.

Each cell keeps, beside its count, the sum of its records' keys (for the cell key method of
:mod:`gwella.disclosure`), and for number questions the sum of the values; all of them change
in the same statement, so a cell's key is always that of the records it counts."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Row, delete, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.finite import is_bounded
from gwella.disclosure.releases import EVERY_KIND, KINDS, PERIOD_NAMES, Kind, period_start
from gwella.instruments.content import InstrumentContent, QuestionType
from gwella.results.models import ResultCell

ALL = date(1970, 1, 1)
RESPONSES = "__responses__"
N = "__n__"
Key = tuple[uuid.UUID, uuid.UUID, str, str, date, str]


@dataclass(frozen=True)
class Counted:
    """One response as the aggregates see it."""

    record_key: int
    service_id: uuid.UUID
    day: date
    answers: dict[str, Any]


def deltas(
    campaign_id: uuid.UUID,
    content: InstrumentContent,
    responses: Iterable[Counted],
    sign: int,
    kinds: Kind = EVERY_KIND,
) -> dict[Key, list[float]]:
    """{cell key: [count, sum of values, sum of record keys]} to add for these
    responses (sign -1 to take them away), in the periods of ``kinds``.

    Answers are counted once per (service, day) and then spread over that day's periods:
    every period of a day is the same for all its responses."""
    # Plain strings and local names: enum members compared in the inner loop are slow.
    types = {q.key: str(q.type) for q in content.questions}
    multiple = str(QuestionType.multiple_choice)
    number = str(QuestionType.number)
    open_types = {number, str(QuestionType.free_text), str(QuestionType.date)}
    by_day: dict[tuple[uuid.UUID, date], dict[tuple[str, str], list[float]]] = {}
    for r in responses:
        cells = by_day.setdefault((r.service_id, r.day), {})
        key = float(sign * r.record_key)
        found = cells.get((RESPONSES, N))
        if found is None:
            cells[(RESPONSES, N)] = [sign, 0.0, key]
        else:
            found[0] += sign
            found[2] += key
        for question, value in r.answers.items():
            qtype = types.get(question)
            if qtype is None or value is None:
                continue
            amount: float = 0.0
            if qtype == multiple and isinstance(value, list):
                keys = [(question, str(v)) for v in value]
                keys.append((question, N))  # respondents who answered it
            elif qtype in open_types:
                keys = [(question, N)]
                if qtype == number and isinstance(value, (int, float)) and is_bounded(value):
                    # An answer stored before answers were bounded (1e308, say) counts in
                    # the question's n, not in its sum: two of them made the sum Infinity
                    # for good. ``gwella rebuild-results`` recounts sums made that way.
                    amount = sign * float(value)
            else:
                keys = [(question, str(value))]
            for cell_key in keys:
                found = cells.get(cell_key)
                if found is None:
                    cells[cell_key] = [sign, amount, key]
                else:
                    found[0] += sign
                    found[1] += amount
                    found[2] += key
    out: dict[Key, list[float]] = {}
    for (service_id, day), cells in by_day.items():
        for kind in KINDS:
            if not kind & kinds:
                continue
            period, start = PERIOD_NAMES[kind], period_start(kind, day)
            for (question, value), change in cells.items():
                add(out, (campaign_id, service_id, question, period, start, value), change)
    return {k: v for k, v in out.items() if any(v)}


def add(into: dict[Key, list[float]], key: Key, change: list[float]) -> None:
    """Add one cell's change (count, sum, key sum) to a set of deltas."""
    summed = into.get(key)
    if summed is None:
        into[key] = list(change)
    else:
        summed[0] += change[0]
        summed[1] += change[1]
        summed[2] += change[2]


def merge(into: dict[Key, list[float]], more: dict[Key, list[float]]) -> None:
    for key, change in more.items():
        add(into, key, change)


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
            "key_sum": int(v[2]),
        }
        # The keys' own order is that of their text (UUIDs by value as by hex, dates by
        # value as by ISO text), without formatting every part of every key.
        for k, v in sorted(changes.items(), key=lambda kv: kv[0])
    ]


_PG_UPSERT = text(
    """
    INSERT INTO result_cells
        (campaign_id, service_id, question_key, period, period_start, value, count, total,
         key_sum)
    SELECT * FROM unnest(
        CAST(:campaign_id AS uuid[]), CAST(:service_id AS uuid[]),
        CAST(:question_key AS varchar[]), CAST(:period AS varchar[]),
        CAST(:period_start AS date[]), CAST(:value AS varchar[]),
        CAST(:count AS integer[]), CAST(:total AS double precision[]),
        CAST(:key_sum AS bigint[])
    )
    ON CONFLICT (campaign_id, service_id, question_key, period, period_start, value)
    DO UPDATE SET count = result_cells.count + excluded.count,
                  total = result_cells.total + excluded.total,
                  key_sum = result_cells.key_sum + excluded.key_sum
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
            "key_sum": ResultCell.key_sum + stmt.excluded.key_sum,
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


Cell = Row[uuid.UUID, str, date, str, int, float, int]
"""A stored cell as read for the results: ``service_id``, ``question_key``, ``period_start``,
``value``, ``count``, ``total``, ``key_sum`` (a plain row: hashable, so a set of
cells can key a memory)."""


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
            ResultCell.key_sum,
        ).where(
            ResultCell.campaign_id == campaign_id,
            ResultCell.service_id.in_(set(service_ids)),
            ResultCell.question_key.in_(set(question_keys)),
            ResultCell.period == period,
        )
    )
    return list(result.all())
