"""The rules of an improvement action that need no database: its workflow and its texts.

Workflow: ``proposed → under_review → agreed → in_progress → completed``, and from any open
status ``not_taken_forward`` (with a public reason). :data:`TRANSITIONS` is the whole rule.
Every other module of the domain builds on this one; it imports none of them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_

from gwella import policy
from gwella.actions.models import Action, ActionOrigin, ActionStatus
from gwella.core.database import utcnow
from gwella.core.errors import FieldProblem, ValidationFailed

S = ActionStatus
CLOSED = frozenset({S.completed, S.not_taken_forward})
OPEN = frozenset(set(S) - CLOSED)
TRANSITIONS: dict[ActionStatus, frozenset[ActionStatus]] = {
    S.proposed: frozenset({S.under_review, S.not_taken_forward}),
    S.under_review: frozenset({S.agreed, S.not_taken_forward}),
    S.agreed: frozenset({S.in_progress, S.not_taken_forward}),
    S.in_progress: frozenset({S.completed, S.not_taken_forward}),
    S.completed: frozenset(),
    S.not_taken_forward: frozenset(),
}
PUBLIC_STATUSES = (S.agreed, S.in_progress, S.completed, S.not_taken_forward)
"""Shown on the public "you said, we did" page."""
UPDATABLE = frozenset({S.agreed, S.in_progress})
"""Statuses in which progress is reported and PDSA cycles run."""
SUPPORTABLE = frozenset({S.proposed, S.under_review, S.agreed, S.in_progress})
MIN_REASON_FOR_SERVICE_USERS = 20
"""Characters of the public reason needed to close a service user's proposal."""
FIELDS = ("title", "description", "summary", "standard_id", "due_date", "status")
"""What the audit trail records of an action."""


def in_order(statuses: frozenset[ActionStatus]) -> list[ActionStatus]:
    """``statuses`` in the order of the workflow."""
    return sorted(statuses, key=list(S).index)


def invalid(field: str, message: str, detail: str | None = None) -> ValidationFailed:
    return ValidationFailed(
        detail or "Some of what you sent is not valid; see errors for each field.",
        errors=[FieldProblem(field=field, message=message)],
    )


def stored_text(value: Any) -> dict[str, Any]:
    """A bilingual text of a request as the tables keep it (languages not given left out)."""
    if value is None:
        return {}
    dumped: dict[str, Any] = value.model_dump(exclude_none=True)
    return dumped


def is_overdue(action: Action, today: date | None = None) -> bool:
    today = today or utcnow().date()
    return action.due_date is not None and action.due_date < today and action.status in OPEN


def overdue_condition(today: date) -> ColumnElement[bool]:
    """:func:`is_overdue` as a query condition."""
    return and_(
        Action.due_date.is_not(None),
        Action.due_date < today,
        Action.status.in_([s.value for s in OPEN]),
    )


def from_service_user(action: Action) -> bool:
    return action.origin is ActionOrigin.service_user or action.proposer_role in policy.LAY_ROLES


def share(n: int, total: int) -> float | None:
    return round(n / total, 4) if total else None


def title_en(action: Action) -> str:
    """The action's title in English (Welsh where it has none), short enough for a
    notification or an annotation."""
    return str(action.title.get("en") or action.title.get("cy") or "")[:200]


def title_cy(action: Action) -> str:
    """The action's title in Welsh (English where it has none), short likewise."""
    return str(action.title.get("cy") or action.title.get("en") or "")[:200]
