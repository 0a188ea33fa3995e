"""The event stream tells an open dashboard within a second that results moved on: at a
release of several responses, never at each one."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from tests.factories import make_org, make_service, make_user, sign_in
from tests.surveys import answer_publicly, make_campaign, make_published_version


def events(body: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for block in body.split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in lines:
            out.append((lines["event"], json.loads(lines["data"])))
    return out


async def test_a_release_reaches_an_open_stream(
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
    token = links[service.id].public_token

    async def submit() -> None:
        await asyncio.sleep(0.8)
        await answer_publicly(client, token, times=4)  # four: nothing to tell yet
        await asyncio.sleep(1.2)
        await answer_publicly(client, token)  # the fifth: a release

    seen, hidden, _ = await asyncio.gather(
        client.get("/api/v1/stream?seconds=3.5", headers=mine),
        client.get("/api/v1/stream?seconds=3.5", headers=theirs),
        submit(),
    )
    assert seen.headers["content-type"].startswith("text/event-stream")
    [(name, data)] = events(seen.text)  # one event for the release, none per response
    assert name == "results"
    assert data["campaign_id"] == str(campaign.id)
    # The published number of responses (five, moved by at most 3), or held back.
    assert data["responses"] is None or 5 <= data["responses"] <= 8
    assert events(hidden.text) == []
    assert (await client.get("/api/v1/stream?seconds=1")).status_code == 401
