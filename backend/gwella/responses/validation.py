"""Every answer checked against the exact instrument version: types, ranges, options,
required-if-shown, and no answers to hidden or unknown questions."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from gwella.core.errors import FieldProblem
from gwella.core.finite import WITHIN, is_bounded
from gwella.instruments.content import (
    DONT_KNOW,
    InstrumentContent,
    Question,
    QuestionType,
    is_shown,
)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _check_one(q: Question, value: Any) -> tuple[Any, str | None]:
    """Returns the normalised answer, or an error message."""
    if q.allow_dont_know and value == DONT_KNOW:
        return DONT_KNOW, None
    allowed = q.answer_values()
    t = q.type
    if t in (QuestionType.likert, QuestionType.single_choice, QuestionType.yes_no):
        if not isinstance(value, str) or allowed is None or value not in allowed:
            return None, f"choose one of: {', '.join(allowed or ())}"
        return value, None
    if t is QuestionType.multiple_choice:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return None, "give a list of options"
        if len(set(value)) != len(value):
            return None, "an option is chosen twice"
        unknown = [v for v in value if allowed is None or v not in allowed or v == DONT_KNOW]
        if unknown:
            return None, f"not options of this question: {', '.join(unknown)}"
        return value, None
    if t is QuestionType.rating:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            return None, "a whole number from 0 to 10"
        return value, None
    if t is QuestionType.number:
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            return None, "a number"
        if not is_bounded(value):
            # Whatever the question's own limits: sums of such answers overflow.
            return None, WITHIN
        if q.min is not None and value < q.min:
            return None, f"at least {q.min:g}"
        if q.max is not None and value > q.max:
            return None, f"at most {q.max:g}"
        return value, None
    if t is QuestionType.date:
        if not isinstance(value, str):
            return None, "a date (YYYY-MM-DD)"
        try:
            return date.fromisoformat(value).isoformat(), None
        except ValueError:
            return None, "a date (YYYY-MM-DD)"
    # free text
    if not isinstance(value, str):
        return None, "text"
    text = value.strip()
    if "\x00" in text:
        return None, "text without NUL characters"
    if q.max_length is not None and len(text) > q.max_length:
        return None, f"at most {q.max_length} characters"
    return text, None


def validate_answers(
    content: InstrumentContent, answers: dict[str, Any], prefix: str = "body.answers"
) -> tuple[dict[str, Any], list[FieldProblem]]:
    """Normalised answers of the questions shown, and every problem found."""
    problems: list[FieldProblem] = []
    known = {q.key for q in content.questions}
    for key in answers:
        if key not in known:
            problems.append(FieldProblem(field=f"{prefix}.{key}", message="no such question"))
    clean: dict[str, Any] = {}
    for q in content.questions:
        given = answers.get(q.key)
        shown = is_shown(q, clean)
        if not shown:
            if not _missing(given):
                problems.append(
                    FieldProblem(
                        field=f"{prefix}.{q.key}",
                        message="this question is not shown for your earlier answers",
                    )
                )
            continue
        if _missing(given):
            if q.required:
                problems.append(FieldProblem(field=f"{prefix}.{q.key}", message="required"))
            continue
        value, error = _check_one(q, given)
        if error:
            problems.append(FieldProblem(field=f"{prefix}.{q.key}", message=error))
        else:
            clean[q.key] = value
    return clean, problems
