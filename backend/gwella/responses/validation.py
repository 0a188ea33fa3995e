"""Every answer checked against the exact instrument version: types, ranges, options,
required-if-shown, and no answers to hidden or unknown questions.

What each question accepts (its options as a set, the message listing them) is worked out
once per version's content (:func:`_rules_of`), not again for every answer: a batch of 1,000
responses to 12 questions checks 12,000 answers against the same 12 questions."""

from __future__ import annotations

import math
from dataclasses import dataclass
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


@dataclass(frozen=True)
class _Rule:
    """One question as the checks need it."""

    question: Question
    allowed: frozenset[str] | None
    """``answer_values()`` as a set (None: open answers)."""
    choose: str
    """The message for an answer that is not one of the options."""


_CHOICE = frozenset({QuestionType.likert, QuestionType.single_choice, QuestionType.yes_no})
_RULES: dict[int, tuple[InstrumentContent, list[_Rule], frozenset[str]]] = {}
_RULES_KEPT = 64


def _rules_of(content: InstrumentContent) -> tuple[list[_Rule], frozenset[str]]:
    """The rules of this content's questions, in order, and their keys; remembered for this
    very object (a request reads the version's content once and checks every answer of it)."""
    found = _RULES.get(id(content))
    if found is not None and found[0] is content:
        return found[1], found[2]
    rules = []
    for q in content.questions:
        allowed = q.answer_values()
        rules.append(
            _Rule(
                q,
                frozenset(allowed) if allowed is not None else None,
                f"choose one of: {', '.join(allowed or ())}",
            )
        )
    if len(_RULES) >= _RULES_KEPT:
        _RULES.pop(next(iter(_RULES)))
    keys = frozenset(q.key for q in content.questions)
    _RULES[id(content)] = (content, rules, keys)  # holding it keeps its id from being reused
    return rules, keys


def _check_one(rule: _Rule, value: Any) -> tuple[Any, str | None]:
    """Returns the normalised answer, or an error message."""
    q = rule.question
    if q.allow_dont_know and value == DONT_KNOW:
        return DONT_KNOW, None
    allowed = rule.allowed
    t = q.type
    if t in _CHOICE:
        if not isinstance(value, str) or allowed is None or value not in allowed:
            return None, rule.choose
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
    rules, known = _rules_of(content)
    for key in answers:
        if key not in known:
            problems.append(FieldProblem(field=f"{prefix}.{key}", message="no such question"))
    clean: dict[str, Any] = {}
    for rule in rules:
        q = rule.question
        given = answers.get(q.key)
        shown = not q.conditions or is_shown(q, clean)
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
        value, error = _check_one(rule, given)
        if error:
            problems.append(FieldProblem(field=f"{prefix}.{q.key}", message=error))
        else:
            clean[q.key] = value
    return clean, problems
