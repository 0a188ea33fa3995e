from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, StringConstraints

from gwella.core.finite import LARGEST
from gwella.core.schemas import ApiModel
from gwella.responses.items import RefusalCode
from gwella.responses.schemas import AnswerKey, AnswerValue

ExternalId = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Ref = Annotated[str, StringConstraints(min_length=1, max_length=64)]
MAX_ITEMS = 5000


class IngestResponseItem(ApiModel):
    external_id: ExternalId = Field(description="The partner system's own id for this response")
    service: Ref = Field(description="The service, by id or by its code in your organisation")
    submitted_at: AwareDatetime
    channel: Literal["partner"] = "partner"
    language: Literal["en", "cy"] = "en"
    respondent_reference: Annotated[str, StringConstraints(max_length=200)] | None = Field(
        default=None,
        description="Pseudonymous campaigns: stored only as a keyed hash. Identified campaigns "
        "(with consent): stored as given. Anonymous campaigns: refused.",
    )
    consent: bool = False
    answers: dict[AnswerKey, AnswerValue] = Field(
        max_length=500, description="Answers by question key, as for a web response"
    )


class IngestResponsesBatch(ApiModel):
    campaign_id: uuid.UUID
    items: list[IngestResponseItem] = Field(
        description=f"Up to {MAX_ITEMS} items (413 beyond)", min_length=1
    )


class ItemError(ApiModel):
    index: int = Field(description="Position of the item in the batch, from 0")
    external_id: str | None
    code: RefusalCode = Field(description="Why the item was refused")
    detail: str
    field: str | None = None


class ImportSummary(ApiModel):
    status: Literal["completed", "partial", "failed"] = Field(
        description="completed: nothing rejected; partial: some items rejected, the rest "
        "stored (best_effort); failed: nothing stored (atomic with rejections, or all rejected)"
    )
    dry_run: bool
    imported: int
    updated: int
    ignored: int
    rejected: int
    errors: list[ItemError]


class IngestMeasurementItem(ApiModel):
    external_id: ExternalId | None = Field(
        default=None,
        description="The partner system's own id for this measurement (unique in your "
        "organisation): read it back, sync and retract by it. A measurement has one: an id "
        "already given to another indicator, unit or period is refused (`external_id_conflict`)",
    )
    indicator: Ref = Field(description="The indicator's code")
    organisation: Annotated[str, StringConstraints(max_length=100)] | None = Field(
        default=None,
        description="Your organisation, by id or `scheme:code`; default: the client's own",
    )
    service: Ref | None = Field(
        default=None, description="One of the organisation's services, by id or code"
    )
    period_start: date
    period_end: date
    value: float | None = Field(default=None, ge=-LARGEST, le=LARGEST, allow_inf_nan=False)
    numerator: float | None = Field(default=None, ge=0, le=LARGEST, allow_inf_nan=False)
    denominator: float | None = Field(default=None, gt=0, le=LARGEST, allow_inf_nan=False)


class IngestMeasurementsBatch(ApiModel):
    items: list[IngestMeasurementItem] = Field(
        description=f"Up to {MAX_ITEMS} items (413 beyond)", min_length=1
    )
