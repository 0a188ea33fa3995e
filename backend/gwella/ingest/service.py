"""Bulk ingestion from partner systems: many items per request, each validated exactly as
a web response is, idempotent by (the client's organisation, external id)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns import service as campaigns
from gwella.campaigns.models import Anonymity, Campaign, Channel
from gwella.core import audit, bulk
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, NotFound
from gwella.disclosure import cellkey
from gwella.indicators import service as indicators
from gwella.ingest.schemas import (
    ImportSummary,
    IngestMeasurementItem,
    IngestResponseItem,
    ItemError,
)
from gwella.organisations import service as organisations
from gwella.responses import service as responses
from gwella.responses.models import Answer, Response
from gwella.results import service as results
from gwella.webhooks import service as webhooks

Mode = Literal["best_effort", "atomic"]
SUBMISSION_NAMESPACE = uuid.UUID("6f1f7a52-2a43-4a5e-9a49-0d6c3e3f4b10")
FUTURE_TOLERANCE = timedelta(minutes=5)


@dataclass
class Outcome:
    imported: list[dict[str, Any]] = field(default_factory=list)
    updated: list[tuple[Any, dict[str, Any]]] = field(default_factory=list)
    ignored: int = 0
    errors: list[ItemError] = field(default_factory=list)

    def summary(self, *, dry_run: bool, mode: Mode) -> ImportSummary:
        rejected = len({e.index for e in self.errors})
        stored = len(self.imported) + len(self.updated) + self.ignored
        if not rejected:
            status: Literal["completed", "partial", "failed"] = "completed"
        elif mode == "atomic" or not stored:
            status = "failed"
        else:
            status = "partial"
        keep = status != "failed"
        return ImportSummary(
            status=status,
            dry_run=dry_run,
            imported=len(self.imported) if keep else 0,
            updated=len(self.updated) if keep else 0,
            ignored=self.ignored if keep else 0,
            rejected=rejected,
            errors=self.errors,
        )


async def campaign_for_client(
    session: AsyncSession, campaign_id: uuid.UUID, client_org: uuid.UUID
) -> tuple[Campaign, dict[str, uuid.UUID]]:
    """The campaign and the client's services in it, by id and by code."""
    campaign = await session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound("No campaign with that id is visible to this client.")
    links = (await campaigns.links_of(session, [campaign.id]))[campaign.id]
    refs: dict[str, uuid.UUID] = {}
    for link in links:
        svc = await organisations.get_service(session, link.service_id)
        if svc.organisation_id == client_org:
            refs[str(svc.id)] = svc.id
            if svc.code:
                refs[svc.code] = svc.id
    if campaign.organisation_id != client_org and not refs:
        raise NotFound("No campaign with that id is visible to this client.")
    if Channel.partner.value not in campaign.channels:
        raise Conflict("This campaign does not take responses pushed by partner systems.")
    return campaign, refs


async def ingest_responses(
    session: AsyncSession,
    ctx: AuditContext,
    client_org: uuid.UUID,
    campaign: Campaign,
    services: dict[str, uuid.UUID],
    items: list[IngestResponseItem],
    *,
    mode: Mode,
    dry_run: bool,
) -> ImportSummary:
    content = await responses.version_content(session, campaign)
    now = utcnow()
    existing = {
        r.external_id: r
        for r in await session.scalars(
            select(Response).where(
                Response.source_organisation_id == client_org,
                Response.external_id.in_({i.external_id for i in items}),
            )
        )
    }
    outcome = Outcome()
    seen: dict[str, str] = {}
    for index, item in enumerate(items):
        at = f"items.{index}"

        def reject(code: str, detail: str, where: str | None, *, i: int = index) -> None:
            outcome.errors.append(
                ItemError(
                    index=i, external_id=items[i].external_id, code=code, detail=detail, field=where
                )
            )

        service_id = services.get(item.service)
        if service_id is None:
            reject(
                "unknown_service",
                "Not a service of your organisation in this campaign.",
                f"{at}.service",
            )
            continue
        if not campaign.opens_at <= item.submitted_at < campaign.closes_at:
            reject(
                "outside_window", "Submitted outside the campaign's window.", f"{at}.submitted_at"
            )
            continue
        if item.submitted_at > now + FUTURE_TOLERANCE:
            reject("outside_window", "Submitted in the future.", f"{at}.submitted_at")
            continue
        prepared, problems = responses.prepare(
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
            for p in problems:
                reject("invalid", p.message, p.field)
            continue
        submitted_at = (
            responses.day_of(item.submitted_at)
            if campaign.anonymity is Anonymity.anonymous
            else item.submitted_at
        )
        digest = responses.content_hash(
            service_id,
            item.language,
            prepared.answers,
            submitted_at.isoformat(),
            prepared.respondent_hash,
            prepared.respondent_reference,
        )
        if item.external_id in seen:
            if seen[item.external_id] == digest:
                outcome.ignored += 1
            else:
                reject(
                    "duplicate_external_id",
                    "The same external_id appears earlier in this batch with other content.",
                    f"{at}.external_id",
                )
            continue
        seen[item.external_id] = digest
        values = {
            "service_id": service_id,
            "language": item.language,
            "content_hash": digest,
            "submitted_at": submitted_at,
            "respondent_hash": prepared.respondent_hash,
            "respondent_reference": prepared.respondent_reference,
            "consent_recorded_at": prepared.consent_at,
            "answers": prepared.answers,
        }
        stored = existing.get(item.external_id)
        if stored is None:
            outcome.imported.append({"external_id": item.external_id, **values})
        elif stored.campaign_id != campaign.id:
            reject(
                "duplicate_external_id",
                "This external_id belongs to a response of another campaign.",
                f"{at}.external_id",
            )
        elif stored.content_hash == digest:
            outcome.ignored += 1
        else:
            outcome.updated.append((stored, values))
    summary = outcome.summary(dry_run=dry_run, mode=mode)
    if dry_run or summary.status == "failed":
        return summary
    await _write(session, ctx, client_org, campaign, content, outcome, now)
    await audit.record(
        session,
        ctx,
        action="ingest.responses",
        record_type="campaign",
        record_id=campaign.id,
        organisation_id=client_org,
        after={
            "imported": summary.imported,
            "updated": summary.updated,
            "ignored": summary.ignored,
            "rejected": summary.rejected,
            "mode": mode,
        },
    )
    return summary


async def _write(
    session: AsyncSession,
    ctx: AuditContext,
    client_org: uuid.UUID,
    campaign: Campaign,
    content: Any,
    outcome: Outcome,
    now: Any,
) -> None:
    """New responses and their answers in two bulk INSERTs; changed ones one by one; then
    every change counted into the results at once (per response, or by releases)."""
    new_rows: list[dict[str, Any]] = []
    new_answers: dict[uuid.UUID, dict[str, Any]] = {}
    if outcome.imported:
        rows, answer_rows = [], []
        keys = cellkey.new_record_keys(len(outcome.imported))
        for item, record_key in zip(outcome.imported, keys, strict=True):
            response_id = uuid.uuid4()
            answers = item.pop("answers")
            new_answers[response_id] = answers
            rows.append(
                {
                    "id": response_id,
                    "campaign_id": campaign.id,
                    "instrument_version_id": campaign.instrument_version_id,
                    "channel": Channel.partner.value,
                    "submission_id": uuid.uuid5(
                        SUBMISSION_NAMESPACE, f"{client_org}:{item['external_id']}"
                    ),
                    "source_organisation_id": client_org,
                    "entered_by_id": None,
                    "record_key": record_key,
                    "held": False,
                    **item,
                }
            )
            answer_rows += responses.answer_rows(response_id, content, answers)
        await bulk.insert_rows(session, cast(Table, Response.__table__), rows)
        await bulk.insert_rows(session, cast(Table, Answer.__table__), answer_rows)
        new_rows = rows
    changes = [
        results.Change(
            r["id"],
            r["record_key"],
            None,
            results.Counted(
                r["record_key"], r["service_id"], r["submitted_at"].date(), new_answers[r["id"]]
            ),
        )
        for r in new_rows
    ]
    previous = await responses.answers_of(session, [stored.id for stored, _ in outcome.updated])
    for stored, values in outcome.updated:
        answers = values.pop("answers")
        before = {"content_hash": stored.content_hash, "submitted_at": stored.submitted_at}
        old = responses.counted_of(
            stored, {a.question_key: a.value.get("v") for a in previous[stored.id]}
        )
        for key, value in values.items():
            setattr(stored, key, value)
        stored.updated_at = now
        await session.execute(delete(Answer).where(Answer.response_id == stored.id))
        rows = responses.answer_rows(stored.id, content, answers)
        if rows:
            await session.execute(insert(Answer), rows)
        changes.append(
            results.Change(stored.id, stored.record_key, old, responses.counted_of(stored, answers))
        )
        await session.flush()
        await audit.record(
            session,
            ctx,
            action="response.updated",
            record_type="response",
            record_id=stored.id,
            organisation_id=client_org,
            before=before,
            after={"content_hash": stored.content_hash, "submitted_at": stored.submitted_at},
        )
    moved = await results.count(session, campaign.id, responses.mode_of(campaign), content, changes)
    per_response = responses.mode_of(campaign).per_response
    if new_rows and await _anyone_listening(session, campaign, client_org, "response.created"):
        new_ids = [r["id"] for r in new_rows]
        found = {
            r.id: r for r in await session.scalars(select(Response).where(Response.id.in_(new_ids)))
        }
        created = [found[i] for i in new_ids]  # in the batch's order
        await responses.emit_responses(
            session, campaign, "response.created", created, pushed_only=not per_response
        )
    if outcome.updated:
        await responses.emit_responses(
            session,
            campaign,
            "response.updated",
            [stored for stored, _ in outcome.updated],
            pushed_only=not per_response,
        )
    if not per_response:
        await responses.announce_release(session, campaign, moved)


async def _anyone_listening(
    session: AsyncSession, campaign: Campaign, client_org: uuid.UUID, event_type: str
) -> bool:
    """One cheap check before loading a batch's responses to announce them."""
    for org_id in {client_org, campaign.organisation_id}:
        if await webhooks.has_subscribers(session, org_id, event_type):
            return True
    return False


async def ingest_measurements(
    session: AsyncSession,
    ctx: AuditContext,
    client_org: uuid.UUID,
    items: list[IngestMeasurementItem],
    *,
    mode: Mode,
    dry_run: bool,
) -> ImportSummary:
    """Idempotent on (indicator, organisation or service, period): the same value is ignored,
    a different one updates the measurement (audited), a new one is imported."""
    indicators_by_code = await indicators.indicators_by_code(session, {i.indicator for i in items})
    org = await organisations.get_organisation(session, client_org)
    org_refs = {str(org.id)} | ({f"{org.code_scheme}:{org.code}"} if org.code else set())
    outcome = Outcome()
    keys: list[tuple[uuid.UUID, str, Any, Any]] = []
    prepared: list[dict[str, Any] | None] = []
    for index, item in enumerate(items):
        at = f"items.{index}"

        def reject(code: str, detail: str, where: str, *, i: int = index) -> None:
            outcome.errors.append(
                ItemError(index=i, external_id=None, code=code, detail=detail, field=where)
            )

        indicator = indicators_by_code.get(item.indicator)
        if indicator is None:
            reject("unknown_indicator", "No indicator with that code.", f"{at}.indicator")
            prepared.append(None)
            continue
        if item.organisation is not None and item.organisation not in org_refs:
            reject(
                "not_your_organisation",
                "Send measurements of your own organisation.",
                f"{at}.organisation",
            )
            prepared.append(None)
            continue
        service_id = None
        if item.service is not None:
            svc = await organisations.find_service(session, client_org, item.service)
            if svc is None:
                reject(
                    "unknown_unit",
                    "No service of your organisation with that id or code.",
                    f"{at}.service",
                )
                prepared.append(None)
                continue
            service_id = svc.id
        if item.period_end < item.period_start:
            reject("invalid", "The period ends before it starts.", f"{at}.period_end")
            prepared.append(None)
            continue
        has_ratio = item.numerator is not None or item.denominator is not None
        if (item.value is None) == (not has_ratio) or (
            has_ratio and (item.numerator is None or item.denominator is None)
        ):
            reject("invalid", "Give either value, or numerator and denominator.", f"{at}.value")
            prepared.append(None)
            continue
        value = item.value
        if value is None:
            assert item.numerator is not None
            assert item.denominator is not None
            value = item.numerator / item.denominator * (100 if indicator.unit == "%" else 1)
        key = (
            indicator.id,
            indicators.unit_key(client_org, service_id),
            item.period_start,
            item.period_end,
        )
        keys.append(key)
        prepared.append(
            {
                "key": key,
                "indicator_id": indicator.id,
                "organisation_id": client_org,
                "service_id": service_id,
                "unit_key": key[1],
                "period_start": item.period_start,
                "period_end": item.period_end,
                "value": value,
                "numerator": item.numerator,
                "denominator": item.denominator,
            }
        )
    existing = await indicators.measurements_by_key(session, keys)
    seen: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for index, row in enumerate(prepared):
        if row is None:
            continue
        key = row.pop("key")
        signature = (row["value"], row["numerator"], row["denominator"])
        if key in seen:
            if seen[key] == signature:
                outcome.ignored += 1
            else:
                outcome.errors.append(
                    ItemError(
                        index=index,
                        external_id=None,
                        code="duplicate_period",
                        detail="The same indicator, unit and period appear earlier in this batch "
                        "with another value.",
                        field=f"items.{index}",
                    )
                )
            continue
        seen[key] = signature
        stored = existing.get(key)
        if stored is None:
            outcome.imported.append(row)
        elif (stored.value, stored.numerator, stored.denominator) == signature:
            outcome.ignored += 1
        else:
            outcome.updated.append((stored, row))
    summary = outcome.summary(dry_run=dry_run, mode=mode)
    if dry_run or summary.status == "failed":
        return summary
    await indicators.store_measurements(session, ctx, client_org, outcome.imported, outcome.updated)
    await audit.record(
        session,
        ctx,
        action="ingest.measurements",
        record_type="organisation",
        record_id=client_org,
        organisation_id=client_org,
        after={
            "imported": summary.imported,
            "updated": summary.updated,
            "ignored": summary.ignored,
            "rejected": summary.rejected,
            "mode": mode,
        },
    )
    return summary
