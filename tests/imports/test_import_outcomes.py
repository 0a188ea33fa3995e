"""Imports that tell the truth: how a job ended (completed, completed with errors, failed),
the refused rows as the file they came from (ready to fix and upload again), the template's
guidance row, and a dry run of a FHIR Bundle file that checks what a real run would."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.core.config import Settings
from gwella.core.database import utcnow
from gwella.imports.models import ImportJob, ImportRowError, ImportState
from gwella.indicators.models import Direction
from gwella.responses.models import Response
from gwella.webhooks import service as webhooks
from gwella.webhooks.models import WebhookEvent
from gwella.webhooks.schemas import WebhookEventType, WebhookSubscriptionCreate
from gwella.worker import Worker
from tests.factories import SYSTEM, make_indicator
from tests.imports.test_import_files import WHEN, row
from tests.imports.test_imports import HEADER, arrange, csv_rows, run_worker, upload


async def job_of(client: httpx.AsyncClient, w: dict[str, Any], job_id: Any) -> dict[str, Any]:
    r = await client.get(f"/api/v1/imports/{job_id}", headers=w["headers"])
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


async def stored(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Response)) or 0)


async def subscribe(session: AsyncSession, settings: Settings, w: dict[str, Any]) -> None:
    await webhooks.create_subscription(
        session,
        SYSTEM,
        settings,
        WebhookSubscriptionCreate(
            url="https://partner.example/hooks", event_types=[WebhookEventType.import_completed]
        ),
        organisation_id=w["org"].id,
        api_client_id=None,
    )
    await session.commit()


async def told(session: AsyncSession) -> list[dict[str, Any]]:
    """The data of the ``import.completed`` events in the outbox, oldest first."""
    events = await session.scalars(
        select(WebhookEvent)
        .where(WebhookEvent.event_type == "import.completed")
        .order_by(WebhookEvent.seq)
    )
    return [e.payload["data"] for e in events]


async def test_a_clean_job_completes_one_with_refusals_completes_with_errors(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
    settings: Settings,
) -> None:
    w = await arrange(client, session)
    await subscribe(session, settings, w)
    clean = (await upload(client, w, HEADER + csv_rows(3))).json()
    await run_worker(sessionmaker)
    assert (await job_of(client, w, clean["id"]))["state"] == "completed"

    some = (await upload(client, w, HEADER + csv_rows(4, start=10, bad_every=2))).json()
    await run_worker(sessionmaker)
    polled = await job_of(client, w, some["id"])
    assert polled["state"] == "completed_with_errors"
    assert polled["summary"] == {"imported": 2, "updated": 0, "ignored": 0, "rejected": 2}
    assert polled["failure_reason"] is None
    assert polled["refused_rows_url"] == f"/api/v1/imports/{some['id']}/refused.csv"

    again = (await upload(client, w, HEADER + csv_rows(3))).json()  # all already stored
    await run_worker(sessionmaker)
    assert (await job_of(client, w, again["id"]))["state"] == "completed"

    refused = (await upload(client, w, HEADER + csv_rows(2, start=20, bad_every=1))).json()
    await run_worker(sessionmaker)
    events = await told(session)
    assert [(e["import_id"], e["status"]) for e in events] == [
        (clean["id"], "completed"),
        (some["id"], "completed_with_errors"),
        (again["id"], "completed"),
        (refused["id"], "failed"),
    ]
    assert events[1]["rows"] == 4
    assert (events[1]["imported"], events[1]["rejected"]) == (2, 2)
    assert events[3]["failure_reason"] == "All 2 rows were refused, so nothing was stored."


async def test_a_job_that_took_nothing_fails_and_says_why(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    refused = (await upload(client, w, HEADER + csv_rows(3, bad_every=1))).json()
    await run_worker(sessionmaker)
    polled = await job_of(client, w, refused["id"])
    assert polled["state"] == "failed"
    assert polled["summary"]["rejected"] == 3
    assert "All 3 rows were refused" in polled["failure_reason"]

    # NDJSON sent as CSV (what a broken client did): every row unreadable, the job failed.
    ndjson = "\n".join(json.dumps({"external_id": f"N-{i}", "answers": {}}) for i in range(4))
    unreadable = (await upload(client, w, ndjson + "\n")).json()
    await run_worker(sessionmaker)
    polled = await job_of(client, w, unreadable["id"])
    assert polled["state"] == "failed"
    assert polled["summary"]["rejected"] == 3  # the first line was read as the header
    assert "refused" in polled["failure_reason"]

    empty = (await upload(client, w, HEADER)).json()
    await run_worker(sessionmaker)
    polled = await job_of(client, w, empty["id"])
    assert polled["state"] == "failed"
    assert "no rows" in polled["failure_reason"]
    assert await stored(session) == 0


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


async def test_refused_rows_come_back_as_the_file_they_came_from_ready_to_upload_again(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    body = (
        HEADER
        + row("OK-1", "Fine")
        + row("BAD-1", '"Kind, and ""on time"""', involved="9")
        + row("OK-2", "Fine")
        + row("BAD-2", "'=not a formula", involved="0")
        + "short,row\n"
    )
    job = (await upload(client, w, body)).json()
    await run_worker(sessionmaker)
    polled = await job_of(client, w, job["id"])
    assert polled["state"] == "completed_with_errors"
    refused = await client.get(polled["refused_rows_url"], headers=w["headers"])
    assert refused.status_code == 200, refused.text
    assert refused.headers["content-type"].startswith("text/csv")
    table = parse(refused.text)
    header = HEADER.strip().split(",")
    assert table[0] == [*header, "gwella_errors"]
    assert [r[: len(header)] for r in table[1:3]] == [
        next(csv.reader([row("BAD-1", '"Kind, and ""on time"""', involved="9")])),
        next(csv.reader([row("BAD-2", "'=not a formula", involved="0")])),
    ]
    assert table[3][:2] == ["short", "row"]  # a row of the wrong length, as it was
    assert "answers.involved" in table[1][-1]
    assert "invalid" in table[1][-1]
    assert "wrong_cell_count" in table[3][-1]
    assert len(table) == 4

    # Fix the bad cells and upload the very same file, its gwella_errors column and all.
    fixed = refused.text.replace(",9,yes", ",4,yes").replace(",0,yes", ",5,yes")
    lines = fixed.splitlines(keepends=True)
    again = (await upload(client, w, "".join(lines[:3]))).json()
    await run_worker(sessionmaker)
    polled = await job_of(client, w, again["id"])
    assert polled["state"] == "completed", polled
    assert polled["summary"] == {"imported": 2, "updated": 0, "ignored": 0, "rejected": 0}
    assert await stored(session) == 4
    comments = await session.scalars(select(Response.external_id).order_by(Response.external_id))
    assert list(comments) == ["BAD-1", "BAD-2", "OK-1", "OK-2"]


async def test_only_csv_imports_have_a_refused_rows_file(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    good = {"external_id": "J-1", "service": "CMHT-N", "submitted_at": WHEN, "answers": {}}
    body = json.dumps(good) + "\nnot json\n"
    job = (await upload(client, w, body, media="application/x-ndjson")).json()
    assert job["refused_rows_url"] is None
    await run_worker(sessionmaker)
    r = await client.get(f"/api/v1/imports/{job['id']}/refused.csv", headers=w["headers"])
    assert r.status_code == 409
    assert r.headers["content-type"] == "application/problem+json"


async def test_the_template_with_guidance_lists_allowed_values_and_imports_as_downloaded(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    url = f"/api/v1/campaigns/{w['campaign'].id}/template.csv"
    plain = await client.get(url, headers=w["headers"])
    assert plain.text == HEADER
    r = await client.get(f"{url}?guidance=true", headers=w["headers"])
    assert r.status_code == 200
    table = parse(r.text)
    assert table[0] == HEADER.strip().split(",")
    guide = dict(zip(table[0], table[1], strict=True))
    assert guide["external_id"].startswith("#")
    assert "1 = point 1 / point 1 [cy]" in guide["involved"]
    assert "yes" in guide["has_plan"]
    assert "dont_know" in guide["has_plan"]
    assert "0 to 10" in guide["plan_useful"]
    assert "nurse" in guide["contacts"]
    assert "|" in guide["contacts"]
    assert "0 to 100" in guide["visits"]
    assert "YYYY-MM-DD" in guide["first_seen"]
    assert "en" in guide["language"]
    assert "cy" in guide["language"]

    as_downloaded = (await upload(client, w, r.text + row("G-1", "From the template"))).json()
    await run_worker(sessionmaker)
    polled = await job_of(client, w, as_downloaded["id"])
    assert polled["state"] == "completed", polled
    assert polled["summary"]["imported"] == 1


async def test_an_atomic_bundle_file_checks_every_entry_first_as_a_real_run_would(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    from tests.fhir.support import arrange_push, bundle, qr, replace

    w = await arrange_push(client, session)
    bad = qr(
        w,
        3,
        items=replace(
            [dict(i) for i in qr(w, 0)["item"]], "involved", [{"valueCoding": {"code": "9"}}]
        ),
    )
    headers = {**w.headers, "Content-Type": "application/fhir+json"}
    body = json.dumps(bundle("batch", [qr(w, 1), bad])).encode()
    r = await client.post(
        "/api/v1/imports?kind=responses&mode=atomic", content=body, headers=headers
    )
    assert r.status_code == 202, r.text
    job = await run_worker(sessionmaker)
    assert job is not None
    assert job.state is ImportState.failed, job.failure_reason
    assert "nothing was stored" in (job.failure_reason or "")
    errors = await client.get(f"/api/v1/imports/{job.id}/errors.csv", headers=w.headers)
    assert [line.split(",")[:2] for line in errors.text.strip().splitlines()[1:]] == [
        ["2", "PAS-3"]
    ]
    assert await stored(session) == 0

    clean = json.dumps(bundle("batch", [qr(w, 1), qr(w, 2)])).encode()
    r = await client.post(
        "/api/v1/imports?kind=responses&mode=atomic", content=clean, headers=headers
    )
    job = await run_worker(sessionmaker)
    assert job is not None
    assert job.state is ImportState.completed, job.failure_reason
    assert job.summary["imported"] == 2
    assert await stored(session) == 2


async def test_the_measurements_template_with_guidance_imports_as_downloaded(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    await make_indicator(session, "WAIT", unit="days", direction=Direction.lower_is_better)
    r = await client.get(
        "/api/v1/ingest/measurements/template.csv?guidance=true", headers=w["headers"]
    )
    assert r.status_code == 200
    header, guide = parse(r.text)
    assert guide[0].startswith("#")
    assert "YYYY-MM-DD" in dict(zip(header, guide, strict=True))["period_start"]
    body = r.text + ",WAIT,,,2026-01-01,2026-01-31,12,,\n"
    job = (await upload(client, w, body, kind="measurements")).json()
    await run_worker(sessionmaker)
    polled = await job_of(client, w, job["id"])
    assert polled["state"] == "completed", polled
    assert polled["summary"]["imported"] == 1


async def test_refused_rows_cells_go_a_day_after_the_job_ends_as_uploads_do(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
    app: Any,
) -> None:
    """A refused row's cells are the upload's personal data: kept for the refused-rows file
    as long as an upload may be kept (a day after its job ends), then removed by the worker's
    housekeeping; the file is then gone (410), the errors by row number stay."""
    w = await arrange(client, session)
    body = HEADER + row("OK-1", "Fine") + row("BAD-1", "Something only I said", involved="9")
    old = (await upload(client, w, body)).json()
    await run_worker(sessionmaker)
    recent = (await upload(client, w, HEADER + row("BAD-2", "Mine too", involved="9"))).json()
    await run_worker(sessionmaker)
    async with sessionmaker() as s:
        await s.execute(
            update(ImportJob)
            .where(ImportJob.id == uuid.UUID(old["id"]))
            .values(finished_at=utcnow() - timedelta(days=1, minutes=1))
        )
        await s.commit()

    await Worker(app.state.settings, sessionmaker)._prune_now_and_then(utcnow())

    async with sessionmaker() as s:
        rows = await s.execute(select(ImportRowError.job_id, ImportRowError.cells))
        kept = {str(job_id): cells for job_id, cells in rows}
    assert kept[old["id"]] is None
    assert kept[recent["id"]] is not None
    gone = await client.get(f"/api/v1/imports/{old['id']}/refused.csv", headers=w["headers"])
    assert gone.status_code == 410, gone.text
    assert gone.headers["content-type"] == "application/problem+json"
    assert (await job_of(client, w, old["id"]))["refused_rows_url"] is None
    errors = await client.get(f"/api/v1/imports/{old['id']}/errors.csv", headers=w["headers"])
    assert "BAD-1" in errors.text
    assert "Something only I said" not in errors.text
    fresh = await client.get(f"/api/v1/imports/{recent['id']}/refused.csv", headers=w["headers"])
    assert fresh.status_code == 200
    assert "Mine too" in fresh.text
