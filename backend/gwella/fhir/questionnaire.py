"""A published instrument version as a FHIR R4 Questionnaire. No database, no HTTP.

``id`` is the version's id, the canonical ``url`` is
``{GWELLA_PUBLIC_URL}/fhir/Questionnaire/{instrument id}`` (the instrument's id, not its code:
codes are unique only within an organisation) and ``version`` the version number. Sections
are ``group`` items (``linkId`` ``section-{key}``), questions items with ``linkId`` = question
key; texts in the instrument's first language with the others in the standard translation
extension.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fhir.resources.R4B.questionnaire import Questionnaire

from gwella.fhir.datatypes import (
    FIXED_LABELS,
    SECTION_PREFIX,
    Rendering,
    canonical_url,
    coding,
    fhirpath_quote,
    labels_of,
    languages_of,
    localized,
    rendering,
)
from gwella.instruments.content import DONT_KNOW, InstrumentContent, Question, QuestionType

MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
ENABLE_WHEN_EXPRESSION = (
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
)
UUID_SYSTEM = "urn:ietf:rfc:3986"

# Gwella's own extension (a deployment-independent name).
EXT_DONT_KNOW = "urn:gwella:fhir:dont-know"
"""On a Questionnaire item that is not a choice (valueCoding): answering with this coding
means "don't know / prefer not to say"."""
HELP_SUFFIX = ".help"

ITEM_TYPE: dict[Rendering, str] = {
    "coding": "choice",
    "integer": "integer",
    "boolean": "boolean",
    "decimal": "decimal",
    "date": "date",
    "string": "text",
}


def _enable_answer(q: Question, value: str) -> dict[str, Any]:
    kind = rendering(q)
    if kind == "boolean":
        return {"answerBoolean": value == "yes"}
    if kind == "integer":
        return {"answerInteger": int(value)}
    return {"answerCoding": {"code": value}}


def _fhirpath_condition(q: Question, values: Sequence[str]) -> str:
    answers = f"%resource.repeat(item).where(linkId='{fhirpath_quote(q.key)}').answer.value"
    kind = rendering(q)
    if kind == "boolean":
        test = " or ".join(f"$this = {'true' if v == 'yes' else 'false'}" for v in values)
    elif kind == "integer":
        test = " or ".join(f"$this = {int(v)}" for v in values)
    else:
        test = " or ".join(f"code = '{fhirpath_quote(v)}'" for v in values)
    return f"{answers}.where({test}).exists()"


def _enable_when(q: Question, by_key: Mapping[str, Question]) -> tuple[dict[str, Any], list[Any]]:
    """``enableWhen`` for the question's conditions (all must hold; each is "the answer is one
    of these values"), and the extensions it needs.

    One condition with several values is ``enableBehavior: any``; several conditions of one
    value each are ``all``. Several conditions where one has several values is an AND of ORs,
    which ``enableWhen`` cannot say: that is the SDC ``enableWhenExpression`` (FHIRPath)."""
    conditions = [c for c in q.conditions if c.question in by_key]
    if not conditions:
        return {}, []
    if len(conditions) == 1 or all(len(c.values) == 1 for c in conditions):
        when = [
            {"question": c.question, "operator": "=", **_enable_answer(by_key[c.question], v)}
            for c in conditions
            for v in c.values
        ]
        out: dict[str, Any] = {"enableWhen": when}
        if len(when) > 1:
            out["enableBehavior"] = "any" if len(conditions) == 1 else "all"
        return out, []
    expression = " and ".join(_fhirpath_condition(by_key[c.question], c.values) for c in conditions)
    return {}, [
        {
            "url": ENABLE_WHEN_EXPRESSION,
            "valueExpression": {"language": "text/fhirpath", "expression": expression},
        }
    ]


def _question_item(
    q: Question, by_key: Mapping[str, Question], languages: Sequence[str]
) -> dict[str, Any]:
    kind = rendering(q)
    item: dict[str, Any] = {
        "linkId": q.key,
        **localized("text", q.text.model_dump(exclude_none=True), languages),
        "type": ITEM_TYPE[kind],
    }
    extensions: list[Any] = []
    enable, enable_extensions = _enable_when(q, by_key)
    item.update(enable)
    extensions += enable_extensions
    if q.required:
        item["required"] = True
    if q.type is QuestionType.multiple_choice:
        item["repeats"] = True
    if kind == "coding":
        item["answerOption"] = [
            {"valueCoding": coding(code, label, languages)} for code, label in labels_of(q).items()
        ]
    elif kind == "integer":
        extensions += [
            {"url": MIN_VALUE, "valueInteger": 0},
            {"url": MAX_VALUE, "valueInteger": 10},
        ]
    elif kind == "decimal":
        if q.min is not None:
            extensions.append({"url": MIN_VALUE, "valueDecimal": q.min})
        if q.max is not None:
            extensions.append({"url": MAX_VALUE, "valueDecimal": q.max})
    if q.max_length is not None:
        item["maxLength"] = q.max_length
    if q.allow_dont_know and kind != "coding":
        extensions.append(
            {
                "url": EXT_DONT_KNOW,
                "valueCoding": coding(DONT_KNOW, FIXED_LABELS[DONT_KNOW], languages),
            }
        )
    if extensions:
        item["extension"] = extensions
    if q.help is not None and localized("text", q.help.model_dump(exclude_none=True), languages):
        item["item"] = [
            {
                "extension": [
                    {
                        "url": ITEM_CONTROL,
                        "valueCodeableConcept": {
                            "coding": [
                                {
                                    "system": ITEM_CONTROL_SYSTEM,
                                    "code": "help",
                                    "display": "Help-Button",
                                }
                            ]
                        },
                    }
                ],
                "linkId": q.key + HELP_SUFFIX,
                **localized("text", q.help.model_dump(exclude_none=True), languages),
                "type": "display",
            }
        ]
    return item


def questionnaire_items(
    content: InstrumentContent, languages: Sequence[str]
) -> list[dict[str, Any]]:
    """Questions in their order; a section's questions in a ``group`` placed where its first
    question is (empty sections are left out: a FHIR group must hold items)."""
    by_key = {q.key: q for q in content.questions}
    sections = {s.key: s for s in content.sections}
    items: list[dict[str, Any]] = []
    groups: dict[str, dict[str, Any]] = {}
    for q in content.questions:
        item = _question_item(q, by_key, languages)
        if q.section is None or q.section not in sections:
            items.append(item)
            continue
        group = groups.get(q.section)
        if group is None:
            title = sections[q.section].title.model_dump(exclude_none=True)
            group = {
                "linkId": SECTION_PREFIX + q.section,
                **localized("text", title, languages),
                "type": "group",
                "item": [],
            }
            groups[q.section] = group
            items.append(group)
        group["item"].append(item)
    return items


def _pascal(code: str) -> str:
    words = re.split(r"[^A-Za-z0-9]+", code)
    name = "".join(w[:1].upper() + w[1:] for w in words if w)
    return name if name[:1].isalpha() else f"Q{name}"


@dataclass(frozen=True)
class InstrumentView:
    """What a Questionnaire is made of (read from the instrument and its version)."""

    instrument_id: uuid.UUID
    version_id: uuid.UUID
    code: str
    number: int
    title: Mapping[str, Any]
    description: Mapping[str, Any]
    languages: Sequence[str]
    content: InstrumentContent
    published_at: datetime | None
    publisher: str | None


def questionnaire(view: InstrumentView, public_url: str) -> dict[str, Any]:
    languages = languages_of(view.languages)
    data: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": str(view.version_id),
        "language": languages[0],
        "url": canonical_url(public_url, view.instrument_id),
        "identifier": [{"system": UUID_SYSTEM, "value": f"urn:uuid:{view.instrument_id}"}],
        "version": str(view.number),
        "name": _pascal(view.code),
        **localized("title", view.title, languages),
        "status": "active",
        "subjectType": ["HealthcareService"],
        **({"date": view.published_at.isoformat()} if view.published_at else {}),
        **({"publisher": view.publisher} if view.publisher else {}),
        **localized("description", view.description, languages),
        "item": questionnaire_items(view.content, languages),
    }
    if view.published_at:
        data["meta"] = {"lastUpdated": view.published_at.isoformat()}
    return Questionnaire.model_validate(data).model_dump(mode="json")
