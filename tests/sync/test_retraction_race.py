"""A push racing a retraction of the same external id (the attacker's F5): the retraction
commits between the push's check and its write. In best-effort mode only that item is
refused (``removed_meanwhile``, send it again) and the rest of the batch is stored; an
atomic batch is refused whole (409) and nothing of it is kept. The race is arranged
deterministically: the retraction runs in the push's own transaction, at the moment the
push locks the records it is about to change."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core import concurrency
from gwella.indicators import service as indicators
from gwella.indicators import sync as measurement_sync
from gwella.indicators.models import Measurement
from gwella.responses import claims
from gwella.responses import sync as response_sync
from gwella.responses.models import Response
from tests.factories import SYSTEM
from tests.surveys import VALID_ANSWERS
from tests.sync.test_measurement_sync import arrange as arrange_measurements
from tests.sync.test_measurement_sync import m
from tests.sync.test_response_sync import arrange as arrange_responses
from tests.sync.test_response_sync import item, push

Retract = Callable[..., Awaitable[Any]]


def retract_first(
    monkeypatch: pytest.MonkeyPatch, module: Any, retract: Retract, org_id: Any, ext: str
) -> None:
    """When ``module`` next locks rows to write them, retract ``ext`` just before."""
    done: list[bool] = []

    async def lock_rows(session: AsyncSession, model: Any, ids: Any) -> Any:
        if not done:
            done.append(True)
            await retract(session, SYSTEM, org_id, [ext], "raced", dry_run=False)
        return await concurrency.lock_rows(session, model, ids)

    monkeypatch.setattr(module, "lock_rows", lock_rows)


@pytest.mark.parametrize("mode", ["best_effort", "atomic"])
async def test_a_response_retracted_while_its_push_runs(
    client: httpx.AsyncClient, session: AsyncSession, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    w = await arrange_responses(client, session)
    await push(client, w, [item(1), item(2)])
    other = {**VALID_ANSWERS, "visits": 4}
    retract_first(monkeypatch, claims, response_sync.retract, w["org_id"], "PAS-1")
    r = await client.post(
        f"/api/v1/ingest/responses?mode={mode}",
        headers=w["headers"],
        json={
            "campaign_id": str(w["campaign_id"]),
            "items": [item(1, answers=other), item(2, answers=other), item(3)],
        },
    )
    session.expire_all()
    stored = {r.external_id: r.submitted_at for r in await session.scalars(select(Response))}
    if mode == "atomic":
        assert r.status_code == 409, r.text
        assert set(stored) == {"PAS-1", "PAS-2"}  # the retraction went with the batch
        return
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["status"], body["imported"], body["updated"]) == ("partial", 1, 1)
    [error] = body["errors"]
    assert (error["index"], error["code"]) == (0, "removed_meanwhile")
    assert set(stored) == {"PAS-2", "PAS-3"}  # PAS-1 stays retracted, the rest stored


@pytest.mark.parametrize("mode", ["best_effort", "atomic"])
async def test_a_measurement_retracted_while_its_push_runs(
    client: httpx.AsyncClient, session: AsyncSession, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    w = await arrange_measurements(client, session)
    first = await client.post(
        "/api/v1/ingest/measurements",
        headers=w["headers"],
        json={"items": [m(1, external_id="M-1"), m(2, external_id="M-2")]},
    )
    assert first.json()["imported"] == 2, first.text
    retract_first(monkeypatch, indicators, measurement_sync.retract, w["org_id"], "M-1")
    r = await client.post(
        f"/api/v1/ingest/measurements?mode={mode}",
        headers=w["headers"],
        json={
            "items": [
                m(1, 30.0, external_id="M-1"),
                m(2, 30.0, external_id="M-2"),
                m(3, external_id="M-3"),
            ]
        },
    )
    session.expire_all()
    stored = {x.external_id: x.value for x in await session.scalars(select(Measurement))}
    if mode == "atomic":
        assert r.status_code == 409, r.text
        assert stored == {"M-1": 20.0, "M-2": 20.0}
        return
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["status"], body["imported"], body["updated"]) == ("partial", 1, 1)
    [error] = body["errors"]
    assert (error["index"], error["code"]) == (0, "removed_meanwhile")
    assert stored == {"M-2": 30.0, "M-3": 20.0}
