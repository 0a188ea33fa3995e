"""What Gwella takes when a partner pushes a QuestionnaireResponse: a profile of FHIR R4,
stated in full. No database, no HTTP.

Every element a push may carry is named here, closed (an element outside the profile is
refused, 400, pointing at it) and held to R4's datatypes (an id's, a code's, a string's,
a dateTime's form; an integer's 32 bits; arrays never empty; one ``value[x]`` per answer and
extension). The same models give the spec its request schemas (``FhirQuestionnaireResponsePush``,
``FhirBundlePush``), so a request the spec allows is one the server reads, and a generated
client can build it. Anything these allow is valid R4 (``fhir.resources`` still parses every
push after them); the rules of a push that no schema can state (which Questionnaire and
service exist, which answers fit its questions) are checked after, 404 or 422.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
)

from gwella.fhir.datatypes import ACCEPTED_STATUSES, SERVICE_SYSTEM, TRANSLATION

# R4 primitive forms (hl7.org/fhir/R4/datatypes.html), none with NUL (PostgreSQL cannot
# store one). Whitespace is listed by hand, not written \s: Python's re, ECMAScript and Rust's
# regex each mean a different set by \s, and these patterns must read alike in the three (the
# server, the client generators, Schemathesis). R4's string is "[ \r\n\t\S]+": some
# character that is a space, a line break, a tab or no whitespace at all.
_SPACE = r" \t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_ODD_SPACE = r"\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_ANY = r"[^\u0000]"
_SEEN = rf"[^{_SPACE}\u0000]"  # a character that is no whitespace
_STRING = rf"^{_ANY}*[^{_ODD_SPACE}\u0000]{_ANY}*$"
_NOT_BLANK = rf"^{_ANY}*{_SEEN}{_ANY}*$"  # ids a person or system gives: not only spaces
_NO_SPACE = rf"^{_SEEN}+$"  # uri, canonical
_CODE = rf"^{_SEEN}+(?: {_SEEN}+)*$"
_ID = r"^[A-Za-z0-9\-.]{1,64}$"
_YEAR = r"(?:[0-9](?:[0-9](?:[0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
_DAY = _YEAR + r"-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
_TIME = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?"  # past µs: cut
_ZONE = r"(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))"

_LANGUAGE = r"^(?:en|cy|EN|CY)(?:-[A-Za-z0-9]{1,8})*$"
_INSTANT = f"^{_DAY}T{_TIME}{_ZONE}$"
_WHOLE_DAY = f"^{_DAY}$"
_SERVICE_REFERENCE = r"^HealthcareService/[A-Za-z0-9\-.]{1,64}$"
_CREATE_URL = rf"^(?:{_SEEN}*/)?QuestionnaireResponse/?$"

PATTERN_WORDS = {
    _STRING: "Give text with something in it other than odd spaces (R4 string), no NUL.",
    _NOT_BLANK: "Give a value that is not only spaces.",
    _NO_SPACE: "Give a URI: no spaces.",
    _CODE: "Give a code: no spaces at either end and single spaces between words.",
    _ID: "Give an id of 1 to 64 letters, digits, '-' or '.'.",
    _LANGUAGE: "The language is en or cy (a region may follow: cy-GB).",
    _INSTANT: "Give a date and time to the second with its time zone: 2026-03-01T09:30:00Z.",
    _WHOLE_DAY: "Give a whole date: YYYY-MM-DD.",
    _SERVICE_REFERENCE: "Refer to the service as HealthcareService/{id} (relative).",
    _CREATE_URL: "Each entry creates one: request url QuestionnaireResponse.",
}
"""Each pattern of the profile in words, for the OperationOutcome (a regex is not a reason)."""

Text = Annotated[str, StringConstraints(pattern=_STRING, max_length=5000)]
Uri = Annotated[str, StringConstraints(pattern=_NO_SPACE, max_length=2000)]
Code = Annotated[str, StringConstraints(pattern=_CODE, max_length=200)]
FhirId = Annotated[str, StringConstraints(pattern=_ID)]
Language = Annotated[
    str,
    StringConstraints(pattern=_LANGUAGE),
    Field(description="en or cy, with any region (`cy-GB`): the language of the answers"),
]
Instant = Annotated[
    str,
    StringConstraints(pattern=_INSTANT),
    Field(
        json_schema_extra={"format": "date-time"},
        description="A date and time to the second, with its time zone (R4 dateTime)",
    ),
]
Day = Annotated[
    str,
    StringConstraints(pattern=_WHOLE_DAY),
    Field(json_schema_extra={"format": "date"}, description="A whole date, YYYY-MM-DD"),
]


def _whole(value: Any) -> Any:
    # JSON Schema counts 7.0 as an integer, and so does R4's JSON reader: taken as 7.
    return int(value) if isinstance(value, float) and value.is_integer() else value


Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1), BeforeValidator(_whole)]


FORM_TAGS = frozenset(
    {"valueBoolean", "valueDecimal", "valueInteger", "valueDate", "valueString", "valueCoding"}
    | {"valueCode", "lang", "content"}
)
"""The names of the forms an answer, extension or translation part can take: pydantic puts
the one taken into an error's location, before the element's own path (fhir.outcome drops
it)."""


def _value_key(value: Any) -> str | None:
    """Which form an answer or extension took: its one ``value[x]`` element."""
    if isinstance(value, dict):
        keys = [k for k in value if isinstance(k, str) and k.startswith("value")]
        if len(keys) == 1:
            return keys[0]
    return None


def _one_of(key: Any, what: str) -> Discriminator:
    """The form an element took, told by its keys (so that an error inside it points at the
    element inside); one plain error, saying what the forms are, when it took none."""
    return Discriminator(key, custom_error_type="one_of", custom_error_message=what)


class _Element(BaseModel):
    """Closed, as the profile is; numbers finite, as JSON's are."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, strict=True)


def _list(item: Any, description: str | None = None) -> Any:
    # FHIR JSON never carries an empty array.
    return Annotated[list[item], Field(min_length=1, description=description)]


class FhirMetaPush(_Element):
    versionId: FhirId | None = None  # noqa: N815 - FHIR's element names
    lastUpdated: Instant | None = None  # noqa: N815
    source: Uri | None = None
    profile: _list(Uri) | None = None  # type: ignore[valid-type]


class FhirIdentifierPush(_Element):
    system: Uri | None = None
    value: Annotated[str, StringConstraints(pattern=_NOT_BLANK, max_length=200)] = Field(
        description="Your system's id for this response (a repeat is recognised by it)"
    )


class FhirCodingPush(_Element):
    system: Uri | None = None
    version: Text | None = None
    code: Code
    display: Text | None = None
    display_translations: FhirTranslations | None = Field(default=None, alias="_display")


class FhirServiceIdentifier(_Element):
    system: Literal[SERVICE_SYSTEM] | None = None  # type: ignore[valid-type]
    value: Annotated[str, StringConstraints(pattern=_NOT_BLANK, max_length=64)] = Field(
        description="The service's code in your organisation (or its id)"
    )


class FhirSubjectPush(_Element):
    """The service the answers are about: a relative `reference` `HealthcareService/{id}`
    (which wins when both are given, as Gwella's own QuestionnaireResponses carry both; an
    absolute one would name another server's service), or an `identifier` whose `value` is the
    service's code in your organisation."""

    reference: (
        Annotated[
            str,
            StringConstraints(pattern=_SERVICE_REFERENCE),
        ]
        | None
    ) = None
    type: Literal["HealthcareService"] | None = None
    identifier: FhirServiceIdentifier | None = None
    display: Text | None = None


class FhirSourcePush(_Element):
    """The respondent (pseudonymous and identified campaigns only)."""

    reference: Annotated[str, StringConstraints(pattern=_NO_SPACE, max_length=200)] | None = None
    identifier: FhirIdentifierPush | None = None
    display: Text | None = None


class FhirExtensionString(_Element):
    url: Uri
    valueString: Text  # noqa: N815


class FhirExtensionBoolean(_Element):
    url: Uri
    valueBoolean: bool  # noqa: N815


class FhirExtensionCode(_Element):
    url: Uri
    valueCode: Code  # noqa: N815


class FhirTranslationLanguage(_Element):
    url: Literal["lang"]
    valueCode: Code  # noqa: N815


class FhirTranslationContent(_Element):
    url: Literal["content"]
    valueString: Text  # noqa: N815


FhirTranslationPart = Annotated[
    FhirTranslationLanguage | FhirTranslationContent, Field(discriminator="url")
]


class FhirTranslation(_Element):
    """R4's translation extension, as Gwella's own QuestionnaireResponses carry it: lang
    (valueCode) and content (valueString)."""

    url: Literal[TRANSLATION]  # type: ignore[valid-type]
    extension: _list(FhirTranslationPart)  # type: ignore[valid-type]


class FhirTranslations(_Element):
    """A text's other languages (`_text`, `_display`)."""

    extension: _list(FhirTranslation)  # type: ignore[valid-type]


class FhirAnswerBoolean(_Element):
    valueBoolean: bool  # noqa: N815
    item: _list("FhirItemPush") | None = None  # type: ignore[valid-type]


class FhirAnswerDecimal(_Element):
    valueDecimal: float  # noqa: N815
    item: _list("FhirItemPush") | None = None  # type: ignore[valid-type]


class FhirAnswerInteger(_Element):
    valueInteger: Int32  # noqa: N815
    item: _list("FhirItemPush") | None = None  # type: ignore[valid-type]


class FhirAnswerDate(_Element):
    valueDate: Day  # noqa: N815
    item: _list("FhirItemPush") | None = None  # type: ignore[valid-type]


class FhirAnswerString(_Element):
    valueString: Text  # noqa: N815
    item: _list("FhirItemPush") | None = None  # type: ignore[valid-type]


class FhirAnswerCoding(_Element):
    valueCoding: FhirCodingPush  # noqa: N815
    item: _list("FhirItemPush") | None = None  # type: ignore[valid-type]


FhirAnswerPush = Annotated[
    Annotated[FhirAnswerBoolean, Tag("valueBoolean")]
    | Annotated[FhirAnswerDecimal, Tag("valueDecimal")]
    | Annotated[FhirAnswerInteger, Tag("valueInteger")]
    | Annotated[FhirAnswerDate, Tag("valueDate")]
    | Annotated[FhirAnswerString, Tag("valueString")]
    | Annotated[FhirAnswerCoding, Tag("valueCoding")],
    _one_of(
        _value_key,
        "An answer has exactly one value: valueCoding, valueString, valueInteger, "
        "valueDecimal, valueDate or valueBoolean (and may have item)",
    ),
]
FhirExtensionPush = Annotated[
    Annotated[FhirExtensionString, Tag("valueString")]
    | Annotated[FhirExtensionBoolean, Tag("valueBoolean")]
    | Annotated[FhirExtensionCode, Tag("valueCode")],
    _one_of(
        _value_key, "An extension has a url and one value: valueString, valueBoolean or valueCode"
    ),
]
_ANSWERS = (
    "One value each: valueCoding (or valueString) for an option, valueInteger for a rating, "
    "valueDecimal or valueInteger for a number, valueDate, valueString, valueBoolean for yes/no"
)


class FhirItemPush(_Element):
    linkId: Annotated[str, StringConstraints(pattern=_NOT_BLANK, max_length=64)] = Field(  # noqa: N815
        description="The question's key"
    )
    definition: Uri | None = None
    text: Text | None = None
    text_translations: FhirTranslations | None = Field(default=None, alias="_text")
    answer: _list(FhirAnswerPush, _ANSWERS) | None = None  # type: ignore[valid-type]
    item: _list("FhirItemPush") | None = None  # type: ignore[valid-type]


class FhirQuestionnaireResponsePush(_Element):
    """A QuestionnaireResponse as a partner pushes it (see `GET /fhir/r4/metadata` for the
    mapping): Gwella's profile of FHIR R4, every element it takes named and closed."""

    resourceType: Literal["QuestionnaireResponse"]  # noqa: N815
    id: FhirId | None = None
    meta: FhirMetaPush | None = None
    language: Language | None = None
    identifier: FhirIdentifierPush
    questionnaire: Annotated[str, StringConstraints(pattern=_NO_SPACE, max_length=2000)] = Field(
        description="The Questionnaire's `url|version`, or `Questionnaire/{id}`; the `url` "
        "alone when exactly one version of it takes your organisation's pushes"
    )
    status: Literal[ACCEPTED_STATUSES] = Field(  # type: ignore[valid-type]
        description="Only finished answers are taken"
    )
    subject: FhirSubjectPush
    authored: Instant
    source: FhirSourcePush | None = None
    extension: _list(FhirExtensionPush) | None = None  # type: ignore[valid-type]
    item: _list(FhirItemPush) | None = None  # type: ignore[valid-type]


class FhirBundleRequestPush(_Element):
    method: Literal["POST"]
    url: Annotated[str, StringConstraints(pattern=_CREATE_URL)]


class FhirBundleEntryPush(_Element):
    """One entry: a QuestionnaireResponse to create. What only the database can judge (its
    Questionnaire, service and answers) is judged entry by entry, as FHIR's batch asks: a
    refused entry gets its own status and OperationOutcome in the batch-response (in a
    transaction it refuses the whole)."""

    fullUrl: Uri | None = None  # noqa: N815
    resource: FhirQuestionnaireResponsePush
    request: FhirBundleRequestPush


class FhirBundlePush(_Element):
    """A batch (each entry on its own) or transaction (all or none) of QuestionnaireResponses."""

    resourceType: Literal["Bundle"]  # noqa: N815
    id: FhirId | None = None
    meta: FhirMetaPush | None = None
    type: Literal["batch", "transaction"]
    entry: _list(FhirBundleEntryPush) | None = None  # type: ignore[valid-type]


FhirItemPush.model_rebuild()
for _answer in (
    FhirAnswerBoolean,
    FhirAnswerDecimal,
    FhirAnswerInteger,
    FhirAnswerDate,
    FhirAnswerString,
    FhirAnswerCoding,
):
    _answer.model_rebuild()
