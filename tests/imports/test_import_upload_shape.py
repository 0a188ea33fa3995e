"""The upload's shape: a file sent as a multipart form (what browsers and generated clients
send) is read as it arrives like a raw body, and the spec declares every content type the
server takes, in a shape openapi-python-client generates a working call for."""

from __future__ import annotations

import importlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.responses.models import Answer, Response
from tests.imports.test_import_files import ACCENTED, row
from tests.imports.test_imports import HEADER, arrange, csv_rows, run_worker

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def imports_url(w: dict[str, Any], query: str = "") -> str:
    return f"/api/v1/imports?kind=responses&campaign_id={w['campaign'].id}{query}"


async def stored(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Response)) or 0)


def test_the_spec_declares_every_content_type_the_import_takes() -> None:
    spec = json.loads((ROOT / "openapi" / "openapi.json").read_text())
    body = spec["paths"]["/api/v1/imports"]["post"]["requestBody"]["content"]
    assert list(body) == [
        "multipart/form-data",
        "text/csv",
        "application/x-ndjson",
        "application/fhir+json",
        "application/octet-stream",
    ]
    form = body["multipart/form-data"]["schema"]
    assert form["required"] == ["file"]
    assert form["properties"]["file"]["format"] == "binary"
    states = spec["components"]["schemas"]["ImportState"]["enum"]
    assert "completed_with_errors" in states


async def test_a_multipart_form_is_imported_like_a_raw_body(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    data = (HEADER + csv_rows(3)).encode()
    r = await client.post(
        imports_url(w),
        headers=w["headers"],
        data={"note": "ignored"},
        files={"file": ("answers.csv", data, "text/csv")},
    )
    assert r.status_code == 202, r.text
    assert r.json()["format"] == "csv"
    assert r.json()["file_bytes"] == len(data)
    job = await run_worker(sessionmaker)
    assert job is not None
    assert job.state.value == "completed", job.failure_reason
    assert await stored(session) == 3

    # The part's charset is honoured; a part of another type names its format in `format`.
    latin = (HEADER + row("L-1", f'"{ACCENTED}"')).encode("cp1252")
    r = await client.post(
        imports_url(w, "&format=csv"),
        headers=w["headers"],
        files={"file": ("excel.csv", latin, "application/vnd.ms-excel; charset=windows-1252")},
    )
    assert r.status_code == 202, r.text
    assert r.json()["encoding"] == "windows-1252"
    latin_job = await run_worker(sessionmaker)
    assert latin_job is not None
    assert latin_job.state.value == "completed", latin_job.summary
    text = await session.scalar(
        select(Answer.text)
        .join(Response, Answer.response_id == Response.id)
        .where(Response.external_id == "L-1", Answer.question_key == "comment")
    )
    assert text == ACCENTED


async def test_forms_and_bodies_that_do_not_say_their_format_are_refused(
    client: httpx.AsyncClient, session: AsyncSession, import_dir: Path
) -> None:
    w = await arrange(client, session)
    no_file = await client.post(imports_url(w), headers=w["headers"], files={"other": b"x"})
    assert no_file.status_code == 422
    assert no_file.json()["errors"][0]["field"] == "body.file"
    unnamed = await client.post(
        imports_url(w),
        headers=w["headers"],
        files={"file": ("answers.bin", b"a,b\n", "application/octet-stream")},
    )
    assert unnamed.status_code == 422
    assert unnamed.json()["errors"][0]["field"] == "query.format"
    raw = await client.post(
        imports_url(w),
        content=b"a,b\n",
        headers={**w["headers"], "Content-Type": "application/octet-stream"},
    )
    assert raw.status_code == 422
    assert not import_dir.exists() or list(import_dir.iterdir()) == []


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("import_client")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(  # noqa: S603 - our own tool on our own spec
        [
            str(BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(ROOT / "openapi" / "openapi.json"),
            "--config",
            str(ROOT / "openapi" / "python-client.yaml"),
            "--meta",
            "none",
        ],
        cwd=out,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("gwella_api_client")
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.startswith("gwella_api_client")]:
            del sys.modules[name]


async def test_a_generated_client_uploads_a_csv_file_to_completion(
    generated: ModuleType,
    app: Any,
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    w = await arrange(client, session)
    base = "http://gwella.test"
    authed = generated.AuthenticatedClient(base_url=base, token="unused")
    authed.set_async_httpx_client(
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=base, headers=w["headers"]
        )
    )
    create = importlib.import_module("gwella_api_client.api.imports.create_import")
    get = importlib.import_module("gwella_api_client.api.imports.get_import")
    models = importlib.import_module("gwella_api_client.models")
    types = importlib.import_module("gwella_api_client.types")
    kind = models.CreateImportKind.RESPONSES

    form = models.CreateImportFilesBody(
        file=types.File(
            payload=io.BytesIO((HEADER + csv_rows(3)).encode()),
            file_name="answers.csv",
            mime_type="text/csv",
        )
    )
    job = await create.asyncio(client=authed, body=form, kind=kind, campaign_id=w["campaign"].id)
    assert isinstance(job, models.ImportJobRead), job
    assert job.format_.value == "csv"

    # A File as the raw body goes as octet-stream, so it names its format.
    # (With the asyncio client its payload is bytes: httpx streams a file object only in sync.)
    raw = types.File(payload=(HEADER + csv_rows(2, start=10)).encode())
    second = await create.asyncio(
        client=authed,
        body=raw,
        kind=kind,
        campaign_id=w["campaign"].id,
        format_=models.CreateImportFormatType0.CSV,
    )
    assert isinstance(second, models.ImportJobRead), second
    for _ in range(2):
        await run_worker(sessionmaker)
    for submitted in (job, second):
        done = await get.asyncio(client=authed, import_id=submitted.id)
        assert done.state.value == "completed", done
    assert await stored(session) == 5
