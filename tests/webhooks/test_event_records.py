"""Every event names its record (the key that orders its deliveries) by a UUID, so the
outbox's columns hold it whatever the event: an event that does not fit would roll back
the change that raised it (on PostgreSQL a measurement push subscribed to
``indicator.signal`` answered 500, its record id being 73 characters for 64)."""

from __future__ import annotations

import typing
import uuid
from datetime import UTC, date, datetime
from typing import Any

import httpx
from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Scope
from gwella.organisations.models import Organisation
from gwella.webhooks import service as webhooks
from gwella.webhooks.models import WebhookDelivery, WebhookEvent
from gwella.webhooks.schemas import EVENTS, RECORDS, WebhookEventType
from tests.factories import client_token, make_api_client, make_indicator, monthly
from tests.webhooks.conftest import Hooks

A, B = uuid.uuid4(), uuid.uuid4()
MOMENT = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
SAMPLES: dict[WebhookEventType, dict[str, Any]] = {
    WebhookEventType.response_created: {
        "response_id": A,
        "campaign_id": B,
        "service_id": B,
        "channel": "partner",
        "submitted_at": MOMENT,
        "external_id": "PAS-" + "9" * 196,
    },
    WebhookEventType.response_updated: {
        "response_id": A,
        "campaign_id": B,
        "service_id": B,
        "channel": "partner",
        "submitted_at": MOMENT,
    },
    WebhookEventType.responses_ingested: {
        "batch_kind": "import",
        "batch_id": A,
        "source_organisation_id": B,
        "campaign_ids": [B],
        "counts": {"created": 2, "updated": 1, "unchanged": 0},
        "changed_from": MOMENT,
        "changed_to": MOMENT,
        "submitted_from": MOMENT,
        "submitted_to": MOMENT,
        "changes_url": "http://gwella.test/api/v1/responses/changes?changed_since=x",
    },
    WebhookEventType.results_released: {
        "campaign_id": A,
        "service_ids": [B, uuid.uuid4()],
        "released_on": date(2026, 11, 2),
    },
    WebhookEventType.import_completed: {
        "import_id": A,
        "status": "completed",
        "imported": 1,
        "updated": 0,
        "ignored": 0,
        "rejected": 0,
    },
    WebhookEventType.campaign_closed: {
        "campaign_id": A,
        "instrument_version_id": B,
        "closed_at": MOMENT,
    },
    WebhookEventType.measurement_created: {
        "measurement_id": A,
        "indicator_id": B,
        "service_id": uuid.uuid4(),
        "period_start": date(2026, 10, 1),
        "period_end": date(2026, 10, 31),
        "value": 1.5,
    },
    WebhookEventType.measurement_updated: {
        "measurement_id": A,
        "indicator_id": B,
        "service_id": None,
        "period_start": date(2026, 10, 1),
        "period_end": date(2026, 10, 31),
        "value": 2.5,
        "previous_value": 1.5,
    },
    WebhookEventType.indicator_signal: {
        "indicator_id": A,
        "service_id": B,
        "period_end": date(2026, 10, 31),
        "signal": "concern",
        "rule": "outside_limits",
        "value": 99.0,
    },
    WebhookEventType.action_created: {
        "action_id": A,
        "title": "T" * 200,
        "status": "proposed",
        "source": "service_user",
    },
    WebhookEventType.action_status_changed: {
        "action_id": A,
        "previous_status": "agreed",
        "status": "in_progress",
    },
    WebhookEventType.response_retracted: {
        "response_id": A,
        "campaign_id": B,
        "service_id": B,
        "external_id": "X" * 200,
    },
    WebhookEventType.measurement_retracted: {
        "measurement_id": A,
        "indicator_id": B,
        "service_id": None,
        "period_start": date(2026, 10, 1),
        "period_end": date(2026, 10, 31),
        "external_id": "X" * 200,
    },
}


def _length(column: Any) -> int:
    assert isinstance(column.type, String)
    assert column.type.length is not None
    return int(column.type.length)


def test_every_event_type_names_its_record_by_a_uuid_that_fits_the_outbox() -> None:
    assert set(RECORDS) == set(WebhookEventType) == set(SAMPLES)
    for kind, (record_type, field) in RECORDS.items():
        data_model, _ = EVENTS[kind]
        hints = typing.get_type_hints(data_model)
        assert hints[field] is uuid.UUID, (kind, field)  # never optional, never composite
        assert data_model.model_fields[field].is_required(), (kind, field)
        for table in (WebhookEvent, WebhookDelivery):
            assert len(record_type) <= _length(table.__table__.c.record_type)
            assert len(str(uuid.uuid4())) <= _length(table.__table__.c.record_id)
        assert len(kind.value) <= _length(WebhookEvent.__table__.c.event_type)


async def test_every_event_type_is_stored_under_its_record(hooks: Hooks, org: Organisation) -> None:
    """Emitted for a subscriber, each type's event and delivery are written (on PostgreSQL
    the column lengths are enforced) with the record the event's payload names."""
    await hooks.subscribe(org)
    async with hooks.sessionmaker() as s:
        for kind, payload in SAMPLES.items():
            record_type, field = RECORDS[kind]
            await webhooks.emit(
                s,
                event_type=kind.value,
                organisation_id=org.id,
                record_type=record_type,
                record_id=payload[field],
                payload=payload,
            )
        await s.commit()
    async with hooks.sessionmaker() as s:
        events = list(await s.scalars(select(WebhookEvent).order_by(WebhookEvent.seq)))
        deliveries = {d.event_seq: d for d in await s.scalars(select(WebhookDelivery))}
    assert [e.event_type for e in events] == [k.value for k in SAMPLES]
    for event in events:
        record_type, field = RECORDS[WebhookEventType(event.event_type)]
        assert (event.record_type, event.record_id) == (record_type, str(A))
        assert event.payload["data"][field] == str(A)
        delivery = deliveries[event.seq]
        assert (delivery.record_type, delivery.record_id) == (record_type, str(A))


async def test_an_event_whose_record_is_not_the_one_its_payload_names_is_refused(
    hooks: Hooks, org: Organisation
) -> None:
    """A record id that is not the payload's record (a composite key, another record) is a
    programming error caught before anything is written, as a bad payload is."""
    await hooks.subscribe(org)
    payload = SAMPLES[WebhookEventType.indicator_signal]
    wrong: list[tuple[str, Any]] = [
        ("indicator", f"{A}:{org.id}"),
        ("indicator", B),
        ("measurement", A),
    ]
    async with hooks.sessionmaker() as s:
        for record_type, record_id in wrong:
            try:
                await webhooks.emit(
                    s,
                    event_type="indicator.signal",
                    organisation_id=org.id,
                    record_type=record_type,
                    record_id=record_id,
                    payload=payload,
                )
            except ValueError:
                continue
            raise AssertionError(f"{record_type}/{record_id} was accepted")
        assert await s.scalar(select(WebhookEvent.seq)) is None


async def test_a_measurement_push_that_raises_a_signal_for_a_subscriber_is_stored(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks, org: Organisation
) -> None:
    """The regression: on PostgreSQL this push answered 500 and stored nothing."""
    indicator = await make_indicator(session, owner=org)
    await hooks.subscribe(org, [WebhookEventType.indicator_signal])
    api = await make_api_client(session, org, [Scope.measurements_write])
    headers = await client_token(client, api)
    items = monthly(indicator.code, [50.0, 52.0] * 6 + [90.0])
    r = await client.post("/api/v1/ingest/measurements", headers=headers, json={"items": items})
    assert r.status_code == 200, r.text
    assert r.json()["imported"] == 13
    async with hooks.sessionmaker() as s:
        [event] = list(await s.scalars(select(WebhookEvent)))
    assert event.event_type == "indicator.signal"
    assert (event.record_type, event.record_id) == ("indicator", str(indicator.id))
    assert event.payload["data"]["signal"] == "improvement"
    assert event.payload["data"]["value"] == 90.0
