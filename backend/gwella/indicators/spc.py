"""Statistical process control: XmR charts the NHS "Making Data Count" way.

Pure functions, no I/O. For each segment of a series (a new segment starts at every
recalculation point), the baseline is its first ``baseline_points`` points (or all of them):

* centre line: the mean of the baseline;
* moving ranges |xᵢ - xᵢ₋₁| within the baseline, and their mean MR̄ (optionally screened:
  moving ranges ≥ 3.267·MR̄ are dropped and MR̄ recomputed once);
* process limits: mean ± 2.66·MR̄; the "near limit" band lies beyond mean ± (2/3)·2.66·MR̄.

Special causes, each within its segment, and when several apply to a point the first wins:

1. ``outside_limits`` — a point above the upper or below the lower process limit;
2. ``trend`` — ``run_length`` points (default 7) each strictly higher, or each strictly lower,
   than the one before;
3. ``two_of_three`` — two of three points in a row beyond the near-limit band on the same
   side (variant ``beyond_band``, the default, counts points beyond the process limits too;
   ``within_limits`` counts only points between the band and the limit);
4. ``shift`` — ``run_length`` points in a row on the same side of the mean (a point on the
   mean breaks the run).

Values beyond ±10^15 (stored before measurements were bounded) are drawn and flagged but
left out of the mean, the moving ranges and the limits, with a warning: with them the
arithmetic overflows, and no limit would be worth drawing.

A flagged point is an ``improvement`` or a ``concern`` by the indicator's direction, or
``neutral`` when no direction is better. The variation icon comes from the last point; the
assurance icon, when there is a target, from where the target lies against the limits, and
none while the limits have no spread (a single point): a chart of one month above its target
is not "consistently passing" (it says instead that there is no assurance yet).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from gwella.core.finite import is_bounded

Rule = Literal["outside_limits", "trend", "two_of_three", "shift"]
Nature = Literal["improvement", "concern", "neutral"]
Direction = Literal["higher_is_better", "lower_is_better", "neutral"]
Variation = Literal[
    "common_cause",
    "special_cause_improving_high",
    "special_cause_improving_low",
    "special_cause_concerning_high",
    "special_cause_concerning_low",
    "special_cause_neither_high",
    "special_cause_neither_low",
]
Assurance = Literal["consistently_passing", "consistently_failing", "hit_and_miss"]

SIGMA_LIMIT = 2.66
MR_SCREEN = 3.267
MIN_POINTS = 12
NO_ASSURANCE_YET = "No assurance against the target yet: the process limits need points that vary."
PRECEDENCE: tuple[Rule, ...] = ("outside_limits", "trend", "two_of_three", "shift")
SIDES: tuple[Literal["high", "low"], ...] = ("high", "low")


@dataclass(frozen=True)
class Settings:
    """The documented defaults are the Making Data Count ones."""

    run_length: int = 7
    baseline_points: int | None = None
    """Fix each segment's limits on its first n points; None: use all its points."""
    recalculate_at: tuple[int, ...] = ()
    """Indices where a new segment (with its own limits) starts, e.g. after a change."""
    screen_moving_ranges: bool = False
    two_of_three: Literal["beyond_band", "within_limits"] = "beyond_band"


@dataclass(frozen=True)
class Point:
    index: int
    value: float
    mean: float
    upper_limit: float
    lower_limit: float
    upper_band: float
    lower_band: float
    moving_range: float | None
    rule: Rule | None
    nature: Nature | None
    side: Literal["high", "low"] | None


@dataclass(frozen=True)
class Chart:
    points: list[Point]
    variation: Variation | None
    assurance: Assurance | None
    warnings: list[str] = field(default_factory=list)


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _limits(baseline: Sequence[float], screen: bool) -> tuple[float, float]:
    if not baseline:
        return 0.0, 0.0  # every value of the baseline is beyond charting (warned)
    centre = _mean(baseline)
    ranges = [abs(b - a) for a, b in itertools.pairwise(baseline)]
    if not ranges:
        return centre, 0.0
    mr_bar = _mean(ranges)
    if screen and mr_bar > 0:
        kept = [r for r in ranges if r < MR_SCREEN * mr_bar]
        if kept:
            mr_bar = _mean(kept)
    return centre, mr_bar


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """(start, end exclusive) of each run of True."""
    out, start = [], None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            out.append((start, i))
            start = None
    return out


def _segment_rules(
    values: Sequence[float],
    mean: float,
    ucl: float,
    lcl: float,
    ub: float,
    lb: float,
    settings: Settings,
) -> list[dict[Rule, Literal["high", "low"]]]:
    n = len(values)
    found: list[dict[Rule, Literal["high", "low"]]] = [{} for _ in range(n)]
    for i, x in enumerate(values):
        if x > ucl:
            found[i]["outside_limits"] = "high"
        elif x < lcl:
            found[i]["outside_limits"] = "low"
    k = settings.run_length
    # Trends: k points, each strictly above (below) the one before, i.e. k-1 steps.
    for rising in (True, False):
        steps = [
            (values[i] > values[i - 1]) if rising else (values[i] < values[i - 1])
            for i in range(1, n)
        ]
        for start, end in _runs(steps):
            if end - start >= k - 1:
                for i in range(start, end + 1):
                    found[i].setdefault("trend", "high" if rising else "low")
    # Two of three beyond the near-limit band on the same side.
    for side in ("high", "low"):

        def beyond(x: float, side: str = side) -> bool:
            if side == "high":
                return x > ub and (settings.two_of_three == "beyond_band" or x <= ucl)
            return x < lb and (settings.two_of_three == "beyond_band" or x >= lcl)

        for start in range(0, max(0, n - 2)):
            window = range(start, start + 3)
            hits = [i for i in window if beyond(values[i])]
            if len(hits) >= 2:
                for i in hits:
                    found[i].setdefault("two_of_three", side)
    # Shifts: k points in a row on one side of the mean; a point on the mean breaks it.
    for side in SIDES:
        on_side = [(x > mean) if side == "high" else (x < mean) for x in values]
        for start, end in _runs(on_side):
            if end - start >= k:
                for i in range(start, end):
                    found[i].setdefault("shift", side)
    return found


def _nature(side: Literal["high", "low"], direction: Direction) -> Nature:
    if direction == "neutral":
        return "neutral"
    good_high = direction == "higher_is_better"
    return "improvement" if (side == "high") == good_high else "concern"


def chart(
    values: Sequence[float],
    direction: Direction,
    target: float | None = None,
    settings: Settings | None = None,
) -> Chart:
    """The XmR chart of ``values`` (in time order)."""
    settings = settings or Settings()
    if settings.run_length < 2:
        raise ValueError("run_length must be at least 2")
    if settings.baseline_points is not None and settings.baseline_points < 2:
        raise ValueError("baseline_points must be at least 2")
    if any(not math.isfinite(v) for v in values):
        raise ValueError("values must be finite numbers")
    n = len(values)
    warnings: list[str] = []
    if n < MIN_POINTS:
        warnings.append(
            f"Only {n} points: limits from fewer than {MIN_POINTS} points are unreliable."
        )
    beyond = sum(1 for v in values if not is_bounded(v))
    if beyond:
        warnings.append(
            f"{beyond} of the values lie beyond ±1e15: they are left out of the mean, the "
            "moving ranges and the limits. Correct them by pushing the measurements again."
        )
    cuts = sorted({0, *(i for i in settings.recalculate_at if 0 < i < n)}) if n else []
    points: list[Point] = []
    for seg_no, start in enumerate(cuts):
        end = cuts[seg_no + 1] if seg_no + 1 < len(cuts) else n
        segment = list(values[start:end])
        base = segment[: settings.baseline_points] if settings.baseline_points else segment
        base = [x for x in base if is_bounded(x)]
        mean, mr_bar = _limits(base, settings.screen_moving_ranges)
        width = SIGMA_LIMIT * mr_bar
        ucl, lcl = mean + width, mean - width
        ub, lb = mean + width * 2 / 3, mean - width * 2 / 3
        found = _segment_rules(segment, mean, ucl, lcl, ub, lb, settings)
        for offset, x in enumerate(segment):
            rule = next((r for r in PRECEDENCE if r in found[offset]), None)
            side = found[offset][rule] if rule else None
            points.append(
                Point(
                    index=start + offset,
                    value=x,
                    mean=mean,
                    upper_limit=ucl,
                    lower_limit=lcl,
                    upper_band=ub,
                    lower_band=lb,
                    moving_range=abs(x - segment[offset - 1])
                    if offset and is_bounded(x) and is_bounded(segment[offset - 1])
                    else None,
                    rule=rule,
                    nature=_nature(side, direction) if side else None,
                    side=side,
                )
            )
    variation = variation_at(points[-1]) if points else None
    assurance = assurance_at(points[-1], direction, target) if points else None
    if points and assurance is None and target is not None and direction != "neutral":
        warnings.append(NO_ASSURANCE_YET)
    return Chart(points=points, variation=variation, assurance=assurance, warnings=warnings)


def variation_at(point: Point) -> Variation:
    """The variation icon a chart shows when ``point`` is its last: so a report of a past
    period says what the chart said at the period's last point."""
    if point.rule is None or point.side is None:
        return "common_cause"
    if point.nature == "neutral":
        return f"special_cause_neither_{point.side}"  # type: ignore[return-value]
    kind = "improving" if point.nature == "improvement" else "concerning"
    return f"special_cause_{kind}_{point.side}"  # type: ignore[return-value]


def assurance_at(point: Point, direction: Direction, target: float | None) -> Assurance | None:
    """The assurance icon from where ``target`` lies against the limits ``point`` is judged
    by (those of its segment); None without a target or a better direction."""
    if target is None or direction == "neutral":
        return None
    higher = direction == "higher_is_better"
    ucl, lcl = point.upper_limit, point.lower_limit
    if ucl <= lcl:
        # Limits without spread (one point, or values that never moved) say nothing of how
        # the process varies: a single month above the target is not "consistently passing".
        return None
    if (higher and lcl > target) or (not higher and ucl < target):
        return "consistently_passing"
    if (higher and ucl < target) or (not higher and lcl > target):
        return "consistently_failing"
    return "hit_and_miss"
