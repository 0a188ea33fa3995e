"""The perturbation table: within its documented bounds, unbiased, with the documented
variance, and what it lets an observer deduce is exactly what the attacker assumes."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gwella.core.config import Settings
from gwella.disclosure.ptable import KEYS, PerturbationTable

TABLE = PerturbationTable()


@given(count=st.integers(0, 10_000), key=st.integers(0, KEYS - 1))
def test_a_published_count_stays_within_the_maximum_change(count: int, key: int) -> None:
    published = TABLE.perturb(count, key)
    assert published >= 0
    assert abs(published - count) <= TABLE.max_change
    if count == 0:
        assert published <= TABLE.max_change


@given(count=st.integers(0, 500), key=st.integers(0, 10 * KEYS))
def test_the_same_records_always_give_the_same_number(count: int, key: int) -> None:
    assert TABLE.perturb(count, key) == TABLE.perturb(count, key % KEYS)


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 10, 100, 9999])
def test_counts_are_unbiased_with_the_documented_variance(count: int) -> None:
    outcomes = TABLE.probabilities(count)
    assert math.isclose(sum(outcomes.values()), 1.0)
    mean = sum(j * p for j, p in outcomes.items())
    variance = sum((j - mean) ** 2 * p for j, p in outcomes.items())
    assert abs(mean - count) < 1e-3  # unbiased (up to whole keys)
    if count > TABLE.max_change:  # away from zero the variance is the setting's
        assert abs(variance - TABLE.variance) < 1e-3
    else:
        assert variance <= TABLE.variance + 1e-3


def test_empty_cells_are_shown_as_a_few_only_at_the_documented_share() -> None:
    moved = sum(p for j, p in TABLE.probabilities(0).items() if j > 0)
    assert abs(moved - TABLE.empty_share) < 1 / KEYS * 4


@settings(max_examples=200)
@given(count=st.integers(0, 60), key=st.integers(0, KEYS - 1))
def test_what_an_observer_deduces_holds_the_truth(count: int, key: int) -> None:
    published = TABLE.perturb(count, key)
    low, high = TABLE.could_be(published, empty_possible=True)
    assert low <= count <= high
    # and it is no wider than the table allows: both ends can publish this value
    assert published in TABLE.probabilities(low)
    assert published in TABLE.probabilities(high)


def test_settings_that_cannot_be_met_are_refused() -> None:
    with pytest.raises(ValueError, match="variance"):
        PerturbationTable(max_change=1, variance=1.0)
    with pytest.raises(ValueError, match="variance"):
        Settings(disclosure_max_change=2, disclosure_variance=4.0)
