"""Bulk response ingestion: idempotent by (organisation, external id), validated as a web
response, best-effort or atomic, dry runs, limits, and who may push."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from gwella.campaigns.enums import Channel
from gwella.core.audit import AuditEvent
from gwella.core.database import utcnow
from gwella.core.security import keyed_hash
from gwella.responses.models import Answer, Response
from tests.factories import (
    client_token,
    make_api_client,
    make_org,
    make_service,
    make_user,
    sign_in,
)
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version


async def arrange(
    client: httpx.AsyncClient, session: AsyncSession, **campaign_options: Any
) -> dict[str, Any]:
    org = await make_org(session)
    north = await make_service(session, org, code="CMHT-N")
    west = await make_service(session, org, code="CMHT-W")
    version = await make_published_version(session, org)
    options = {"channels": (Channel.web, Channel.partner), **campaign_options}
    campaign, _ = await make_campaign(session, version, [north, west], **options)
    api = await make_api_client(session, org, [Scope.responses_write])
    return {
        "org": org,
        "north": north,
        "campaign": campaign,
        "headers": await client_token(client, api),
    }


def item(n: int, **extra: Any) -> dict[str, Any]:
    return {
        "external_id": f"PAS-{n}",
        "service": "CMHT-N",
        "submitted_at": (utcnow() - timedelta(hours=1)).isoformat(),
        "answers": VALID_ANSWERS,
        **extra,
    }


async def push(
    client: httpx.AsyncClient, w: dict[str, Any], items: list[dict[str, Any]], query: str = ""
) -> httpx.Response:
    return await client.post(
        f"/api/v1/ingest/responses{query}",
        headers=w["headers"],
        json={"campaign_id": str(w["campaign"].id), "items": items},
    )


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Response)) or 0)


async def test_new_items_are_imported_and_a_repeat_is_ignored(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    batch = [item(n) for n in range(3)] + [item(3, service=str(w["north"].id))]
    first = await push(client, w, batch)
    assert first.status_code == 200, first.text
    assert first.json() == {
        "status": "completed",
        "dry_run": False,
        "imported": 4,
        "updated": 0,
        "ignored": 0,
        "rejected": 0,
        "errors": [],
    }
    again = await push(client, w, batch)
    assert again.json()["ignored"] == 4
    assert again.json()["imported"] == 0
    assert await count(session) == 4
    stored = await session.scalar(select(Response).where(Response.external_id == "PAS-0"))
    assert stored is not None
    assert stored.channel == "partner"
    assert stored.submitted_at.hour == 0  # anonymous: the day only
    answers = await session.scalar(
        select(func.count()).select_from(Answer).where(Answer.response_id == stored.id)
    )
    assert answers == len(VALID_ANSWERS)


async def test_changed_content_updates_the_stored_response_and_is_audited(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    await push(client, w, [item(1)])
    changed = item(1, answers={**VALID_ANSWERS, "involved": "1", "comment": "Changed my mind"})
    r = await push(client, w, [changed])
    assert (r.json()["updated"], r.json()["imported"]) == (1, 0)
    assert await count(session) == 1
    stored = await session.scalar(select(Response))
    assert stored is not None
    assert stored.updated_at is not None
    involved = await session.scalar(
        select(Answer.value).where(
            Answer.response_id == stored.id, Answer.question_key == "involved"
        )
    )
    assert involved == {"v": "1"}
    events = await session.scalar(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "response.updated")
    )
    assert events == 1


async def test_best_effort_keeps_the_valid_items_and_lists_the_others(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    batch = [
        item(1),
        item(2, answers={**VALID_ANSWERS, "involved": "7"}),
        item(3, service="NOPE"),
        item(4, submitted_at=(utcnow() - timedelta(days=400)).isoformat()),
        item(5),
    ]
    r = await push(client, w, batch)
    body = r.json()
    assert (body["status"], body["imported"], body["rejected"]) == ("partial", 2, 3)
    assert [(e["index"], e["external_id"], e["code"], e["field"]) for e in body["errors"]] == [
        (1, "PAS-2", "invalid", "items.1.answers.involved"),
        (2, "PAS-3", "unknown_service", "items.2.service"),
        (3, "PAS-4", "outside_window", "items.3.submitted_at"),
    ]
    assert await count(session) == 2


async def test_atomic_stores_nothing_when_any_item_is_refused(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    r = await push(client, w, [item(1), item(2, service="NOPE")], "?mode=atomic")
    assert r.json()["status"] == "failed"
    assert r.json()["imported"] == 0
    assert await count(session) == 0
    ok = await push(client, w, [item(1), item(2)], "?mode=atomic")
    assert ok.json()["status"] == "completed"
    assert await count(session) == 2


async def test_dry_run_reports_without_writing(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    r = await push(client, w, [item(1), item(2, service="NOPE")], "?dry_run=true")
    assert r.json()["dry_run"] is True
    assert (r.json()["imported"], r.json()["rejected"]) == (1, 1)
    assert await count(session) == 0


async def test_the_same_external_id_twice_in_a_batch(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    other = item(1, answers={**VALID_ANSWERS, "involved": "2"})
    r = await push(client, w, [item(1), item(1), other])
    body = r.json()
    assert (body["imported"], body["ignored"], body["rejected"]) == (1, 1, 1)
    assert body["errors"][0]["code"] == "duplicate_external_id"


async def test_too_many_items_is_413(client: httpx.AsyncClient, session: AsyncSession) -> None:
    w = await arrange(client, session)
    small = {
        "external_id": "x",
        "service": "CMHT-N",
        "submitted_at": utcnow().isoformat(),
        "answers": {},
    }
    r = await push(client, w, [small] * 5001)
    assert r.status_code == 413
    assert await count(session) == 0


async def test_a_campaign_without_the_partner_channel_refuses_the_batch(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session, channels=(Channel.web,))
    r = await push(client, w, [item(1)])
    assert r.status_code == 409


@pytest.mark.parametrize("who", ["no_scope", "person", "other_org"])
async def test_only_a_client_of_the_organisation_with_the_scope_may_push(
    client: httpx.AsyncClient, session: AsyncSession, who: str
) -> None:
    w = await arrange(client, session)
    if who == "no_scope":
        api = await make_api_client(session, w["org"], [Scope.read])
        headers = await client_token(client, api)
        expected = 403
    elif who == "person":
        user = await make_user(session, {w["org"]: [Role.admin]})
        headers = await sign_in(client, user.email)
        expected = 403
    else:
        stranger = await make_org(session)
        api = await make_api_client(session, stranger, [Scope.responses_write])
        headers = await client_token(client, api)
        expected = 404
    r = await client.post(
        "/api/v1/ingest/responses",
        headers=headers,
        json={"campaign_id": str(w["campaign"].id), "items": [item(1)]},
    )
    assert r.status_code == expected
    assert await count(session) == 0


async def test_external_ids_are_per_organisation(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w1 = await arrange(client, session)
    w2 = await arrange(client, session)
    assert (await push(client, w1, [item(1)])).json()["imported"] == 1
    assert (await push(client, w2, [item(1)])).json()["imported"] == 1
    assert await count(session) == 2


async def test_pseudonymous_campaigns_keep_only_a_keyed_hash_of_the_respondent(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    from gwella.campaigns.enums import Anonymity

    w = await arrange(client, session, anonymity=Anonymity.pseudonymous)
    r = await push(client, w, [item(1, respondent_reference="NHS 943 476 5919")])
    assert r.json()["imported"] == 1
    stored = await session.scalar(select(Response))
    assert stored is not None
    assert stored.respondent_reference is None
    assert stored.respondent_hash is not None
    # The keyed hash of the reference, nothing of the number itself. (Not "no '943' in the
    # hash": 64 random hex digits hold any given three about one time in seventy.)
    assert stored.respondent_hash == keyed_hash(
        "NHS 943 476 5919", f"respondent:{stored.campaign_id}"
    )
    assert "9434765919" not in stored.respondent_hash.replace(" ", "")
