"""Partners read back, sync and retract the responses they pushed: look-up by external id,
the change feed (paging, tombstones, never missing a change of a transaction still in flight
when a page was read) and retraction (results corrected, audited, events, idempotent)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import Scope
from gwella.campaigns.enums import Anonymity, Channel
from gwella.cli import rebuild_campaigns
from gwella.core import changes
from gwella.core.audit import AuditEvent
from gwella.core.database import utcnow
from gwella.derived import derive_measurements
from gwella.indicators.models import Measurement
from gwella.responses.models import Answer, Response
from gwella.results.models import ResultCell
from gwella.webhooks import service as webhooks
from gwella.webhooks.models import WebhookEvent
from gwella.webhooks.schemas import WebhookEventType, WebhookSubscriptionCreate
from tests.factories import (
    SYSTEM,
    client_token,
    make_api_client,
    make_indicator,
    make_org,
    make_service,
)
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version
from tests.test_derived import MAPPED

ALL = [Scope.responses_write, Scope.responses_read]


async def arrange(
    client: httpx.AsyncClient, session: AsyncSession, **options: Any
) -> dict[str, Any]:
    org = await make_org(session)
    north = await make_service(session, org, code="CMHT-N")
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(
        session, version, [north], channels=(Channel.web, Channel.partner), **options
    )
    api = await make_api_client(session, org, ALL)
    return {
        "org": org,
        "org_id": org.id,
        "campaign": campaign,
        "campaign_id": campaign.id,
        "headers": await client_token(client, api),
    }


def item(n: int, **extra: Any) -> dict[str, Any]:
    return {
        "external_id": f"PAS-{n}",
        "service": "CMHT-N",
        "submitted_at": (utcnow() - timedelta(hours=1)).isoformat(),
        "answers": VALID_ANSWERS,
        **extra,
    }


def identified(n: int, **extra: Any) -> dict[str, Any]:
    return item(n, consent=True, respondent_reference=f"NHS-{n}", **extra)


async def push(client: httpx.AsyncClient, w: dict[str, Any], items: list[dict[str, Any]]) -> None:
    r = await client.post(
        "/api/v1/ingest/responses",
        headers=w["headers"],
        json={"campaign_id": str(w["campaign_id"]), "items": items},
    )
    assert r.status_code == 200, r.text
    assert r.json()["rejected"] == 0, r.text


async def retract(
    client: httpx.AsyncClient, w: dict[str, Any], ids: list[str], query: str = ""
) -> httpx.Response:
    return await client.post(
        f"/api/v1/responses/retractions{query}",
        headers=w["headers"],
        json={"external_ids": ids, "reason": "Pushed to the wrong campaign"},
    )


async def drain(
    client: httpx.AsyncClient, headers: dict[str, str], cursor: str | None, limit: int = 100
) -> tuple[list[dict[str, Any]], str]:
    """Every change after ``cursor``, page by page, and the cursor to poll with."""
    seen: list[dict[str, Any]] = []
    while True:
        query = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        r = await client.get("/api/v1/responses/changes", headers=headers, params=query)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["next_cursor"]
        cursor = body["next_cursor"]
        seen += body["items"]
        if not body["items"]:
            return seen, cursor


async def test_a_client_reads_back_what_its_organisation_pushed_and_nothing_else(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    await push(client, w, [item(1), item(2)])
    r = await client.get("/api/v1/responses", headers=w["headers"], params={"external_id": "PAS-2"})
    assert r.status_code == 200, r.text
    [found] = r.json()["items"]
    assert found["external_id"] == "PAS-2"
    assert found["source_organisation_id"] == str(w["org"].id)
    assert found["submitted_at"].startswith(found["submitted_at"][:10])
    assert {a["question_key"] for a in found["answers"]} == set(VALID_ANSWERS)
    one = await client.get(f"/api/v1/responses/{found['id']}", headers=w["headers"])
    assert one.status_code == 200, one.text
    assert one.json()["external_id"] == "PAS-2"
    listed = await client.get(
        f"/api/v1/campaigns/{w['campaign'].id}/responses", headers=w["headers"]
    )
    assert listed.status_code == 200, listed.text
    assert sorted(x["external_id"] for x in listed.json()["items"]) == ["PAS-1", "PAS-2"]

    # A client of another organisation sees none of it.
    other = await make_api_client(session, await make_org(session), ALL)
    theirs = await client_token(client, other)
    assert (await client.get("/api/v1/responses", headers=theirs)).json()["items"] == []
    assert (await client.get(f"/api/v1/responses/{found['id']}", headers=theirs)).status_code == 404
    assert (await drain(client, theirs, None))[0] == []
    assert (
        await client.get(f"/api/v1/campaigns/{w['campaign'].id}/responses", headers=theirs)
    ).json()["items"] == []
    refused = await retract(client, {**w, "headers": theirs}, ["PAS-1"])
    assert refused.json()["errors"][0]["code"] == "unknown_external_id"

    # Without the read scope: 403.
    writer = await client_token(
        client, await make_api_client(session, w["org"], [Scope.responses_write])
    )
    for url in (
        "/api/v1/responses",
        "/api/v1/responses/changes",
        f"/api/v1/responses/{found['id']}",
    ):
        assert (await client.get(url, headers=writer)).status_code == 403, url


async def test_the_feed_pages_with_a_cursor_and_shows_retractions_as_tombstones(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    start = utcnow() - timedelta(minutes=1)
    await push(client, w, [item(n) for n in range(5)])
    for _ in range(100):  # on a shared server, a transaction in flight holds the feed back
        first = await client.get(
            "/api/v1/responses/changes",
            headers=w["headers"],
            params={"changed_since": start.isoformat(), "limit": 2},
        )
        assert first.status_code == 200, first.text
        page = first.json()
        if page["items"]:
            break
        await asyncio.sleep(0.1)
    assert [i["op"] for i in page["items"]] == ["upsert", "upsert"]
    assert page["items"][0]["record"]["external_id"] == page["items"][0]["external_id"]
    assert page["items"][0]["changed_at"].endswith(("T00:00:00Z", "T00:00:00+00:00"))
    rest, cursor = await poll_until(
        client,
        w["headers"],
        page["next_cursor"],
        {f"PAS-{n}" for n in range(5)} - {i["external_id"] for i in page["items"]},
    )
    assert len(rest) == 3
    assert {i["external_id"] for i in page["items"] + rest} == {f"PAS-{n}" for n in range(5)}

    # Nothing new: an empty page, and a cursor to poll with.
    again, cursor = await drain(client, w["headers"], cursor)
    assert again == []

    await push(client, w, [item(1, answers={**VALID_ANSWERS, "involved": "1"})])
    assert (await retract(client, w, ["PAS-3"])).json()["retracted"] == 1
    later, cursor = await poll_until(client, w["headers"], cursor, {"PAS-1", "PAS-3"})
    assert [(i["op"], i["external_id"]) for i in later] == [
        ("upsert", "PAS-1"),
        ("deleted", "PAS-3"),
    ]
    assert later[1]["record"] is None
    assert later[1]["id"] == next(
        i["id"] for i in page["items"] + rest if i["external_id"] == "PAS-3"
    )

    # A feed read from the start has the tombstone too, and never the retracted record.
    everything, _ = await poll_until(client, w["headers"], None, {f"PAS-{n}" for n in range(5)})
    assert sorted((i["op"], i["external_id"]) for i in everything) == sorted(
        [("upsert", f"PAS-{n}") for n in (0, 1, 2, 4)] + [("deleted", "PAS-3")]
    )
    bad = await client.get(
        "/api/v1/responses/changes", headers=w["headers"], params={"cursor": "nonsense"}
    )
    assert bad.status_code == 400
    both = await client.get(
        "/api/v1/responses/changes",
        headers=w["headers"],
        params={"cursor": cursor, "changed_since": start.isoformat()},
    )
    assert both.status_code == 422


async def poll_until(
    client: httpx.AsyncClient, headers: dict[str, str], cursor: str | None, wanted: set[str]
) -> tuple[list[dict[str, Any]], str]:
    """Poll the feed as a partner would until these external ids came (or give up): on a
    shared PostgreSQL server, any transaction in flight holds the feed back a moment."""
    seen: list[dict[str, Any]] = []
    for _ in range(100):
        more, cursor = await drain(client, headers, cursor)
        seen += more
        if wanted <= {i["external_id"] for i in seen}:
            break
        await asyncio.sleep(0.1)
    return seen, cursor or ""


async def test_a_change_committed_after_a_later_one_is_not_missed(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    backend: str,
) -> None:
    """A writer takes its change mark, then a second writer commits before the first does:
    a reader polling in between must not move past the first writer's change."""
    w = await arrange(client, session)
    await push(client, w, [item(1)])
    _, cursor = await poll_until(client, w["headers"], None, {"PAS-1"})
    stored = await session.scalar(select(Response).where(Response.external_id == "PAS-1"))
    assert stored is not None

    async with sessionmaker() as slow:
        mark = await changes.mark(slow)  # in flight: its mark is taken, nothing committed
        await slow.execute(
            update(Response)
            .where(Response.id == stored.id)
            .values(change_seq=mark, updated_at=utcnow())
        )
        if backend == "postgresql":
            # A later writer commits first (on SQLite the database lock keeps it waiting).
            await push(client, w, [item(2)])
        during, cursor = await drain(client, w["headers"], cursor)
        # The later writer's change waits for the one in flight: handing it out now would
        # move the cursor past the mark of the change still being written.
        assert during == []
        await slow.commit()
    expected = {"PAS-1", "PAS-2"} if backend == "postgresql" else {"PAS-1"}
    after, cursor = await poll_until(client, w["headers"], cursor, expected)
    assert sorted(i["external_id"] for i in after) == sorted(expected)


async def cells(session: AsyncSession, campaign_id: Any) -> dict[tuple[Any, ...], int]:
    session.expire_all()
    rows = await session.scalars(select(ResultCell).where(ResultCell.campaign_id == campaign_id))
    return {(r.question_key, r.period, r.period_start, r.value): r.count for r in rows if r.count}


async def test_retraction_corrects_the_results_is_audited_raises_events_and_is_idempotent(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    w = await arrange(client, session, anonymity=Anonymity.identified)
    async with sessionmaker() as s:
        await webhooks.create_subscription(
            s,
            SYSTEM,
            client._transport.app.state.settings,  # type: ignore[attr-defined]
            WebhookSubscriptionCreate(
                url="https://hooks.example.org/gwella",
                event_types=[WebhookEventType.response_retracted],
            ),
            organisation_id=w["org"].id,
            api_client_id=None,
        )
        await s.commit()
    await push(client, w, [identified(n) for n in range(3)])
    campaign_id = w["campaign_id"]
    before = await cells(session, campaign_id)
    assert any(k[0] == "__responses__" and v == 3 for k, v in before.items())

    # Bad input changes nothing: atomic with an unknown id, and a dry run.
    atomic = await retract(client, w, ["PAS-0", "nope"], "?mode=atomic")
    assert atomic.status_code == 200, atomic.text
    assert atomic.json()["status"] == "failed"
    assert atomic.json()["errors"] == [
        {
            "index": 1,
            "external_id": "nope",
            "code": "unknown_external_id",
            "detail": "Your organisation pushed no record with this external_id.",
            "field": "external_ids.1",
        }
    ]
    dry = await retract(client, w, ["PAS-0"], "?dry_run=true")
    assert (dry.json()["status"], dry.json()["retracted"]) == ("completed", 1)
    assert await cells(session, campaign_id) == before
    assert await session.scalar(select(func.count()).select_from(Response)) == 3

    done = await retract(client, w, ["PAS-0", "nope"])
    assert done.json() | {"errors": []} == {
        "status": "partial",
        "dry_run": False,
        "retracted": 1,
        "already_retracted": 0,
        "rejected": 1,
        "errors": [],
    }
    assert await session.scalar(select(func.count()).select_from(Response)) == 2
    gone = await session.scalar(select(func.count()).select_from(Answer))
    assert gone == 2 * len(VALID_ANSWERS)
    after = await cells(session, campaign_id)
    assert after != before
    assert any(k[0] == "__responses__" and v == 2 for k, v in after.items())
    # The same as counting again from the responses that are left.
    async with sessionmaker() as s:
        await rebuild_campaigns(s, str(campaign_id))
        await s.commit()
    assert await cells(session, campaign_id) == after

    audit = list(
        await session.scalars(select(AuditEvent).where(AuditEvent.action == "response.retracted"))
    )
    assert len(audit) == 1
    assert audit[0].changes["reason"]["after"] == "Pushed to the wrong campaign"
    assert audit[0].changes["external_ids"]["after"] == ["PAS-0"]
    events = list(
        await session.scalars(
            select(WebhookEvent).where(WebhookEvent.event_type == "response.retracted")
        )
    )
    assert [e.payload["data"]["external_id"] for e in events] == ["PAS-0"]

    # Twice is a no-op success; the id may be pushed again as a new response.
    twice = await retract(client, w, ["PAS-0"])
    assert (
        twice.json()["status"],
        twice.json()["retracted"],
        twice.json()["already_retracted"],
    ) == (
        "completed",
        0,
        1,
    )
    assert (
        len(
            list(
                await session.scalars(
                    select(AuditEvent).where(AuditEvent.action == "response.retracted")
                )
            )
        )
        == 1
    )
    await push(client, w, [identified(0)])
    assert await session.scalar(select(func.count()).select_from(Response)) == 3


async def test_in_an_anonymous_campaign_a_retraction_leaves_the_results_at_the_next_release(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Taking one response out of published results at once would show its answers by the
    difference (docs/disclosure.md): the retraction waits, like any change, for a release of
    at least k new responses; the record itself is gone at once."""
    w = await arrange(client, session, anonymity=Anonymity.anonymous, min_cell_size=3)
    campaign_id = w["campaign_id"]

    def counted(table: dict[tuple[Any, ...], int]) -> int:
        return max(v for k, v in table.items() if k[0] == "__responses__" and k[1] == "all")

    await push(client, w, [item(n) for n in range(3)])
    assert counted(await cells(session, campaign_id)) == 3
    before = await cells(session, campaign_id)

    done = await retract(client, w, ["PAS-0"])
    assert done.json()["retracted"] == 1, done.text
    assert await session.scalar(select(func.count()).select_from(Response)) == 2
    assert await cells(session, campaign_id) == before, "no release of one change"

    await push(client, w, [item(n) for n in range(3, 6)])
    assert counted(await cells(session, campaign_id)) == 5, "released with 3 newcomers"


@pytest.mark.parametrize("scopes", [[Scope.responses_read]])
async def test_retraction_needs_the_write_scope(
    client: httpx.AsyncClient, session: AsyncSession, scopes: list[Scope]
) -> None:
    w = await arrange(client, session)
    await push(client, w, [item(1)])
    reader = await client_token(client, await make_api_client(session, w["org"], scopes))
    assert (await retract(client, {**w, "headers": reader}, ["PAS-1"])).status_code == 403


async def test_retraction_derives_the_measurements_of_mapped_questions_again(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """A question mapped to an indicator makes a derived measurement from the published
    results; retracting responses corrects it in the retraction's own transaction."""
    org = await make_org(session)
    await make_indicator(session, "SU-PLAN")
    version = await make_published_version(session, org, content=MAPPED)
    campaign, _ = await make_campaign(
        session,
        version,
        [await make_service(session, org, code="CMHT-W")],
        anonymity=Anonymity.identified,
        channels=(Channel.partner,),
    )
    api = await make_api_client(session, org, ALL)
    w = {"campaign_id": campaign.id, "headers": await client_token(client, api)}
    # Eight of each answer and more: every count is shown whatever its perturbation.
    await push(
        client,
        w,
        [
            identified(n, service="CMHT-W", answers={"has_plan": "yes" if n < 20 else "no"})
            for n in range(40)
        ],
    )
    assert await derive_measurements(session) == 1
    await session.commit()
    derived = select(Measurement.denominator).where(Measurement.source == "derived")
    before = await session.scalar(derived)
    assert before is not None

    done = await retract(client, w, [f"PAS-{n}" for n in range(10)])
    assert done.json()["retracted"] == 10
    session.expire_all()
    after = await session.scalar(derived)
    assert after is not None
    # Published counts are perturbed a little (cell keys), never by ten.
    assert after < before
    assert await derive_measurements(session) == 0  # already derived again: nothing changes
    await session.rollback()


async def test_retraction_derives_again_only_the_points_its_campaigns_feed(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Retracting responses of one campaign derives again the points that campaign feeds
    (pooled with any other campaign mapping the same indicator in the same service), and
    leaves every other campaign's derived measurements as they were: the worker derives
    those at its own pace (a retraction used to derive every campaign on the platform)."""
    org = await make_org(session)
    await make_indicator(session, "SU-PLAN")
    version = await make_published_version(session, org, content=MAPPED)
    west = await make_service(session, org, code="CMHT-W")
    east = await make_service(session, org, code="CMHT-E")
    west_id, east_id = west.id, east.id
    w: dict[str, dict[str, Any]] = {}
    for name, service in (("retracted", west), ("beside", west), ("elsewhere", east)):
        code = str(service.code)
        campaign, _ = await make_campaign(
            session,
            version,
            [service],
            anonymity=Anonymity.identified,
            channels=(Channel.partner,),
        )
        w[name] = {"campaign_id": campaign.id, "service": code}
    w["retracted"]["headers"] = w["beside"]["headers"] = w["elsewhere"][
        "headers"
    ] = await client_token(client, await make_api_client(session, org, ALL))

    async def answers(name: str, first: int, yes: int, no: int) -> None:
        code = w[name]["service"]
        await push(
            client,
            w[name],
            [
                identified(
                    n, service=code, answers={"has_plan": "yes" if n < first + yes else "no"}
                )
                for n in range(first, first + yes + no)
            ],
        )

    # Eight of each answer and more: every count is shown whatever its perturbation.
    await answers("retracted", 0, 20, 20)
    await answers("beside", 100, 30, 10)
    await answers("elsewhere", 200, 20, 20)
    assert await derive_measurements(session) == 2  # one point per service
    await session.commit()

    async def derived() -> dict[Any, tuple[float | None, Any]]:
        session.expire_all()
        found = await session.scalars(select(Measurement).where(Measurement.source == "derived"))
        return {m.service_id: (m.denominator, m.recorded_at) for m in found}

    # The east campaign's results move on; the worker has not derived them yet.
    await answers("elsewhere", 300, 0, 40)
    before = await derived()
    done = await retract(client, w["retracted"], [f"PAS-{n}" for n in range(10)])
    assert done.json()["retracted"] == 10
    after = await derived()
    # The west point, pooled from both west campaigns, is derived again at once...
    west_before, west_after = before[west_id][0], after[west_id][0]
    assert west_before is not None
    assert west_after is not None
    assert west_after < west_before
    # ... and the east one, fed by a campaign the retraction did not touch, is left alone.
    assert after[east_id] == before[east_id]
    # What the worker's pass over every campaign changes is that east point only: the west
    # one was derived again from both west campaigns, not from the retracted one alone.
    assert await derive_measurements(session) == 1
    await session.commit()
    final = await derived()
    assert final[west_id] == after[west_id]
    assert final[east_id][0] != before[east_id][0]
