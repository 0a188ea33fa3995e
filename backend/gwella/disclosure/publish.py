"""Published results: every count, share, mean, median and interval that leaves Gwella.

The results domain hands over true tallies (count, sum of record keys, and for number
questions the sum and largest size of the values); this module returns what may be shown.

* Percentages, intervals, means and medians of answer options are computed from the published
  counts only, so they tell nothing the counts do not; means and medians are given for a row
  only when none of its counts is held back.
* Shares positive and negative are counts of their own: the respondents of a row are grouped
  into positive, negative and the rest, and that small table is published like any other (its
  cells perturbed by their own cell keys, the minimum cell size, the guard). A share is shown
  when its group's count is; so a month whose "strongly agree" is held back can still have
  its share positive, which is what indicator charts are drawn from.
* The mean of a number question is a magnitude: its sum is moved by a Laplace noise whose
  scale is a share (``magnitude_noise``, 0.1) of the question's range, drawn by a digest of the
  cell key (so again the same records always give the same mean). The noise does not shrink
  with the answers, so that even someone who knows every other answer of the cell narrows a
  person's value down only to a wide spread (for a question from 0 to 100, a few tens of
  values). Questions without a range (no minimum or no maximum) publish no mean: nothing
  bounds one person's part in it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gwella.disclosure.cellkey import empty_cell_key
from gwella.disclosure.ptable import KEY_BITS, PerturbationTable
from gwella.disclosure.tables import TOTAL, Published, Shape, Table, Tally, publish

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Rules:
    """The settings of the disclosure control (see ``docs/disclosure.md``)."""

    ptable: PerturbationTable = field(default_factory=PerturbationTable)
    magnitude_noise: float = 0.1
    """The scale of the Laplace noise on a number question's sum, as a share of the question's
    range (its largest change is about 11 times the scale)."""


@dataclass(frozen=True)
class Measure:
    """A stored cell: its records' count and key sum; for number questions also the sum of
    the values."""

    count: int = 0
    keys: int = 0
    total: float = 0.0

    def __add__(self, other: Measure) -> Measure:
        return Measure(self.count + other.count, self.keys + other.keys, self.total + other.total)

    @property
    def tally(self) -> Tally:
        return Tally(self.count, self.keys)


@dataclass(frozen=True)
class QuestionSpec:
    """What the disclosure layer needs to know of a question."""

    key: str
    type: str
    shape: Shape
    options: tuple[str, ...] = ()
    scale: Mapping[str, float] | None = None
    """Numeric value of each option, for means and medians (Likert and 0-10 ratings)."""
    positive: frozenset[str] = frozenset()
    negative: frozenset[str] = frozenset()
    free: frozenset[str] = frozenset()
    """Options outside the row's ``n`` (don't know, in multiple choice)."""
    magnitude: bool = False
    """A number question: publish the mean of the values."""
    range: float | None = None
    """A number question's maximum less its minimum, when it has both."""
    bound: float | None = None
    """The largest size of a number question's answers (the larger of its minimum's and its
    maximum's), when it has both: a stored sum beyond ``count`` times it is not theirs."""


def wilson(successes: int, n: int) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion."""
    if n <= 0:
        return 0.0, 0.0
    p = min(1.0, successes / n)
    denominator = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denominator
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def sum_noise(keys: int, scale: float) -> float:
    """The change of a cell's sum: Laplace with this scale, by the inverse of its distribution
    at a point drawn from the cell's keys (never at the very ends, so it is bounded by about
    11 scales)."""
    u = (empty_cell_key(keys, "magnitude") + 0.5) / (1 << KEY_BITS) - 0.5
    return math.copysign(-scale * math.log(1 - 2 * abs(u)), u)


def published_mean(
    measure: Measure, value_range: float, rules: Rules, bound: float | None = None
) -> float | None:
    """The noisy mean of a number question's cell, or None (held back) when the stored sum
    cannot be the sum of ``count`` answers within ``bound`` (a sum that overflowed before
    answers were bounded, say), or the mean is not a finite number: never Infinity."""
    total, count = measure.total, measure.count
    if count <= 0 or not math.isfinite(total):
        return None
    if bound is not None and abs(total) > count * bound:
        return None
    noise = sum_noise(measure.keys, rules.magnitude_noise * value_range)
    mean = round((total + noise) / count, 2)
    return mean if math.isfinite(mean) else None


def counts(
    rows: Sequence[Any], n: Mapping[Any, Tally], k: int, rules: Rules, name: str = ""
) -> Published:
    """A table of counts only (responses per service and their total)."""
    return publish(Table(Shape.counts, name, rows, (), n, {}), k, rules.ptable)


def question(
    q: QuestionSpec,
    rows: Sequence[object],
    n: Mapping[object, Measure],
    cells: Mapping[tuple[object, str], Measure],
    k: int,
    rules: Rules,
) -> dict[str, Any]:
    """One question's table for these rows (services) and their total, as published."""
    table = Table(
        q.shape,
        q.key,
        rows,
        q.options,
        {r: n.get(r, Measure()).tally for r in rows},
        {key: m.tally for key, m in cells.items()},
        q.free,
    )
    shown = publish(table, k, rules.ptable)
    groups = shares(q, rows, n, cells, k, rules)
    total_measure = sum((n.get(r, Measure()) for r in rows), Measure())
    return {
        "question_key": q.key,
        "type": q.type,
        "options": list(q.options),
        "units": [_row(q, str(r), r, shown, groups, n.get(r, Measure()), rules) for r in rows],
        "total": _row(q, "total", TOTAL, shown, groups, total_measure, rules),
    }


POSITIVE, NEGATIVE, OTHER = "positive", "negative", "other"


def shares(
    q: QuestionSpec,
    rows: Sequence[object],
    n: Mapping[object, Measure],
    cells: Mapping[tuple[object, str], Measure],
    k: int,
    rules: Rules,
) -> Published | None:
    """The grouped table of a question with positive and negative answers: per row, how many
    answered positively, negatively or otherwise, published like any table."""
    if not q.positive:
        return None
    grouped: dict[tuple[object, str], Tally] = {}
    members: dict[str, list[str]] = {POSITIVE: [], NEGATIVE: [], OTHER: []}
    for option in q.options:
        group = POSITIVE if option in q.positive else NEGATIVE if option in q.negative else OTHER
        members[group].append(option)
    for r in rows:
        for group in (POSITIVE, NEGATIVE, OTHER):
            grouped[(r, group)] = Tally()
        for option in q.options:
            group = (
                POSITIVE if option in q.positive else NEGATIVE if option in q.negative else OTHER
            )
            grouped[(r, group)] = grouped[(r, group)] + cells.get((r, option), Measure()).tally
    # The same name as the question's own table: a group of one answer (yes/no's "negative"
    # is "no") is the same cell, empty or not, and shows the same face.
    table = Table(
        Shape.single,
        q.key,
        rows,
        (POSITIVE, NEGATIVE, OTHER),
        {r: n.get(r, Measure()).tally for r in rows},
        grouped,
        members={group: tuple(options) for group, options in members.items()},
    )
    return publish(table, k, rules.ptable)


def _row(
    q: QuestionSpec,
    label: str,
    row: object,
    shown: Published,
    groups: Published | None,
    measure: Measure,
    rules: Rules,
) -> dict[str, Any]:
    n = shown.n[row]
    complete = shown.row_complete(row, q.options)
    cells = []
    for option in q.options:
        count = shown.cells[(row, option)]
        percent = low = high = None
        if count is not None and n:
            low, high = wilson(count, n)
            percent = round(min(100.0, 100 * count / n), 2)
            low, high = round(100 * low, 2), round(100 * high, 2)
        cells.append(
            {
                "value": option,
                "count": count,
                "suppressed": count is None,
                "percent": percent,
                "ci_low": low,
                "ci_high": high,
            }
        )
    stats: dict[str, Any] = {
        "mean": None,
        "median": None,
        "share_positive": None,
        "share_negative": None,
    }
    if complete and n:
        counted: dict[str, int] = {o: shown.cells[(row, o)] or 0 for o in q.options}
        if q.scale is not None:
            scale = [(q.scale[o], counted[o]) for o in q.options if o in q.scale]
            answered = sum(c for _, c in scale)
            if answered:
                stats["mean"] = round(math.fsum(v * c for v, c in scale) / answered, 3)
                stats["median"] = _median(scale, answered)
    if groups is not None and n and groups.n[row] == n:
        # (The grouped table's n is the same cell as this one's, unless its guard held it back.)
        for group, name in ((POSITIVE, "share_positive"), (NEGATIVE, "share_negative")):
            count = groups.cells[(row, group)]
            if count is not None:
                stats[name] = round(min(100.0, 100 * count / n), 2)
    if q.magnitude and q.range is not None and n and measure.count:
        stats["mean"] = published_mean(measure, q.range, rules, q.bound)
    return {
        "unit": label,
        "n": n,
        "cells": cells,
        **stats,
        "suppressed": n is None or any(c["count"] is None for c in cells),
    }


def _median(scale: list[tuple[float, int]], answered: int) -> float:
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
