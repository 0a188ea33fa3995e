"""An anonymous response keeps only its day; its webhook must not tell the moment either:
the event carries the end of the day as its time and is sent only once the day is over.
Responses whose time is already known (pushed by a partner, entered by staff) are sent at
once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.core.database import utcnow
from gwella.organisations.models import Organisation
from gwella.webhooks.models import WebhookDelivery, WebhookEvent
from gwella.webhooks.schemas import WebhookEventType
from tests.factories import make_service, make_user, sign_in
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version
from tests.webhooks.conftest import Hooks


async def test_an_anonymous_web_response_is_announced_after_its_day(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks, org: Organisation
) -> None:
    await hooks.subscribe(org, [WebhookEventType("response.created")])
    service = await make_service(session, org)
    version = await make_published_version(session, org)
    campaign, links = await make_campaign(session, version, [service])
    before = utcnow()
    sent = await client.post(
        f"/api/v1/public/surveys/{links[service.id].public_token}/responses",
        json={"submission_id": str(uuid.uuid4()), "answers": VALID_ANSWERS},
    )
    assert sent.status_code == 201, sent.text
    day_over = datetime.combine(before.date() + timedelta(days=1), time(), tzinfo=UTC)

    [event] = await session.scalars(select(WebhookEvent))
    assert event.occurred_at == day_over
    assert event.payload["timestamp"].startswith(day_over.date().isoformat() + "T00:00:00")
    [delivery] = await session.scalars(select(WebhookDelivery))
    assert delivery.next_attempt_at == day_over

    assert await hooks.step(utcnow()) == 0  # nothing goes out during the day
    assert hooks.receiver.requests == []
    assert await hooks.step(day_over + timedelta(seconds=1)) == 1
    [request] = hooks.receiver.requests
    assert request.event["data"]["campaign_id"] == str(campaign.id)


async def test_a_response_entered_by_staff_is_announced_at_once(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks, org: Organisation
) -> None:
    await hooks.subscribe(org, [WebhookEventType("response.created")])
    service = await make_service(session, org)
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(session, version, [service])
    staff = await sign_in(client, (await make_user(session, {org: [Role.staff]})).email)
    entered = await client.post(
        f"/api/v1/campaigns/{campaign.id}/paper-responses",
        headers=staff,
        json={
            "service_id": str(service.id),
            "completed_on": utcnow().date().isoformat(),
            "submission_id": str(uuid.uuid4()),
            "answers": VALID_ANSWERS,
        },
    )
    assert entered.status_code == 201, entered.text
    assert await hooks.step(utcnow()) == 1
