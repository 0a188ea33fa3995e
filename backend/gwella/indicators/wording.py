"""The words of indicator alerts, in English and Welsh: a signal's nature, the special-cause
rule it breaks as a sentence says it, a target met or missed, and a signal's notification."""

from __future__ import annotations

from datetime import date

from gwella.core.vocabulary import long_date, with_unit
from gwella.indicators.models import Indicator

TARGET_MET_CY = "cyrraedd y targed"
TARGET_MISSED_CY = "methu'r targed"
NATURE_EN = {"improvement": "improvement", "concern": "concern", "neutral": "neither"}
NATURE_CY = {"improvement": "gwelliant", "concern": "pryder", "neutral": "y naill na'r llall"}

# Which special-cause rule a point breaks, as a sentence says it (English, Welsh).
RULE_WORDS = {
    "outside_limits": (
        "a point outside the process limits",
        "pwynt y tu allan i derfynau'r broses",
    ),
    "trend": (
        "a run of points each higher, or each lower, than the one before",
        "rhediad o bwyntiau, pob un yn uwch, neu pob un yn is, na'r un o'i flaen",
    ),
    "two_of_three": (
        "two of three points close to a process limit",
        "dau o dri phwynt yn agos at un o derfynau'r broses",
    ),
    "shift": (
        "a run of points on one side of the mean",
        "rhediad o bwyntiau ar un ochr i'r cymedr",
    ),
}


def signal_texts(
    indicator: Indicator, period_end: date, value: float, rule: str, nature: str
) -> tuple[dict[str, str], dict[str, str]]:
    """The title and body of an indicator-signal notification, in English and Welsh, the
    value with its unit as the web app writes it ("74%", "43 diwrnod")."""
    name = indicator.name
    rule_en, rule_cy = RULE_WORDS[rule]
    shown = {lang: with_unit(f"{value:g}", indicator.unit, lang) for lang in ("en", "cy")}
    title = {
        "en": f"{name.get('en', indicator.code)}: a special cause ({NATURE_EN[nature]})",
        "cy": f"{name.get('cy', indicator.code)}: achos arbennig ({NATURE_CY[nature]})",
    }
    body = {
        "en": f"The value for the period ending {long_date(period_end, 'en')} "
        f"({shown['en']}) is a special cause: {rule_en}.",
        "cy": f"Mae'r gwerth ar gyfer y cyfnod sy'n dod i ben ar "
        f"{long_date(period_end, 'cy')} ({shown['cy']}) yn achos arbennig: {rule_cy}.",
    }
    return title, body
