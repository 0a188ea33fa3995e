"""Results move on exactly when a release is due: the largest set of waiting changes in which
every service, month and week gains nothing or at least k; never a smaller step."""

from __future__ import annotations

import itertools
import random
import uuid
from collections import Counter
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.core.database import utcnow
from gwella.disclosure.releases import KINDS, Kind, Place, Waiting, period_start, releasable
from gwella.results.aggregate import RESPONSES
from gwella.results.models import ResultCell
from tests.factories import make_org, make_service, make_user, sign_in
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version

SERVICES = [uuid.UUID(int=1), uuid.UUID(int=2)]


def largest_valid(
    items: list[tuple[Any, tuple[object, ...]]], k: int, old: frozenset[Any] = frozenset()
) -> set[Any]:
    """By brute force: the largest subset in which every bucket gets at least k new items, or
    none new and at least k changes (``old``: the ids that are changes, not newcomers). The
    union of all such subsets is one, so it is unique."""
    ids = [i for i, _ in items]
    bucket = dict(items)
    for size in range(len(ids), 0, -1):
        for chosen in itertools.combinations(ids, size):
            counts = Counter(bucket[i] for i in chosen)
            newcomers = Counter(bucket[i] for i in chosen if i not in old)
            if all(newcomers[b] >= k or (not newcomers[b] and n >= k) for b, n in counts.items()):
                return set(chosen)
    return set()


@settings(max_examples=300, deadline=None)
@given(
    k=st.integers(2, 5),
    arrivals=st.lists(
        st.tuples(st.sampled_from(SERVICES), st.integers(0, 45)), min_size=0, max_size=11
    ),
)
def test_a_release_is_the_largest_set_every_bucket_of_which_gets_0_or_k(
    k: int, arrivals: list[tuple[uuid.UUID, int]]
) -> None:
    start = date(2027, 1, 20)
    waiting = [
        Waiting(i, None, Place(service, start + timedelta(days=offset)))
        for i, (service, offset) in enumerate(arrivals)
    ]
    for kind in KINDS:
        expected = largest_valid(
            [
                (w.id, (w.current.service_id, period_start(kind, w.current.day)))
                for w in waiting
                if w.current is not None
            ],
            k,
        )
        assert releasable(waiting, kind, k) == expected


@settings(max_examples=300, deadline=None)
@given(
    k=st.integers(2, 4),
    waiting=st.lists(st.tuples(st.sampled_from(SERVICES), st.booleans()), min_size=0, max_size=10),
)
def test_corrections_do_not_count_towards_the_newcomers_of_a_release(
    k: int, waiting: list[tuple[uuid.UUID, bool]]
) -> None:
    day = date(2027, 2, 3)
    items = [
        Waiting(i, Place(s, day) if old else None, Place(s, day), new=not old)
        for i, (s, old) in enumerate(waiting)
    ]
    expected = largest_valid(
        [(w.id, (w.current.service_id,)) for w in items if w.current is not None],
        k,
        frozenset(w.id for w in items if not w.new),
    )
    assert releasable(items, Kind.all, k) == expected


def test_the_same_corrections_cannot_release_one_newcomer_after_another() -> None:
    """Four corrections of a partner's own responses and one genuine newcomer: nothing goes,
    so the newcomer is not laid bare by the partner who knows the other four."""
    service, day = SERVICES[0], date(2027, 2, 3)
    padding = [
        Waiting(f"p{i}", Place(service, day), Place(service, day), new=False) for i in range(4)
    ]
    newcomer = Waiting("genuine", None, Place(service, day))
    assert releasable([*padding, newcomer], Kind.all, 5) == set()
    more = [Waiting(f"n{i}", None, Place(service, day)) for i in range(4)]
    assert releasable([*padding, newcomer, *more], Kind.all, 5) == {
        "genuine",
        *(w.id for w in more),
        *(w.id for w in padding),
    }
    assert releasable(
        [*padding, Waiting("p4", Place(service, day), Place(service, day), new=False)], Kind.all, 5
    ) == {f"p{i}" for i in range(5)}


def test_a_change_counts_in_the_buckets_it_leaves_and_enters() -> None:
    a, b = SERVICES
    day = date(2027, 3, 10)
    moved = Waiting("moved", Place(a, day), Place(b, day), new=False)
    others = [Waiting(i, None, Place(b, day)) for i in range(3)]
    # b gains three newcomers (and the move); a only loses one: a's lone change holds the
    # move back, while b's newcomers go.
    assert releasable([moved, *others], Kind.all, 3) == {0, 1, 2}
    more = [Waiting(f"a{i}", None, Place(a, day)) for i in range(3)]
    assert releasable([moved, *others, *more], Kind.all, 3) == {"moved", 0, 1, 2, "a0", "a1", "a2"}


@pytest.mark.parametrize("seed", [3, 4])
async def test_stored_results_follow_the_rule_response_by_response(
    client: httpx.AsyncClient, session: AsyncSession, seed: int
) -> None:
    rng = random.Random(seed)
    k = 3
    org = await make_org(session)
    services = [await make_service(session, org, code=c) for c in ("A", "B")]
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(
        session,
        version,
        services,
        opens_in=timedelta(days=-60),
        lasts=timedelta(days=90),
        min_cell_size=k,
    )
    staff = await sign_in(client, (await make_user(session, {org: [Role.staff]})).email)
    campaign_id, service_ids = campaign.id, [s.id for s in services]
    today = utcnow().date()
    arrived: list[tuple[int, tuple[uuid.UUID, date]]] = []
    released: dict[Kind, set[int]] = {kind: set() for kind in KINDS}
    for n in range(24):
        service_id = rng.choice(service_ids)
        day = today - timedelta(days=rng.randint(0, 40))
        r = await client.post(
            f"/api/v1/campaigns/{campaign_id}/paper-responses",
            headers=staff,
            json={
                "submission_id": str(uuid.uuid4()),
                "service_id": str(service_id),
                "completed_on": day.isoformat(),
                "answers": VALID_ANSWERS,
            },
        )
        assert r.status_code == 201, r.text
        arrived.append((n, (service_id, day)))
        expected: Counter[tuple[uuid.UUID, str, date]] = Counter()
        for kind in KINDS:
            waiting = [
                (i, (s, period_start(kind, d))) for i, (s, d) in arrived if i not in released[kind]
            ]
            released[kind] |= largest_valid(waiting, k)
            for i, (s, d) in arrived:
                if i in released[kind]:
                    expected[(s, kind.name, period_start(kind, d))] += 1
        session.expire_all()
        stored = {
            (c.service_id, c.period, c.period_start): c.count
            for c in await session.scalars(
                select(ResultCell).where(
                    ResultCell.campaign_id == campaign_id, ResultCell.question_key == RESPONSES
                )
            )
            if c.count
        }
        assert stored == dict(expected), f"after response {n}"
        listed = await client.get(
            f"/api/v1/campaigns/{campaign_id}/responses", headers=staff, params={"limit": 200}
        )
        # Staff see a raw response once it is counted in the whole window, not before.
        assert len(listed.json()["items"]) == len(released[Kind.all])
    assert released[Kind.all], "the run released something"
