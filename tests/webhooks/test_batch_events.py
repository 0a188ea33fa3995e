"""A partner's batch raises one ``responses.ingested`` per subscriber, naming its range with a
link to the change feed, instead of one ``response.created`` per row: a JSON push, each
file import (one for the whole job) and a FHIR Bundle. Single submissions keep their own event."""

from __future__ import annotations

import json
import urllib.parse
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import Scope
from gwella.campaigns.enums import Anonymity, Channel
from gwella.core.database import utcnow
from gwella.imports import service as imports
from gwella.imports.models import ImportJob
from gwella.responses.models import Response
from gwella.webhooks.models import WebhookDelivery, WebhookEvent
from gwella.webhooks.schemas import WebhookEventType
from tests.factories import (
    client_token,
    make_api_client,
    make_org,
    make_partnership,
    make_service,
)
from tests.fhir.support import arrange_push, bundle, qr
from tests.imports.test_imports import HEADER, csv_rows, run_worker, upload
from tests.ingest.test_ingest_responses import arrange, item, push
from tests.surveys import make_campaign, make_published_version
from tests.webhooks.conftest import Hooks

INGESTED = WebhookEventType.responses_ingested
CREATED = WebhookEventType.response_created


async def sent(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> list[tuple[str, Any, dict[str, Any]]]:
    """(event type, subscription id, payload) of every queued delivery, in event order."""
    async with sessionmaker() as s:
        rows = await s.execute(
            select(WebhookEvent.event_type, WebhookDelivery.subscription_id, WebhookEvent.payload)
            .join(WebhookDelivery, WebhookDelivery.event_seq == WebhookEvent.seq)
            .order_by(WebhookEvent.seq, WebhookDelivery.subscription_id)
        )
        return [(t, sub, payload) for t, sub, payload in rows]


@pytest.fixture
def import_dir(tmp_path: Path, app: Any) -> Path:
    """Uploaded files go to a directory of the test's own (as in tests/imports)."""
    app.state.settings.import_dir = tmp_path / "imports"
    return tmp_path / "imports"


def _day(moment: datetime) -> datetime:
    return datetime.combine(moment.astimezone(UTC).date(), time(0), tzinfo=UTC)


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


async def test_a_500_row_batch_queues_one_event_per_subscriber_and_none_per_row(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks
) -> None:
    w = await arrange(client, session)
    everything, _ = await hooks.subscribe(w["org"])
    only_batches, _ = await hooks.subscribe(w["org"], [INGESTED])
    before = utcnow()
    r = await push(client, w, [item(n) for n in range(500)])
    after = utcnow()
    assert r.json()["imported"] == 500, r.text

    # (The campaign is anonymous: its results move on by a `results.released` as well.)
    queued = [q for q in await sent(hooks.sessionmaker) if q[0] != "results.released"]
    assert sorted((t, str(sub)) for t, sub, _ in queued) == sorted(
        [(INGESTED.value, str(everything.id)), (INGESTED.value, str(only_batches.id))]
    )
    data = queued[0][2]["data"]
    assert data["batch_kind"] == "ingest"
    assert data["organisation_id"] == data["source_organisation_id"] == str(w["org"].id)
    assert data["campaign_ids"] == [str(w["campaign"].id)]
    assert data["counts"] == {"created": 500, "updated": 0, "unchanged": 0}

    # The feed link starts just before the batch's first change and the range covers it.
    link = urllib.parse.urlsplit(data["changes_url"])
    assert link.path == "/api/v1/responses/changes"
    query = urllib.parse.parse_qs(link.query)
    assert list(query) == ["changed_since"]
    since = _moment(query["changed_since"][0])
    assert since == _moment(data["changed_from"])
    # The campaign is anonymous: the batch's times are its day only, as its responses' are
    # (the feed reads from the start of that day anyway).
    assert _day(before) <= since <= _moment(data["changed_to"]) <= _day(after)
    assert since.time() == _moment(data["changed_to"]).time() == time(0)
    async with hooks.sessionmaker() as s:
        earliest, latest = (
            await s.execute(
                select(func.min(Response.submitted_at), func.max(Response.submitted_at))
            )
        ).one()
    assert _moment(data["submitted_from"]) == earliest.replace(tzinfo=UTC)
    assert _moment(data["submitted_to"]) == latest.replace(tzinfo=UTC)

    # A repeat changes nothing and says nothing; one changed row is a batch of one update.
    again = await push(client, w, [item(n) for n in range(500)])
    assert again.json()["ignored"] == 500
    assert len([q for q in await sent(hooks.sessionmaker) if q[0] == INGESTED.value]) == 2
    changed = [item(n) for n in range(3)]
    changed[1]["answers"] = {**changed[1]["answers"], "visits": 9}
    assert (await push(client, w, changed)).json()["updated"] == 1
    queued = [q for q in await sent(hooks.sessionmaker) if q[0] != "results.released"]
    assert [t for t, _, _ in queued] == [INGESTED.value] * 4
    assert queued[-1][2]["data"]["counts"] == {"created": 0, "updated": 1, "unchanged": 2}
    assert queued[-1][2]["data"]["batch_id"] != data["batch_id"]
    async with hooks.sessionmaker() as s:
        stored = await s.scalar(select(Response).where(Response.external_id == "PAS-1"))
    assert stored is not None
    assert stored.updated_at is not None
    last = queued[-1][2]["data"]
    moment = stored.updated_at.replace(tzinfo=UTC)
    assert _moment(last["changed_from"]) <= moment <= _moment(last["changed_to"])


async def test_a_dry_run_or_a_failed_atomic_batch_raises_nothing(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks
) -> None:
    w = await arrange(client, session)
    await hooks.subscribe(w["org"])
    assert (await push(client, w, [item(1)], "?dry_run=true")).status_code == 200
    bad = [item(1), item(2, service="NOWHERE")]
    assert (await push(client, w, bad, "?mode=atomic")).json()["status"] == "failed"
    assert await sent(hooks.sessionmaker) == []


async def test_a_file_import_raises_one_event_for_the_whole_job_even_when_resumed(
    client: httpx.AsyncClient,
    session: AsyncSession,
    hooks: Hooks,
    import_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """100 rows in chunks of 40, the first chunk by a worker that dies: one event when the
    job ends, naming the whole import (every chunk's counts, the feed from before the first
    chunk), none per chunk."""
    from tests.imports.test_imports import arrange as arrange_import

    w = await arrange_import(client, session)
    await hooks.subscribe(w["org"], [INGESTED, CREATED])
    monkeypatch.setattr(imports, "CHUNK_ROWS", 40)
    job = (await upload(client, w, HEADER + csv_rows(100, bad_every=50))).json()
    async with hooks.sessionmaker() as s:
        claimed = await imports.claim(s, "doomed-worker")
        assert claimed is not None
    before = utcnow()
    assert await imports._process_chunk(hooks.sessionmaker, claimed.id, "doomed-worker")
    after_first = utcnow()
    assert await sent(hooks.sessionmaker) == []  # a committed chunk raises nothing yet
    async with hooks.sessionmaker() as s:
        await s.execute(update(ImportJob).values(locked_until=utcnow() - timedelta(seconds=1)))
        await s.commit()
    done = await run_worker(hooks.sessionmaker)
    assert done is not None
    assert done.attempts == 2
    assert done.state.value == "completed_with_errors"
    assert done.summary["imported"] == 98

    queued = await sent(hooks.sessionmaker)
    assert [t for t, _, _ in queued] == [INGESTED.value]
    data = queued[0][2]["data"]
    assert (data["batch_kind"], data["batch_id"]) == ("import", job["id"])
    assert data["counts"] == {"created": 98, "updated": 0, "unchanged": 0}
    assert data["campaign_ids"] == [str(w["campaign"].id)]
    since = _moment(data["changed_from"])
    assert _day(before) <= since <= after_first
    assert since.time() == time(0)  # an anonymous campaign: the day only
    assert done.finished_at is not None
    assert _moment(data["changed_to"]) >= since
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(data["changes_url"]).query)
    assert _moment(query["changed_since"][0]) == since

    # The same file again: every row already stored, nothing changed, nothing raised.
    await upload(client, w, HEADER + csv_rows(100, bad_every=50))
    again = await run_worker(hooks.sessionmaker)
    assert again is not None
    assert again.summary["ignored"] == 98
    assert len(await sent(hooks.sessionmaker)) == 1


async def test_an_import_that_stored_nothing_raises_no_batch_event(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks, import_dir: Path
) -> None:
    from tests.imports.test_imports import arrange as arrange_import

    w = await arrange_import(client, session)
    await hooks.subscribe(w["org"], [INGESTED, CREATED])
    await upload(client, w, HEADER + csv_rows(3, bad_every=1))
    failed = await run_worker(hooks.sessionmaker)
    assert failed is not None
    assert failed.state.value == "failed"
    await upload(client, w, HEADER + csv_rows(5, bad_every=5), mode="atomic")
    atomic = await run_worker(hooks.sessionmaker)
    assert atomic is not None
    assert atomic.state.value == "failed"
    assert await sent(hooks.sessionmaker) == []


async def test_a_fhir_bundle_raises_one_event_and_a_single_resource_its_own(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks
) -> None:
    w = await arrange_push(client, session)
    await hooks.subscribe(w.org, [INGESTED, CREATED])
    single = await client.post("/fhir/r4/QuestionnaireResponse", headers=w.headers, json=qr(w, 0))
    assert single.status_code == 201, single.text
    assert [t for t, _, _ in await sent(hooks.sessionmaker)] == [CREATED.value]

    r = await client.post(
        "/fhir/r4", headers=w.headers, json=bundle("batch", [qr(w, n) for n in range(1, 6)])
    )
    assert r.status_code == 200, r.text
    queued = await sent(hooks.sessionmaker)
    assert [t for t, _, _ in queued] == [CREATED.value, INGESTED.value]
    data = queued[-1][2]["data"]
    assert data["batch_kind"] == "fhir_bundle"
    assert data["counts"] == {"created": 5, "updated": 0, "unchanged": 0}
    assert data["campaign_ids"] == [str(w.campaign.id)]

    # A transaction that is refused stores nothing and raises nothing.
    late = qr(w, 9, authored="2001-01-01T00:00:00Z")
    refused = await client.post(
        "/fhir/r4", headers=w.headers, json=bundle("transaction", [qr(w, 8), late])
    )
    assert refused.status_code >= 400
    assert len(await sent(hooks.sessionmaker)) == 2


async def test_a_fhir_bundle_file_import_raises_the_batch_event(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks, import_dir: Path
) -> None:
    w = await arrange_push(client, session)
    await hooks.subscribe(w.org, [INGESTED, CREATED])
    body = json.dumps(bundle("batch", [qr(w, n) for n in range(3)]))
    headers = {**w.headers, "Content-Type": "application/fhir+json"}
    r = await client.post("/api/v1/imports?kind=responses", content=body.encode(), headers=headers)
    assert r.status_code == 202, r.text
    job = await run_worker(hooks.sessionmaker)
    assert job is not None
    assert job.summary["imported"] == 3
    queued = await sent(hooks.sessionmaker)
    assert [t for t, _, _ in queued] == [INGESTED.value]
    data = queued[0][2]["data"]
    assert (data["batch_kind"], data["batch_id"]) == ("import", str(job.id))
    assert data["counts"]["created"] == 3


@pytest.mark.parametrize("anonymity", [Anonymity.identified, Anonymity.anonymous])
async def test_who_hears_of_a_batch_is_who_would_have_heard_of_each_response(
    client: httpx.AsyncClient, session: AsyncSession, hooks: Hooks, anonymity: Anonymity
) -> None:
    """In an identified campaign the campaign's organisation hears of a partner's batch too;
    otherwise only the pushing organisation does (nobody else learns of single responses)."""
    owner = await make_org(session)
    partner = await make_org(session)
    await make_partnership(session, owner, partner)
    service = await make_service(session, partner, code="CMHT-N")
    version = await make_published_version(session, owner)
    campaign, _ = await make_campaign(
        session, version, [service], anonymity=anonymity, channels=(Channel.partner,)
    )
    api = await make_api_client(session, partner, [Scope.responses_write])
    headers = await client_token(client, api)
    owner_sub, _ = await hooks.subscribe(owner, [INGESTED])
    partner_sub, _ = await hooks.subscribe(partner, [INGESTED])
    extra = {"consent": True} if anonymity is Anonymity.identified else {}
    items = [
        item(n, **extra, **({"respondent_reference": f"MRN-{n}"} if extra else {}))
        for n in range(3)
    ]
    r = await client.post(
        "/api/v1/ingest/responses",
        headers=headers,
        json={"campaign_id": str(campaign.id), "items": items},
    )
    assert r.json()["imported"] == 3, r.text
    queued = [q for q in await sent(hooks.sessionmaker) if q[0] == INGESTED.value]
    heard = {str(sub) for _, sub, _ in queued}
    expected = {str(partner_sub.id)}
    if anonymity is Anonymity.identified:
        expected.add(str(owner_sub.id))
    assert heard == expected
    for _, sub, payload in queued:
        data = payload["data"]
        assert data["source_organisation_id"] == str(partner.id)
        assert data["organisation_id"] == str(owner.id if sub == owner_sub.id else partner.id)
