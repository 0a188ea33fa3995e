"""``null`` in the required fields of charts (issue 15): the chart's parameters, annotation
and measurement bodies. Each is a 422 problem naming the field and stores nothing; a text
whose every language is null or blank (an annotation, an indicator's name) is refused too,
where it used to be stored as an empty note or a nameless indicator."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from gwella.indicators.models import Annotation, Indicator, Measurement
from tests.factories import (
    client_token,
    make_api_client,
    make_indicator,
    make_org,
    make_user,
    sign_in,
)


@pytest.fixture
async def w(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    org = await make_org(session)
    indicator = await make_indicator(session, "NULLS", values=[50.0, 52.0, 51.0], measured=org)
    admin = await make_user(session, {org: [Role.admin]})
    api = await make_api_client(session, org, [Scope.measurements_write])
    return {
        "org": str(org.id),
        "indicator": indicator,
        "headers": await sign_in(client, admin.email),
        "api": await client_token(client, api),
    }


async def _counts(session: AsyncSession) -> tuple[int, ...]:
    return tuple(
        [
            int(await session.scalar(select(func.count()).select_from(table)) or 0)
            for table in (Annotation, Indicator, Measurement)
        ]
    )


def _refused(r: httpx.Response, field: str) -> None:
    assert r.status_code == 422, (field, r.status_code, r.text)
    assert r.headers["content-type"] == "application/problem+json"
    fields = [e["field"] for e in r.json()["errors"]]
    assert any(f == field or f.startswith(f"{field}.") for f in fields), r.text


async def test_null_chart_parameters_are_refused(
    client: httpx.AsyncClient, w: dict[str, Any]
) -> None:
    url = f"/api/v1/indicators/{w['indicator'].id}/chart"
    org = w["org"]
    for name in (
        "organisation_id",
        "service_id",
        "baseline_points",
        "recalculate_at",
        "run_length",
        "screen_moving_ranges",
        "two_of_three",
    ):
        params = {"organisation_id": org, name: "null"}
        _refused(await client.get(url, params=params, headers=w["headers"]), f"query.{name}")
        params = {"organisation_id": org, name: ""}
        _refused(await client.get(url, params=params, headers=w["headers"]), f"query.{name}")
    r = await client.get(url, params={"organisation_id": org}, headers=w["headers"])
    assert r.status_code == 200


async def test_null_annotation_fields_are_refused(
    client: httpx.AsyncClient, session: AsyncSession, w: dict[str, Any]
) -> None:
    before = await _counts(session)
    url = f"/api/v1/indicators/{w['indicator'].id}/annotations"
    note = {"organisation_id": w["org"], "on_date": "2026-03-01", "text": {"en": "New clinic"}}
    for field in ("organisation_id", "on_date", "text"):
        r = await client.post(url, json={**note, field: None}, headers=w["headers"])
        _refused(r, f"body.{field}")
    for text in ({"en": None, "cy": None}, {"en": "  ", "cy": ""}, {}):
        r = await client.post(url, json={**note, "text": text}, headers=w["headers"])
        _refused(r, "body.text")
    assert await _counts(session) == before
    welsh_only = await client.post(
        url, json={**note, "text": {"en": None, "cy": "Clinig newydd"}}, headers=w["headers"]
    )
    assert welsh_only.status_code == 201, welsh_only.text


async def test_null_measurement_and_indicator_fields_are_refused(
    client: httpx.AsyncClient, session: AsyncSession, w: dict[str, Any]
) -> None:
    before = await _counts(session)
    item = {"indicator": "NULLS", "period_start": "2025-06-01", "period_end": "2025-06-28"}
    for field in ("indicator", "period_start", "period_end"):
        r = await client.post(
            "/api/v1/ingest/measurements",
            json={"items": [{**item, "value": 1.0, field: None}]},
            headers=w["api"],
        )
        _refused(r, f"body.items.0.{field}")
    for body in (None, {"items": None}, {"items": [None]}):
        r = await client.post("/api/v1/ingest/measurements", json=body, headers=w["api"])
        assert r.status_code == 422, r.text
    # Neither a value nor both parts of a ratio: refused in the batch's summary.
    r = await client.post(
        "/api/v1/ingest/measurements",
        json={"items": [{**item, "value": None, "numerator": None, "denominator": None}]},
        headers=w["api"],
    )
    assert (r.status_code, r.json()["rejected"]) == (200, 1)
    indicator = {
        "code": "NAMELESS",
        "name": {"en": None, "cy": None},
        "unit": "%",
        "direction": "higher_is_better",
        "organisation_id": w["org"],
    }
    r = await client.post("/api/v1/indicators", json=indicator, headers=w["headers"])
    _refused(r, "body.name")
    r = await client.post(
        "/api/v1/indicators", json={**indicator, "direction": None}, headers=w["headers"]
    )
    _refused(r, "body.direction")
    assert await _counts(session) == before
