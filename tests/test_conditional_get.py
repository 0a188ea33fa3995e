"""Conditional GET (issue 18, cheap reads): results, charts and the main lists carry an ETag,
and If-None-Match holding it is answered 304 with no body. Never stale: whatever changes an
answer changes its tag, and two callers who see different answers never share a tag."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import users as accounts
from gwella.accounts.models import Role
from gwella.cli import rebuild_campaigns
from gwella.disclosure import chosen
from gwella.disclosure.ptable import PerturbationTable
from gwella.disclosure.publish import Rules
from gwella.results.models import ResultCell
from tests.factories import (
    SYSTEM,
    add_measurements,
    make_indicator,
    make_org,
    make_service,
    make_user,
    monthly,
    sign_in,
)
from tests.surveys import VALID_ANSWERS, answer_publicly, make_campaign, make_published_version

WEAK_TAG = re.compile(r'^W/"[0-9a-f]{32}"$')


async def read(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], **params: Any
) -> tuple[str, Any]:
    """The answer's tag and body; checks that the tag is answered 304, with no body."""
    r = await client.get(url, headers=headers, params=params)
    assert r.status_code == 200, r.text
    tag = r.headers["etag"]
    assert WEAK_TAG.match(tag), tag
    assert "authorization" in r.headers["vary"].lower()
    again = await client.get(url, headers={**headers, "If-None-Match": tag}, params=params)
    assert again.status_code == 304, again.text
    assert again.content == b""
    assert again.headers["etag"] == tag
    return tag, r.json()


async def arrange(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    """A campaign in a service of each of two organisations that share no partnership."""
    north_org, south_org = await make_org(session), await make_org(session)
    north = await make_service(session, north_org, code="N")
    south = await make_service(session, south_org, code="S")
    version = await make_published_version(session, north_org)
    campaign, links = await make_campaign(
        session, version, [north, south], opens_in=timedelta(days=-10)
    )
    north_user = await make_user(session, {north_org: [Role.service_user]})
    south_user = await make_user(session, {south_org: [Role.service_user]})
    manager = await make_user(session, {north_org: [Role.manager, Role.staff]})
    admin = await make_user(session, platform_admin=True)
    return {
        "north_org": north_org,
        "south_org": south_org,
        "north": north,
        "south": south,
        "campaign": campaign,
        "links": links,
        "url": f"/api/v1/campaigns/{campaign.id}/results",
        "north_user": north_user,
        "north_viewer": await sign_in(client, north_user.email),
        "south_viewer": await sign_in(client, south_user.email),
        "manager": await sign_in(client, manager.email),
        "admin": await sign_in(client, admin.email),
    }


async def test_if_none_match_is_compared_weakly_and_ignored_when_malformed(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    viewer, url = w["north_viewer"], w["url"]
    tag, body = await read(client, url, viewer)
    strong = tag.removeprefix("W/")
    for held in (strong, f'"other", {tag}', f'W/"x",{strong}', "*"):
        r = await client.get(url, headers={**viewer, "If-None-Match": held})
        assert r.status_code == 304, held
        assert r.headers["etag"] == tag
    # Two field lines are one list (RFC 9110 §5.3).
    r = await client.get(
        url, headers=[*viewer.items(), ("If-None-Match", '"a"'), ("If-None-Match", tag)]
    )
    assert r.status_code == 304
    # Another tag, or a field that is not a list of entity tags: the answer in full.
    for held in ('"other"', 'W/"other"', "garbage", tag.removesuffix('"'), f"{tag};", ""):
        r = await client.get(url, headers={**viewer, "If-None-Match": held})
        assert r.status_code == 200, held
        assert (r.headers["etag"], r.json()) == (tag, body)
    # The answer does not depend on the language asked for, nor does its tag.
    welsh = await client.get(url, headers={**viewer, "Accept-Language": "cy"})
    assert (welsh.headers["etag"], welsh.json()) == (tag, body)
    # Errors are not conditional: a campaign one cannot see is still 404.
    r = await client.get(
        url.replace(str(w["campaign"].id), "00000000-0000-4000-8000-000000000000"),
        headers={**viewer, "If-None-Match": "*"},
    )
    assert r.status_code == 404


async def test_every_change_of_the_results_changes_their_tag(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    viewer, url = w["north_viewer"], w["url"]
    token = w["links"][w["north"].id].public_token
    seen: dict[str, Any] = {}

    async def step(label: str, **params: Any) -> str:
        tag, body = await read(client, url, viewer, **params)
        assert seen.get(tag, body) == body, f"{label}: one tag, two bodies"
        seen[tag] = body
        return tag

    first = await step("empty")
    await answer_publicly(client, token, times=4)
    assert await step("four, not released") == first  # nothing published moved
    await answer_publicly(client, token, {**VALID_ANSWERS, "comment": "Kind staff"})
    released = await step("a release")
    assert released != first
    by_month = await step("by month", period="month")
    by_week = await step("by week", period="week")
    assert len({released, by_month, by_week}) == 3
    one_service = await step("one service", service_id=str(w["north"].id))
    assert one_service == released  # the same services in scope: the same answer
    # A comment published by the service's staff.
    comments = (
        await client.get(f"/api/v1/campaigns/{w['campaign'].id}/comments", headers=w["manager"])
    ).json()
    [comment] = [c for c in comments["items"] if c["text"] == "Kind staff"]
    moderated = await client.post(
        f"/api/v1/answers/{comment['answer_id']}/moderation",
        headers=w["manager"],
        json={"moderation": "published"},
    )
    assert moderated.status_code == 200, moderated.text
    published = await step("a comment published")
    assert published != released
    assert [c["text"] for c in seen[published]["comments"]] == ["Kind staff"]
    # Another disclosure setting.
    with chosen(Rules(PerturbationTable(max_change=2, variance=0.5), 0.2)):
        other_rules = await step("other rules")
    assert other_rules != published
    # A rebuild puts right cells that went wrong behind the results' back (here: by hand);
    # it counts as a release, so no one keeps the answer read before it.
    await session.execute(
        update(ResultCell)
        .where(ResultCell.campaign_id == w["campaign"].id)
        .values(count=ResultCell.count + 7)
    )
    await session.commit()
    await rebuild_campaigns(session, str(w["campaign"].id))
    await session.commit()
    assert await step("rebuilt") != published


async def test_callers_who_see_different_services_never_share_a_tag(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    for service in ("north", "south"):
        await answer_publicly(client, w["links"][w[service].id].public_token, times=5)
    answers = {
        who: await read(client, w["url"], w[who])
        for who in ("north_viewer", "south_viewer", "admin", "manager")
    }
    assert answers["north_viewer"][1]["service_ids"] == [str(w["north"].id)]
    assert answers["south_viewer"][1]["service_ids"] == [str(w["south"].id)]
    assert len(answers["admin"][1]["service_ids"]) == 2
    by_tag: dict[str, Any] = {}
    for tag, body in answers.values():
        assert by_tag.setdefault(tag, body) == body
    assert len(by_tag) == 3  # the manager sees what the north's service user sees
    # The tag of one is not the other's answer.
    north_tag = answers["north_viewer"][0]
    r = await client.get(w["url"], headers={**w["south_viewer"], "If-None-Match": north_tag})
    assert r.status_code == 200
    # A role in the other organisation: more to see, another tag.
    await accounts.grant_role(
        session, SYSTEM, w["south_org"].id, w["north_user"].id, Role.service_user
    )
    await session.commit()
    tag, body = await read(client, w["url"], w["north_viewer"])
    assert tag != north_tag
    assert len(body["service_ids"]) == 2
    assert (tag, body) == answers["admin"]


async def test_a_chart_changes_its_tag_with_measurements_notes_and_settings(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    indicator = await make_indicator(session, measured=org, values=[50.0, 52.0] * 6)
    staff = await sign_in(client, (await make_user(session, {org: [Role.staff]})).email)
    url = f"/api/v1/indicators/{indicator.id}/chart"
    params = {"organisation_id": str(org.id)}
    seen: dict[str, Any] = {}

    async def step(**extra: Any) -> str:
        tag, body = await read(client, url, staff, **params, **extra)
        assert seen.setdefault(tag, body) == body
        return tag

    first = await step()
    assert await step() == first
    assert await step(run_length=6) != first
    assert await step(recalculate_at="2025-06-01") != first
    await add_measurements(session, org, monthly(indicator.code, [70.0], start="2026-01"))
    measured = await step()
    assert measured != first
    await add_measurements(session, org, monthly(indicator.code, [71.0], start="2026-01"))
    corrected = await step()  # the same period, pushed again with another value
    assert corrected != measured
    created = await client.post(
        f"/api/v1/indicators/{indicator.id}/annotations",
        headers=staff,
        json={
            "organisation_id": str(org.id),
            "on_date": "2025-03-01",
            "text": {"en": "New clinic"},
        },
    )
    assert created.status_code == 201, created.text
    noted = await step()
    assert noted != corrected
    note = created.json()
    edited = await client.patch(
        f"/api/v1/indicators/{indicator.id}/annotations/{note['id']}",
        headers={**staff, "If-Match": f'"{note["version"]}"'},
        json={"text": {"en": "New evening clinic"}},
    )
    assert edited.status_code == 200, edited.text
    assert await step() != noted


async def test_lists_change_their_tag_with_their_items(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange(client, session)
    admin = w["admin"]
    campaigns, _ = await read(client, "/api/v1/campaigns", w["north_viewer"])
    other_page, _ = await read(client, "/api/v1/campaigns", w["north_viewer"], limit=1)
    assert other_page != campaigns
    # A release moves the published response count.
    await answer_publicly(client, w["links"][w["north"].id].public_token, times=5)
    released, _ = await read(client, "/api/v1/campaigns", w["north_viewer"])
    assert released != campaigns
    # A new name.
    path = f"/api/v1/campaigns/{w['campaign'].id}"
    current = await client.get(path, headers=admin)
    renamed = await client.patch(
        path, headers={**admin, "If-Match": current.headers["etag"]}, json={"name": "Autumn survey"}
    )
    assert renamed.status_code == 200, renamed.text
    tag, body = await read(client, "/api/v1/campaigns", w["north_viewer"])
    assert tag != released
    assert body["items"][0]["name"] == "Autumn survey"
    # Organisations and indicators.
    orgs, _ = await read(client, "/api/v1/organisations", admin)
    path = f"/api/v1/organisations/{w['north_org'].id}"
    current = await client.get(path, headers=admin)
    r = await client.patch(
        path, headers={**admin, "If-Match": current.headers["etag"]}, json={"name_cy": "Gogledd"}
    )
    assert r.status_code == 200, r.text
    assert (await read(client, "/api/v1/organisations", admin))[0] != orgs
    indicators, _ = await read(client, "/api/v1/indicators", admin)
    indicator = await make_indicator(session)
    assert (await read(client, "/api/v1/indicators", admin))[0] != indicators
    services_url = f"/api/v1/organisations/{w['north_org'].id}/services"
    services, _ = await read(client, services_url, admin)
    path = f"/api/v1/services/{w['north'].id}"
    current = await client.get(path, headers=admin)
    r = await client.patch(
        path, headers={**admin, "If-Match": current.headers["etag"]}, json={"name": "North CMHT"}
    )
    assert r.status_code == 200, r.text
    assert (await read(client, services_url, admin))[0] != services
    measurements_url = f"/api/v1/indicators/{indicator.id}/measurements"
    measured, body = await read(client, measurements_url, admin)
    assert body["items"] == []
    await add_measurements(session, w["north_org"], monthly(indicator.code, [1.0]))
    assert (await read(client, measurements_url, admin))[0] != measured


@pytest.mark.parametrize(
    "operation",
    [
        "getCampaignResults",
        "getIndicatorChart",
        "listCampaigns",
        "listIndicators",
        "listOrganisations",
        "listServices",
        "listMeasurements",
    ],
)
def test_the_spec_declares_the_condition_the_tag_and_the_304(app: Any, operation: str) -> None:
    [op] = [
        op
        for operations in app.openapi()["paths"].values()
        for op in operations.values()
        if isinstance(op, dict) and op.get("operationId") == operation
    ]
    [header] = [p for p in op["parameters"] if p["name"] == "If-None-Match"]
    assert header["in"] == "header"
    assert not header.get("required")
    assert "ignored" in header["description"]
    etag = op["responses"]["200"]["headers"]["ETag"]
    assert etag["required"] is True
    assert "content" not in op["responses"]["304"]
    assert op["responses"]["304"]["headers"]["ETag"] == etag
