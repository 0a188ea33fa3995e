"""Rules for responses: validated submission (once per submission id), paper entry,
reading raw responses, and moderating free text. No HTTP types here."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns import service as campaigns
from gwella.campaigns.models import Anonymity, Campaign, CampaignService, Channel
from gwella.core import audit
from gwella.core.audit import ActorType, AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import (
    Conflict,
    FieldProblem,
    NotFound,
    RateLimited,
    ValidationFailed,
)
from gwella.core.pagination import PageParams, paginate
from gwella.core.security import keyed_hash
from gwella.instruments import service as instruments
from gwella.instruments.content import InstrumentContent, QuestionType
from gwella.organisations import service as organisations
from gwella.responses.models import Answer, Moderation, Response, SubmissionAttempt
from gwella.responses.schemas import SubmissionCreate
from gwella.responses.validation import validate_answers
from gwella.results import service as results
from gwella.results.aggregate import ALL, RESPONSES, Answered, N
from gwella.results.models import ResultCell
from gwella.webhooks import service as webhooks

SORTS = {"submitted_at": Response.submitted_at}


class CampaignNotOpen(Conflict):
    slug, title = "campaign-not-open", "The survey is not open"


async def check_submission_rate(
    session: AsyncSession, client_address: str, limit: int, window_seconds: int
) -> None:
    """Counts and records one public submission attempt for this address (kept hashed)."""
    key = keyed_hash(client_address, "public-submission")
    since = utcnow() - timedelta(seconds=window_seconds)
    await session.execute(delete(SubmissionAttempt).where(SubmissionAttempt.attempted_at < since))
    count = await session.scalar(
        select(func.count()).where(
            SubmissionAttempt.key_hash == key, SubmissionAttempt.attempted_at >= since
        )
    )
    if (count or 0) >= limit:
        raise RateLimited(
            "Too many submissions from your connection. Wait a few minutes and try again.",
            retry_after=window_seconds,
        )
    session.add(SubmissionAttempt(key_hash=key))


@dataclass(frozen=True)
class Prepared:
    """A response's answers and respondent, checked and normalised, ready to store."""

    answers: dict[str, Any]
    respondent_hash: str | None
    respondent_reference: str | None
    consent_at: datetime | None


def prepare(
    campaign: Campaign,
    content: InstrumentContent,
    *,
    language: str,
    answers: dict[str, Any],
    consent: bool,
    reference: str | None,
    now: datetime,
    prefix: str = "body",
) -> tuple[Prepared, list[FieldProblem]]:
    """The rules every response meets, whichever way it arrives (web, paper, push, file,
    FHIR): the language is offered, every answer fits the exact version, and the respondent
    is recorded as the campaign's anonymity mode allows."""
    problems: list[FieldProblem] = []
    if language not in campaign.languages:
        problems.append(FieldProblem(field=f"{prefix}.language", message="not offered"))
    clean, answer_problems = validate_answers(content, answers, prefix=f"{prefix}.answers")
    problems += answer_problems
    respondent_hash = kept_reference = consent_at = None
    if campaign.anonymity is Anonymity.identified:
        if not consent or not reference:
            problems.append(
                FieldProblem(
                    field=f"{prefix}.consent",
                    message="this survey names its respondents: consent and a reference are needed",
                )
            )
        kept_reference, consent_at = reference, now
    elif campaign.anonymity is Anonymity.pseudonymous:
        if reference:
            respondent_hash = keyed_hash(reference, f"respondent:{campaign.id}")
    elif reference or consent:
        problems.append(
            FieldProblem(field=f"{prefix}.respondent_reference", message="this survey is anonymous")
        )
    return Prepared(clean, respondent_hash, kept_reference, consent_at), problems


def answer_rows(
    response_id: uuid.UUID, content: InstrumentContent, answers: dict[str, Any]
) -> list[dict[str, Any]]:
    """Rows of the answers table; free text starts unmoderated."""
    types = {q.key: q.type for q in content.questions}
    ids = new_ids(len(answers))
    return [
        {
            "id": ids[n],
            "response_id": response_id,
            "question_key": key,
            "value": {"v": value},
            "text": value if types[key] is QuestionType.free_text else None,
            "moderation": Moderation.new if types[key] is QuestionType.free_text else None,
        }
        for n, (key, value) in enumerate(answers.items())
    ]


def new_ids(count: int) -> list[uuid.UUID]:
    """``count`` random (version 4) UUIDs from one read of the system's random source."""
    raw = os.urandom(16 * count)
    return [uuid.UUID(bytes=raw[i : i + 16], version=4) for i in range(0, 16 * count, 16)]


def content_hash(service_id: uuid.UUID, language: str, answers: dict[str, Any], *extra: Any) -> str:
    """A digest of what a response says, to tell a repeat from a change."""
    canonical = json.dumps(
        {
            "service": str(service_id),
            "language": language,
            "answers": answers,
            "extra": [str(e) for e in extra],
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def day_of(moment: datetime) -> datetime:
    return datetime.combine(moment.astimezone(UTC).date(), time(0), tzinfo=UTC)


async def version_content(session: AsyncSession, campaign: Campaign) -> InstrumentContent:
    version = await instruments.get_version(session, campaign.instrument_version_id)
    return instruments.content_of(version)


async def submit(
    session: AsyncSession,
    ctx: AuditContext,
    campaign: Campaign,
    link: CampaignService,
    data: SubmissionCreate,
    *,
    channel: Channel,
    completed_on: date | None = None,
) -> tuple[Response, bool]:
    """Store one response, or find the one this submission id already made.

    Returns the response and whether it was a duplicate. Nothing is written when any answer
    is refused."""
    if channel.value not in campaign.channels:
        raise Conflict(f"This campaign does not take {channel.value} responses.")
    now = utcnow()
    if channel is Channel.paper:
        assert completed_on is not None
        moment = datetime.combine(completed_on, time(12), tzinfo=UTC)
        if not campaign.opens_at.date() <= completed_on <= campaign.closes_at.date():
            raise ValidationFailed(
                "The form was filled in outside the campaign's window.",
                errors=[FieldProblem(field="body.completed_on", message="outside the window")],
            )
    else:
        state = campaigns.state_of(campaign, now)
        if state != "open":
            raise CampaignNotOpen(
                "This survey is not open yet."
                if state == "scheduled"
                else "This survey has closed. Thank you for wanting to take part."
            )
        moment = now
    content = await version_content(session, campaign)
    prepared, problems = prepare(
        campaign,
        content,
        language=data.language,
        answers=dict(data.answers),
        consent=data.consent,
        reference=data.respondent_reference,
        now=now,
    )
    if problems:
        raise ValidationFailed(
            "Some answers need another look; see errors for each question.", errors=problems
        )
    answers = prepared.answers
    digest = content_hash(link.service_id, data.language, answers)
    existing = await session.scalar(
        select(Response).where(
            Response.campaign_id == campaign.id, Response.submission_id == data.submission_id
        )
    )
    if existing is not None:
        if existing.content_hash != digest:
            raise Conflict(
                "This submission id was already used for different answers; make a new one."
            )
        return existing, True
    submitted_at = day_of(moment) if campaign.anonymity is Anonymity.anonymous else moment
    response = Response(
        campaign_id=campaign.id,
        service_id=link.service_id,
        instrument_version_id=campaign.instrument_version_id,
        channel=channel.value,
        language=data.language,
        submission_id=data.submission_id,
        content_hash=digest,
        submitted_at=submitted_at,
        respondent_hash=prepared.respondent_hash,
        respondent_reference=prepared.respondent_reference,
        consent_recorded_at=prepared.consent_at,
        entered_by_id=ctx.actor_id if ctx.actor_type is ActorType.user else None,
    )
    session.add(response)
    await session.flush()
    session.add_all(Answer(**row) for row in answer_rows(response.id, content, answers))
    await session.flush()
    await results.record(
        session, campaign.id, content, [Answered(link.service_id, submitted_at, answers)]
    )
    unseen = ctx.actor_type is ActorType.anonymous and campaign.anonymity is Anonymity.anonymous
    # An anonymous respondent's event says the day, and is sent when the day is over.
    await emit_responses(
        session,
        campaign,
        "response.created",
        [response],
        held_until=day_of(now) + timedelta(days=1) if unseen else None,
    )
    if unseen:
        # Nothing that could tie an anonymous response to a time or an address: the event names
        # the campaign, not the response, and keeps the day only, like the response itself.
        await audit.record(
            session,
            AuditContext(ActorType.anonymous, None, "respondent", ctx.request_id, None),
            action="response.received",
            record_type="campaign",
            record_id=campaign.id,
            organisation_id=campaign.organisation_id,
            occurred_at=day_of(now),
        )
    else:
        await audit.record(
            session,
            ctx,
            action="response.created",
            record_type="response",
            record_id=response.id,
            organisation_id=campaign.organisation_id,
            after={"channel": channel.value, "service_id": str(link.service_id)},
        )
    return response, False


async def response_counts(
    session: AsyncSession, campaign_ids: Iterable[uuid.UUID]
) -> dict[tuple[uuid.UUID, uuid.UUID], int]:
    """Responses per (campaign, service), from the running counts the results keep (the
    same numbers, updated in each response's own transaction), so that listing campaigns
    costs the same with ten responses or a million."""
    ids = set(campaign_ids)
    if not ids:
        return {}
    rows = await session.execute(
        select(ResultCell.campaign_id, ResultCell.service_id, ResultCell.count).where(
            ResultCell.campaign_id.in_(ids),
            ResultCell.question_key == RESPONSES,
            ResultCell.period == "all",
            ResultCell.period_start == ALL,
            ResultCell.value == N,
        )
    )
    return {(c, s): int(n) for c, s, n in rows if n}


async def list_responses(
    session: AsyncSession,
    params: PageParams,
    campaign_id: uuid.UUID,
    service_ids: Iterable[uuid.UUID],
    channel: Channel | None,
) -> tuple[list[Response], str | None]:
    stmt = select(Response).where(
        Response.campaign_id == campaign_id, Response.service_id.in_(set(service_ids))
    )
    if channel is not None:
        stmt = stmt.where(Response.channel == channel.value)
    return await paginate(session, stmt, params, SORTS, Response.id)


async def answers_of(
    session: AsyncSession, response_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[Answer]]:
    ids = set(response_ids)
    out: dict[uuid.UUID, list[Answer]] = {i: [] for i in ids}
    if ids:
        for answer in await session.scalars(
            select(Answer).where(Answer.response_id.in_(ids)).order_by(Answer.question_key)
        ):
            out[answer.response_id].append(answer)
    return out


async def get_response(session: AsyncSession, response_id: uuid.UUID) -> Response:
    response = await session.get(Response, response_id)
    if response is None:
        raise NotFound("No response with that id is visible to you.")
    return response


async def list_comments(
    session: AsyncSession,
    params: PageParams,
    campaign_id: uuid.UUID,
    service_ids: Iterable[uuid.UUID],
    moderation: Moderation | None,
) -> tuple[list[tuple[Answer, Response]], str | None]:
    stmt = (
        select(Answer)
        .join(Response, Response.id == Answer.response_id)
        .where(
            Response.campaign_id == campaign_id,
            Response.service_id.in_(set(service_ids)),
            Answer.moderation.is_not(None),
        )
    )
    if moderation is not None:
        stmt = stmt.where(Answer.moderation == moderation)
    rows, cursor = await paginate(
        session, stmt, params, {"question_key": Answer.question_key}, Answer.id
    )
    responses = {
        r.id: r
        for r in await session.scalars(
            select(Response).where(Response.id.in_({a.response_id for a in rows}))
        )
    }
    return [(a, responses[a.response_id]) for a in rows], cursor


async def get_answer(session: AsyncSession, answer_id: uuid.UUID) -> tuple[Answer, Response]:
    answer = await session.get(Answer, answer_id)
    if answer is None or answer.moderation is None:
        raise NotFound("No free-text answer with that id is visible to you.")
    return answer, await get_response(session, answer.response_id)


async def moderate(
    session: AsyncSession,
    ctx: AuditContext,
    answer: Answer,
    response: Response,
    organisation_id: uuid.UUID,
    state: Moderation,
    note: str | None,
) -> Answer:
    before = {"moderation": answer.moderation.value if answer.moderation else None}
    answer.moderation = state
    answer.moderation_note = note
    answer.moderated_by_id = ctx.actor_id
    answer.moderated_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        ctx,
        action=f"answer.{state.value}",
        record_type="answer",
        record_id=answer.id,
        organisation_id=organisation_id,
        before=before,
        after={"moderation": state.value},
    )
    return answer


__all__ = ["CampaignService", "SubmissionCreate", "submit"]


async def published_comments(
    session: AsyncSession, campaign_id: uuid.UUID, service_ids: Iterable[uuid.UUID]
) -> list[tuple[str, str, uuid.UUID, uuid.UUID]]:
    """Free text for shared views: only what its service's staff have published (question,
    text, service, and the answer's id, which an improvement action can cite)."""
    rows = await session.execute(
        select(Answer.question_key, Answer.text, Response.service_id, Answer.id)
        .join(Response, Response.id == Answer.response_id)
        .where(
            Response.campaign_id == campaign_id,
            Response.service_id.in_(set(service_ids)),
            Answer.moderation == Moderation.published,
        )
        .order_by(Answer.question_key, Answer.id)
        .limit(500)
    )
    return [(key, text or "", sid, aid) for key, text, sid, aid in rows]


async def answered_for_rebuild(session: AsyncSession, campaign_id: uuid.UUID) -> list[Answered]:
    """Every stored response of a campaign as the aggregates see it (for a rebuild)."""
    stored = list(
        await session.scalars(select(Response).where(Response.campaign_id == campaign_id))
    )
    answers = await answers_of(session, [r.id for r in stored])
    return [
        Answered(
            r.service_id, r.submitted_at, {a.question_key: a.value.get("v") for a in answers[r.id]}
        )
        for r in stored
    ]


async def emit_responses(
    session: AsyncSession,
    campaign: Campaign,
    event_type: str,
    stored: list[Response],
    held_until: datetime | None = None,
) -> None:
    """Tell the subscribers of each response's service's organisation (and of the campaign's,
    when that is another) that responses were created or updated (no earlier than
    ``held_until``, see :class:`gwella.webhooks.service.PendingEvent`)."""
    if not stored:
        return
    orgs = {
        s: (await organisations.get_service(session, s)).organisation_id
        for s in {r.service_id for r in stored}
    }
    pending: list[webhooks.PendingEvent] = []
    for org_id in {*orgs.values(), campaign.organisation_id}:
        if not await webhooks.has_subscribers(session, org_id, event_type):
            continue
        pending.extend(
            webhooks.PendingEvent(
                event_type=event_type,
                organisation_id=org_id,
                record_type="response",
                record_id=r.id,
                payload={
                    "response_id": r.id,
                    "campaign_id": campaign.id,
                    "service_id": r.service_id,
                    "channel": r.channel,
                    "submitted_at": r.submitted_at,
                    "external_id": r.external_id,
                },
                held_until=held_until,
            )
            for r in stored
            if org_id in (orgs[r.service_id], campaign.organisation_id)
        )
    await webhooks.emit_many(session, pending)


async def export_rows(
    session: AsyncSession, campaign_id: uuid.UUID, service_ids: Iterable[uuid.UUID]
) -> list[tuple[Response, list[Answer]]]:
    """Every response of these services in a campaign, oldest first, with its answers."""
    stored = list(
        await session.scalars(
            select(Response)
            .where(Response.campaign_id == campaign_id, Response.service_id.in_(set(service_ids)))
            .order_by(Response.submitted_at, Response.id)
        )
    )
    answers = await answers_of(session, [r.id for r in stored])
    return [(r, answers[r.id]) for r in stored]
