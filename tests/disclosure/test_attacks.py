"""The attacks of the disclosure issue, played through the HTTP API by the least-privileged
people who could: a manager of a partner organisation, a service user of the forum, a partner
system's API client (read scope), and a member of the public.

1. Across scopes and periods: every scope and period read and combined (integer programming).
2. Inside one table: see ``test_tables.py``.
3. Over time: the live stream and re-reading after each announcement.
4. Exact times of anonymous responses: audit, counters, logs, row order (webhooks: see
   ``tests/webhooks/test_anonymous_timing.py``).
5. Derived indicator measurements.
6. Ballot stuffing.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import math
import random
import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.core.audit import AuditEvent
from gwella.core.database import utcnow
from gwella.derived import derive_measurements
from gwella.disclosure import rules
from gwella.indicators.models import Measurement, MeasurementSource
from gwella.main import create_app
from gwella.responses.models import Response, SubmissionCounter
from tests.conftest import make_settings
from tests.disclosure.conftest import make_world, push
from tests.disclosure.judge import Truth, judge, read_everything
from tests.factories import make_user, sign_in
from tests.surveys import VALID_ANSWERS, answer_publicly
from tests.test_stream import events

K = 5

# ------------------------------------------------------------ 1. across scopes and periods


@pytest.mark.parametrize("seed", range(6))
async def test_no_combination_of_scopes_and_periods_pins_a_small_count(
    client: httpx.AsyncClient, session: AsyncSession, seeded_keys: random.Random, seed: int
) -> None:
    rng = random.Random(seed)
    seeded_keys.seed(seed)
    world = await make_world(client, session)
    # Small services beside bigger ones, over two months: the shapes that gave counts away.
    counts = {code: rng.choice([1, 2, 3, 6, 7, 9, 12, 20]) for code in ("N", "S", "W")}
    await push(client, world, rng, counts, days=45)
    truth = await Truth.load(session, world.campaign.id)
    for who, headers in world.readers.items():
        reading = await read_everything(client, headers, world.campaign.id, world.scopes())
        assert reading.bodies, who
        pinned = judge(reading, truth, world.questions, rules().ptable, K)
        assert pinned == {}, (who, counts, pinned)


async def test_the_issues_example_total_less_north_does_not_give_west(
    client: httpx.AsyncClient, session: AsyncSession, seeded_keys: random.Random
) -> None:
    """Campaign total 7 less North's 6 gave West's hidden 1, and the month tables then showed
    which answer that one person gave. Now West's one response is not even released (a
    release needs five), and what is published of North and the total is adjusted."""
    world = await make_world(client, session)
    rng = random.Random(7)
    await push(client, world, rng, {"N": 6, "W": 1}, days=0)
    truth = await Truth.load(session, world.campaign.id)
    assert not any(key[0] == str(world.west.id) for key in truth.cells), "West waits"
    for headers in world.readers.values():
        reading = await read_everything(client, headers, world.campaign.id, world.scopes())
        assert judge(reading, truth, world.questions, rules().ptable, K) == {}
        west = reading.bodies[("service:W", "all")]
        assert west["periods"] == []  # nothing of West is published at all


# ------------------------------------------------------------------------- 3. over time


async def test_one_new_response_changes_nothing_anyone_can_see(
    client: httpx.AsyncClient, session: AsyncSession, seeded_keys: random.Random
) -> None:
    world = await make_world(client, session)
    token = world.tokens[world.north.id]
    await answer_publicly(client, token, times=10)  # two releases: results exist
    reader = world.readers["partner manager"]
    url = f"/api/v1/campaigns/{world.campaign.id}/results"
    before = {
        p: (await client.get(url, headers=reader, params={"period": p})).json()
        for p in ("all", "month", "week")
    }

    async def newcomer() -> None:
        await asyncio.sleep(0.8)
        welsh = {**VALID_ANSWERS, "visits": 58}
        r = await client.post(
            f"/api/v1/public/surveys/{token}/responses",
            json={"submission_id": str(uuid.uuid4()), "language": "cy", "answers": welsh},
        )
        assert r.status_code == 201

    stream, _ = await asyncio.gather(
        client.get("/api/v1/stream?seconds=2.5", headers=reader), newcomer()
    )
    # nothing announced: the stream only says it ran its time
    assert [name for name, _ in events(stream.text)] == ["end"]
    assert events(stream.text)[0][1]["reason"] == "time-up"
    after = {
        p: (await client.get(url, headers=reader, params={"period": p})).json()
        for p in ("all", "month", "week")
    }
    assert after == before  # nothing to subtract


@pytest.mark.parametrize(
    ("padding", "secret"), [([30, 41, 35, 48], 58), ([0, 0, 0, 0], 0), ([0, 0, 0, 0], 7)]
)
async def test_a_number_answer_cannot_be_worked_out_from_a_mean(
    client: httpx.AsyncClient,
    session: AsyncSession,
    seeded_keys: random.Random,
    padding: list[int],
    secret: int,
) -> None:
    """5 x 42.4 - 4 x 38.5 = 58 gave a newcomer's number exactly; a cell of zeros and one
    answer gave it too, when the noise followed the largest answer. Now the sum's noise is
    scaled to the question's range (0-100): even an attacker who sent the other four answers
    of a release, and knows them, only gets odds over many values."""
    world = await make_world(client, session)
    token = world.tokens[world.north.id]
    for value in padding:  # the attacker's own four
        await answer_publicly(client, token, {**VALID_ANSWERS, "visits": value})
    await answer_publicly(client, token, {**VALID_ANSWERS, "visits": secret})  # the newcomer
    body = (
        await client.get(
            f"/api/v1/campaigns/{world.campaign.id}/results",
            headers=world.readers["partner manager"],
            params={"service_id": str(world.north.id)},
        )
    ).json()
    visits = next(q for q in body["periods"][0]["questions"] if q["question_key"] == "visits")
    mean = visits["total"]["mean"]
    assert mean is not None
    scale = rules().magnitude_noise * 100  # the noise's scale: a share of the range
    bound = scale * math.log(1 << 16)  # no larger change is ever drawn
    # The posterior of the newcomer's value over the question's range, from the Laplace noise.
    weights = {}
    for v in range(0, 101):
        noise = 5 * mean - sum(padding) - v
        if abs(noise) <= bound + 0.05:
            weights[v] = math.exp(-abs(noise) / scale)
    assert secret in weights
    assert len(weights) >= 50  # never certain: most of the range is possible
    assert max(weights.values()) / sum(weights.values()) < 0.1  # and no value is even likely


# ------------------------------------------------------------------ 4. exact times kept


async def test_nothing_kept_ties_an_anonymous_response_to_a_moment_or_an_address(
    client: httpx.AsyncClient, session: AsyncSession, seeded_keys: random.Random
) -> None:
    world = await make_world(client, session)
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    token = world.tokens[world.north.id]
    try:
        await answer_publicly(client, token, times=10)
    finally:
        handler.setStream(previous)  # type: ignore[arg-type]
    today = datetime.combine(utcnow().date(), time(), tzinfo=UTC)
    # No audit event per anonymous response (seen to appear, it would tell the moment): the
    # two releases are audited, with the day only and no request id, address or count.
    events = list(await session.scalars(select(AuditEvent)))
    assert not [e for e in events if e.action.startswith("response.")]
    released = [e for e in events if e.action == "results.released"]
    assert len(released) == 2
    for event in released:
        assert event.occurred_at == today
        assert event.request_id is None
        assert event.client_address is None
        assert event.record_id == str(world.campaign.id)
        assert "count" not in json.dumps(event.changes)
    # The access log keeps no survey link (which names a service) beside its exact time.
    lines = [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
    server = [line for line in lines if line.get("logger", "").startswith("gwella")]
    paths = {line["path"] for line in server if line.get("event") == "request"}
    assert paths == {"/api/v1/public/surveys/{token}/responses"}
    assert not any(token in json.dumps(line) for line in server)  # (the test's own client logs it)
    # Rate counters: a keyed hash per window and when the window ends (a window's edge).
    for counter in await session.scalars(select(SubmissionCounter)):
        assert counter.expires_at.second == 0
        assert counter.expires_at.microsecond == 0
        assert "203.0.113.7" not in counter.key_hash
    # Staff see the released responses in an order that tells nothing of arrival: by day,
    # then by their random ids.
    staff = await sign_in(client, (await make_user(session, {world.board: [Role.staff]})).email)
    listed = await client.get(
        f"/api/v1/campaigns/{world.campaign.id}/responses", headers=staff, params={"limit": 50}
    )
    rows = listed.json()["items"]
    assert len(rows) == 10
    assert {r["submitted_at"] for r in rows} == {today.isoformat().replace("+00:00", "Z")}
    ids = [r["id"] for r in rows]
    assert ids in (sorted(ids), sorted(ids, reverse=True))
    export = await client.get(f"/api/v1/campaigns/{world.campaign.id}/responses.csv", headers=staff)
    exported = [line.split(",")[0] for line in export.text.splitlines()[1:]]
    assert exported == sorted(exported)


# ---------------------------------------------------------------- 5. derived measurements


async def test_derived_measurements_tell_no_more_than_the_results(
    client: httpx.AsyncClient, session: AsyncSession, seeded_keys: random.Random
) -> None:
    world = await make_world(client, session)  # "involved" feeds an indicator
    rng = random.Random(11)
    await push(client, world, rng, {"N": 6, "S": 12, "W": 40}, days=50)
    await derive_measurements(session)
    await session.commit()
    derived = list(
        await session.scalars(
            select(Measurement).where(Measurement.source == MeasurementSource.derived)
        )
    )
    assert derived, "some month of some service has a published share"
    by_point = {(m.service_id, m.period_start): m for m in derived}
    reader = world.readers["partner manager"]
    for service in (world.north, world.south, world.west):
        body = (
            await client.get(
                f"/api/v1/campaigns/{world.campaign.id}/results",
                headers=reader,
                params={"period": "month", "service_id": str(service.id)},
            )
        ).json()
        for entry in body["periods"]:
            involved = next(q for q in entry["questions"] if q["question_key"] == "involved")
            row = involved["units"][0]
            point = by_point.pop((service.id, date.fromisoformat(entry["period_start"])), None)
            if row["share_positive"] is None or not row["n"]:
                assert point is None  # held back in the results: no point either
                continue
            assert point is not None
            # The point is the share the results publish, with its own published counts.
            assert point.denominator == row["n"]
            assert point.numerator == round(row["share_positive"] * row["n"] / 100)
            assert round(point.value, 2) == row["share_positive"]
    assert by_point == {}  # no point without its month in the results


# ------------------------------------------------------------------ 6. ballot stuffing


@pytest.fixture
async def strict(database_url: str) -> Any:
    """The app with the shipped burst limit (three a day from one address)."""
    app = create_app(make_settings(database_url, public_burst_max=3))
    async with app.router.lifespan_context(app):
        yield app


def _client(app: Any, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://gwella.test")


async def test_stuffing_from_one_address_is_held_and_reveals_nothing(
    strict: Any, session: AsyncSession, seeded_keys: random.Random
) -> None:
    async with (
        _client(strict, "198.51.100.20") as attacker,
        _client(strict, "203.0.113.9") as genuine,
    ):
        world = await make_world(attacker, session)
        token = world.tokens[world.west.id]
        private = {k: v for k, v in VALID_ANSWERS.items() if k != "plan_useful"}
        await answer_publicly(genuine, token, {**private, "has_plan": "no"})
        await answer_publicly(attacker, token, {**VALID_ANSWERS, "has_plan": "yes"}, times=25)
        # Three of the 25 count; with the genuine one that is four: nothing is released.
        for headers in world.readers.values():
            body = (
                await attacker.get(
                    f"/api/v1/campaigns/{world.campaign.id}/results", headers=headers
                )
            ).json()
            assert body["periods"] == []
        staff = await sign_in(
            attacker, (await make_user(session, {world.council: [Role.staff]})).email
        )
        url = f"/api/v1/campaigns/{world.campaign.id}/held-responses"
        # Held responses are listed once their day is over, never as they arrive.
        assert (await attacker.get(url, headers=staff)).json()["items"] == []
        await session.execute(
            update(Response)
            .where(Response.held.is_(True))
            .values(
                submitted_at=datetime.combine(utcnow().date(), time(), tzinfo=UTC)
                - timedelta(days=1)
            )
        )
        await session.commit()
        held = await attacker.get(url, headers=staff, params={"limit": 200})
        items = held.json()["items"]
        assert len(items) == 22
        assert all(r["held"] for r in items)
        rejected = await attacker.post(
            f"/api/v1/campaigns/{world.campaign.id}/held-responses/decision",
            headers=staff,
            json={"response_ids": [r["id"] for r in items], "decision": "reject"},
        )
        assert rejected.json() == {"decided": 22, "decision": "reject"}
        again = await attacker.get(
            f"/api/v1/campaigns/{world.campaign.id}/held-responses", headers=staff
        )
        assert again.json()["items"] == []


async def test_a_campaign_that_asks_for_codes_takes_each_code_once(
    strict: Any, session: AsyncSession
) -> None:
    async with _client(strict, "198.51.100.21") as http:
        world = await make_world(http, session, requires_access_code=True)
        staff = await sign_in(http, (await make_user(session, {world.board: [Role.staff]})).email)
        made = await http.post(
            f"/api/v1/campaigns/{world.campaign.id}/access-codes",
            headers=staff,
            json={"service_id": str(world.north.id), "count": 6, "label": "Tuesday clinic"},
        )
        assert made.status_code == 201, made.text
        cards = made.json()["codes"]
        assert len({c["code"] for c in cards}) == 6
        assert all(c["url"].endswith(f"?code={c['code']}") for c in cards)
        assert all(c["qr_svg"].startswith("<svg") for c in cards)
        url = f"/api/v1/public/surveys/{world.tokens[world.north.id]}/responses"

        async def send(code: str | None) -> httpx.Response:
            body: dict[str, Any] = {"submission_id": str(uuid.uuid4()), "answers": VALID_ANSWERS}
            if code is not None:
                body["access_code"] = code
            return await http.post(url, json=body)

        missing = await send(None)
        assert missing.status_code == 422
        assert missing.json()["errors"][0]["field"] == "body.access_code"
        wrong = await send("AAAAA-AAAAA")
        assert wrong.status_code == 403
        assert wrong.json()["type"].endswith("access-code-refused")
        for card in cards[:5]:  # more than three from one address: codes are never held
            assert (await send(card["code"].lower().replace("-", " "))).status_code == 201
        assert (await send(cards[0]["code"])).status_code == 403  # used
        # Another service's link does not take these codes.
        other = f"/api/v1/public/surveys/{world.tokens[world.south.id]}/responses"
        refused = await http.post(
            other,
            json={
                "submission_id": str(uuid.uuid4()),
                "answers": VALID_ANSWERS,
                "access_code": cards[5]["code"],
            },
        )
        assert refused.status_code == 403
        results = (
            await http.get(
                f"/api/v1/campaigns/{world.campaign.id}/results",
                headers=world.readers["partner manager"],
            )
        ).json()
        assert results["periods"], "five coded responses were released"
        batches = await http.get(
            f"/api/v1/campaigns/{world.campaign.id}/access-codes", headers=staff
        )
        [batch] = batches.json()
        assert "used" not in json.dumps(batch)  # which codes answered is never told
        revoked = await http.post(
            f"/api/v1/campaigns/{world.campaign.id}/access-codes/{batch['id']}/revoke",
            headers=staff,
        )
        assert revoked.status_code == 200
        assert (await send(cards[5]["code"])).status_code == 403


def test_an_attacker_who_knows_every_other_answer_is_rarely_certain() -> None:
    """Stuffing from many addresses (or a partner who knows every other respondent) leaves one
    unknown answer in a table. Perturbation keeps it from being certain unless the change of
    the attacker's own cell takes its extreme value: measured here over 20,000 tables of a
    yes/no question with 24 known "yes" and one unknown answer."""
    from gwella.disclosure.cellkey import new_record_keys
    from gwella.disclosure.publish import Measure, QuestionSpec
    from gwella.disclosure.publish import question as publish_question
    from gwella.disclosure.tables import Shape

    spec = QuestionSpec("q", "yes_no", Shape.single, ("yes", "no"))
    ptable = rules().ptable
    certain = 0
    trials = 20_000
    rng = random.Random(5)
    for _ in range(trials):
        victim = rng.choice(["yes", "no"])
        keys = new_record_keys(25)
        yes = list(keys[:24]) + ([keys[24]] if victim == "yes" else [])
        no = [keys[24]] if victim == "no" else []
        cells = {("s", "yes"): Measure(len(yes), sum(yes)), ("s", "no"): Measure(len(no), sum(no))}
        n = {"s": Measure(25, sum(keys))}
        row = publish_question(spec, ["s"], n, cells, K, rules())["units"][0]
        shown = {c["value"]: c["count"] for c in row["cells"]}
        possible = set()
        for guess in ("yes", "no"):
            true_yes = 24 + (guess == "yes")
            true_no = int(guess == "no")
            ok = _consistent(ptable, shown["yes"], true_yes) and _consistent(
                ptable, shown["no"], true_no
            )
            if ok:
                possible.add(guess)
        assert victim in possible
        certain += len(possible) == 1
    assert certain / trials < 0.02, certain / trials


def _consistent(ptable: Any, shown: int | None, true: int) -> bool:
    outcomes = ptable.probabilities(true)
    if shown is None:
        return any(1 <= j < K for j in outcomes)
    return shown in outcomes or (shown == 25 and any(j >= 25 for j in outcomes))


async def test_only_a_services_own_staff_make_its_access_codes(
    strict: Any, session: AsyncSession
) -> None:
    """Codes keep responses out of the burst check: the health board, which runs the
    campaign, must not be able to flood the council's service with them."""
    async with _client(strict, "198.51.100.22") as http:
        world = await make_world(http, session)
        board = await sign_in(http, (await make_user(session, {world.board: [Role.staff]})).email)
        council = await sign_in(
            http, (await make_user(session, {world.council: [Role.staff]})).email
        )
        url = f"/api/v1/campaigns/{world.campaign.id}/access-codes"
        theirs = await http.post(
            url, headers=board, json={"service_id": str(world.west.id), "count": 12}
        )
        assert theirs.status_code == 403
        own = await http.post(
            url, headers=council, json={"service_id": str(world.west.id), "count": 2}
        )
        assert own.status_code == 201, own.text
        # Each sees the batches of their own services (the board runs the campaign: all).
        assert [b["service_id"] for b in (await http.get(url, headers=council)).json()] == [
            str(world.west.id)
        ]
        assert len((await http.get(url, headers=board)).json()) == 1


async def test_the_address_behind_a_proxy_is_the_one_the_proxy_saw(
    database_url: str, session: AsyncSession
) -> None:
    """With proxy headers trusted, the client writes the left of X-Forwarded-For and the
    proxy appends what it saw: spoofed entries change nothing of the burst check."""
    app = create_app(
        make_settings(
            database_url, public_burst_max=3, trust_proxy_headers=True, trusted_proxy_count=1
        )
    )
    async with app.router.lifespan_context(app), _client(app, "10.0.0.1") as http:
        world = await make_world(http, session)
        token = world.tokens[world.north.id]
        for i in range(8):
            r = await http.post(
                f"/api/v1/public/surveys/{token}/responses",
                headers={"X-Forwarded-For": f"10.9.9.{i}, 203.0.113.50"},
                json={"submission_id": str(uuid.uuid4()), "answers": VALID_ANSWERS},
            )
            assert r.status_code == 201
        held = await session.scalar(
            select(func.count()).select_from(Response).where(Response.held.is_(True))
        )
        assert held == 5  # all eight from 203.0.113.50: three counted, five held


async def test_corrections_of_a_partners_own_responses_release_no_newcomer(
    client: httpx.AsyncClient, session: AsyncSession, seeded_keys: random.Random
) -> None:
    """A partner that corrects the same five responses again and again cannot make each
    round a release of one genuine newcomer (whose answers it would then know)."""
    world = await make_world(client, session)
    day = utcnow().isoformat()

    async def pushed(round_: int) -> None:
        items = [
            {
                "external_id": f"PAD-{i}",
                "service": "N",
                "submitted_at": day,
                "answers": {**VALID_ANSWERS, "visits": round_},
            }
            for i in range(5)
        ]
        r = await client.post(
            "/api/v1/ingest/responses",
            headers=world.board_push,
            json={"campaign_id": str(world.campaign.id), "items": items},
        )
        assert r.status_code == 200, r.text

    await pushed(0)  # five newcomers: released
    await answer_publicly(client, world.tokens[world.north.id])  # the genuine one
    staff = await sign_in(client, (await make_user(session, {world.board: [Role.staff]})).email)
    listed = f"/api/v1/campaigns/{world.campaign.id}/responses"
    for round_ in (1, 2, 3):
        await pushed(round_)  # five corrections
        channels = [r["channel"] for r in (await client.get(listed, headers=staff)).json()["items"]]
        assert channels == ["partner"] * 5  # the genuine response is still not released
