"""The API's own words in Welsh, chosen by the request's Accept-Language.

Problem titles (one per problem type) are translated here, so a Welsh page can show a Welsh
heading over an error summary, and so are the field messages of the schemas' own checks
(required, too long, not a number...). The details and field messages of the service's own
rules are in Welsh too, from the catalogue in ``gwella.core.messages_cy``."""

from __future__ import annotations

from gwella.core import messages_cy

TITLES_CY = {
    "internal-error": "Gwall ar y gweinydd",
    "bad-request": "Cais gwael",
    "invalid-cursor": "Cyrchwr annilys",
    "unauthenticated": "Mae angen mewngofnodi",
    "forbidden": "Dim caniatâd",
    "not-found": "Heb ei ganfod",
    "method-not-allowed": "Dull heb ei ganiatáu",
    "conflict": "Gwrthdaro",
    "gone": "Ddim ar gael mwyach",
    "precondition-failed": "Mae'r cofnod wedi newid ers i chi ei ddarllen",
    "payload-too-large": "Mae corff y cais yn rhy fawr",
    "unsupported-media-type": "Math o gyfrwng heb ei gefnogi",
    "validation-failed": "Nid yw'r cais yn ddilys",
    "precondition-required": "Mae angen pennawd If-Match",
    "rate-limited": "Gormod o geisiadau",
    "service-unavailable": "Nid yw'r gwasanaeth ar gael dros dro",
    "invalid-grant": "Methodd mewngofnodi",
    "invalid-client": "Methodd dilysu'r cleient",
    "unsupported-grant-type": "Math o ganiatâd heb ei gefnogi",
    "campaign-not-open": "Nid yw'r arolwg ar agor",
    "access-code-refused": "Nid yw'r cod mynediad yn ddilys",
    "http-error": "Gwall",
}


def prefers_welsh(accept_language: str | None) -> bool:
    """Whether Welsh comes before English in the Accept-Language header (q-values honoured)."""
    if not accept_language:
        return False
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.strip().lower()))
    for _, _, tag in sorted(ranked):
        if tag.startswith("cy"):
            return True
        if tag.startswith("en"):
            return False
    return False


def title(slug: str, english: str, welsh: bool) -> str:
    return TITLES_CY.get(slug, english) if welsh else english


VALIDATION_DETAIL_CY = (
    "Nid yw rhywfaint o'r hyn a anfonoch yn ddilys; gweler y gwallau ar gyfer pob maes."
)

# Field messages for the checks the schemas make, by pydantic's error type. A message of the
# service's own rules (a value_error with its own words) is found in messages_cy instead.
FIELD_MESSAGES_CY = {
    "missing": "Mae angen y maes hwn.",
    "extra_forbidden": "Nid yw'r maes hwn yn cael ei dderbyn.",
    "string_type": "Rhaid i hwn fod yn destun.",
    "string_too_short": "Rhaid i hwn fod o leiaf {min_length} nod o hyd.",
    "string_too_long": "Ni all hwn fod yn hwy na {max_length} nod.",
    "string_pattern_mismatch": "Nid yw hwn yn y ffurf ddisgwyliedig.",
    "too_short": "Rhaid cael o leiaf {min_length} eitem.",
    "too_long": "Ni all fod mwy na {max_length} eitem.",
    "int_type": "Rhaid i hwn fod yn rhif cyfan.",
    "int_parsing": "Rhaid i hwn fod yn rhif cyfan.",
    "int_from_float": "Rhaid i hwn fod yn rhif cyfan.",
    "float_type": "Rhaid i hwn fod yn rhif.",
    "float_parsing": "Rhaid i hwn fod yn rhif.",
    "finite_number": "Rhaid i hwn fod yn rhif meidraidd.",
    "bool_type": "Rhaid i hwn fod yn wir neu'n anwir.",
    "bool_parsing": "Rhaid i hwn fod yn wir neu'n anwir.",
    "greater_than": "Rhaid i hwn fod yn fwy na {gt}.",
    "greater_than_equal": "Rhaid i hwn fod yn {ge} neu'n fwy.",
    "less_than": "Rhaid i hwn fod yn llai na {lt}.",
    "less_than_equal": "Rhaid i hwn fod yn {le} neu'n llai.",
    "enum": "Rhaid i hwn fod yn un o: {expected}.",
    "literal_error": "Rhaid i hwn fod yn un o: {expected}.",
    "uuid_type": "Nid yw hwn yn ddynodwr dilys (UUID).",
    "uuid_parsing": "Nid yw hwn yn ddynodwr dilys (UUID).",
    "date_type": "Nid yw hwn yn ddyddiad dilys (BBBB-MM-DD).",
    "date_parsing": "Nid yw hwn yn ddyddiad dilys (BBBB-MM-DD).",
    "date_from_datetime_parsing": "Nid yw hwn yn ddyddiad dilys (BBBB-MM-DD).",
    "datetime_type": "Nid yw hwn yn amser dilys.",
    "datetime_parsing": "Nid yw hwn yn amser dilys.",
    "datetime_from_date_parsing": "Nid yw hwn yn amser dilys.",
    "timezone_aware": "Rhaid i'r amser gynnwys cylchfa amser.",
    "url_type": "Nid yw hwn yn gyfeiriad gwe dilys.",
    "url_parsing": "Nid yw hwn yn gyfeiriad gwe dilys.",
    "url_scheme": "Nid yw'r math hwn o gyfeiriad gwe yn cael ei dderbyn.",
    "list_type": "Rhaid i hwn fod yn rhestr.",
    "dict_type": "Rhaid i hwn fod yn wrthrych.",
    "model_type": "Rhaid i hwn fod yn wrthrych.",
    "model_attributes_type": "Rhaid i hwn fod yn wrthrych.",
    "json_invalid": "Nid yw'r JSON yn ddilys.",
    "json_type": "Nid yw'r JSON yn ddilys.",
}


# The same checks in plain English: pydantic's own words ("String should match pattern
# '^[a-z]...'", "Field required") reach the people who fill in the SPA's forms otherwise.
FIELD_MESSAGES_EN = {
    "missing": "This is needed.",
    "extra_forbidden": "This field is not taken.",
    "string_type": "This must be text.",
    "string_too_short": "This must be at least {min_length} characters long.",
    "string_too_long": "This cannot be longer than {max_length} characters.",
    "string_pattern_mismatch": "This is not in the expected form.",
    "too_short": "There must be at least {min_length} items.",
    "too_long": "There cannot be more than {max_length} items.",
    "int_type": "This must be a whole number.",
    "int_parsing": "This must be a whole number.",
    "int_from_float": "This must be a whole number.",
    "float_type": "This must be a number.",
    "float_parsing": "This must be a number.",
    "finite_number": "This must be a finite number.",
    "bool_type": "This must be true or false.",
    "bool_parsing": "This must be true or false.",
    "greater_than": "This must be more than {gt}.",
    "greater_than_equal": "This must be {ge} or more.",
    "less_than": "This must be less than {lt}.",
    "less_than_equal": "This must be {le} or less.",
    "enum": "This must be one of: {expected}.",
    "literal_error": "This must be one of: {expected}.",
    "uuid_type": "This is not a valid identifier (UUID).",
    "uuid_parsing": "This is not a valid identifier (UUID).",
    "date_type": "This is not a valid date (YYYY-MM-DD).",
    "date_parsing": "This is not a valid date (YYYY-MM-DD).",
    "date_from_datetime_parsing": "This is not a valid date (YYYY-MM-DD).",
    "datetime_type": "This is not a valid time.",
    "datetime_parsing": "This is not a valid time.",
    "datetime_from_date_parsing": "This is not a valid time.",
    "timezone_aware": "The time must include a time zone.",
    "url_type": "This is not a valid web address.",
    "url_parsing": "This is not a valid web address.",
    "url_scheme": "This kind of web address is not taken.",
    "list_type": "This must be a list.",
    "dict_type": "This must be an object.",
    "model_type": "This must be an object.",
    "model_attributes_type": "This must be an object.",
    "json_invalid": "The JSON is not valid.",
    "json_type": "The JSON is not valid.",
}


# What the patterns people meet in forms ask for, in words (by the pattern itself): "not in
# the expected form" says nothing of the form.
PATTERN_MESSAGES = {
    r"^[a-z][a-z0-9_]*$": (
        "Start with a small letter (a to z), then use only small letters, digits and _.",
        "Dechreuwch gyda llythyren fach (a i z), yna defnyddiwch lythrennau bach, digidau a _ "
        "yn unig.",
    ),
    r"^[A-Za-z0-9._-]+$": (
        "Use only letters, digits and the signs . _ - (no spaces).",
        "Defnyddiwch lythrennau, digidau a'r arwyddion . _ - yn unig (dim bylchau).",
    ),
    r"^[A-Za-z0-9_.-]+$": (
        "Use only letters, digits and the signs . _ - (no spaces).",
        "Defnyddiwch lythrennau, digidau a'r arwyddion . _ - yn unig (dim bylchau).",
    ),
    r"^[A-Za-z0-9_-]+$": (
        "Use only letters, digits and the signs _ - (no spaces).",
        "Defnyddiwch lythrennau, digidau a'r arwyddion _ - yn unig (dim bylchau).",
    ),
}


def field_message(
    error_type: str, context: dict[str, object] | None, english: str, language: str = "cy"
) -> str:
    """A schema check's message in plain words, in Welsh or English: pydantic's message
    ``english`` only where neither catalogue has the check. A rule of the service's own (a
    ``value_error``) keeps its words, without pydantic's "Value error, " in front, and in
    Welsh where ``messages_cy`` has them."""
    welsh = language == "cy"
    if error_type == "value_error":
        own = english.removeprefix("Value error, ")
        return rule_message(own[:1].upper() + own[1:], welsh)
    if error_type == "string_pattern_mismatch":
        words = PATTERN_MESSAGES.get(str((context or {}).get("pattern")))
        if words:
            return words[1] if welsh else words[0]
    template = (FIELD_MESSAGES_CY if welsh else FIELD_MESSAGES_EN).get(error_type)
    if template is None:
        # A check of Gwella's own with its own type ("answer_type"): its words, translated.
        return rule_message(english, welsh)
    ctx = dict(context or {})
    if "expected" in ctx and welsh:
        ctx["expected"] = str(ctx["expected"]).replace(" or ", " neu ")
    try:
        return template.format(**ctx)
    except (KeyError, IndexError, ValueError):
        return english


def rule_message(english: str, welsh: bool) -> str:
    """The Welsh of one of the service's own messages (a problem's detail or a field message)
    where ``gwella.core.messages_cy`` has it, else the English."""
    return (messages_cy.translate(english) or english) if welsh else english
