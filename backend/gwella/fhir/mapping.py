"""Between Gwella's instruments and responses and FHIR R4 resources. No database, no HTTP.

Every resource is built as FHIR JSON and checked by the fhir.resources R4B model before it
leaves; every resource that arrives is parsed by that model before it is read.

The mapping (also told in the CapabilityStatement):

* A **published instrument version** is a Questionnaire: ``id`` the version's id, canonical
  ``url`` ``{GWELLA_PUBLIC_URL}/fhir/Questionnaire/{instrument id}`` (the instrument's id,
  not its code: codes are unique only within an organisation) and ``version`` the version
  number. Sections are ``group`` items (``linkId`` ``section-{key}``), questions items with
  ``linkId`` = question key; texts in the instrument's first language with the others in
  the standard translation extension.
* A **QuestionnaireResponse** is a response: ``questionnaire`` names the version (``url|n``
  or ``Questionnaire/{id}``), ``subject`` the service (``HealthcareService/{id}`` or an
  identifier whose value is the service's code in your organisation), ``authored`` the
  submission time, ``identifier.value`` your external id, ``language`` en or cy, ``source``
  the respondent (pseudonymous and identified campaigns only).
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse,
    QuestionnaireResponseItem,
    QuestionnaireResponseItemAnswer,
)
from pydantic import ValidationError

from gwella.fhir.outcome import FhirError, Issue
from gwella.instruments.content import (
    CHOICE_TYPES,
    DONT_KNOW,
    LANGUAGES,
    InstrumentContent,
    Question,
    QuestionType,
)

FHIR_VERSION = "4.0.1"
"""R4. The resources used here are the same in R4 and R4B, whose models parse them."""

TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
ENABLE_WHEN_EXPRESSION = (
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
)
UUID_SYSTEM = "urn:ietf:rfc:3986"

# Gwella's own extensions and identifier system (deployment-independent names).
EXT_CAMPAIGN = "urn:gwella:fhir:campaign"
"""On a QuestionnaireResponse (valueString, the campaign's id): which campaign, when several
of your campaigns run the same Questionnaire version in the same service at that time."""
EXT_CONSENT = "urn:gwella:fhir:consent"
"""On a QuestionnaireResponse (valueBoolean): the respondent consented to being named
(identified campaigns only)."""
EXT_DONT_KNOW = "urn:gwella:fhir:dont-know"
"""On a Questionnaire item that is not a choice (valueCoding): answering with this coding
means "don't know / prefer not to say"."""
SERVICE_SYSTEM = "urn:gwella:service"
"""Identifier system of a service's code (unique within its organisation)."""

SECTION_PREFIX = "section-"
HELP_SUFFIX = ".help"
ACCEPTED_STATUSES = ("completed", "amended")

FIXED_LABELS: dict[str, dict[str, str]] = {
    "yes": {"en": "Yes", "cy": "Ie"},
    "no": {"en": "No", "cy": "Na"},
    DONT_KNOW: {
        "en": "Don't know / prefer not to say",
        "cy": "Ddim yn gwybod / gwell gen i beidio â dweud",
    },
}

Rendering = Literal["coding", "integer", "boolean", "decimal", "date", "string"]
ITEM_TYPE: dict[Rendering, str] = {
    "coding": "choice",
    "integer": "integer",
    "boolean": "boolean",
    "decimal": "decimal",
    "date": "date",
    "string": "text",
}
QR = "QuestionnaireResponse"


# ------------------------------------------------------------------------------ addresses


def fhir_base(public_url: str) -> str:
    """The FHIR endpoint's base address (``fullUrl``s and ``Location``s start with it)."""
    return f"{public_url.rstrip('/')}/fhir/r4"


def canonical_url(public_url: str, instrument_id: uuid.UUID) -> str:
    """The Questionnaire's canonical URL: one per instrument, the same for every version and
    every FHIR release (hence no ``r4`` in it). Resolve it with ``Questionnaire?url=``."""
    return f"{public_url.rstrip('/')}/fhir/Questionnaire/{instrument_id}"


@dataclass(frozen=True)
class QuestionnaireRef:
    """What a QuestionnaireResponse's ``questionnaire`` names."""

    instrument_id: uuid.UUID | None = None
    version_id: uuid.UUID | None = None
    number: int | None = None


_ID_RE = r"([0-9a-fA-F-]{36})"


def parse_questionnaire_ref(ref: str, public_url: str) -> QuestionnaireRef | None:
    """``{canonical url}|{version}``, ``Questionnaire/{version id}`` or the version's full
    address; ``None`` when it is none of those."""
    target, _, number_text = ref.strip().partition("|")
    number = int(number_text) if number_text.isdigit() else None
    if number_text and number is None:
        return None
    canonical = re.fullmatch(
        re.escape(f"{public_url.rstrip('/')}/fhir/Questionnaire/") + _ID_RE, target
    )
    literal = re.fullmatch(
        r"(?:" + re.escape(fhir_base(public_url)) + "/)?Questionnaire/" + _ID_RE, target
    )
    try:
        if canonical:
            return QuestionnaireRef(instrument_id=uuid.UUID(canonical.group(1)), number=number)
        if literal:
            return QuestionnaireRef(version_id=uuid.UUID(literal.group(1)), number=number)
    except ValueError:
        return None
    return None


# ------------------------------------------------------------------------ shared pieces


def languages_of(declared: Sequence[str]) -> list[str]:
    """The instrument's languages, first one first, then any other Gwella language."""
    ordered = list(dict.fromkeys(declared)) or [LANGUAGES[0]]
    return ordered + [lang for lang in LANGUAGES if lang not in ordered]


def localized(
    name: str, texts: Mapping[str, Any] | None, languages: Sequence[str]
) -> dict[str, Any]:
    """``{name: text in the first language, _name: {translation extensions}}``."""
    if not texts:
        return {}
    main = texts.get(languages[0]) or next((t for t in texts.values() if t), None)
    if not main:
        return {}
    translations = [
        {
            "url": TRANSLATION,
            "extension": [
                {"url": "lang", "valueCode": lang},
                {"url": "content", "valueString": text},
            ],
        }
        for lang in languages[1:]
        if (text := texts.get(lang))
    ]
    out: dict[str, Any] = {name: main}
    if translations:
        out[f"_{name}"] = {"extension": translations}
    return out


def rendering(q: Question) -> Rendering:
    """How a question's answers look in FHIR. "Don't know" can only be offered as a coding, so
    a 0-10 rating or a yes/no that offers it becomes a choice."""
    if q.type in CHOICE_TYPES:
        return "coding"
    if q.type is QuestionType.rating:
        return "coding" if q.allow_dont_know else "integer"
    if q.type is QuestionType.yes_no:
        return "coding" if q.allow_dont_know else "boolean"
    if q.type is QuestionType.number:
        return "decimal"
    if q.type is QuestionType.date:
        return "date"
    return "string"


def _labels(q: Question) -> dict[str, Mapping[str, Any]]:
    """The coded answers of a question rendered as a choice, with their labels."""
    if q.type in CHOICE_TYPES:
        labels: dict[str, Mapping[str, Any]] = {
            o.value: o.label.model_dump(exclude_none=True) for o in q.options
        }
    elif q.type is QuestionType.yes_no:
        labels = {v: FIXED_LABELS[v] for v in ("yes", "no")}
    elif q.type is QuestionType.rating:
        labels = {str(i): {"en": str(i), "cy": str(i)} for i in range(11)}
    else:
        labels = {}
    if q.allow_dont_know:
        labels[DONT_KNOW] = FIXED_LABELS[DONT_KNOW]
    return labels


def _coding(code: str, label: Mapping[str, Any] | None, languages: Sequence[str]) -> dict[str, Any]:
    return {"code": code, **localized("display", label, languages)}


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "\\'")


def item_path(parent: str, link_id: str) -> str:
    return f"{parent}.item.where(linkId='{_quote(link_id)}')"


def answer_path(content: InstrumentContent, key: str, root: str = QR) -> str:
    """Where a question's answers sit in a QuestionnaireResponse of this Questionnaire."""
    question = next((q for q in content.questions if q.key == key), None)
    sections = {s.key for s in content.sections}
    if question is not None and question.section in sections:
        root = item_path(root, SECTION_PREFIX + str(question.section))
    return item_path(root, key)


# --------------------------------------------------------------------------- Questionnaire


def _enable_answer(q: Question, value: str) -> dict[str, Any]:
    kind = rendering(q)
    if kind == "boolean":
        return {"answerBoolean": value == "yes"}
    if kind == "integer":
        return {"answerInteger": int(value)}
    return {"answerCoding": {"code": value}}


def _fhirpath_condition(q: Question, values: Sequence[str]) -> str:
    answers = f"%resource.repeat(item).where(linkId='{_quote(q.key)}').answer.value"
    kind = rendering(q)
    if kind == "boolean":
        test = " or ".join(f"$this = {'true' if v == 'yes' else 'false'}" for v in values)
    elif kind == "integer":
        test = " or ".join(f"$this = {int(v)}" for v in values)
    else:
        test = " or ".join(f"code = '{_quote(v)}'" for v in values)
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
            {"valueCoding": _coding(code, label, languages)} for code, label in _labels(q).items()
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
                "valueCoding": _coding(DONT_KNOW, FIXED_LABELS[DONT_KNOW], languages),
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


def searchset(
    resources: Iterable[dict[str, Any]], base: str, self_url: str, next_url: str | None
) -> dict[str, Any]:
    entries = [
        {
            "fullUrl": f"{base}/{r['resourceType']}/{r['id']}",
            "resource": r,
            "search": {"mode": "match"},
        }
        for r in resources
    ]
    links = [{"relation": "self", "url": self_url}]
    if next_url:
        links.append({"relation": "next", "url": next_url})
    data: dict[str, Any] = {"resourceType": "Bundle", "type": "searchset", "link": links}
    if next_url is None:
        data["total"] = len(entries)
    if entries:
        data["entry"] = entries
    return Bundle.model_validate(data).model_dump(mode="json")


# ------------------------------------------------------------------- QuestionnaireResponse


def _fhir_number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _answers_out(q: Question, value: Any, languages: Sequence[str]) -> list[dict[str, Any]]:
    labels = _labels(q)
    if q.allow_dont_know and value == DONT_KNOW:
        return [{"valueCoding": _coding(DONT_KNOW, labels.get(DONT_KNOW), languages)}]
    kind = rendering(q)
    if kind == "coding":
        values = value if isinstance(value, list) else [value]
        return [{"valueCoding": _coding(str(v), labels.get(str(v)), languages)} for v in values]
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


def questionnaire_response(stored: StoredResponse) -> dict[str, Any]:
    """The stored response as a QuestionnaireResponse (what Gwella keeps, after its rules:
    e.g. an anonymous campaign's time is coarsened to the day)."""
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
    if stored.consented:
        data["extension"].append({"url": EXT_CONSENT, "valueBoolean": True})
    if stored.respondent_reference:
        data["source"] = {"identifier": {"value": stored.respondent_reference}}
    if items:
        data["item"] = items
    return QuestionnaireResponse.model_validate(data).model_dump(mode="json")


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


def _loc_path(root: str, loc: Sequence[Any]) -> str:
    path = root
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part == "resource_type":
            path += ".resourceType"
        else:
            path += f".{part}"
    return path


def structure_issues(error: ValidationError, root: str) -> list[Issue]:
    """fhir.resources' complaints as issues, each pointing at the element."""
    return [
        Issue(
            "required" if "missing" in str(e.get("type", "")) else "structure",
            " ".join(str(e.get("msg", "")).split()),
            _loc_path(root, tuple(e.get("loc", ()))),
        )
        for e in error.errors()
    ]


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
        return QuestionnaireResponse.model_validate(raw)
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


# -------------------------------------------------------------------------- capabilities


def capability_statement(public_url: str, software_version: str) -> dict[str, Any]:
    base = fhir_base(public_url)
    documentation = (
        "Gwella's FHIR R4 endpoint for partner systems. Published instrument versions are "
        "Questionnaires: id = the version's id; canonical url = "
        f"{public_url.rstrip('/')}/fhir/Questionnaire/{{instrument id}}; version = the version "
        "number; group items (linkId section-{key}) for sections; Welsh (and any other "
        f"language) in the {TRANSLATION} extension. Survey responses are pushed as "
        "QuestionnaireResponses by API clients with the responses:write scope, one by one or "
        "in a batch (best effort) or transaction (all or nothing) Bundle, and each is checked "
        "exactly as a web response is. questionnaire = url|version or Questionnaire/{id}; "
        "subject = the service (HealthcareService/{id}, or identifier.value = its code in your "
        f"organisation, system {SERVICE_SYSTEM}); authored = when it was answered (within the "
        "campaign's window); identifier.value = your id for it: the same content again is "
        "ignored (200), changed content updates the stored response (200), a new identifier is "
        "created (201); language = en or cy; source.identifier.value = the respondent's "
        "reference (pseudonymous campaigns keep only a keyed hash; identified campaigns need "
        f"the {EXT_CONSENT} extension, valueBoolean true). When several of your campaigns run "
        f"the same version in that service at that time, name one with {EXT_CAMPAIGN} "
        '(valueString, its id). "Don\'t know" is the coding dont_know. Errors are '
        "OperationOutcomes whose expression points at the item (linkId)."
    )
    data = {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": "2026-11-26",
        "publisher": "Gwella",
        "kind": "instance",
        "software": {"name": "Gwella", "version": software_version},
        "implementation": {"description": "Gwella FHIR R4 endpoint", "url": base},
        "fhirVersion": FHIR_VERSION,
        "format": ["application/fhir+json", "json"],
        "rest": [
            {
                "mode": "server",
                "documentation": documentation,
                "security": {
                    "service": [
                        {
                            "coding": [
                                {
                                    "system": "http://terminology.hl7.org/CodeSystem/restful-security-service",
                                    "code": "OAuth",
                                }
                            ]
                        }
                    ],
                    "description": "Bearer tokens from POST /api/v1/auth/token: people, or API "
                    "clients (client_credentials). Reading Questionnaires needs the read scope; "
                    "pushing responses needs responses:write.",
                },
                "resource": [
                    {
                        "type": "Questionnaire",
                        "profile": "http://hl7.org/fhir/StructureDefinition/Questionnaire",
                        "interaction": [{"code": "read"}, {"code": "search-type"}],
                        "versioning": "no-version",
                        "readHistory": False,
                        "searchParam": [
                            {
                                "name": "url",
                                "type": "uri",
                                "documentation": "The canonical url (url|version also works)",
                            },
                            {
                                "name": "version",
                                "type": "token",
                                "documentation": "The version number",
                            },
                            {
                                "name": "_count",
                                "type": "number",
                                "documentation": "Page size, up to 200",
                            },
                        ],
                    },
                    {
                        "type": "QuestionnaireResponse",
                        "profile": "http://hl7.org/fhir/StructureDefinition/QuestionnaireResponse",
                        "interaction": [{"code": "create"}, {"code": "read"}],
                        "versioning": "no-version",
                        "conditionalCreate": False,
                        "documentation": "create: idempotent by identifier.value (per your "
                        "organisation). read: the responses your organisation pushed.",
                    },
                ],
                "interaction": [{"code": "batch"}, {"code": "transaction"}],
            }
        ],
    }
    return CapabilityStatement.model_validate(data).model_dump(mode="json")


# ---------------------------------------------------------------------------------- Bundles

BundleKind = Literal["batch", "transaction"]


def _entry_target(url: str) -> str:
    """``QuestionnaireResponse`` from an entry's request url (relative or absolute)."""
    path = url.split("?")[0].rstrip("/")
    return path.rpartition("/")[2] if "/" in path else path


def read_bundle(raw: Any) -> tuple[BundleKind, list[Any]]:
    """A batch or transaction Bundle's envelope checked by the R4B model, and its entries'
    resources (each parsed later, on its own, so that one bad entry does not sink a batch);
    an entry that is not ``POST QuestionnaireResponse`` is a FhirError in its place."""
    if not isinstance(raw, dict):
        raise FhirError(400, [Issue("structure", "Send a FHIR Bundle: a JSON object.")])
    if raw.get("resourceType") != "Bundle":
        raise FhirError(
            400,
            [
                Issue(
                    "invalid",
                    f"Expected a Bundle of type batch or transaction, got "
                    f"{raw.get('resourceType')!r}. Send single QuestionnaireResponses to "
                    "QuestionnaireResponse.",
                )
            ],
        )
    kind = raw.get("type")
    if kind not in ("batch", "transaction"):
        raise FhirError(
            422,
            [Issue("not-supported", "Only batch and transaction Bundles.", "Bundle.type")],
        )
    entries = raw.get("entry") or []
    if not isinstance(entries, list):
        raise FhirError(400, [Issue("structure", "entry is a list.", "Bundle.entry")])
    shell = {
        **raw,
        "entry": [
            {k: v for k, v in e.items() if k != "resource"} if isinstance(e, dict) else e
            for e in entries
        ],
    }
    try:
        Bundle.model_validate(shell)
    except ValidationError as error:
        raise FhirError(400, structure_issues(error, "Bundle")) from None
    resources: list[Any] = []
    for i, entry in enumerate(entries):
        request = entry.get("request") or {}
        method, url = str(request.get("method") or ""), str(request.get("url") or "")
        if method != "POST" or _entry_target(url) != QR:
            resources.append(
                FhirError(
                    400 if not method else 422,
                    [
                        Issue(
                            "not-supported",
                            "Each entry creates a QuestionnaireResponse: request "
                            "{method: POST, url: QuestionnaireResponse}.",
                            f"Bundle.entry[{i}].request",
                        )
                    ],
                )
            )
        elif "resource" not in entry:
            resources.append(
                FhirError(
                    400,
                    [Issue("required", "The entry has no resource.", f"Bundle.entry[{i}]")],
                )
            )
        else:
            resources.append(entry["resource"])
    return kind, resources


def response_bundle(kind: BundleKind, responses: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A batch-response or transaction-response: one entry per entry received, in order."""
    data: dict[str, Any] = {"resourceType": "Bundle", "type": f"{kind}-response"}
    if responses:
        data["entry"] = [{"response": r} for r in responses]
    return Bundle.model_validate(data).model_dump(mode="json")
