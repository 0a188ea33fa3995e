"""Turning responses into result-cell deltas, and applying them with one upsert per cell."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
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
    """{cell key: [count delta, total delta]} for these responses (sign -1 to take away)."""
    types = {q.key: q.type for q in content.questions}
    out: dict[Key, list[float]] = {}

    def add(key: Key, count: int, total: float) -> None:
        cell = out.setdefault(key, [0, 0.0])
        cell[0] += count
        cell[1] += total

    for r in responses:
        for period, start in periods(r.submitted_at):
            add((campaign_id, r.service_id, RESPONSES, period, start, N), sign, 0.0)
            for question, value in r.answers.items():
                qtype = types.get(question)
                if qtype is None or value is None:
                    continue
                base = (campaign_id, r.service_id, question, period, start)
                if qtype is QuestionType.multiple_choice and isinstance(value, list):
                    for v in value:
                        add((*base, str(v)), sign, 0.0)
                    add((*base, N), sign, 0.0)  # respondents who answered it
                elif qtype in (QuestionType.number, QuestionType.free_text, QuestionType.date):
                    numeric = value if isinstance(value, (int, float)) else 0.0
                    add((*base, N), sign, sign * float(numeric))
                else:
                    add((*base, str(value)), sign, 0.0)
    return {k: v for k, v in out.items() if v[0] or v[1]}


async def apply(session: AsyncSession, changes: dict[Key, list[float]]) -> None:
    """Add the deltas to the stored cells: INSERT … ON CONFLICT DO UPDATE, atomic per row on
    both PostgreSQL and SQLite, so concurrent writers never lose a count."""
    if not changes:
        return
    rows = [
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
        for k, v in sorted(changes.items(), key=lambda kv: tuple(str(p) for p in kv[0]))
    ]
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(ResultCell)
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


async def cells(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    service_ids: Iterable[uuid.UUID],
    question_keys: Iterable[str],
    period: str,
) -> list[ResultCell]:
    return list(
        await session.scalars(
            select(ResultCell).where(
                ResultCell.campaign_id == campaign_id,
                ResultCell.service_id.in_(set(service_ids)),
                ResultCell.question_key.in_(set(question_keys)),
                ResultCell.period == period,
            )
        )
    )


def counter_of(rows: Iterable[ResultCell]) -> Counter[tuple[Any, ...]]:
    return Counter({(r.service_id, r.question_key, r.period_start, r.value): r.count for r in rows})
