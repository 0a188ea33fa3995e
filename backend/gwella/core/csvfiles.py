"""Writing CSV that spreadsheets open safely, and reading back what was written."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

# A cell a spreadsheet would run as a formula (CSV injection): = + - @ tab or carriage return
# first, after any apostrophes. Exports prefix one apostrophe (so the spreadsheet shows it as
# text) and imports take one off, so an export imported again gives back exactly what was
# typed. Numbers such as -3 are left alone: they are not formulas.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def inert_cell(value: Any) -> Any:
    if isinstance(value, str) and _FORMULA.match(value) and not _is_number(value):
        return "'" + value
    return value


def read_cell(value: str) -> str:
    """The inverse of :func:`inert_cell` for a cell read from a CSV file."""
    if value.startswith("'") and _FORMULA.match(value[1:]) and not _is_number(value[1:]):
        return value[1:]
    return value


def write_csv_line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([inert_cell(v) for v in values])
    return buffer.getvalue()


def guard_cell(raw: str) -> str:
    """A cell read from a file, to be written back so that importing it again reads the same
    value: a formula the file left unguarded gets an apostrophe (a spreadsheet shows it as
    text, and an import takes it off), and a cell already guarded is left exactly as it was."""
    if raw[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(raw):
        return "'" + raw
    return raw


def write_raw_csv_line(values: list[str]) -> str:
    """A row of cells as read from a file, each through :func:`guard_cell`."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([guard_cell(v) for v in values])
    return buffer.getvalue()
