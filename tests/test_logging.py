"""Logs: one JSON object a line, a request id on every line of a request, no secrets."""

from __future__ import annotations

import io
import json
import logging

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.logging import get_logger
from tests.factories import PASSWORD, make_org, make_user


async def test_request_lines_carry_the_request_id_and_no_secrets(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    user = await make_user(session, email="logged@example.test")
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        token = await client.post(
            "/api/v1/auth/token",
            data={"grant_type": "password", "username": user.email, "password": PASSWORD},
            headers={"X-Request-ID": "log-test-0001"},
        )
        access = token.json()["access_token"]
        await client.get(
            f"/api/v1/organisations/{org.id}",
            headers={"Authorization": f"Bearer {access}", "X-Request-ID": "log-test-0002"},
        )
        get_logger("gwella.test").info("probe", password=PASSWORD)
    finally:
        handler.setStream(previous)  # type: ignore[arg-type]
    lines = [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
    requests = [line for line in lines if line.get("event") == "request"]
    assert {r["request_id"] for r in requests} >= {"log-test-0001", "log-test-0002"}
    text = buffer.getvalue()
    assert PASSWORD not in text
    assert access not in text
