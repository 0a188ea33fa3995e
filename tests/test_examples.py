"""The integrator example runs against the real app: upload, background import, summary."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import Scope
from gwella.campaigns.enums import Channel
from gwella.imports import service as imports
from tests.factories import make_api_client, make_org, make_service
from tests.surveys import make_campaign, make_published_version

ROOT = Path(__file__).resolve().parents[1]


def _example(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_push_responses_example(
    app: Any,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    tmp_path: Path,
) -> None:
    app.state.settings.import_dir = tmp_path / "imports"
    org = await make_org(session)
    service = await make_service(session, org, code="CMHT-N")
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(session, version, [service], channels=(Channel.partner,))
    api = await make_api_client(session, org, [Scope.responses_write])
    example = _example("push_responses")
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://gwella.test"
    ) as http:
        template = await http.get(
            f"/api/v1/campaigns/{campaign.id}/template.csv", auth=None, headers={}
        )
        assert template.status_code == 401  # the template needs a token too
        await example.sign_in(http, api.record.client_id, api.secret)
        header = (await http.get(f"/api/v1/campaigns/{campaign.id}/template.csv")).text
        when = campaign.opens_at.isoformat()
        rows = [f"R{n},CMHT-N,{when},cy,,,4,no,,,,,\n" for n in range(3)]
        rows.append(f"R9,CMHT-N,{when},cy,,,7,no,,,,,\n")  # 7 is not a Likert point
        csv_path = tmp_path / "responses.csv"
        csv_path.write_text(header + "".join(rows), encoding="utf-8")
        job = await example.upload(http, str(campaign.id), csv_path)
        await imports.process_next(sessionmaker, "example-worker")
        job = await example.wait(http, job, every=0)
        assert job["state"] == "completed_with_errors"
        assert job["summary"]["imported"] == 3
        errors = await example.save_errors(http, job, csv_path)
    assert errors is not None
    refused = errors.read_text(encoding="utf-8").splitlines()
    assert refused[0] == header.strip() + ",gwella_errors"
    assert refused[1].startswith(rows[3].strip() + ",")
