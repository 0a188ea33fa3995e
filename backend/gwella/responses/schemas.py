from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)
from pydantic_core import PydanticCustomError

from gwella.campaigns.enums import Anonymity
from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, Flag, OutputModel, ReadModel
from gwella.core.text import LocalizedText
from gwella.instruments.content import PublicContent
from gwella.responses.models import Moderation


def _one_answer_error(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # One plain error for a value of no answer's shape, not one per shape tried.
    try:
        return handler(value)
    except ValidationError:
        raise PydanticCustomError(
            "answer_type", "An answer is text, a number, a list of option values, or null"
        ) from None


# What an answer may be, as JSON: an option value, `yes`/`no`, a date or text (a string); a
# whole number (rating) or any number; a list of option values (multiple choice); null for
# no answer. Strict, so that true/false or "7" are refused as the spec says, not read as 1
# or 7; which of these a question takes is checked against its version
# (responses.validation).
AnswerValue = Annotated[
    StrictStr | StrictInt | StrictFloat | list[StrictStr] | None,
    WrapValidator(_one_answer_error),
]
AnswerKey = Annotated[str, StringConstraints(max_length=64)]


class SubmissionCreate(ApiModel):
    submission_id: uuid.UUID = Field(
        description="Made by the client once per filled-in form and sent again on every retry: "
        "the same id never makes a second response"
    )
    language: Literal["en", "cy"] = "en"
    answers: dict[AnswerKey, AnswerValue] = Field(
        max_length=500,
        description="Answers by question key: an option value, `yes`/`no`, a whole number 0-10 "
        "(rating), a number, a date `YYYY-MM-DD`, text, a list of option values (multiple "
        "choice), or `dont_know` where offered. Checked against the exact version.",
    )
    consent: Flag = Field(
        default=False, description="Identified campaigns: the respondent agrees to be named"
    )
    respondent_reference: Annotated[str, StringConstraints(max_length=200)] | None = None
    access_code: Annotated[str, StringConstraints(max_length=40)] | None = Field(
        default=None,
        description="A single-use access code (web responses): required when the campaign "
        "asks for one; a valid code also keeps a response out of the burst check",
        examples=["KMQ7R-XT3WA"],
    )


class PaperResponseCreate(SubmissionCreate):
    service_id: uuid.UUID
    completed_on: date = Field(description="The day the paper form was filled in")


class SubmissionReceipt(ApiModel):
    submission_id: uuid.UUID
    duplicate: bool = Field(description="True when this submission had already been received")
    submitted_at: datetime = Field(description="As stored: the day only, for anonymous surveys")


class PublicSurvey(ApiModel):
    """What the public response page needs, without signing in."""

    campaign_name: str | None = Field(description="In English (null when named in Welsh only)")
    campaign_name_cy: str | None = Field(description="In Welsh (null when named in English only)")
    service_name: str
    service_name_cy: str | None
    organisation_name: str
    organisation_name_cy: str | None
    instrument_title: LocalizedText
    languages: list[str]
    anonymity: Anonymity
    state: Literal["scheduled", "open", "closed"]
    opens_at: datetime
    closes_at: datetime
    requires_access_code: bool = Field(description="Ask the respondent for their access code")
    content: PublicContent = Field(
        description="The questions; a co-designed one is credited by its contributor's role"
    )


class AnswerRead(ReadModel):
    id: uuid.UUID
    question_key: str
    value: Any
    moderation: Moderation | None


class ResponseRead(ReadModel):
    id: uuid.UUID
    campaign_id: uuid.UUID
    service_id: uuid.UUID
    instrument_version_id: uuid.UUID
    channel: str
    language: str
    submitted_at: datetime
    respondent_reference: str | None
    entered_by_id: uuid.UUID | None
    held: bool = Field(description="Held as part of a burst: not counted until approved")
    source_organisation_id: uuid.UUID | None = Field(
        default=None, description="Pushed responses: the organisation whose system sent it"
    )
    external_id: str | None = Field(
        default=None, description="Pushed responses: the partner system's own id"
    )
    answers: list[AnswerRead]


class ResponsePage(Page[ResponseRead]):
    pass


class CommentRead(OutputModel):
    answer_id: uuid.UUID
    response_id: uuid.UUID
    service_id: uuid.UUID
    question_key: str
    text: str
    moderation: Moderation
    moderation_note: str | None
    moderated_at: datetime | None
    submitted_at: datetime


class CommentPage(Page[CommentRead]):
    pass


class ModerationDecision(ApiModel):
    moderation: Literal["published", "redacted"]
    note: Annotated[str, StringConstraints(max_length=2000)] | None = None


class HeldDecision(ApiModel):
    response_ids: list[uuid.UUID] = Field(min_length=1, max_length=500)
    decision: Literal["approve", "reject"] = Field(
        description="`approve` counts them (at the next release), `reject` deletes them"
    )


class HeldDecisionResult(OutputModel):
    decided: int
    decision: Literal["approve", "reject"]
