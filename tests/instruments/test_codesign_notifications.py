"""Co-design reaches people (issue 17, item 5): being invited to help design a survey, a new
suggestion, a review asked for, an approval, a request for changes, and what became of a
suggestion each reach the people concerned, and only them, once, in English and Welsh, with a
link to the page where they act. The person who acted hears nothing of their own act, and a
request repeated changes nothing and tells nobody again."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from tests.factories import make_user, sign_in
from tests.instruments.test_instruments import Setup, arrange, create, yes_no

APP = Path(__file__).resolve().parents[2] / "frontend" / "src" / "App.tsx"
PEOPLE = ("editor", "admin", "su", "carer", "board_su", "forum_staff")


def _spa_routes() -> list[re.Pattern[str]]:
    """The web app's page routes, as patterns a link must match."""
    paths = re.findall(r'path="([^"]+)"', APP.read_text(encoding="utf-8"))
    return [
        re.compile("^" + re.sub(r":[A-Za-z]+", "[^/?]+", p) + r"(\?.*)?$")
        for p in paths
        if p != "*"
    ]


async def _setup(client: httpx.AsyncClient, session: AsyncSession) -> Setup:
    setup = await arrange(client, session)
    # Staff of the forum: invited to co-design with the forum, but no approver under the rule.
    staff = await make_user(session, {setup.forum: [Role.staff]})  # type: ignore[attr-defined]
    setup.people["forum_staff"] = staff  # type: ignore[attr-defined]
    setup.headers["forum_staff"] = await sign_in(client, staff.email)
    return setup


class Inbox:
    """What each person has been told, read through the API, and what is new since last read."""

    def __init__(self, setup: Setup) -> None:
        self.setup = setup
        self.seen: dict[str, set[str]] = {who: set() for who in PEOPLE}

    async def new(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for who in PEOPLE:
            r = await self.setup.client.get(
                "/api/v1/notifications", headers=self.setup.headers[who]
            )
            assert r.status_code == 200, r.text
            fresh = [n for n in r.json()["items"] if n["id"] not in self.seen[who]]
            self.seen[who] |= {n["id"] for n in fresh}
            if fresh:
                out[who] = fresh
        return out

    async def expect(self, kind: str, *people: str) -> dict[str, dict[str, Any]]:
        """Exactly ``people`` have exactly one new notification each, of ``kind``, with English
        and Welsh texts and a link the recipient can follow; nobody else has anything new."""
        got = await self.new()
        assert sorted(got) == sorted(people), {w: [n["kind"] for n in ns] for w, ns in got.items()}
        routes = _spa_routes()
        one: dict[str, dict[str, Any]] = {}
        for who, notes in got.items():
            assert [n["kind"] for n in notes] == [kind], (who, notes)
            note = notes[0]
            for part in ("title", "body"):
                assert note[part]["en"].strip(), (part, note)
                assert note[part]["cy"].strip(), (part, note)
                assert note[part]["en"] != note[part]["cy"], (part, note)
            assert any(r.match(note["link"] or "") for r in routes), note["link"]
            assert note["record_type"], note
            assert note["record_id"], note
            # The page's own data answers for the person told to go there.
            version_id = note["link"].rsplit("/", 1)[1]
            page = await self.setup.client.get(
                f"/api/v1/instrument-versions/{version_id}", headers=self.setup.headers[who]
            )
            assert page.status_code == 200, (who, page.text)
            one[who] = note
        return one


async def test_co_design_events_reach_the_people_concerned_and_only_them(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await _setup(client, session)
    inbox = Inbox(setup)
    forum = setup.forum  # type: ignore[attr-defined]
    made = await create(setup)
    version_id = made.json()["versions"][0]["id"]
    url = f"/api/v1/instrument-versions/{version_id}"
    assert await inbox.new() == {}

    # (a) Invited: every member of the forum, whatever their role; nobody of the board.
    settings = {"open": True, "organisation_ids": [str(forum.id)]}
    opened = await client.put(f"{url}/codesign", headers=setup.headers["editor"], json=settings)
    assert opened.status_code == 200, opened.text
    invited = await inbox.expect("codesign.invited", "su", "carer", "forum_staff")
    note = invited["su"]
    assert note["link"] == f"/instrument-versions/{version_id}"
    assert (note["record_type"], note["record_id"]) == ("instrument_version", version_id)
    assert note["title"]["en"] == (
        "Your organisation is invited to help design a survey: Your experience"
    )
    assert note["title"]["cy"] == "Gwahoddir eich sefydliad i helpu i lunio arolwg: Eich profiad"
    assert "Health Board" in note["body"]["en"]
    assert "Health Board" in note["body"]["cy"]
    # The same settings again (a retry): nothing changes and nobody hears twice.
    again = await client.put(f"{url}/codesign", headers=setup.headers["editor"], json=settings)
    assert again.status_code == 200
    assert await inbox.new() == {}

    # (b) A new suggestion: the draft's writer hears, the author and the rest do not.
    suggestion = {
        "kind": "question",
        "body": "Were you asked what matters to you?",
        "proposed_question": yes_no("asked_what_matters"),
    }
    made_s = await client.post(f"{url}/contributions", headers=setup.headers["su"], json=suggestion)
    assert made_s.status_code == 201, made_s.text
    told = (await inbox.expect("codesign.contribution_added", "editor"))["editor"]
    assert (told["record_type"], told["record_id"]) == ("contribution", made_s.json()["id"])
    assert told["title"]["en"] == "New suggestion on your draft: Your experience"
    assert told["body"]["en"] == (
        "A service user suggested a question: “Were you asked what matters to you?”"
    )
    assert told["body"]["cy"] == (
        "Awgrymodd defnyddiwr gwasanaeth gwestiwn: “Were you asked what matters to you?”"
    )
    topic = await client.post(
        f"{url}/contributions",
        headers=setup.headers["carer"],
        json={"kind": "topic", "body": "Parking at the day centre"},
    )
    assert topic.status_code == 201
    told = (await inbox.expect("codesign.contribution_added", "editor"))["editor"]
    assert told["body"]["en"].startswith("A carer suggested a topic: ")
    assert told["body"]["cy"].startswith("Awgrymodd gofalwr bwnc: ")

    # Accepted and declined: the author hears ("you said, we did"), the editor does not.
    accepted = await client.post(
        f"/api/v1/contributions/{made_s.json()['id']}/accept",
        headers=setup.headers["editor"],
        json={},
    )
    assert accepted.status_code == 200, accepted.text
    told = (await inbox.expect("codesign.contribution_accepted", "su"))["su"]
    assert "is now a question in the draft" in told["body"]["en"]
    declined = await client.post(
        f"/api/v1/contributions/{topic.json()['id']}/decline",
        headers=setup.headers["editor"],
        json={"reason": "The day centre has its own survey"},
    )
    assert declined.status_code == 200, declined.text
    told = (await inbox.expect("codesign.contribution_declined", "carer"))["carer"]
    assert told["body"]["en"].endswith("The reason given: The day centre has its own survey")
    assert told["body"]["cy"].endswith("Y rheswm a roddwyd: The day centre has its own survey")
    # Declining it again is refused, and tells nobody.
    twice = await client.post(
        f"/api/v1/contributions/{topic.json()['id']}/decline",
        headers=setup.headers["editor"],
        json={"reason": "again"},
    )
    assert twice.status_code == 409
    assert await inbox.new() == {}

    # (c) Review asked for: those whose approval would count (the forum's service users and
    # carers under the default rule), not the forum's staff, not the owner's people.
    asked = await client.post(f"{url}/review-requests", headers=setup.headers["editor"])
    assert asked.status_code == 200, asked.text
    told = (await inbox.expect("codesign.review_requested", "su", "carer"))["carer"]
    assert told["title"]["cy"] == "Gofynnir am eich adolygiad: Eich profiad"
    assert (
        await client.post(f"{url}/review-requests", headers=setup.headers["editor"])
    ).status_code == 409
    assert await inbox.new() == {}

    # (d) An approval: the editor who asked hears, and whether it can be published now.
    approved = await client.post(
        f"{url}/reviews", headers=setup.headers["su"], json={"decision": "approved"}
    )
    assert approved.status_code == 201, approved.text
    told = (await inbox.expect("codesign.approved", "editor"))["editor"]
    assert told["title"]["en"] == "Approved by a service user: Your experience"
    assert told["title"]["cy"] == "Wedi'i gymeradwyo gan ddefnyddiwr gwasanaeth: Eich profiad"
    assert told["body"]["en"] == "It can now be published."
    assert told["body"]["cy"] == "Gellir ei gyhoeddi nawr."

    # (e) Changes asked for: the editor hears what to change; the reviewer does not.
    changes = await client.post(
        f"{url}/reviews",
        headers=setup.headers["carer"],
        json={"decision": "changes_requested", "comment": "Add a question about carers"},
    )
    assert changes.status_code == 201, changes.text
    told = (await inbox.expect("codesign.changes_requested", "editor"))["editor"]
    assert told["title"]["en"] == "Changes asked for by a carer: Your experience"
    assert told["title"]["cy"] == "Gofynnodd gofalwr am newidiadau: Eich profiad"
    assert "“Add a question about carers”" in told["body"]["en"]


async def test_a_second_editor_who_asks_for_review_hears_the_verdict_with_the_author(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await _setup(client, session)
    inbox = Inbox(setup)
    forum = setup.forum  # type: ignore[attr-defined]
    version_id = (await create(setup)).json()["versions"][0]["id"]
    url = f"/api/v1/instrument-versions/{version_id}"
    # Opened closed: the forum is invited to read and review, not yet to suggest.
    closed = {"open": False, "organisation_ids": [str(forum.id)]}
    assert (
        await client.put(f"{url}/codesign", headers=setup.headers["editor"], json=closed)
    ).status_code == 200
    told = (await inbox.expect("codesign.invited", "su", "carer", "forum_staff"))["su"]
    assert "review it when it is sent for review" in told["body"]["en"]
    # Opening it later tells the same people it is open now, once.
    opened = {"open": True, "organisation_ids": [str(forum.id)]}
    assert (
        await client.put(f"{url}/codesign", headers=setup.headers["editor"], json=opened)
    ).status_code == 200
    await inbox.expect("codesign.opened", "su", "carer", "forum_staff")
    topic = await client.post(
        f"{url}/contributions",
        headers=setup.headers["carer"],
        json={"kind": "topic", "body": "Parking at the day centre"},
    )
    assert topic.status_code == 201, topic.text
    await inbox.expect("codesign.contribution_added", "editor")
    voted = await client.post(
        f"/api/v1/contributions/{topic.json()['id']}/votes", headers=setup.headers["forum_staff"]
    )
    assert voted.status_code == 201, voted.text
    assert await inbox.new() == {}  # a vote tells nobody

    # The administrator (who did not write it) sends it for review.
    asked = await client.post(f"{url}/review-requests", headers=setup.headers["admin"])
    assert asked.status_code == 200, asked.text
    await inbox.expect("codesign.review_requested", "su", "carer")
    changes = await client.post(
        f"{url}/reviews",
        headers=setup.headers["su"],
        json={"decision": "changes_requested", "comment": "Shorter, please"},
    )
    assert changes.status_code == 201, changes.text
    await inbox.expect("codesign.changes_requested", "editor", "admin")

    # The reviewer changes their mind; once published, everyone who took part hears of it:
    # the reviewer, the author of a suggestion, the voter; not who published it.
    approved = await client.post(
        f"{url}/reviews", headers=setup.headers["su"], json={"decision": "approved"}
    )
    assert approved.status_code == 201, approved.text
    told = await inbox.expect("codesign.approved", "editor", "admin")
    assert told["admin"]["body"]["en"] == "It can now be published."
    published = await client.post(f"{url}/publish", headers=setup.headers["editor"])
    assert published.status_code == 200, published.text
    told = await inbox.expect("codesign.published", "su", "carer", "forum_staff")
    assert (
        told["carer"]["title"]["en"] == "A survey you helped design is published: Your experience"
    )
    assert told["carer"]["title"]["cy"] == (
        "Mae arolwg y gwnaethoch chi helpu i'w lunio wedi'i gyhoeddi: Eich profiad"
    )
