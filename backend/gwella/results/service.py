"""Results of a campaign: counting responses in (per response, or by releases), reading the
published tables through the disclosure layer, and rebuilding every cell from the responses.

Who may see what is decided by the callers; *what* may be seen is decided by
:mod:`gwella.disclosure` alone: nothing here returns a true count."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, exists, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.elements import ColumnElement

from gwella.core.database import utcnow
from gwella.disclosure import publish, releases
from gwella.disclosure.publish import Measure, QuestionSpec, Rules
from gwella.disclosure.releases import EVERY_KIND, KINDS, PERIOD_NAMES, Kind, Place, Waiting
from gwella.disclosure.tables import TOTAL, Shape, Tally
from gwella.instruments.content import DONT_KNOW, InstrumentContent, Question, QuestionType
from gwella.results import aggregate
from gwella.results.aggregate import ALL, RESPONSES, Counted, N
from gwella.results.models import PendingResult, ResultCell, ResultRelease

# ------------------------------------------------------------------------------ counting


@dataclass(frozen=True)
class Mode:
    """How a campaign's results move on."""

    min_cell_size: int
    per_response: bool
    """Identified-with-consent campaigns: each response is counted at once. Otherwise changes
    wait for a release of at least ``min_cell_size`` (see :mod:`gwella.disclosure.releases`)."""


@dataclass(frozen=True)
class Change:
    """A response to count (``before`` None), to count differently, or to stop counting
    (``after`` None). ``before`` is what the results hold for it when it is already counted."""

    response_id: uuid.UUID
    record_key: int
    before: Counted | None
    after: Counted | None


@dataclass
class Moved:
    """What a call of :func:`count` changed in what is published."""

    services: set[uuid.UUID] = field(default_factory=set)
    """Services whose results moved on."""

    def __bool__(self) -> bool:
        return bool(self.services)


def _place(c: Counted | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {"service_id": str(c.service_id), "day": c.day.isoformat(), "answers": c.answers}


def _counted(record_key: int, place: dict[str, Any] | None) -> Counted | None:
    if place is None:
        return None
    return Counted(
        record_key,
        uuid.UUID(place["service_id"]),
        date.fromisoformat(place["day"]),
        place["answers"],
    )


@dataclass
class _State:
    """A waiting change, loaded or new."""

    response_id: uuid.UUID
    record_key: int
    kinds: int
    unreleased: bool
    current: dict[str, Any] | None
    counted: dict[str, dict[str, Any]]
    stored: PendingResult | None = None
    now: Counted | None = None  # ``current`` as counted


async def _lock(session: AsyncSession, campaign_id: uuid.UUID) -> None:
    """Releases of one campaign happen one at a time. On PostgreSQL a transaction-scoped
    advisory lock; SQLite has a single writer already (the caller has written)."""
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        number = int.from_bytes(hashlib.blake2b(campaign_id.bytes, digest_size=8).digest(), "big")
        await session.execute(text("SELECT pg_advisory_xact_lock(:n)"), {"n": number - (1 << 63)})


async def count(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    mode: Mode,
    content: InstrumentContent,
    changes: Sequence[Change],
) -> Moved:
    """Count these changes into the results, in the caller's transaction: at once for a
    per-response campaign, otherwise as releases become due (possibly at once, possibly
    later, with changes that came before)."""
    moved = Moved()
    if not changes:
        return moved
    if mode.per_response:
        old = [c.before for c in changes if c.before is not None]
        new = [c.after for c in changes if c.after is not None]
        delta = aggregate.deltas(campaign_id, content, old, -1)
        aggregate.merge(delta, aggregate.deltas(campaign_id, content, new, +1))
        await aggregate.apply(session, delta)
        moved.services = {c.service_id for c in (*old, *new)}
        await _mark_released(session, campaign_id, moved.services)
        return moved
    await _lock(session, campaign_id)
    states = {
        p.response_id: _State(
            p.response_id, p.record_key, p.kinds, p.unreleased, p.current, dict(p.counted), p
        )
        for p in await session.scalars(
            select(PendingResult).where(PendingResult.campaign_id == campaign_id)
        )
    }
    for state in states.values():
        state.now = _counted(state.record_key, state.current)
    for c in changes:
        known = states.get(c.response_id)
        if known is not None:
            # Kinds already released hold the current answers: they now hold the old ones.
            for kind in KINDS:
                if not known.kinds & kind and known.current is not None:
                    known.counted[PERIOD_NAMES[kind]] = known.current
            known.current, known.now, known.kinds = _place(c.after), c.after, int(EVERY_KIND)
            continue
        before = _place(c.before)
        states[c.response_id] = _State(
            c.response_id,
            c.record_key,
            int(EVERY_KIND),
            c.before is None,
            _place(c.after),
            {PERIOD_NAMES[k]: before for k in KINDS} if before is not None else {},
            now=c.after,
        )
    await _release(session, campaign_id, mode, content, list(states.values()), moved)
    return moved


async def _release(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    mode: Mode,
    content: InstrumentContent,
    states: list[_State],
    moved: Moved,
) -> None:
    released = aggregate.ByKind()
    for kind in KINDS:
        name, bit = PERIOD_NAMES[kind], int(kind)  # an int: IntFlag's operators are slow
        waiting = []
        for n, s in enumerate(states):  # by position: ints hash faster than UUIDs
            if s.kinds & bit:
                held = _counted(s.record_key, s.counted.get(name))
                now = s.now
                waiting.append(
                    Waiting(
                        n,
                        Place(held.service_id, held.day) if held else None,
                        Place(now.service_id, now.day) if now else None,
                        new=held is None,
                    )
                )
        chosen = releases.releasable(waiting, kind, mode.min_cell_size)
        old: dict[Hashable, Counted] = {}
        new: dict[Hashable, Counted] = {}
        for at in chosen:
            assert isinstance(at, int)
            s = states[at]
            held = _counted(s.record_key, s.counted.pop(name, None))
            if held is not None:
                old[at] = held
                moved.services.add(held.service_id)
            if s.now is not None:
                new[at] = s.now
                moved.services.add(s.now.service_id)
            s.kinds &= ~bit
            if kind is Kind.all:
                s.unreleased = False
        released.add(bit, old, new)
    await aggregate.apply(session, released.deltas(campaign_id, content))
    gone = [s.stored for s in states if s.kinds == 0 and s.stored is not None]
    if gone:
        await session.execute(
            delete(PendingResult).where(
                PendingResult.response_id.in_([p.response_id for p in gone])
            )
        )
        for p in gone:
            session.expunge(p)
    for s in states:
        if s.kinds == 0:
            continue
        if s.stored is None:
            session.add(
                PendingResult(
                    response_id=s.response_id,
                    campaign_id=campaign_id,
                    record_key=s.record_key,
                    kinds=s.kinds,
                    unreleased=s.unreleased,
                    current=s.current,
                    counted=s.counted,
                )
            )
        else:
            s.stored.kinds, s.stored.unreleased = s.kinds, s.unreleased
            s.stored.current, s.stored.counted = s.current, dict(s.counted)
    await session.flush()
    await _mark_released(session, campaign_id, moved.services)


async def _mark_released(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    service_ids: Iterable[uuid.UUID],
    moved_on: bool = True,
) -> None:
    """Count a release of these services' results (``moved_on``: and say it was today)."""
    today = utcnow().date()
    for service_id in sorted(set(service_ids)):
        found = await session.get(ResultRelease, (campaign_id, service_id))
        if found is None:
            session.add(
                ResultRelease(
                    campaign_id=campaign_id, service_id=service_id, released_on=today, releases=1
                )
            )
        else:
            found.released_on = today if moved_on else found.released_on
            # In SQL: two writers of an identified campaign's results (no lock) both count.
            found.releases = ResultRelease.releases + 1
    await session.flush()


def unreleased(
    response_id: ColumnElement[uuid.UUID] | InstrumentedAttribute[uuid.UUID],
) -> ColumnElement[bool]:
    """A condition on a response id: not yet counted in any release (raw responses of
    anonymous and pseudonymous campaigns stay out of sight until then)."""
    return exists().where(PendingResult.response_id == response_id, PendingResult.unreleased)


async def release_marks(
    session: AsyncSession, scope: dict[uuid.UUID, list[uuid.UUID]]
) -> dict[uuid.UUID, list[tuple[uuid.UUID, int, date]]]:
    """Per campaign, (service, releases so far, last day it moved on) of the services in
    ``scope``: every change of their cells counts a release in the same transaction
    (:func:`count`, :func:`rebuild`), so what is published of them is a function of these
    marks and of what else the reader gives (campaign, comments, rules)."""
    out: dict[uuid.UUID, list[tuple[uuid.UUID, int, date]]] = {c: [] for c in scope}
    rows = await session.execute(
        select(
            ResultRelease.campaign_id,
            ResultRelease.service_id,
            ResultRelease.releases,
            ResultRelease.released_on,
        )
        .where(
            ResultRelease.campaign_id.in_(set(scope)),
            ResultRelease.service_id.in_({s for services in scope.values() for s in services}),
        )
        .order_by(ResultRelease.campaign_id, ResultRelease.service_id)
    )
    for campaign, service, n, day in rows:
        if service in scope[campaign]:
            out[campaign].append((service, n, day))
    return out


async def rebuild(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    content: InstrumentContent,
    responses: Iterable[tuple[uuid.UUID, Counted]],
) -> None:
    """Every cell again from the stored responses: what the cells should hold, taking the
    waiting changes into account (a waiting change is still counted as it was)."""
    pending = {
        p.response_id: p
        for p in await session.scalars(
            select(PendingResult).where(PendingResult.campaign_id == campaign_id)
        )
    }
    by_kind: dict[Kind, list[Counted]] = {kind: [] for kind in KINDS}
    for response_id, counted in responses:
        if response_id not in pending:
            for kind in KINDS:
                by_kind[kind].append(counted)
    for p in pending.values():
        for kind in KINDS:
            place = p.counted.get(PERIOD_NAMES[kind]) if p.kinds & kind else p.current
            held = _counted(p.record_key, place)
            if held is not None:
                by_kind[kind].append(held)
    delta: dict[aggregate.Key, list[float]] = {}
    for kind, items in by_kind.items():
        aggregate.merge(delta, aggregate.deltas(campaign_id, content, items, +1, kind))
    await aggregate.replace_campaign(session, campaign_id, delta)
    # What readers hold (ETags of the results) may differ from the cells now: counted as a
    # release, without saying the results moved on today.
    marked = await session.scalars(
        select(ResultRelease.service_id).where(ResultRelease.campaign_id == campaign_id)
    )
    await _mark_released(session, campaign_id, {*marked, *(k[1] for k in delta)}, False)


# ------------------------------------------------------------------------------- reading


def _positive_negative(q: Question) -> tuple[frozenset[str], frozenset[str]]:
    """Likert: the top two points are positive, the bottom two negative; rating 0-10: 7-10
    positive, 0-4 negative; yes/no: yes and no."""
    if q.type is QuestionType.likert:
        values = [o.value for o in q.options]
        return frozenset(values[-2:]), frozenset(values[:2])
    if q.type is QuestionType.rating:
        return frozenset(str(i) for i in range(7, 11)), frozenset(str(i) for i in range(5))
    if q.type is QuestionType.yes_no:
        return frozenset({"yes"}), frozenset({"no"})
    return frozenset(), frozenset()


def spec_of(q: Question) -> QuestionSpec:
    options = q.answer_values() or ()
    positive, negative = _positive_negative(q)
    scale = None
    if q.type in (QuestionType.likert, QuestionType.rating):
        scale = {}
        for position, option in enumerate(o for o in options if o != DONT_KNOW):
            try:
                scale[option] = float(option)
            except ValueError:
                scale[option] = float(position + 1)
    if q.type is QuestionType.multiple_choice:
        shape = Shape.multiple
    elif options:
        shape = Shape.single
    else:
        shape = Shape.counts
    return QuestionSpec(
        key=q.key,
        type=q.type.value,
        shape=shape,
        options=tuple(options),
        scale=scale,
        positive=positive,
        negative=negative,
        free=frozenset({DONT_KNOW}) if shape is Shape.multiple else frozenset(),
        magnitude=q.type is QuestionType.number,
        range=q.max - q.min if q.min is not None and q.max is not None else None,
        bound=max(abs(q.min), abs(q.max)) if q.min is not None and q.max is not None else None,
    )


def _tabled(content: InstrumentContent) -> list[Question]:
    return [q for q in content.questions if q.type is not QuestionType.free_text]


async def table_cells(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    content: InstrumentContent,
    service_ids: list[uuid.UUID],
    period: str,
) -> list[aggregate.Cell]:
    """The stored cells :func:`tables_of` builds the tables from."""
    return await aggregate.cells(
        session,
        campaign_id,
        service_ids,
        [RESPONSES, *(q.key for q in _tabled(content))],
        period,
    )


def tables_of(
    content: InstrumentContent,
    rows: Iterable[aggregate.Cell],
    service_ids: list[uuid.UUID],
    k: int,
    rules: Rules,
) -> dict[str, Any]:
    """Per period: the number of responses, and per question a table of units (services)
    and their total, as the disclosure layer publishes them; from the cells alone."""
    by_period: dict[date, dict[tuple[uuid.UUID, str, str], Measure]] = {}
    for service_id, question_key, start, value, n, total, keys in rows:
        by_period.setdefault(start, {})[(service_id, question_key, value)] = Measure(n, keys, total)
    out = []
    for start in sorted(by_period):
        cells = by_period[start]
        responses = {s: cells.get((s, RESPONSES, N), Measure()).tally for s in service_ids}
        shown = publish.counts(service_ids, responses, k, rules, RESPONSES)
        entry: dict[str, Any] = {
            "period_start": start,
            "responses": {
                "units": [{"service_id": s, "n": shown.n[s]} for s in service_ids],
                "total": shown.n[TOTAL],
            },
            "questions": [
                question_table(spec_of(q), cells, service_ids, k, rules) for q in _tabled(content)
            ],
        }
        out.append(entry)
    return {"periods": out}


def question_table(
    q: QuestionSpec,
    cells: dict[tuple[uuid.UUID, str, str], Measure],
    service_ids: Sequence[uuid.UUID],
    k: int,
    rules: Rules,
) -> dict[str, Any]:
    n: dict[object, Measure] = {}
    grid: dict[tuple[object, str], Measure] = {}
    for s in service_ids:
        for option in q.options:
            grid[(s, option)] = cells.get((s, q.key, option), Measure())
        n[s] = _question_n(q, cells, s)
    return publish.question(q, service_ids, n, grid, k, rules)


def _question_n(
    q: QuestionSpec, cells: dict[tuple[uuid.UUID, str, str], Measure], service_id: uuid.UUID
) -> Measure:
    """Respondents who answered: a single-choice question's cells together (the same records,
    so the same cell key), else the question's own count."""
    if q.shape is Shape.single:
        return sum((cells.get((service_id, q.key, o), Measure()) for o in q.options), Measure())
    return cells.get((service_id, q.key, N), Measure())


async def derived_shares(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    content: InstrumentContent,
    service_ids: list[uuid.UUID],
    k: int,
    rules: Rules,
    indicator_codes: Collection[str] | None = None,
) -> list[tuple[str, uuid.UUID, date, float, int, int]]:
    """For each question mapped to an indicator (of ``indicator_codes`` only, when given),
    each service and month whose published table shows every count (the same table as the
    results of that one service): (indicator code, service, month start, percent positive,
    positive, answered), all as published."""
    mapped = [
        q
        for q in content.questions
        if q.indicator_code and (indicator_codes is None or q.indicator_code in indicator_codes)
    ]
    if not mapped:
        return []
    rows = await aggregate.cells(
        session, campaign_id, service_ids, [q.key for q in mapped], "month"
    )
    by_month: dict[date, dict[tuple[uuid.UUID, str, str], Measure]] = {}
    for service_id, question_key, start, value, n, total, keys in rows:
        by_month.setdefault(start, {})[(service_id, question_key, value)] = Measure(n, keys, total)
    out = []
    for q in mapped:
        spec = spec_of(q)
        if not spec.positive:
            continue
        for month in sorted(by_month):
            cells = by_month[month]
            for service_id in service_ids:
                respondents: dict[object, Measure] = {
                    service_id: _question_n(spec, cells, service_id)
                }
                grid: dict[tuple[object, str], Measure] = {
                    (service_id, o): cells.get((service_id, q.key, o), Measure())
                    for o in spec.options
                }
                groups = publish.shares(spec, [service_id], respondents, grid, k, rules)
                assert groups is not None
                answered = groups.n[service_id]
                hits = groups.cells[(service_id, publish.POSITIVE)]
                if not answered or hits is None:
                    continue  # held back in the results: no point on the chart either
                assert q.indicator_code is not None
                out.append(
                    (q.indicator_code, service_id, month, 100 * hits / answered, hits, answered)
                )
    return out


async def visible_response_counts(
    session: AsyncSession,
    campaign_ids: Iterable[uuid.UUID],
    scope: dict[uuid.UUID, list[uuid.UUID]],
    k: dict[uuid.UUID, int],
    rules: Rules,
) -> dict[uuid.UUID, tuple[int | None, dict[uuid.UUID, int | None]]]:
    """Per campaign, the published number of responses of the services in ``scope`` (all of
    them together, and each), from the running counts (so a list of campaigns costs the same
    with ten responses or a million)."""
    ids = set(campaign_ids)
    if not ids:
        return {}
    found = await session.execute(
        select(
            ResultCell.campaign_id, ResultCell.service_id, ResultCell.count, ResultCell.key_sum
        ).where(
            ResultCell.campaign_id.in_(ids),
            ResultCell.question_key == RESPONSES,
            ResultCell.period == "all",
            ResultCell.period_start == ALL,
            ResultCell.value == N,
        )
    )
    tallies: dict[tuple[uuid.UUID, uuid.UUID], Tally] = {
        (c, s): Tally(int(n), int(keys)) for c, s, n, keys in found
    }
    out = {}
    for campaign_id in ids:
        services = scope.get(campaign_id, [])
        shown = publish.counts(
            services,
            {s: tallies.get((campaign_id, s), Tally()) for s in services},
            k[campaign_id],
            rules,
            RESPONSES,
        )
        out[campaign_id] = (shown.n[TOTAL], {s: shown.n[s] for s in services})
    return out
