"""A populated partnership for the robustness tests: every role, and one real record behind
each path parameter name of the API, so that fuzzed requests reach past "not found".

The records that a fuzzer could break for everyone (the actors' own accounts and API client)
are kept apart from the records it is given to aim at (a target person, a target client)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Membership, Role, Scope
from gwella.core.audit import AuditEvent
from gwella.responses.models import Answer
from gwella.webhooks.models import WebhookDelivery
from tests.factories import (
    Client,
    World,
    client_token,
    make_api_client,
    make_partnership,
    make_user,
    make_world,
    sign_in,
)
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version

# The actors, by the name the tests use, mapped to the World's user keys (None: anonymous).
PEOPLE = {
    "platform_admin": "platform",
    "org_admin": "a_admin",
    "manager": "a_manager",
    "staff": "a_staff",
    "service_user": "a_service_user",
}
ROLES = [*PEOPLE, "api_client", "anonymous"]


@dataclass
class Seeded:
    world: World
    actor_client: Client
    known: dict[str, str] = field(default_factory=dict)
    """A real value for each path parameter name (organisation_id, campaign_id, token …)."""
    campaign_token: str = ""

    async def headers(self, http: httpx.AsyncClient, role: str) -> dict[str, str]:
        """A fresh bearer token for the role (anonymous: no header)."""
        if role == "anonymous":
            return {}
        if role == "api_client":
            return await client_token(http, self.actor_client)
        return await sign_in(http, self.world.users[PEOPLE[role]].email)


async def seed(session: AsyncSession, http: httpx.AsyncClient, *, partners: bool = True) -> Seeded:
    """Records of organisation A behind every path parameter; A and B are partners unless
    ``partners`` is false."""
    world = await make_world(session)
    a, b = world.a, world.b
    actor = await make_api_client(
        session, a, [Scope.read, Scope.responses_write, Scope.measurements_write]
    )
    target_client = await make_api_client(session, a, [Scope.read])
    target_user = await make_user(session, {a: [Role.staff]})
    partnership = await make_partnership(session, a, *([b] if partners else []))
    version = await make_published_version(session, a, code=f"fz{uuid.uuid4().hex[:6]}")
    service = world.services["a"]
    campaign, links = await make_campaign(session, version, [service])
    token = links[service.id].public_token
    seeded = Seeded(world, actor, campaign_token=token)

    admin = await sign_in(http, world.users["a_admin"].email)

    async def post(path: str, body: dict[str, Any] | None, headers: dict[str, str]) -> Any:
        r = await http.post(path, json=body, headers=headers)
        assert r.status_code == 201, (path, r.status_code, r.text)
        return r.json()

    await post(
        f"/api/v1/public/surveys/{token}/responses",
        {"submission_id": str(uuid.uuid4()), "language": "en", "answers": VALID_ANSWERS},
        {},
    )
    draft = await post(f"/api/v1/instruments/{version.instrument_id}/versions", None, admin)
    invitation = await post(
        "/api/v1/invitations",
        {"email": "invited@example.org", "organisation_id": str(a.id), "role": "staff"},
        admin,
    )
    indicator = await post(
        "/api/v1/indicators",
        {
            "code": "FZ-1",
            "name": {"en": "Fuzzed", "cy": "Fuzzed"},
            "unit": "%",
            "direction": "higher_is_better",
            "organisation_id": str(a.id),
        },
        admin,
    )
    subscription = await post(
        "/api/v1/webhook-subscriptions",
        {
            "organisation_id": str(a.id),
            "url": "http://127.0.0.1:9/hook",
            "event_types": ["response.created", "campaign.closed"],
        },
        admin,
    )
    membership = await session.scalar(
        select(Membership.id).where(Membership.user_id == target_user.id)
    )
    answer, response_id = (await session.execute(select(Answer.id, Answer.response_id))).first()
    delivery = await session.scalar(select(WebhookDelivery.id).limit(1))
    event = await session.scalar(
        select(AuditEvent.id).where(AuditEvent.organisation_id == a.id).limit(1)
    )
    seeded.known = {
        "organisation_id": str(a.id),
        "service_id": str(service.id),
        "user_id": str(target_user.id),
        "membership_id": str(membership),
        "api_client_id": str(target_client.record.id),
        "invitation_id": str(invitation["id"]),
        "partnership_id": str(partnership.id),
        "instrument_id": str(version.instrument_id),
        "version_id": str(draft["id"]),
        "campaign_id": str(campaign.id),
        "response_id": str(response_id),
        "answer_id": str(answer),
        "token": token,
        "indicator_id": str(indicator["id"]),
        "subscription_id": str(subscription["id"]),
        "event_id": str(event),
        "questionnaire_id": str(version.id),
    }
    if delivery is not None:
        seeded.known["delivery_id"] = str(delivery)
    return seeded
