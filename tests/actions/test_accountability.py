"""What the people around an action hear and see: notifications, webhooks, the overdue pass,
PDSA cycles on the chart, the accountability views, CSV, the printable report, the public
page; and bad input refused with nothing changed."""

from __future__ import annotations

import csv
import html
import io
import json
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.actions.models import ActionEvent, ActionEvidence, ActionResponsibility
from gwella.core.config import Settings
from gwella.core.database import utcnow
from gwella.indicators.models import Annotation
from gwella.notifications.models import Notification
from gwella.webhooks import service as webhooks
from gwella.webhooks.models import WebhookEvent
from gwella.webhooks.schemas import WebhookEventType, WebhookSubscriptionCreate
from gwella.worker import Worker
from tests.actions.conftest import Team
from tests.factories import SYSTEM


async def _kinds_for(team: Team, who: str) -> list[str]:
    await team.session.commit()  # a fresh read, after the API's transactions
    rows = await team.session.scalars(
        select(Notification.kind)
        .where(Notification.user_id == team.users[who].id)
        .order_by(Notification.created_at)
    )
    return list(rows)


async def test_notifications_and_webhook_events(team: Team, settings: Settings) -> None:
    for org in ("board", "council", "forum"):
        await webhooks.create_subscription(
            team.session,
            SYSTEM,
            settings,
            WebhookSubscriptionCreate(
                url="http://127.0.0.1:9/hooks",
                event_types=[
                    WebhookEventType.action_created,
                    WebhookEventType.action_status_changed,
                ],
            ),
            organisation_id=team.orgs[org].id,
            api_client_id=None,
        )
    await team.session.commit()

    action = await team.agreed()
    aid = action["id"]
    await team.call("forum_carer", "POST", f"/actions/{aid}/supports")
    assert (await team.status("board_manager", aid, "in_progress")).status_code == 200
    r = await team.call(
        "board_staff",
        "POST",
        f"/actions/{aid}/updates",
        json={"note": {"en": "Pilot on Tuesdays"}, "percent": 25},
    )
    assert r.status_code == 201

    events = list(
        await team.session.scalars(
            select(WebhookEvent).where(WebhookEvent.record_id == aid).order_by(WebhookEvent.seq)
        )
    )
    created = [e for e in events if e.event_type == "action.created"]
    assert {e.organisation_id for e in created} == {
        team.orgs["board"].id,
        team.orgs["council"].id,
        team.orgs["forum"].id,  # the proposer's organisation
    }
    data = created[0].payload["data"]
    assert data["action_id"] == aid
    assert data["status"] == "proposed"
    assert data["source"] == "service_user"
    assert data["title"] == "Evening appointments"
    changed = [
        (e.organisation_id, e.payload["data"]["previous_status"], e.payload["data"]["status"])
        for e in events
        if e.event_type == "action.status_changed"
    ]
    board = team.orgs["board"].id
    assert [(p, s) for o, p, s in changed if o == board] == [
        ("proposed", "under_review"),
        ("under_review", "agreed"),
        ("agreed", "in_progress"),
    ]

    assert "action.assigned" in await _kinds_for(team, "board_manager")
    assert "action.assigned" in await _kinds_for(team, "council_manager")
    proposer = await _kinds_for(team, "forum_su")
    assert "action.responsibility_accepted" in proposer
    assert proposer.count("action.status_changed") == 3
    assert "action.update" in proposer
    # A supporter hears of what happens after they support; the author not of their own update.
    assert await _kinds_for(team, "forum_carer") == ["action.status_changed", "action.update"]
    assert "action.update" not in await _kinds_for(team, "board_staff")


async def test_notifications_speak_the_vocabulary(team: Team) -> None:
    """Statuses and parts are named in the words of core.vocabulary, the web app's words."""
    aid = (await team.agreed())["id"]
    assert (await team.status("board_manager", aid, "in_progress")).status_code == 200
    await team.session.commit()
    rows = await team.session.scalars(
        select(Notification).where(
            Notification.user_id.in_([team.users["forum_su"].id, team.users["council_manager"].id])
        )
    )
    titles = [(n.kind, n.title["en"], n.title["cy"]) for n in rows]
    assert (
        "action.status_changed",
        "Evening appointments: now in progress",
        "Apwyntiadau gyda'r nos: ar y gweill bellach",
    ) in titles
    # "cefnogi" (supporting), softened after "i'ch sefydliad".
    assert (
        "action.assigned",
        "Gofynnir i'ch sefydliad gefnogi cam gweithredu: Apwyntiadau gyda'r nos",
    ) in [(kind, cy) for kind, _, cy in titles]


async def test_overdue_is_flagged_and_notified_once(
    team: Team, settings: Settings, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    late = await team.agreed_late(days=1)
    on_time = await team.agreed(due_date="2099-12-31")
    assert late["overdue"] is True
    assert on_time["overdue"] is False
    listed = (await team.call("board_staff", "GET", "/actions", params={"overdue": "true"})).json()
    assert [a["id"] for a in listed["items"]] == [late["id"]]

    worker = Worker(settings, sessionmaker)
    await worker._overdue_now_and_then(utcnow())
    await Worker(settings, sessionmaker)._overdue_now_and_then(utcnow())  # a second pass
    await team.session.commit()  # end the read transaction: see the worker's writes
    staff_kinds = await _kinds_for(team, "board_manager")
    assert staff_kinds.count("action.overdue") == 1
    overdue_rows = await team.session.scalar(
        select(func.count()).select_from(Notification).where(Notification.kind == "action.overdue")
    )
    assert overdue_rows == len({team.users["board_admin"].id, team.users["board_manager"].id})
    timeline = (await team.call("forum_su", "GET", f"/actions/{late['id']}/timeline")).json()
    assert [e["kind"] for e in timeline["items"]].count("overdue") == 1

    done = await team.status("board_manager", late["id"], "in_progress")
    assert done.json()["overdue"] is True
    r = await team.status("board_manager", late["id"], "completed")
    assert r.json()["overdue"] is False


async def test_pdsa_cycle_dates_are_annotations_on_the_chart(team: Team) -> None:
    aid = (await team.agreed())["id"]
    r = await team.call(
        "board_staff",
        "POST",
        f"/actions/{aid}/pdsa-cycles",
        json={
            "objective": "Open the clinic until 8pm on Tuesdays",
            "prediction": "Involvement rises above 70%",
            "indicator_id": str(team.indicator.id),
            "planned_on": "2025-09-01",
        },
    )
    assert r.status_code == 201, r.text
    cycle = r.json()
    assert cycle["number"] == 1
    assert cycle["stage"] == "do"
    assert cycle["organisation_id"] == str(team.orgs["board"].id)
    cid, etag = cycle["id"], r.headers["etag"]

    # Out of order (act before do) is refused, and changes nothing.
    r = await team.call(
        "board_staff",
        "PATCH",
        f"/pdsa-cycles/{cid}",
        json={"acted_on": "2025-10-01", "act_notes": "x", "decision": "adopt"},
        headers={"If-Match": etag},
    )
    assert r.status_code == 422
    r = await team.call(
        "board_staff",
        "PATCH",
        f"/pdsa-cycles/{cid}",
        json={"done_on": "2025-08-01", "do_notes": "Before the plan"},
        headers={"If-Match": etag},
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "body.done_on"
    r = await team.call(
        "forum_su",
        "PATCH",
        f"/pdsa-cycles/{cid}",
        json={"done_on": "2025-09-30", "do_notes": "Ran it"},
        headers={"If-Match": etag},
    )
    assert r.status_code == 403

    r = await team.call(
        "board_staff",
        "PATCH",
        f"/pdsa-cycles/{cid}",
        json={
            "done_on": "2025-09-30",
            "do_notes": "Ran four Tuesday evenings",
            "studied_on": "2025-11-28",
            "study_notes": "Involvement reached 75%, above the prediction",
        },
        headers={"If-Match": etag},
    )
    assert r.status_code == 200, r.text
    assert r.json()["stage"] == "act"
    stale = await team.call(
        "board_staff",
        "PATCH",
        f"/pdsa-cycles/{cid}",
        json={"acted_on": "2025-12-01", "act_notes": "Keep it", "decision": "adapt"},
        headers={"If-Match": etag},
    )
    assert stale.status_code == 412
    r = await team.call(
        "board_staff",
        "PATCH",
        f"/pdsa-cycles/{cid}",
        json={
            "acted_on": "2025-12-01",
            "act_notes": "Keep it and add Thursdays",
            "decision": "adapt",
            "next_objective": "Add Thursday evenings",
        },
        headers={"If-Match": r.headers["etag"]},
    )
    assert r.status_code == 200, r.text
    assert r.json()["stage"] == "done"
    assert r.json()["next_cycle_id"] is not None

    cycles = (await team.call("forum_su", "GET", f"/actions/{aid}/pdsa-cycles")).json()
    assert [(c["number"], c["stage"]) for c in cycles] == [(1, "done"), (2, "do")]
    assert cycles[1]["objective"] == "Add Thursday evenings"

    chart = await team.call(
        "forum_su",
        "GET",
        f"/indicators/{team.indicator.id}/chart",
        params={"organisation_id": str(team.orgs["board"].id)},
    )
    assert chart.status_code == 200
    notes = [n for n in chart.json()["annotations"] if n["kind"] == "pdsa"]
    assert [n["on_date"] for n in notes] == [
        "2025-09-01",
        "2025-09-30",
        "2025-11-28",
        "2025-12-01",
        "2025-12-01",
    ]
    assert notes[0]["text"]["en"].startswith("PDSA 1 plan (Evening appointments)")
    assert notes[-1]["text"]["en"].startswith("PDSA 2 plan")
    assert notes[0]["text"]["cy"].startswith("PDSA 1 cynllunio (Apwyntiadau gyda'r nos)")
    timeline = (await team.call("forum_su", "GET", f"/actions/{aid}/timeline")).json()["items"]
    assert [e["kind"] for e in timeline if e["kind"].startswith("pdsa")] == [
        "pdsa_planned",
        "pdsa_do",
        "pdsa_study",
        "pdsa_act",
        "pdsa_planned",
    ]


async def test_accountability_views_csv_and_report(team: Team) -> None:
    completed = await team.agreed(standard_id=str(team.standard.id))
    await team.status("board_manager", completed["id"], "in_progress")
    await team.status("board_manager", completed["id"], "completed")
    await team.agreed_late(days=3)
    staff_led = await team.propose(
        "council_staff", responsibilities=team.parts("council", ("board",))
    )
    await team.status(
        "council_manager", staff_led["id"], "not_taken_forward", reason={"en": "Covered already"}
    )

    board = (
        await team.call(
            "council_staff",
            "GET",
            f"/organisations/{team.orgs['board'].id}/action-accountability",
        )
    ).json()
    assert board["leads"] == 2
    assert board["supports"] == 1
    assert board["completed"] == 1
    assert board["overdue"] == 1
    assert board["not_taken_forward"] == 1
    assert board["on_time"] == 0
    assert board["share_completed"] == round(1 / 3, 4)
    assert board["share_from_service_users"] == round(2 / 3, 4)
    assert board["median_days_to_decision"] is not None

    view = (
        await team.call(
            "forum_su", "GET", f"/partnerships/{team.partnership.id}/action-accountability"
        )
    ).json()
    assert view["total"] == 3
    assert view["overdue"] == 1
    assert view["by_status"]["completed"] == 1
    assert view["by_status"]["agreed"] == 1
    assert view["by_status"]["not_taken_forward"] == 1
    by_standard = {s["standard_code"]: s["total"] for s in view["by_standard"]}
    assert by_standard == {"S1": 1, None: 2}
    carriers = {o["organisation_name"]: (o["leads"], o["supports"]) for o in view["organisations"]}
    assert carriers == {"Bae Board": (2, 1), "Council": (1, 2), "Forum": (0, 0)}

    r = await team.call(
        "forum_su", "GET", f"/partnerships/{team.partnership.id}/action-accountability.csv"
    )
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["organisation"] for row in rows] == ["Bae Board", "Council", "Forum"]
    assert rows[0]["leads"] == "2"
    assert rows[0]["overdue"] == "1"
    assert rows[0]["completed"] == "1"
    assert rows[2]["share_completed"] == ""

    r = await team.call(
        "board_manager",
        "GET",
        f"/partnerships/{team.partnership.id}/report",
        params={"period_start": "2025-01-01", "period_end": "2099-12-31"},
    )
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    page = r.text
    assert "Standard S1: Social inclusion" in page
    assert "SU-INVOLVED: Involved in their care plan" in page
    assert "Special cause: improving (high)" in page  # the jump to 75 in the last month
    assert "Consistently failing the target" in page
    assert "Evening appointments" in page
    assert "Actions not filed under a standard" in page
    assert "<html lang='en'>" in page
    welsh = await team.call(
        "board_manager",
        "GET",
        f"/partnerships/{team.partnership.id}/report",
        params={"period_start": "2025-01-01", "period_end": "2099-12-31", "language": "cy"},
    )
    assert welsh.headers["content-language"] == "cy"
    cy = html.unescape(welsh.text)
    assert "<html lang='cy'>" in cy
    assert "Safon S1: " in cy
    assert "Achos arbennig: gwella (uchel)" in cy
    assert "Yn methu'r targed yn gyson" in cy
    assert "Camau gweithredu heb safon" in cy
    assert "Special cause" not in cy
    bad = await team.call(
        "board_manager",
        "GET",
        f"/partnerships/{team.partnership.id}/report",
        params={"period_start": "2025-02-01", "period_end": "2025-01-01"},
    )
    assert bad.status_code == 422
    assert bad.headers["content-type"].startswith("application/problem+json")
    outsider = await team.call(
        "outsider_admin",
        "GET",
        f"/partnerships/{team.partnership.id}/report",
        params={"period_start": "2025-01-01", "period_end": "2025-12-31"},
    )
    assert outsider.status_code == 404


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)]


async def test_public_page_shows_what_was_done_and_no_personal_data(team: Team) -> None:
    action = await team.agreed(
        summary={"en": "You said evenings; we opened Tuesdays", "cy": "Dywedoch chi..."}
    )
    aid = action["id"]
    await team.call(
        "board_manager",
        "PATCH",
        f"/actions/{aid}/responsibilities/{team.orgs['board'].id}",
        json={"owner_id": str(team.users["board_staff"].id)},
        headers={"If-Match": '"*"'},
    )
    await team.call("forum_su2", "POST", f"/actions/{aid}/supports")
    await team.status("board_manager", aid, "in_progress")
    await team.call(
        "council_staff",
        "POST",
        f"/actions/{aid}/updates",
        json={"note": {"en": "Rooms booked", "cy": "Ystafelloedd"}, "percent": 60},
    )
    hidden = await team.propose(title={"en": "Still a proposal"})

    r = await team.http.get(f"/api/v1/public/partnerships/{team.partnership.id}/actions")
    assert r.status_code == 200
    page = r.json()
    [shown] = page["actions"]
    assert shown["id"] == aid
    assert shown["summary"]["en"] == "You said evenings; we opened Tuesdays"
    assert shown["progress"] == 60
    assert shown["status"] == "in_progress"
    assert shown["support_count"] == 1
    assert shown["service_user_support_share"] == 1.0
    assert [u["percent"] for u in shown["updates"]] == [60]
    assert shown["updates"][0]["organisation_name"]["en"] == "Council"
    assert {o["organisation_name"]["en"] for o in shown["organisations"]} == {
        "Bae Board",
        "Council",
    }
    assert hidden["id"] not in json.dumps(page)

    everything = " ".join(_strings(page))
    for user in team.users.values():
        assert str(user.id) not in everything
        assert user.email not in everything
        assert user.display_name not in everything
    assert "@" not in everything
    for key in ("proposed_by_id", "owner_id", "user_id", "author_id", "actor_id", "email"):
        assert key not in everything
    unknown = await team.http.get(f"/api/v1/public/partnerships/{uuid.uuid4()}/actions")
    assert unknown.status_code == 404
    assert unknown.headers["content-type"].startswith("application/problem+json")


async def test_bad_input_is_a_problem_and_changes_nothing(team: Team) -> None:
    base = {
        "partnership_id": str(team.partnership.id),
        "title": {"en": "A title"},
        "description": {"en": "A description"},
    }
    board, council, outsider = (team.orgs[k].id for k in ("board", "council", "outsider"))
    cases: list[tuple[dict[str, Any], str]] = [
        (
            {"evidence": [{"kind": "indicator", "indicator_id": str(uuid.uuid4())}]},
            "body.evidence.0.indicator_id",
        ),
        (
            {"evidence": [{"kind": "indicator", "campaign_id": str(uuid.uuid4())}]},
            "body.evidence.0",
        ),
        (
            {"evidence": [{"kind": "comment", "answer_id": str(uuid.uuid4())}]},
            "body.evidence.0.answer_id",
        ),
        (
            {"evidence": [{"kind": "campaign_result", "campaign_id": str(uuid.uuid4())}]},
            "body.evidence.0.campaign_id",
        ),
        (
            {"responsibilities": [{"organisation_id": str(board), "role": "supporting"}]},
            "body.responsibilities",
        ),
        (
            {
                "responsibilities": [
                    {"organisation_id": str(board), "role": "lead"},
                    {"organisation_id": str(council), "role": "lead"},
                ]
            },
            "body.responsibilities",
        ),
        (
            {"responsibilities": [{"organisation_id": str(outsider), "role": "lead"}]},
            "body.responsibilities.0.organisation_id",
        ),
        (
            {
                "responsibilities": [
                    {
                        "organisation_id": str(board),
                        "role": "lead",
                        "owner_id": str(team.users["council_staff"].id),
                    }
                ]
            },
            "body.responsibilities.0.owner_id",
        ),
        ({"standard_id": str(uuid.uuid4())}, "body.standard_id"),
        ({"origin": "rumour"}, "body.origin"),
        ({"title": {"en": ""}}, "body.title.en"),
        ({"due_date": "soon"}, "body.due_date"),
        ({"surprise": True}, "body.surprise"),
    ]
    for extra, field in cases:
        r = await team.call("forum_su", "POST", "/actions", json={**base, **extra})
        assert r.status_code == 422, (extra, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        problem = r.json()
        assert problem["type"] == "urn:gwella:problem:validation-failed"
        assert any(e["field"].startswith(field) for e in problem["errors"]), (field, problem)
    assert await team.action_count() == 0
    assert await team.session.scalar(select(func.count()).select_from(ActionEvidence)) == 0
    assert await team.session.scalar(select(func.count()).select_from(ActionResponsibility)) == 0

    action = await team.propose("board_staff")
    aid = action["id"]
    events_before = await team.session.scalar(select(func.count()).select_from(ActionEvent))
    r = await team.call("board_manager", "PATCH", f"/actions/{aid}", json={"title": {"en": "New"}})
    assert r.status_code == 428
    r = await team.call(
        "board_manager",
        "PATCH",
        f"/actions/{aid}",
        json={"title": {"en": "New"}},
        headers={"If-Match": '"999"'},
    )
    assert r.status_code == 412
    r = await team.call(
        "board_manager",
        "PATCH",
        f"/actions/{aid}",
        json={"title": None},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 422
    r = await team.call(
        "forum_su",
        "PATCH",
        f"/actions/{aid}",
        json={"title": {"en": "Mine now"}},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 403
    r = await team.call("board_manager", "POST", f"/actions/{aid}/status", json={"status": "x"})
    assert r.status_code == 422
    r = await team.call(
        "board_manager",
        "POST",
        f"/actions/{aid}/updates",
        json={"note": {"en": "Too much"}, "percent": 120},
    )
    assert r.status_code == 422
    read = (await team.call("board_staff", "GET", f"/actions/{aid}")).json()
    assert read["title"]["en"] == "A title" or read["title"]["en"] == "Evening appointments"
    assert read["version"] == 1
    assert read["status"] == "proposed"
    assert await team.session.scalar(select(func.count()).select_from(ActionEvent)) == events_before
    assert await team.session.scalar(select(func.count()).select_from(Annotation)) == 0

    r = await team.call(
        "board_manager",
        "PATCH",
        f"/actions/{aid}",
        json={"summary": {"en": "We listened"}, "due_date": "2099-06-30"},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"2"'
    assert r.json()["summary"] == {"en": "We listened", "cy": None}


async def test_list_filters_and_keyset_pages(team: Team) -> None:
    first = await team.agreed(standard_id=str(team.standard.id))
    second = await team.propose("board_staff")
    third = await team.propose(responsibilities=team.parts("council", ()))

    async def ids(**params: Any) -> list[str]:
        r = await team.call("forum_su", "GET", "/actions", params=params)
        assert r.status_code == 200, r.text
        return [a["id"] for a in r.json()["items"]]

    assert await ids() == [third["id"], second["id"], first["id"]]  # newest first
    assert await ids(sort="created_at") == [first["id"], second["id"], third["id"]]
    assert await ids(status="agreed") == [first["id"]]
    assert set(await ids(status=["agreed", "proposed"])) == {first["id"], second["id"], third["id"]}
    assert await ids(origin="staff") == [second["id"]]
    assert await ids(standard_id=str(team.standard.id)) == [first["id"]]
    assert await ids(organisation_id=str(team.orgs["council"].id)) == [third["id"], first["id"]]
    assert await ids(partnership_id=str(team.other_partnership.id)) == []
    assert await ids(overdue="false") == [third["id"], second["id"], first["id"]]

    seen: list[str] = []
    params: dict[str, Any] = {"limit": 1}
    while True:
        page = (await team.call("forum_su", "GET", "/actions", params=params)).json()
        seen += [a["id"] for a in page["items"]]
        if page["next_cursor"] is None:
            break
        params = {"limit": 1, "cursor": page["next_cursor"]}
    assert seen == [third["id"], second["id"], first["id"]]
    bad = await team.call("forum_su", "GET", "/actions", params={"cursor": "nonsense"})
    assert bad.status_code == 400
    bad = await team.call("forum_su", "GET", "/actions", params={"sort": "title"})
    assert bad.status_code == 422
    bad = await team.call("forum_su", "GET", "/actions", params={"status": "done"})
    assert bad.status_code == 422


async def test_the_person_named_for_a_part_is_told_who_answers_for_it(team: Team) -> None:
    """The managers are asked to accept or decline; a member of staff named for the part,
    who may not answer for it, is told so instead of being asked."""
    parts = team.parts()
    parts[0]["owner_id"] = str(team.users["board_staff"].id)
    await team.propose("forum_su", responsibilities=parts)
    await team.session.commit()
    bodies = {
        who: list(
            await team.session.scalars(
                select(Notification.body).where(
                    Notification.user_id == team.users[who].id,
                    Notification.kind == "action.assigned",
                )
            )
        )
        for who in ("board_manager", "board_staff")
    }
    assert [b["en"] for b in bodies["board_manager"]] == [
        "Accept or decline your organisation's part."
    ]
    [named] = bodies["board_staff"]
    assert "named for your organisation's part" in named["en"]
    assert "Accept or decline" not in named["en"]
    assert "wedi'ch enwi" in named["cy"]
