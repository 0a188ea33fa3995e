"""The demo survey: a co-designed, reviewed and published instrument and its campaign."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import User
from gwella.campaigns import service as campaigns
from gwella.campaigns.enums import Channel
from gwella.campaigns.schemas import CampaignCreate
from gwella.core.audit import ActorType, AuditContext
from gwella.core.database import utcnow
from gwella.core.text import LocalizedText
from gwella.demo.data import SURVEY_CODE, SURVEY_CONTENT
from gwella.instruments import review as instrument_review
from gwella.instruments import service as instruments
from gwella.instruments.content import InstrumentContent
from gwella.instruments.models import Instrument, ReviewDecision
from gwella.instruments.schemas import InstrumentCreate
from gwella.organisations.models import Organisation, Service


async def load_survey(
    session: AsyncSession, orgs: dict[str, Organisation], people: dict[str, User]
) -> dict[str, int]:
    """A published, service-user-approved instrument with an open campaign in both teams."""
    created = {"instruments": 0, "campaigns": 0}
    board, forum = orgs["BAUHB"], orgs["FORUM"]
    exists = await session.scalar(
        select(Instrument.id).where(
            Instrument.organisation_id == board.id, Instrument.code == SURVEY_CODE
        )
    )
    if exists is not None:
        return created
    staff = AuditContext(ActorType.user, people["staff"].id, people["staff"].email)
    instrument, version = await instruments.create_instrument(
        session,
        staff,
        InstrumentCreate(
            organisation_id=board.id,
            code=SURVEY_CODE,
            title=LocalizedText(
                en="Your experience of the community mental health team",
                cy="Eich profiad o'r tîm iechyd meddwl cymunedol",
            ),
            shared_with_partnerships=True,
            content=InstrumentContent.model_validate(SURVEY_CONTENT),
        ),
    )
    await instruments.set_codesign(session, staff, instrument, version, False, [forum.id])
    await instrument_review.request_review(session, staff, instrument, version)
    reviewer = people["serviceuser"]
    await instrument_review.add_review(
        session,
        AuditContext(ActorType.user, reviewer.id, reviewer.email),
        instrument,
        version,
        (reviewer.id, forum.id, "service_user"),
        ReviewDecision.approved,
        "Plain words, and it asks what matters to us.",
    )
    await instrument_review.publish(session, staff, instrument, version)
    created["instruments"] += 1
    team_ids = list(
        await session.scalars(
            select(Service.id).where(
                Service.organisation_id == board.id, Service.code.in_(["CMHT-N", "CMHT-W"])
            )
        )
    )
    opens = utcnow() - timedelta(days=7)
    await campaigns.create_campaign(
        session,
        staff,
        CampaignCreate(
            instrument_version_id=version.id,
            name="CMHT experience, this quarter",
            opens_at=opens,
            closes_at=opens + timedelta(days=90),
            service_ids=team_ids,
            channels=[Channel.web, Channel.paper, Channel.partner],
        ),
        None,
    )
    created["campaigns"] += 1
    return created
