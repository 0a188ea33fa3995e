"""Turning responses into result-cell deltas, and applying them with one upsert per cell.

Each cell keeps, beside its count, the sum of its records' keys (for the cell key method of
:mod:`gwella.disclosure`), and for number questions the sum of the values; all of them change
in the same statement, so a cell's key is always that of the records it counts."""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Iterable
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


DayCells = dict[tuple[str, str], list[float]]
"""One (service, day)'s cells by (question, value): [count, sum of values, sum of keys]."""
_CLOSED, _MULTIPLE, _OPEN, _NUMBER = 0, 1, 2, 3


def deltas(
    campaign_id: uuid.UUID,
    content: InstrumentContent,
    responses: Iterable[Counted],
    sign: int,
    kinds: Kind = EVERY_KIND,
) -> dict[Key, list[float]]:
    """{cell key: [count, sum of values, sum of record keys]} to add for these
    responses (sign -1 to take them away), in the periods of ``kinds``.

    Answers are counted once per (service, day), and those cells are then added up per
    service and period of each kind: every period of a day is the same for all its
    responses."""
    return _spread(campaign_id, _tally(_shapes(content), responses, sign), kinds)


def _shapes(content: InstrumentContent) -> dict[str, int]:
    """How each question's answers are counted, as small ints (the loops below compare
    them for every answer: enum members cost more there than the counting)."""
    shapes = {}
    for q in content.questions:
        if q.type is QuestionType.multiple_choice:
            shapes[q.key] = _MULTIPLE
        elif q.type is QuestionType.number:
            shapes[q.key] = _NUMBER
        elif q.type in (QuestionType.free_text, QuestionType.date):
            shapes[q.key] = _OPEN
        else:
            shapes[q.key] = _CLOSED
    return shapes


def _tally(
    shapes: dict[str, int], responses: Iterable[Counted], sign: int
) -> dict[tuple[uuid.UUID, date], DayCells]:
    """The cells of these responses per (service, day)."""
    by_day: dict[tuple[uuid.UUID, date], DayCells] = {}
    responses_cell = (RESPONSES, N)
    for r in responses:
        cells = by_day.get((r.service_id, r.day))
        if cells is None:
            cells = by_day[(r.service_id, r.day)] = {}
        key = float(sign * r.record_key)
        found = cells.get(responses_cell)
        if found is None:
            cells[responses_cell] = [sign, 0.0, key]
        else:
            found[0] += sign
            found[2] += key
        for question, value in r.answers.items():
            shape = shapes.get(question)
            if shape is None or value is None:
                continue
            amount: float = 0.0
            if shape == _CLOSED or (shape == _MULTIPLE and not isinstance(value, list)):
                cell_key = (question, value if value.__class__ is str else str(value))
                found = cells.get(cell_key)
                if found is None:
                    cells[cell_key] = [sign, 0.0, key]
                else:
                    found[0] += sign
                    found[2] += key
                continue
            if shape == _MULTIPLE:
                keys = [(question, str(v)) for v in value]
                keys.append((question, N))  # respondents who answered it
            else:
                keys = [(question, N)]
                if shape == _NUMBER and isinstance(value, (int, float)) and is_bounded(value):
                    # An answer stored before answers were bounded (1e308, say) counts in
                    # the question's n, not in its sum: two of them made the sum Infinity
                    # for good. ``gwella rebuild-results`` recounts sums made that way.
                    amount = sign * float(value)
            for cell_key in keys:
                found = cells.get(cell_key)
                if found is None:
                    cells[cell_key] = [sign, amount, key]
                else:
                    found[0] += sign
                    found[1] += amount
                    found[2] += key
    return by_day


def _spread(
    campaign_id: uuid.UUID, by_day: dict[tuple[uuid.UUID, date], DayCells], kinds: Kind
) -> dict[Key, list[float]]:
    """Day cells added up into the periods of ``kinds`` (the day cells are left as they
    are). Keys holding UUIDs are made once per cell, not once per day and cell."""
    wanted = [(PERIOD_NAMES[kind], kind) for kind in KINDS if int(kind) & int(kinds)]
    periods: dict[tuple[uuid.UUID, str, date], DayCells] = {}
    for (service_id, day), cells in by_day.items():
        for name, kind in wanted:
            bucket = (service_id, name, period_start(kind, day))
            into = periods.get(bucket)
            if into is None:
                periods[bucket] = {cell: list(change) for cell, change in cells.items()}
                continue
            for cell, change in cells.items():
                found = into.get(cell)
                if found is None:
                    into[cell] = list(change)
                else:
                    found[0] += change[0]
                    found[1] += change[1]
                    found[2] += change[2]
    return {
        (campaign_id, service_id, question, name, start, value): change
        for (service_id, name, start), cells in periods.items()
        for (question, value), change in cells.items()
        if any(change)
    }


class ByKind:
    """The deltas of what a release takes in each kind of period: the changes it takes out
    of the cells (``old``) and puts in (``new``), by any id of the change.

    Kinds that take the same changes, as all three usually do, are counted together; and a
    (service, day) whose changes two kinds both take (the same objects) is counted once: a
    week may hold back a few days that the month and the whole window release, and the
    other days need not be counted again for it."""

    def __init__(self) -> None:
        self._plans: list[tuple[dict[Hashable, Counted], dict[Hashable, Counted], int]] = []

    def add(self, kind: int, old: dict[Hashable, Counted], new: dict[Hashable, Counted]) -> None:
        for n, (old_before, new_before, kinds) in enumerate(self._plans):
            if new.keys() == new_before.keys() and new == new_before and old == old_before:
                self._plans[n] = (old_before, new_before, kinds | kind)
                return
        self._plans.append((old, new, kind))

    def deltas(self, campaign_id: uuid.UUID, content: InstrumentContent) -> dict[Key, list[float]]:
        shapes = _shapes(content)
        counted: dict[tuple[int, uuid.UUID, date, frozenset[int]], DayCells] = {}
        out: dict[Key, list[float]] = {}
        for old, new, kinds in self._plans:
            for sign, changes in ((-1, old), (+1, new)):
                groups: dict[tuple[uuid.UUID, date], list[Counted]] = {}
                for c in changes.values():
                    groups.setdefault((c.service_id, c.day), []).append(c)
                by_day = {}
                for place, members in groups.items():
                    # The objects themselves (alive throughout) name what was counted.
                    seen = (sign, *place, frozenset(map(id, members)))
                    if seen not in counted:
                        counted[seen] = _tally(shapes, members, sign)[place]
                    by_day[place] = counted[seen]
                spread = _spread(campaign_id, by_day, Kind(kinds))
                if out:
                    merge(out, spread)
                else:
                    out = spread
        return out


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


COLUMNS = (
    "campaign_id",
    "service_id",
    "question_key",
    "period",
    "period_start",
    "value",
    "count",
    "total",
    "key_sum",
)


def _in_order(changes: dict[Key, list[float]]) -> list[tuple[Key, list[float]]]:
    """The deltas in one fixed order of their keys, the same for every writer, so that
    concurrent writers lock the cells they share in the same order (never a deadlock).
    UUIDs compare as their integers do (``UUID.__lt__``), dates by value, strings by text:
    sorting on the integers spares a Python-level comparison of UUIDs per step."""
    return sorted(changes.items(), key=lambda kv: (kv[0][0].int, kv[0][1].int, *kv[0][2:]))


def _ordered_rows(changes: dict[Key, list[float]]) -> list[dict[str, Any]]:
    """Rows in the fixed order of :func:`_in_order`."""
    return [
        dict(zip(COLUMNS, (*k, int(v[0]), float(v[1]), int(v[2])), strict=True))
        for k, v in _in_order(changes)
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
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    if dialect == "postgresql":
        ordered = _in_order(changes)
        for start in range(0, len(ordered), 5000):
            chunk = ordered[start : start + 5000]
            keys = list(zip(*(k for k, _ in chunk), strict=True))
            await session.execute(
                _PG_UPSERT,
                {
                    **dict(zip(COLUMNS[:6], map(list, keys), strict=True)),
                    "count": [int(v[0]) for _, v in chunk],
                    "total": [float(v[1]) for _, v in chunk],
                    "key_sum": [int(v[2]) for _, v in chunk],
                },
            )
        return
    rows = _ordered_rows(changes)
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
