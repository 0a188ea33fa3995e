"""Suppression, proved on random tables: no hidden count below the threshold is shown, and
no hidden count can be worked out from the totals and the other cells of the table, by
linear algebra on the published sums or by the bounds a hidden count must lie within."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from gwella.results import suppression
from gwella.results.suppression import TOTAL, N, suppress


def _rank(matrix: list[list[Fraction]]) -> int:
    m = [row[:] for row in matrix]
    rank, cols = 0, len(m[0]) if m else 0
    for col in range(cols):
        pivot = next((r for r in range(rank, len(m)) if m[r][col] != 0), None)
        if pivot is None:
            continue
        m[rank], m[pivot] = m[pivot], m[rank]
        for r in range(len(m)):
            if r != rank and m[r][col] != 0:
                factor = m[r][col] / m[rank][col]
                m[r] = [a - factor * b for a, b in zip(m[r], m[rank], strict=True)]
        rank += 1
    return rank


@st.composite
def tables(draw: st.DrawFn) -> tuple[dict[str, dict[str, int]], dict[str, int], int]:
    k = draw(st.integers(3, 6))
    n_rows = draw(st.integers(1, 4))
    options = [f"o{i}" for i in range(draw(st.integers(2, 5)))]
    grid = {f"s{r}": {o: draw(st.integers(0, 14)) for o in options} for r in range(n_rows)}
    totals = {r: sum(cells.values()) for r, cells in grid.items()}
    return grid, totals, k


@settings(max_examples=400, deadline=None)
@given(tables())
def test_no_small_count_is_shown_and_none_hidden_can_be_recovered(
    table: tuple[dict[str, dict[str, int]], dict[str, int], int],
) -> None:
    grid, totals, k = table
    hidden = suppress(grid, totals, k)
    columns = [*sorted({c for cells in grid.values() for c in cells}), N]
    rows = [*grid, TOTAL]
    value = {(r, c): grid[r].get(c, 0) for r in grid for c in columns[:-1]}
    value |= {(r, N): totals[r] for r in grid}
    value |= {(TOTAL, c): sum(value[(r, c)] for r in grid) for c in columns}

    # 1. Nothing between 1 and k - 1 is published.
    for cell, v in value.items():
        if 0 < v < k:
            assert cell in hidden, (cell, v)

    # 2. The published sums (each row and each column adds up to its total) do not pin any
    #    hidden cell: its unit vector is outside the row space of the constraints on the
    #    hidden cells.
    unknowns = sorted(hidden, key=str)
    if not unknowns:
        return
    index = {cell: i for i, cell in enumerate(unknowns)}
    lines = [[(r, c) for c in columns[:-1]] + [(r, N)] for r in rows]
    lines += [[(r, c) for r in grid] + [(TOTAL, c)] for c in columns]
    equations = []
    for line in lines:
        *parts, total = line
        row = [Fraction(0)] * len(unknowns)
        for cell in parts:
            if cell in index:
                row[index[cell]] += 1
        if total in index:
            row[index[total]] -= 1
        if any(row):
            equations.append(row)
    base = _rank(equations) if equations else 0
    for cell in unknowns:
        if value[cell] == 0:
            continue  # a hidden zero forced by a published zero total tells nothing new
        unit = [Fraction(1 if i == index[cell] else 0) for i in range(len(unknowns))]
        assert _rank([*equations, unit]) > base, f"{cell} can be worked out"

    # 3. Where a line's total is shown, its hidden parts are at least two and, when they are
    #    all small counts (each at least 1), they do not add up to all ones.
    for line in lines:
        *parts, total = line
        secret = [cell for cell in parts if cell in hidden]
        if secret and total not in hidden and value[total] > 0:
            assert len(secret) >= 2
            if all(value[c] > 0 for c in secret):
                assert sum(value[c] for c in secret) > len(secret)


def test_a_table_below_the_threshold_is_hidden_whole() -> None:
    hidden = suppress({"s": {"yes": 2, "no": 1}}, {"s": 3}, 5)
    assert hidden == {
        ("s", "yes"),
        ("s", "no"),
        ("s", N),
        (TOTAL, "yes"),
        (TOTAL, "no"),
        (TOTAL, N),
    }


def test_one_small_cell_takes_the_next_smallest_with_it() -> None:
    hidden = suppress({"s": {"a": 2, "b": 6, "c": 9}}, {"s": 17}, 5)
    assert ("s", "a") in hidden
    assert ("s", "b") in hidden  # otherwise a = 17 - 6 - 9
    assert ("s", "c") not in hidden


def test_nothing_small_means_nothing_hidden() -> None:
    assert suppress({"s": {"a": 0, "b": 6, "c": 9}}, {"s": 15}, 5) == set()


def test_a_remembered_answer_is_the_computed_one_and_cannot_be_spoiled() -> None:
    grid = {"a": {"yes": 2, "no": 9}, "b": {"yes": 7, "no": 8}, "c": {"yes": 6, "no": 0}}
    totals = {row: sum(cells.values()) for row, cells in grid.items()}
    first = suppress(grid, totals, 5)
    assert first == suppression._suppress(grid, totals, 5)
    first.add(("spoiled", "cell"))  # a caller changing its copy
    again = suppress(grid, totals, 5)
    assert ("spoiled", "cell") not in again
    assert again == suppression._suppress(grid, totals, 5)
    # another table, or another minimum cell, is not mistaken for it
    assert suppress(grid, totals, 3) == suppression._suppress(grid, totals, 3)
    other = {**grid, "c": {"yes": 6, "no": 1}}
    other_totals = {row: sum(cells.values()) for row, cells in other.items()}
    assert suppress(other, other_totals, 5) == suppression._suppress(other, other_totals, 5)
