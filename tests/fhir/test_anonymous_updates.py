"""In an anonymous campaign a response keeps only its day, also when it is changed (issue
16's attacker pass, F6): the update was stamped with the exact time, shown as FHIR
meta.lastUpdated, a Bundle entry's lastModified, and stored. Here every door a partner reads
is checked after updates by each way of pushing: nothing shows a time finer than the day."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Scope
from gwella.responses.models import Response
from gwella.webhooks import service as webhooks
from gwella.webhooks.models import WebhookEvent
from gwella.webhooks.schemas import WebhookEventType, WebhookSubscriptionCreate
from tests.factories import SYSTEM, client_token, make_api_client
from tests.fhir.support import VALID_ITEMS, arrange_push, bundle, coding, qr, replace

POST = "/fhir/r4/QuestionnaireResponse"
# An RFC 3339 / ISO time anywhere in a text: its clock must be midnight, to the microsecond.
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)")


def _day_only(where: str, value: Any) -> None:
    text = value if isinstance(value, str) else repr(value)
    for clock in _TIME.findall(text):
        assert re.fullmatch(r"00:00:00(\.0+)?", clock), (where, clock, text)


async def test_updates_in_an_anonymous_campaign_show_only_their_day_everywhere(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session)
    await webhooks.create_subscription(
        session,
        SYSTEM,
        client._transport.app.state.settings,  # type: ignore[attr-defined]
        WebhookSubscriptionCreate(
            url="https://hooks.example.org/gwella",
            event_types=[
                WebhookEventType("response.updated"),
                WebhookEventType("responses.ingested"),
            ],
        ),
        organisation_id=w.org.id,
        api_client_id=None,
    )
    scopes = [Scope.responses_read, Scope.responses_write]
    reader = await client_token(client, await make_api_client(session, w.org, scopes))
    await session.commit()
    for n in (1, 2, 3):
        assert (await client.post(POST, headers=w.headers, json=qr(w, n))).status_code == 201
    changed = replace(VALID_ITEMS, "involved", [coding("1")])
    # A single QuestionnaireResponse, a Bundle and a JSON push each change one.
    single = await client.post(POST, headers=w.headers, json=qr(w, 1, changed))
    assert single.status_code == 200, single.text
    _day_only("single echo", single.json().get("meta"))
    sent = await client.post(
        "/fhir/r4", headers=w.headers, json=bundle("batch", [qr(w, 2, changed)])
    )
    assert sent.status_code == 200, sent.text
    [entry] = sent.json()["entry"]
    assert entry["response"]["status"].startswith("200"), entry
    _day_only("bundle lastModified", entry["response"])
    pushed = await client.post(
        "/api/v1/ingest/responses",
        headers=reader,
        json={
            "campaign_id": str(w.campaign.id),
            "items": [
                {
                    "external_id": "PAS-3",
                    "service": "CMHT-N",
                    "submitted_at": qr(w, 3)["authored"],
                    "language": "cy",
                    "answers": {"involved": "2", "has_plan": "no"},
                }
            ],
        },
    )
    assert pushed.status_code == 200, pushed.text
    assert pushed.json()["updated"] == 1, pushed.text

    midnight = datetime.combine(datetime.now(UTC).date(), time(0), tzinfo=UTC)
    stored = list(await session.scalars(select(Response).order_by(Response.external_id)))
    assert [r.updated_at for r in stored] == [midnight] * 3
    assert [r.submitted_at.time() for r in stored] == [time(0)] * 3

    rest = await client.get("/api/v1/responses", headers=reader, params={"limit": 10})
    assert rest.status_code == 200, rest.text
    _day_only("REST read", rest.json())
    feed = await client.get("/api/v1/responses/changes", headers=reader)
    assert feed.status_code == 200, feed.text
    assert len(feed.json()["items"]) == 3
    _day_only("feed", feed.json()["items"])
    for r in stored:
        one = await client.get(f"{POST}/{r.id}", headers=reader)
        assert one.status_code == 200, one.text
        assert one.json()["meta"]["lastUpdated"].startswith(midnight.date().isoformat())
        _day_only("FHIR read", one.json())
    found = await client.get(POST, headers=reader)
    assert found.status_code == 200, found.text
    _day_only("FHIR search", [e["resource"] for e in found.json()["entry"]])
    events = list(
        await session.scalars(
            select(WebhookEvent).where(
                WebhookEvent.event_type.in_(["response.updated", "responses.ingested"])
            )
        )
    )
    assert {e.event_type for e in events} == {"response.updated", "responses.ingested"}
    for event in events:
        _day_only(f"{event.event_type} payload", event.payload)
