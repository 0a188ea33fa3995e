"""Load a webhook subscription or delivery and decide, in the same call, whether the caller may
manage it (its organisation's administrators, or the API client that owns it); others get 404."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from gwella import policy
from gwella.core.errors import NotFound
from gwella.webhooks import service

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from gwella.core.principal import Principal
    from gwella.webhooks.models import WebhookDelivery, WebhookSubscription


async def visible_subscription(
    session: AsyncSession, p: Principal, subscription_id: uuid.UUID
) -> WebhookSubscription:
    subscription = await service.get_subscription(session, subscription_id)
    policy.ensure_manage_subscription(p, subscription.organisation_id, subscription.api_client_id)
    return subscription


async def visible_delivery(
    session: AsyncSession, p: Principal, delivery_id: uuid.UUID
) -> tuple[WebhookDelivery, WebhookSubscription]:
    delivery = await service.get_delivery(session, delivery_id)
    subscription = await service.get_subscription(session, delivery.subscription_id)
    try:
        policy.ensure_manage_subscription(
            p, subscription.organisation_id, subscription.api_client_id
        )
    except NotFound:
        raise NotFound("No webhook delivery with that id is visible to you.") from None
    return delivery, subscription
