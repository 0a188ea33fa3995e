"""One published table against integer programming: no small count can be pinned.

The audit of the issue that started this layer: hidden cells of a row that shows anything used
to be integers of at least one, and 18 of 400 random tables with k = 5 pinned one exactly.
Here every published table of 400 random ones (single choice, multiple choice and counts, one
to five services and their total) is attacked with everything it shows, by an attacker who
even knows which held-back numbers were held back for being small; none is pinned.

With the default table (changes up to 3) pins are too rare to meet in random tables even
without the guard. The settings can be made weaker, though: with changes of at most 1 and no
empty cells shown as held back (so every hidden cell is at least one, as before), the same
attack pins counts unless the guard hides more; with it, none."""

from __future__ import annotations

import random
from collections.abc import Hashable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gwella.disclosure import tables
from gwella.disclosure.cellkey import cell_key, empty_cell_key
from gwella.disclosure.ptable import PerturbationTable
from gwella.disclosure.tables import TOTAL, Shape, Table, Tally, publish
from tests.disclosure.attacker import Attacker

K = 5


def random_table(rng: random.Random) -> Table:
    shape = rng.choice([Shape.single, Shape.single, Shape.multiple, Shape.counts])
    services = [f"s{i}" for i in range(rng.randint(1, 5))]
    options = [] if shape is Shape.counts else [f"o{j}" for j in range(rng.randint(2, 6))]
    n: dict[object, Tally] = {}
    cells: dict[tuple[object, str], Tally] = {}
    for s in services:
        weights = [rng.random() ** 2 for _ in options]
        records = []
        for _ in range(rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 25])):
            if shape is Shape.single:
                chosen = [rng.choices(options, weights)[0]]
            elif shape is Shape.multiple:
                chosen = [o for o in options if rng.random() < 0.4] or [rng.choice(options)]
            else:
                chosen = []
            records.append((rng.randrange(1 << 16), chosen))
        n[s] = Tally(len(records), sum(key for key, _ in records))
        for o in options:
            keys = [key for key, chosen in records if o in chosen]
            cells[(s, o)] = Tally(len(keys), sum(keys))
    return Table(shape, "q", services, options, n, cells)


def attack(table: Table, ptable: PerturbationTable) -> dict[Hashable, int]:
    """Publish the table, then attack everything it shows; the pinned small counts."""
    shown = publish(table, K, ptable)
    if shown.withheld:  # nothing shown at all
        assert set(shown.n.values()) | set(shown.cells.values()) == {None}
        return {}
    attacker = Attacker(ptable, K)
    truth: dict[Hashable, int] = {}
    units = list(table.rows)
    for s in units:
        truth[("n", s)] = table.n[s].count
        for o in table.columns:
            truth[("x", s, o)] = table.cells[(s, o)].count
    for row in [*units, TOTAL]:
        members = units if row == TOTAL else [row]
        n_tally = sum((table.n[s] for s in members), Tally())
        n_published = ptable.perturb(n_tally.count, cell_key(n_tally.keys)) if n_tally.count else 0
        attacker.sees_count(
            [("n", s) for s in members],
            shown.n[row],
            empty=False,
            small=None if n_published == 0 else 1 <= n_published < K,
        )
        if row not in shown.shown_rows:
            continue
        for o in table.columns:
            tally = sum((table.cells[(s, o)] for s in members), Tally())
            if tally.count:
                published = ptable.perturb(tally.count, cell_key(tally.keys))
            else:
                published = ptable.perturb(0, empty_cell_key(n_tally.keys, table.name, o))
            value = shown.cells[(row, o)]
            attacker.sees_count(
                [("x", s, o) for s in members],
                value,
                empty=True,
                small=None if published == 0 else 1 <= published < K,
                capped=value is not None and value > 0 and value == shown.n[row],
            )
    for s in units:
        parts = {("x", s, o): 1 for o in table.columns}
        if table.shape is Shape.single:
            attacker.constrain({**parts, ("n", s): -1}, 0, 0)
        elif table.shape is Shape.multiple:
            for o in table.columns:
                attacker.constrain({("x", s, o): 1, ("n", s): -1}, -1e9, 0)
            attacker.constrain({**parts, ("n", s): -1}, 0, 1e9)
    return attacker.pinned(truth)


def test_no_small_count_of_a_published_table_is_pinned() -> None:
    rng = random.Random(13)
    ptable = PerturbationTable()
    pinned = [found for _ in range(400) if (found := attack(random_table(rng), ptable))]
    assert pinned == []


def test_the_guard_protects_tables_under_the_weakest_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ptable = PerturbationTable(max_change=1, variance=0.5, empty_share=0.0)
    guarded = [
        found for seed in range(200) if (found := attack(random_table(random.Random(seed)), ptable))
    ]
    assert guarded == []
    monkeypatch.setattr(tables._Guard, "run", lambda self: None)
    unguarded = [
        found for seed in range(200) if (found := attack(random_table(random.Random(seed)), ptable))
    ]
    assert unguarded, "without the guard, integer programming pins small counts"


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_a_cell_shows_the_same_number_in_every_scope_and_every_read(seed: int) -> None:
    """The same records always give the same published number: a service's row is the same
    in a table of that service alone, of its organisation, or of everything, read again and
    again (so nothing can be averaged away or told apart)."""
    ptable = PerturbationTable()
    table = random_table(random.Random(seed))
    whole = publish(table, K, ptable)
    assert publish(table, K, ptable) == whole
    for s in table.rows:
        alone = publish(
            Table(table.shape, table.name, [s], table.columns, table.n, table.cells), K, ptable
        )
        for value in (alone.n[s], alone.n[TOTAL]):
            assert value == whole.n[s] or None in (value, whole.n[s])
        for o in table.columns:
            if alone.cells[(s, o)] is not None and whole.cells[(s, o)] is not None:
                assert alone.cells[(s, o)] == whole.cells[(s, o)]
                assert alone.cells[(TOTAL, o)] == whole.cells[(s, o)]
        # Whatever is shown is never a small number.
        shown = [v for v in [*whole.n.values(), *whole.cells.values()] if v is not None]
        assert all(v == 0 or v >= K for v in shown)


def _one_service_answered(seed: int) -> Table:
    rng = random.Random(seed)
    options = [f"o{j}" for j in range(rng.randint(2, 4))]
    records = [(rng.randrange(1 << 16), rng.choice(options)) for _ in range(rng.randint(3, 14))]
    cells: dict[tuple[object, str], Tally] = {}
    for o in options:
        keys = [key for key, chosen in records if chosen == o]
        cells[("a", o)], cells[("b", o)] = Tally(len(keys), sum(keys)), Tally()
    n: dict[object, Tally] = {"a": Tally(len(records), sum(k for k, _ in records)), "b": Tally()}
    return Table(Shape.single, "q", ["a", "b"], options, n, cells)


def _faces_differ(shown: tables.Published, table: Table) -> bool:
    return shown.n["a"] != shown.n[TOTAL] or any(
        shown.cells[("a", o)] != shown.cells[(TOTAL, o)] for o in table.columns
    )


def test_the_same_records_show_the_same_face_even_where_the_guard_hides_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where only one service of a table has answers, the total is made of the same records:
    a number the guard holds back in one is held back in the other. (Under the weakest
    settings, where the guard acts most; without this, 5 of these 10,000 tables showed a
    number in the total that the service's row held back.)"""
    ptable = PerturbationTable(max_change=1, variance=0.5, empty_share=0.0)
    samples = [_one_service_answered(seed) for seed in range(10_000)]
    assert not any(_faces_differ(publish(t, K, ptable), t) for t in samples)
    monkeypatch.setattr(tables, "_twins", lambda tallies: {})
    assert any(_faces_differ(publish(t, K, ptable), t) for t in samples)


def test_a_share_of_one_answer_shows_the_same_face_as_its_cell() -> None:
    """Yes/no's share negative is the count of "no": held back in one, held back in the
    other, and an empty "no" shown as held back is not given away by a share of 0."""
    from gwella.disclosure.publish import Measure, QuestionSpec, Rules
    from gwella.disclosure.publish import question as publish_question

    spec = QuestionSpec(
        "q", "yes_no", Shape.single, ("yes", "no"), None, frozenset({"yes"}), frozenset({"no"})
    )
    rng = random.Random(9)
    compared = 0
    for _ in range(3000):
        yes = [rng.randrange(1 << 16) for _ in range(rng.randint(5, 12))]
        no = [rng.randrange(1 << 16) for _ in range(rng.choice([0, 0, 1, 2, 6]))]
        cells = {("s", "yes"): Measure(len(yes), sum(yes)), ("s", "no"): Measure(len(no), sum(no))}
        n = {"s": Measure(len(yes) + len(no), sum(yes) + sum(no))}
        row = publish_question(spec, ["s"], n, cells, K, Rules())["units"][0]
        if row["n"] is None:
            continue
        cell = next(c for c in row["cells"] if c["value"] == "no")
        if cell["count"] is None:
            assert row["share_negative"] is None
        else:
            assert row["share_negative"] == cell["percent"]
        compared += 1
    assert compared > 2000
