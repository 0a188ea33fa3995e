from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, Code, Flag, ReadModel
from gwella.core.text import LocalizedText
from gwella.instruments.content import InstrumentContent, Question
from gwella.instruments.enums import VersionStatus
from gwella.instruments.models import (
    ContributionKind,
    ContributionStatus,
    ReviewDecision,
)

Language = Literal["en", "cy"]
Body = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]


class InstrumentCreate(ApiModel):
    organisation_id: uuid.UUID
    code: Code = Field(examples=["cmht-experience"])
    title: LocalizedText
    description: LocalizedText | None = None
    languages: list[Language] = Field(default=["en", "cy"], min_length=1, max_length=2)
    shared_with_partnerships: Flag = False
    content: InstrumentContent = Field(default_factory=InstrumentContent)


class InstrumentUpdate(ApiModel):
    title: LocalizedText | None = None
    description: LocalizedText | None = None
    shared_with_partnerships: Flag | None = None


class VersionSummary(ReadModel):
    id: uuid.UUID
    number: int
    status: VersionStatus
    published_at: datetime | None


class InstrumentRead(ReadModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    code: str
    title: LocalizedText
    description: LocalizedText
    languages: list[Language]
    shared_with_partnerships: bool
    created_by_id: uuid.UUID | None
    versions: list[VersionSummary]
    version: int
    created_at: datetime
    updated_at: datetime


class InstrumentPage(Page[InstrumentRead]):
    pass


class VersionRead(ReadModel):
    id: uuid.UUID
    instrument_id: uuid.UUID
    number: int
    status: VersionStatus
    content: InstrumentContent
    revision: int
    codesign_open: bool
    codesign_org_ids: list[uuid.UUID]
    review_requested_at: datetime | None
    published_at: datetime | None
    published_by_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class VersionContentUpdate(ApiModel):
    content: InstrumentContent


class CodesignSettings(ApiModel):
    open: bool
    organisation_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=50,
        description="Organisations (e.g. the service user forum) whose members may contribute",
    )


class ContributionCreate(ApiModel):
    kind: ContributionKind
    body: Body = Field(description="The topic, the suggested wording, or the comment")
    language: Language | None = Field(
        default=None,
        description="The language the body and rationale are written in; an accepted "
        "suggestion's wording goes into the question in this language",
    )
    rationale: Annotated[str, StringConstraints(max_length=5000)] | None = Field(
        default=None, description="Why it matters"
    )
    question_key: str | None = Field(default=None, description="For a comment: the question")
    proposed_question: Question | None = Field(
        default=None,
        description="For a question suggestion: a full question, if the author has one",
    )


class ContributionRead(ReadModel):
    id: uuid.UUID
    version_id: uuid.UUID
    instrument_id: uuid.UUID
    kind: ContributionKind
    author_id: uuid.UUID
    author_display_name: str
    author_role: str
    author_organisation_id: uuid.UUID
    question_key: str | None
    body: str
    language: str | None = Field(
        description="en or cy: the language it was written in (null if not recorded)"
    )
    rationale: str | None
    proposed_question: Question | None
    status: ContributionStatus
    decision_reason: str | None
    decided_at: datetime | None
    votes: int
    voted_by_me: bool
    created_at: datetime


class ContributionPage(Page[ContributionRead]):
    pass


class ContributionAccept(ApiModel):
    question: Question | None = Field(
        default=None,
        description="The question to add (edited from the suggestion); required for a topic "
        "or for a suggestion without a full question",
    )
    reason: Annotated[str, StringConstraints(max_length=5000)] | None = None


class ContributionDecline(ApiModel):
    reason: Body = Field(description="Shown to the author")


class ReviewCreate(ApiModel):
    decision: ReviewDecision
    comment: Annotated[str, StringConstraints(max_length=5000)] | None = None


class ReviewRead(ReadModel):
    id: uuid.UUID
    version_id: uuid.UUID
    reviewer_id: uuid.UUID
    reviewer_role: str
    reviewer_organisation_id: uuid.UUID
    revision: int
    decision: ReviewDecision
    comment: str | None
    created_at: datetime
    counts: bool = Field(
        default=False, description="An approval that counts towards publication under the rule"
    )
    not_counted_because: str | None = Field(
        default=None, description="Why an approval does not count (see approval_rule)"
    )
    not_counted_because_cy: str | None = Field(default=None, description="The same, in Welsh")


class ReviewState(ApiModel):
    version_id: uuid.UUID
    status: VersionStatus
    revision: int
    approvals_needed: int
    approver_roles: list[str]
    approver_organisation_ids: list[uuid.UUID] = Field(
        description="The organisations whose members' approvals count: those the draft was "
        "opened to for co-design, other than its owner"
    )
    approval_rule: str = Field(description="Who may count, in words")
    approval_rule_cy: str = Field(description="The same rule, in Welsh")
    qualifying_approvals: int
    changes_requested: int
    can_publish: bool
    blocking_reasons: list[str]
    blocking_reasons_cy: list[str] = Field(
        description="The same reasons in Welsh, one for each of blocking_reasons"
    )
    reviews: list[ReviewRead]


class ReviewPolicyRead(ReadModel):
    organisation_id: uuid.UUID
    min_approvals: int
    approver_roles: list[str]
    version: int


class ReviewPolicyUpdate(ApiModel):
    min_approvals: int | None = Field(default=None, ge=1, le=20)
    approver_roles: list[Literal["service_user", "carer", "staff", "manager", "admin"]] | None = (
        Field(default=None, min_length=1, max_length=5)
    )


class RoleCounts(ApiModel):
    service_user: int = 0
    carer: int = 0
    staff: int = 0
    manager: int = 0
    admin: int = 0


class Involvement(ApiModel):
    """How much of the co-design came from service users and carers."""

    suggestions: RoleCounts
    comments: RoleCounts
    votes: RoleCounts
    suggestions_accepted: RoleCounts
    service_user_and_carer_share: float | None = Field(
        description="Share of all contributions and votes from service users and carers"
    )
