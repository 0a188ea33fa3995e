"""Small-number suppression for results tables, with secondary suppression.

A table is a grid: rows are units (services), columns are answer options, with each row's
total (``n``), each column's total (the summed row ``TOTAL``) and the grand total. Primary
suppression hides every cell with 0 < count < k (and whole rows whose total is between 1 and k - 1).
Secondary suppression then hides more cells until, in every line (a row with its total, a
column with its total), either nothing is hidden or at least two cells are, and the hidden
cells of the line do not add up to a value that would pin each of them (all ones, or all
k - 1, or all zero). Finally an exact audit solves the published sums for the hidden cells
and, while any non-zero hidden count follows from them taken together, hides one more cell
beside it. Zero cells are shown as 0, except inside a hidden row.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from functools import lru_cache

TOTAL = "__total__"
N = "__n__"


def suppress(
    grid: Mapping[object, Mapping[object, int]], totals: Mapping[object, int], k: int
) -> set[tuple[object, object]]:
    """The (row, column) cells to hide. Columns include ``N`` (each row's total) and rows
    include ``TOTAL`` (the column totals); both are part of the published table.

    The answer depends on nothing but the table, so it is remembered: a dashboard read by
    many people, or month after unchanged month, costs the exact audit once per table."""
    key = (k, tuple((r, tuple(cells.items()), totals[r]) for r, cells in grid.items()))
    return set(_remembered(key))


@lru_cache(maxsize=16384)
def _remembered(
    key: tuple[int, tuple[tuple[object, tuple[tuple[object, int], ...], int], ...]],
) -> frozenset[tuple[object, object]]:
    k, table = key
    grid = {r: dict(cells) for r, cells, _ in table}
    totals = {r: n for r, _, n in table}
    return frozenset(_suppress(grid, totals, k))


def _suppress(
    grid: Mapping[object, Mapping[object, int]], totals: Mapping[object, int], k: int
) -> set[tuple[object, object]]:
    rows: list[object] = [*grid, TOTAL]
    columns: list[object] = [*sorted({c for r in grid.values() for c in r}, key=str), N]
    value: dict[tuple[object, object], int] = {}
    for r, cells in grid.items():
        for c in columns[:-1]:
            value[(r, c)] = cells.get(c, 0)
        value[(r, N)] = totals[r]
    for c in columns:
        value[(TOTAL, c)] = sum(value[(r, c)] for r in grid)
    hidden = {cell for cell, v in value.items() if 0 < v < k}
    for r in rows:
        if 0 < value[(r, N)] < k:
            hidden |= {(r, c) for c in columns}
    lines = [[(r, c) for c in columns] for r in rows] + [[(r, c) for r in rows] for c in columns]
    while True:
        _protect_lines(lines, value, hidden, k)
        exposed = [cell for cell in _determined(lines, hidden) if value[cell] > 0]
        if not exposed:
            return hidden
        # A hidden count follows from the published sums taken together: hide one more cell
        # of a line it is in (the smallest shown, non-zero) and check again.
        target = exposed[0]
        candidates = sorted(
            (
                cell
                for line in lines
                if target in line
                for cell in line
                if cell not in hidden and value[cell] > 0
            ),
            key=lambda cell: (value[cell], str(cell)),
        )
        if not candidates:  # its own lines are all hidden or zero: widen to its neighbours'
            candidates = sorted(
                (
                    cell
                    for line in lines
                    if any(c in hidden for c in line)
                    for cell in line
                    if cell not in hidden and value[cell] > 0
                ),
                key=lambda cell: (value[cell], str(cell)),
            )
        if not candidates:
            return hidden
        hidden.add(candidates[0])


def _protect_lines(
    lines: list[list[tuple[object, object]]],
    value: dict[tuple[object, object], int],
    hidden: set[tuple[object, object]],
    k: int,
) -> None:
    changed = True
    while changed:
        changed = False
        for line in lines:
            shown_nonzero = sorted(
                (cell for cell in line if cell not in hidden and value[cell] > 0),
                key=lambda cell: (value[cell], str(cell)),
            )
            secret = [cell for cell in line if cell in hidden]
            if not secret or not shown_nonzero:
                continue
            total = sum(value[cell] for cell in secret)
            pinned = (
                len(secret) == 1
                or total in (0, len(secret))
                or (all(value[cell] < k for cell in secret) and total == len(secret) * (k - 1))
            )
            if pinned:
                hidden.add(shown_nonzero[0])
                changed = True


def _determined(
    lines: list[list[tuple[object, object]]], hidden: set[tuple[object, object]]
) -> list[tuple[object, object]]:
    """Hidden cells whose value follows from the published sums: each line says its parts
    add up to its last cell. Exact Gauss-Jordan elimination over the hidden cells; a cell is
    determined when its pivot row has no other non-zero entry."""
    unknowns = sorted(hidden, key=str)
    index = {cell: i for i, cell in enumerate(unknowns)}
    rows: list[list[Fraction]] = []
    for line in lines:
        *parts, total = line
        row = [Fraction(0)] * len(unknowns)
        for cell in parts:
            if cell in index:
                row[index[cell]] += 1
        if total in index:
            row[index[total]] -= 1
        if any(row):
            rows.append(row)
    pivots: list[tuple[int, int]] = []
    rank = 0
    for col in range(len(unknowns)):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead = rows[rank][col]
        rows[rank] = [x / lead for x in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        pivots.append((rank, col))
        rank += 1
    return [
        unknowns[col] for r, col in pivots if all(x == 0 for j, x in enumerate(rows[r]) if j != col)
    ]
