"""Measurements near 1e308 (issue 15): the SPC arithmetic overflowed (a 500 on the push that
stored them, and on every chart of the series after). Measurements are now bounded to ±1e15
where they come in, and a chart of values stored before that is drawn with them left out of
its limits: never a 500, never Infinity."""

from __future__ import annotations

import json
import math
from datetime import date
from typing import Any

import httpx
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from gwella.indicators.models import Measurement, MeasurementSource
from gwella.indicators.spc import Settings, chart
from tests.factories import (
    client_token,
    make_api_client,
    make_indicator,
    make_org,
    make_user,
    monthly,
    sign_in,
)


def strict_json(text: str) -> Any:
    def refuse(word: str) -> Any:
        raise AssertionError(f"{word} in an answer: not JSON")

    return json.loads(text, parse_constant=refuse)


async def test_measurements_beyond_1e15_are_refused(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    await make_indicator(session, "HUGE")
    await make_indicator(session, "HUGE-RATE")
    api = await make_api_client(session, org, [Scope.measurements_write])
    headers = await client_token(client, api)
    for values in ([1e308, 1e308], [50.0, -1.7e308]):
        r = await client.post(
            "/api/v1/ingest/measurements", headers=headers, json={"items": monthly("HUGE", values)}
        )
        assert r.status_code == 422, r.text
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["errors"][0]["field"].endswith(".value")
    # A ratio whose quotient is beyond the bound (its parts are not) is refused as well.
    [item] = monthly("HUGE-RATE", [0.0])
    item.pop("value")
    r = await client.post(
        "/api/v1/ingest/measurements",
        headers=headers,
        json={"items": [{**item, "numerator": 1e15, "denominator": 1e-300}]},
    )
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["rejected"]) == ("failed", 1)
    assert r.json()["errors"][0]["field"] == "items.0.denominator"
    assert await session.scalar(select(func.count()).select_from(Measurement)) == 0


async def test_a_series_holding_values_near_1e308_is_still_charted(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Values stored before measurements were bounded: the chart and the next push work."""
    org = await make_org(session)
    indicator = await make_indicator(session, "LEGACY")
    values = [50.0, 1e308, 1e308, -1.7e308, 52.0, 51.0, 1.7e308]
    for month, value in enumerate(values, start=1):
        session.add(
            Measurement(
                indicator_id=indicator.id,
                organisation_id=org.id,
                unit_key=f"org:{org.id}",
                period_start=date(2025, month, 1),
                period_end=date(2025, month, 28),
                value=value,
                source=MeasurementSource.push,
            )
        )
    await session.commit()
    viewer = await make_user(session, {org: [Role.service_user]})
    headers = await sign_in(client, viewer.email)
    url = f"/api/v1/indicators/{indicator.id}/chart"
    r = await client.get(url, params={"organisation_id": str(org.id)}, headers=headers)
    assert r.status_code == 200, r.text
    shown = strict_json(r.text)
    assert [p["value"] for p in shown["points"]] == values
    assert shown["points"][0]["mean"] == 51.0  # from 50, 52 and 51 only
    assert all(math.isfinite(p["upper_limit"]) for p in shown["points"])
    assert [p["special_cause"] for p in shown["points"][1:4]] == ["outside_limits"] * 3
    assert any("beyond ±1e15" in w for w in shown["warnings"])

    api = await make_api_client(session, org, [Scope.measurements_write])
    pushed = await client.post(
        "/api/v1/ingest/measurements",
        headers=await client_token(client, api),
        json={"items": monthly("LEGACY", [53.0], start="2025-08")},
    )
    assert pushed.status_code == 200, pushed.text
    assert pushed.json()["imported"] == 1


@hypothesis_settings(max_examples=300, deadline=None)
@given(
    st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=30),
    st.booleans(),
)
def test_a_chart_of_any_finite_values_is_finite(values: list[float], screen: bool) -> None:
    drawn = chart(values, "higher_is_better", 0.0, Settings(screen_moving_ranges=screen))
    assert len(drawn.points) == len(values)
    for p in drawn.points:
        numbers = [p.mean, p.upper_limit, p.lower_limit, p.upper_band, p.lower_band]
        assert all(math.isfinite(x) for x in numbers), p
        assert p.moving_range is None or math.isfinite(p.moving_range)
