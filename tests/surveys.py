"""Test data for surveys: published instruments and campaigns, made through the services."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.campaigns import service as campaigns
from gwella.campaigns.enums import Anonymity, Channel
from gwella.campaigns.models import Campaign, CampaignService
from gwella.campaigns.schemas import CampaignCreate
from gwella.core.database import utcnow
from gwella.core.text import LocalizedText
from gwella.instruments import review as instrument_review
from gwella.instruments import service as instruments
from gwella.instruments.content import InstrumentContent
from gwella.instruments.models import InstrumentVersion, ReviewDecision
from gwella.instruments.schemas import InstrumentCreate
from gwella.organisations.enums import OrganisationKind
from gwella.organisations.models import Organisation, Service
from tests.factories import SYSTEM, make_org, make_user


def t(en: str) -> dict[str, str]:
    return {"en": en, "cy": f"{en} [cy]"}


CONTENT: dict[str, Any] = {
    "sections": [],
    "questions": [
        {
            "key": "involved",
            "type": "likert",
            "required": True,
            "text": t("I was involved in planning my care"),
            "options": [{"value": str(i), "label": t(f"point {i}")} for i in range(1, 6)],
        },
        {
            "key": "has_plan",
            "type": "yes_no",
            "required": True,
            "allow_dont_know": True,
            "text": t("Do you have a care plan?"),
        },
        {
            "key": "plan_useful",
            "type": "rating",
            "required": True,
            "text": t("How useful?"),
            "conditions": [{"question": "has_plan", "values": ["yes"]}],
        },
        {
            "key": "contacts",
            "type": "multiple_choice",
            "text": t("Who did you see?"),
            "options": [{"value": v, "label": t(v)} for v in ("nurse", "doctor", "social_worker")],
        },
        {"key": "visits", "type": "number", "min": 0, "max": 100, "text": t("Visits last month")},
        {"key": "first_seen", "type": "date", "text": t("When were you first seen?")},
        {"key": "comment", "type": "free_text", "max_length": 200, "text": t("Anything else?")},
    ],
}

VALID_ANSWERS: dict[str, Any] = {
    "involved": "4",
    "has_plan": "yes",
    "plan_useful": 7,
    "contacts": ["nurse", "doctor"],
    "visits": 3,
    "first_seen": "2026-01-15",
    "comment": "The team listened to me.",
}


async def make_published_version(
    session: AsyncSession,
    org: Organisation,
    code: str = "exp",
    content: dict[str, Any] | None = None,
) -> InstrumentVersion:
    instrument, version = await instruments.create_instrument(
        session,
        SYSTEM,
        InstrumentCreate(
            organisation_id=org.id,
            code=code,
            title=LocalizedText(**t("Your experience")),
            content=InstrumentContent.model_validate(content or CONTENT),
        ),
    )
    # Opened to a service user forum, one of whose service users approves (approvals count
    # only from the organisations a draft was opened to, never from its owner).
    forum = await make_org(session, kind=OrganisationKind.service_user_group)
    await instruments.set_codesign(session, SYSTEM, instrument, version, False, [forum.id])
    await instrument_review.request_review(session, SYSTEM, instrument, version)
    reviewer = await make_user(session, {forum: [Role.service_user]})
    await instrument_review.add_review(
        session,
        SYSTEM,
        instrument,
        version,
        (reviewer.id, forum.id, "service_user"),
        ReviewDecision.approved,
        None,
    )
    await instrument_review.publish(session, SYSTEM, instrument, version)
    await session.commit()
    return version


async def make_campaign(
    session: AsyncSession,
    version: InstrumentVersion,
    services: list[Service],
    *,
    anonymity: Anonymity = Anonymity.anonymous,
    channels: tuple[Channel, ...] = (Channel.web, Channel.paper),
    opens_in: timedelta = timedelta(days=-1),
    lasts: timedelta = timedelta(days=30),
    min_cell_size: int = 5,
    requires_access_code: bool = False,
) -> tuple[Campaign, dict[Any, CampaignService]]:
    opens = utcnow() + opens_in
    campaign = await campaigns.create_campaign(
        session,
        SYSTEM,
        CampaignCreate(
            instrument_version_id=version.id,
            name="Spring survey",
            opens_at=opens,
            closes_at=opens + lasts,
            service_ids=[s.id for s in services],
            channels=list(channels),
            anonymity=anonymity,
            min_cell_size=min_cell_size,
            requires_access_code=requires_access_code,
        ),
        None,
    )
    await session.commit()
    links = (await campaigns.links_of(session, [campaign.id]))[campaign.id]
    return campaign, {link.service_id: link for link in links}


async def answer_publicly(
    client: httpx.AsyncClient,
    token: str,
    answers: dict[str, Any] | None = None,
    *,
    times: int = 1,
) -> None:
    """Send ``times`` web responses through a public link. Results (and staff's view of raw
    responses) of anonymous campaigns move on only by releases of at least the campaign's
    minimum cell size (5 unless set): send that many to see them."""
    for _ in range(times):
        r = await client.post(
            f"/api/v1/public/surveys/{token}/responses",
            json={"submission_id": str(uuid.uuid4()), "answers": answers or VALID_ANSWERS},
        )
        assert r.status_code == 201, r.text
