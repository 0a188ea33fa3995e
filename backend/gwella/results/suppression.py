"""Small-number suppression for results tables, with secondary suppression.

A table is a grid: rows are units (services), columns are answer options, with each row's
total (``n``), each column's total (the summed row ``TOTAL``) and the grand total. Primary
suppression hides every cell with 0 < count < k (and whole rows whose total is between 1 and k - 1).
Secondary suppression then hides more cells until, in every line (a row with its total, a
column with its total), either nothing is hidden or at least two cells are, and the hidden
cells of the line do not add up to a value that would pin each of them (all ones, or all
k - 1). Zero cells are shown as 0: nobody can be identified by nobody.
"""

from __future__ import annotations

from collections.abc import Mapping

TOTAL = "__total__"
N = "__n__"


def suppress(
    grid: Mapping[object, Mapping[object, int]], totals: Mapping[object, int], k: int
) -> set[tuple[object, object]]:
    """The (row, column) cells to hide. Columns include ``N`` (each row's total) and rows
    include ``TOTAL`` (the column totals); both are part of the published table."""
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
                or total == len(secret)
                or (all(value[cell] < k for cell in secret) and total == len(secret) * (k - 1))
            )
            if pinned:
                hidden.add(shown_nonzero[0])
                changed = True
    return hidden
