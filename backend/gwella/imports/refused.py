"""The refused rows of an import, read a page at a time (flat memory whatever their number),
and, for a CSV import, as a CSV file: the header, then each refused row as it was in the
uploaded file (same columns, same order, same values), with what was wrong in a trailing
``gwella_errors`` column. Fix the cells and upload the file again as it is: imports read past
``gwella_`` columns."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.core.csvfiles import write_raw_csv_line
from gwella.imports.files import IGNORED_PREFIX
from gwella.imports.models import ImportRowError

ERRORS_COLUMN = f"{IGNORED_PREFIX}errors"


ERRORS_PAGE = 500


async def row_errors_page(
    session: AsyncSession,
    job_id: uuid.UUID,
    after: tuple[int, uuid.UUID] | None = None,
    limit: int = ERRORS_PAGE,
) -> list[ImportRowError]:
    """A job's row errors in row order, ``limit`` at a time from after ``(row, id)``: read a
    page at a time, a job with a million refused rows is listed in flat memory."""
    stmt = select(ImportRowError).where(ImportRowError.job_id == job_id)
    if after is not None:
        row, error_id = after
        stmt = stmt.where(
            (ImportRowError.row > row)
            | ((ImportRowError.row == row) & (ImportRowError.id > error_id))
        )
    stmt = stmt.order_by(ImportRowError.row, ImportRowError.id).limit(limit)
    return list(await session.scalars(stmt))


async def row_errors(
    sessionmaker: async_sessionmaker[AsyncSession], job_id: uuid.UUID
) -> AsyncIterator[ImportRowError]:
    """Every row error of a job, in row order, a page at a time, each page in a session of its
    own (so a download streamed after the request's transaction has ended still reads)."""
    after: tuple[int, uuid.UUID] | None = None
    while True:
        async with sessionmaker() as session:
            page = await row_errors_page(session, job_id, after)
        for error in page:
            yield error
        if len(page) < ERRORS_PAGE:
            return
        after = (page[-1].row, page[-1].id)


def reasons(errors: Sequence[ImportRowError]) -> str:
    """Each problem of a row as ``code (field): detail``, one a line."""
    return "\n".join(
        f"{e.code} ({e.field}): {e.detail}" if e.field else f"{e.code}: {e.detail}" for e in errors
    )


async def refused_rows_csv(
    header: list[str], errors: AsyncIterator[ImportRowError]
) -> AsyncIterator[str]:
    """The lines of the refused-rows file from a job's header and its errors in row order.
    A file that already had a ``gwella_errors`` column (a refused-rows file uploaded again)
    has it filled anew rather than a second one added."""
    at = header.index(ERRORS_COLUMN) if ERRORS_COLUMN in header else len(header)
    columns = header if at < len(header) else [*header, ERRORS_COLUMN]
    yield write_raw_csv_line(columns)
    row: int | None = None
    cells: list[str] | None = None
    problems: list[ImportRowError] = []
    async for error in errors:
        if error.row != row:
            if row is not None:
                yield _line(cells, problems, at)
            row, cells, problems = error.row, None, []
        cells = cells or error.cells
        problems.append(error)
    if row is not None:
        yield _line(cells, problems, at)


def _line(cells: list[str] | None, problems: list[ImportRowError], at: int) -> str:
    values = list(cells or [])
    if len(values) < at:  # a short row, or one too long to keep: the reasons in their column
        values += [""] * (at - len(values))
    return write_raw_csv_line([*values[:at], reasons(problems), *values[at + 1 :]])
