"""Reading import files row by row (memory stays flat whatever the size) and turning rows
into the same items the JSON ingestion endpoints take."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ijson

from gwella.core.csvfiles import read_cell
from gwella.instruments.content import InstrumentContent, QuestionType
from gwella.responses.template import MULTI_SEPARATOR, RESPONSE_FIELDS

MEASUREMENT_FIELDS = (
    "indicator",
    "organisation",
    "service",
    "period_start",
    "period_end",
    "value",
    "numerator",
    "denominator",
)
csv.field_size_limit(1_000_000)


def read_chunk(
    path: Path, fmt: str, offset: int, header: list[str] | None, limit: int
) -> tuple[list[dict[str, Any]], int, list[str] | None]:
    """Up to ``limit`` rows from byte ``offset`` on; returns them, the offset after the last
    one, and the CSV header. Resuming at a byte offset keeps every chunk O(chunk), whatever
    the file's size. A row that cannot be read is ``{"__error__": message}``."""
    rows: list[dict[str, Any]] = []
    with path.open("rb") as handle:
        if fmt == "csv" and header is None:
            first = handle.readline()
            header = next(csv.reader([first.decode("utf-8-sig", errors="replace")]), [])
            header = [h.strip() for h in header]
            offset = handle.tell()
        handle.seek(offset)
        position = offset

        def lines() -> Iterator[str]:
            nonlocal position
            while True:
                raw = handle.readline()
                if not raw:
                    return
                position = handle.tell()
                yield raw.decode("utf-8", errors="replace")

        if fmt == "csv":
            assert header is not None
            for record in csv.reader(lines()):
                if not record or (len(record) == 1 and not record[0].strip()):
                    continue
                if len(record) != len(header):
                    rows.append({"__error__": "the row does not have one cell per column"})
                else:
                    cells = [read_cell(c) for c in record]
                    rows.append(dict(zip(header, cells, strict=True)))
                if len(rows) >= limit:
                    break
        else:
            for line in lines():
                if not line.strip():
                    continue
                try:
                    parsed = json.loads(line)
                except json.JSONDecodeError as exc:
                    rows.append({"__error__": f"not valid JSON: {exc.msg}"})
                else:
                    rows.append(
                        parsed
                        if isinstance(parsed, dict)
                        else {"__error__": "each line must be a JSON object"}
                    )
                if len(rows) >= limit:
                    break
    return rows, position, header


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
            out.write(json.dumps(resource, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
            count += 1
    return count
