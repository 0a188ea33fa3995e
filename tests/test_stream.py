"""The event stream tells an open dashboard within a second that a response arrived."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from tests.factories import make_org, make_service, make_user, sign_in
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version


def events(body: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for block in body.split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in lines:
            out.append((lines["event"], json.loads(lines["data"])))
    return out


async def test_a_response_reaches_an_open_stream(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    service = await make_service(session, org)
    version = await make_published_version(session, org)
    campaign, links = await make_campaign(session, version, [service])
    viewer = await make_user(session, {org: [Role.staff]})
    stranger = await make_user(session, {await make_org(session): [Role.admin]})
    mine = await sign_in(client, viewer.email)
    theirs = await sign_in(client, stranger.email)

    async def submit() -> None:
        await asyncio.sleep(1.0)
        r = await client.post(
            f"/api/v1/public/surveys/{links[service.id].public_token}/responses",
            json={"submission_id": str(uuid.uuid4()), "answers": VALID_ANSWERS},
        )
        assert r.status_code == 201

    seen, hidden, _ = await asyncio.gather(
        client.get("/api/v1/stream?seconds=3", headers=mine),
        client.get("/api/v1/stream?seconds=3", headers=theirs),
        submit(),
    )
    assert seen.headers["content-type"].startswith("text/event-stream")
    # one response is below the minimum cell size: the stream says "refetch", not how many
    assert ("results", {"campaign_id": str(campaign.id), "responses": None}) in events(seen.text)
    assert events(hidden.text) == []
    assert (await client.get("/api/v1/stream?seconds=1")).status_code == 401
