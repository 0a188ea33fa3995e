"""FHIR test data: a richer instrument than tests/surveys.py's, and QuestionnaireResponses."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from gwella.campaigns.enums import Anonymity, Channel
from gwella.campaigns.models import Campaign
from gwella.core.database import utcnow
from gwella.core.text import LocalizedText
from gwella.instruments import review as instrument_review
from gwella.instruments import service as instruments
from gwella.instruments.content import InstrumentContent
from gwella.instruments.models import InstrumentVersion, ReviewDecision
from gwella.instruments.schemas import InstrumentCreate
from gwella.organisations.enums import OrganisationKind
from gwella.organisations.models import Organisation, Service
from gwella.responses.models import Answer, Response
from tests.factories import SYSTEM, client_token, make_api_client, make_org, make_service, make_user
from tests.surveys import make_campaign, make_published_version, t

FHIR = "application/fhir+json"

# Sections, help, a single choice, a yes/no without "don't know", and every shape of condition.
RICH_CONTENT: dict[str, Any] = {
    "sections": [
        {"key": "care", "title": t("Your care")},
        {"key": "care_team", "title": t("Your team")},
        {"key": "unused", "title": t("Nothing here")},
    ],
    "questions": [
        {
            "key": "care",
            "type": "single_choice",
            "section": "care",
            "required": True,
            "text": t("Where were you seen?"),
            "help": t("Pick the main place"),
            "options": [{"value": v, "label": t(v)} for v in ("home", "clinic", "ward")],
        },
        {
            "key": "safe",
            "type": "yes_no",
            "section": "care",
            "text": t("Did you feel safe?"),
        },
        {
            "key": "why_not_safe",
            "type": "free_text",
            "section": "care",
            "max_length": 300,
            "text": t("What made you feel unsafe?"),
            "conditions": [{"question": "safe", "values": ["no"]}],
        },
        {
            "key": "out_of_home",
            "type": "rating",
            "allow_dont_know": True,
            "text": t("How easy was it to get there?"),
            "conditions": [{"question": "care", "values": ["clinic", "ward"]}],
        },
        {
            "key": "ward_and_safe",
            "type": "number",
            "min": 0,
            "max": 365,
            "allow_dont_know": True,
            "section": "care_team",
            "text": t("Nights on the ward"),
            "conditions": [
                {"question": "care", "values": ["ward"]},
                {"question": "safe", "values": ["yes"]},
            ],
        },
        {
            "key": "either_and_rated",
            "type": "date",
            "section": "care_team",
            "text": t("When did you leave?"),
            "conditions": [
                {"question": "care", "values": ["clinic", "ward"]},
                {"question": "out_of_home", "values": ["9", "10"]},
            ],
        },
    ],
}


async def publish(
    session: AsyncSession, org: Organisation, content: dict[str, Any], code: str = "rich"
) -> InstrumentVersion:
    """Create, review (by a service user) and publish an instrument with this content."""
    instrument, version = await instruments.create_instrument(
        session,
        SYSTEM,
        InstrumentCreate(
            organisation_id=org.id,
            code=code,
            title=LocalizedText(**t("Rich survey")),
            description=LocalizedText(**t("A survey with everything")),
            content=InstrumentContent.model_validate(content),
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


class Pushing:
    """An organisation with two services, a published survey (tests/surveys.py) in a campaign
    that takes partner pushes, and an API client with ``responses:write``."""

    org: Organisation
    north: Service
    west: Service
    version: InstrumentVersion
    campaign: Campaign
    headers: dict[str, str]
    url: str


async def arrange_push(
    client: httpx.AsyncClient,
    session: AsyncSession,
    *,
    anonymity: Anonymity = Anonymity.anonymous,
    channels: tuple[Channel, ...] = (Channel.web, Channel.partner),
) -> Pushing:
    w = Pushing()
    w.org = await make_org(session)
    w.north = await make_service(session, w.org, code="CMHT-N")
    w.west = await make_service(session, w.org, code="CMHT-W")
    w.version = await make_published_version(session, w.org)
    w.campaign, _ = await make_campaign(
        session, w.version, [w.north, w.west], anonymity=anonymity, channels=channels
    )
    api = await make_api_client(session, w.org, [Scope.responses_write])
    w.headers = {**await client_token(client, api), "Content-Type": FHIR}
    w.url = f"http://gwella.test/fhir/Questionnaire/{w.version.instrument_id}|1"
    return w


def coding(code: str) -> dict[str, Any]:
    return {"valueCoding": {"code": code}}


# tests/surveys.py's VALID_ANSWERS, as FHIR answers.
VALID_ITEMS: list[dict[str, Any]] = [
    {"linkId": "involved", "answer": [coding("4")]},
    {"linkId": "has_plan", "answer": [coding("yes")]},
    {"linkId": "plan_useful", "answer": [{"valueInteger": 7}]},
    {"linkId": "contacts", "answer": [coding("nurse"), coding("doctor")]},
    {"linkId": "visits", "answer": [{"valueDecimal": 3}]},
    {"linkId": "first_seen", "answer": [{"valueDate": "2026-01-15"}]},
    {"linkId": "comment", "answer": [{"valueString": "The team listened to me."}]},
]


def qr(
    w: Pushing, n: int, items: list[dict[str, Any]] | None = None, **extra: Any
) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "identifier": {"system": "https://pas.example.test/responses", "value": f"PAS-{n}"},
        "questionnaire": w.url,
        "status": "completed",
        "subject": {"identifier": {"system": "urn:gwella:service", "value": "CMHT-N"}},
        "authored": (utcnow() - timedelta(hours=1)).isoformat(),
        "language": "cy",
        "item": VALID_ITEMS if items is None else items,
    }
    resource.update(extra)
    return resource


def replace(items: list[dict[str, Any]], link_id: str, answer: list[Any]) -> list[dict[str, Any]]:
    return [{"linkId": link_id, "answer": answer} if i["linkId"] == link_id else i for i in items]


def bundle(kind: str, resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": kind,
        "entry": [
            {"resource": r, "request": {"method": "POST", "url": "QuestionnaireResponse"}}
            for r in resources
        ],
    }


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Response)) or 0)


async def stored_answers(session: AsyncSession, external_id: str) -> dict[str, Any]:
    response = await session.scalar(select(Response).where(Response.external_id == external_id))
    assert response is not None
    rows = await session.scalars(select(Answer).where(Answer.response_id == response.id))
    return {a.question_key: a.value["v"] for a in rows}


def issues(body: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(code, first expression) of each issue of an OperationOutcome."""
    assert body["resourceType"] == "OperationOutcome", body
    return [(i["code"], (i.get("expression") or [None])[0]) for i in body["issue"]]
