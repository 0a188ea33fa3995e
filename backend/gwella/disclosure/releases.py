"""When results move on: releases of at least ``k`` changes at a time.

A published table compared before and after a change shows what changed. If one response
came in between, that is what the one person said. So the results of anonymous and
pseudonymous campaigns do not move per response: changes (new responses, and changes to
counted ones) wait, and a **release** counts several at once.

The tables come in three kinds of period (the whole window, months and ISO weeks) and each
table of a kind belongs to one service and one period (a **bucket**); a table of a wider scope
is a sum of them. A change touches the bucket it leaves (what the results held for it) and the
bucket it enters. A release of a kind takes the largest set of waiting changes in which every
bucket touched gains either at least ``k`` *new* responses (counted for the first time; other
changes may come along), or no new response and at least ``k`` other changes. Corrections of
responses already counted do not count towards the ``k`` new ones, or a partner could correct
the same few responses again and again to release one genuine newcomer with each round.
Each kind is released on its own, so a quiet week does not hold back the window's totals.

The largest such set is found by dropping, round after round, the new responses of every
bucket with fewer than ``k`` of them, and every change of a bucket with no new response and
fewer than ``k`` changes: what is dropped can be in no valid set, so what remains is the
unique largest one.

Changes that cannot be released yet wait for more; nothing is released with fewer than ``k``
(not even at a day's end: the difference would be that of fewer than ``k`` people). This is the
price of the promise for a very small service: its results start once ``k`` people answered.
"""

from __future__ import annotations

import enum
import uuid
from collections import Counter
from collections.abc import Hashable, Iterable
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
    new: bool = True
    """Never counted before (in any kind): a newcomer, not a correction."""


def releasable(waiting: Iterable[Waiting], kind: Kind, k: int) -> set[Hashable]:
    """The ids of the largest set of changes that can be released together."""
    touched: dict[Hashable, set[tuple[uuid.UUID, date]]] = {}
    new: dict[Hashable, bool] = {}
    for w in waiting:
        touched[w.id] = {p.bucket(kind) for p in (w.counted, w.current) if p is not None}
        new[w.id] = w.new
    while True:
        size: Counter[tuple[uuid.UUID, date]] = Counter()
        newcomers: Counter[tuple[uuid.UUID, date]] = Counter()
        for i, buckets in touched.items():
            size.update(buckets)
            if new[i]:
                newcomers.update(buckets)
        few_new = {b for b, n in newcomers.items() if n < k}
        few = {b for b, n in size.items() if n < k and not newcomers[b]}
        if not few_new and not few:
            return set(touched)
        touched = {i: b for i, b in touched.items() if not b & few and not (new[i] and b & few_new)}
