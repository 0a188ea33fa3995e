from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import Field

from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, Code, OutputModel, ReadModel
from gwella.core.text import LocalizedText, WrittenText
from gwella.indicators.models import Direction, MeasurementSource


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
    name: WrittenText
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
    source_organisation_id: uuid.UUID | None = Field(
        default=None, description="Pushed measurements: the organisation whose system sent it"
    )
    external_id: str | None = Field(
        default=None, description="Pushed measurements: the partner system's own id, if given"
    )
    created_at: datetime
    updated_at: datetime


class MeasurementPage(Page[MeasurementRead]):
    pass


class ChartPoint(OutputModel):
    period_start: date
    period_end: date
    value: float
    mean: float
    upper_limit: float
    lower_limit: float
    upper_band: float = Field(description="Near-limit band: mean + (2/3)(limit - mean)")
    lower_band: float
    moving_range: float | None
    special_cause: Literal["outside_limits", "trend", "two_of_three", "shift"] | None
    nature: Literal["improvement", "concern", "neutral"] | None
    side: Literal["high", "low"] | None


class ChartRead(OutputModel):
    """An XmR (statistical process control) chart: every point with its limits and flags."""

    indicator_id: uuid.UUID
    organisation_id: uuid.UUID | None
    service_id: uuid.UUID | None
    direction: Direction
    target: float | None
    unit: str
    variation: str | None = Field(
        description="From the last point: common_cause, special_cause_improving_high/low, "
        "special_cause_concerning_high/low, special_cause_neither_high/low"
    )
    assurance: Literal["consistently_passing", "consistently_failing", "hit_and_miss"] | None
    warnings: list[str]
    settings: dict[str, object]
    points: list[ChartPoint]
    annotations: list[AnnotationRead] = Field(default_factory=list)


class AnnotationCreate(ApiModel):
    organisation_id: uuid.UUID
    service_id: uuid.UUID | None = None
    on_date: date = Field(description="Today or earlier: an annotation marks what happened")
    text: WrittenText


class AnnotationUpdate(ApiModel):
    """What its author may change: the day and the words (neither may be null)."""

    on_date: date | None = Field(default=None, description="Today or earlier")
    text: WrittenText | None = None


class AnnotationRead(ReadModel):
    id: uuid.UUID
    indicator_id: uuid.UUID
    organisation_id: uuid.UUID
    service_id: uuid.UUID | None
    on_date: date
    text: LocalizedText
    kind: str
    created_by_id: uuid.UUID | None = Field(
        description="Its author, who alone may change or remove it (null: made automatically)"
    )
    created_at: datetime
    version: int = Field(description="Its ETag's value: send it in If-Match to change or remove it")


class IndicatorUnitLatest(OutputModel):
    """One organisation's or service's series of an indicator: its latest value and icons."""

    organisation_id: uuid.UUID
    organisation_name: str
    organisation_name_cy: str | None = Field(description="In Welsh, where it has a Welsh name")
    service_id: uuid.UUID | None
    service_name: str | None
    service_name_cy: str | None = Field(description="In Welsh, where it has a Welsh name")
    latest_period_start: date
    latest_period_end: date
    latest_value: float
    points: int = Field(description="Points on the chart the icons come from")
    variation: str | None = Field(description="As in the chart: common_cause, special_cause_...")
    assurance: Literal["consistently_passing", "consistently_failing", "hit_and_miss"] | None


class IndicatorLatest(OutputModel):
    indicator: IndicatorRead
    units: list[IndicatorUnitLatest] = Field(description="Empty when nothing is measured yet")


class StandardIndicators(OutputModel):
    standard: StandardRead | None = Field(description="None: indicators serving no standard")
    indicators: list[IndicatorLatest]


class PartnershipIndicatorsRead(OutputModel):
    """A partnership's indicators side by side, grouped by the standard they serve."""

    partnership_id: uuid.UUID
    standards: list[StandardIndicators]
