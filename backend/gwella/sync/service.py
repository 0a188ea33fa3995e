"""Retraction by a partner, for responses and measurements alike: the same request shape,
per-id errors as the ingest endpoints give them, best effort or atomic, dry runs.

A retracted response may have counted in measurements derived from survey results, so the
points its campaign feeds are derived again in the same transaction (:mod:`gwella.derived`);
other campaigns' are left to the worker."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Literal, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.audit import AuditContext
from gwella.derived import derive_measurements
from gwella.indicators import sync as measurements
from gwella.ingest.schemas import ItemError
from gwella.responses import sync as responses
from gwella.sync.schemas import RetractionRequest, RetractionSummary

Mode = Literal["best_effort", "atomic"]


class _Outcome(Protocol):
    outcome: str


OutcomeT = TypeVar("OutcomeT", bound=_Outcome)
Retract = Callable[..., Awaitable[Sequence[OutcomeT]]]


async def _retract(
    retract: Retract[OutcomeT],
    session: AsyncSession,
    ctx: AuditContext,
    organisation_id: uuid.UUID,
    data: RetractionRequest,
    *,
    mode: Mode,
    dry_run: bool,
) -> tuple[RetractionSummary, list[OutcomeT]]:
    """The summary, and what was retracted now."""
    ids = list(data.external_ids)
    checked = await retract(session, ctx, organisation_id, ids, data.reason, dry_run=True)
    errors = [
        ItemError(
            index=i,
            external_id=ext,
            code="unknown_external_id",
            detail="Your organisation pushed no record with this external_id.",
            field=f"external_ids.{i}",
        )
        for i, (ext, r) in enumerate(zip(ids, checked, strict=True))
        if r.outcome == "unknown"
    ]
    kept = {ext: r.outcome for ext, r in zip(ids, checked, strict=True) if r.outcome != "unknown"}
    if not errors:
        status: Literal["completed", "partial", "failed"] = "completed"
    elif mode == "atomic" or not kept:
        status = "failed"
    else:
        status = "partial"
    keep = status != "failed"
    summary = RetractionSummary(
        status=status,
        dry_run=dry_run,
        retracted=sum(1 for o in kept.values() if o == "retracted") if keep else 0,
        already_retracted=sum(1 for o in kept.values() if o == "already") if keep else 0,
        rejected=len(errors),
        errors=errors,
    )
    if dry_run or not keep or not summary.retracted:
        return summary, []
    done = await retract(session, ctx, organisation_id, sorted(kept), data.reason, dry_run=False)
    # A concurrent retraction may have taken some first: they are no-ops now.
    now = [r for r in done if r.outcome == "retracted"]
    summary = summary.model_copy(
        update={
            "retracted": len(now),
            "already_retracted": len(kept) - len(now),
        }
    )
    return summary, now


async def retract_responses(
    session: AsyncSession,
    ctx: AuditContext,
    organisation_id: uuid.UUID,
    data: RetractionRequest,
    *,
    mode: Mode,
    dry_run: bool,
) -> RetractionSummary:
    summary, done = await _retract(
        responses.retract, session, ctx, organisation_id, data, mode=mode, dry_run=dry_run
    )
    if done:
        # Measurements derived from their campaigns' results may have counted them.
        await derive_measurements(session, {r.campaign_id for r in done if r.campaign_id})
    return summary


async def retract_measurements(
    session: AsyncSession,
    ctx: AuditContext,
    organisation_id: uuid.UUID,
    data: RetractionRequest,
    *,
    mode: Mode,
    dry_run: bool,
) -> RetractionSummary:
    summary, _ = await _retract(
        measurements.retract, session, ctx, organisation_id, data, mode=mode, dry_run=dry_run
    )
    return summary
