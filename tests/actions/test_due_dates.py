"""A due date in the past is refused when it is set (issue 17, item 12): an action made or
changed with one would be overdue the moment it exists. The date an action already has may be
sent back unchanged (a form that sends every field), and an action whose date has since passed
stays editable."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from gwella.core.database import utcnow
from tests.actions.conftest import Team

PASSED = "The due date has passed: choose today or a later day."
PASSED_CY = "Mae'r dyddiad dyledus wedi mynd heibio: dewiswch heddiw neu ddiwrnod diweddarach."


def _day(offset: int) -> str:
    return (utcnow() + timedelta(days=offset)).date().isoformat()


def _refused(r: Any, message: str) -> None:
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["detail"] == message
    assert r.json()["errors"] == [{"field": "body.due_date", "message": message}]


@pytest.mark.parametrize(("language", "message"), [("en", PASSED), ("cy", PASSED_CY)])
async def test_a_new_action_due_in_the_past_is_refused(
    team: Team, language: str, message: str
) -> None:
    body = {
        "partnership_id": str(team.partnership.id),
        "title": {"en": "Evening appointments"},
        "description": {"en": "People who work cannot come in the day."},
    }
    for past in (_day(-1), "2020-01-31"):
        r = await team.call(
            "forum_su",
            "POST",
            "/actions",
            json={**body, "due_date": past},
            headers={"Accept-Language": language},
        )
        _refused(r, message)
    assert await team.action_count() == 0
    assert (await team.propose(due_date=_day(0)))["due_date"] == _day(0)  # today is fine
    assert await team.action_count() == 1


async def test_changing_the_due_date_to_a_past_day_is_refused_and_changes_nothing(
    team: Team,
) -> None:
    action = await team.agreed(due_date=_day(10))
    path = f"/actions/{action['id']}"
    etag = {"If-Match": f'"{action["version"]}"'}
    r = await team.call("board_manager", "PATCH", path, json={"due_date": _day(-2)}, headers=etag)
    _refused(r, PASSED)
    read = (await team.call("board_manager", "GET", path)).json()
    assert (read["due_date"], read["version"]) == (_day(10), action["version"])

    r = await team.call("board_manager", "PATCH", path, json={"due_date": _day(3)}, headers=etag)
    assert r.status_code == 200, r.text
    assert r.json()["due_date"] == _day(3)


async def test_an_action_whose_date_has_passed_can_still_be_edited(team: Team) -> None:
    late = await team.agreed_late(days=2)
    assert late["overdue"] is True
    r = await team.call(
        "board_manager",
        "PATCH",
        f"/actions/{late['id']}",
        json={"title": {"en": "Evening clinics"}, "due_date": late["due_date"]},
        headers={"If-Match": f'"{late["version"]}"'},
    )
    assert r.status_code == 200, r.text
    assert (r.json()["title"]["en"], r.json()["due_date"]) == ("Evening clinics", late["due_date"])
