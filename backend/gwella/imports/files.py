"""Reading import files row by row (memory stays flat whatever the size) and turning rows
into the same items the JSON ingestion endpoints take."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import ijson

from gwella.core.csvfiles import read_cell
from gwella.core.surrogates import lone_surrogate
from gwella.imports.encodings import CODECS, UTF8_BOM
from gwella.instruments.content import InstrumentContent, QuestionType
from gwella.responses.template import COMMENT, MULTI_SEPARATOR, RESPONSE_FIELDS

MEASUREMENT_FIELDS = (
    "external_id",
    "indicator",
    "organisation",
    "service",
    "period_start",
    "period_end",
    "value",
    "numerator",
    "denominator",
)
MEASUREMENT_GUIDANCE = (
    f"{COMMENT} Allowed values (this row is skipped on import). external_id: optional, your "
    "system's id for this measurement (unique in your organisation): read it back, sync and "
    "retract by it",
    "The indicator's code, required",
    "Optional: the organisation, by id or scheme:code (your own when empty)",
    "Optional: one of the organisation's services, by id or code",
    "The period's first day, required: YYYY-MM-DD",
    "The period's last day, required: YYYY-MM-DD",
    "A number; or leave empty and give numerator and denominator",
    "Optional: a number, 0 or more (with denominator)",
    "Optional: a number above 0 (with numerator)",
)
csv.field_size_limit(1_000_000)
IGNORED_PREFIX = "gwella_"
"""Columns whose name starts so are Gwella's own notes (the refused-rows file's
``gwella_errors``): an import reads past them, so a corrected file is uploaded as it is."""


MAX_LINE_BYTES = 4 * 1_048_576
"""A longer line is refused as a row of its own without being held in memory."""


@dataclass(frozen=True)
class Unreadable:
    """A row that cannot be read, refused with its number: ``code`` says why."""

    code: str
    detail: str


Row = dict[str, Any] | Unreadable


@dataclass(frozen=True)
class Chunk:
    rows: list[tuple[int, Row]]
    """Each row with its number: the row of a CSV file as a spreadsheet numbers it (row 1 is
    the header, row 2 the first data row), the line of an NDJSON file (from 1)."""
    offset: int
    """The byte offset after the last row read: where the next chunk starts."""
    header: list[str] | None
    rows_read: int
    """Rows (lines of NDJSON) read so far, the header and blank ones included."""
    sources: dict[int, list[str]] = field(default_factory=dict)
    """A CSV row's cells exactly as in the file, by row number (a row that cannot be split
    into cells: its first line, as one cell; none for a row too long to hold)."""


class _LineTooLong(Exception):
    pass


class _Lines:
    """The physical lines of a file from where its handle stands, decoded; remembers where
    the first line since :meth:`mark` ends, so a row that cannot be read is refused alone and
    reading resumes on the next line."""

    def __init__(self, handle: BinaryIO, codec: str) -> None:
        self.handle = handle
        self.codec = codec
        self.first_end: int | None = None
        self.first_text = ""
        self.count = 0

    def mark(self) -> None:
        self.first_end, self.first_text, self.count = None, "", 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        raw = self.handle.readline(MAX_LINE_BYTES + 1)
        if not raw:
            raise StopIteration
        too_long = len(raw) > MAX_LINE_BYTES
        while too_long and not raw.endswith(b"\n"):  # skip the rest, a piece at a time
            raw = self.handle.readline(MAX_LINE_BYTES)
            if not raw:
                break
        self.count += 1
        if self.first_end is None:
            self.first_end = self.handle.tell()
        if too_long:
            raise _LineTooLong
        text = raw.decode(self.codec, errors="replace")
        if self.count == 1:
            self.first_text = text
        return text


def read_chunk(
    path: Path,
    fmt: str,
    *,
    offset: int,
    header: list[str] | None,
    rows_read: int,
    limit: int,
    encoding: str = "utf-8",
) -> Chunk:
    """Up to ``limit`` rows from byte ``offset`` on, numbered on from ``rows_read``. Resuming
    at a byte offset keeps every chunk O(chunk), whatever the file's size. Every row is
    accounted for: a row that cannot be read is an :class:`Unreadable`; blank rows are
    skipped but keep their number."""
    codec = CODECS.get(encoding, "utf-8")
    with path.open("rb") as handle:
        if offset == 0 and handle.read(len(UTF8_BOM)) == UTF8_BOM:
            offset = len(UTF8_BOM)  # a byte order mark is not part of the first row
        handle.seek(offset)
        if fmt != "csv":
            lines, position, rows_read = _ndjson_rows(handle, rows_read, limit)
            return Chunk(lines, position, header, rows_read)
        if header is None:
            first = handle.readline(MAX_LINE_BYTES).decode(codec, errors="replace")
            header = [h.strip() for h in next(csv.reader([first]), [])]
            rows_read = 1
        records, position, rows_read = _csv_rows(handle, codec, len(header), rows_read, limit)
        rows: list[tuple[int, Row]] = []
        sources: dict[int, list[str]] = {}
        for n, record, cells in records:
            if cells is not None:
                sources[n] = cells
            if isinstance(record, Unreadable):
                rows.append((n, record))
            else:
                rows.append((n, dict(zip(header, [read_cell(c) for c in record], strict=True))))
        return Chunk(rows, position, header, rows_read, sources)


def _csv_rows(
    handle: BinaryIO, codec: str, columns: int, rows_read: int, limit: int
) -> tuple[list[tuple[int, list[str] | Unreadable, list[str] | None]], int, int]:
    """Records as a spreadsheet sees them (a quoted cell may hold line breaks), read strictly:
    when a quote breaks a record, only its first line is refused and reading goes on from
    the next line, so a missing closing quote never swallows the rows after it. Each comes
    with its cells as in the file (see :attr:`Chunk.sources`)."""
    rows: list[tuple[int, list[str] | Unreadable, list[str] | None]] = []
    lines = _Lines(handle, codec)
    reader = csv.reader(lines, strict=True)
    position = handle.tell()
    while len(rows) < limit:
        lines.mark()
        problem: Unreadable | None = None
        try:
            record = next(reader)
        except StopIteration:
            break
        except _LineTooLong:
            problem = (
                _UNTERMINATED  # a quote left open ran on into a long line
                if lines.count > 1
                else Unreadable("row_too_long", f"The row is longer than {MAX_LINE_BYTES} bytes.")
            )
        except csv.Error as exc:
            problem = (
                _UNTERMINATED
                if lines.count > 1 or "unexpected end of data" in str(exc)
                else Unreadable("malformed_row", f"The row is not valid CSV: {exc}.")
            )
        else:
            if len(record) != columns and lines.count > 1:
                problem = _UNTERMINATED
        rows_read += 1
        if problem is not None:
            assert lines.first_end is not None
            text = lines.first_text.rstrip("\r\n")
            rows.append((rows_read, problem, [text] if text else None))
            position = lines.first_end
            handle.seek(position)
            reader = csv.reader(lines, strict=True)
            continue
        position = handle.tell()
        if not any(cell.strip() for cell in record):
            continue  # a blank row, or a row of empty cells as Excel writes after the data
        if record[0].startswith(COMMENT):
            continue  # a comment (the template's guidance row): skipped, keeping its number
        if len(record) != columns:
            detail = f"The row has {len(record)} cells; the header has {columns} columns."
            rows.append((rows_read, Unreadable("wrong_cell_count", detail), record))
        else:
            rows.append((rows_read, record, record))
    return rows, position, rows_read


_UNTERMINATED = Unreadable(
    "unterminated_quote",
    "A quoted cell that starts on this row is not closed where it should be (a missing "
    "closing quote?). This row is refused and the next line is read as the next row.",
)


_LONE_SURROGATE = (
    "Byte {} of the line starts a lone surrogate (an escape from \\ud800 to \\udfff "
    "without its pair), which is no text and cannot be stored."
)


def _ndjson_rows(
    handle: BinaryIO, rows_read: int, limit: int
) -> tuple[list[tuple[int, Row]], int, int]:
    rows: list[tuple[int, Row]] = []
    lines = _Lines(handle, "utf-8")
    while len(rows) < limit:
        try:
            line = next(lines)
        except StopIteration:
            break
        except _LineTooLong:
            rows_read += 1
            rows.append((rows_read, Unreadable("row_too_long", "The line is too long.")))
            continue
        rows_read += 1
        if not line.strip():
            continue
        at = lone_surrogate(line.encode())
        if at is not None:
            rows.append((rows_read, Unreadable("lone_surrogate", _LONE_SURROGATE.format(at))))
            continue
        try:
            parsed = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.append((rows_read, Unreadable("unreadable", f"not valid JSON: {exc.msg}")))
        else:
            rows.append(
                (rows_read, parsed)
                if isinstance(parsed, dict)
                else (rows_read, Unreadable("unreadable", "each line must be a JSON object"))
            )
    return rows, handle.tell(), rows_read


def _cell(value: str, qtype: QuestionType) -> Any:
    text = value.strip()
    if qtype is QuestionType.multiple_choice:
        return [v.strip() for v in text.split(MULTI_SEPARATOR) if v.strip()]
    if qtype is QuestionType.rating and text.lstrip("-").isdigit():
        return int(text)
    if qtype is QuestionType.number:
        try:
            return float(text) if any(c in text for c in ".eE") else int(text)
        except ValueError:
            return text  # left for validation to refuse with a clear message
    return text


def response_item_from_csv(row: dict[str, str], content: InstrumentContent) -> dict[str, Any]:
    """A CSV row (template columns, then one column per question key) as an ingest item."""
    types = {q.key: q.type for q in content.questions}
    item: dict[str, Any] = {
        "external_id": row.get("external_id", "").strip(),
        "service": row.get("service", "").strip(),
        "submitted_at": row.get("submitted_at", "").strip(),
        "language": (row.get("language") or "en").strip() or "en",
        "consent": (row.get("consent") or "").strip().lower() in ("true", "yes", "1"),
        "answers": {},
    }
    reference = (row.get("respondent_reference") or "").strip()
    if reference:
        item["respondent_reference"] = reference
    for key, value in row.items():
        if key in RESPONSE_FIELDS or value is None or not value.strip():
            continue
        if key.startswith(IGNORED_PREFIX):
            continue
        item["answers"][key] = _cell(value, types.get(key, QuestionType.free_text))
    return item


def measurement_item_from_csv(row: dict[str, str]) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for key in MEASUREMENT_FIELDS:
        value = (row.get(key) or "").strip()
        if value:
            item[key] = value
    return item


def bundle_to_ndjson(source: Path, target: Path) -> int:
    """Stream a FHIR Bundle's entry resources into an NDJSON file, one resource a line,
    without holding the bundle in memory (ijson). Returns the number of resources."""
    count = 0
    with source.open("rb") as handle, target.open("w", encoding="utf-8") as out:
        for resource in ijson.items(handle, "entry.item.resource", use_float=True):
            # ASCII: a lone surrogate (which ijson's C backend already turns into "?") stays
            # an escape, and its line is refused instead of failing the whole file
            out.write(json.dumps(resource, separators=(",", ":")))
            out.write("\n")
            count += 1
    return count
