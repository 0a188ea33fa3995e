"""The spec generates a working Python client: an integration script built on it signs in
with client credentials, pushes a batch of responses and reads the summary."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Scope
from gwella.campaigns.enums import Channel
from tests.factories import make_api_client, make_org, make_service
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("client")
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
    assert "Warning" not in result.stdout, result.stdout
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("gwella_api_client")
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.startswith("gwella_api_client")]:
            del sys.modules[name]


def _mod(name: str) -> Any:
    return importlib.import_module(f"gwella_api_client.{name}")


async def test_a_generated_client_pushes_a_batch_and_reads_the_summary(
    generated: ModuleType, app: Any, session: AsyncSession
) -> None:
    org = await make_org(session)
    service = await make_service(session, org, code="CMHT-N")
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(session, version, [service], channels=(Channel.partner,))
    api = await make_api_client(session, org, [Scope.responses_write])
    transport = httpx.ASGITransport(app=app)
    base = "http://gwella.test"

    anonymous = generated.Client(base_url=base)
    anonymous.set_async_httpx_client(httpx.AsyncClient(transport=transport, base_url=base))
    body_cls = _mod("models.issue_token_token_request").IssueTokenTokenRequest
    grant = _mod("models.issue_token_token_request_grant_type").IssueTokenTokenRequestGrantType
    token = await _mod("api.auth.issue_token").asyncio(
        client=anonymous,
        body=body_cls(
            grant_type=grant.CLIENT_CREDENTIALS,
            client_id=api.record.client_id,
            client_secret=api.secret,
        ),
    )
    assert token.token_type == "bearer"

    authed = generated.AuthenticatedClient(base_url=base, token=token.access_token)
    authed.set_async_httpx_client(
        httpx.AsyncClient(
            transport=transport,
            base_url=base,
            headers={"Authorization": f"Bearer {token.access_token}"},
        )
    )
    batch_cls = _mod("models.ingest_responses_batch").IngestResponsesBatch
    batch = batch_cls.from_dict(
        {
            "campaign_id": str(campaign.id),
            "items": [
                {
                    "external_id": f"SCRIPT-{n}",
                    "service": "CMHT-N",
                    "submitted_at": campaign.opens_at.isoformat(),
                    "answers": VALID_ANSWERS,
                }
                for n in range(3)
            ],
        }
    )
    ingest = _mod("api.ingest.ingest_responses")
    summary = await ingest.asyncio(client=authed, body=batch)
    assert summary.status.value == "completed"
    assert (summary.imported, summary.ignored, summary.rejected) == (3, 0, 0)
    again = await ingest.asyncio(client=authed, body=batch)
    assert again.ignored == 3
