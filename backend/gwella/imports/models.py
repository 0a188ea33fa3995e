"""Import jobs: a file of responses or measurements, processed in the background."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Enum, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gwella.core.database import Base, IdMixin, utcnow


class ImportState(enum.StrEnum):
    queued = "queued"
    running = "running"
    completed = "completed"
    """Every row was taken (imported, updated, or already stored)."""
    completed_with_errors = "completed_with_errors"
    """Some rows were taken, some refused (listed at the job's errors and refused rows)."""
    failed = "failed"
    """Nothing was taken: every row refused, no rows, an unreadable file, or an atomic
    import with a refused row; ``failure_reason`` says which."""


class ImportJob(IdMixin, Base):
    __tablename__ = "import_jobs"
    __table_args__ = (Index("ix_import_jobs_state_created", "state", "created_at"),)

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    format: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str] = mapped_column(String(16))
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="RESTRICT")
    )
    file_path: Mapped[str] = mapped_column(String(500))
    file_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    actor_type: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[uuid.UUID | None] = mapped_column()
    actor_label: Mapped[str] = mapped_column(String(320))
    state: Mapped[ImportState] = mapped_column(
        Enum(ImportState, native_enum=False, length=24, validate_strings=True),
        default=ImportState.queued,
    )
    phase: Mapped[str] = mapped_column(String(16), default="apply")
    """``check`` (the first, read-only pass of an atomic import) or ``apply``."""
    rows_total: Mapped[int] = mapped_column(Integer, default=0)
    rows_processed: Mapped[int] = mapped_column(Integer, default=0)
    byte_offset: Mapped[int] = mapped_column(BigInteger, default=0)
    """Where the next chunk starts in the file: the checkpoint a resumed job continues from."""
    header: Mapped[list[str] | None] = mapped_column()
    rows_read: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Rows (NDJSON lines) read up to ``byte_offset``, the header and blank rows included:
    the next row's number is one more."""
    encoding: Mapped[str] = mapped_column(String(16), default="utf-8", server_default="utf-8")
    """The encoding the file is read in: declared in the upload's charset, or detected."""
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    batch: Mapped[dict[str, Any] | None] = mapped_column()
    """The tally of what the import stored so far, for its one ``responses.ingested`` event
    (:func:`gwella.responses.batches.part`), kept with each chunk and announced at its end."""
    failure_reason: Mapped[str | None] = mapped_column(Text)
    locked_by: Mapped[str | None] = mapped_column(String(64))
    locked_until: Mapped[datetime | None] = mapped_column()
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column()


class ImportRowError(IdMixin, Base):
    __tablename__ = "import_row_errors"
    __table_args__ = (Index("ix_import_row_errors_job_row", "job_id", "row"),)

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("import_jobs.id", ondelete="CASCADE"))
    row: Mapped[int] = mapped_column(Integer)
    external_id: Mapped[str | None] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text)
    field: Mapped[str | None] = mapped_column(String(200))
    cells: Mapped[list[str] | None] = mapped_column()
    """The refused row's cells exactly as read from a CSV file (before any apostrophe that
    guards a formula is taken off), on the row's first error: the refused-rows file gives
    them back. For a row that could not be split into cells, its line's text as one cell."""
