"""The words of indicator alerts, in English and Welsh: a signal's nature, the special-cause
rule it breaks as a sentence says it, and a target met or missed."""

from __future__ import annotations

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
