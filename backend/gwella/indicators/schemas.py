from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import Field

from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, Code, ReadModel
from gwella.indicators.models import Direction, MeasurementSource
from gwella.instruments.content import LocalizedText


class StandardRead(ReadModel):
    id: uuid.UUID
    framework_id: uuid.UUID
    code: str
    number: int
    title: LocalizedText


class FrameworkRead(ReadModel):
    id: uuid.UUID
    code: str
    title: LocalizedText
    description: LocalizedText
    standards: list[StandardRead]


class IndicatorCreate(ApiModel):
    code: Code = Field(examples=["SU-INVOLVED"])
    name: LocalizedText
    definition: LocalizedText | None = None
    unit: str = Field(min_length=1, max_length=32, examples=["%"])
    direction: Direction
    target: float | None = Field(default=None, allow_inf_nan=False)
    standard_id: uuid.UUID | None = None
    organisation_id: uuid.UUID | None = Field(
        default=None, description="Owner; none for a shared definition (platform admins only)"
    )


class IndicatorRead(ReadModel):
    id: uuid.UUID
    code: str
    name: LocalizedText
    definition: LocalizedText
    unit: str
    direction: Direction
    target: float | None
    standard_id: uuid.UUID | None
    organisation_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class IndicatorPage(Page[IndicatorRead]):
    pass


class MeasurementRead(ReadModel):
    id: uuid.UUID
    indicator_id: uuid.UUID
    organisation_id: uuid.UUID
    service_id: uuid.UUID | None
    period_start: date
    period_end: date
    value: float
    numerator: float | None
    denominator: float | None
    source: MeasurementSource
    created_at: datetime
    updated_at: datetime


class MeasurementPage(Page[MeasurementRead]):
    pass
