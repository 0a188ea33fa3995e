"""What goes into the one writer of responses (:mod:`gwella.responses.store`) and what comes
out of it, item by item."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from gwella.campaigns.enums import Channel

if TYPE_CHECKING:
    from gwella.responses.models import Response

Mode = Literal["best_effort", "atomic"]
Outcome = Literal["created", "updated", "unchanged", "refused"]
OUTCOMES: tuple[Outcome, ...] = ("created", "updated", "unchanged", "refused")


@dataclass
class Incoming:
    """One response at a door, not yet checked."""

    service_id: uuid.UUID
    moment: datetime
    """When it was given: now (web), the day of the paper form, or as the partner sent it."""
    language: str
    answers: dict[str, Any]
    channel: Channel
    consent: bool = False
    respondent_reference: str | None = None
    submission_id: uuid.UUID | None = None
    """Web and paper: the client's own id, the same on every retry."""
    external_id: str | None = None
    """Pushes: the partner system's id (with the pushing organisation, the key of a repeat)."""
    access_code: str | None = None
    burst: bool = False
    """Web: the address sent more than its share today (held unless it carries a code)."""


# Every code an item of a batch (a pushed response or measurement, a retraction) can be
# refused with: the one list that the refusals, the API's ItemError and its documentation
# are typed by, so a new code cannot be raised without being published.
RefusalCode = Literal[
    "invalid",
    "outside_window",
    "access_code_required",
    "duplicate_external_id",
    "conflict",
    "unknown_service",
    "unknown_indicator",
    "not_your_organisation",
    "unknown_unit",
    "duplicate_period",
    "external_id_conflict",
    "unknown_external_id",
    "measurement_owned_elsewhere",
    "removed_meanwhile",
]


@dataclass
class Refusal:
    code: RefusalCode
    detail: str
    field: str | None


@dataclass
class Stored:
    """What became of one item."""

    outcome: Outcome
    response_id: uuid.UUID | None = None
    submission_id: uuid.UUID | None = None
    submitted_at: datetime | None = None
    refusals: list[Refusal] = field(default_factory=list)


@dataclass
class Checked:
    """An item that passed its checks, with the row values it will be stored as."""

    index: int
    item: Incoming
    values: dict[str, Any]
    existing: Response | None
    row: dict[str, Any] | None = None
    """A new response's row, once its key is claimed (see :func:`gwella.responses.claims.claim`)."""
