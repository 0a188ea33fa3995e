from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import Field

from gwella.core.pagination import Page
from gwella.core.schemas import ApiModel, ReadModel
from gwella.imports.models import ImportState


class ImportCounts(ApiModel):
    imported: int = 0
    updated: int = 0
    ignored: int = 0
    rejected: int = 0


class ImportJobRead(ReadModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    kind: Literal["responses", "measurements"]
    format: Literal["csv", "ndjson", "fhir"]
    mode: Literal["best_effort", "atomic"]
    campaign_id: uuid.UUID | None
    file_bytes: int
    sha256: str
    encoding: Literal["utf-8", "windows-1252", "iso-8859-15"] = Field(
        description="How the file's bytes are read: the charset the upload declared, or, "
        "when none, UTF-8 if the file is valid UTF-8 and otherwise windows-1252 (CSV only)"
    )
    state: ImportState = Field(
        description="`queued`, `running`, then how it ended: `completed` (every row taken: "
        "imported, updated or already stored), `completed_with_errors` (some rows refused: "
        "see `errors_url` and `refused_rows_url`) or `failed` (nothing taken, "
        "`failure_reason` says why: every row refused, no rows, a file that cannot be read, "
        "an atomic import with a refused row, or processing stopped)"
    )
    phase: Literal["check", "apply"] = Field(
        description="atomic imports check every row first (nothing written), then apply"
    )
    rows_total: int = Field(description="Estimated from the file until processing ends")
    rows_processed: int
    summary: ImportCounts
    failure_reason: str | None
    errors_url: str = Field(description="The refused rows by number, as CSV (one line a problem)")
    refused_rows_url: str | None = Field(
        description="CSV imports: the refused rows as they were in the file, with their "
        "problems in a trailing `gwella_errors` column, to fix and upload again as it is; "
        "null once their cells are removed, a day after the job ended"
    )
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class ImportJobPage(Page[ImportJobRead]):
    pass
