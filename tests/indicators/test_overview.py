"""The partnership's indicators overview: every indicator's latest value per member, with its
variation and assurance, grouped by the standard it serves."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from gwella.core.text import LocalizedText
from gwella.indicators import service as indicators
from gwella.indicators.models import Direction, Framework, Standard
from gwella.indicators.schemas import IndicatorCreate
from tests.factories import (
    SYSTEM,
    client_token,
    make_api_client,
    make_org,
    make_partnership,
    make_service,
    make_user,
    sign_in,
)


def _months(values: list[float], **extra: Any) -> list[dict[str, Any]]:
    return [
        {
            "indicator": "INVOLVED",
            "period_start": f"{2025 + m // 12}-{m % 12 + 1:02d}-01",
            "period_end": f"{2025 + m // 12}-{m % 12 + 1:02d}-28",
            "value": v,
            **extra,
        }
        for m, v in enumerate(values)
    ]


async def test_overview_groups_by_standard_with_icons_per_member_and_service(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    board, council, outsider = (
        await make_org(session, "Board"),
        await make_org(session, "Council"),
        await make_org(session, "Outsider"),
    )
    partnership = await make_partnership(session, board, council)
    await make_service(session, board, "Ward Glas", code="WARD")
    framework = Framework(code="NSF", title={"en": "NSF"}, description={})
    session.add(framework)
    await session.flush()
    standard = Standard(framework_id=framework.id, code="S1", number=1, title={"en": "Involve"})
    session.add(standard)
    await session.flush()
    involved = await indicators.create_indicator(
        session,
        SYSTEM,
        IndicatorCreate(
            code="INVOLVED",
            name=LocalizedText(en="Involved", cy="Cynnwys"),
            unit="%",
            direction=Direction.higher_is_better,
            target=40.0,
            standard_id=standard.id,
        ),
    )
    loose = await indicators.create_indicator(
        session,
        SYSTEM,
        IndicatorCreate(
            code="LOOSE",
            name=LocalizedText(en="Unattached", cy="Heb safon"),
            unit="n",
            direction=Direction.neutral,
        ),
    )
    await session.commit()
    board_api = await make_api_client(session, board, [Scope.measurements_write])
    headers = await client_token(client, board_api)
    rising = [50.0, 52.0] * 6 + [80.0]
    for body in (_months(rising), _months([60.0, 61.0, 62.0], service="WARD")):
        r = await client.post("/api/v1/ingest/measurements", headers=headers, json={"items": body})
        assert (r.status_code, r.json()["imported"]) == (200, len(body)), r.text
    outsider_api = await make_api_client(session, outsider, [Scope.measurements_write])
    r = await client.post(
        "/api/v1/ingest/measurements",
        headers=await client_token(client, outsider_api),
        json={"items": _months([1.0, 2.0, 3.0])},
    )
    assert r.status_code == 200

    viewer = await make_user(session, {council: [Role.service_user]})
    got = await client.get(
        f"/api/v1/partnerships/{partnership.id}/indicators",
        headers=await sign_in(client, viewer.email),
    )
    assert got.status_code == 200, got.text
    groups = got.json()["standards"]
    assert [g["standard"]["code"] if g["standard"] else None for g in groups] == ["S1", None]
    [first] = groups[0]["indicators"]
    assert first["indicator"]["id"] == str(involved.id)
    units = {(u["organisation_name"], u["service_name"]): u for u in first["units"]}
    assert set(units) == {("Board", None), ("Board", "Ward Glas")}  # not the outsider's
    board_unit = units[("Board", None)]
    assert board_unit["latest_value"] == 80.0
    assert board_unit["latest_period_end"] == "2026-01-28"
    assert board_unit["points"] == 13
    assert board_unit["variation"] == "special_cause_improving_high"
    assert board_unit["assurance"] == "consistently_passing"
    assert units[("Board", "Ward Glas")]["latest_value"] == 62.0
    [unattached] = groups[1]["indicators"]
    assert (unattached["indicator"]["id"], unattached["units"]) == (str(loose.id), [])

    stranger = await make_user(session, {outsider: [Role.admin]})
    hidden = await client.get(
        f"/api/v1/partnerships/{partnership.id}/indicators",
        headers=await sign_in(client, stranger.email),
    )
    assert hidden.status_code == 404
