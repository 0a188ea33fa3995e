"""The shapes of a person's agenda: what needs them, and what changed."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from gwella.core.schemas import ReadModel
from gwella.core.text import LocalizedText
from gwella.notifications.schemas import NotificationRead

T = TypeVar("T")


class AgendaList(BaseModel, Generic[T]):
    total: int = Field(ge=0, description="How many there are; `items` holds the first few")
    items: list[T]


class Place(ReadModel):
    """The organisation (and service) an item belongs to, named in both languages."""

    organisation_id: uuid.UUID
    organisation_name: str
    organisation_name_cy: str | None = Field(description="In Welsh, where it has a Welsh name")
    service_id: uuid.UUID | None = None
    service_name: str | None = None
    service_name_cy: str | None = None


class ReviewAsked(ReadModel):
    """A draft in review whose approval by you would count, and which you have not reviewed."""

    version_id: uuid.UUID
    instrument_id: uuid.UUID
    title: LocalizedText = Field(description="The instrument's title")
    version_number: int
    requested_at: datetime | None = Field(description="When it was sent for review")
    owner: Place
    link: str = Field(
        description="Where in the web app to review it", examples=["/instrument-versions/…"]
    )


class SuggestionToAnswer(ReadModel):
    """An open co-design suggestion on a draft you may edit: accept or decline it."""

    contribution_id: uuid.UUID
    version_id: uuid.UUID
    instrument_id: uuid.UUID
    title: LocalizedText = Field(description="The instrument's title")
    kind: Literal["topic", "question"]
    body: str = Field(description="The suggestion as its author wrote it")
    language: Literal["en", "cy"] | None = Field(description="The language `body` is written in")
    author_role: str
    created_at: datetime
    link: str


class ResponsibilityToAccept(ReadModel):
    """A part in an action that your organisation was asked to take: accept or decline it."""

    action_id: uuid.UUID
    responsibility_id: uuid.UUID
    title: LocalizedText = Field(description="The action's title")
    role: Literal["lead", "supporting"]
    organisation: Place
    asked_at: datetime
    due_date: date | None
    link: str


class SignalOnIndicator(ReadModel):
    """A series whose latest point is a special cause on its SPC chart (as the chart shows)."""

    indicator_id: uuid.UUID
    title: LocalizedText = Field(description="The indicator's name")
    place: Place
    period_start: date
    period_end: date
    value: float
    unit: str
    rule: Literal["outside_limits", "trend", "two_of_three", "shift"]
    nature: Literal["improvement", "concern", "neutral"]
    link: str


class OverdueAction(ReadModel):
    """An open action you carry whose due date has passed."""

    action_id: uuid.UUID
    title: LocalizedText = Field(description="The action's title")
    status: str
    due_date: date
    days_overdue: int = Field(ge=1, description="Whole days since the due date")
    role: Literal["lead", "supporting"] | None = Field(
        description="Your organisation's part (or the one you own), when there is one"
    )
    organisation: Place | None
    link: str


class Reviews(AgendaList[ReviewAsked]):
    pass


class Suggestions(AgendaList[SuggestionToAnswer]):
    pass


class Responsibilities(AgendaList[ResponsibilityToAccept]):
    pass


class Signals(AgendaList[SignalOnIndicator]):
    pass


class Overdue(AgendaList[OverdueAction]):
    pass


class Changes(BaseModel):
    """Your latest notifications, newest first."""

    unread: int = Field(ge=0, description="Unread notifications, counted up to 99")
    unread_more: bool = Field(description="There are more unread than `unread` says")
    items: list[NotificationRead]
    link: str = "/notifications"


class Agenda(BaseModel):
    """What needs the signed-in person, and what changed; every list is theirs alone."""

    today: date = Field(description="The day (UTC) overdue days are counted to")
    reviews: Reviews
    suggestions: Suggestions
    responsibilities: Responsibilities
    signals: Signals
    overdue: Overdue
    changes: Changes
