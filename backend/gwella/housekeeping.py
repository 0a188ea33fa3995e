"""Chores the worker does now and then: announcing campaigns whose window has passed, and
removing access tokens nobody can use any more. Each is safe to run from several workers."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import signin
from gwella.campaigns import service as campaigns
from gwella.core.audit import AuditContext, AuditEvent

TOKEN_GRACE = timedelta(days=1)
"""Expired or revoked tokens are kept a day, so that a refused request can still be told
apart from an unknown token in the logs of that day, then deleted."""
CLOSING_LOOKBACK = timedelta(days=30)
"""A campaign whose window passed longer ago than this (e.g. while no worker ran) is not
announced any more: a late `campaign.closed` would mislead more than it helps."""


async def prune_tokens(session: AsyncSession, now: datetime) -> int:
    # Only tokens already refused go, so no principal a server remembers changes.
    return await signin.prune_tokens(session, now - TOKEN_GRACE)


async def announce_closed_campaigns(session: AsyncSession, now: datetime) -> int:
    """Campaigns whose window has passed since the last look and that nobody closed by hand:
    record `campaign.closed` in the audit trail and emit the webhook, once. Rows are locked
    (skipping those another worker holds) so that two workers never announce one twice."""
    due = await campaigns.window_passed(session, now, CLOSING_LOOKBACK)
    # the audit trail keeps record ids as text, so match them here rather than in SQL
    done = set(
        await session.scalars(
            select(AuditEvent.record_id).where(
                AuditEvent.record_type == "campaign",
                AuditEvent.action == "campaign.closed",
                AuditEvent.record_id.in_([str(c.id) for c in due]),
            )
        )
    )
    due = [c for c in due if str(c.id) not in done]
    count = 0
    for campaign in due:
        await campaigns.announce_closed(
            session, AuditContext.system("campaign-window"), campaign, campaign.closes_at
        )
        count += 1
    return count
