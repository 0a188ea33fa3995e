"""The answer conversions are exact: any valid set of answers, told as a FHIR
QuestionnaireResponse and read back, is the same set of answers (no database needed)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gwella.fhir.questionnaire_response import StoredResponse, questionnaire_response
from gwella.fhir.submission import convert_answers, parse_resource, read_submission
from gwella.instruments.content import DONT_KNOW, InstrumentContent, Question, QuestionType
from gwella.responses.validation import validate_answers
from tests.fhir.support import RICH_CONTENT
from tests.surveys import CONTENT

CONTENTS = [InstrumentContent.model_validate(c) for c in (CONTENT, RICH_CONTENT)]


def value_of(q: Question) -> st.SearchStrategy[Any]:
    extra = [DONT_KNOW] if q.allow_dont_know else []
    options = [o.value for o in q.options]
    if q.type in (QuestionType.likert, QuestionType.single_choice):
        return st.sampled_from(options + extra)
    if q.type is QuestionType.multiple_choice:
        chosen = st.lists(st.sampled_from(options), min_size=1, unique=True)
        return chosen | st.sampled_from(extra) if extra else chosen
    if q.type is QuestionType.yes_no:
        return st.sampled_from(["yes", "no", *extra])
    if q.type is QuestionType.rating:
        return st.integers(0, 10) | st.sampled_from(extra) if extra else st.integers(0, 10)
    if q.type is QuestionType.number:
        low = q.min if q.min is not None else -1e9
        high = q.max if q.max is not None else 1e9
        numbers = st.integers(int(low), int(high)) | st.floats(low, high, allow_nan=False)
        return numbers | st.sampled_from(extra) if extra else numbers
    if q.type is QuestionType.date:
        return st.dates(date(1900, 1, 1), date(2100, 12, 31)).map(date.isoformat)
    return st.text(min_size=1, max_size=q.max_length or 100).filter(
        lambda s: s.strip() and "\x00" not in s
    )


@st.composite
def answered(draw: st.DrawFn) -> tuple[InstrumentContent, dict[str, Any]]:
    content = draw(st.sampled_from(CONTENTS))
    given_answers = {q.key: draw(value_of(q)) for q in content.questions if draw(st.booleans())}
    # What the validation keeps: the answers of the questions shown, normalised.
    clean, _ = validate_answers(content, given_answers)
    return content, clean


@settings(max_examples=200, deadline=None)
@given(answered(), st.sampled_from(["en", "cy"]))
def test_answers_survive_the_trip_through_fhir(
    case: tuple[InstrumentContent, dict[str, Any]], language: str
) -> None:
    content, answers = case
    stored = StoredResponse(
        response_id=uuid.uuid4(),
        questionnaire="http://gwella.test/fhir/Questionnaire/x|1",
        campaign_id=uuid.uuid4(),
        external_id="PAS-1",
        service_id=uuid.uuid4(),
        service_code="CMHT-N",
        service_name="North",
        submitted_at=datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
        language=language,
        answers=answers,
        content=content,
        languages=["en", "cy"],
        respondent_reference=None,
        consented=False,
        updated_at=None,
    )
    resource = questionnaire_response(stored)
    submission = read_submission(parse_resource(resource))
    back, issues = convert_answers(content, submission)
    assert issues == []
    assert back == answers
    assert (submission.external_id, submission.service, submission.language) == (
        "PAS-1",
        f"{stored.service_id}",
        language,
    )
    assert submission.submitted_at == stored.submitted_at
