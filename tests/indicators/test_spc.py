"""SPC (XmR, Making Data Count): hand-worked series for every rule and its precedence, the
icons, baselines and recalculation; and hypothesis tests of the invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gwella.indicators import spc
from gwella.indicators.spc import Settings, chart

# Baseline: mean 11, MR-bar 2, limits 11 ± 5.32 (5.68, 16.32), near-limit band 11 ± 3.5467.
BASE = [12.0, 10.0] * 6  # ends below the mean, so runs after it start afresh
FIXED = Settings(baseline_points=12)


def rules(values: list[float], **kw: object) -> list[str | None]:
    options = {"baseline_points": 12, **kw}
    return [p.rule for p in chart(values, "higher_is_better", settings=Settings(**options)).points]  # type: ignore[arg-type]


def test_limits_of_the_baseline() -> None:
    c = chart(BASE, "higher_is_better")
    p = c.points[0]
    assert p.mean == pytest.approx(11)
    assert (p.lower_limit, p.upper_limit) == (pytest.approx(5.68), pytest.approx(16.32))
    assert (p.lower_band, p.upper_band) == (
        pytest.approx(11 - 3.546667, abs=1e-5),
        pytest.approx(11 + 3.546667, abs=1e-5),
    )
    assert c.points[0].moving_range is None
    assert c.points[1].moving_range == 2
    assert all(x.rule is None for x in c.points)
    assert c.variation == "common_cause"
    assert c.warnings == []


def test_a_point_outside_the_limits() -> None:
    c = chart([*BASE, 20.0], "higher_is_better", settings=FIXED)
    last = c.points[-1]
    assert (last.rule, last.side, last.nature) == ("outside_limits", "high", "improvement")
    assert c.variation == "special_cause_improving_high"
    low = chart([*BASE, 2.0], "higher_is_better", settings=FIXED)
    assert low.points[-1].nature == "concern"
    assert low.variation == "special_cause_concerning_low"


def test_a_shift_of_seven_points_on_one_side() -> None:
    assert rules([*BASE, *[11.5] * 7])[12:] == ["shift"] * 7
    assert rules([*BASE, *[11.5] * 6])[12:] == [None] * 6
    # A point on the mean breaks the run.
    assert rules([*BASE, *[11.5] * 3, 11.0, *[11.5] * 3])[12:] == [None] * 7


def test_a_trend_of_seven_points() -> None:
    rising = [8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0]
    assert rules([*BASE, *rising])[12:] == ["trend"] * 7
    assert rules([*BASE, *rising[:6]])[12:] == [None] * 6
    # Equal neighbours are not "strictly higher".
    assert rules([*BASE, 8.0, 9.0, 10.0, 10.0, 12.0, 13.0, 14.0])[12:] == [None] * 7
    falling = chart([*BASE, *reversed(rising)], "higher_is_better", settings=FIXED)
    assert [p.nature for p in falling.points[12:]] == ["concern"] * 7


def test_two_of_three_beyond_the_near_limit_band() -> None:
    assert rules([*BASE, 15.0, 11.0, 15.0])[12:] == ["two_of_three", None, "two_of_three"]
    assert rules([*BASE, 15.0, 11.0, 11.0, 15.0])[12:] == [None] * 4
    # A point beyond the limit is outside_limits first, and still counts for its neighbour...
    assert rules([*BASE, 15.0, 17.0, 11.0])[12:] == ["two_of_three", "outside_limits", None]
    # ...unless the variant counts only points between the band and the limit.
    assert rules([*BASE, 15.0, 17.0, 11.0], two_of_three="within_limits")[12:] == [
        None,
        "outside_limits",
        None,
    ]


def test_precedence_outside_limits_then_trend_then_two_of_three_then_shift() -> None:
    # Seven rising points above the mean: shift and trend both apply; trend wins, and the
    # last two, beyond the band, are two_of_three too but trend still wins; the final one
    # is above the limit: outside_limits wins.
    series = [*BASE, 11.5, 12.0, 12.5, 13.0, 15.0, 15.5, 17.0]
    assert rules(series)[12:] == ["trend"] * 6 + ["outside_limits"]
    # Three high points beyond the band inside a shift: two_of_three beats shift.
    assert rules([*BASE, 11.5, 11.5, 15.0, 15.0, 11.5, 11.5, 11.5])[12:] == [
        "shift",
        "shift",
        "two_of_three",
        "two_of_three",
        "shift",
        "shift",
        "shift",
    ]


def test_direction_decides_improvement_or_concern() -> None:
    series = [*BASE, 20.0]
    assert chart(series, "lower_is_better", settings=FIXED).points[-1].nature == "concern"
    neutral = chart(series, "neutral", settings=FIXED)
    assert neutral.points[-1].nature == "neutral"
    assert neutral.variation == "special_cause_neither_high"


@pytest.mark.parametrize(
    ("direction", "target", "expected"),
    [
        ("higher_is_better", 4.0, "consistently_passing"),
        ("higher_is_better", 20.0, "consistently_failing"),
        ("higher_is_better", 11.0, "hit_and_miss"),
        ("lower_is_better", 20.0, "consistently_passing"),
        ("lower_is_better", 4.0, "consistently_failing"),
        ("neutral", 4.0, None),
    ],
)
def test_assurance_from_the_target_against_the_limits(
    direction: str, target: float, expected: str | None
) -> None:
    assert chart(BASE, direction, target=target).assurance == expected  # type: ignore[arg-type]
    assert chart(BASE, "higher_is_better").assurance is None


def test_recalculation_at_a_change() -> None:
    after = [30.0, 32.0] * 6
    flat = chart([*BASE, *after], "higher_is_better", settings=FIXED)
    assert all(p.rule == "outside_limits" for p in flat.points[12:])
    split = chart([*BASE, *after], "higher_is_better", settings=Settings(recalculate_at=(12,)))
    assert all(p.rule is None for p in split.points)
    assert split.points[12].mean == pytest.approx(31)
    assert split.points[12].moving_range is None  # no moving range across a recalculation


def test_moving_range_screening_drops_outlying_ranges() -> None:
    series = [10.0, 11.0] * 6 + [40.0]
    plain = chart(series, "higher_is_better").points[0]
    screened = chart(
        series, "higher_is_better", settings=Settings(screen_moving_ranges=True)
    ).points[0]
    assert screened.upper_limit - screened.mean < plain.upper_limit - plain.mean
    assert screened.upper_limit - screened.mean == pytest.approx(2.66 * 1.0)


def test_few_points_give_a_warning() -> None:
    assert chart([1.0, 2.0, 3.0], "higher_is_better").warnings
    assert chart([], "higher_is_better").variation is None


def test_bad_settings_and_values_are_refused() -> None:
    with pytest.raises(ValueError, match="finite"):
        chart([1.0, float("nan")], "higher_is_better")
    with pytest.raises(ValueError, match="run_length"):
        chart([1.0], "higher_is_better", settings=Settings(run_length=1))


series = st.lists(st.integers(-1000, 1000).map(float), min_size=0, max_size=40)


@settings(max_examples=200, deadline=None)
@given(series)
def test_limits_are_symmetric_and_the_band_lies_inside(values: list[float]) -> None:
    for p in chart(values, "higher_is_better").points:
        assert p.upper_limit - p.mean == pytest.approx(p.mean - p.lower_limit)
        assert p.lower_limit <= p.lower_band <= p.mean <= p.upper_band <= p.upper_limit


@settings(max_examples=200, deadline=None)
@given(series)
def test_mirroring_the_series_swaps_the_sides_and_keeps_the_rules(values: list[float]) -> None:
    up = chart(values, "higher_is_better").points
    down = chart([-v for v in values], "higher_is_better").points
    assert [p.rule for p in up] == [p.rule for p in down]
    swap = {"high": "low", "low": "high", None: None}
    assert [swap[p.side] for p in up] == [p.side for p in down]
    flip = {"improvement": "concern", "concern": "improvement", None: None}
    assert [flip[p.nature] for p in up] == [p.nature for p in down]


@settings(max_examples=200, deadline=None)
@given(series)
def test_doubling_the_series_scales_the_limits_and_keeps_the_rules(values: list[float]) -> None:
    one = chart(values, "lower_is_better").points
    two = chart([2 * v for v in values], "lower_is_better").points
    assert [p.rule for p in one] == [p.rule for p in two]
    assert [2 * p.upper_limit for p in one] == [p.upper_limit for p in two]


@settings(max_examples=100, deadline=None)
@given(st.integers(-50, 50).map(float), st.integers(1, 40))
def test_a_constant_series_has_no_special_cause(value: float, n: int) -> None:
    c = chart([value] * n, "higher_is_better")
    assert all(p.rule is None for p in c.points)
    assert c.variation == "common_cause"


@settings(max_examples=200, deadline=None)
@given(series, st.sampled_from(["higher_is_better", "lower_is_better", "neutral"]))
def test_flags_have_a_side_and_a_nature_and_nothing_else_does(
    values: list[float], direction: str
) -> None:
    for p in chart(values, direction).points:  # type: ignore[arg-type]
        assert (p.rule is None) == (p.side is None) == (p.nature is None)
        if direction == "neutral" and p.nature is not None:
            assert p.nature == "neutral"


@pytest.mark.parametrize("values", [[80.0], [80.0, 80.0, 80.0]])
def test_limits_without_spread_give_no_assurance_and_say_so(values: list[float]) -> None:
    """One point above the target (a partial month) was called "consistently passing"."""
    result = chart(values, "higher_is_better", target=60.0)
    assert result.assurance is None
    assert spc.NO_ASSURANCE_YET in result.warnings
    assert chart(values, "higher_is_better").warnings.count(spc.NO_ASSURANCE_YET) == 0
    # One more point that moves gives limits, and an assurance again.
    assert chart([*values, 90.0], "higher_is_better", target=60.0).assurance is not None
