"""Annotations on a chart (issue 17, item 12): an annotation marks what happened, so it cannot
be dated in the future (a 2099 one was taken); its author can correct or remove it (no one
else can), each change guarded by If-Match and kept in the audit trail."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.core.audit import AuditEvent
from gwella.core.database import utcnow
from tests.factories import make_indicator, make_org, make_user, sign_in

FUTURE = "An annotation cannot be dated in the future: choose today or an earlier day."
FUTURE_CY = "Ni all nodyn gael dyddiad yn y dyfodol: dewiswch heddiw neu ddiwrnod cynharach."
ONLY_AUTHOR = "Only the person who wrote an annotation can change or remove it."


def _day(offset: int) -> str:
    return (utcnow() + timedelta(days=offset)).date().isoformat()


async def arrange(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    org = await make_org(session)
    indicator = await make_indicator(session, f"WAIT-{org.code}")
    people = {
        "author": await make_user(session, {org: [Role.staff]}),
        "colleague": await make_user(session, {org: [Role.manager]}),
        "outsider": await make_user(session, {await make_org(session): [Role.admin]}),
    }
    await session.commit()
    return {
        "org": org,
        "url": f"/api/v1/indicators/{indicator.id}/annotations",
        "chart": f"/api/v1/indicators/{indicator.id}/chart?organisation_id={org.id}",
        **{key: await sign_in(client, user.email) for key, user in people.items()},
    }


async def _notes(client: httpx.AsyncClient, w: dict[str, Any]) -> list[dict[str, Any]]:
    chart = await client.get(w["chart"], headers=w["author"])
    assert chart.status_code == 200, chart.text
    notes: list[dict[str, Any]] = chart.json()["annotations"]
    return notes


async def _trail(session: AsyncSession, record_id: str) -> list[tuple[str, Any]]:
    rows = await session.scalars(
        select(AuditEvent)
        .where(AuditEvent.record_type == "annotation", AuditEvent.record_id == record_id)
        .order_by(AuditEvent.occurred_at)
    )
    return [(e.action, e.changes) for e in rows]


@pytest.mark.parametrize(("language", "message"), [("en", FUTURE), ("cy", FUTURE_CY)])
async def test_an_annotation_dated_in_the_future_is_refused(
    client: httpx.AsyncClient, session: AsyncSession, language: str, message: str
) -> None:
    w = await arrange(client, session)
    headers = {**w["author"], "Accept-Language": language}
    for day in ("2099-01-01", _day(2)):
        note = {"organisation_id": str(w["org"].id), "on_date": day, "text": {"en": "Later"}}
        r = await client.post(w["url"], json=note, headers=headers)
        assert r.status_code == 422, r.text
        assert r.json()["errors"] == [{"field": "body.on_date", "message": message}]
    assert await _notes(client, w) == []
    today = {"organisation_id": str(w["org"].id), "on_date": _day(0), "text": {"en": "Today"}}
    assert (await client.post(w["url"], json=today, headers=headers)).status_code == 201


async def test_its_author_corrects_an_annotation_under_if_match_and_it_is_audited(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    made = await client.post(
        w["url"],
        json={"organisation_id": str(w["org"].id), "on_date": _day(-30), "text": {"en": "Nwe"}},
        headers=w["author"],
    )
    assert made.status_code == 201, made.text
    note = made.json()
    path = f"{w['url']}/{note['id']}"
    tag = {"If-Match": f'"{note["version"]}"'}
    fix = {"text": {"en": "New clinic", "cy": "Clinig newydd"}, "on_date": _day(-28)}

    # No one else may: a colleague who can see it (403), an outsider (404); nor without
    # If-Match (428), nor to a future day.
    r = await client.patch(path, json=fix, headers={**w["colleague"], **tag})
    assert (r.status_code, r.json()["detail"]) == (403, ONLY_AUTHOR)
    r = await client.patch(path, json=fix, headers={**w["outsider"], **tag})
    assert r.status_code == 404
    assert (await client.patch(path, json=fix, headers=w["author"])).status_code == 428
    r = await client.patch(path, json={"on_date": "2099-01-01"}, headers={**w["author"], **tag})
    assert r.status_code == 422
    r = await client.patch(path, json={"text": None}, headers={**w["author"], **tag})
    assert r.status_code == 422
    assert [(n["text"]["en"], n["on_date"]) for n in await _notes(client, w)] == [
        ("Nwe", _day(-30))
    ]

    r = await client.patch(path, json=fix, headers={**w["author"], **tag})
    assert r.status_code == 200, r.text
    assert (r.json()["text"], r.json()["on_date"]) == (fix["text"], fix["on_date"])
    assert r.headers["etag"] == f'"{r.json()["version"]}"' != tag["If-Match"]
    # The tag read before the change is stale now.
    r = await client.patch(path, json={"text": {"en": "x"}}, headers={**w["author"], **tag})
    assert r.status_code == 412
    assert [n["text"] for n in await _notes(client, w)] == [fix["text"]]  # both languages
    created, updated = await _trail(session, note["id"])
    assert created[0] == "annotation.created"
    assert updated == (
        "annotation.updated",
        {
            "on_date": {"before": _day(-30), "after": _day(-28)},
            "text": {"before": {"en": "Nwe"}, "after": fix["text"]},
        },
    )


async def test_its_author_removes_an_annotation_and_it_is_audited(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    made = await client.post(
        w["url"],
        json={"organisation_id": str(w["org"].id), "on_date": _day(-1), "text": {"en": "Oops"}},
        headers=w["author"],
    )
    note = made.json()
    path = f"{w['url']}/{note['id']}"
    r = await client.delete(path, headers=w["colleague"])
    assert (r.status_code, r.json()["detail"]) == (403, ONLY_AUTHOR)
    assert (await client.delete(path, headers=w["outsider"])).status_code == 404
    assert (
        await client.delete(path, headers={**w["author"], "If-Match": '"1"'})
    ).status_code == 412
    assert len(await _notes(client, w)) == 1

    assert (await client.delete(path, headers=w["author"])).status_code == 204
    assert await _notes(client, w) == []
    assert (await client.delete(path, headers=w["author"])).status_code == 404
    action, changes = (await _trail(session, note["id"]))[-1]
    assert action == "annotation.deleted"
    assert changes == {
        "indicator_id": {"before": note["indicator_id"], "after": None},
        "on_date": {"before": _day(-1), "after": None},
        "text": {"before": {"en": "Oops"}, "after": None},
    }
