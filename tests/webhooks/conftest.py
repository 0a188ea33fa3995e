"""Fixtures for webhook tests: the app with the webhook routes, a real receiver on 127.0.0.1,
and helpers to subscribe, emit and drive the delivery step with an explicit clock."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiohttp
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.core.config import Settings
from gwella.organisations.models import Organisation
from gwella.webhooks import delivery
from gwella.webhooks import service as webhooks
from gwella.webhooks.models import WebhookSubscription
from gwella.webhooks.router import router as webhooks_router
from gwella.webhooks.schemas import WebhookEventType, WebhookSubscriptionCreate
from tests.factories import SYSTEM, api_routes, make_org
from tests.webhooks.receiver import Receiver


@pytest.fixture
async def app(app: Any) -> Any:
    """The app, with the webhook routes included if ``main`` does not include them yet."""
    if not any(r.path.startswith("/api/v1/webhook-") for r in api_routes(app)):
        app.include_router(webhooks_router)
        routes = app.router.routes
        spa = [r for r in routes if getattr(r, "path", None) == "/{path:path}"]
        for route in spa:  # the web app's catch-all stays last
            routes.remove(route)
            routes.append(route)
    return app


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    r = Receiver()
    await r.start()
    yield r
    await r.close()


@pytest.fixture
def config(settings: Settings) -> delivery.DeliveryConfig:
    return delivery.DeliveryConfig.from_settings(settings, timeout=0.5)


@pytest.fixture
async def http(config: delivery.DeliveryConfig) -> AsyncIterator[aiohttp.ClientSession]:
    async with delivery.http_client(config) as client:
        yield client


@dataclass
class Hooks:
    """Drive the outbox: subscribe, emit, and run delivery steps at chosen times."""

    sessionmaker: async_sessionmaker[AsyncSession]
    settings: Settings
    http: aiohttp.ClientSession
    config: delivery.DeliveryConfig
    receiver: Receiver

    async def subscribe(
        self,
        org: Organisation,
        events: list[WebhookEventType] | None = None,
        url: str | None = None,
    ) -> tuple[WebhookSubscription, str]:
        async with self.sessionmaker() as s:
            sub, secret = await webhooks.create_subscription(
                s,
                SYSTEM,
                self.settings,
                WebhookSubscriptionCreate(
                    url=url or self.receiver.url,
                    event_types=events or list(WebhookEventType),
                ),
                organisation_id=org.id,
                api_client_id=None,
            )
            await s.commit()
        return sub, secret

    async def emit(self, org: Organisation, record: uuid.UUID, status: str = "agreed") -> None:
        """An ``action.status_changed`` event for ``record``, in a committed transaction."""
        async with self.sessionmaker() as s:
            await webhooks.emit(
                s,
                event_type="action.status_changed",
                organisation_id=org.id,
                record_type="action",
                record_id=record,
                payload={"action_id": record, "previous_status": "proposed", "status": status},
            )
            await s.commit()

    async def step(
        self, now: datetime | None = None, worker: str = "w1", portable: bool = False
    ) -> int:
        return await delivery.deliver_due(
            self.sessionmaker, self.http, self.config, worker_id=worker, now=now, portable=portable
        )


@pytest.fixture
def hooks(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    http: aiohttp.ClientSession,
    config: delivery.DeliveryConfig,
    receiver: Receiver,
) -> Hooks:
    return Hooks(sessionmaker, settings, http, config, receiver)


@pytest.fixture
async def org(session: AsyncSession) -> Organisation:
    return await make_org(session)
