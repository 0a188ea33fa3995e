"""GET /api/v1/me/agenda: each list shows a person what needs them, links to where they act,
and shows nobody else's (another organisation's manager, a service user, an outsider)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from unittest import mock

import httpx
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.actions import checks
from gwella.actions.workflow import notify_overdue
from gwella.core.database import utcnow
from gwella.demo.data import DEMO_PASSWORD
from gwella.demo.loader import load_demo
from gwella.indicators.models import Direction
from gwella.partnerships import service as partnerships
from tests.factories import SYSTEM, add_measurements, make_indicator, monthly, sign_in
from tests.home.conftest import Team
from tests.instruments.test_instruments import CONTENT, yes_no

AGENDA = "/me/agenda"


async def agenda(team: Team, who: str) -> dict[str, Any]:
    r = await team.call(who, "GET", AGENDA)
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    return data


def ids(data: dict[str, Any], section: str, key: str) -> list[str]:
    return [item[key] for item in data[section]["items"]]


async def test_the_agenda_needs_a_signed_in_person(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/me/agenda")
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")


async def _draft(team: Team, *, open_: bool) -> str:
    r = await team.call(
        "board_staff",
        "POST",
        "/instruments",
        json={
            "organisation_id": str(team.orgs["board"].id),
            "code": f"exp-{utcnow().timestamp():.0f}-{open_}",
            "title": {"en": "Your experience", "cy": "Eich profiad"},
            "content": CONTENT,
        },
    )
    assert r.status_code == 201, r.text
    version_id: str = r.json()["versions"][0]["id"]
    r = await team.call(
        "board_staff",
        "PUT",
        f"/instrument-versions/{version_id}/codesign",
        json={"open": open_, "organisation_ids": [str(team.orgs["forum"].id)]},
    )
    assert r.status_code == 200, r.text
    return version_id


async def test_a_review_is_asked_of_those_whose_approval_would_count(team: Team) -> None:
    version_id = await _draft(team, open_=False)
    assert ids(await agenda(team, "forum_su"), "reviews", "version_id") == []  # still a draft
    r = await team.call("board_staff", "POST", f"/instrument-versions/{version_id}/review-requests")
    assert r.status_code == 200, r.text

    mine = await agenda(team, "forum_su")
    assert mine["reviews"]["total"] == 1
    (item,) = mine["reviews"]["items"]
    assert item["version_id"] == version_id
    assert item["link"] == f"/instrument-versions/{version_id}"
    assert item["title"] == {"en": "Your experience", "cy": "Eich profiad"}
    assert item["owner"]["organisation_name"] == "Bae Board"
    assert ids(await agenda(team, "forum_carer"), "reviews", "version_id") == [version_id]
    # The one who wrote it may not review it; the owner's and others' people do not count.
    for who in ("board_staff", "board_manager", "council_manager", "outsider_su"):
        assert (await agenda(team, who))["reviews"]["total"] == 0, who

    r = await team.call(
        "forum_su",
        "POST",
        f"/instrument-versions/{version_id}/reviews",
        json={"decision": "approved"},
    )
    assert r.status_code == 201, r.text
    assert (await agenda(team, "forum_su"))["reviews"]["total"] == 0  # reviewed: done
    assert (await agenda(team, "forum_carer"))["reviews"]["total"] == 1

    # The owner's rule decides whose approval counts: carers no longer do.
    r = await team.call(
        "board_admin", "GET", f"/organisations/{team.orgs['board'].id}/review-policy"
    )
    r = await team.call(
        "board_admin",
        "PATCH",
        f"/organisations/{team.orgs['board'].id}/review-policy",
        json={"approver_roles": ["service_user"]},
        headers={"If-Match": r.headers["etag"]},
    )
    assert r.status_code == 200, r.text
    assert (await agenda(team, "forum_carer"))["reviews"]["total"] == 0


async def test_suggestions_wait_for_the_people_who_may_accept_them(team: Team) -> None:
    version_id = await _draft(team, open_=True)
    r = await team.call(
        "forum_su",
        "POST",
        f"/instrument-versions/{version_id}/contributions",
        json={
            "kind": "question",
            "body": "Were you asked what matters to you?",
            "proposed_question": yes_no("asked"),
        },
    )
    assert r.status_code == 201, r.text
    contribution_id = r.json()["id"]
    r = await team.call(
        "forum_carer",
        "POST",
        f"/instrument-versions/{version_id}/contributions",
        json={"kind": "comment", "body": "Too long", "question_key": "involved"},
    )
    assert r.status_code == 201, r.text

    for who in ("board_staff", "board_manager", "board_admin"):
        data = await agenda(team, who)
        assert data["suggestions"]["total"] == 1, who  # the comment is answered, not decided
        (item,) = data["suggestions"]["items"]
        assert item["contribution_id"] == contribution_id
        assert item["body"] == "Were you asked what matters to you?"
        assert item["author_role"] == "service_user"
        assert item["link"] == f"/instrument-versions/{version_id}"
    for who in ("forum_su", "forum_carer", "council_manager", "outsider_admin"):
        assert (await agenda(team, who))["suggestions"]["total"] == 0, who

    r = await team.call(
        "board_staff",
        "POST",
        f"/contributions/{contribution_id}/decline",
        json={"reason": "We ask this already in question 1"},
    )
    assert r.status_code == 200, r.text
    assert (await agenda(team, "board_staff"))["suggestions"]["total"] == 0


async def test_a_part_to_accept_waits_for_that_organisations_deciders(team: Team) -> None:
    action = await team.propose(responsibilities=team.parts())
    board = await agenda(team, "board_manager")
    (item,) = board["responsibilities"]["items"]
    assert item["action_id"] == action["id"]
    assert item["role"] == "lead"
    assert item["organisation"]["organisation_id"] == str(team.orgs["board"].id)
    assert item["link"] == f"/actions/{action['id']}"
    assert item["title"]["en"] == "Evening appointments"
    council = await agenda(team, "council_manager")
    assert [i["role"] for i in council["responsibilities"]["items"]] == ["supporting"]
    assert ids(await agenda(team, "board_admin"), "responsibilities", "action_id") == [action["id"]]
    for who in ("board_staff", "council_staff", "forum_su", "outsider_admin"):
        assert (await agenda(team, who))["responsibilities"]["total"] == 0, who

    assert (await team.accept("board_manager", action["id"], "board")).status_code == 200
    assert (await agenda(team, "board_manager"))["responsibilities"]["total"] == 0
    assert (await agenda(team, "council_manager"))["responsibilities"]["total"] == 1


async def test_a_long_list_shows_its_first_ten_and_counts_them_all(team: Team) -> None:
    for n in range(12):
        await team.propose(
            title={"en": f"Proposal {n}"},
            responsibilities=team.parts(lead="board", supporting=("council",)),
        )
    data = await agenda(team, "council_manager")
    assert data["responsibilities"]["total"] == 12
    assert len(data["responsibilities"]["items"]) == 10
    # Oldest request first: the first asked is the first shown.
    assert data["responsibilities"]["items"][0]["title"]["en"] == "Proposal 0"


async def test_overdue_actions_are_counted_in_days_for_those_who_carry_them(team: Team) -> None:
    action = await team.agreed_late(5)
    for who, role in (
        ("board_manager", "lead"),
        ("board_staff", "lead"),
        ("council_manager", "supporting"),
        ("council_staff", "supporting"),
    ):
        data = await agenda(team, who)
        assert data["overdue"]["total"] == 1, who
        (item,) = data["overdue"]["items"]
        assert item["action_id"] == action["id"]
        assert item["days_overdue"] == 5
        assert item["role"] == role
        assert item["link"] == f"/actions/{action['id']}"
    for who in ("forum_su", "forum_carer", "outsider_admin"):
        assert (await agenda(team, who))["overdue"]["total"] == 0, who
    # An action on time is not overdue.
    await team.agreed()
    assert (await agenda(team, "board_manager"))["overdue"]["total"] == 1


async def test_an_overdue_action_nobody_took_on_waits_for_those_told_of_it(team: Team) -> None:
    """Nobody has a part: the members' administrators and managers decide it, are told when
    it goes overdue (workflow.notify_overdue), and find it on their home page too."""
    due = (utcnow() - timedelta(days=3)).date().isoformat()
    with mock.patch.object(checks, "utcnow", return_value=utcnow() - timedelta(days=4)):
        action = await team.propose("board_staff", due_date=due)
    await notify_overdue(team.session)
    await team.session.commit()
    for who in ("board_manager", "council_manager"):
        data = await agenda(team, who)
        assert [i["action_id"] for i in data["overdue"]["items"]] == [action["id"]], who
        assert data["overdue"]["items"][0]["days_overdue"] == 3
        told = await team.call(who, "GET", "/notifications")
        assert any(n["kind"] == "action.overdue" for n in told.json()["items"]), who
    for who in ("board_staff", "forum_su", "outsider_admin"):
        assert (await agenda(team, who))["overdue"]["total"] == 0, who


async def test_signals_say_what_the_chart_says_for_the_same_series(
    team: Team, session: AsyncSession
) -> None:
    calm = await make_indicator(
        session,
        "CALM",
        direction=Direction.lower_is_better,
        measured=team.orgs["board"],
        values=[20, 21, 20, 22, 21, 20, 21, 22, 20, 21, 20, 21],
    )
    worse = await make_indicator(session, "WAITS", direction=Direction.lower_is_better)
    await add_measurements(
        session, team.orgs["board"], monthly("WAITS", [10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 30])
    )
    data = await agenda(team, "board_manager")
    found = {i["indicator_id"]: i for i in data["signals"]["items"]}
    assert str(calm.id) not in found
    assert set(found) == {str(team.indicator.id), str(worse.id)}
    assert data["signals"]["items"][0]["indicator_id"] == str(worse.id)  # concerns first
    board = team.orgs["board"].id
    for indicator_id, item in found.items():
        r = await team.call(
            "board_manager", "GET", f"/indicators/{indicator_id}/chart?organisation_id={board}"
        )
        last = r.json()["points"][-1]
        assert item["rule"] == last["special_cause"]
        assert item["nature"] == last["nature"]
        assert item["value"] == last["value"]
        assert item["period_end"] == last["period_end"]
        assert item["link"] == f"/indicators/{indicator_id}?organisation_id={board}"
        assert item["place"]["organisation_name"] == "Bae Board"
    assert found[str(worse.id)]["nature"] == "concern"
    assert found[str(team.indicator.id)]["nature"] == "improvement"
    assert (await agenda(team, "board_staff"))["signals"]["total"] == 2
    for who in ("council_manager", "forum_su", "outsider_admin"):
        assert (await agenda(team, who))["signals"]["total"] == 0, who

    # A partnership's lead hears of its members' signals.
    await partnerships.appoint_lead(
        session,
        SYSTEM,
        team.partnership,
        team.users["council_manager"].id,
        team.orgs["council"].id,
        person_belongs=True,
    )
    await session.commit()
    assert (await agenda(team, "council_manager"))["signals"]["total"] == 2


async def test_what_changed_is_the_persons_own_notifications_newest_first(team: Team) -> None:
    await team.propose(responsibilities=team.parts())
    data = await agenda(team, "board_manager")
    r = await team.call("board_manager", "GET", "/notifications?limit=10")
    assert [n["id"] for n in data["changes"]["items"]] == [n["id"] for n in r.json()["items"]]
    assert data["changes"]["items"], "asked to lead: a notification"
    assert data["changes"]["unread"] == len(data["changes"]["items"])
    assert data["changes"]["link"] == "/notifications"
    outsider = await agenda(team, "outsider_admin")
    assert outsider["changes"]["items"] == []
    assert await team.call("board_manager", "POST", "/notifications/read-all")
    assert (await agenda(team, "board_manager"))["changes"]["unread"] == 0


async def test_the_demo_manager_has_a_page_of_their_own(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await load_demo(session)
    await session.commit()
    headers = await sign_in(client, "manager@demo.gwella.test", DEMO_PASSWORD)
    r = await client.get("/api/v1/me/agenda", headers=headers)
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["signals"]["total"] >= 1
    for item in data["signals"]["items"]:
        chart = await client.get(
            item["link"].replace("/indicators/", "/api/v1/indicators/").replace("?", "/chart?"),
            headers=headers,
        )
        assert chart.json()["points"][-1]["special_cause"] == item["rule"]
    headers = await sign_in(client, "serviceuser@demo.gwella.test", DEMO_PASSWORD)
    data = (await client.get("/api/v1/me/agenda", headers=headers)).json()
    assert data["signals"]["total"] == 0
    assert data["responsibilities"]["total"] == 0


async def test_the_agenda_asks_the_database_the_same_number_of_times_for_many_records(
    team: Team, app: Any
) -> None:
    """No query per item: a person with a dozen of everything costs what one with one does."""
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    engine = app.state.engine.sync_engine
    await team.propose(responsibilities=team.parts())
    await team.agreed_late(3)
    await agenda(team, "council_manager")  # signed in, remembered
    event.listen(engine, "before_cursor_execute", count)
    try:
        await agenda(team, "council_manager")
        few = len(statements)
        assert few > 5, statements  # the listener sees the queries
        for n in range(12):
            await team.propose(title={"en": f"Proposal {n}"}, responsibilities=team.parts())
            await team.agreed_late(3 + n)
        statements.clear()
        data = await agenda(team, "council_manager")
        assert data["responsibilities"]["total"] == 13
        assert data["overdue"]["total"] == 13
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(statements) == few, statements
