from __future__ import annotations

import uuid
from datetime import date
from typing import Literal

from pydantic import Field

from gwella.core.schemas import OutputModel


class ResultCellRead(OutputModel):
    value: str
    count: int | None = Field(description="Null when suppressed (never shown as 0)")
    suppressed: bool
    percent: float | None
    ci_low: float | None = Field(description="95% Wilson interval, lower bound, in percent")
    ci_high: float | None


class ResultRow(OutputModel):
    unit: str = Field(description="A service id, or `total`")
    n: int | None = Field(description="Respondents who answered; null when suppressed")
    cells: list[ResultCellRead]
    mean: float | None = Field(description="Scales and numbers; only when nothing is hidden")
    median: float | None
    share_positive: float | None = Field(
        description="Likert: top two points; rating 0-10: 7-10; yes/no: yes (percent)"
    )
    share_negative: float | None
    suppressed: bool = Field(description="Some of this row is hidden")


class QuestionResult(OutputModel):
    question_key: str
    type: str
    options: list[str]
    units: list[ResultRow]
    total: ResultRow


class UnitCount(OutputModel):
    service_id: uuid.UUID
    n: int | None


class ResponseCounts(OutputModel):
    units: list[UnitCount]
    total: int | None


class PeriodResult(OutputModel):
    period_start: date
    responses: ResponseCounts
    questions: list[QuestionResult]


class Comment(OutputModel):
    question_key: str
    text: str
    service_id: uuid.UUID
    answer_id: uuid.UUID = Field(description="Cite it as an improvement action's evidence")


class CampaignResults(OutputModel):
    campaign_id: uuid.UUID
    period: Literal["all", "month", "week"]
    min_cell_size: int
    service_ids: list[uuid.UUID]
    periods: list[PeriodResult]
    comments: list[Comment] = Field(description="Published free text only")
