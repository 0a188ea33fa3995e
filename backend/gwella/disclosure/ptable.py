"""The perturbation table of the cell key method.

Every published count is its true count ``i`` plus a change looked up by ``(i, cell key)``:
the cell key (a number in ``[0, 2**KEY_BITS)``) picks one of the outcomes of row ``i``, each
of which owns a share of the key space equal to its probability. The rows are built once,
from three documented settings:

* ``max_change`` (D): no count moves by more than this;
* ``variance`` (V): the variance of the change for counts away from zero;
* ``empty_share``: how often an empty cell (no records) inside a row that has records is
  shown as if it had a few; so a hidden cell never proves that someone chose it.

Each row ``i >= 1`` is the maximum-entropy distribution on ``[max(0, i - D), i + D]`` with
mean ``i`` (unbiased) and variance ``V`` (less where the row is cut off at zero and cannot
reach it). Rows from ``D + 1`` on are the same pattern shifted, so one row serves them all.
Row 0 keeps ``1 - empty_share`` at zero and spreads the rest over ``1..D``, halving each step.

Probabilities are quantised to whole keys (largest remainders); every outcome keeps at least
one key, so what an observer can deduce from a published value (:meth:`could_be`) is exactly
the interval the table allows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

KEY_BITS = 16
KEYS = 1 << KEY_BITS


def _max_entropy(support: list[int], mean: float, variance: float) -> list[float] | None:
    """The distribution on ``support`` with this mean and variance that has the largest
    entropy: ``p(j) ~ exp(a (j - mean) + b (j - mean)^2)``, found by damped Newton steps on
    ``(a, b)``. ``None`` when it does not converge (the moments cannot be met)."""
    a, b = 0.0, -1.0 / (2 * variance)
    d = [j - mean for j in support]
    for _ in range(500):
        exponents = [a * x + b * x * x for x in d]
        top = max(exponents)
        weights = [math.exp(e - top) for e in exponents]
        total = sum(weights)
        p = [w / total for w in weights]
        m1 = sum(q * x for q, x in zip(p, d, strict=True))
        m2 = sum(q * x * x for q, x in zip(p, d, strict=True))
        m3 = sum(q * x**3 for q, x in zip(p, d, strict=True))
        m4 = sum(q * x**4 for q, x in zip(p, d, strict=True))
        g1, g2 = m1, m2 - variance
        if abs(g1) < 1e-12 and abs(g2) < 1e-12:
            return p
        j11, j12, j22 = m2 - m1 * m1, m3 - m1 * m2, m4 - m2 * m2
        det = j11 * j22 - j12 * j12
        if abs(det) < 1e-18:
            return None
        da = (j22 * g1 - j12 * g2) / det
        db = (j11 * g2 - j12 * g1) / det
        step = 1.0
        while step > 1e-6 and (abs(da * step) > 5 or abs(db * step) > 5):
            step /= 2
        a -= da * step
        b -= db * step
    return None


def _row(i: int, max_change: int, variance: float) -> dict[int, float]:
    support = list(range(max(0, i - max_change), i + max_change + 1))
    # Near zero the row is cut off and may not reach the variance: take the largest that it
    # reaches (bisection), keeping the mean exact.
    wanted = variance
    found = _max_entropy(support, i, wanted)
    if found is None:
        low, high = 0.0, variance
        for _ in range(60):
            middle = (low + high) / 2
            if _max_entropy(support, i, middle) is None:
                high = middle
            else:
                low = middle
        found = _max_entropy(support, i, low)
        assert found is not None
    return dict(zip(support, found, strict=True))


def _quantise(probabilities: dict[int, float]) -> list[tuple[int, int]]:
    """Whole numbers of keys per outcome, summing to KEYS, at least one each."""
    outcomes = sorted(probabilities)
    spare = KEYS - len(outcomes)
    raw = {j: probabilities[j] * spare for j in outcomes}
    keys = {j: 1 + math.floor(raw[j]) for j in outcomes}
    left = KEYS - sum(keys.values())
    for j in sorted(outcomes, key=lambda j: (-(raw[j] - math.floor(raw[j])), j))[:left]:
        keys[j] += 1
    return [(j, keys[j]) for j in outcomes]


@dataclass(frozen=True)
class PerturbationTable:
    max_change: int = 3
    variance: float = 1.0
    empty_share: float = 0.03125

    def __post_init__(self) -> None:
        if self.max_change < 1:
            raise ValueError("max_change must be at least 1")
        if not 0 < self.variance < self.max_change**2:
            raise ValueError("variance must be above 0 and below max_change squared")
        if not 0 <= self.empty_share < 1:
            raise ValueError("empty_share must be in [0, 1)")

    @cached_property
    def rows(self) -> tuple[tuple[tuple[int, int], ...], ...]:
        """Row ``i`` (``0 <= i <= D + 1``): ``(published value, upper end of its keys)``."""
        out = []
        for i in range(self.max_change + 2):
            if i == 0:
                weights = {j: 0.5 ** (j - 1) for j in range(1, self.max_change + 1)}
                total = sum(weights.values())
                probabilities = {0: 1 - self.empty_share}
                probabilities |= {j: self.empty_share * w / total for j, w in weights.items()}
                if self.empty_share == 0:
                    probabilities = {0: 1.0}
            else:
                probabilities = _row(i, self.max_change, self.variance)
            cumulative, row = 0, []
            for j, n in _quantise(probabilities):
                cumulative += n
                row.append((j, cumulative))
            out.append(tuple(row))
        return tuple(out)

    def perturb(self, count: int, key: int) -> int:
        """The published value of a cell of ``count`` records whose cell key is ``key``."""
        if count < 0:
            raise ValueError("counts are never negative")
        key %= KEYS
        last = len(self.rows) - 1
        row = self.rows[min(count, last)]
        shift = max(0, count - last)
        for value, upper in row:
            if key < upper:
                return value + shift
        raise AssertionError("the row covers every key")  # pragma: no cover

    def probabilities(self, count: int) -> dict[int, float]:
        """The quantised distribution of the published value of ``count`` (documentation,
        tests, and the attacker's view)."""
        last = len(self.rows) - 1
        shift = max(0, count - last)
        out, previous = {}, 0
        for value, upper in self.rows[min(count, last)]:
            out[value + shift] = (upper - previous) / KEYS
            previous = upper
        return out

    def could_be(self, published: int, *, empty_possible: bool = True) -> tuple[int, int]:
        """Every true count that can be published as ``published``, as an interval (the
        table's rows are intervals, so this is exact): what an observer who knows this table
        can deduce from one published value. ``empty_possible=False`` for cells that cannot be
        empty when published as non-zero (a row's count of records)."""
        candidates = [
            i
            for i in range(max(0, published - self.max_change), published + self.max_change + 1)
            if published in self.probabilities(i)
        ]
        if not empty_possible and published > 0:
            candidates = [i for i in candidates if i > 0]
        return min(candidates), max(candidates)
