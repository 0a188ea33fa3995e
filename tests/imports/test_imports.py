"""File imports: streamed to disk, applied in chunks by a worker with the same rules and
idempotency as the JSON endpoints, resumable after a crash, atomic when asked."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import Role, Scope
from gwella.campaigns.enums import Channel
from gwella.core.database import utcnow
from gwella.imports import service as imports
from gwella.imports.models import ImportJob
from gwella.indicators.models import Direction, Measurement
from gwella.responses.models import Response
from tests.factories import (
    client_token,
    make_api_client,
    make_indicator,
    make_org,
    make_service,
    make_user,
    sign_in,
)
from tests.surveys import make_campaign, make_published_version

HEADER = (
    "external_id,service,submitted_at,language,respondent_reference,consent,"
    "involved,has_plan,plan_useful,contacts,visits,first_seen,comment\n"
)


def csv_rows(n: int, start: int = 0, bad_every: int = 0) -> str:
    when = (utcnow() - timedelta(hours=2)).isoformat()
    lines = []
    for i in range(start, start + n):
        involved = "9" if bad_every and i % bad_every == 0 else "4"
        lines.append(
            f"PAS-{i},CMHT-N,{when},en,,,{involved},yes,7,nurse|doctor,3,2026-01-15,"
            f'"Kind, and on time"\n'
        )
    return "".join(lines)


async def arrange(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    org = await make_org(session)
    service = await make_service(session, org, code="CMHT-N")
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(
        session, version, [service], channels=(Channel.web, Channel.partner)
    )
    api = await make_api_client(session, org, [Scope.responses_write, Scope.measurements_write])
    return {"org": org, "campaign": campaign, "headers": await client_token(client, api)}


async def upload(
    client: httpx.AsyncClient,
    w: dict[str, Any],
    body: str,
    *,
    mode: str = "best_effort",
    media: str = "text/csv",
    kind: str = "responses",
) -> httpx.Response:
    query = f"kind={kind}&mode={mode}"
    if kind == "responses":
        query += f"&campaign_id={w['campaign'].id}"
    return await client.post(
        f"/api/v1/imports?{query}",
        content=body.encode(),
        headers={**w["headers"], "Content-Type": media},
    )


async def run_worker(sessionmaker: async_sessionmaker[AsyncSession]) -> ImportJob | None:
    return await imports.process_next(sessionmaker, "test-worker", "http://gwella.test")


async def test_a_csv_of_responses_is_imported_in_the_background(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    r = await upload(client, w, HEADER + csv_rows(5))
    assert r.status_code == 202, r.text
    job = r.json()
    assert (job["state"], job["rows_total"], job["rows_processed"]) == ("queued", 5, 0)
    assert r.headers["location"] == f"/api/v1/imports/{job['id']}"
    assert len(list(import_dir.iterdir())) == 1

    done = await run_worker(sessionmaker)
    assert done is not None
    polled = (await client.get(f"/api/v1/imports/{job['id']}", headers=w["headers"])).json()
    assert polled["state"] == "completed"
    assert polled["rows_processed"] == polled["rows_total"] == 5
    assert polled["summary"] == {"imported": 5, "updated": 0, "ignored": 0, "rejected": 0}
    assert await session.scalar(select(func.count()).select_from(Response)) == 5
    assert list(import_dir.iterdir()) == []  # the file goes once applied
    assert await run_worker(sessionmaker) is None


async def test_refused_rows_are_listed_as_csv(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    body = HEADER + csv_rows(6, bad_every=3) + "short,row\n"
    job = (await upload(client, w, body)).json()
    await run_worker(sessionmaker)
    polled = (await client.get(f"/api/v1/imports/{job['id']}", headers=w["headers"])).json()
    assert polled["summary"]["imported"] == 4
    assert polled["summary"]["rejected"] == 3
    errors = await client.get(polled["errors_url"], headers=w["headers"])
    assert errors.headers["content-type"].startswith("text/csv")
    lines = errors.text.strip().splitlines()
    assert lines[0] == "row,external_id,code,field,detail"
    assert [line.split(",")[:3] for line in lines[1:]] == [
        ["2", "PAS-0", "invalid"],
        ["5", "PAS-3", "invalid"],
        ["8", "", "wrong_cell_count"],
    ]
    assert "answers.involved" in lines[1]


async def test_a_repeated_file_changes_nothing(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    for _ in range(2):
        await upload(client, w, HEADER + csv_rows(3))
        job = await run_worker(sessionmaker)
        assert job is not None
    assert job.summary == {"imported": 0, "updated": 0, "ignored": 3, "rejected": 0}
    assert await session.scalar(select(func.count()).select_from(Response)) == 3


async def test_a_crashed_worker_is_resumed_from_its_last_chunk_without_duplicates(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    w = await arrange(client, session)
    monkeypatch.setattr(imports, "CHUNK_ROWS", 40)
    job_id = (await upload(client, w, HEADER + csv_rows(100))).json()["id"]
    async with sessionmaker() as s:
        claimed = await imports.claim(s, "doomed-worker")
        assert claimed is not None
    # The doomed worker applies one chunk, then dies without finishing.
    assert await imports._process_chunk(sessionmaker, claimed.id, "doomed-worker")
    async with sessionmaker() as s:
        await s.execute(update(ImportJob).values(locked_until=utcnow() - timedelta(seconds=1)))
        await s.commit()
    job = await run_worker(sessionmaker)
    assert job is not None
    assert str(job.id) == job_id
    assert job.state.value == "completed"
    assert job.attempts == 2
    assert job.summary["imported"] == 100
    assert await session.scalar(select(func.count()).select_from(Response)) == 100


async def test_two_workers_never_take_the_same_job(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    await upload(client, w, HEADER + csv_rows(2))
    async with sessionmaker() as a, sessionmaker() as b:
        first = await imports.claim(a, "a")
        second = await imports.claim(b, "b")
    assert first is not None
    assert second is None


async def test_atomic_imports_store_nothing_when_a_row_is_refused(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    await upload(client, w, HEADER + csv_rows(5, bad_every=5), mode="atomic")
    failed = await run_worker(sessionmaker)
    assert failed is not None
    assert failed.state.value == "failed"
    assert "nothing was stored" in (failed.failure_reason or "")
    assert await session.scalar(select(func.count()).select_from(Response)) == 0
    await upload(client, w, HEADER + csv_rows(5, start=10), mode="atomic")
    ok = await run_worker(sessionmaker)
    assert ok is not None
    assert ok.state.value == "completed"
    assert await session.scalar(select(func.count()).select_from(Response)) == 5


async def test_measurements_as_ndjson_by_a_member_of_staff(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    await make_indicator(session, "WAIT", unit="days", direction=Direction.lower_is_better)
    staff = await make_user(session, {w["org"]: [Role.staff]})
    headers = await sign_in(client, staff.email)
    lines = [
        json.dumps(
            {
                "indicator": "WAIT",
                "period_start": f"2026-{m:02d}-01",
                "period_end": f"2026-{m:02d}-28",
                "value": 20 + m,
            }
        )
        for m in range(1, 7)
    ]
    body = "\n".join(lines) + "\nnot json\n"
    missing_org = await client.post(
        "/api/v1/imports?kind=measurements",
        content=body.encode(),
        headers={**headers, "Content-Type": "application/x-ndjson"},
    )
    assert missing_org.status_code == 422
    r = await client.post(
        f"/api/v1/imports?kind=measurements&organisation_id={w['org'].id}",
        content=body.encode(),
        headers={**headers, "Content-Type": "application/x-ndjson"},
    )
    assert r.status_code == 202, r.text
    job = await run_worker(sessionmaker)
    assert job is not None
    assert job.summary == {"imported": 6, "updated": 0, "ignored": 0, "rejected": 1}
    assert await session.scalar(select(func.count()).select_from(Measurement)) == 6


async def test_uploads_are_checked_before_anything_is_kept(
    client: httpx.AsyncClient, session: AsyncSession, import_dir: Path, app: Any
) -> None:
    w = await arrange(client, session)
    wrong_type = await upload(client, w, HEADER, media="application/json")
    assert wrong_type.status_code == 415
    service_user = await make_user(session, {w["org"]: [Role.service_user]})
    forbidden = await client.post(
        f"/api/v1/imports?kind=measurements&organisation_id={w['org'].id}",
        content=b"x",
        headers={**await sign_in(client, service_user.email), "Content-Type": "text/csv"},
    )
    assert forbidden.status_code == 403
    app.state.settings.max_import_bytes = 2000
    too_big = await upload(client, w, HEADER + csv_rows(50))
    assert too_big.status_code == 413
    assert not import_dir.exists() or list(import_dir.iterdir()) == []
    assert await session.scalar(select(func.count()).select_from(ImportJob)) == 0


async def test_templates_name_the_columns(client: httpx.AsyncClient, session: AsyncSession) -> None:
    w = await arrange(client, session)
    r = await client.get(f"/api/v1/campaigns/{w['campaign'].id}/template.csv", headers=w["headers"])
    assert r.text == HEADER
    m = await client.get("/api/v1/ingest/measurements/template.csv", headers=w["headers"])
    assert m.text.strip() == (
        "external_id,indicator,organisation,service,period_start,period_end,value,numerator,denominator"
    )


async def test_a_fhir_bundle_file_is_unpacked_and_applied(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    from tests.fhir.support import arrange_push, bundle, qr, replace

    w = await arrange_push(client, session)
    resources = [
        qr(w, 1),
        qr(w, 2),
        qr(
            w,
            3,
            items=replace(
                [dict(i) for i in qr(w, 0)["item"]], "involved", [{"valueCoding": {"code": "9"}}]
            ),
        ),
    ]
    body = json.dumps(bundle("batch", resources))
    headers = {**w.headers, "Content-Type": "application/fhir+json"}
    r = await client.post("/api/v1/imports?kind=responses", content=body.encode(), headers=headers)
    assert r.status_code == 202, r.text
    assert r.json()["format"] == "fhir"
    job = await run_worker(sessionmaker)
    assert job is not None
    assert job.state.value == "completed_with_errors", job.failure_reason
    errors = await client.get(f"/api/v1/imports/{job.id}/errors.csv", headers=w.headers)
    assert (job.rows_total, job.summary["imported"], job.summary["rejected"]) == (3, 2, 1), (
        errors.text
    )
    errors = await client.get(f"/api/v1/imports/{job.id}/errors.csv", headers=w.headers)
    assert "PAS-3" in errors.text
    assert list(import_dir.iterdir()) == []

    broken = await client.post(
        "/api/v1/imports?kind=responses", content=b'{"resourceType": [', headers=headers
    )
    assert broken.status_code == 202
    failed = await run_worker(sessionmaker)
    assert failed is not None
    assert failed.state.value == "failed"
    assert "Not a FHIR Bundle" in (failed.failure_reason or "")
