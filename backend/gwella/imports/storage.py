"""The files of imports: an upload written to disk as it arrives (its size, digest, lines and
encoding learnt on the way), and the removal of what an upload left behind: files that no
job will read any more, and the refused rows' cells once their job is a day over."""

from __future__ import annotations

import asyncio
import hashlib
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.errors import PayloadTooLarge
from gwella.imports import encodings
from gwella.imports.encodings import Encoding
from gwella.imports.models import ImportJob, ImportRowError, ImportState


@dataclass(frozen=True)
class ReceivedFile:
    path: Path
    size: int
    sha256: str
    lines: int
    encoding: Encoding


async def receive_file(
    stream: AsyncIterator[bytes],
    directory: Path,
    max_bytes: int,
    *,
    fmt: str = "csv",
    declared: Encoding | None = None,
) -> ReceivedFile:
    """Write the upload to disk as it arrives, learning its size, digest, lines and encoding
    on the way (see :mod:`gwella.imports.encodings`). A file that is refused is not kept."""
    await asyncio.to_thread(directory.mkdir, parents=True, exist_ok=True)
    path = directory / f"{uuid.uuid4()}.upload"
    digest = hashlib.sha256()
    sniffer = encodings.Sniffer(fmt, declared)
    size = lines = 0
    last = b""
    out = await asyncio.to_thread(path.open, "wb")
    try:
        async for chunk in stream:
            size += len(chunk)
            if size > max_bytes:
                raise PayloadTooLarge(f"The file is larger than {max_bytes} bytes.")
            digest.update(chunk)
            sniffer.feed(chunk)
            lines += chunk.count(b"\n")
            await asyncio.to_thread(out.write, chunk)
            if chunk:
                last = chunk[-1:]
        out.close()
        encoding = sniffer.decide()
    except BaseException:
        out.close()
        await asyncio.to_thread(path.unlink, missing_ok=True)
        raise
    if size and last != b"\n":
        lines += 1
    return ReceivedFile(path, size, digest.hexdigest(), lines, encoding)


ORPHAN_AGE = timedelta(days=1)
"""An upload no live job reads and nobody has written to for this long is left over (a
process that died between a job's end and removing its file, an upload cut short) and goes."""
STORED_SUFFIXES = frozenset({".upload", ".ndjson"})


async def remove_orphan_files(
    session: AsyncSession, directory: Path, now: datetime, older_than: timedelta = ORPHAN_AGE
) -> int:
    """Remove the files Gwella stored in ``directory`` that no queued or running job reads
    and that are older than ``older_than``; returns how many went. Only Gwella's own kinds
    of file are touched, whatever else an operator keeps there."""
    paths = list(
        await session.scalars(
            select(ImportJob.file_path).where(
                ImportJob.state.in_([ImportState.queued, ImportState.running])
            )
        )
    )
    cutoff = (now - older_than).timestamp()

    def sweep(live: set[Path]) -> int:
        if not directory.is_dir():
            return 0
        removed = 0
        for path in directory.iterdir():
            try:
                if (
                    path.suffix not in STORED_SUFFIXES
                    or not path.is_file()
                    or path.resolve() in live
                    or path.stat().st_mtime >= cutoff
                ):
                    continue
                path.unlink()
            except FileNotFoundError:  # removed meanwhile by the job that read it
                continue
            removed += 1
        return removed

    return await asyncio.to_thread(lambda: sweep({Path(p).resolve() for p in paths}))


CELLS_KEPT = ORPHAN_AGE
"""A refused row's cells (``import_row_errors.cells``, the upload's own values, personal
data) are kept this long after their job ends, for the refused-rows file, as long as an
upload may be kept, then removed. The errors themselves (row number, external id, code,
field, reason) stay."""


def cells_kept(job: ImportJob, now: datetime) -> bool:
    """Whether the job's refused rows still have their cells (the refused-rows file)."""
    return job.finished_at is None or job.finished_at > now - CELLS_KEPT


async def remove_refused_cells(session: AsyncSession, now: datetime) -> int:
    """Remove the cells of the refused rows of jobs that ended more than :data:`CELLS_KEPT`
    ago; returns how many rows lost theirs. Safe from several workers at once."""
    ended = select(ImportJob.id).where(ImportJob.finished_at <= now - CELLS_KEPT)
    result = await session.execute(
        update(ImportRowError)
        .where(ImportRowError.cells.is_not(None), ImportRowError.job_id.in_(ended))
        .values(cells=None)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def import_dir(base: Path) -> Path:
    return base if base.is_absolute() else Path(os.getcwd()) / base
