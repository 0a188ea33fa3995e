"""Result deltas stay exact when ingestion counts a batch at once (issue 18, ingestion that
stays flat): answers counted once per (service, day) and added up per period, several kinds of
period counted together, and the answer rows written by COPY with the same JSON as before.

The reference here is the plainest reading of what a cell holds: for each response, each
kind of period and each answer, one to the cell of that service, period and value."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gwella.core.bulk import _json_text
from gwella.core.finite import is_bounded
from gwella.disclosure.releases import KINDS, PERIOD_NAMES, Kind, period_start
from gwella.instruments.content import InstrumentContent, QuestionType
from gwella.responses.service import new_ids
from gwella.results import aggregate
from gwella.results.aggregate import RESPONSES, Counted, N
from tests.surveys import CONTENT

VERSION = InstrumentContent.model_validate(CONTENT)
CAMPAIGN = uuid.UUID(int=1)
SERVICES = [uuid.UUID(int=2), uuid.UUID(int=3)]
TYPES = {q.key: q.type for q in VERSION.questions}


def reference(responses: list[Counted], sign: int, kinds: Kind) -> dict[aggregate.Key, list[float]]:
    out: dict[aggregate.Key, list[float]] = {}

    def one(key: aggregate.Key, amount: float, record: int) -> None:
        cell = out.setdefault(key, [0, 0.0, 0.0])
        cell[0] += sign
        cell[1] += sign * amount
        cell[2] += sign * record

    for r in responses:
        for kind in KINDS:
            if not kind & kinds:
                continue
            at = (CAMPAIGN, r.service_id)
            period = (PERIOD_NAMES[kind], period_start(kind, r.day))
            one((*at, RESPONSES, *period, N), 0.0, r.record_key)
            for question, value in r.answers.items():
                kind_of = TYPES.get(question)
                if kind_of is None or value is None:
                    continue
                if kind_of is QuestionType.multiple_choice and isinstance(value, list):
                    for option in value:
                        one((*at, question, *period, str(option)), 0.0, r.record_key)
                    one((*at, question, *period, N), 0.0, r.record_key)
                elif kind_of in (QuestionType.number, QuestionType.free_text, QuestionType.date):
                    number = (
                        kind_of is QuestionType.number
                        and isinstance(value, (int, float))
                        and is_bounded(value)
                    )
                    one((*at, question, *period, N), float(value) if number else 0.0, r.record_key)
                else:
                    one((*at, question, *period, str(value)), 0.0, r.record_key)
    return {k: v for k, v in out.items() if any(v)}


answer_sets = st.fixed_dictionaries(
    {},
    optional={
        "involved": st.sampled_from(["1", "2", "3", "4", "5"]),
        "has_plan": st.sampled_from(["yes", "no", "dont_know"]),
        "plan_useful": st.integers(0, 10),
        "contacts": st.one_of(
            st.lists(st.sampled_from(["nurse", "doctor", "social_worker"]), unique=True),
            st.just("nurse"),  # not a list: counted as a value, as stored answers may be
        ),
        "visits": st.one_of(st.integers(0, 100), st.floats(0, 100), st.just(1e308)),
        "first_seen": st.just("2026-01-15"),
        "comment": st.text(max_size=5),
        "no_such_question": st.just("x"),
    },
)
responses_of = st.lists(
    st.builds(
        Counted,
        st.integers(-(2**31), 2**31 - 1),
        st.sampled_from(SERVICES),
        st.integers(0, 70).map(lambda n: date(2026, 1, 1) + timedelta(days=n)),
        answer_sets,
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(responses_of, st.sampled_from([1, -1]), st.integers(1, 7))
def test_deltas_are_what_each_response_adds_to_each_cell(
    responses: list[Counted], sign: int, kinds: int
) -> None:
    assert aggregate.deltas(CAMPAIGN, VERSION, responses, sign, Kind(kinds)) == reference(
        responses, sign, Kind(kinds)
    )


@settings(max_examples=60, deadline=None)
@given(
    responses_of,
    responses_of,
    st.lists(st.integers(0, 1), min_size=3, max_size=3),
    st.lists(st.integers(0, 1), min_size=3, max_size=3),
)
def test_a_release_counts_each_kind_as_if_alone(
    taken: list[Counted], other: list[Counted], same: list[int], held: list[int]
) -> None:
    """Kinds releasing the same changes are counted together, the others apart: the cells
    move exactly as if each kind had been counted on its own (also when the same responses
    are held in other places by different kinds)."""
    released = aggregate.ByKind()
    expected: dict[aggregate.Key, list[float]] = {}
    for n, kind in enumerate(KINDS):
        new = taken if same[n] else other
        old = other[held[n] : held[n] + 2]
        released.add(
            int(kind),
            {uuid.UUID(int=100 + i): c for i, c in enumerate(old)},
            {uuid.UUID(int=200 + i + 1000 * same[n]): c for i, c in enumerate(new)},
        )
        aggregate.merge(expected, reference(old, -1, kind))
        aggregate.merge(expected, reference(new, +1, kind))
    got = released.deltas(CAMPAIGN, VERSION)
    assert {k: v for k, v in got.items() if any(v)} == {k: v for k, v in expected.items() if any(v)}


def test_cells_are_applied_in_one_order_whatever_the_order_of_the_deltas() -> None:
    """Two batches lock the cells they share in the same order (never a deadlock)."""
    rows = [
        Counted(k, SERVICES[k % 2], date(2026, 1, 1 + k % 20), {"involved": str(1 + k % 5)})
        for k in range(200)
    ]
    forward = aggregate.deltas(CAMPAIGN, VERSION, rows, +1)
    backward = dict(reversed(list(forward.items())))
    keys = [tuple(r[c] for c in aggregate.COLUMNS[:6]) for r in aggregate._ordered_rows(forward)]
    assert keys == [
        tuple(r[c] for c in aggregate.COLUMNS[:6]) for r in aggregate._ordered_rows(backward)
    ]
    assert keys == sorted(keys)  # UUIDs, strings and dates by their own order


answer_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(answer_values)
def test_answers_written_by_copy_are_the_json_they_were(value: Any) -> None:
    assert _json_text({"v": value}, json.dumps) == json.dumps({"v": value})
    assert _json_text(value, json.dumps) == json.dumps(value)


def test_answer_ids_are_random_version_4_uuids() -> None:
    ids = new_ids(5000)
    assert len(set(ids)) == 5000
    assert all(i.version == 4 and i.variant == uuid.RFC_4122 for i in ids)
    assert all(uuid.UUID(str(i)) == i and hash(uuid.UUID(str(i))) == hash(i) for i in ids)
