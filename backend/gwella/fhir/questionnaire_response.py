"""A stored response as a FHIR R4 QuestionnaireResponse (what Gwella echoes back and serves
to the organisation that pushed it). No database, no HTTP. Reading a pushed one is
:mod:`gwella.fhir.submission`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from gwella.fhir.datatypes import (
    EXT_CAMPAIGN,
    EXT_CONSENT,
    QR,
    SECTION_PREFIX,
    SERVICE_SYSTEM,
    coding,
    item_path,
    labels_of,
    languages_of,
    localized,
    rendering,
)
from gwella.instruments.content import DONT_KNOW, InstrumentContent, Question


def answer_path(content: InstrumentContent, key: str, root: str = QR) -> str:
    """Where a question's answers sit in a QuestionnaireResponse of this Questionnaire."""
    question = next((q for q in content.questions if q.key == key), None)
    sections = {s.key for s in content.sections}
    if question is not None and question.section in sections:
        root = item_path(root, SECTION_PREFIX + str(question.section))
    return item_path(root, key)


def _fhir_number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _answers_out(q: Question, value: Any, languages: Sequence[str]) -> list[dict[str, Any]]:
    labels = labels_of(q)
    if q.allow_dont_know and value == DONT_KNOW:
        return [{"valueCoding": coding(DONT_KNOW, labels.get(DONT_KNOW), languages)}]
    kind = rendering(q)
    if kind == "coding":
        values = value if isinstance(value, list) else [value]
        return [{"valueCoding": coding(str(v), labels.get(str(v)), languages)} for v in values]
    if kind == "boolean":
        return [{"valueBoolean": value == "yes"}]
    if kind == "integer":
        return [{"valueInteger": int(value)}]
    if kind == "decimal":
        return [{"valueDecimal": _fhir_number(value)}]
    if kind == "date":
        return [{"valueDate": str(value)}]
    return [{"valueString": str(value)}]


@dataclass(frozen=True)
class StoredResponse:
    """A stored response, as the FHIR echo of it needs it."""

    response_id: uuid.UUID
    questionnaire: str
    campaign_id: uuid.UUID
    external_id: str | None
    service_id: uuid.UUID
    service_code: str | None
    service_name: str
    submitted_at: datetime
    language: str
    answers: Mapping[str, Any]
    content: InstrumentContent
    languages: Sequence[str]
    respondent_reference: str | None
    consented: bool
    updated_at: datetime | None


def questionnaire_response(
    stored: StoredResponse, identifier_system: str | None = None
) -> dict[str, Any]:
    """The stored response as a QuestionnaireResponse (what Gwella keeps, after its rules:
    e.g. an anonymous campaign's time is coarsened to the day). ``identifier_system``: the
    pushing organisation's (see :mod:`gwella.fhir.search`), given to that organisation."""
    languages = languages_of(stored.languages)
    sections = {s.key: s for s in stored.content.sections}
    items: list[dict[str, Any]] = []
    groups: dict[str, dict[str, Any]] = {}
    for q in stored.content.questions:
        if q.key not in stored.answers:
            continue
        item = {
            "linkId": q.key,
            **{
                k: v
                for k, v in localized(
                    "text", q.text.model_dump(exclude_none=True), languages
                ).items()
                if k == "text"
            },
            "answer": _answers_out(q, stored.answers[q.key], languages),
        }
        if q.section is None or q.section not in sections:
            items.append(item)
            continue
        if q.section not in groups:
            groups[q.section] = {"linkId": SECTION_PREFIX + q.section, "item": []}
            items.append(groups[q.section])
        groups[q.section]["item"].append(item)
    subject_identifier = stored.service_code or str(stored.service_id)
    data: dict[str, Any] = {
        "resourceType": QR,
        "id": str(stored.response_id),
        "extension": [{"url": EXT_CAMPAIGN, "valueString": str(stored.campaign_id)}],
        "language": stored.language,
        "questionnaire": stored.questionnaire,
        "status": "completed",
        "subject": {
            "reference": f"HealthcareService/{stored.service_id}",
            "type": "HealthcareService",
            "identifier": {"system": SERVICE_SYSTEM, "value": subject_identifier},
            "display": stored.service_name,
        },
        "authored": stored.submitted_at.isoformat(),
    }
    if stored.updated_at is not None:
        data["meta"] = {"lastUpdated": stored.updated_at.isoformat()}
    if stored.external_id is not None:
        data["identifier"] = {"value": stored.external_id}
        if identifier_system is not None:
            data["identifier"] = {"system": identifier_system, "value": stored.external_id}
    if stored.consented:
        data["extension"].append({"url": EXT_CONSENT, "valueBoolean": True})
    if stored.respondent_reference:
        data["source"] = {"identifier": {"value": stored.respondent_reference}}
    if items:
        data["item"] = items
    return QuestionnaireResponse.model_validate(data).model_dump(mode="json")
