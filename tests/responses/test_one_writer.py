"""One writer of responses: every door through which a response arrives (the public link,
paper entry by staff, a JSON push, a CSV or NDJSON file import, a FHIR QuestionnaireResponse
or Bundle) stores it through ``gwella.responses.store.store_many``, and only through it.

Each door is driven over HTTP (the file imports then by their worker, as in tests/imports)
with ``store_many`` wrapped to record every call; the test then checks that the responses
were stored and that one writing call of ``store_many`` created exactly them. A door that
wrote responses any other way (or called a copy of the function imported by name) would
leave the record empty and fail here.
"""

from __future__ import annotations

import inspect
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import Role
from gwella.campaigns import service as campaigns
from gwella.campaigns.enums import Channel
from gwella.imports.models import ImportJob
from gwella.responses import store
from gwella.responses.models import Answer, Response
from tests.factories import make_user, sign_in
from tests.fhir.support import arrange_push, bundle, qr
from tests.imports.test_imports import HEADER, csv_rows, run_worker
from tests.ingest.test_ingest_responses import item as ingest_item
from tests.surveys import VALID_ANSWERS


@dataclass
class Call:
    """One call of ``store_many`` as the wrapper saw it."""

    items: int
    channels: set[str]
    dry_run: bool
    outcomes: list[str] | None = None
    """What the original answered for each item (None when it raised)."""


class Boom(Exception):
    """The writer failing, as a lost database would make it."""


@pytest.fixture
def import_dir(tmp_path: Path, app: Any) -> Path:
    app.state.settings.import_dir = tmp_path / "imports"
    return tmp_path / "imports"


def record_writer(monkeypatch: pytest.MonkeyPatch, *, fail: bool = False) -> list[Call]:
    """Replace ``store.store_many`` (the module attribute every door calls) by a wrapper that
    records each call and then awaits the original, or raises instead when ``fail``."""
    original = store.store_many
    signature = inspect.signature(original)
    calls: list[Call] = []

    async def recording(*args: Any, **kwargs: Any) -> list[store.Stored]:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        items = list(bound.arguments["items"])
        call = Call(len(items), {i.channel.value for i in items}, bool(bound.arguments["dry_run"]))
        calls.append(call)
        if fail:
            raise Boom("the one writer failed")
        stored = await original(*args, **kwargs)
        call.outcomes = [s.outcome for s in stored]
        return stored

    monkeypatch.setattr(store, "store_many", recording)
    return calls


class Doors:
    """An organisation whose campaign takes every channel (web, paper, partner), with a
    public link, a member of staff and an API client with ``responses:write``."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        sessionmaker: async_sessionmaker[AsyncSession],
        w: Any,
        token: str,
        staff: dict[str, str],
    ) -> None:
        self.client = client
        self.sessionmaker = sessionmaker
        self.w = w
        self.token = token
        self.staff = staff
        self.fhir_headers: dict[str, str] = w.headers
        self.api_headers = {k: v for k, v in w.headers.items() if k != "Content-Type"}

    async def web(self) -> int:
        r = await self.client.post(
            f"/api/v1/public/surveys/{self.token}/responses",
            json={"submission_id": str(uuid.uuid4()), "answers": VALID_ANSWERS},
        )
        assert r.status_code == 201, r.text
        return 1

    async def paper(self) -> int:
        r = await self.client.post(
            f"/api/v1/campaigns/{self.w.campaign.id}/paper-responses",
            headers=self.staff,
            json={
                "submission_id": str(uuid.uuid4()),
                "service_id": str(self.w.north.id),
                "completed_on": datetime.now(UTC).date().isoformat(),
                "answers": VALID_ANSWERS,
            },
        )
        assert r.status_code == 201, r.text
        return 1

    async def ingest(self) -> int:
        r = await self.client.post(
            "/api/v1/ingest/responses",
            headers=self.api_headers,
            json={
                "campaign_id": str(self.w.campaign.id),
                "items": [ingest_item(n) for n in (1, 2, 3)],
            },
        )
        assert r.status_code == 200, r.text
        assert (r.json()["status"], r.json()["imported"]) == ("completed", 3)
        return 3

    async def _import(self, body: str, media: str) -> ImportJob:
        r = await self.client.post(
            f"/api/v1/imports?kind=responses&campaign_id={self.w.campaign.id}",
            content=body.encode(),
            headers={**self.api_headers, "Content-Type": media},
        )
        assert r.status_code == 202, r.text
        job = await run_worker(self.sessionmaker)
        assert job is not None
        return job

    async def csv(self) -> int:
        job = await self._import(HEADER + csv_rows(2), "text/csv")
        assert job.state.value == "completed", job.failure_reason
        assert job.summary == {"imported": 2, "updated": 0, "ignored": 0, "rejected": 0}
        return 2

    async def ndjson(self) -> int:
        lines = "".join(json.dumps(ingest_item(n)) + "\n" for n in (1, 2))
        job = await self._import(lines, "application/x-ndjson")
        assert job.state.value == "completed", job.failure_reason
        assert job.summary == {"imported": 2, "updated": 0, "ignored": 0, "rejected": 0}
        return 2

    async def fhir(self) -> int:
        r = await self.client.post(
            "/fhir/r4/QuestionnaireResponse", headers=self.fhir_headers, json=qr(self.w, 1)
        )
        assert r.status_code == 201, r.text
        return 1

    async def bundle(self) -> int:
        entries = [qr(self.w, 1), qr(self.w, 2)]
        r = await self.client.post(
            "/fhir/r4", headers=self.fhir_headers, json=bundle("batch", entries)
        )
        assert r.status_code == 200, r.text
        assert [e["response"]["status"] for e in r.json()["entry"]] == ["201 Created"] * 2
        return 2


DOORS: dict[str, tuple[Callable[[Doors], Awaitable[int]], Channel]] = {
    "public web submission": (Doors.web, Channel.web),
    "paper entry by staff": (Doors.paper, Channel.paper),
    "JSON ingest (batch)": (Doors.ingest, Channel.partner),
    "CSV file import": (Doors.csv, Channel.partner),
    "NDJSON file import": (Doors.ndjson, Channel.partner),
    "FHIR QuestionnaireResponse": (Doors.fhir, Channel.partner),
    "FHIR batch Bundle": (Doors.bundle, Channel.partner),
}


async def arrange(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> Doors:
    w = await arrange_push(client, session, channels=(Channel.web, Channel.paper, Channel.partner))
    links = (await campaigns.links_of(session, [w.campaign.id]))[w.campaign.id]
    token = next(link.public_token for link in links if link.service_id == w.north.id)
    staff = await make_user(session, {w.org: [Role.staff]})
    return Doors(client, sessionmaker, w, token, await sign_in(client, staff.email))


async def stored(session: AsyncSession) -> list[tuple[str, str | None]]:
    """(channel, external id) of every stored response, in any campaign."""
    session.expire_all()
    rows = await session.execute(select(Response.channel, Response.external_id))
    return sorted((str(channel), external) for channel, external in rows.all())


async def answers(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Answer)) or 0)


@pytest.mark.parametrize("door", list(DOORS))
async def test_every_door_stores_through_the_one_writer(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    door: str,
) -> None:
    doors = await arrange(client, session, sessionmaker)
    calls = record_writer(monkeypatch)
    enter, channel = DOORS[door]

    sent = await enter(doors)

    rows = await stored(session)
    assert len(rows) == sent
    assert {c for c, _ in rows} == {channel.value}
    assert await answers(session) == sent * len(VALID_ANSWERS)
    # Exactly one call wrote, carrying every item of the request (a batch is one call, not
    # one per item), and it is the call that created the stored responses. (A push that must
    # be all or nothing may first ask the same writer for a dry run, which writes nothing.)
    writes = [c for c in calls if not c.dry_run]
    assert writes == [Call(sent, {channel.value}, False, ["created"] * sent)], calls
    assert all(c.items == sent for c in calls), calls


@pytest.mark.parametrize("door", ["JSON ingest (batch)", "CSV file import"])
async def test_when_the_one_writer_fails_nothing_is_stored(
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    door: str,
) -> None:
    """With ``store_many`` failing before it writes anything, no response appears: there is
    no second path that stores them."""
    doors = await arrange(client, session, sessionmaker)
    calls = record_writer(monkeypatch, fail=True)

    if door == "JSON ingest (batch)":
        with pytest.raises(Boom):
            await doors.ingest()
    else:
        r = await client.post(
            f"/api/v1/imports?kind=responses&campaign_id={doors.w.campaign.id}",
            content=(HEADER + csv_rows(2)).encode(),
            headers={**doors.api_headers, "Content-Type": "text/csv"},
        )
        assert r.status_code == 202, r.text
        job = await run_worker(sessionmaker)
        assert job is not None
        assert job.state.value == "failed"
        assert "Boom" in (job.failure_reason or "")

    assert [(c.items, c.outcomes) for c in calls] == [(3 if door.startswith("JSON") else 2, None)]
    assert await stored(session) == []
    assert await answers(session) == 0
