"""The partnership's indicators overview: every indicator's latest value per member, with its
variation and assurance, grouped by the standard it serves."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.indicators.models import Direction, Framework, Standard
from tests.factories import (
    add_measurements,
    make_indicator,
    make_org,
    make_partnership,
    make_service,
    make_user,
    monthly,
    sign_in,
)


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
    rising = [50.0, 52.0] * 6 + [80.0]  # January 2025 to January 2026
    involved = await make_indicator(
        session, "INVOLVED", target=40.0, standard_id=standard.id, measured=board, values=rising
    )
    loose = await make_indicator(session, "LOOSE", unit="n", direction=Direction.neutral)
    await add_measurements(session, board, monthly("INVOLVED", [60.0, 61.0, 62.0], service="WARD"))
    await add_measurements(session, outsider, monthly("INVOLVED", [1.0, 2.0, 3.0]))

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
