"""A pushed FHIR R4 QuestionnaireResponse read as a response, in Gwella's terms. No database,
no HTTP.

``questionnaire`` names the version (``url|n`` or ``Questionnaire/{id}``), ``subject`` the
service (``HealthcareService/{id}`` or an identifier whose value is the service's code in your
organisation), ``authored`` the submission time, ``identifier.value`` your external id,
``language`` en or cy, ``source`` the respondent (pseudonymous and identified campaigns only).
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse,
    QuestionnaireResponseItem,
    QuestionnaireResponseItemAnswer,
)
from pydantic import ValidationError

from gwella.fhir.datatypes import (
    ACCEPTED_STATUSES,
    EXT_CAMPAIGN,
    EXT_CONSENT,
    QR,
    SERVICE_SYSTEM,
    item_path,
)
from gwella.fhir.outcome import FhirError, Issue, structure_issues
from gwella.fhir.push import FORM_TAGS, PATTERN_WORDS, FhirQuestionnaireResponsePush
from gwella.instruments.content import (
    DONT_KNOW,
    LANGUAGES,
    InstrumentContent,
    Question,
    QuestionType,
)


@dataclass(frozen=True)
class GivenAnswer:
    kind: str
    """coding, string, integer, decimal, boolean, date, or the FHIR name of another value[x]"""
    value: Any


@dataclass
class Submission:
    """What one QuestionnaireResponse says, in Gwella's terms, before any campaign's rules."""

    questionnaire: str
    external_id: str
    service: str
    submitted_at: datetime
    language: str | None
    campaign_id: uuid.UUID | None
    respondent_reference: str | None
    consent: bool
    answers: dict[str, list[GivenAnswer]] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    """Where each answered linkId was in the resource (FHIRPath), for pointing at it."""


def parse_resource(raw: Any, root: str = QR) -> QuestionnaireResponse:
    """A QuestionnaireResponse parsed by the R4B model, or a 400 with what is wrong."""
    if not isinstance(raw, dict):
        raise FhirError(400, [Issue("structure", "Send a FHIR resource: a JSON object.")])
    if raw.get("resourceType") != QR:
        raise FhirError(
            400,
            [
                Issue(
                    "invalid",
                    f"Expected a QuestionnaireResponse, got {raw.get('resourceType')!r}.",
                    f"{root}.resourceType" if root != QR else None,
                )
            ],
        )
    try:
        # Gwella's profile first (every element named and closed: the spec's request schema)
        FhirQuestionnaireResponsePush.model_validate(raw)
    except ValidationError as error:
        raise FhirError(400, structure_issues(error, root, FORM_TAGS, PATTERN_WORDS)) from None
    try:
        return QuestionnaireResponse.model_validate(raw)  # then R4 itself
    except ValidationError as error:
        raise FhirError(400, structure_issues(error, root)) from None


_VALUE_KINDS = {
    "valueCoding": "coding",
    "valueString": "string",
    "valueInteger": "integer",
    "valueDecimal": "decimal",
    "valueBoolean": "boolean",
    "valueDate": "date",
}
_OTHER_VALUES = (
    "valueDateTime",
    "valueTime",
    "valueUri",
    "valueAttachment",
    "valueQuantity",
    "valueReference",
)


def _given(answer: QuestionnaireResponseItemAnswer) -> GivenAnswer:
    for name, kind in _VALUE_KINDS.items():
        value = getattr(answer, name, None)
        if value is not None:
            if kind == "coding":
                return GivenAnswer(kind, getattr(value, "code", None))
            return GivenAnswer(kind, value)
    for name in _OTHER_VALUES:
        if getattr(answer, name, None) is not None:
            return GivenAnswer(name, None)
    return GivenAnswer("none", None)


def _walk(
    items: Sequence[QuestionnaireResponseItem] | None,
    parent: str,
    sub: Submission,
    issues: list[Issue],
) -> None:
    for item in items or []:
        link = str(item.linkId)
        path = item_path(parent, link)
        if item.answer:
            if link in sub.answers:
                issues.append(Issue("duplicate", "This question is answered twice.", path))
                continue
            sub.answers[link] = [_given(a) for a in item.answer]
            sub.paths[link] = path
            for answer in item.answer:
                if answer.item:
                    _walk(answer.item, f"{path}.answer", sub, issues)
        if item.item:
            _walk(item.item, path, sub, issues)


def _primary_language(tag: str | None) -> str | None:
    return tag.split("-")[0].lower() if tag else None


def read_submission(resource: QuestionnaireResponse, root: str = QR) -> Submission:
    """The parts of a parsed QuestionnaireResponse that make a response, or a 422 with every
    missing or unusable part."""
    issues: list[Issue] = []

    def need(what: str, where: str, message: str) -> None:
        issues.append(Issue(what, message, f"{root}.{where}"))

    if resource.status not in ACCEPTED_STATUSES:
        need(
            "business-rule",
            "status",
            f"Only {' or '.join(ACCEPTED_STATUSES)} responses are taken (got {resource.status!r}).",
        )
    questionnaire_ref = str(resource.questionnaire or "")
    if not questionnaire_ref:
        need("required", "questionnaire", "Name the Questionnaire: its url|version, or its id.")
    identifier = resource.identifier
    external_id = str(identifier.value or "") if identifier is not None else ""
    if not external_id.strip():
        need(
            "required",
            "identifier",
            "Give identifier.value: your system's id for this response (a repeat is recognised).",
        )
    elif len(external_id) > 200:
        need("value", "identifier.value", "At most 200 characters.")
    authored = resource.authored
    if authored is None:
        need("required", "authored", "Give the date and time the answers were given.")
    elif not isinstance(authored, datetime) or authored.tzinfo is None:
        need("value", "authored", "Give a full date and time with its time zone.")
    service = _service_ref(resource, root, issues)
    language = _primary_language(resource.language)
    if language is not None and language not in LANGUAGES:
        need("value", "language", f"One of: {', '.join(LANGUAGES)}.")
    campaign_id, consent = _gwella_extensions(resource, root, issues)
    reference = None
    if resource.source is not None:
        source_identifier = resource.source.identifier
        reference = (
            str(source_identifier.value)
            if source_identifier is not None and source_identifier.value
            else (str(resource.source.reference) if resource.source.reference else None)
        )
        if reference is not None and len(reference) > 200:
            need("value", "source", "At most 200 characters.")
    sub = Submission(
        questionnaire=questionnaire_ref,
        external_id=external_id,
        service=service or "",
        submitted_at=authored if isinstance(authored, datetime) else datetime.min,
        language=language,
        campaign_id=campaign_id,
        respondent_reference=reference,
        consent=consent,
    )
    _walk(resource.item, root, sub, issues)
    if issues:
        raise FhirError(422, issues)
    return sub


def _service_ref(resource: QuestionnaireResponse, root: str, issues: list[Issue]) -> str | None:
    """The service, from ``subject``: ``HealthcareService/{id}`` or an identifier (its code in
    your organisation, or its id)."""
    subject = resource.subject
    where = f"{root}.subject"
    hint = (
        "The subject is the service: HealthcareService/{id}, or an identifier whose value is "
        f"the service's code in your organisation (system {SERVICE_SYSTEM} or none)."
    )
    if subject is None:
        issues.append(Issue("required", hint, where))
        return None
    if subject.reference:
        kind, _, ident = str(subject.reference).rstrip("/").rpartition("/")
        if kind.rpartition("/")[2] == "HealthcareService" and ident:
            try:
                return str(uuid.UUID(ident))
            except ValueError:
                return ident[:64]
        issues.append(Issue("value", hint, f"{where}.reference"))
        return None
    if subject.type is not None and subject.type != "HealthcareService":
        issues.append(Issue("value", hint, f"{where}.type"))
        return None
    identifier = subject.identifier
    if identifier is None or not identifier.value:
        issues.append(Issue("required", hint, where))
        return None
    if identifier.system is not None and identifier.system != SERVICE_SYSTEM:
        issues.append(Issue("value", hint, f"{where}.identifier.system"))
        return None
    return str(identifier.value)[:64]


def _gwella_extensions(
    resource: QuestionnaireResponse, root: str, issues: list[Issue]
) -> tuple[uuid.UUID | None, bool]:
    campaign_id: uuid.UUID | None = None
    consent = False
    for extension in resource.extension or []:
        if extension.url == EXT_CAMPAIGN:
            given = extension.valueString or extension.valueId or extension.valueUuid
            try:
                campaign_id = uuid.UUID(str(given).removeprefix("urn:uuid:"))
            except ValueError:
                issues.append(
                    Issue(
                        "value",
                        "The campaign extension holds the campaign's id (valueString).",
                        f"{root}.extension.where(url='{EXT_CAMPAIGN}')",
                    )
                )
        elif extension.url == EXT_CONSENT:
            consent = bool(extension.valueBoolean)
    return campaign_id, consent


# ---------------------------------------------------------------------- answers, converted


def _number(value: Decimal | int) -> int | float | None:
    if isinstance(value, int):
        return value
    if not value.is_finite():
        return None
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if math.isfinite(as_float) else None


def _code(given: GivenAnswer) -> str | None:
    if given.kind in ("coding", "string") and isinstance(given.value, str) and given.value:
        return given.value
    return None


def _convert(q: Question, given: list[GivenAnswer]) -> tuple[Any, str | None]:
    """A question's FHIR answers as Gwella's answer value (its rules are checked later, by the
    same validation as any response), or what is wrong with their shape."""
    if q.allow_dont_know and len(given) == 1 and _code(given[0]) == DONT_KNOW:
        return DONT_KNOW, None
    if q.type is QuestionType.multiple_choice:
        codes = [_code(g) for g in given]
        if any(c is None for c in codes):
            return None, "answer with valueCoding: each chosen option's code"
        return codes, None
    if len(given) > 1:
        return None, "one answer only: this question does not repeat"
    one = given[0]
    if q.type in (QuestionType.likert, QuestionType.single_choice):
        code = _code(one)
        return (code, None) if code else (None, "answer with valueCoding: the option's code")
    if q.type is QuestionType.yes_no:
        if one.kind == "boolean":
            return ("yes" if one.value else "no"), None
        code = _code(one)
        return (code, None) if code else (None, "answer with valueBoolean")
    if q.type is QuestionType.rating:
        if one.kind == "integer":
            return int(one.value), None
        code = _code(one)
        if code is not None and code.isdigit():
            return int(code), None
        return None, "answer with valueInteger, a whole number from 0 to 10"
    if q.type is QuestionType.number:
        if one.kind in ("decimal", "integer"):
            number = _number(one.value)
            if number is not None:
                return number, None
        return None, "answer with valueDecimal"
    if q.type is QuestionType.date:
        if one.kind == "date" and isinstance(one.value, date):
            return one.value.isoformat(), None
        return None, "answer with valueDate, a full date (YYYY-MM-DD)"
    if one.kind == "string" and isinstance(one.value, str):
        return one.value, None
    return None, "answer with valueString"


def convert_answers(
    content: InstrumentContent, sub: Submission
) -> tuple[dict[str, Any], list[Issue]]:
    """The submission's answers by question key, or issues at each answer that does not fit
    this Questionnaire's items."""
    questions = {q.key: q for q in content.questions}
    answers: dict[str, Any] = {}
    issues: list[Issue] = []
    for link, given in sub.answers.items():
        path = sub.paths[link]
        question = questions.get(link)
        if question is None:
            issues.append(Issue("value", f"No question {link!r} in this Questionnaire.", path))
            continue
        value, error = _convert(question, given)
        if error is not None:
            issues.append(Issue("value", error, path))
        else:
            answers[link] = value
    return answers, issues
