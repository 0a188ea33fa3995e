"""emit_many: the outbox rows of many events written at once are exactly those of emitting
them one by one (same events, same order, same receivers), and bulk ingestion uses it."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import Scope
from gwella.campaigns.enums import Channel
from gwella.core.database import utcnow
from gwella.organisations.models import Organisation
from gwella.responses.models import Response
from gwella.webhooks import service as webhooks
from gwella.webhooks.models import WebhookDelivery, WebhookEvent
from gwella.webhooks.schemas import WebhookEventType
from tests.factories import client_token, make_api_client, make_org, make_service
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version
from tests.webhooks.conftest import Hooks


def events_for(org: Organisation, other: Organisation) -> list[webhooks.PendingEvent]:
    """A mix: two records with several events each, interleaved, another organisation's
    event, and an event type one subscription does not want."""
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    out = []
    for n, (record, status) in enumerate(
        [(a, "agreed"), (b, "agreed"), (a, "in_progress"), (b, "done"), (a, "done")]
    ):
        out.append(
            webhooks.PendingEvent(
                event_type="action.status_changed",
                organisation_id=org.id,
                record_type="action",
                record_id=record,
                payload={"action_id": record, "previous_status": f"s{n}", "status": status},
            )
        )
    out.insert(
        2,
        webhooks.PendingEvent(
            event_type="action.created",
            organisation_id=org.id,
            record_type="action",
            record_id=c,
            payload={"action_id": c, "title": "Evening clinic", "status": "proposed"}
            | {"source": "service_user"},
        ),
    )
    out.insert(
        4,
        webhooks.PendingEvent(
            event_type="action.created",
            organisation_id=other.id,
            record_type="action",
            record_id=c,
            payload={"action_id": c, "title": "Drop-in", "status": "proposed"}
            | {"source": "staff"},
        ),
    )
    return out


async def outbox(
    maker: async_sessionmaker[AsyncSession],
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The events (without their generated id and time) in sequence order, and each
    delivery as (position of its event, subscription)."""
    async with maker() as s:
        events = list(await s.scalars(select(WebhookEvent).order_by(WebhookEvent.seq)))
        position = {e.seq: i for i, e in enumerate(events)}
        deliveries = await s.scalars(select(WebhookDelivery))
        shown = [
            (
                e.event_type,
                str(e.organisation_id),
                e.record_type,
                e.record_id,
                e.payload["type"],
                e.payload["data"],
            )
            for e in events
        ]
        sent = sorted(
            (position[d.event_seq], str(d.subscription_id), d.record_type, d.record_id, d.status)
            for d in deliveries
        )
        return shown, sent


async def clear(maker: async_sessionmaker[AsyncSession]) -> None:
    async with maker() as s:
        for model in (WebhookDelivery, WebhookEvent):
            for row in await s.scalars(select(model)):
                await s.delete(row)
        await s.commit()


async def test_emit_many_writes_what_emitting_one_by_one_writes(
    hooks: Hooks, org: Organisation, session: AsyncSession
) -> None:
    other = await make_org(session)
    await hooks.subscribe(org)
    await hooks.subscribe(org, [WebhookEventType.action_status_changed])
    await hooks.subscribe(other, [WebhookEventType.action_created])
    pending = events_for(org, other)

    async with hooks.sessionmaker() as s:
        for p in pending:
            await webhooks.emit(
                s,
                event_type=p.event_type,
                organisation_id=p.organisation_id,
                record_type=p.record_type,
                record_id=p.record_id,
                payload=p.payload,
            )
        await s.commit()
    one_by_one = await outbox(hooks.sessionmaker)
    await clear(hooks.sessionmaker)

    async with hooks.sessionmaker() as s:
        await webhooks.emit_many(s, pending)
        await s.commit()
    batched = await outbox(hooks.sessionmaker)

    assert batched == one_by_one
    events, deliveries = batched
    assert [e[3] for e in events] == [str(p.record_id) for p in pending]
    assert len(deliveries) == 5 * 2 + 1 + 1, "status changes to two, creations to one each"


async def test_emit_many_with_one_bad_payload_writes_nothing(
    hooks: Hooks, org: Organisation, session: AsyncSession
) -> None:
    other = await make_org(session)
    await hooks.subscribe(org)
    pending = events_for(org, other)
    pending.append(
        webhooks.PendingEvent(
            event_type="campaign.closed",
            organisation_id=org.id,
            record_type="campaign",
            record_id=uuid.uuid4(),
            payload={"campaign_id": uuid.uuid4(), "secret_notes": "x"},
        )
    )
    async with hooks.sessionmaker() as s:
        with pytest.raises(ValueError, match="does not match"):
            await webhooks.emit_many(s, pending)
        await s.commit()
    assert await outbox(hooks.sessionmaker) == ([], [])


async def test_emit_many_of_nothing_or_for_nobody_writes_nothing(
    hooks: Hooks, org: Organisation, session: AsyncSession
) -> None:
    other = await make_org(session)
    async with hooks.sessionmaker() as s:
        await webhooks.emit_many(s, [])
        await webhooks.emit_many(s, events_for(org, other))
        await s.commit()
    assert await outbox(hooks.sessionmaker) == ([], [])


async def test_bulk_ingestion_emits_one_batch_event_and_no_created_event_per_response(
    hooks: Hooks, client: httpx.AsyncClient, session: AsyncSession, org: Organisation
) -> None:
    """A batch is announced once (``responses.ingested``, see test_batch_events.py): a
    subscriber to ``response.created`` alone hears nothing of it."""
    north = await make_service(session, org, code="CMHT-N")
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(
        session, version, [north], channels=(Channel.web, Channel.partner)
    )
    api = await make_api_client(session, org, [Scope.responses_write])
    headers = await client_token(client, api)
    per_row, _ = await hooks.subscribe(org, [WebhookEventType.response_created])
    batches, _ = await hooks.subscribe(org, [WebhookEventType.responses_ingested])
    when = (utcnow() - timedelta(hours=1)).isoformat()
    items = [
        {"external_id": f"PAS-{n}", "service": "CMHT-N", "submitted_at": when}
        | {"answers": VALID_ANSWERS}
        for n in (5, 1, 9, 3, 7)
    ]
    answer = await client.post(
        "/api/v1/ingest/responses",
        headers=headers,
        json={"campaign_id": str(campaign.id), "items": items},
    )
    assert answer.status_code == 200, answer.text
    events, deliveries = await outbox(hooks.sessionmaker)
    async with hooks.sessionmaker() as s:
        assert await s.scalar(select(func.count()).select_from(Response)) == 5
    assert [e[0] for e in events] == ["responses.ingested"]
    assert events[0][5]["counts"] == {"created": 5, "updated": 0, "unchanged": 0}
    assert events[0][5]["campaign_ids"] == [str(campaign.id)]
    assert [d[1] for d in deliveries] == [str(batches.id)]
    assert str(per_row.id) not in {d[1] for d in deliveries}
