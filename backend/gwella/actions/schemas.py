"""API models of improvement actions (Create / Update / Read), accountability views and the
public "you said, we did" page."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Self

from pydantic import ConfigDict, Field, JsonValue, StringConstraints, model_validator
from pydantic.config import JsonDict

from gwella.actions.models import (
    ActionOrigin,
    ActionStatus,
    EvidenceKind,
    PdsaDecision,
    ResponsibilityRole,
    ResponsibilityState,
)
from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, ReadModel

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
QuestionKey = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_]*$")
]


# At least one of en and cy is given (not absent, not null): JSON Schema's "not (both absent
# or null)", said with ``not`` so openapi-typescript still sees the two fields.
_ONE_LANGUAGE: JsonDict = {
    "not": {"properties": {"en": {"type": "null"}, "cy": {"type": "null"}}},
}


class _OneLanguage(ApiModel):
    """Written in English or in Welsh, or both: neither language is required over the other
    (the Welsh Language Standards: Welsh is treated no less favourably than English)."""

    model_config = ConfigDict(json_schema_extra=_ONE_LANGUAGE)

    @model_validator(mode="after")
    def _one_language(self) -> Self:
        if getattr(self, "en", None) is None and getattr(self, "cy", None) is None:
            raise ValueError("write it in English or Welsh (or both)")
        return self

    def written(self) -> str:
        """The longer of the two texts (either may be missing)."""
        texts = [t for t in (getattr(self, "en", None), getattr(self, "cy", None)) if t]
        return max(texts, key=len, default="")


class TitleText(_OneLanguage):
    """A title in English or Welsh, or both."""

    en: Title | None = Field(default=None, examples=["Evening appointments at the CMHT"])
    cy: Title | None = Field(default=None, examples=["Apwyntiadau gyda'r nos yn y TIMC"])


class BilingualText(_OneLanguage):
    """Longer text in English or Welsh, or both."""

    en: Text | None = None
    cy: Text | None = None


class LocalText(ReadModel):
    en: str | None = None
    cy: str | None = None


EVIDENCE_FIELDS = ("campaign_id", "question_key", "indicator_id", "answer_id")
FIELDS_OF_KIND = {
    EvidenceKind.campaign_result: {"campaign_id"},
    EvidenceKind.question: {"campaign_id", "question_key"},
    EvidenceKind.indicator: {"indicator_id"},
    EvidenceKind.comment: {"answer_id"},
}


def _shape(needed: set[str]) -> JsonDict:
    """The fields an evidence item of one kind gives (not null) and leaves out (or null)."""
    required: list[JsonValue] = [f for f in EVIDENCE_FIELDS if f in needed]
    return {
        "required": required,
        "properties": {
            f: ({"not": {"type": "null"}} if f in needed else {"type": "null"})
            for f in EVIDENCE_FIELDS
        },
    }


def _fields_by_kind() -> JsonDict:
    """JSON Schema 2020-12 if/then/else, one kind after another: generators that read only
    OpenAPI's older keywords (openapi-typescript) see the plain object; validators and
    fuzzers see which fields each kind takes."""
    chain: JsonDict = _shape(FIELDS_OF_KIND[EvidenceKind.comment])
    for kind in (EvidenceKind.indicator, EvidenceKind.question, EvidenceKind.campaign_result):
        chain = {
            "if": {"properties": {"kind": {"const": kind.value}}},
            "then": _shape(FIELDS_OF_KIND[kind]),
            "else": chain,
        }
    return chain


class EvidenceIn(ApiModel):
    """What an action rests on: a campaign's results, one question of them, an indicator, or
    a moderated (published) free-text comment. Each must exist and be visible to you. Each
    kind takes exactly its fields (the others absent or null): `campaign_result` campaign_id;
    `question` campaign_id and question_key; `indicator` indicator_id; `comment` answer_id."""

    model_config = ConfigDict(json_schema_extra=_fields_by_kind())

    kind: EvidenceKind
    campaign_id: uuid.UUID | None = Field(
        default=None, description="For `campaign_result` and `question`"
    )
    question_key: QuestionKey | None = Field(default=None, description="For `question`")
    indicator_id: uuid.UUID | None = Field(default=None, description="For `indicator`")
    answer_id: uuid.UUID | None = Field(
        default=None, description="For `comment`: a published free-text answer"
    )

    @model_validator(mode="after")
    def _fields_of_kind(self) -> EvidenceIn:
        needed = FIELDS_OF_KIND[self.kind]
        given = {f for f in EVIDENCE_FIELDS if getattr(self, f) is not None}
        if given != needed:
            raise ValueError(
                f"evidence of kind {self.kind.value} takes exactly: {', '.join(sorted(needed))}"
            )
        return self


class EvidenceRead(ReadModel):
    id: uuid.UUID
    kind: EvidenceKind
    campaign_id: uuid.UUID | None
    question_key: str | None
    indicator_id: uuid.UUID | None
    answer_id: uuid.UUID | None


class ResponsibilityIn(ApiModel):
    organisation_id: uuid.UUID = Field(description="A member organisation of the partnership")
    role: ResponsibilityRole
    owner_id: uuid.UUID | None = Field(
        default=None, description="The person who owns the organisation's part (a member of it)"
    )


class ResponsibilityRead(ReadModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    organisation_name: str
    organisation_name_cy: str | None = Field(description="In Welsh, where it has a Welsh name")
    role: ResponsibilityRole
    state: ResponsibilityState
    owner_id: uuid.UUID | None
    decision_note: str | None
    decided_at: datetime | None
    version: int


class ResponsibilityDecision(ApiModel):
    owner_id: uuid.UUID | None = Field(
        default=None, description="Accepting: the owner of your part (a member of your org)"
    )
    note: Text | None = Field(default=None, description="Why (required when declining)")


class ResponsibilityUpdate(ApiModel):
    owner_id: uuid.UUID | None = None


class ActionCreate(ApiModel):
    partnership_id: uuid.UUID
    title: TitleText
    description: BilingualText
    summary: BilingualText | None = Field(
        default=None, description='The public "you said, we did" summary'
    )
    origin: ActionOrigin | None = Field(
        default=None,
        description="Where it came from; defaults to `service_user` when a service user or "
        "carer proposes it, otherwise `staff`",
    )
    evidence: list[EvidenceIn] = Field(default_factory=list, max_length=20)
    responsibilities: list[ResponsibilityIn] = Field(
        default_factory=list,
        max_length=20,
        description="Exactly one lead and any number supporting (or none yet)",
    )
    standard_id: uuid.UUID | None = Field(
        default=None, description="The NSF standard; defaults to that of a linked indicator"
    )
    due_date: date | None = None


class ActionUpdatePatch(ApiModel):
    title: TitleText | None = None
    description: BilingualText | None = None
    summary: BilingualText | None = None
    standard_id: uuid.UUID | None = None
    due_date: date | None = None


class StatusChange(ApiModel):
    status: ActionStatus
    explanation: Text = Field(description="Why: shown in the action's timeline")
    reason: BilingualText | None = Field(
        default=None,
        description="For `not_taken_forward`: the public reason (required; for a service "
        "user's proposal at least 20 characters). For `completed` (optional): what was done, "
        'shown as the public page\'s "we did"',
    )


class ActionRead(ReadModel):
    id: uuid.UUID
    partnership_id: uuid.UUID
    title: LocalText
    description: LocalText
    summary: LocalText
    origin: ActionOrigin
    status: ActionStatus
    closure_reason: LocalText | None = Field(
        description="Said publicly: why it was not taken forward, or (completed) what was done"
    )
    standard_id: uuid.UUID | None
    due_date: date | None
    overdue: bool = Field(description="Due date passed and not completed or not taken forward")
    progress: int = Field(description="Percentage of the latest update, 0-100")
    proposed_by_id: uuid.UUID | None
    proposer_role: str
    proposer_organisation_id: uuid.UUID
    evidence: list[EvidenceRead]
    responsibilities: list[ResponsibilityRead]
    support_count: int
    service_user_support_count: int
    service_user_support_share: float | None = Field(
        description="Share of supporters who are service users (0-1); null with no supporters"
    )
    supported_by_me: bool
    allowed_transitions: list[ActionStatus] = Field(
        description="Statuses the action may move to next (whoever you are)"
    )
    decided_at: datetime | None
    completed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class ActionPage(Page[ActionRead]):
    pass


class SupportRead(ReadModel):
    id: uuid.UUID
    action_id: uuid.UUID
    user_id: uuid.UUID
    supporter_role: str
    supporter_organisation_id: uuid.UUID
    created_at: datetime


class SupportPage(Page[SupportRead]):
    pass


class ProgressUpdateCreate(ApiModel):
    organisation_id: uuid.UUID | None = Field(
        default=None,
        description="The responsible organisation you write for (needed when you are in more "
        "than one)",
    )
    note: BilingualText
    percent: int = Field(ge=0, le=100)


class ProgressUpdateRead(ReadModel):
    id: uuid.UUID
    action_id: uuid.UUID
    organisation_id: uuid.UUID
    author_id: uuid.UUID | None
    note: LocalText
    percent: int
    created_at: datetime


class TimelineEntry(ReadModel):
    id: uuid.UUID
    kind: str = Field(
        examples=["status_changed"],
        description="proposed, status_changed, responsibility_added, responsibility_accepted, "
        "responsibility_declined, update, supported, pdsa_planned, pdsa_do, pdsa_study, pdsa_act",
    )
    from_status: str | None
    to_status: str | None
    explanation: str | None
    role: str | None = Field(
        description="For `proposed` and `supported`: the role of who proposed or supported "
        "(service_user, carer, staff, ...), for the page to say in its own language"
    )
    organisation_id: uuid.UUID | None
    actor_id: uuid.UUID | None
    record_id: uuid.UUID | None
    occurred_at: datetime


class TimelinePage(Page[TimelineEntry]):
    pass


class PdsaCreate(ApiModel):
    objective: Text
    prediction: Text
    indicator_id: uuid.UUID | None = Field(
        default=None, description="The indicator that will tell whether it is an improvement"
    )
    organisation_id: uuid.UUID | None = Field(
        default=None,
        description="Whose chart of the indicator (a responsible organisation; default the lead)",
    )
    service_id: uuid.UUID | None = None
    planned_on: date = Field(description="When the cycle starts: annotated on the chart")


class PdsaUpdate(ApiModel):
    """Record the next stages; each stage's date becomes an annotation on the chart."""

    do_notes: Text | None = None
    done_on: date | None = None
    study_notes: Text | None = None
    studied_on: date | None = None
    decision: PdsaDecision | None = None
    act_notes: Text | None = None
    acted_on: date | None = None
    next_objective: Text | None = Field(
        default=None,
        description="With `decision` adopt or adapt: starts the next cycle with this objective "
        "(and the same prediction, indicator and chart)",
    )


class PdsaRead(ReadModel):
    id: uuid.UUID
    action_id: uuid.UUID
    number: int
    objective: str
    prediction: str
    indicator_id: uuid.UUID | None
    organisation_id: uuid.UUID
    service_id: uuid.UUID | None
    planned_on: date
    do_notes: str | None
    done_on: date | None
    study_notes: str | None
    studied_on: date | None
    decision: PdsaDecision | None
    act_notes: str | None
    acted_on: date | None
    next_cycle_id: uuid.UUID | None
    stage: str = Field(description="plan, do, study, act or done")
    version: int
    created_at: datetime


# ------------------------------------------------------------------- accountability views


class OrganisationAccountability(ApiModel):
    organisation_id: uuid.UUID
    organisation_name: str
    organisation_name_cy: str | None = Field(description="In Welsh, where it has a Welsh name")
    leads: int = Field(description="Actions it leads (lead part not declined)")
    supports: int = Field(description="Actions it supports (supporting part not declined)")
    pending_acceptance: int
    on_time: int = Field(description="Open actions not overdue")
    overdue: int
    completed: int
    not_taken_forward: int
    median_days_to_decision: float | None = Field(
        description="Median days from proposal to agreed or not taken forward"
    )
    share_from_service_users: float | None = Field(
        description="Share of its actions that came from service users (0-1)"
    )
    share_completed: float | None = Field(description="Share of its actions completed (0-1)")


class StandardCount(ApiModel):
    standard_id: uuid.UUID | None
    standard_code: str | None
    standard_title: LocalText | None
    total: int
    by_status: dict[str, int]


class PartnershipAccountability(ApiModel):
    partnership_id: uuid.UUID
    total: int
    overdue: int
    by_status: dict[str, int]
    by_standard: list[StandardCount]
    organisations: list[OrganisationAccountability]


# ------------------------------------------------------------------------- public page


class PublicResponsibility(ApiModel):
    organisation_name: LocalText
    role: ResponsibilityRole


class PublicUpdate(ApiModel):
    on: date
    organisation_name: LocalText
    note: LocalText
    percent: int


class PublicAction(ApiModel):
    id: uuid.UUID
    title: LocalText
    summary: LocalText = Field(description='"You said, we did"')
    origin: ActionOrigin
    status: ActionStatus
    progress: int
    due_date: date | None
    overdue: bool
    completed_on: date | None = Field(description="For a completed action: the day it was")
    we_did: LocalText | None = Field(
        description='For a completed action: "we did", the last progress note its '
        "organisations published up to its completion (also among `updates`)"
    )
    reason_not_taken_forward: LocalText | None
    organisations: list[PublicResponsibility]
    updates: list[PublicUpdate]
    support_count: int
    service_user_support_share: float | None


class PublicActionsPage(ApiModel):
    """A partnership's "you said, we did" page: no names, ids of people or emails."""

    partnership_name: LocalText
    actions: list[PublicAction]
