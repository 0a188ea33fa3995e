"""The content of an instrument version: sections and typed, bilingual questions.

Stored as one JSON document per version (a published version is immutable as a whole), and
validated here, with field paths a form can show beside the right input.
"""

from __future__ import annotations

import enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from gwella.core.errors import FieldProblem
from gwella.core.finite import WITHIN, is_bounded
from gwella.core.schemas import Flag
from gwella.core.text import LocalizedText, WrittenText

Key = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_]*$")]
OptionValue = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
]
LANGUAGES = ("en", "cy")


class QuestionType(enum.StrEnum):
    likert = "likert"
    single_choice = "single_choice"
    multiple_choice = "multiple_choice"
    rating = "rating"
    yes_no = "yes_no"
    number = "number"
    date = "date"
    free_text = "free_text"


CHOICE_TYPES = {QuestionType.likert, QuestionType.single_choice, QuestionType.multiple_choice}
DONT_KNOW = "dont_know"
YES_NO_VALUES = ("yes", "no")
RATING_VALUES = tuple(str(i) for i in range(11))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Option(_Strict):
    value: OptionValue
    label: LocalizedText


class Condition(_Strict):
    """Show the question only if an earlier question's answer is one of ``values``."""

    question: Key
    values: list[Annotated[str, StringConstraints(min_length=1, max_length=64)]] = Field(
        min_length=1, max_length=50
    )


class Section(_Strict):
    key: Key
    title: LocalizedText


class _QuestionFields(_Strict):
    key: Key
    type: QuestionType
    text: WrittenText = Field(
        description="Written in English or Welsh here; saved, in each of the version's languages"
    )
    help: LocalizedText | None = None
    required: Flag = False
    allow_dont_know: Flag = Field(
        default=False, description="Offer 'don't know / prefer not to say'"
    )
    options: list[Option] = Field(default_factory=list, max_length=50)
    min: float | None = Field(
        default=None, description="number: smallest accepted value (from -1e15 to 1e15)"
    )
    max: float | None = Field(
        default=None, description="number: largest accepted value (from -1e15 to 1e15)"
    )
    max_length: int | None = Field(default=None, ge=1, le=5000, description="free_text")
    conditions: list[Condition] = Field(default_factory=list, max_length=10)
    section: Key | None = None
    indicator_code: Annotated[str, StringConstraints(max_length=64)] | None = None

    def answer_values(self) -> tuple[str, ...] | None:
        """The closed set of answers this question takes, or None for open answers."""
        extra = (DONT_KNOW,) if self.allow_dont_know else ()
        if self.type in CHOICE_TYPES:
            return tuple(o.value for o in self.options) + extra
        if self.type is QuestionType.yes_no:
            return YES_NO_VALUES + extra
        if self.type is QuestionType.rating:
            return RATING_VALUES + extra
        return None


class Question(_QuestionFields):
    credited_to: str | None = Field(
        default=None,
        description="The id of the contributor whose suggestion became this question (shown "
        "to people signed in; the public survey names only their role)",
    )


class PublicQuestion(_QuestionFields):
    """A question as the public survey page shows it: the person whose suggestion it was is
    credited by their role, never by who they are."""

    credited_role: str | None = Field(
        default=None,
        description="The role (service_user, carer …) of the contributor whose suggestion "
        "became this question",
        examples=["service_user"],
    )


class InstrumentContent(_Strict):
    sections: list[Section] = Field(default_factory=list, max_length=50)
    questions: list[Question] = Field(default_factory=list, max_length=200)


class PublicContent(_Strict):
    """An instrument's content as the public survey page shows it (no ids of people)."""

    sections: list[Section]
    questions: list[PublicQuestion]


def _missing_languages(text: LocalizedText | None, languages: list[str]) -> list[str]:
    if text is None:
        return list(languages)
    return [lang for lang in languages if not (text.get(lang) or "").strip()]


def validate_content(
    content: InstrumentContent, languages: list[str], prefix: str = "body.content"
) -> list[FieldProblem]:
    """Every rule an instrument must meet to be saved; returns the problems (none: valid)."""
    problems: list[FieldProblem] = []

    def problem(path: str, message: str) -> None:
        problems.append(FieldProblem(field=f"{prefix}.{path}", message=message))

    section_keys = [s.key for s in content.sections]
    for i, section in enumerate(content.sections):
        if section_keys.count(section.key) > 1:
            problem(f"sections.{i}.key", f"the key {section.key!r} is used twice")
        for lang in _missing_languages(section.title, languages):
            problem(f"sections.{i}.title.{lang}", "missing in this language")

    seen: dict[str, Question] = {}
    for i, q in enumerate(content.questions):
        at = f"questions.{i}"
        if q.key in seen:
            problem(f"{at}.key", f"the key {q.key!r} is used twice")
        for lang in _missing_languages(q.text, languages):
            problem(f"{at}.text.{lang}", "missing in this language")
        if q.help is not None:
            for lang in _missing_languages(q.help, languages):
                problem(f"{at}.help.{lang}", "missing in this language")
        if q.section is not None and q.section not in section_keys:
            problem(f"{at}.section", f"no section {q.section!r}")
        if q.type in CHOICE_TYPES:
            values = [o.value for o in q.options]
            if q.type is QuestionType.likert and len(q.options) != 5:
                problem(f"{at}.options", "a Likert question has exactly 5 points")
            elif len(q.options) < 2:
                problem(f"{at}.options", "a choice question needs at least 2 options")
            if len(set(values)) != len(values):
                problem(f"{at}.options", "option values must be unique")
            if DONT_KNOW in values:
                problem(f"{at}.options", f"{DONT_KNOW!r} is reserved; use allow_dont_know")
            for j, option in enumerate(q.options):
                for lang in _missing_languages(option.label, languages):
                    problem(f"{at}.options.{j}.label.{lang}", "missing in this language")
        elif q.options:
            problem(f"{at}.options", f"a {q.type.value} question has no options")
        if q.type is QuestionType.number:
            for name, bound in (("min", q.min), ("max", q.max)):
                if bound is not None and not is_bounded(bound):
                    problem(f"{at}.{name}", WITHIN)
            if q.min is not None and q.max is not None and q.min > q.max:
                problem(f"{at}.min", "min is larger than max")
        elif q.min is not None or q.max is not None:
            problem(f"{at}.min", "only number questions have min and max")
        if q.type is QuestionType.free_text:
            if q.max_length is None:
                problem(f"{at}.max_length", "a free-text question needs a max_length")
        elif q.max_length is not None:
            problem(f"{at}.max_length", "only free-text questions have max_length")
        for j, condition in enumerate(q.conditions):
            earlier = seen.get(condition.question)
            if earlier is None:
                problem(
                    f"{at}.conditions.{j}.question",
                    "a condition can refer only to an earlier question",
                )
                continue
            allowed = earlier.answer_values()
            if allowed is None:
                problem(
                    f"{at}.conditions.{j}.question",
                    "conditions can refer only to questions with fixed answers",
                )
                continue
            unknown = [v for v in condition.values if v not in allowed]
            if unknown:
                problem(f"{at}.conditions.{j}.values", f"not answers of that question: {unknown}")
        seen.setdefault(q.key, q)
    return problems


def is_shown(question: Question, answers: dict[str, Any]) -> bool:
    """Conditions all hold: each referenced answer (or any of a multiple choice) is listed."""
    for condition in question.conditions:
        given = answers.get(condition.question)
        given_values = given if isinstance(given, list) else [given]
        if not any(str(v) in condition.values for v in given_values if v is not None):
            return False
    return True
