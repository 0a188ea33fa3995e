"""Publishing one table: perturbation, the minimum cell size, and the guard.

A table has rows (the units of a scope: services) and a total row, each with its number of
respondents ``n`` and, for questions with options, one cell per option. Every number of it is
published as follows:

1. **Perturbation.** Each cell (and each ``n``) is its true count moved by the perturbation
   table, by its cell key (:mod:`gwella.disclosure.cellkey`). The total row is perturbed from
   its own records, independently of the rows it adds up, so tables do not add up exactly and
   differences between them are noisy.
2. **Minimum cell size, after perturbation.** A row whose published ``n`` is below ``k`` shows
   only that (``0``, or hidden) and none of its cells. In the other rows a published value
   from 1 to ``k - 1`` is hidden; a value above the row's ``n`` is shown as ``n``.
3. **The guard.** An observer who knows the perturbation table knows, from each shown value, an
   interval that holds the true count; from each hidden one, a wider interval; and that the
   true counts add up along every row and column. The guard proves, for every cell whose true
   count is from 1 to ``k - 1``, that these facts taken together leave it at least two
   possible values, by constructing a second table that fits everything shown and differs in
   that cell. Where it cannot, it hides one more shown number of the cell's lines (the
   smallest) and tries again. It assumes the observer even knows which hidden numbers were
   hidden for being small and which only to protect others.

The guard's observer is stronger than anything the API shows; ``tests/disclosure`` attacks the
results with integer programming (scipy's ``milp``) and finds no small count pinned.
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gwella.disclosure.cellkey import cell_key, empty_cell_key
from gwella.disclosure.ptable import PerturbationTable

TOTAL = "__total__"
"""The id of the total row."""
UNBOUNDED = 1 << 40


class Shape(enum.StrEnum):
    single = "single"
    """Each respondent is in exactly one cell of their row: cells add up to ``n``."""
    multiple = "multiple"
    """Each respondent may be in several cells (multiple choice): each cell is at most ``n``,
    and together they are at least ``n``. Cells in ``free_columns`` (don't know) stand apart."""
    counts = "counts"
    """No cells: only each row's ``n`` (responses, number questions)."""


@dataclass(frozen=True)
class Tally:
    """A cell as stored: how many records, and the sum of their record keys."""

    count: int = 0
    keys: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.count + other.count, self.keys + other.keys)


@dataclass
class Table:
    shape: Shape
    name: str
    """Tells the table's empty cells apart from another table's (the question key)."""
    rows: Sequence[Any]
    columns: Sequence[str] = ()
    n: Mapping[Any, Tally] = field(default_factory=dict)
    cells: Mapping[tuple[Any, str], Tally] = field(default_factory=dict)
    free_columns: frozenset[str] = frozenset()
    members: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """For a table of groups of answers: the answers of each column (so that an empty cell
    gets the same stand-in key as the cell of the same answers in another table)."""


@dataclass
class Published:
    """What may be shown: ``None`` means hidden."""

    n: dict[object, int | None]
    cells: dict[tuple[object, str], int | None]
    shown_rows: set[object]
    """Rows whose cells are shown (their published ``n`` reached the minimum)."""
    withheld: bool = False
    """The guard could not protect a count by hiding more of its lines: nothing is shown."""

    def row_complete(self, row: object, columns: Iterable[str]) -> bool:
        """Everything of the row is shown (so statistics may be derived from it)."""
        return (
            row in self.shown_rows
            and self.n[row] is not None
            and all(self.cells[(row, c)] is not None for c in columns)
        )


Var = tuple[str, object, str]
"""('n', row, '') or ('x', row, column)."""


def publish(table: Table, k: int, ptable: PerturbationTable) -> Published:
    rows = [*table.rows, TOTAL]
    n = dict(table.n)
    n[TOTAL] = sum((table.n.get(r, Tally()) for r in table.rows), Tally())
    cells = dict(table.cells)
    for c in table.columns:
        cells[(TOTAL, c)] = sum((table.cells.get((r, c), Tally()) for r in table.rows), Tally())
    true: dict[Var, int] = {}
    perturbed: dict[Var, int] = {}
    tallies: dict[Var, Tally] = {}
    for r in rows:
        t = n.get(r, Tally())
        tallies[("n", r, "")] = t
        true[("n", r, "")] = t.count
        perturbed[("n", r, "")] = ptable.perturb(t.count, cell_key(t.keys)) if t.count else 0
        for c in table.columns:
            x = cells.get((r, c), Tally())
            tallies[("x", r, c)] = x
            true[("x", r, c)] = x.count
            if x.count:
                key = cell_key(x.keys)
            elif t.count:
                key = empty_cell_key(
                    t.keys, table.name, "|".join(sorted(table.members.get(c, (c,))))
                )
            else:
                perturbed[("x", r, c)] = 0
                continue
            perturbed[("x", r, c)] = ptable.perturb(x.count, key)
    guard = _Guard(table, rows, true, perturbed, k, ptable)
    guard.twins = _twins(tallies)
    guard.run()
    return guard.published()


class _Guard:
    def __init__(
        self,
        table: Table,
        rows: list[object],
        true: dict[Var, int],
        perturbed: dict[Var, int],
        k: int,
        ptable: PerturbationTable,
    ) -> None:
        self.table, self.rows, self.true, self.p, self.k, self.ptable = (
            table,
            rows,
            true,
            perturbed,
            k,
            ptable,
        )
        self.columns = list(table.columns)
        self.secondary: set[Var] = set()
        self.withheld = False
        self.twins: dict[Var, set[Var]] = {}
        d = ptable.max_change
        # A held-back cell may be empty only where the table shows some empty cells held back.
        self.hidden_cell = (0 if ptable.empty_share > 0 else 1, k - 1 + d)
        self.hidden_n = (1, k - 1 + d)
        self.secondary_bounds = (max(0, k - d), UNBOUNDED)

    # ------------------------------------------------------------------ what is shown

    def _row_shown(self, r: object) -> bool:
        return self.p[("n", r, "")] >= self.k

    def display(self, v: Var) -> int | None:
        kind, r, _ = v
        if v in self.secondary:
            return None
        value = self.p[v]
        if kind == "n":
            return value if value == 0 or value >= self.k else None
        if not self._row_shown(r):
            return 0 if self.p[("n", r, "")] == 0 else None
        if 0 < value < self.k:
            return None
        n_var: Var = ("n", r, "")
        if n_var in self.secondary:
            return value
        return min(value, self.p[n_var])

    def published(self) -> Published:
        if self.withheld:
            return Published(
                n=dict.fromkeys(self.rows),
                cells={(r, c): None for r in self.rows for c in self.columns},
                shown_rows=set(),
                withheld=True,
            )
        return Published(
            n={r: self.display(("n", r, "")) for r in self.rows},
            cells={(r, c): self.display(("x", r, c)) for r in self.rows for c in self.columns},
            shown_rows={r for r in self.rows if self._row_shown(r)},
        )

    # ------------------------------------------------------- what an observer deduces

    def bounds(self, v: Var) -> tuple[int, int]:
        kind, r, _ = v
        if v in self.secondary:
            return self.secondary_bounds
        shown = self.display(v)
        if kind == "n":
            if shown is None:
                return self.hidden_n
            return self.ptable.could_be(shown, empty_possible=False)
        if not self._row_shown(r):
            return 0, UNBOUNDED
        if shown is None:
            return self.hidden_cell
        low, high = self.ptable.could_be(shown)
        n_var: Var = ("n", r, "")
        if n_var not in self.secondary and shown == self.display(n_var) and shown > 0:
            high = UNBOUNDED  # perhaps cut down to n: anything above is possible
        return low, high

    # ---------------------------------------------------------------- certificates

    def _targets(self) -> list[Var]:
        return sorted(
            (v for v, count in self.true.items() if 1 <= count < self.k),
            key=lambda v: (v[0], str(v[1]), v[2]),
        )

    def run(self) -> None:
        for target in self._targets():
            while not self._free(target):
                if not self._hide_one_more(target):
                    # Nothing left to hide on its lines: the whole table is withheld.
                    self.withheld = True
                    return

    def _free(self, target: Var) -> bool:
        if self.table.shape is Shape.multiple:
            return self._free_by_moves(target)
        return self._free_by_cycle(target)

    def _lines_of(self, target: Var) -> set[Var]:
        kind, r, c = target
        out: set[Var] = set()
        if kind == "n":
            out |= {("n", row, "") for row in self.rows}
            out |= {("x", r, col) for col in self.columns}
        else:
            out |= {("x", r, col) for col in self.columns} | {("n", r, "")}
            out |= {("x", row, c) for row in self.rows}
        if r == TOTAL or kind == "n":
            out |= {("x", TOTAL, col) for col in self.columns} | {("n", TOTAL, "")}
        out.discard(target)
        return out

    def _hide_one_more(self, target: Var) -> bool:
        candidates = sorted(
            (v for v in self._lines_of(target) if (self.display(v) or 0) > 0),
            key=lambda v: (self.display(v) or 0, v[0], str(v[1]), v[2]),
        )
        if not candidates:
            return False
        for v in candidates:
            added = self._hide(v)
            if self._free(target):
                return True
            self.secondary -= added
        self._hide(candidates[0])
        return True

    def _hide(self, v: Var) -> set[Var]:
        """Hold back ``v`` and every cell of the table with the same records (a total whose
        other rows are empty is its one row): the same records never show two faces."""
        added = {v, *self.twins.get(v, ())} - self.secondary
        self.secondary |= added
        return added

    # A single-choice table (or a table of counts) is a circulation: hub -> row (n), row ->
    # column (cell), column -> total, total -> hub (grand n). A cell's count can differ in
    # another table that fits all the bounds exactly when some cycle of the residual graph
    # runs through it (the constraint matrix is a network matrix, so this is exact).

    def _arcs(self) -> list[tuple[Var, object, object]]:
        arcs: list[tuple[Var, object, object]] = []
        total_node = "total"
        for r in self.table.rows:
            if self.table.shape is Shape.counts:
                arcs.append((("n", r, ""), "hub", total_node))
            else:
                arcs.append((("n", r, ""), "hub", ("row", r)))
                arcs += [(("x", r, c), ("row", r), ("col", c)) for c in self.columns]
        arcs += [(("x", TOTAL, c), ("col", c), total_node) for c in self.columns]
        arcs.append((("n", TOTAL, ""), total_node, "hub"))
        return arcs

    def _free_by_cycle(self, target: Var) -> bool:
        arcs = self._arcs()
        residual: dict[object, list[tuple[object, Var]]] = {}
        head_tail: dict[Var, tuple[object, object]] = {}
        for v, tail, head in arcs:
            head_tail[v] = (tail, head)
            if v == target:
                continue
            low, high = self.bounds(v)
            flow = self.true[v]
            if flow < high:
                residual.setdefault(tail, []).append((head, v))
            if flow > low:
                residual.setdefault(head, []).append((tail, v))
        tail, head = head_tail[target]
        low, high = self.bounds(target)
        flow = self.true[target]
        return (flow < high and _reaches(residual, head, tail)) or (
            flow > low and _reaches(residual, tail, head)
        )

    # Multiple choice is not a network (each cell is at most its row's n): look for a small
    # change of the true table that keeps every fact shown; none found counts as pinned.

    def _valid(self, change: dict[Var, int]) -> bool:
        value = {v: self.true[v] + change.get(v, 0) for v in self.true}
        for v in change:
            low, high = self.bounds(v)
            if not low <= value[v] <= high:
                return False
        touched_rows = {v[1] for v in change}
        touched_cols = {v[2] for v in change if v[0] == "x"}
        chosen = [c for c in self.columns if c not in self.table.free_columns]
        for r in touched_rows | {TOTAL}:
            n = value[("n", r, "")]
            if any(value[("x", r, c)] > n for c in chosen):
                return False
            if chosen and sum(value[("x", r, c)] for c in chosen) < n:
                return False
        for c in touched_cols:
            if sum(value[("x", r, c)] for r in self.table.rows) != value[("x", TOTAL, c)]:
                return False
        return sum(value[("n", r, "")] for r in self.table.rows) == value[("n", TOTAL, "")]

    def _moves(self, target: Var) -> Iterable[dict[Var, int]]:
        kind, r, c = target
        others = [row for row in self.table.rows if row != r]
        for d in (1, -1):
            if kind == "x" and r != TOTAL:
                yield {target: d, ("x", TOTAL, c): d}
                yield {target: d, ("x", TOTAL, c): d, ("n", r, ""): d, ("n", TOTAL, ""): d}
                for o in others:
                    yield {target: d, ("x", o, c): -d}
                    yield {target: d, ("x", o, c): -d, ("n", r, ""): d, ("n", o, ""): -d}
            elif kind == "x":
                for o in self.table.rows:
                    yield {target: d, ("x", o, c): d}
                    yield {target: d, ("x", o, c): d, ("n", o, ""): d, ("n", TOTAL, ""): d}
            elif r != TOTAL:
                yield {target: d, ("n", TOTAL, ""): d}
                for o in others:
                    yield {target: d, ("n", o, ""): -d}
                for col in self.columns:
                    yield {target: d, ("n", TOTAL, ""): d, ("x", r, col): d, ("x", TOTAL, col): d}
                    for o in others:
                        yield {
                            target: d,
                            ("n", o, ""): -d,
                            ("x", r, col): d,
                            ("x", o, col): -d,
                        }
            else:
                for o in self.table.rows:
                    yield {target: d, ("n", o, ""): d}
                    for col in self.columns:
                        yield {
                            target: d,
                            ("n", o, ""): d,
                            ("x", o, col): d,
                            ("x", TOTAL, col): d,
                        }

    def _free_by_moves(self, target: Var) -> bool:
        return any(self._valid(change) for change in self._moves(target))


def _twins(tallies: dict[Var, Tally]) -> dict[Var, set[Var]]:
    """Cells of the same kind with the same records (the same count and key sum)."""
    groups: dict[tuple[str, str, Tally], set[Var]] = {}
    for v, tally in tallies.items():
        if tally.count:
            groups.setdefault((v[0], v[2], tally), set()).add(v)
    return {v: group - {v} for group in groups.values() for v in group if len(group) > 1}


def _reaches(graph: Mapping[object, list[tuple[object, Var]]], start: object, goal: object) -> bool:
    seen = {start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            return True
        for nxt, _ in graph.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return False
