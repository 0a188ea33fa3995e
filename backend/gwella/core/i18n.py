"""The API's own words in Welsh, chosen by the request's Accept-Language.

Problem titles (one per problem type) are translated here, so a Welsh page can show a Welsh
heading over an error summary. Details and field messages are still English: see the
closing notes of the project for that gap."""

from __future__ import annotations

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
