"""Bulk ingestion from partner systems: many items per request, each validated exactly as
a web response is, idempotent by (the client's organisation, external id)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns import service as campaigns
from gwella.campaigns.enums import Channel
from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.errors import Conflict, NotFound
from gwella.core.finite import WITHIN, is_bounded
from gwella.indicators import ownership
from gwella.indicators import service as indicators
from gwella.indicators import sync as measurement_sync
from gwella.ingest.schemas import (
    ImportSummary,
    IngestMeasurementItem,
    IngestResponseItem,
    ItemError,
)
from gwella.organisations import service as organisations
from gwella.responses import batches, store
from gwella.responses.items import RefusalCode

if TYPE_CHECKING:
    from gwella.campaigns.models import Campaign

Mode = Literal["best_effort", "atomic"]


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
    try:
        campaign = await campaigns.get_campaign(session, campaign_id)
    except NotFound:
        raise NotFound("No campaign with that id is visible to this client.") from None
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
    """Pushed responses, through the one writer of responses (``responses.store``):
    idempotent on (the client's organisation, external id). The batch raises one
    ``responses.ingested`` event (``responses.batches``), not one per response; inside a
    batch already open (an import's chunk) it is part of that one."""
    async with batches.ingesting(session, batches.BatchRef("ingest", uuid.uuid4(), client_org)):
        summary, _ = await ingest_responses_itemised(
            session, ctx, client_org, campaign, services, items, mode=mode, dry_run=dry_run
        )
    return summary


async def ingest_responses_itemised(
    session: AsyncSession,
    ctx: AuditContext,
    client_org: uuid.UUID,
    campaign: Campaign,
    services: dict[str, uuid.UUID],
    items: list[IngestResponseItem],
    *,
    mode: Mode,
    dry_run: bool,
) -> tuple[ImportSummary, list[store.Outcome]]:
    """:func:`ingest_responses`, with what became of each item, in order (for a door that
    answers per item, such as FHIR: the writer's own word, which stays true when a retry
    races its first attempt)."""
    errors: list[ItemError] = []
    incoming: list[store.Incoming] = []
    positions: list[int] = []
    for index, item in enumerate(items):
        service_id = services.get(item.service)
        if service_id is None:
            errors.append(
                ItemError(
                    index=index,
                    external_id=item.external_id,
                    code="unknown_service",
                    detail="Not a service of your organisation in this campaign.",
                    field=f"items.{index}.service",
                )
            )
            continue
        positions.append(index)
        incoming.append(
            store.Incoming(
                service_id=service_id,
                moment=item.submitted_at,
                language=item.language,
                answers=dict(item.answers),
                channel=Channel.partner,
                consent=item.consent,
                respondent_reference=item.respondent_reference,
                external_id=item.external_id,
            )
        )
    stored = await store.store_many(
        session,
        ctx,
        campaign,
        incoming,
        source_organisation_id=client_org,
        prefix=lambda i: f"items.{positions[i]}",
        mode=mode,
        dry_run=dry_run or (mode == "atomic" and bool(errors)),
    )
    for i, result in enumerate(stored):
        errors += [
            ItemError(
                index=positions[i],
                external_id=items[positions[i]].external_id,
                code=r.code,
                detail=r.detail,
                field=r.field,
            )
            for r in result.refusals
        ]
    errors.sort(key=lambda e: e.index)
    counts = {kind: sum(1 for r in stored if r.outcome == kind) for kind in store.OUTCOMES}
    rejected = len({e.index for e in errors})
    kept = counts["created"] + counts["updated"] + counts["unchanged"]
    if not rejected:
        status: Literal["completed", "partial", "failed"] = "completed"
    elif mode == "atomic" or not kept:
        status = "failed"
    else:
        status = "partial"
    keep = status != "failed"
    summary = ImportSummary(
        status=status,
        dry_run=dry_run,
        imported=counts["created"] if keep else 0,
        updated=counts["updated"] if keep else 0,
        ignored=counts["unchanged"] if keep else 0,
        rejected=rejected,
        errors=errors,
    )
    outcomes: list[store.Outcome] = ["refused"] * len(items)
    for i, result in enumerate(stored):
        outcomes[positions[i]] = result.outcome if keep else "refused"
    if dry_run or status == "failed":
        return summary, outcomes
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
    return summary, outcomes


def _external_id_conflict(
    row: dict[str, Any],
    key: tuple[Any, ...],
    at_key: Any,
    named: dict[str, Any],
) -> str | None:
    """Why an item's external id cannot be its measurement's, if it cannot: one external id
    names one measurement (an indicator, unit and period), and a measurement has one."""
    external_id = row["external_id"]
    if external_id is None:
        return None
    owner = named.get(external_id)
    if owner is not None and measurement_sync.key_of(owner) != key:
        return "This external_id names a measurement of another indicator, unit or period."
    if at_key is not None and at_key.external_id not in (None, external_id):
        return "This indicator, unit and period already has a measurement with another external_id."
    return None


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

        def reject(code: RefusalCode, detail: str, where: str, *, i: int = index) -> None:
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
            if not is_bounded(value):
                reject("invalid", f"numerator / denominator is not {WITHIN}.", f"{at}.denominator")
                prepared.append(None)
                continue
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
                "external_id": item.external_id,
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
    named = await measurement_sync.pushed(
        session, client_org, {r["external_id"] for r in prepared if r and r["external_id"]}
    )
    seen: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    ids_seen: dict[str, tuple[Any, ...]] = {}
    for index, row in enumerate(prepared):
        if row is None:
            continue
        key = row.pop("key")
        held = existing.get(key)
        if held is not None and (why := ownership.held_elsewhere(held, client_org)):
            outcome.errors.append(
                ItemError(
                    index=index,
                    external_id=row["external_id"],
                    code="measurement_owned_elsewhere",
                    detail=why,
                    field=f"items.{index}",
                )
            )
            continue
        conflict = _external_id_conflict(row, key, held, named)
        external_id = row["external_id"]
        if conflict is None and external_id and ids_seen.setdefault(external_id, key) != key:
            conflict = "The same external_id appears earlier in this batch for another period."
        if conflict:
            outcome.errors.append(
                ItemError(
                    index=index,
                    external_id=row["external_id"],
                    code="external_id_conflict",
                    detail=conflict,
                    field=f"items.{index}.external_id",
                )
            )
            continue
        signature = (row["value"], row["numerator"], row["denominator"], row["external_id"])
        if key in seen:
            if seen[key] == signature:
                outcome.ignored += 1
            else:
                outcome.errors.append(
                    ItemError(
                        index=index,
                        external_id=row["external_id"],
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
        elif indicators.same_values(stored, row):
            outcome.ignored += 1
        else:
            outcome.updated.append((stored, row))
    summary = outcome.summary(dry_run=dry_run, mode=mode)
    if dry_run or summary.status == "failed":
        return summary
    index_of = {id(r): i for i, r in enumerate(prepared) if r is not None}
    written = await indicators.store_measurements(
        session, ctx, client_org, outcome.imported, outcome.updated
    )
    # A concurrent push (a retry racing its first attempt) may have stored some periods
    # first; a staff entry, a derivation or a retraction committed meanwhile refuses its item.
    late = [
        ItemError(
            index=index_of[id(row)],
            external_id=row["external_id"],
            code=code,
            detail=detail,
            field=f"items.{index_of[id(row)]}",
        )
        for row, code, detail in written.refused
    ]
    if late and mode == "atomic":
        raise Conflict(
            "Some of these measurements were changed by another request while this push "
            "ran (" + "; ".join(f"item {e.index}: {e.detail}" for e in late) + "); "
            "nothing was stored, retry."
        )
    errors = sorted([*summary.errors, *late], key=lambda e: e.index)
    kept = written.imported + written.updated + summary.ignored + written.unchanged
    summary = summary.model_copy(
        update={
            "imported": written.imported,
            "updated": written.updated,
            "ignored": summary.ignored + written.unchanged,
            "errors": errors,
            "rejected": len({e.index for e in errors}),
            "status": summary.status if not late else ("partial" if kept else "failed"),
        }
    )
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
