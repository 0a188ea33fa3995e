"""Welsh is treated no less favourably than English in what people write (issue 17): an
action may be proposed in Welsh only, and everything that shows it copes with the missing
English; the timeline and notifications say who proposed in each language."""

from __future__ import annotations

from typing import Any

from gwella.core.vocabulary import ROLE
from gwella.partnerships import service as partnerships
from tests.actions.conftest import Team
from tests.factories import SYSTEM

PROBLEM = "application/problem+json"
WELSH_ONLY: dict[str, Any] = {
    "title": {"cy": "Apwyntiadau gyda'r nos yn y tîm"},
    "description": {"cy": "Mae pobl sy'n gweithio yn methu dod yn ystod y dydd."},
}


async def test_a_service_user_proposes_in_welsh_only(team: Team) -> None:
    team.orgs["board"].name_cy = "Bwrdd y Bae"
    await team.session.commit()
    action = await team.propose(responsibilities=team.parts(), **WELSH_ONLY)
    assert action["title"] == {"en": None, "cy": "Apwyntiadau gyda'r nos yn y tîm"}
    assert action["description"]["en"] is None
    lead = next(r for r in action["responsibilities"] if r["role"] == "lead")
    assert (lead["organisation_name"], lead["organisation_name_cy"]) == ("Bae Board", "Bwrdd y Bae")

    listed = await team.call("board_manager", "GET", "/actions")
    assert [a["title"]["cy"] for a in listed.json()["items"]] == [action["title"]["cy"]]

    # The timeline names the proposer's role, for each page to say in its own words.
    timeline = (await team.call("forum_su", "GET", f"/actions/{action['id']}/timeline")).json()
    proposed = next(e for e in timeline["items"] if e["kind"] == "proposed")
    assert proposed["role"] == "service_user"
    assert proposed["explanation"] is None

    # The board is asked in both languages, with the only title there is.
    notes = (await team.call("board_manager", "GET", "/notifications")).json()["items"]
    asked = next(n for n in notes if n["kind"] == "action.assigned")
    assert asked["title"]["en"] == (
        "Your organisation is asked to lead an action: Apwyntiadau gyda'r nos yn y tîm"
    )
    assert asked["title"]["cy"].endswith(": Apwyntiadau gyda'r nos yn y tîm")
    council = (await team.call("council_manager", "GET", "/notifications")).json()["items"]
    assert any(
        n["title"]["en"].startswith("Your organisation is asked to support an action:")
        for n in council
    )


async def test_a_proposal_in_neither_language_is_refused_and_nothing_is_stored(
    team: Team,
) -> None:
    for title in ({}, {"en": None, "cy": None}, {"cy": "   "}):
        r = await team.call(
            "forum_su",
            "POST",
            "/actions",
            json={
                "partnership_id": str(team.partnership.id),
                "title": title,
                "description": {"cy": "Disgrifiad"},
            },
        )
        assert r.status_code == 422, title
        assert r.headers["content-type"].startswith(PROBLEM)
        assert r.json()["errors"][0]["field"].startswith("body.title")
    assert await team.action_count() == 0


async def test_a_staff_proposal_says_a_member_of_staff_in_both_languages(team: Team) -> None:
    await partnerships.appoint_lead(
        team.session,
        SYSTEM,
        team.partnership,
        team.users["council_manager"].id,
        team.orgs["council"].id,
        person_belongs=True,
    )
    await team.session.commit()
    await team.propose("board_staff")
    notes = (await team.call("council_manager", "GET", "/notifications")).json()["items"]
    proposal = next(n for n in notes if n["kind"] == "action.proposed")
    assert proposal["body"]["en"] == "Proposed by a member of staff."
    assert proposal["body"]["cy"] == "Wedi'i gynnig gan aelod o staff."
    assert ROLE["staff"].en == "staff"  # the role word stays; only the phrase changed


async def test_a_welsh_only_proposal_is_closed_with_a_welsh_public_reason(team: Team) -> None:
    action = await team.propose(**WELSH_ONLY)
    aid = action["id"]
    short = await team.status("board_manager", aid, "not_taken_forward", reason={"cy": "Na."})
    assert short.status_code == 422
    assert short.json()["errors"][0]["field"] == "body.reason"
    reason = {"cy": "Nid oes gennym staff gyda'r nos eleni; byddwn yn edrych eto ym mis Ebrill."}
    closed = await team.status("board_manager", aid, "not_taken_forward", reason=reason)
    assert closed.status_code == 200, closed.text
    assert closed.json()["closure_reason"] == {"en": None, **reason}

    public = await team.call(None, "GET", f"/public/partnerships/{team.partnership.id}/actions")
    shown = next(a for a in public.json()["actions"] if a["id"] == aid)
    assert shown["title"] == {"en": None, "cy": WELSH_ONLY["title"]["cy"]}


async def test_progress_in_welsh_only_reaches_the_timeline(team: Team) -> None:
    aid = (await team.agreed(**WELSH_ONLY))["id"]
    r = await team.call(
        "board_manager",
        "POST",
        f"/actions/{aid}/updates",
        json={"percent": 40, "note": {"cy": "Dau glinig gyda'r nos wedi dechrau."}},
    )
    assert r.status_code == 201, r.text
    timeline = (await team.call("board_manager", "GET", f"/actions/{aid}/timeline")).json()
    update = next(e for e in timeline["items"] if e["kind"] == "update")
    assert update["explanation"] == "40%: Dau glinig gyda'r nos wedi dechrau."
