"""API models of reading back, the change feeds and retraction."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from gwella.core.schemas import ApiModel, OutputModel
from gwella.indicators.schemas import MeasurementRead
from gwella.ingest.schemas import ExternalId, ItemError
from gwella.responses.schemas import ResponseRead

MAX_RETRACTIONS = 1000
FEED_LIMIT = 200


class RetractionRequest(ApiModel):
    external_ids: list[ExternalId] = Field(
        min_length=1,
        max_length=MAX_RETRACTIONS,
        description=f"Your system's ids of the records to retract (up to {MAX_RETRACTIONS})",
        examples=[["PAS-2026-000123"]],
    )
    reason: Annotated[str, StringConstraints(min_length=1, max_length=500)] = Field(
        description="Why (kept in the audit trail)", examples=["Pushed to the wrong campaign"]
    )


class RetractionSummary(OutputModel):
    status: Literal["completed", "partial", "failed"] = Field(
        description="completed: every id retracted (or retracted before); partial: some ids "
        "unknown, the rest retracted (best_effort); failed: nothing retracted (atomic with "
        "unknown ids, or every id unknown)"
    )
    dry_run: bool
    retracted: int = Field(description="Retracted by this request")
    already_retracted: int = Field(description="Retracted before: nothing to do (a no-op)")
    rejected: int
    errors: list[ItemError] = Field(
        description="Per id: `unknown_external_id` when your organisation pushed no record "
        "with it (`index` is its position in `external_ids`)"
    )


class _Change(OutputModel):
    op: Literal["upsert", "deleted"] = Field(
        description="`upsert`: created or changed (the record as it is now); `deleted`: "
        "retracted (a tombstone: id and external id only)"
    )
    id: uuid.UUID
    external_id: str | None
    changed_at: datetime = Field(
        description="When it changed (the day only, for responses of anonymous campaigns)"
    )


class ResponseChange(_Change):
    record: ResponseRead | None = Field(description="The response, for an upsert")


class MeasurementChange(_Change):
    record: MeasurementRead | None = Field(description="The measurement, for an upsert")


class _ChangePage(OutputModel):
    next_cursor: str = Field(
        description="Always given: pass it as `cursor` next time (also after an empty page, "
        "to poll for what comes later)"
    )
    next: str = Field(description="The full URL of the next call")


class ResponseChangePage(_ChangePage):
    items: list[ResponseChange]


class MeasurementChangePage(_ChangePage):
    items: list[MeasurementChange]
