"""The attacker of the disclosure tests: integer programming over everything a person can
read, with the perturbation table (which is public) as knowledge.

An observation is a published value of a sum of unknown true counts (a cell of one service, or
a total over several services): from it the attacker knows an interval that holds the sum.
The true counts also add up (each respondent answers a single-choice question once, each
service's respondents make its totals). A true count is *pinned* when the smallest and the
largest value it can take, given all of it, are the same: scipy's ``milp`` finds both.

This is written apart from the code it attacks: it reads only the perturbation table's
published probabilities, not how the application decides what to show.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from gwella.disclosure.ptable import PerturbationTable

INF = 10**6


def could_be(ptable: PerturbationTable, shown: int, *, empty: bool) -> tuple[int, int]:
    """Every true count the table can publish as ``shown`` (``empty``: the cell may have no
    records at all)."""
    d = ptable.max_change
    found = [
        i
        for i in range(max(0, shown - d), shown + d + 1)
        if ptable.probabilities(i).get(shown, 0) > 0 and (empty or i > 0 or shown == 0)
    ]
    return min(found), max(found)


@dataclass
class Attacker:
    ptable: PerturbationTable
    k: int
    names: list[Hashable] = field(default_factory=list)
    rows: list[tuple[dict[Hashable, int], float, float]] = field(default_factory=list)

    def _index(self, name: Hashable) -> int:
        if name not in self.names:
            self.names.append(name)
        return self.names.index(name)

    def constrain(self, terms: Mapping[Hashable, int], low: float, high: float) -> None:
        for name in terms:
            self._index(name)
        self.rows.append((dict(terms), low, high))

    def sees_count(
        self,
        terms: Iterable[Hashable],
        shown: int | None,
        *,
        empty: bool,
        small: bool | None = None,
        capped: bool = False,
    ) -> None:
        """A published count of the sum of ``terms``. Hidden (``None``): ``small`` says whether
        it was held back for being below the minimum or only to protect another (the attacker
        is granted knowing which); ``None`` grants nothing more than that it is held back."""
        d = self.ptable.max_change
        if shown is None:
            if small is None:
                low, high = 0, INF
            elif small:
                # An empty cell is shown held back only where the table moves empty cells.
                low = 0 if empty and self.ptable.empty_share > 0 else 1
                high = self.k - 1 + d
            else:
                low, high = max(0, self.k - d), INF
        else:
            low, high = could_be(self.ptable, shown, empty=empty)
            if capped:
                high = INF
        self.constrain(dict.fromkeys(terms, 1), low, high)

    def pinned(self, truth: Mapping[Hashable, int]) -> dict[Hashable, int]:
        """The unknowns whose true value is from 1 to k - 1 and follows from everything seen."""
        names = list(self.names)
        matrix = np.zeros((len(self.rows), len(names)))
        lows, highs = [], []
        for r, (terms, low, high) in enumerate(self.rows):
            for name, coef in terms.items():
                matrix[r, names.index(name)] += coef
            lows.append(low)
            highs.append(high)
        constraints = LinearConstraint(matrix, lows, highs)
        bounds = Bounds(np.zeros(len(names)), np.full(len(names), INF))
        integral = np.ones(len(names))
        out = {}
        for name in names:
            value = truth.get(name, 0)
            if not 1 <= value < self.k:
                continue
            ends = []
            for sign in (1.0, -1.0):
                objective = np.zeros(len(names))
                objective[names.index(name)] = sign
                found = milp(
                    objective, constraints=constraints, bounds=bounds, integrality=integral
                )
                assert found.status == 0, f"the truth must be feasible: {found.message}"
                ends.append(round(found.x[names.index(name)]))
            if ends[0] == ends[1]:
                assert ends[0] == value
                out[name] = value
        return out
