"""Partnership leads: appointed with their organisation's consent, visible to the partnership,
and told of every member's indicator signals."""

from __future__ import annotations

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.core.audit import AuditEvent
from gwella.indicators.models import Direction
from gwella.notifications.models import Notification
from tests.factories import make_indicator, make_org, make_partnership, make_user, sign_in


async def test_an_organisation_admin_appoints_one_of_its_people_and_others_see_the_lead(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    board, council = await make_org(session), await make_org(session)
    partnership = await make_partnership(session, board, council)
    board_admin = await make_user(session, {board: [Role.admin]})
    manager = await make_user(session, {board: [Role.manager]})
    council_admin = await make_user(session, {council: [Role.admin]})
    url = f"/api/v1/partnerships/{partnership.id}/leads"
    body = {"user_id": str(manager.id), "organisation_id": str(board.id)}

    refused = await client.post(url, json=body, headers=await sign_in(client, council_admin.email))
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    none_yet = await client.get(url, headers=await sign_in(client, council_admin.email))
    assert none_yet.json() == []

    made = await client.post(url, json=body, headers=await sign_in(client, board_admin.email))
    assert made.status_code == 201, made.text
    assert made.json()["organisation_name"] == board.name
    again = await client.post(url, json=body, headers=await sign_in(client, board_admin.email))
    assert again.status_code == 409

    listed = await client.get(url, headers=await sign_in(client, council_admin.email))
    assert [lead["user_id"] for lead in listed.json()] == [str(manager.id)]
    stranger = await make_user(session, {await make_org(session): [Role.admin]})
    hidden = await client.get(url, headers=await sign_in(client, stranger.email))
    assert hidden.status_code == 404

    # a current lead may appoint another, from any member organisation
    council_manager = await make_user(session, {council: [Role.manager]})
    second = await client.post(
        url,
        json={"user_id": str(council_manager.id), "organisation_id": str(council.id)},
        headers=await sign_in(client, manager.email),
    )
    assert second.status_code == 201, second.text
    actions = await session.scalars(
        select(AuditEvent.action).where(AuditEvent.partnership_id == partnership.id)
    )
    assert list(actions).count("partnership.lead_appointed") == 2

    # stepping down is one's own choice
    down = await client.delete(
        f"{url}/{council_manager.id}", headers=await sign_in(client, council_manager.email)
    )
    assert down.status_code == 204
    left = await client.get(url, headers=await sign_in(client, council_admin.email))
    assert [lead["user_id"] for lead in left.json()] == [str(manager.id)]


async def test_a_lead_must_belong_to_a_member_organisation(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    board, outsider_org = await make_org(session), await make_org(session)
    partnership = await make_partnership(session, board)
    platform = await sign_in(client, (await make_user(session, platform_admin=True)).email)
    outsider = await make_user(session, {outsider_org: [Role.manager]})
    url = f"/api/v1/partnerships/{partnership.id}/leads"
    not_member_org = await client.post(
        url,
        json={"user_id": str(outsider.id), "organisation_id": str(outsider_org.id)},
        headers=platform,
    )
    assert not_member_org.status_code == 422
    assert not_member_org.json()["errors"][0]["field"] == "body.organisation_id"
    not_of_that_org = await client.post(
        url, json={"user_id": str(outsider.id), "organisation_id": str(board.id)}, headers=platform
    )
    assert not_of_that_org.status_code == 422
    assert not_of_that_org.json()["errors"][0]["field"] == "body.user_id"
    assert (await client.get(url, headers=platform)).json() == []


async def test_leaving_the_partnership_ends_the_appointment(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    board, council = await make_org(session), await make_org(session)
    partnership = await make_partnership(session, board, council)
    council_admin = await make_user(session, {council: [Role.admin]})
    headers = await sign_in(client, council_admin.email)
    url = f"/api/v1/partnerships/{partnership.id}/leads"
    made = await client.post(
        url,
        json={"user_id": str(council_admin.id), "organisation_id": str(council.id)},
        headers=headers,
    )
    assert made.status_code == 201
    gone = await client.delete(
        f"/api/v1/partnerships/{partnership.id}/members/{council.id}", headers=headers
    )
    assert gone.status_code == 204
    platform = await sign_in(client, (await make_user(session, platform_admin=True)).email)
    assert (await client.get(url, headers=platform)).json() == []


async def test_leads_hear_of_a_member_organisations_signal(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    board, council = await make_org(session), await make_org(session)
    partnership = await make_partnership(session, board, council)
    lead = await make_user(session, {council: [Role.staff]})
    platform = await sign_in(client, (await make_user(session, platform_admin=True)).email)
    appointed = await client.post(
        f"/api/v1/partnerships/{partnership.id}/leads",
        json={"user_id": str(lead.id), "organisation_id": str(council.id)},
        headers=platform,
    )
    assert appointed.status_code == 201
    bystander = await make_user(session, {council: [Role.manager]})
    # The board's waits: steady, then a month far outside the limits (a special cause).
    await make_indicator(
        session,
        "WAIT",
        unit="days",
        direction=Direction.lower_is_better,
        measured=board,
        values=[20.0, 21.0] * 5 + [60.0],
    )
    told = list(
        await session.scalars(
            select(Notification.user_id).where(Notification.kind == "indicator.signal")
        )
    )
    assert lead.id in told
    assert bystander.id not in told  # a manager of another member is not told of the board's
