"""Bulk ingestion from partner systems: many items per request, each validated exactly as
a web response is, idempotent by (the client's organisation, external id)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns import service as campaigns
from gwella.campaigns.models import Anonymity, Campaign, Channel
from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, NotFound
from gwella.ingest.schemas import ImportSummary, IngestResponseItem, ItemError
from gwella.organisations import service as organisations
from gwella.responses import service as responses
from gwella.responses.models import Answer, Response

Mode = Literal["best_effort", "atomic"]
SUBMISSION_NAMESPACE = uuid.UUID("6f1f7a52-2a43-4a5e-9a49-0d6c3e3f4b10")
FUTURE_TOLERANCE = timedelta(minutes=5)


@dataclass
class Outcome:
    imported: list[dict[str, Any]] = field(default_factory=list)
    updated: list[tuple[Response, dict[str, Any]]] = field(default_factory=list)
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
    """New responses and their answers in two bulk INSERTs; changed ones one by one."""
    if outcome.imported:
        rows, answer_rows = [], []
        for item in outcome.imported:
            response_id = uuid.uuid4()
            answers = item.pop("answers")
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
                    **item,
                }
            )
            answer_rows += responses.answer_rows(response_id, content, answers)
        await session.execute(insert(Response), rows)
        if answer_rows:
            await session.execute(insert(Answer), answer_rows)
    for stored, values in outcome.updated:
        answers = values.pop("answers")
        before = {"content_hash": stored.content_hash, "submitted_at": stored.submitted_at}
        for key, value in values.items():
            setattr(stored, key, value)
        stored.updated_at = now
        await session.execute(delete(Answer).where(Answer.response_id == stored.id))
        rows = responses.answer_rows(stored.id, content, answers)
        if rows:
            await session.execute(insert(Answer), rows)
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
