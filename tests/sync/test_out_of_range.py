"""Cursors and times out of range are refused as problem+json, never a 500 (issue 16's
attacker pass, F2): a feed cursor with a mark past a 64-bit integer, a list cursor with a
time that leaves the calendar when moved to UTC, and ``changed_since`` at the calendar's
ends. Date-time query parameters are RFC 3339 text, as the spec says: a bare number is not
read as a Unix time."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from tests.factories import client_token, make_api_client, make_org, make_user, sign_in

FEEDS = ["/api/v1/responses/changes", "/api/v1/measurements/changes"]


def _cursor(data: dict[str, Any]) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _problem(r: httpx.Response, *statuses: int) -> None:
    assert r.status_code in statuses, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers


async def _partner(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, str]:
    org = await make_org(session)
    scopes = [Scope.responses_read, Scope.measurements_read]
    return await client_token(client, await make_api_client(session, org, scopes))


ZERO = "00000000-0000-0000-0000-000000000000"


@pytest.mark.parametrize("path", FEEDS)
async def test_a_feed_cursor_past_a_64_bit_mark_is_refused(
    client: httpx.AsyncClient, session: AsyncSession, path: str
) -> None:
    headers = await _partner(client, session)
    for mark in (2**63, 10**30, -1, 1.5, True, "7"):
        r = await client.get(
            path, headers=headers, params={"cursor": _cursor({"m": mark, "i": ZERO})}
        )
        _problem(r, 400)
    # The largest mark is still a cursor (the feed simply has nothing after it).
    r = await client.get(
        path, headers=headers, params={"cursor": _cursor({"m": 2**63 - 1, "i": ZERO})}
    )
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("path", FEEDS)
async def test_changed_since_at_the_calendars_ends_or_not_a_time_is_refused(
    client: httpx.AsyncClient, session: AsyncSession, path: str
) -> None:
    headers = await _partner(client, session)
    for value in (
        "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00+14:00",
        "0.5",
        "1700000000",
        "2026-01-01T00:00:00",  # no offset
    ):
        r = await client.get(path, headers=headers, params={"changed_since": value})
        _problem(r, 422)
        assert r.json()["errors"][0]["field"] == "query.changed_since", r.text
    for value in ("9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-01-01T10:00:00+01:00"):
        r = await client.get(path, headers=headers, params={"changed_since": value})
        assert r.status_code == 200, (value, r.text)


async def test_a_list_cursor_with_a_time_outside_the_calendar_in_utc_is_refused(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    headers = await _partner(client, session)
    for value in ("9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "2026-01-01T00:00:00"):
        cursor = _cursor({"s": "submitted_at", "v": value, "id": ZERO})
        r = await client.get("/api/v1/responses", headers=headers, params={"cursor": cursor})
        _problem(r, 400)
    org = await make_org(session)
    admin = await make_user(session, {org: [Role.admin]})
    await session.commit()
    signed = await sign_in(client, admin.email)
    cursor = _cursor({"s": "-occurred_at", "v": "0001-01-01T00:00:00+14:00", "id": ZERO})
    _problem(
        await client.get("/api/v1/audit-events", headers=signed, params={"cursor": cursor}), 400
    )
    cursor = _cursor({"s": "-created_at", "v": "9999-12-31T23:59:59-12:00", "id": ZERO})
    for path in ("/api/v1/imports", "/api/v1/notifications"):
        _problem(await client.get(path, headers=signed, params={"cursor": cursor}), 400)
