"""The disclosure-control layer: every count, share, mean or median that Gwella publishes is
made here (see ``docs/disclosure.md``).

* :mod:`.ptable` - the perturbation table of the cell key method;
* :mod:`.cellkey` - record keys and cell keys;
* :mod:`.tables` - publishing one table: perturbation, minimum cell size, and a guard against
  working out small counts from the table's own sums;
* :mod:`.publish` - results tables with their shares, intervals, means and medians;
* :mod:`.releases` - when results may move on.

It imports nothing of the domains: they hand it tallies and get back what may be shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from gwella.core.config import Settings, get_settings
from gwella.disclosure.ptable import PerturbationTable
from gwella.disclosure.publish import Rules


@lru_cache(maxsize=8)
def _rules(max_change: int, variance: float, empty_share: float, magnitude: float) -> Rules:
    return Rules(PerturbationTable(max_change, variance, empty_share), magnitude)


_chosen: list[Rules] = []


@contextmanager
def chosen(r: Rules) -> Iterator[Rules]:
    """Use these rules instead of the settings' while in the block (tests)."""
    _chosen.append(r)
    try:
        yield r
    finally:
        _chosen.remove(r)


def rules(settings: Settings | None = None) -> Rules:
    """The rules the settings give (built once per process and setting)."""
    if _chosen:
        return _chosen[-1]
    s = settings or get_settings()
    return _rules(
        s.disclosure_max_change,
        s.disclosure_variance,
        s.disclosure_empty_share,
        s.disclosure_magnitude_noise,
    )
