"""Webhooks tell no more than the results do, and no finer time than the responses keep.

In an anonymous campaign, results move on by releases of several responses, so subscribers
hear of releases (`results.released`), never of single web responses; the event carries the
end of the day as its time and is sent only once the day is over, and its delivery records
keep no finer time either. In an identified-with-consent campaign each response is announced
at once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.campaigns.enums import Anonymity
from gwella.core.database import utcnow
from gwella.organisations.models import Organisation
from gwella.webhooks.models import WebhookDelivery, WebhookEvent
from gwella.webhooks.schemas import WebhookEventType
from tests.factories import make_service, make_user, sign_in
from tests.surveys import VALID_ANSWERS, answer_publicly, make_campaign, make_published_version
from tests.webhooks.conftest import Hooks

BOTH = [WebhookEventType("response.created"), WebhookEventType("results.released")]


async def test_an_anonymous_campaign_announces_releases_after_their_day(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks, org: Organisation
) -> None:
    await hooks.subscribe(org, BOTH)
    service = await make_service(session, org)
    version = await make_published_version(session, org)
    campaign, links = await make_campaign(session, version, [service])
    before = utcnow()
    token = links[service.id].public_token
    await answer_publicly(client, token, times=4)
    assert list(await session.scalars(select(WebhookEvent))) == []  # nothing per response
    await answer_publicly(client, token)
    day_over = datetime.combine(before.date() + timedelta(days=1), time(), tzinfo=UTC)

    [event] = await session.scalars(select(WebhookEvent))
    assert event.event_type == "results.released"
    assert event.occurred_at == day_over
    assert event.payload["timestamp"].startswith(day_over.date().isoformat() + "T00:00:00")
    assert event.payload["data"] == {
        "organisation_id": str(org.id),
        "campaign_id": str(campaign.id),
        "service_ids": [str(service.id)],
        "released_on": before.date().isoformat(),
    }
    [delivery] = await session.scalars(select(WebhookDelivery))
    assert delivery.next_attempt_at == day_over
    assert delivery.created_at == day_over  # no record of the moment of the release

    assert await hooks.step(utcnow()) == 0  # nothing goes out during the day
    assert hooks.receiver.requests == []
    assert await hooks.step(day_over + timedelta(seconds=1)) == 1
    [request] = hooks.receiver.requests
    assert request.event["type"] == "results.released"


async def test_a_response_of_an_identified_campaign_is_announced_at_once(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks, org: Organisation
) -> None:
    await hooks.subscribe(org, BOTH)
    service = await make_service(session, org)
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(session, version, [service], anonymity=Anonymity.identified)
    staff = await sign_in(client, (await make_user(session, {org: [Role.staff]})).email)
    entered = await client.post(
        f"/api/v1/campaigns/{campaign.id}/paper-responses",
        headers=staff,
        json={
            "service_id": str(service.id),
            "completed_on": utcnow().date().isoformat(),
            "submission_id": str(uuid.uuid4()),
            "answers": VALID_ANSWERS,
            "consent": True,
            "respondent_reference": "NHS 943 476 5919",
        },
    )
    assert entered.status_code == 201, entered.text
    assert await hooks.step(utcnow()) == 1
    [request] = hooks.receiver.requests
    assert request.event["type"] == "response.created"
