"""The one writer of responses: every door (the public page, paper entry, JSON pushes, file
imports, FHIR) stores responses through :func:`store_many`.

In one place, for a batch at a time: the campaign's window and channels, validation against
the exact instrument version, the respondent as the campaign's anonymity allows, access codes
and bursts (web), idempotency (a web or paper submission by its submission id; a push by the
pushing organisation and its external id: a repeat is recognised, a change is an update,
also when the first attempt is still being stored by a concurrent request: see
:mod:`gwella.responses.claims`),
the rows (new responses by one INSERT that skips a key already taken, their answers by one
multi-row INSERT), the results (per response or by releases,
``gwella.results``), the subscribers' events and the audit trail. A refused item is reported
with a code and a field; in ``atomic`` mode, or on a dry run, nothing is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns import service as campaigns
from gwella.campaigns.enums import Anonymity, Channel
from gwella.core import audit, bulk
from gwella.core.audit import ActorType, AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, FieldProblem, ValidationFailed
from gwella.instruments.content import InstrumentContent
from gwella.responses import batches, service
from gwella.responses.claims import changed_at, claim, decide, key_of, stored_under
from gwella.responses.items import OUTCOMES, Checked, Incoming, Mode, Outcome, Refusal, Stored
from gwella.responses.models import Answer, Response
from gwella.results import service as results
from gwella.results.aggregate import Counted

if TYPE_CHECKING:
    from gwella.campaigns.models import Campaign

__all__ = [
    "OUTCOMES",
    "CampaignNotOpen",
    "Incoming",
    "Mode",
    "Outcome",
    "Refusal",
    "Stored",
    "paper_moment",
    "raise_for_one",
    "store_many",
]

FUTURE_TOLERANCE = timedelta(minutes=5)


class CampaignNotOpen(Conflict):
    slug, title = "campaign-not-open", "The survey is not open"


async def store_many(
    session: AsyncSession,
    ctx: AuditContext,
    campaign: Campaign,
    items: Sequence[Incoming],
    *,
    source_organisation_id: uuid.UUID | None = None,
    prefix: Callable[[int], str] = lambda i: f"items.{i}",
    mode: Mode = "best_effort",
    dry_run: bool = False,
) -> list[Stored]:
    """Store these responses (one result per item, in order). Raises only for what concerns
    the whole batch: a channel the campaign does not take, or a web response to a campaign
    that is not open."""
    now = utcnow()
    for channel in {i.channel for i in items}:
        if channel.value not in campaign.channels:
            raise Conflict(f"This campaign does not take {channel.value} responses.")
        if channel is Channel.web:
            state = campaigns.state_of(campaign, now)
            if state != "open":
                raise CampaignNotOpen(
                    "This survey is not open yet."
                    if state == "scheduled"
                    else "This survey has closed. Thank you for wanting to take part."
                )
    content = await service.version_content(session, campaign)
    out = [Stored("refused") for _ in items]
    existing = await stored_under(session, campaign, items, source_organisation_id)
    seen: dict[str, str] = {}
    checked: list[Checked] = []
    for index, item in enumerate(items):
        at = prefix(index)
        refusals = out[index].refusals
        refusals += _window(campaign, item, at, now)
        if refusals:
            continue
        prepared, problems = service.prepare(
            campaign,
            content,
            language=item.language,
            answers=dict(item.answers),
            consent=item.consent,
            reference=item.respondent_reference,
            now=now,
            prefix=at,
        )
        if problems:
            refusals += [Refusal("invalid", p.message, p.field) for p in problems]
            continue
        submitted_at = (
            service.day_of(item.moment)
            if campaign.anonymity is Anonymity.anonymous
            else item.moment
        )
        if item.external_id is None:
            digest = service.content_hash(item.service_id, item.language, prepared.answers)
        else:
            digest = service.content_hash(
                item.service_id,
                item.language,
                prepared.answers,
                submitted_at.isoformat(),
                prepared.respondent_hash,
                prepared.respondent_reference,
            )
        key = key_of(item)
        if item.external_id is not None and key in seen:
            if seen[key] == digest:
                out[index].outcome = "unchanged"
            else:
                refusals.append(
                    Refusal(
                        "duplicate_external_id",
                        "The same external_id appears earlier in this batch with other content.",
                        f"{at}.external_id",
                    )
                )
            continue
        seen[key] = digest
        values = {
            "service_id": item.service_id,
            "language": item.language,
            "content_hash": digest,
            "submitted_at": submitted_at,
            "respondent_hash": prepared.respondent_hash,
            "respondent_reference": prepared.respondent_reference,
            "consent_recorded_at": prepared.consent_at,
            "answers": prepared.answers,
        }
        c = Checked(index, item, values, existing.get(key))
        if decide(campaign, c, out[index], at):
            checked.append(c)
    refused = any(s.refusals for s in out)
    if dry_run or (mode == "atomic" and refused):
        for c in checked:
            out[c.index].outcome = "updated" if c.existing is not None else "created"
        return out
    # A new web response to a campaign that asks for access codes needs one (it is used once
    # the response is stored: a refused one keeps its code, and a retry of a stored one does
    # not need it again).
    for c in checked:
        if c.item.channel is not Channel.web or c.existing is not None:
            continue
        if not c.item.access_code and campaign.requires_access_code:
            out[c.index].refusals.append(
                Refusal(
                    "access_code_required",
                    "This survey asks for the access code printed on your card or sent to you.",
                    f"{prefix(c.index)}.access_code",
                )
            )
    if any(out[c.index].refusals for c in checked):
        if mode == "atomic" or len(items) == 1:
            return out
        checked = [c for c in checked if not out[c.index].refusals]
    checked = await claim(session, ctx, campaign, checked, out, source_organisation_id, prefix)
    if mode == "atomic" and any(s.refusals for s in out):
        # Only a concurrent request can cause this (it stored one of these keys for another
        # campaign, or other answers under a submission id, or retracted a response this
        # batch changes, while this batch was checked): nothing of the batch is kept, and the
        # client's retry gets the report per item.
        raise Conflict(
            "Another request stored or retracted some of these items at the same moment; retry."
        )
    await _write(session, ctx, campaign, content, checked, out, source_organisation_id, now)
    return out


def _window(campaign: Campaign, item: Incoming, at: str, now: datetime) -> list[Refusal]:
    """Paper forms filled in within the campaign's days; pushes sent within its window and
    not from the future (web responses: the campaign is open, checked for the batch)."""
    if item.channel is Channel.paper:
        day = item.moment.date()
        if not campaign.opens_at.date() <= day <= campaign.closes_at.date():
            return [Refusal("outside_window", "outside the window", f"{at}.completed_on")]
    elif item.channel is Channel.partner:
        if not campaign.opens_at <= item.moment < campaign.closes_at:
            return [
                Refusal(
                    "outside_window",
                    "Submitted outside the campaign's window.",
                    f"{at}.submitted_at",
                )
            ]
        if item.moment > now + FUTURE_TOLERANCE:
            return [Refusal("outside_window", "Submitted in the future.", f"{at}.submitted_at")]
    return []


def paper_moment(completed_on: Any) -> datetime:
    """A paper form is dated by its day (noon UTC)."""
    return datetime.combine(completed_on, time(12), tzinfo=UTC)


async def _write(
    session: AsyncSession,
    ctx: AuditContext,
    campaign: Campaign,
    content: InstrumentContent,
    checked: list[Checked],
    out: list[Stored],
    source_organisation_id: uuid.UUID | None,
    now: datetime,
) -> None:
    new = [c for c in checked if c.row is not None]
    changed = [c for c in checked if c.row is None]
    rows: list[dict[str, Any]] = []
    for c in new:
        row = c.row
        assert row is not None
        rows.append(row)
        out[c.index] = Stored("created", row["id"], row["submission_id"], row["submitted_at"])
    answer_rows = service.answer_rows_of(
        content, ((r["id"], c.values["answers"]) for r, c in zip(rows, new, strict=True))
    )
    await bulk.insert_rows(session, cast(Table, Answer.__table__), answer_rows)
    changes = [
        results.Change(
            r["id"],
            r["record_key"],
            None,
            Counted(
                r["record_key"], r["service_id"], r["submitted_at"].date(), c.values["answers"]
            ),
        )
        for r, c in zip(rows, new, strict=True)
        if not r["held"]
    ]
    previous = await service.answers_of(session, [c.existing.id for c in changed if c.existing])
    updated: list[Response] = []
    for c in changed:
        stored = c.existing
        assert stored is not None
        values = dict(c.values)
        answers = values.pop("answers")
        before = {"content_hash": stored.content_hash, "submitted_at": stored.submitted_at}
        old = service.counted_of(
            stored, {a.question_key: a.value.get("v") for a in previous[stored.id]}
        )
        for name, value in values.items():
            setattr(stored, name, value)
        # The day only in an anonymous campaign, as when it was created (claims.changed_at).
        stored.updated_at = changed_at(campaign)
        await session.execute(delete(Answer).where(Answer.response_id == stored.id))
        answer_list = service.answer_rows(stored.id, content, answers)
        if answer_list:
            await session.execute(insert(Answer), answer_list)
        changes.append(
            results.Change(stored.id, stored.record_key, old, service.counted_of(stored, answers))
        )
        await session.flush()
        await audit.record(
            session,
            ctx,
            action="response.updated",
            record_type="response",
            record_id=stored.id,
            organisation_id=source_organisation_id or campaign.organisation_id,
            before=before,
            after={"content_hash": stored.content_hash, "submitted_at": stored.submitted_at},
        )
        updated.append(stored)
        out[c.index] = Stored("updated", stored.id, stored.submission_id, stored.submitted_at)
    moved = await results.count(session, campaign.id, service.mode_of(campaign), content, changes)
    if batches.is_open(session):  # a partner's batch: one event for it, not one per response
        await batches.note(
            session,
            campaign,
            created=[(r["service_id"], r["submitted_at"]) for r in rows],
            updated=[(r.service_id, r.submitted_at) for r in updated],
            unchanged=sum(1 for s in out if s.outcome == "unchanged"),
        )
    await _tell(session, ctx, campaign, rows, updated, moved, now)


async def _tell(
    session: AsyncSession,
    ctx: AuditContext,
    campaign: Campaign,
    rows: list[dict[str, Any]],
    updated: list[Response],
    moved: results.Moved,
    now: datetime,
) -> None:
    """Subscribers' events and the audit trail of new responses (see service.emit_responses
    and announce_release for what each may know)."""
    per_response = service.mode_of(campaign).per_response
    created: list[Response] = []
    if batches.is_open(session):
        updated = []  # announced by the batch (gwella.responses.batches)
    elif rows and await service.anyone_listening(session, campaign, rows, "response.created"):
        ids = [r["id"] for r in rows if not r["held"]]
        found = {
            r.id: r for r in await session.scalars(select(Response).where(Response.id.in_(ids)))
        }
        created = [found[i] for i in ids]  # in the batch's order
    if per_response:
        await service.emit_responses(session, campaign, "response.created", created)
        await service.emit_responses(session, campaign, "response.updated", updated)
    else:
        pushed = [r for r in created if r.channel == Channel.partner.value]
        await service.emit_responses(
            session, campaign, "response.created", pushed, pushed_only=True
        )
        await service.emit_responses(
            session, campaign, "response.updated", updated, pushed_only=True
        )
        await service.announce_release(session, campaign, moved)
    for r in rows:
        if r["channel"] == Channel.partner.value:
            continue  # a push is audited by its batch (ingest.responses)
        if campaign.anonymity is Anonymity.anonymous:
            if ctx.actor_type is ActorType.anonymous:
                # No audit event per anonymous web response: even one stamped with the day,
                # seen to appear, would tell its moment. Its release is audited instead.
                continue
            # A paper form entered by staff: who entered it, for the campaign, on which day
            # (the response itself keeps only its day, and no request id joins the access log).
            await audit.record(
                session,
                AuditContext(ctx.actor_type, ctx.actor_id, ctx.actor_label, None, None),
                action="response.entered",
                record_type="campaign",
                record_id=campaign.id,
                organisation_id=campaign.organisation_id,
                after={"channel": r["channel"]},
                occurred_at=service.day_of(now),
            )
            continue
        await audit.record(
            session,
            ctx,
            action="response.created",
            record_type="response",
            record_id=r["id"],
            organisation_id=campaign.organisation_id,
            after={"channel": r["channel"], "service_id": str(r["service_id"])},
        )


def raise_for_one(stored: Stored) -> None:
    """A door that takes one response at a time (the public page, paper entry): what was
    refused, as the problem the API answers."""
    refusals = stored.refusals
    if not refusals:
        return
    if any(r.code in ("conflict", "removed_meanwhile") for r in refusals):
        raise Conflict(refusals[0].detail)
    codes = {r.code for r in refusals}
    if codes == {"outside_window"}:
        detail = "The form was filled in outside the campaign's window."
    elif codes == {"access_code_required"} or {r.detail for r in refusals} == {service.NO_ANSWER}:
        detail = refusals[0].detail
    else:
        detail = "Some answers need another look; see errors for each question."
    messages = {"outside_window": "outside the window", "access_code_required": "required"}
    raise ValidationFailed(
        detail,
        errors=[
            FieldProblem(field=r.field or "body", message=messages.get(r.code, r.detail))
            for r in refusals
        ],
    )
