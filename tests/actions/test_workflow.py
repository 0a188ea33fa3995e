"""The workflow of an improvement action through the API: proposal by a service user,
responsibilities accepted, status decided by the right people, progress, the timeline."""

from __future__ import annotations

from sqlalchemy import select

from gwella.core.audit import AuditEvent
from tests.actions.conftest import Team

PROBLEM = "application/problem+json"


async def test_a_service_users_proposal_followed_through(team: Team) -> None:
    action = await team.propose(
        evidence=[{"kind": "indicator", "indicator_id": str(team.indicator.id)}],
        responsibilities=[
            {
                "organisation_id": str(team.orgs["board"].id),
                "role": "lead",
                "owner_id": str(team.users["board_staff"].id),
            },
            {"organisation_id": str(team.orgs["council"].id), "role": "supporting"},
        ],
        due_date="2099-01-31",
    )
    aid = action["id"]
    assert action["status"] == "proposed"
    assert action["origin"] == "service_user"
    assert action["proposer_role"] == "service_user"
    assert action["standard_id"] == str(team.standard.id)  # from the linked indicator
    assert action["allowed_transitions"] == ["under_review", "not_taken_forward"]
    assert {
        (r["organisation_name"], r["role"], r["state"]) for r in action["responsibilities"]
    } == {
        ("Bae Board", "lead", "pending"),
        ("Council", "supporting", "pending"),
    }

    # Service users and carers support, once each; staff do not.
    for who in ("forum_su", "forum_carer"):
        r = await team.call(who, "POST", f"/actions/{aid}/supports")
        assert r.status_code == 201, r.text
    assert (await team.call("forum_su", "POST", f"/actions/{aid}/supports")).status_code == 409
    assert (await team.call("board_staff", "POST", f"/actions/{aid}/supports")).status_code == 403
    read = (await team.call("forum_carer", "GET", f"/actions/{aid}")).json()
    assert read["support_count"] == 2
    assert read["service_user_support_count"] == 1
    assert read["service_user_support_share"] == 0.5
    assert read["supported_by_me"] is True
    supports = (await team.call("board_staff", "GET", f"/actions/{aid}/supports")).json()
    assert sorted(s["supporter_role"] for s in supports["items"]) == ["carer", "service_user"]

    # A service user proposes and supports, but does not decide.
    r = await team.status("forum_su", aid, "under_review")
    assert r.status_code == 403
    assert r.headers["content-type"].startswith(PROBLEM)
    assert (await team.status("board_staff", aid, "under_review")).status_code == 403
    r = await team.status("board_manager", aid, "completed")
    assert r.status_code == 409
    assert "under_review" in r.json()["detail"]
    assert (await team.status("board_manager", aid, "under_review")).status_code == 200

    # Agreeing waits for the lead to accept its part.
    r = await team.status("council_manager", aid, "agreed")
    assert r.status_code == 409
    assert "lead" in r.json()["detail"]
    assert (await team.accept("council_manager", aid, "board")).status_code == 403
    r = await team.accept("board_manager", aid, "board")
    assert r.status_code == 200
    assert r.json()["state"] == "accepted"
    assert (await team.accept("board_manager", aid, "board")).status_code == 409
    r = await team.accept(
        "council_manager", aid, "council", owner_id=str(team.users["council_staff"].id)
    )
    assert r.json()["owner_id"] == str(team.users["council_staff"].id)

    # Agreeing is a partnership decision: the supporting council's manager may make it...
    r = await team.status("council_manager", aid, "agreed")
    assert r.status_code == 200, r.text
    assert r.json()["decided_at"] is not None
    # ...but running it is the lead's call.
    assert (await team.status("council_manager", aid, "in_progress")).status_code == 403
    assert (await team.status("board_manager", aid, "in_progress")).status_code == 200

    # Progress from any responsible organisation that accepted; not from the forum.
    r = await team.call(
        "council_staff",
        "POST",
        f"/actions/{aid}/updates",
        json={"note": {"en": "Rooms booked", "cy": "Ystafelloedd wedi'u trefnu"}, "percent": 40},
    )
    assert r.status_code == 201, r.text
    assert r.json()["organisation_id"] == str(team.orgs["council"].id)
    r = await team.call(
        "forum_su", "POST", f"/actions/{aid}/updates", json={"note": {"en": "x"}, "percent": 50}
    )
    assert r.status_code == 403
    assert (await team.call("forum_su", "GET", f"/actions/{aid}")).json()["progress"] == 40

    r = await team.status("board_manager", aid, "completed")
    assert r.status_code == 200
    done = r.json()
    assert done["status"] == "completed"
    assert done["progress"] == 100
    assert done["allowed_transitions"] == []
    assert (await team.status("board_manager", aid, "in_progress")).status_code == 409

    timeline = (await team.call("forum_su", "GET", f"/actions/{aid}/timeline")).json()["items"]
    changes = [
        (e["from_status"], e["to_status"]) for e in timeline if e["kind"] == "status_changed"
    ]
    assert changes == [
        ("proposed", "under_review"),
        ("under_review", "agreed"),
        ("agreed", "in_progress"),
        ("in_progress", "completed"),
    ]
    assert all(
        e["explanation"] == f"Moving to {e['to_status']}"
        for e in timeline
        if e["kind"] == "status_changed"
    )
    kinds = [e["kind"] for e in timeline]
    assert kinds[0] == "proposed"
    assert {"supported", "responsibility_accepted", "update"} <= set(kinds)

    audited = list(
        await team.session.scalars(
            select(AuditEvent).where(
                AuditEvent.record_id == aid, AuditEvent.action == "action.status_changed"
            )
        )
    )
    assert len(audited) == 4
    assert all(e.partnership_id == team.partnership.id for e in audited)
    assert {e.changes["status"]["after"] for e in audited} == {
        "under_review",
        "agreed",
        "in_progress",
        "completed",
    }


async def test_another_partnerships_members_are_refused(team: Team) -> None:
    action = await team.propose()
    aid = action["id"]
    for who in ("outsider_admin", "outsider_su"):
        assert (await team.call(who, "GET", f"/actions/{aid}")).status_code == 404
        assert (await team.call(who, "GET", f"/actions/{aid}/timeline")).status_code == 404
        assert (await team.call(who, "POST", f"/actions/{aid}/supports")).status_code == 404
        assert (await team.status(who, aid, "under_review")).status_code == 404
        listed = (await team.call(who, "GET", "/actions")).json()["items"]
        assert listed == []
        r = await team.call(
            who,
            "POST",
            "/actions",
            json={
                "partnership_id": str(team.partnership.id),
                "title": {"en": "Planted"},
                "description": {"en": "From outside"},
            },
        )
        assert r.status_code == 404
    r = await team.call(
        "outsider_admin",
        "GET",
        f"/partnerships/{team.partnership.id}/action-accountability",
    )
    assert r.status_code == 404
    assert (await team.call("forum_su", "GET", f"/actions/{aid}")).status_code == 200
    assert await team.action_count() == 1


async def test_a_service_users_proposal_is_closed_only_with_a_written_public_reason(
    team: Team,
) -> None:
    aid = (await team.propose())["id"]
    r = await team.status("board_manager", aid, "not_taken_forward")
    assert r.status_code == 422
    assert r.headers["content-type"].startswith(PROBLEM)
    assert r.json()["errors"][0]["field"] == "body.reason"
    r = await team.status("board_manager", aid, "not_taken_forward", reason={"en": "No."})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "body.reason"
    read = (await team.call("forum_su", "GET", f"/actions/{aid}")).json()
    assert read["status"] == "proposed"
    assert read["closure_reason"] is None

    reason = {
        "en": "The clinic cannot open later until the new building is ready in 2027.",
        "cy": "Ni all y clinig agor yn hwyrach nes bydd yr adeilad newydd yn barod yn 2027.",
    }
    r = await team.status("board_manager", aid, "not_taken_forward", reason=reason)
    assert r.status_code == 200, r.text
    assert r.json()["closure_reason"] == reason
    assert (await team.status("board_manager", aid, "under_review")).status_code == 409

    public = await team.http.get(f"/api/v1/public/partnerships/{team.partnership.id}/actions")
    assert public.status_code == 200
    [shown] = public.json()["actions"]
    assert shown["status"] == "not_taken_forward"
    assert shown["reason_not_taken_forward"] == reason


async def test_staff_proposal_and_reasons_to_move_on(team: Team) -> None:
    action = await team.propose("board_staff")
    assert action["origin"] == "staff"
    assert action["proposer_role"] == "staff"
    r = await team.status(
        "board_manager", action["id"], "not_taken_forward", reason={"en": "Duplicate."}
    )
    assert r.status_code == 200  # a short reason is enough for a staff proposal
    r = await team.status("board_manager", action["id"], "under_review", reason={"en": "x"})
    assert r.status_code == 409


async def test_a_declined_lead_leaves_room_for_another(team: Team) -> None:
    aid = (await team.propose(responsibilities=team.parts()))["id"]
    r = await team.call(
        "board_manager",
        "POST",
        f"/actions/{aid}/responsibilities/{team.orgs['board'].id}/decline",
        json={},
    )
    assert r.status_code == 422  # a reason is needed
    r = await team.call(
        "board_manager",
        "POST",
        f"/actions/{aid}/responsibilities/{team.orgs['board'].id}/decline",
        json={"note": "Not ours: the council runs the day centre."},
    )
    assert r.status_code == 200
    assert r.json()["state"] == "declined"
    # The lead part is free again: the forum takes it, and then no second lead is taken.
    r = await team.call(
        "board_manager",
        "POST",
        f"/actions/{aid}/responsibilities",
        json={"organisation_id": str(team.orgs["forum"].id), "role": "lead"},
    )
    assert r.status_code == 201, r.text
    r = await team.call(
        "board_manager",
        "POST",
        f"/actions/{aid}/responsibilities",
        json={"organisation_id": str(team.orgs["board"].id), "role": "lead"},
    )
    assert r.status_code == 409
    r = await team.call(
        "forum_su",
        "POST",
        f"/actions/{aid}/responsibilities",
        json={"organisation_id": str(team.orgs["board"].id), "role": "supporting"},
    )
    assert r.status_code == 403


async def test_a_partnership_lead_hears_of_proposals_and_may_agree(team: Team) -> None:
    from gwella.notifications.models import Notification
    from gwella.partnerships import service as partnerships
    from tests.factories import SYSTEM

    lead = team.users["council_staff"]
    await partnerships.appoint_lead(
        team.session,
        SYSTEM,
        team.partnership,
        lead.id,
        team.orgs["council"].id,
        person_belongs=True,
    )
    await team.session.commit()
    aid = (await team.propose(responsibilities=team.parts("board", ())))["id"]
    await team.session.commit()
    kinds = list(
        await team.session.scalars(select(Notification.kind).where(Notification.user_id == lead.id))
    )
    assert kinds == ["action.proposed"]
    assert (await team.status("board_manager", aid, "under_review")).status_code == 200
    assert (await team.accept("board_manager", aid, "board")).status_code == 200
    # Council staff, not a decider of the council, but the partnership's lead: may agree...
    r = await team.status("council_staff", aid, "agreed")
    assert r.status_code == 200, r.text
    # ...and nothing else.
    assert (await team.status("council_staff", aid, "in_progress")).status_code == 403


async def test_partner_systems_read_actions_but_do_not_propose(team: Team) -> None:
    from gwella.accounts.models import Scope
    from tests.factories import client_token, make_api_client

    aid = (await team.propose())["id"]
    mine = await client_token(team.http, await make_api_client(team.session, team.orgs["board"]))
    r = await team.http.get(f"/api/v1/actions/{aid}", headers=mine)
    assert r.status_code == 200
    assert r.json()["supported_by_me"] is False
    assert r.headers["etag"] == '"1"'
    listed = await team.http.get("/api/v1/actions", headers=mine)
    assert [a["id"] for a in listed.json()["items"]] == [aid]
    r = await team.http.post(
        "/api/v1/actions",
        headers=mine,
        json={
            "partnership_id": str(team.partnership.id),
            "title": {"en": "From a machine"},
            "description": {"en": "No"},
        },
    )
    assert r.status_code == 403
    other = await client_token(
        team.http, await make_api_client(team.session, team.orgs["outsider"], [Scope.read])
    )
    assert (await team.http.get(f"/api/v1/actions/{aid}", headers=other)).status_code == 404
