"""Rules for responses: what a submission is (validated, hashed, counted), reading raw
responses, and telling results and webhooks. Storing is ``store`` (the one writer), held
responses ``held``, free-text comments ``comments``. No HTTP types here.

What a response does to the results is decided by ``gwella.results`` (per response, or by
releases) and what of them may be seen by ``gwella.disclosure``; raw responses of anonymous
and pseudonymous campaigns are seen by staff only once released, and nothing kept ties an
anonymous one to a moment finer than its day or to an address."""

from __future__ import annotations

import hashlib
import json
import math
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns.enums import Anonymity, Channel
from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import (
    FieldProblem,
    NotFound,
    RateLimited,
)
from gwella.core.pagination import PageParams, paginate
from gwella.core.security import keyed_hash
from gwella.instruments import service as instruments
from gwella.instruments.content import InstrumentContent, QuestionType
from gwella.organisations import service as organisations
from gwella.responses.models import Answer, Moderation, Response, SubmissionCounter
from gwella.responses.validation import validate_answers
from gwella.results import service as results
from gwella.results.aggregate import Counted
from gwella.webhooks import service as webhooks

if TYPE_CHECKING:
    from gwella.campaigns.models import Campaign

SORTS = {"submitted_at": Response.submitted_at}


async def _bump(
    session: AsyncSession, purpose: str, address: str, start: datetime, length: timedelta
) -> int:
    key = keyed_hash(f"{purpose}|{start.isoformat()}|{address}", "public-submission")
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(SubmissionCounter).values(key_hash=key, expires_at=start + length, count=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=["key_hash"], set_={"count": SubmissionCounter.count + 1}
    )
    await session.execute(stmt)
    count = await session.scalar(
        select(SubmissionCounter.count).where(SubmissionCounter.key_hash == key)
    )
    return count or 0


async def received(session: AsyncSession, campaign_id: uuid.UUID, submission_id: uuid.UUID) -> bool:
    """Whether this campaign already holds the response of this submission id (a retry)."""
    stmt = select(Response.id).where(
        Response.campaign_id == campaign_id, Response.submission_id == submission_id
    )
    return await session.scalar(stmt.limit(1)) is not None


async def count_public_submission(
    session: AsyncSession, client_address: str, limit: int, window_seconds: int
) -> int:
    """Count one public submission from this address: refuse it beyond ``limit`` in the
    current window of ``window_seconds`` (429), and return how many it made today (UTC), this
    one included, to tell a burst. Counters are keyed by a hash of the address salted with
    their window (two windows cannot be joined) and deleted once their window is over."""
    now = utcnow()
    await session.execute(delete(SubmissionCounter).where(SubmissionCounter.expires_at <= now))
    window = datetime.fromtimestamp(now.timestamp() // window_seconds * window_seconds, tz=UTC)
    if (
        await _bump(session, "rate", client_address, window, timedelta(seconds=window_seconds))
        > limit
    ):
        # the counter starts again with the next window, not a whole window from now
        left = window + timedelta(seconds=window_seconds) - now
        raise RateLimited(
            "Too many submissions from your connection. Wait a few minutes and try again.",
            retry_after=max(1, math.ceil(left.total_seconds())),
        )
    return await _bump(session, "day", client_address, day_of(now), timedelta(days=1))


def mode_of(campaign: Campaign) -> results.Mode:
    """Identified-with-consent campaigns count each response at once; the others release
    results in steps of at least the minimum cell size."""
    return results.Mode(
        min_cell_size=campaign.min_cell_size,
        per_response=campaign.anonymity is Anonymity.identified,
    )


@dataclass(frozen=True)
class Prepared:
    """A response's answers and respondent, checked and normalised, ready to store."""

    answers: dict[str, Any]
    respondent_hash: str | None
    respondent_reference: str | None
    consent_at: datetime | None


NO_ANSWER = "Answer at least one question: a response with no answers is not stored."


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
    if not clean and not answer_problems:
        # A form sent with nothing filled in says nothing and would count as a respondent.
        problems.append(FieldProblem(field=f"{prefix}.answers", message=NO_ANSWER))
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
    return answer_rows_of(content, [(response_id, answers)])


def answer_rows_of(
    content: InstrumentContent, responses: Iterable[tuple[uuid.UUID, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """The answer rows of several responses ((id, answers) each), with the question types
    looked up and the ids drawn once for all of them."""
    free = {q.key for q in content.questions if q.type is QuestionType.free_text}
    responses = list(responses)
    ids = iter(new_ids(sum(len(answers) for _, answers in responses)))
    unmoderated = Moderation.new
    return [
        {
            "id": next(ids),
            "response_id": response_id,
            "question_key": key,
            "value": {"v": value},
            "text": value if key in free else None,
            "moderation": unmoderated if key in free else None,
        }
        for response_id, answers in responses
        for key, value in answers.items()
    ]


_VERSION_4 = ~(0xF000 << 64 | 0xC000 << 48) & ((1 << 128) - 1), 0x4000 << 64 | 0x8000 << 48
_new_object, _set_slot = object.__new__, object.__setattr__


def new_ids(count: int) -> list[uuid.UUID]:
    """``count`` random (version 4) UUIDs from one read of the system's random source.

    Made as ``uuid.UUID(bytes=…, version=4)`` makes them (its two slots set, the version
    and variant bits forced), without its argument checks: a batch of 1,000 responses
    has 12,000 answers, and the checks were half the time of writing their rows."""
    raw = os.urandom(16 * count)
    keep, force = _VERSION_4
    unknown = uuid.SafeUUID.unknown
    out = []
    for start in range(0, 16 * count, 16):
        made = _new_object(uuid.UUID)
        _set_slot(made, "int", int.from_bytes(raw[start : start + 16], "big") & keep | force)
        _set_slot(made, "is_safe", unknown)
        out.append(made)
    return out


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


def counted_of(response: Response, answers: dict[str, Any]) -> Counted:
    return Counted(response.record_key, response.service_id, response.submitted_at.date(), answers)


async def count_in(
    session: AsyncSession,
    campaign: Campaign,
    content: InstrumentContent,
    stored: list[Response],
    answers: dict[uuid.UUID, dict[str, Any]],
) -> results.Moved:
    """Count new responses into the results (per response or by releases) and tell the
    subscribers what they may know of it."""
    moved = await results.count(
        session,
        campaign.id,
        mode_of(campaign),
        content,
        [results.Change(r.id, r.record_key, None, counted_of(r, answers[r.id])) for r in stored],
    )
    if mode_of(campaign).per_response:
        await emit_responses(session, campaign, "response.created", stored)
    else:
        pushed = [r for r in stored if r.channel == Channel.partner.value]
        await emit_responses(session, campaign, "response.created", pushed, pushed_only=True)
        await announce_release(session, campaign, moved)
    return moved


async def announce_release(session: AsyncSession, campaign: Campaign, moved: results.Moved) -> None:
    """A release is audited (which services, on which day; for an anonymous campaign no finer
    time and not how many responses) and told to subscribers: ``results.released`` to the
    campaign's organisation and those of the services whose results moved on. For an anonymous
    campaign it is sent once the day is over (as its responses keep only their day)."""
    if not moved.services:
        return
    anonymous = campaign.anonymity is Anonymity.anonymous
    await audit.record(
        session,
        AuditContext.system("releases"),
        action="results.released",
        record_type="campaign",
        record_id=campaign.id,
        organisation_id=campaign.organisation_id,
        after={"service_ids": sorted(str(s) for s in moved.services)},
        occurred_at=day_of(utcnow()) if anonymous else None,
    )
    today = utcnow().date()
    held_until = (
        day_of(utcnow()) + timedelta(days=1) if campaign.anonymity is Anonymity.anonymous else None
    )
    owners = await organisations.organisations_of_services(session, moved.services)
    pending: list[webhooks.PendingEvent] = []
    for org_id in sorted({*owners.values(), campaign.organisation_id}, key=str):
        if not await webhooks.has_subscribers(session, org_id, "results.released"):
            continue
        services = sorted(
            (s for s in moved.services if org_id in (owners[s], campaign.organisation_id)),
            key=str,
        )
        pending.append(
            webhooks.PendingEvent(
                event_type="results.released",
                organisation_id=org_id,
                record_type="campaign",
                record_id=campaign.id,
                payload={
                    "campaign_id": campaign.id,
                    "service_ids": services,
                    "released_on": today,
                },
                held_until=held_until,
            )
        )
    await webhooks.emit_many(session, pending)


async def list_responses(
    session: AsyncSession,
    params: PageParams,
    campaign_id: uuid.UUID,
    service_ids: Iterable[uuid.UUID],
    channel: Channel | None,
) -> tuple[list[Response], str | None]:
    stmt = select(Response).where(
        Response.campaign_id == campaign_id,
        Response.service_id.in_(set(service_ids)),
        Response.held.is_(False),
        ~results.unreleased(Response.id),
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


async def get_response(
    session: AsyncSession, response_id: uuid.UUID, *, released_only: bool = True
) -> Response:
    """A stored response (held ones included), unless it waits for its first release (staff
    see raw responses only once released; the partner that pushed one reads it back at once:
    ``released_only=False``)."""
    stmt = select(Response).where(Response.id == response_id)
    if released_only:
        stmt = stmt.where(
            ~results.unreleased(Response.id),
            ~(Response.held & (Response.submitted_at >= day_of(utcnow()))),
        )
    response: Response | None = await session.scalar(stmt)
    if response is None:
        raise NotFound("No response with that id is visible to you.")
    return response


async def counted_for_rebuild(
    session: AsyncSession, campaign_id: uuid.UUID
) -> list[tuple[uuid.UUID, Counted]]:
    """Every response of a campaign that counts (not held), as the aggregates see it."""
    stored = list(
        await session.scalars(
            select(Response).where(Response.campaign_id == campaign_id, Response.held.is_(False))
        )
    )
    answers = await answers_of(session, [r.id for r in stored])
    return [
        (r.id, counted_of(r, {a.question_key: a.value.get("v") for a in answers[r.id]}))
        for r in stored
    ]


async def anyone_listening(
    session: AsyncSession, campaign: Campaign, rows: list[dict[str, Any]], event_type: str
) -> bool:
    """One cheap check before loading new responses to announce them: does any organisation
    that could hear of them subscribe to ``event_type``?"""
    orgs = {campaign.organisation_id}
    orgs |= {r["source_organisation_id"] for r in rows if r.get("source_organisation_id")}
    orgs |= set(
        (
            await organisations.organisations_of_services(session, {r["service_id"] for r in rows})
        ).values()
    )
    for org_id in orgs:
        if await webhooks.has_subscribers(session, org_id, event_type):
            return True
    return False


async def emit_responses(
    session: AsyncSession,
    campaign: Campaign,
    event_type: str,
    stored: list[Response],
    *,
    pushed_only: bool = False,
) -> None:
    """Tell subscribers that responses were created or updated: those of each response's
    service's organisation and of the campaign's (or, ``pushed_only``, only the organisation
    whose system pushed them: where results move on by releases, nobody else learns of single
    responses)."""
    if not stored:
        return
    orgs = await organisations.organisations_of_services(session, {r.service_id for r in stored})
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
                # An anonymous campaign's response keeps only its day, its events too.
                day_only=campaign.anonymity is Anonymity.anonymous,
            )
            for r in stored
            if (
                r.source_organisation_id == org_id
                if pushed_only
                else org_id in (orgs[r.service_id], campaign.organisation_id)
            )
        )
    await webhooks.emit_many(session, pending)


async def export_rows(
    session: AsyncSession, campaign_id: uuid.UUID, service_ids: Iterable[uuid.UUID]
) -> list[tuple[Response, list[Answer]]]:
    """Every response of these services in a campaign, oldest first, with its answers."""
    stored = list(
        await session.scalars(
            select(Response)
            .where(
                Response.campaign_id == campaign_id,
                Response.service_id.in_(set(service_ids)),
                Response.held.is_(False),
                ~results.unreleased(Response.id),
            )
            .order_by(Response.submitted_at, Response.id)
        )
    )
    answers = await answers_of(session, [r.id for r in stored])
    return [(r, answers[r.id]) for r in stored]


async def pushed_by_external_id(
    session: AsyncSession, source_organisation_id: uuid.UUID, external_ids: set[str]
) -> dict[str, tuple[uuid.UUID, str, datetime | None]]:
    """(id, content hash, updated at) of an organisation's pushed responses by external id."""
    if not external_ids:
        return {}
    rows = await session.execute(
        select(Response.external_id, Response.id, Response.content_hash, Response.updated_at).where(
            Response.source_organisation_id == source_organisation_id,
            Response.external_id.in_(external_ids),
        )
    )
    return {str(ext): (rid, digest, updated) for ext, rid, digest, updated in rows}
