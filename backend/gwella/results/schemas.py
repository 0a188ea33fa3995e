from __future__ import annotations

import uuid
from datetime import date
from typing import Literal

from pydantic import Field

from gwella.core.schemas import OutputModel


class ResultCellRead(OutputModel):
    value: str
    count: int | None = Field(
        description="The published count: the true count slightly adjusted (see `disclosure`); "
        "null when held back (from 1 to the minimum cell size less one, or to protect another). "
        "0 may stand for a few."
    )
    suppressed: bool
    percent: float | None = Field(description="Of the row's published `n`, at most 100")
    ci_low: float | None = Field(description="95% Wilson interval, lower bound, in percent")
    ci_high: float | None


class ResultRow(OutputModel):
    unit: str = Field(description="A service id, or `total`")
    n: int | None = Field(
        description="Respondents who answered, as published; null when held back. A row whose "
        "`n` is held back or 0 shows no counts"
    )
    cells: list[ResultCellRead]
    mean: float | None = Field(
        description="Scales: from the published counts, when none is held back; numbers: the "
        "mean of questions with a range, its sum moved by noise scaled to the range"
    )
    median: float | None
    share_positive: float | None = Field(
        description="Likert: top two points; rating 0-10: 7-10; yes/no: yes (percent of the "
        "published counts, when none is held back)"
    )
    share_negative: float | None
    suppressed: bool = Field(description="Some of this row is held back")


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


class Disclosure(OutputModel):
    """How the numbers are protected (see the disclosure-control documentation)."""

    method: Literal["cell_key_perturbation"] = "cell_key_perturbation"
    max_change: int = Field(description="No published count differs from the true one by more")
    variance: float = Field(description="The variance of the change")
    min_cell_size: int = Field(description="Published counts below this are held back")
    releases: Literal["per_response", "batched"] = Field(
        description="`batched`: results move on only when at least `min_cell_size` new "
        "responses (or changes) can be counted together in a service (and in its week and "
        "month); `per_response` for identified-with-consent campaigns"
    )
    released_on: date | None = Field(
        description="The last day the results of the services in scope moved on"
    )


class CampaignResults(OutputModel):
    campaign_id: uuid.UUID
    period: Literal["all", "month", "week"]
    min_cell_size: int
    disclosure: Disclosure
    service_ids: list[uuid.UUID]
    periods: list[PeriodResult]
    comments: list[Comment] = Field(description="Published free text only")
