"""What the FHIR resources share: Gwella's addresses, extensions and identifier systems, the
text of an item in several languages, and how a question's answers are rendered in FHIR.
No database, no HTTP.

Every resource is built as FHIR JSON and checked by the fhir.resources R4B model before it
leaves; every resource that arrives is parsed by that model before it is read.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from gwella.instruments.content import (
    CHOICE_TYPES,
    DONT_KNOW,
    LANGUAGES,
    Question,
    QuestionType,
)

FHIR_VERSION = "4.0.1"
"""R4. The resources used here are the same in R4 and R4B, whose models parse them."""

TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"

# Gwella's own extensions and identifier system (deployment-independent names).
EXT_CAMPAIGN = "urn:gwella:fhir:campaign"
"""On a QuestionnaireResponse (valueString, the campaign's id): which campaign, when several
of your campaigns run the same Questionnaire version in the same service at that time."""
EXT_CONSENT = "urn:gwella:fhir:consent"
# The QuestionnaireResponse statuses a push may have: only finished answers are taken.
ACCEPTED_STATUSES = ("completed", "amended")
"""On a QuestionnaireResponse (valueBoolean): the respondent consented to being named
(identified campaigns only)."""
SERVICE_SYSTEM = "urn:gwella:service"
"""Identifier system of a service's code (unique within its organisation)."""

SECTION_PREFIX = "section-"

FIXED_LABELS: dict[str, dict[str, str]] = {
    "yes": {"en": "Yes", "cy": "Ie"},
    "no": {"en": "No", "cy": "Na"},
    DONT_KNOW: {
        "en": "Don't know / prefer not to say",
        "cy": "Ddim yn gwybod / gwell gen i beidio â dweud",
    },
}

Rendering = Literal["coding", "integer", "boolean", "decimal", "date", "string"]
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


def labels_of(q: Question) -> dict[str, Mapping[str, Any]]:
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


def coding(code: str, label: Mapping[str, Any] | None, languages: Sequence[str]) -> dict[str, Any]:
    return {"code": code, **localized("display", label, languages)}


def fhirpath_quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "\\'")


def item_path(parent: str, link_id: str) -> str:
    return f"{parent}.item.where(linkId='{fhirpath_quote(link_id)}')"
