"""Concurrency: a client that retries while its first attempt is still running (a time-out,
a double click, a queue delivering twice) sends the same request several times at once.
Every idempotent operation must then store one record and give each attempt the answer a
retry gets (apart from "created" becoming "already there"), never a 409 or a 5xx.

The requests really run at once: ``asyncio.gather`` over the ASGI app, each request with its
own session and so its own database connection (on PostgreSQL separate server sessions, whose
inserts of the same key block on each other; on SQLite separate connections contending for
the write lock). Each race is run several rounds so that a narrow window is hit."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import Role, Scope
from gwella.campaigns.enums import Anonymity, Channel
from gwella.core.database import utcnow
from gwella.indicators.models import Measurement
from gwella.organisations.models import Organisation, Service
from gwella.responses.models import Answer, Response
from gwella.webhooks.models import WebhookEvent
from gwella.webhooks.schemas import WebhookEventType
from tests.factories import (
    client_token,
    make_api_client,
    make_indicator,
    make_org,
    make_service,
    make_user,
    monthly,
    sign_in,
)
from tests.fhir.support import FHIR, arrange_push, qr
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version
from tests.webhooks.conftest import Hooks

PARALLEL = 6
ROUNDS = 3

Send = Callable[[], Awaitable[httpx.Response]]


async def race(send: Send, n: int = PARALLEL) -> list[httpx.Response]:
    """``n`` identical requests at once."""
    answers = await asyncio.gather(*(send() for _ in range(n)))
    assert all(a.status_code < 500 for a in answers), [(a.status_code, a.text) for a in answers]
    return list(answers)


def statuses(answers: list[httpx.Response]) -> Counter[int]:
    return Counter(a.status_code for a in answers)


async def count(maker: async_sessionmaker[AsyncSession], model: Any, *where: Any) -> int:
    async with maker() as s:
        return int(await s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


async def web_campaign(session: AsyncSession, **options: Any) -> tuple[Any, str, Organisation]:
    org = await make_org(session)
    service = await make_service(session, org)
    version = await make_published_version(session, org)
    campaign, links = await make_campaign(session, version, [service], **options)
    return campaign, links[service.id].public_token, org


# ------------------------------------------------------------------ one response at a time


@pytest.mark.parametrize("anonymity", [Anonymity.anonymous, Anonymity.identified])
async def test_parallel_identical_public_submissions_store_one_and_answer_alike(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    anonymity: Anonymity,
) -> None:
    _, token, _ = await web_campaign(session, anonymity=anonymity)
    extra = (
        {"consent": True, "respondent_reference": "NHS 943 476 5919"}
        if anonymity is Anonymity.identified
        else {}
    )
    for _ in range(ROUNDS):
        body = {"submission_id": str(uuid.uuid4()), "answers": VALID_ANSWERS, **extra}
        answers = await race(
            lambda body=body: client.post(f"/api/v1/public/surveys/{token}/responses", json=body)
        )
        assert statuses(answers) == {201: 1, 200: PARALLEL - 1}, [a.text for a in answers]
        receipts = [a.json() for a in answers]
        # The receipt is the first one's: the same id and time; only `duplicate` tells.
        assert {(r["submission_id"], r["submitted_at"]) for r in receipts} == {
            (body["submission_id"], receipts[0]["submitted_at"])
        }
        assert sorted(r["duplicate"] for r in receipts) == [False] + [True] * (PARALLEL - 1)
        where = Response.submission_id == uuid.UUID(body["submission_id"])
        assert await count(sessionmaker, Response, where) == 1
    assert await count(sessionmaker, Response) == ROUNDS
    assert await count(sessionmaker, Answer) == ROUNDS * len(VALID_ANSWERS)


async def test_parallel_identical_submissions_with_one_access_code_use_it_once(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    """The retries of a response that used a code are not refused for the code it used."""
    campaign, token, org = await web_campaign(session, requires_access_code=True)
    admin = await make_user(session, {org: [Role.admin]})
    headers = await sign_in(client, admin.email)
    made = await client.post(
        f"/api/v1/campaigns/{campaign.id}/access-codes",
        headers=headers,
        json={"service_id": str(await _only_service(session, org)), "count": 3},
    )
    assert made.status_code == 201, made.text
    codes = [card["code"] for card in made.json()["codes"]]
    for code in codes[:2]:
        body = {"submission_id": str(uuid.uuid4()), "answers": VALID_ANSWERS, "access_code": code}
        answers = await race(
            lambda body=body: client.post(f"/api/v1/public/surveys/{token}/responses", json=body)
        )
        assert statuses(answers) == {201: 1, 200: PARALLEL - 1}, [a.text for a in answers]
    assert await count(sessionmaker, Response) == 2
    # A different response with a used code is still refused.
    used = {"submission_id": str(uuid.uuid4()), "answers": VALID_ANSWERS, "access_code": codes[0]}
    r = await client.post(f"/api/v1/public/surveys/{token}/responses", json=used)
    assert r.status_code == 403, r.text


async def _only_service(session: AsyncSession, org: Organisation) -> uuid.UUID:
    service_id = await session.scalar(select(Service.id).where(Service.organisation_id == org.id))
    assert service_id is not None
    return service_id


async def test_parallel_identical_paper_entries_store_one(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    campaign, _, org = await web_campaign(session)
    staff = await make_user(session, {org: [Role.staff]})
    headers = await sign_in(client, staff.email)
    service_id = await _only_service(session, org)
    for _ in range(ROUNDS):
        body = {
            "submission_id": str(uuid.uuid4()),
            "service_id": str(service_id),
            "completed_on": utcnow().date().isoformat(),
            "answers": VALID_ANSWERS,
        }
        answers = await race(
            lambda body=body: client.post(
                f"/api/v1/campaigns/{campaign.id}/paper-responses", headers=headers, json=body
            )
        )
        assert statuses(answers) == {201: 1, 200: PARALLEL - 1}, [a.text for a in answers]
        assert len({a.json()["submitted_at"] for a in answers}) == 1
    assert await count(sessionmaker, Response) == ROUNDS


async def test_parallel_identical_fhir_pushes_store_one(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    w = await arrange_push(client, session)
    for n in range(ROUNDS):
        resource = qr(w, n)
        answers = await race(
            lambda resource=resource: client.post(
                "/fhir/r4/QuestionnaireResponse", headers=w.headers, json=resource
            )
        )
        assert statuses(answers) == {201: 1, 200: PARALLEL - 1}, [a.text for a in answers]
        assert len({a.json()["id"] for a in answers}) == 1
        assert all(a.headers["content-type"].startswith(FHIR) for a in answers)
    assert await count(sessionmaker, Response) == ROUNDS


# -------------------------------------------------------------------------- JSON batches


async def test_parallel_identical_response_batches_store_each_once(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    hooks: Hooks,
) -> None:
    """The reported case: four identical pushes answered 200, 500, 500, 500."""
    org = await make_org(session)
    service = await make_service(session, org, code="CMHT-N")
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(
        session, version, [service], channels=(Channel.partner,), anonymity=Anonymity.identified
    )
    await hooks.subscribe(org, [WebhookEventType.responses_ingested])
    api = await make_api_client(session, org, [Scope.responses_write])
    headers = await client_token(client, api)
    moment = (utcnow() - timedelta(hours=1)).isoformat()
    size = 20
    stored_by = 0
    for n in range(ROUNDS):
        items: list[dict[str, Any]] = [
            {
                "external_id": f"PAS-{n}-{i}",
                "service": "CMHT-N",
                "submitted_at": moment,
                "consent": True,
                "respondent_reference": f"MRN-{n}-{i}",
                "answers": VALID_ANSWERS,
            }
            for i in range(size)
        ]
        items.append({**items[0], "external_id": f"PAS-{n}-bad", "answers": {"involved": "9"}})
        body = {"campaign_id": str(campaign.id), "items": items}
        answers = await race(
            lambda body=body: client.post("/api/v1/ingest/responses", headers=headers, json=body)
        )
        assert statuses(answers) == {200: PARALLEL}, [a.text for a in answers]
        summaries = [a.json() for a in answers]
        for s in summaries:
            assert s["status"] == "partial"
            assert s["imported"] + s["ignored"] == size
            assert (s["updated"], s["rejected"]) == (0, 1)
            assert s["errors"] == summaries[0]["errors"]
        assert sum(s["imported"] for s in summaries) == size
        stored_by += sum(1 for s in summaries if s["imported"])
    assert await count(sessionmaker, Response) == ROUNDS * size
    assert await count(sessionmaker, Answer) == ROUNDS * size * len(VALID_ANSWERS)
    # One batch event per push that stored something, none for a retry that found it stored.
    assert await count(sessionmaker, WebhookEvent) == stored_by


async def test_parallel_identical_atomic_batches_store_each_once(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    org = await make_org(session)
    service = await make_service(session, org, code="CMHT-N")
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(session, version, [service], channels=(Channel.partner,))
    api = await make_api_client(session, org, [Scope.responses_write])
    headers = await client_token(client, api)
    moment = (utcnow() - timedelta(hours=1)).isoformat()
    items = [
        {"external_id": f"A-{i}", "service": "CMHT-N", "submitted_at": moment}
        | {"answers": VALID_ANSWERS}
        for i in range(10)
    ]
    body = {"campaign_id": str(campaign.id), "items": items}
    answers = await race(
        lambda: client.post("/api/v1/ingest/responses?mode=atomic", headers=headers, json=body)
    )
    assert statuses(answers) == {200: PARALLEL}, [a.text for a in answers]
    summaries = [a.json() for a in answers]
    assert all(s["status"] == "completed" for s in summaries)
    assert sorted(s["imported"] for s in summaries) == [0] * (PARALLEL - 1) + [10]
    assert await count(sessionmaker, Response) == 10


async def test_parallel_identical_measurement_batches_store_each_once(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    hooks: Hooks,
) -> None:
    org = await make_org(session)
    await make_service(session, org, code="CMHT-N")
    indicator = await make_indicator(session, owner=org)
    await hooks.subscribe(
        org, [WebhookEventType.measurement_created, WebhookEventType.indicator_signal]
    )
    api = await make_api_client(session, org, [Scope.measurements_write])
    headers = await client_token(client, api)
    for n in range(ROUNDS):
        start = f"{2010 + 2 * n}-01"  # 13 months: the rounds never share a period
        items = monthly(indicator.code, [50.0, 52.0] * 6 + [90.0], start=start)
        items += monthly(indicator.code, [7.0, 8.0], start=start, service="CMHT-N")
        answers = await race(
            lambda items=items: client.post(
                "/api/v1/ingest/measurements", headers=headers, json={"items": items}
            )
        )
        assert statuses(answers) == {200: PARALLEL}, [a.text for a in answers]
        summaries = [a.json() for a in answers]
        for s in summaries:
            assert s["status"] == "completed"
            assert s["imported"] + s["ignored"] == len(items)
            assert (s["updated"], s["rejected"], s["errors"]) == (0, 0, [])
        assert sum(s["imported"] for s in summaries) == len(items)
    assert await count(sessionmaker, Measurement) == ROUNDS * 15
    created = WebhookEvent.event_type == "measurement.created"
    assert await count(sessionmaker, WebhookEvent, created) == ROUNDS * 15
    # Each round's last point is a special cause: raised once, by the attempt that stored it.
    signals = WebhookEvent.event_type == "indicator.signal"
    assert await count(sessionmaker, WebhookEvent, signals) == ROUNDS


# ------------------------------------------------------- different content, same key, at once


async def test_parallel_pushes_of_one_external_id_with_different_answers_update_it(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    """Not retries but rivals: one push creates the response, each other one finds it and
    updates it (audited), as if they had come one after another. One response remains, with
    the answers of one of them."""
    org = await make_org(session)
    service = await make_service(session, org, code="CMHT-N")
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(session, version, [service], channels=(Channel.partner,))
    api = await make_api_client(session, org, [Scope.responses_write])
    headers = await client_token(client, api)
    moment = (utcnow() - timedelta(hours=1)).isoformat()
    bodies = [
        {
            "campaign_id": str(campaign.id),
            "items": [
                {
                    "external_id": "PAS-1",
                    "service": "CMHT-N",
                    "submitted_at": moment,
                    "answers": {**VALID_ANSWERS, "involved": str(n)},
                }
            ],
        }
        for n in (1, 2, 3, 4, 5)
    ]
    answers = await asyncio.gather(
        *(client.post("/api/v1/ingest/responses", headers=headers, json=b) for b in bodies)
    )
    assert statuses(list(answers)) == {200: 5}, [a.text for a in answers]
    summaries = [a.json() for a in answers]
    assert sorted((s["imported"], s["updated"]) for s in summaries) == [(0, 1)] * 4 + [(1, 0)]
    assert await count(sessionmaker, Response) == 1
    async with sessionmaker() as s:
        kept = await s.scalar(select(Answer.value).where(Answer.question_key == "involved"))
    assert kept is not None
    assert kept["v"] in {"1", "2", "3", "4", "5"}


async def test_parallel_pushes_of_one_period_with_different_values_update_it(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    org = await make_org(session)
    indicator = await make_indicator(session, owner=org)
    api = await make_api_client(session, org, [Scope.measurements_write])
    headers = await client_token(client, api)
    values = [10.0, 20.0, 30.0, 40.0]
    answers = await asyncio.gather(
        *(
            client.post(
                "/api/v1/ingest/measurements",
                headers=headers,
                json={"items": monthly(indicator.code, [v], start="2026-01")},
            )
            for v in values
        )
    )
    assert statuses(list(answers)) == {200: 4}, [a.text for a in answers]
    summaries = [a.json() for a in answers]
    assert sorted((s["imported"], s["updated"]) for s in summaries) == [(0, 1)] * 3 + [(1, 0)]
    async with sessionmaker() as s:
        stored = list(await s.scalars(select(Measurement.value)))
    assert len(stored) == 1
    assert stored[0] in values


# ------------------------------------------------------------------- changes with If-Match


async def test_parallel_identical_patches_with_one_etag_change_it_once(
    client: httpx.AsyncClient,
    session: AsyncSession,
) -> None:
    """One of the attempts applies the change; the others find the version moved on (412),
    as a retry after the first one's answer would. The version moves by one."""
    org = await make_org(session)
    admin = await make_user(session, {org: [Role.admin]})
    headers = await sign_in(client, admin.email)
    made = await client.post(
        "/api/v1/webhook-subscriptions",
        headers=headers,
        json={
            "organisation_id": str(org.id),
            "url": "https://hooks.example.org/gwella",
            "event_types": ["response.created"],
        },
    )
    assert made.status_code == 201, made.text
    url = f"/api/v1/webhook-subscriptions/{made.json()['id']}"
    etag = (await client.get(url, headers=headers)).headers["etag"]
    for n in range(ROUNDS):
        patch = {"description": f"Trust PAS {n}"}
        answers = await race(
            lambda patch=patch, etag=etag: client.patch(
                url, headers={**headers, "If-Match": etag}, json=patch
            )
        )
        assert statuses(answers) == {200: 1, 412: PARALLEL - 1}, [a.text for a in answers]
        [ok] = [a for a in answers if a.status_code == 200]
        assert ok.json()["description"] == patch["description"]
        read = await client.get(url, headers=headers)
        assert read.headers["etag"] == ok.headers["etag"] != etag
        etag = ok.headers["etag"]
