"""What an import makes of the file itself: the bytes Excel writes (Windows-1252, UTF-8 with
or without a byte order mark), rows a quote breaks, the row numbers of refused rows, and the
uploaded file, which never outlives its job."""

from __future__ import annotations

import codecs
import json
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.core.database import utcnow
from gwella.imports import files
from gwella.imports import service as imports
from gwella.imports.models import ImportJob, ImportState
from gwella.indicators.models import Direction, Measurement
from gwella.responses.models import Answer, Response
from gwella.worker import Worker
from tests.factories import make_indicator
from tests.imports.test_imports import HEADER, arrange, csv_rows, run_worker
from tests.surveys import VALID_ANSWERS

WHEN = (utcnow() - timedelta(hours=2)).isoformat()
ACCENTED = "Caf\u00e9 tr\u00e8s bien \u2013 \u00a35, na\u00efve \u20ac"
"""Letters and signs of Windows-1252, two of which (the euro sign, the en dash) Latin-1 lacks."""


def row(external_id: str, comment: str, involved: str = "4") -> str:
    return (
        f"{external_id},CMHT-N,{WHEN},en,,,{involved},yes,7,nurse|doctor,3,2026-01-15,{comment}\n"
    )


async def post_bytes(
    client: httpx.AsyncClient,
    w: dict[str, Any],
    body: bytes,
    content_type: str = "text/csv",
    mode: str = "best_effort",
) -> httpx.Response:
    return await client.post(
        f"/api/v1/imports?kind=responses&mode={mode}&campaign_id={w['campaign'].id}",
        content=body,
        headers={**w["headers"], "Content-Type": content_type},
    )


async def comments(session: AsyncSession) -> dict[str, str | None]:
    rows = await session.execute(
        select(Response.external_id, Answer.text)
        .join(Answer, Answer.response_id == Response.id)
        .where(Answer.question_key == "comment")
    )
    return {str(external_id): text for external_id, text in rows}


async def errors_of(client: httpx.AsyncClient, w: dict[str, Any], job_id: Any) -> list[list[str]]:
    r = await client.get(f"/api/v1/imports/{job_id}/errors.csv", headers=w["headers"])
    assert r.status_code == 200
    return [line.split(",", 3)[:3] for line in r.text.strip().splitlines()[1:]]


# ------------------------------------------------------------------------------ encodings


@pytest.mark.parametrize(
    "content_type",
    ["text/csv; charset=windows-1252", 'text/csv;charset="CP1252"', "text/csv; charset=ISO-8859-1"],
)
async def test_a_declared_windows_1252_file_keeps_its_accents(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
    content_type: str,
) -> None:
    w = await arrange(client, session)
    body = (HEADER + row("PAS-1", f'"{ACCENTED}"')).replace("\n", "\r\n").encode("cp1252")
    r = await post_bytes(client, w, body, content_type)
    assert r.status_code == 202, r.text
    assert r.json()["encoding"] == "windows-1252"
    job = await run_worker(sessionmaker)
    assert job is not None
    assert job.summary["imported"] == 1, await errors_of(client, w, job.id)
    assert await comments(session) == {"PAS-1": ACCENTED}


async def test_an_undeclared_excel_file_is_read_as_windows_1252(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    """What Excel's "CSV (Comma delimited)" writes, uploaded by a browser (no charset)."""
    w = await arrange(client, session)
    body = (HEADER + row("PAS-1", f'"{ACCENTED}"')).replace("\n", "\r\n").encode("cp1252")
    r = await post_bytes(client, w, body)
    assert r.status_code == 202, r.text
    assert r.json()["encoding"] == "windows-1252"
    await run_worker(sessionmaker)
    assert await comments(session) == {"PAS-1": ACCENTED}


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["no-bom", "bom"])
async def test_utf8_is_read_with_or_without_a_byte_order_mark(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
    bom: bytes,
) -> None:
    w = await arrange(client, session)
    welsh = "Gwasanaeth gw\u0175ych, diolch \u2013 \u0177"  # ŵ and ŷ: not in Windows-1252
    body = bom + (HEADER + row("PAS-1", f'"{welsh}"')).encode()
    r = await post_bytes(client, w, body)
    assert r.status_code == 202, r.text
    assert r.json()["encoding"] == "utf-8"
    job = await run_worker(sessionmaker)
    assert job is not None
    assert job.summary["imported"] == 1, await errors_of(client, w, job.id)
    assert await comments(session) == {"PAS-1": welsh}


async def test_a_byte_order_mark_outranks_a_declared_charset(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    body = b"\xef\xbb\xbf" + (HEADER + row("PAS-1", ACCENTED.replace(",", ""))).encode()
    r = await post_bytes(client, w, body, "text/csv; charset=windows-1252")
    assert r.json()["encoding"] == "utf-8"
    await run_worker(sessionmaker)
    assert await comments(session) == {"PAS-1": ACCENTED.replace(",", "")}


@pytest.mark.parametrize(
    ("content_type", "body", "status", "needle"),
    [
        ("text/csv; charset=utf-16", HEADER.encode("utf-16"), 415, "utf-16"),
        ("text/csv; charset=koi8-r", HEADER.encode(), 415, "koi8-r"),
        ("application/x-ndjson; charset=windows-1252", b"{}\n", 415, "utf-8"),
        # declared UTF-8, but Windows-1252 bytes
        ("text/csv; charset=utf-8", (HEADER + row("P", "caf\u00e9")).encode("cp1252"), 422, "byte"),
        # declared Windows-1252, but a byte Windows-1252 does not define
        ("text/csv; charset=windows-1252", HEADER.encode() + b"\x81\n", 422, "byte"),
        # not declared: UTF-16 (Excel's "Unicode text") is named, not misread
        ("text/csv", HEADER.encode("utf-16"), 415, "UTF-16"),
        # lines ended by a carriage return alone (Excel's "CSV (Macintosh)")
        ("text/csv", (HEADER + row("P", "fine")).replace("\n", "\r").encode(), 422, "carriage"),
        # JSON is UTF-8 (RFC 8259)
        ("application/x-ndjson", '{"indicator": "caf\u00e9"}\n'.encode("cp1252"), 422, "UTF-8"),
    ],
)
async def test_files_in_an_encoding_gwella_cannot_read_are_refused_and_not_kept(
    client: httpx.AsyncClient,
    session: AsyncSession,
    import_dir: Path,
    content_type: str,
    body: bytes,
    status: int,
    needle: str,
) -> None:
    w = await arrange(client, session)
    r = await post_bytes(client, w, body, content_type)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    problem = r.json()
    assert needle.lower() in problem["detail"].lower()
    assert "windows-1252" in problem["detail"] or "UTF-8" in problem["detail"]
    assert not import_dir.exists() or list(import_dir.iterdir()) == []
    assert await session.scalar(select(func.count()).select_from(ImportJob)) == 0


# ------------------------------------------------------------------ rows and their numbers


async def test_an_unterminated_quote_refuses_its_row_and_the_next_rows_still_import(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    body = (
        HEADER
        + row("PAS-0", '"Kind, and on time"')
        + row("PAS-1", '"Kind and on time')  # the closing quote is missing
        + row("PAS-2", '"Kind, and on time"')
        + row("PAS-3", "Fine")
    )
    await post_bytes(client, w, body.encode())
    job = await run_worker(sessionmaker)
    assert job is not None
    assert job.state is ImportState.completed_with_errors
    assert await errors_of(client, w, job.id) == [["3", "", "unterminated_quote"]]
    assert job.summary == {"imported": 3, "updated": 0, "ignored": 0, "rejected": 1}
    assert job.rows_processed == job.rows_total == 4
    assert await comments(session) == {
        "PAS-0": "Kind, and on time",
        "PAS-2": "Kind, and on time",
        "PAS-3": "Fine",
    }


async def test_a_quote_left_open_to_the_end_of_the_file_swallows_nothing(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    body = HEADER + row("PAS-1", '"Kind') + "".join(row(f"PAS-{i}", "Fine") for i in range(2, 6))
    await post_bytes(client, w, body.encode())
    job = await run_worker(sessionmaker)
    assert job is not None
    assert await errors_of(client, w, job.id) == [["2", "", "unterminated_quote"]]
    assert job.summary == {"imported": 4, "updated": 0, "ignored": 0, "rejected": 1}


async def test_a_cell_with_line_breaks_is_one_row_as_a_spreadsheet_shows_it(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    """Excel writes a cell typed with Alt+Enter as a quoted cell over several lines: it is
    one row (row 2 here), so the refused row after it is row 3, as Excel numbers it."""
    w = await arrange(client, session)
    body = (
        HEADER
        + row("PAS-1", '"First line\r\nsecond, line"').replace("\n", "\r\n").replace("\r\r", "\r")
        + row("PAS-2", "Fine", involved="9")
    )
    await post_bytes(client, w, body.encode())
    job = await run_worker(sessionmaker)
    assert job is not None
    assert await errors_of(client, w, job.id) == [["3", "PAS-2", "invalid"]]
    assert await comments(session) == {"PAS-1": "First line\r\nsecond, line"}


async def test_refused_rows_are_numbered_as_in_the_file_in_best_effort_mode(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    """Row 1 is the header and row 2 the first data row, as a spreadsheet numbers them;
    blank rows (and Excel's rows of empty cells) are skipped but keep their number."""
    w = await arrange(client, session)
    body = (
        HEADER
        + row("PAS-1", "Fine", involved="9")  # row 2
        + row("PAS-2", "Fine")  # row 3
        + "\n"  # row 4
        + ",,,,,,,,,,,,\n"  # row 5
        + row("PAS-3", "Fine", involved="9")  # row 6
        + "short,row\n"  # row 7
    )
    await post_bytes(client, w, body.encode())
    job = await run_worker(sessionmaker)
    assert job is not None
    assert await errors_of(client, w, job.id) == [
        ["2", "PAS-1", "invalid"],
        ["6", "PAS-3", "invalid"],
        ["7", "", "wrong_cell_count"],
    ]
    assert job.summary == {"imported": 1, "updated": 0, "ignored": 0, "rejected": 3}


@pytest.mark.parametrize("chunk_rows", [1000, 2])
async def test_refused_rows_are_numbered_the_same_way_in_atomic_mode(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    chunk_rows: int,
) -> None:
    monkeypatch.setattr(imports, "CHUNK_ROWS", chunk_rows)
    w = await arrange(client, session)
    await post_bytes(client, w, (HEADER + csv_rows(5, bad_every=3)).encode(), mode="atomic")
    failed = await run_worker(sessionmaker)
    assert failed is not None
    assert failed.state is ImportState.failed
    assert await errors_of(client, w, failed.id) == [
        ["2", "PAS-0", "invalid"],
        ["5", "PAS-3", "invalid"],
    ]
    assert failed.summary["rejected"] == 2


@pytest.mark.parametrize("chunk_rows", [1000, 2])
async def test_an_atomic_import_refuses_no_row_of_a_good_file(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    chunk_rows: int,
) -> None:
    monkeypatch.setattr(imports, "CHUNK_ROWS", chunk_rows)
    w = await arrange(client, session)
    await post_bytes(client, w, (HEADER + csv_rows(5)).encode(), mode="atomic")
    job = await run_worker(sessionmaker)
    assert job is not None
    assert job.state is ImportState.completed
    assert await errors_of(client, w, job.id) == []
    assert job.summary == {"imported": 5, "updated": 0, "ignored": 0, "rejected": 0}
    assert job.rows_processed == job.rows_total == 5
    assert await session.scalar(select(func.count()).select_from(Response)) == 5


async def test_ndjson_errors_give_the_line_number(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    await make_indicator(session, "WAIT", unit="days", direction=Direction.lower_is_better)
    good = [
        json.dumps(
            {
                "indicator": "WAIT",
                "period_start": f"2026-0{m}-01",
                "period_end": f"2026-0{m}-28",
                "value": m,
            }
        )
        for m in range(1, 4)
    ]
    body = "\n".join([good[0], "not json", "", good[1], "[1]", good[2]]) + "\n"
    r = await client.post(
        "/api/v1/imports?kind=measurements",
        content=body.encode(),
        headers={**w["headers"], "Content-Type": "application/x-ndjson"},
    )
    assert r.status_code == 202
    job = await run_worker(sessionmaker)
    assert job is not None
    assert await errors_of(client, w, job.id) == [["2", "", "unreadable"], ["5", "", "unreadable"]]
    assert job.summary == {"imported": 3, "updated": 0, "ignored": 0, "rejected": 2}


async def test_a_measurement_csv_carries_external_ids_from_text_cells(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    """The template's external_id column is stored as a JSON push's is (read back, synced
    and retracted by it), and number and date cells are read from text."""
    w = await arrange(client, session)
    await make_indicator(session, "WAIT", unit="days", direction=Direction.lower_is_better)
    template = await client.get("/api/v1/ingest/measurements/template.csv", headers=w["headers"])
    body = template.text + "csv-1,WAIT,,,2026-01-01,2026-01-31, 12.5 ,,\r\n"
    body += "csv-2,WAIT,,,2026-02-01,2026-02-28,1e1,,\r\n"
    r = await client.post(
        "/api/v1/imports?kind=measurements",
        content=body.encode(),
        headers={**w["headers"], "Content-Type": "text/csv"},
    )
    assert r.status_code == 202, r.text
    job = await run_worker(sessionmaker)
    assert job is not None
    assert job.summary["imported"] == 2, job.summary
    stored = await session.execute(
        select(Measurement.external_id, Measurement.value).order_by(Measurement.period_start)
    )
    assert [tuple(row) for row in stored] == [("csv-1", 12.5), ("csv-2", 10.0)]


# ----------------------------------------------------------------------- the stored file


async def test_the_file_of_a_failed_import_is_removed(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    await post_bytes(client, w, (HEADER + csv_rows(3, bad_every=2)).encode(), mode="atomic")
    assert len(list(import_dir.iterdir())) == 1
    failed = await run_worker(sessionmaker)
    assert failed is not None
    assert failed.state is ImportState.failed
    assert list(import_dir.iterdir()) == []

    broken = await client.post(
        "/api/v1/imports?kind=responses",
        content=b'{"resourceType": [',
        headers={**w["headers"], "Content-Type": "application/fhir+json"},
    )
    assert broken.status_code == 202
    not_fhir = await run_worker(sessionmaker)
    assert not_fhir is not None
    assert not_fhir.state is ImportState.failed
    assert list(import_dir.iterdir()) == []


async def test_housekeeping_removes_orphan_files_older_than_a_day(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
    app: Any,
) -> None:
    w = await arrange(client, session)
    # A queued job whose worker has been away for two days keeps its file.
    await post_bytes(client, w, (HEADER + csv_rows(1)).encode())
    (queued,) = list(import_dir.iterdir())
    old_orphan = import_dir / "left-by-a-crash.upload"
    old_orphan.write_bytes(b"personal data")
    new_orphan = import_dir / "still-arriving.upload"
    new_orphan.write_bytes(b"an upload in progress")
    two_days_ago = (utcnow() - timedelta(days=2)).timestamp()
    for path in (queued, old_orphan):
        os.utime(path, (two_days_ago, two_days_ago))

    await Worker(app.state.settings, sessionmaker)._prune_now_and_then(utcnow())

    assert sorted(import_dir.iterdir()) == sorted([queued, new_orphan])
    job = await run_worker(sessionmaker)
    assert job is not None
    assert job.summary["imported"] == 1


# -------------------------------------------------------------- the reader, chunk by chunk


def read_all(path: Path, fmt: str, limit: int, encoding: str = "utf-8") -> list[tuple[int, Any]]:
    """Every row of a file, read in chunks of ``limit`` rows as the worker does."""
    rows: list[tuple[int, Any]] = []
    offset, header, rows_read = 0, None, 0
    while True:
        chunk = files.read_chunk(
            path,
            fmt,
            offset=offset,
            header=header,
            rows_read=rows_read,
            limit=limit,
            encoding=encoding,
        )
        if not chunk.rows:
            return rows
        rows += [
            (n, r.code if isinstance(r, files.Unreadable) else r["external_id"])
            for n, r in chunk.rows
        ]
        offset, header, rows_read = chunk.offset, chunk.header, chunk.rows_read


def test_rows_keep_their_numbers_whatever_the_chunk_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_LINE_BYTES", 400)
    path = tmp_path / "file.upload"
    body = (
        HEADER
        + row("PAS-1", '"two\r\nlines"')  # 2
        + "\r\n"  # 3: blank
        + row("PAS-4", '"never closed')  # 4
        + row("PAS-5", "fine")  # 5
        + row("PAS-6", "x" * 500)  # 6: too long to hold
        + row("PAS-7", '"quoted"text')  # 7: text after a closing quote
        + row("PAS-8", '"caf\u00e9"')  # 8
    )
    path.write_bytes(codecs.BOM_UTF8 + body.encode())
    expected = [
        (2, "PAS-1"),
        (4, "unterminated_quote"),
        (5, "PAS-5"),
        (6, "row_too_long"),
        (7, "malformed_row"),
        (8, "PAS-8"),
    ]
    for limit in (1, 2, 1000):
        assert read_all(path, "csv", limit) == expected, limit
    path.write_bytes(body.encode("cp1252"))
    assert read_all(path, "csv", 3, "windows-1252") == expected


def ndjson_item(external_id: str, comment: str) -> str:
    answers = {**VALID_ANSWERS, "comment": comment}
    item = {"external_id": external_id, "service": "CMHT-N", "submitted_at": WHEN}
    return json.dumps({**item, "answers": answers}) + "\n"


async def test_a_lone_surrogate_refuses_its_line_not_the_import(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    """``"\\ud800"`` is valid JSON but no text: it cannot be stored, so its line is refused
    and the others import (a pair, as an emoji is written, is one character and is kept)."""
    w = await arrange(client, session)
    body = (
        ndjson_item("PAS-1", "Fine \U0001f600")
        + ndjson_item("PAS-2", "Broken \ud800 text")
        + ndjson_item("PAS-3", "Fine")
    )
    assert "\\ud800" in body
    assert "\\ud83d\\ude00" in body
    r = await post_bytes(client, w, body.encode(), "application/x-ndjson")
    assert r.status_code == 202, r.text
    job = await run_worker(sessionmaker)
    assert job is not None
    assert job.state is ImportState.completed_with_errors, job.failure_reason
    assert await errors_of(client, w, job.id) == [["2", "", "lone_surrogate"]]
    assert await comments(session) == {"PAS-1": "Fine \U0001f600", "PAS-3": "Fine"}
