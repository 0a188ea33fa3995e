"""Import jobs: the upload is streamed to disk, then a worker applies it in chunks, each in
its own transaction with the job's progress, so a crash resumes from the last chunk (and
idempotency makes any repeat harmless) or fails the job cleanly, never silently half-done."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.core import audit
from gwella.core.audit import ActorType, AuditContext
from gwella.core.config import get_settings
from gwella.core.database import utcnow
from gwella.core.errors import NotFound
from gwella.core.logging import get_logger
from gwella.core.pagination import PageParams, paginate
from gwella.core.schemas import FROM_CELLS
from gwella.fhir import service as fhir
from gwella.imports import files
from gwella.imports.models import ImportJob, ImportRowError, ImportState
from gwella.imports.storage import ReceivedFile
from gwella.ingest import service as ingest
from gwella.ingest.schemas import IngestMeasurementItem, IngestResponseItem
from gwella.responses import batches
from gwella.responses import service as responses
from gwella.webhooks import service as webhooks

CHUNK_ROWS = 1000
LOCK_SECONDS = 120
MAX_ATTEMPTS = 3
SORTS = {"created_at": ImportJob.created_at}
_log = get_logger("gwella.imports")
_response_items = TypeAdapter(IngestResponseItem)
_measurement_items = TypeAdapter(IngestMeasurementItem)


async def create_job(
    session: AsyncSession,
    ctx: AuditContext,
    *,
    organisation_id: uuid.UUID,
    kind: str,
    fmt: str,
    mode: str,
    campaign_id: uuid.UUID | None,
    file: ReceivedFile,
) -> ImportJob:
    job = ImportJob(
        organisation_id=organisation_id,
        kind=kind,
        format=fmt,
        mode=mode,
        campaign_id=campaign_id,
        file_path=str(file.path),
        file_bytes=file.size,
        sha256=file.sha256,
        encoding=file.encoding,
        actor_type=ctx.actor_type.value,
        actor_id=ctx.actor_id,
        actor_label=ctx.actor_label,
        rows_total=max(0, file.lines - 1) if fmt == "csv" else file.lines,
        phase="check" if mode == "atomic" else "apply",
        summary=_empty_summary(),
    )
    session.add(job)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="import.created",
        record_type="import_job",
        record_id=job.id,
        organisation_id=organisation_id,
        after={
            "kind": kind,
            "format": fmt,
            "mode": mode,
            "bytes": file.size,
            "sha256": file.sha256,
            "encoding": file.encoding,
        },
    )
    return job


def _empty_summary() -> dict[str, int]:
    return {"imported": 0, "updated": 0, "ignored": 0, "rejected": 0}


async def get_job(session: AsyncSession, job_id: uuid.UUID) -> ImportJob:
    job = await session.get(ImportJob, job_id)
    if job is None:
        raise NotFound("No import with that id is visible to you.")
    return job


async def list_jobs(
    session: AsyncSession, params: PageParams, org_ids: frozenset[uuid.UUID] | None
) -> tuple[list[ImportJob], str | None]:
    stmt = select(ImportJob)
    if org_ids is not None:
        stmt = stmt.where(ImportJob.organisation_id.in_(org_ids))
    return await paginate(session, stmt, params, SORTS, ImportJob.id)


# ------------------------------------------------------------------------------- the worker


async def claim(session: AsyncSession, worker_id: str) -> ImportJob | None:
    """Take the oldest queued job, or one whose worker died (its lock expired). Portable:
    an UPDATE guarded by the state seen, checked by its row count, so two workers never
    both take a job."""
    now = utcnow()
    candidates = await session.scalars(
        select(ImportJob.id)
        .where(
            (ImportJob.state == ImportState.queued)
            | ((ImportJob.state == ImportState.running) & (ImportJob.locked_until < now))
        )
        .order_by(ImportJob.created_at)
        .limit(5)
    )
    for job_id in list(candidates):
        result = await session.execute(
            update(ImportJob)
            .where(
                ImportJob.id == job_id,
                (ImportJob.state == ImportState.queued)
                | ((ImportJob.state == ImportState.running) & (ImportJob.locked_until < now)),
            )
            .values(
                state=ImportState.running,
                locked_by=worker_id,
                locked_until=now + timedelta(seconds=LOCK_SECONDS),
                attempts=ImportJob.attempts + 1,
                started_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            await session.commit()
            job = await session.get(ImportJob, job_id, populate_existing=True)
            return job
    await session.commit()
    return None


def _batch(job: ImportJob) -> batches.BatchRef:
    return batches.BatchRef("import", job.id, job.organisation_id)


def _ctx(job: ImportJob) -> AuditContext:
    return AuditContext(ActorType(job.actor_type), job.actor_id, job.actor_label)


async def process_next(
    sessionmaker: async_sessionmaker[AsyncSession], worker_id: str, public_url: str | None = None
) -> ImportJob | None:
    """Claim one job and take it to completion or failure. Returns the job, or None."""
    async with sessionmaker() as session:
        job = await claim(session, worker_id)
        if job is None:
            return None
        job_id = job.id
        if job.attempts > MAX_ATTEMPTS:
            await _finish(
                session,
                job,
                ImportState.failed,
                "The import was interrupted too many times; upload it again.",
            )
            return job
    try:
        while await _process_chunk(sessionmaker, job_id, worker_id, public_url):
            pass
    except Exception as exc:  # a bug or a lost database: the job says so, nothing is hidden
        _log.exception("import_failed", job_id=str(job_id))
        async with sessionmaker() as session:
            job = await get_job(session, job_id)
            await _finish(session, job, ImportState.failed, f"Processing stopped: {exc!r}"[:500])
    async with sessionmaker() as session:
        return await get_job(session, job_id)


async def _process_chunk(
    sessionmaker: async_sessionmaker[AsyncSession],
    job_id: uuid.UUID,
    worker_id: str,
    public_url: str | None = None,
) -> bool:
    """One chunk in one transaction with the job's progress. Returns whether to go on."""
    async with sessionmaker() as session:
        job = await session.get(ImportJob, job_id)
        assert job is not None
        if job.locked_by != worker_id:
            return False  # another worker took over after our lock expired
        path = Path(job.file_path)
        if job.format == "fhir" and job.header is None:
            return await _unpack_bundle(session, job, path)
        try:
            chunk = await asyncio.to_thread(
                partial(
                    files.read_chunk,
                    path,
                    "ndjson" if job.format == "fhir" else job.format,
                    offset=job.byte_offset,
                    header=job.header,
                    rows_read=job.rows_read,
                    limit=CHUNK_ROWS,
                    encoding=job.encoding,
                )
            )
        except FileNotFoundError:
            await _finish(session, job, ImportState.failed, "The uploaded file is missing.")
            return False
        rows = chunk.rows
        if not rows:
            return await _end_of_file(session, job)
        dry_run = job.phase == "check"
        async with batches.part(session, _batch(job), job.batch) as part:
            counts = await _apply(
                session, job, rows, dry_run=dry_run, public_url=public_url, sources=chunk.sources
            )
        job.batch = part.state
        summary = dict(job.summary)
        if dry_run:
            summary["rejected"] = summary.get("rejected", 0) + counts["rejected"]
        else:
            for key, n in counts.items():
                summary[key] = summary.get(key, 0) + n
        job.summary = summary
        job.rows_processed += len(rows)
        job.rows_read, job.byte_offset, job.header = chunk.rows_read, chunk.offset, chunk.header
        job.locked_until = utcnow() + timedelta(seconds=LOCK_SECONDS)
        await session.commit()
        return True


async def _unpack_bundle(session: AsyncSession, job: ImportJob, path: Path) -> bool:
    """A FHIR Bundle is first unpacked into one resource a line (streamed, flat memory);
    the chunks then read that file from a byte offset like any NDJSON import."""
    unpacked = path.with_suffix(".ndjson")
    try:
        total = await asyncio.to_thread(files.bundle_to_ndjson, path, unpacked)
    except FileNotFoundError:
        await _finish(session, job, ImportState.failed, "The uploaded file is missing.")
        return False
    except Exception as exc:  # ijson's errors: the file is not a JSON Bundle
        await asyncio.to_thread(unpacked.unlink, missing_ok=True)
        await _finish(session, job, ImportState.failed, f"Not a FHIR Bundle: {exc}"[:500])
        return False
    job.file_path, job.header, job.rows_total, job.byte_offset = str(unpacked), ["fhir"], total, 0
    await session.commit()
    await asyncio.to_thread(path.unlink, missing_ok=True)
    return True


async def _end_of_file(session: AsyncSession, job: ImportJob) -> bool:
    job.rows_total = job.rows_processed
    if job.phase == "check":
        if job.summary.get("rejected", 0):
            await _finish(
                session,
                job,
                ImportState.failed,
                "Atomic import: some rows were refused, so nothing was stored.",
            )
            return False
        # Every row passed: now store them, from the top (a CSV header read again as such; a
        # Bundle stays unpacked).
        job.phase, job.rows_processed, job.rows_read, job.byte_offset = "apply", 0, 0, 0
        job.batch = None  # the check stored nothing; the batch starts with the first stored row
        job.header = None if job.format == "csv" else job.header
        await session.commit()
        return True
    state, reason = outcome(job.summary)
    await _finish(session, job, state, reason)
    return False


def outcome(summary: dict[str, Any]) -> tuple[ImportState, str | None]:
    """How an import that read its whole file ended: ``completed`` when every row was taken
    (imported, updated or already stored), ``completed_with_errors`` when some were refused,
    ``failed`` when nothing was taken, with the reason."""
    taken = sum(int(summary.get(k, 0)) for k in ("imported", "updated", "ignored"))
    refused = int(summary.get("rejected", 0))
    if taken and not refused:
        return ImportState.completed, None
    if taken:
        return ImportState.completed_with_errors, None
    if refused == 1:
        return ImportState.failed, "The file's one row was refused, so nothing was stored."
    if refused:
        return ImportState.failed, f"All {refused} rows were refused, so nothing was stored."
    return ImportState.failed, "The file has no rows to import."


async def _finish(
    session: AsyncSession, job: ImportJob, state: ImportState, reason: str | None
) -> None:
    job.state = state
    job.failure_reason = reason
    job.finished_at = utcnow()
    job.locked_by = job.locked_until = None
    await session.flush()
    await audit.record(
        session,
        _ctx(job),
        action=f"import.{state.value}",
        record_type="import_job",
        record_id=job.id,
        organisation_id=job.organisation_id,
        after={**job.summary, "rows": job.rows_processed, "reason": reason},
    )
    if await webhooks.has_subscribers(session, job.organisation_id, "import.completed"):
        await webhooks.emit(
            session,
            event_type="import.completed",
            organisation_id=job.organisation_id,
            record_type="import",
            record_id=job.id,
            payload={
                "import_id": job.id,
                "status": state.value,
                "failure_reason": reason,
                "rows": job.rows_processed,
                **{
                    k: int(job.summary.get(k, 0))
                    for k in ("imported", "updated", "ignored", "rejected")
                },
            },
        )
    # One responses.ingested for the whole import, now that every chunk has committed (none
    # when it stored nothing, e.g. a failed job).
    await batches.announce(session, _batch(job), job.batch)
    await session.commit()
    # The file has served, whatever the outcome: it holds personal data, and a failed import
    # is uploaded again. (Should this process die first, housekeeping removes it later.)
    await asyncio.to_thread(Path(job.file_path).unlink, missing_ok=True)


async def _apply(
    session: AsyncSession,
    job: ImportJob,
    rows: list[tuple[int, files.Row]],
    *,
    dry_run: bool,
    public_url: str | None = None,
    sources: dict[int, list[str]] | None = None,
) -> dict[str, int]:
    """Parse the rows into items and hand them to the ingestion service. The refused rows'
    errors are added to the session, the first of each row with the row's cells (``sources``)
    so that the refused-rows file can give the row back as it was."""
    if job.format == "fhir":
        return await _apply_fhir(session, job, rows, dry_run=dry_run, public_url=public_url)
    errors: list[ImportRowError] = []
    items: list[Any] = []
    row_of: list[int] = []
    content = None
    campaign = services = None
    if job.kind == "responses":
        assert job.campaign_id is not None
        campaign, services = await ingest.campaign_for_client(
            session, job.campaign_id, job.organisation_id
        )
        content = await responses.version_content(session, campaign)
    for number, row in rows:
        if isinstance(row, files.Unreadable):
            errors.append(_row_error(job, number, None, row.code, row.detail, None))
            continue
        raw = row
        if job.format == "csv":
            raw = (
                files.response_item_from_csv(row, content)  # type: ignore[arg-type]
                if job.kind == "responses"
                else files.measurement_item_from_csv(row)
            )
        try:
            adapter: TypeAdapter[Any] = (
                _response_items if job.kind == "responses" else _measurement_items
            )
            # CSV cells are text, read as pydantic reads text; NDJSON is JSON, held to the
            # types the spec states, as the JSON push is.
            cells = FROM_CELLS if job.format == "csv" else None
            items.append(adapter.validate_python(raw, context=cells))
            row_of.append(number)
        except ValidationError as exc:
            first = exc.errors()[0]
            errors.append(
                _row_error(
                    job,
                    number,
                    raw.get("external_id"),
                    "invalid",
                    first["msg"],
                    ".".join(str(p) for p in first["loc"]),
                )
            )
    counts = _empty_summary()
    if items:
        if campaign is not None:
            summary = await ingest.ingest_responses(
                session,
                _ctx(job),
                job.organisation_id,
                campaign,
                services or {},
                items,
                mode="best_effort",
                dry_run=dry_run,
            )
        else:
            summary = await ingest.ingest_measurements(
                session,
                _ctx(job),
                job.organisation_id,
                items,
                mode="best_effort",
                dry_run=dry_run,
            )
        counts.update(imported=summary.imported, updated=summary.updated, ignored=summary.ignored)
        for e in summary.errors:
            field = e.field.split(".", 2)[-1] if e.field else None
            errors.append(_row_error(job, row_of[e.index], e.external_id, e.code, e.detail, field))
    counts["rejected"] = len({e.row for e in errors})
    if sources:
        told: set[int] = set()
        for error in errors:
            if error.row not in told:
                error.cells = sources.get(error.row)
                told.add(error.row)
    session.add_all(errors)
    return counts


async def _apply_fhir(
    session: AsyncSession,
    job: ImportJob,
    rows: list[tuple[int, files.Row]],
    *,
    dry_run: bool,
    public_url: str | None,
) -> dict[str, int]:
    """QuestionnaireResponses of a Bundle file, through the FHIR push (best effort)."""
    counts = _empty_summary()
    errors: list[ImportRowError] = []
    resources = [row for _, row in rows if not isinstance(row, files.Unreadable)]
    numbers = [number for number, row in rows if not isinstance(row, files.Unreadable)]
    for number, row in rows:
        if isinstance(row, files.Unreadable):
            errors.append(_row_error(job, number, None, row.code, row.detail, None))
    if resources:
        # A dry run (an atomic import's check) refuses what a real run would, storing nothing.
        results = await fhir.push(
            session,
            _ctx(job),
            job.organisation_id,
            public_url or get_settings().public_url,
            resources,
            atomic=False,
            dry_run=dry_run,
        )
        for number, resource, result in zip(numbers, resources, results, strict=True):
            if result.refused:
                identifier = resource.get("identifier") if isinstance(resource, dict) else None
                external = identifier.get("value") if isinstance(identifier, dict) else None
                for issue in result.issues:
                    errors.append(
                        _row_error(
                            job, number, external, issue.code, issue.diagnostics, issue.expression
                        )
                    )
            elif result.change == "created":
                counts["imported"] += 1
            elif result.change == "updated":
                counts["updated"] += 1
            else:
                counts["ignored"] += 1
    counts["rejected"] = len({e.row for e in errors})
    session.add_all(errors)
    return counts


def _row_error(
    job: ImportJob, row: int, external_id: Any, code: str, detail: str, field: str | None
) -> ImportRowError:
    return ImportRowError(
        job_id=job.id,
        row=row,
        external_id=str(external_id)[:200] if external_id else None,
        code=code,
        detail=detail[:2000],
        field=field,
    )
