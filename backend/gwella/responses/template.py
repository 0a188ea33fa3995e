"""A response as a CSV row: the columns of the import template and of the raw export (an
export can be read back by an import), and the template's guidance row, which says what each
column takes (a comment row: imports skip a row whose first cell starts with ``#``)."""

from __future__ import annotations

from gwella.instruments.content import DONT_KNOW, InstrumentContent, Question, QuestionType

RESPONSE_FIELDS = (
    "external_id",
    "service",
    "submitted_at",
    "language",
    "respondent_reference",
    "consent",
)
MULTI_SEPARATOR = "|"
"""Joins the options of a multiple-choice answer in a cell."""
COMMENT = "#"
"""A row whose first cell starts so is a comment, skipped by imports."""

FIELD_GUIDANCE = {
    "external_id": f"{COMMENT} Allowed values (this row is skipped on import; delete it or "
    "keep it). external_id: your system's id of the response, required and unique",
    "service": "The service's code in Gwella, required",
    "submitted_at": "Date and time with its offset, required: YYYY-MM-DDTHH:MM:SS+00:00 "
    "(e.g. 2026-03-01T14:30:00+00:00)",
    "language": "en (English) or cy (Cymraeg); empty means en",
    "respondent_reference": "Optional: your reference for the person, when the campaign keeps one",
    "consent": "true, yes or 1 when consent was recorded; otherwise empty",
}


def response_template(content: InstrumentContent) -> list[str]:
    return [*RESPONSE_FIELDS, *(q.key for q in content.questions)]


def _both(text: str | None, welsh: str | None) -> str:
    return " / ".join(t for t in (text, welsh) if t) or ""


def _choices(q: Question) -> str:
    return "; ".join(f"{o.value} = {_both(o.label.en, o.label.cy)}" for o in q.options)


def question_guidance(q: Question) -> str:
    """What a question's column takes, in words and values a spreadsheet user can copy: the
    option values with their labels in English and Welsh, the range, the date's form."""
    t = q.type
    if t in (QuestionType.likert, QuestionType.single_choice):
        text = f"One of: {_choices(q)}"
    elif t is QuestionType.multiple_choice:
        text = f"Any of, separated by {MULTI_SEPARATOR} (e.g. a{MULTI_SEPARATOR}b): {_choices(q)}"
    elif t is QuestionType.yes_no:
        text = "yes or no"
    elif t is QuestionType.rating:
        text = "A whole number from 0 to 10"
    elif t is QuestionType.number:
        low = f"{q.min:g}" if q.min is not None else None
        high = f"{q.max:g}" if q.max is not None else None
        text = (
            f"A number from {low} to {high}"
            if low is not None and high is not None
            else f"A number of at least {low}"
            if low is not None
            else f"A number of at most {high}"
            if high is not None
            else "A number"
        )
    elif t is QuestionType.date:
        text = "A date: YYYY-MM-DD (e.g. 2026-01-31)"
    else:
        text = f"Text, at most {q.max_length} characters" if q.max_length else "Text"
    if q.allow_dont_know and t is not QuestionType.multiple_choice:
        text += f", or {DONT_KNOW} (don't know / ddim yn gwybod)"
    text += "; required" if q.required else "; optional"
    if q.conditions:
        text += (
            " (asked only when "
            + "; ".join(f"{c.question} is {' or '.join(c.values)}" for c in q.conditions)
            + ")"
        )
    return text


def response_guidance(content: InstrumentContent) -> list[str]:
    """The guidance row under the template's header: one cell per column."""
    return [
        *(FIELD_GUIDANCE[f] for f in RESPONSE_FIELDS),
        *(question_guidance(q) for q in content.questions),
    ]
