"""When results move on: releases of at least ``k`` changes at a time.

A published table compared before and after a change shows what changed. If one response
came in between, that is what the one person said. So the results of anonymous and
pseudonymous campaigns do not move per response: changes (new responses, and changes to
counted ones) wait, and a **release** counts several at once.

The tables come in three kinds of period (the whole window, months and ISO weeks) and each
table of a kind belongs to one service and one period (a **bucket**); a table of a wider scope
is a sum of them. A release of a kind takes the largest set of waiting changes in which every
bucket it touches gains either nothing or at least ``k`` changes; each kind is released on its
own, so a quiet week does not hold back the window's totals. A change touches the bucket it
leaves (what the results held for it) and the bucket it enters. The largest such set is found
by dropping the changes of every bucket that has fewer than ``k`` and counting again until
nothing changes: a change dropped this way can be in no valid set, so what remains is the
unique largest one.

Changes that cannot be released yet wait for more; nothing is released with fewer than ``k``
(not even at a day's end: the difference would be that of fewer than ``k`` people). This is the
price of the promise for a very small service: its results start once ``k`` people answered.
"""

from __future__ import annotations

import enum
import uuid
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta


class Kind(enum.IntFlag):
    all = 1
    month = 2
    week = 4


EVERY_KIND = Kind.all | Kind.month | Kind.week
KINDS: tuple[Kind, ...] = (Kind.all, Kind.month, Kind.week)
WHOLE_WINDOW = date(1970, 1, 1)
PERIOD_NAMES = {Kind.all: "all", Kind.month: "month", Kind.week: "week"}


def period_start(kind: Kind, day: date) -> date:
    if kind is Kind.month:
        return day.replace(day=1)
    if kind is Kind.week:
        return day - timedelta(days=day.weekday())
    return WHOLE_WINDOW


@dataclass(frozen=True)
class Place:
    """Where a response is counted: its service and its day."""

    service_id: uuid.UUID
    day: date

    def bucket(self, kind: Kind) -> tuple[uuid.UUID, date]:
        return self.service_id, period_start(kind, self.day)


@dataclass(frozen=True)
class Waiting:
    """A change waiting for a release of one kind: where the results hold the record now
    (``None``: nowhere yet) and where it is to be counted (``None``: nowhere any more)."""

    id: Hashable
    counted: Place | None
    current: Place | None


def releasable(waiting: Iterable[Waiting], kind: Kind, k: int) -> set[Hashable]:
    """The ids of the largest set of changes that can be released together."""
    touched: dict[Hashable, set[tuple[uuid.UUID, date]]] = {}
    for w in waiting:
        touched[w.id] = {p.bucket(kind) for p in (w.counted, w.current) if p is not None}
    while True:
        size: Counter[tuple[uuid.UUID, date]] = Counter()
        for buckets in touched.values():
            size.update(buckets)
        short = {b for b, n in size.items() if n < k}
        if not short:
            return set(touched)
        touched = {i: b for i, b in touched.items() if not b & short}


def release_all(waiting: Mapping[Kind, Iterable[Waiting]], k: int) -> dict[Kind, set[Hashable]]:
    """:func:`releasable` for each kind."""
    return {kind: releasable(waiting.get(kind, ()), kind, k) for kind in KINDS}
