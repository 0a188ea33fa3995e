"""The integrator example runs against the real app: upload, background import, summary."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import Scope
from gwella.campaigns.enums import Channel
from gwella.imports import service as imports
from tests.factories import make_api_client, make_org, make_service
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version

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


async def test_sync_loop_example(app: Any, session: AsyncSession, tmp_path: Path) -> None:
    """Follow the feed with a cursor kept in a file, retract a mistaken push, and see it
    come as a tombstone; a run with nothing new changes nothing but the saved cursor."""
    org = await make_org(session)
    version = await make_published_version(session, org)
    service = await make_service(session, org, code="CMHT-W")
    campaign, _ = await make_campaign(session, version, [service], channels=(Channel.partner,))
    api = await make_api_client(session, org, [Scope.responses_write, Scope.responses_read])
    example = _example("sync_loop")
    cursor_file = tmp_path / "cursor.txt"
    seen: list[dict[str, Any]] = []
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://gwella.test"
    ) as http:
        await example.sign_in(http, api.record.client_id, api.secret)
        pushed = await http.post(
            "/api/v1/ingest/responses",
            json={
                "campaign_id": str(campaign.id),
                "items": [
                    {
                        "external_id": f"PAS-{n}",
                        "service": "CMHT-W",
                        "submitted_at": campaign.opens_at.isoformat(),
                        "answers": VALID_ANSWERS,
                    }
                    for n in range(3)
                ],
            },
        )
        assert pushed.json()["imported"] == 3, pushed.text

        async def until(count: int) -> None:
            # On a shared PostgreSQL server a transaction in flight holds the feed back a
            # moment: poll as the loop would, until the changes came.
            for _ in range(100):
                await example.pull(http, cursor_file, seen.append, page_size=2)
                if len(seen) >= count:
                    return
                await asyncio.sleep(0.1)

        await until(3)
        assert sorted(c["external_id"] for c in seen) == ["PAS-0", "PAS-1", "PAS-2"]
        assert all(c["op"] == "upsert" for c in seen)
        kept = example.load_cursor(cursor_file)
        assert kept
        assert await example.pull(http, cursor_file, seen.append) == 0

        summary = await example.retract(http, "Sent to the wrong campaign", ["PAS-1", "PAS-9"])
        assert (summary["status"], summary["retracted"]) == ("partial", 1)
        assert summary["errors"][0]["code"] == "unknown_external_id"
        await until(4)
    assert [(c["op"], c["external_id"], c["record"]) for c in seen[3:]] == [
        ("deleted", "PAS-1", None)
    ]
