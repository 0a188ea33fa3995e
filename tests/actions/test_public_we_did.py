"""The public page says "we did" (issue 17, item 11): a completed action shows the day it was
completed and the last progress note its organisations published, in English and Welsh;
nothing that was not public already, and nothing for actions still under way."""

from __future__ import annotations

from gwella.core.database import utcnow
from tests.actions.conftest import Team


async def test_a_completed_action_shows_what_was_done_and_when(team: Team) -> None:
    done = await team.agreed(summary={"en": "You said evenings", "cy": "Dywedoch chi gyda'r nos"})
    doing = await team.agreed(title={"en": "Quieter waiting room"})
    for action in (done, doing):
        assert (await team.status("board_manager", action["id"], "in_progress")).status_code == 200
    for note, percent in (
        ({"en": "Rooms booked", "cy": "Ystafelloedd wedi'u bwcio"}, 60),
        (
            {
                "en": "Tuesday evening clinics run since March",
                "cy": "Clinigau nos Fawrth ers Mawrth",
            },
            100,
        ),
    ):
        r = await team.call(
            "council_staff",
            "POST",
            f"/actions/{done['id']}/updates",
            json={"note": note, "percent": percent},
        )
        assert r.status_code == 201, r.text
    r = await team.call(
        "council_staff",
        "POST",
        f"/actions/{doing['id']}/updates",
        json={"note": {"en": "Chairs ordered"}, "percent": 30},
    )
    assert r.status_code == 201, r.text
    assert (await team.status("board_manager", done["id"], "completed")).status_code == 200

    page = (
        await team.call(None, "GET", f"/public/partnerships/{team.partnership.id}/actions")
    ).json()
    shown = {a["id"]: a for a in page["actions"]}
    completed = shown[done["id"]]
    assert completed["status"] == "completed"
    assert completed["completed_on"] == utcnow().date().isoformat()
    assert completed["we_did"] == {
        "en": "Tuesday evening clinics run since March",
        "cy": "Clinigau nos Fawrth ers Mawrth",
    }
    # "We did" is one of the notes the page already published, not a new text.
    assert completed["we_did"] in [u["note"] for u in completed["updates"]]
    under_way = shown[doing["id"]]
    assert under_way["completed_on"] is None
    assert under_way["we_did"] is None


async def test_what_is_said_on_completing_is_the_public_we_did(team: Team) -> None:
    """The note written for the public when completing, in either language, is the "we
    did"; the timeline's explanation stays inside; a reason is refused for other moves."""
    done = await team.agreed(title={"en": "Evening appointments"})
    refused = await team.status(
        "board_manager", done["id"], "in_progress", reason={"cy": "Dim ond wrth gwblhau"}
    )
    assert refused.status_code == 422, refused.text
    assert (await team.status("board_manager", done["id"], "in_progress")).status_code == 200
    r = await team.call(
        "council_staff",
        "POST",
        f"/actions/{done['id']}/updates",
        json={"note": {"en": "Four evenings run"}, "percent": 40},
    )
    assert r.status_code == 201, r.text
    said = {"cy": "Mae clinigau gyda'r nos bob nos Fawrth bellach."}
    r = await team.status("board_manager", done["id"], "completed", reason=said)
    assert r.status_code == 200, r.text
    assert r.json()["closure_reason"]["cy"] == said["cy"]

    page = (
        await team.call(None, "GET", f"/public/partnerships/{team.partnership.id}/actions")
    ).json()
    [shown] = [a for a in page["actions"] if a["id"] == done["id"]]
    assert shown["we_did"]["cy"] == said["cy"]
    assert shown["reason_not_taken_forward"] is None
    assert "Moving to completed" not in str(page), "the timeline's explanation stays inside"
