"""A response as a CSV row: the columns of the import template and of the raw export (an
export can be read back by an import)."""

from __future__ import annotations

from gwella.instruments.content import InstrumentContent

RESPONSE_FIELDS = (
    "external_id",
    "service",
    "submitted_at",
    "language",
    "respondent_reference",
    "consent",
)
MULTI_SEPARATOR = "|"
"""Joins the options of a multiple-choice answer in a cell."""


def response_template(content: InstrumentContent) -> list[str]:
    return [*RESPONSE_FIELDS, *(q.key for q in content.questions)]
