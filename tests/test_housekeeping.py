"""The worker's chores: a campaign whose window passes is announced once, as if closed by
hand; tokens nobody can use any more are deleted after a day's grace."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import AccessToken, Role
from gwella.campaigns import service as campaigns
from gwella.core.audit import AuditEvent
from gwella.core.config import Settings
from gwella.core.database import utcnow
from gwella.housekeeping import announce_closed_campaigns, prune_tokens
from gwella.webhooks import service as webhooks
from gwella.webhooks.models import WebhookEvent
from gwella.webhooks.schemas import WebhookEventType, WebhookSubscriptionCreate
from tests.factories import SYSTEM, make_org, make_service, make_user, sign_in
from tests.surveys import make_campaign, make_published_version


async def _closed_events(session: AsyncSession) -> list[str]:
    rows = await session.scalars(
        select(AuditEvent.record_id).where(AuditEvent.action == "campaign.closed")
    )
    return list(rows)


async def test_a_campaign_whose_window_passed_is_announced_once(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    org = await make_org(session)
    services = [await make_service(session, org)]
    version = await make_published_version(session, org)
    await webhooks.create_subscription(
        session,
        SYSTEM,
        settings,
        WebhookSubscriptionCreate(
            url="https://receiver.example.test/hook",
            event_types=[WebhookEventType("campaign.closed")],
        ),
        organisation_id=org.id,
        api_client_id=None,
    )
    await session.commit()
    ending, _ = await make_campaign(session, version, services, lasts=timedelta(days=2))
    running, _ = await make_campaign(session, version, services, lasts=timedelta(days=30))
    by_hand, _ = await make_campaign(session, version, services, lasts=timedelta(days=2))
    await campaigns.close_campaign(session, SYSTEM, by_hand)
    await session.commit()

    later = utcnow() + timedelta(days=3)
    for _ in range(2):  # the second pass (or a second worker) finds nothing left to do
        async with sessionmaker() as s:
            await announce_closed_campaigns(s, later)
            await s.commit()

    closed = await _closed_events(session)
    assert sorted(closed) == sorted([str(ending.id), str(by_hand.id)])
    assert str(running.id) not in closed
    outbox = list(
        await session.scalars(
            select(WebhookEvent.record_id).where(WebhookEvent.event_type == "campaign.closed")
        )
    )
    assert sorted(outbox) == sorted([str(ending.id), str(by_hand.id)])

    long_ago = utcnow() + timedelta(days=90)  # far past the look-back: not announced late
    stale, _ = await make_campaign(session, version, services, lasts=timedelta(days=2))
    async with sessionmaker() as s:
        await announce_closed_campaigns(s, long_ago)
        await s.commit()
    assert str(stale.id) not in await _closed_events(session)


async def test_expired_and_revoked_tokens_are_deleted_after_a_day(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session, {await make_org(session): [Role.staff]})
    live = await sign_in(client, user.email)
    await sign_in(client, user.email)
    revoked = await sign_in(client, user.email)
    # RFC 7009: revocation answers 200
    assert (
        await client.post("/api/v1/auth/revoke", data={"token": revoked["Authorization"][7:]})
    ).status_code == 200
    tokens = list(await session.scalars(select(AccessToken).order_by(AccessToken.created_at)))
    assert len(tokens) == 3
    tokens[1].expires_at = utcnow() - timedelta(days=2)
    await session.commit()

    removed = await prune_tokens(session, utcnow() + timedelta(days=1, minutes=1))
    await session.commit()
    assert removed == 2
    assert await session.scalar(select(func.count()).select_from(AccessToken)) == 1
    assert (await client.get("/api/v1/users/me", headers=live)).status_code == 200
