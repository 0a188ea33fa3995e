"""Instruments: bilingual typed questions validated on save, immutable published versions,
co-design with service users, and publication gated on a service-user reviewer."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.instruments.models import Instrument
from gwella.organisations.enums import OrganisationKind
from tests.factories import make_org, make_partnership, make_user, sign_in


def text(en: str, cy: str | None = None) -> dict[str, str]:
    return {"en": en, "cy": cy if cy is not None else f"{en} (cy)"}


def likert(key: str, **extra: Any) -> dict[str, Any]:
    labels = ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"]
    return {
        "key": key,
        "type": "likert",
        "text": text(f"Statement {key}"),
        "options": [{"value": str(i + 1), "label": text(label)} for i, label in enumerate(labels)],
        **extra,
    }


def yes_no(key: str, **extra: Any) -> dict[str, Any]:
    return {"key": key, "type": "yes_no", "text": text(f"Question {key}?"), **extra}


def free_text(key: str, **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "type": "free_text",
        "text": text("Anything else?"),
        "max_length": 500,
        **extra,
    }


CONTENT = {
    "sections": [{"key": "care", "title": text("Your care", "Eich gofal")}],
    "questions": [
        likert("involved", section="care", required=True),
        yes_no("has_plan", allow_dont_know=True),
        free_text("plan_comment", conditions=[{"question": "has_plan", "values": ["yes"]}]),
    ],
}


class Setup:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.headers: dict[str, dict[str, str]] = {}


async def arrange(client: httpx.AsyncClient, session: AsyncSession) -> Setup:
    board = await make_org(session, "Health Board")
    forum = await make_org(session, "Service User Forum", OrganisationKind.service_user_group)
    await make_partnership(session, board, forum)
    people = {
        "editor": await make_user(session, {board: [Role.staff]}),
        "admin": await make_user(session, {board: [Role.admin]}),
        "su": await make_user(session, {forum: [Role.service_user]}),
        "carer": await make_user(session, {forum: [Role.carer]}),
        "board_su": await make_user(session, {board: [Role.service_user]}),
    }
    setup = Setup(client)
    setup.board, setup.forum = board, forum  # type: ignore[attr-defined]
    setup.people = people  # type: ignore[attr-defined]
    for name, user in people.items():
        setup.headers[name] = await sign_in(client, user.email)
    return setup


async def create(setup: Setup, content: dict[str, Any] | None = None, code: str = "exp") -> Any:
    return await setup.client.post(
        "/api/v1/instruments",
        headers=setup.headers["editor"],
        json={
            "organisation_id": str(setup.board.id),  # type: ignore[attr-defined]
            "code": code,
            "title": text("Your experience", "Eich profiad"),
            "content": content if content is not None else CONTENT,
        },
    )


async def test_create_an_instrument_with_a_first_draft(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    r = await create(setup)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["languages"] == ["en", "cy"]
    assert [(v["number"], v["status"]) for v in body["versions"]] == [(1, "draft")]
    version = await client.get(
        f"/api/v1/instrument-versions/{body['versions'][0]['id']}", headers=setup.headers["editor"]
    )
    keys = [q["key"] for q in version.json()["content"]["questions"]]
    assert keys == ["involved", "has_plan", "plan_comment"]


async def test_invalid_content_is_refused_with_every_field_named_and_nothing_saved(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    bad = {
        "sections": [],
        "questions": [
            yes_no("a", conditions=[{"question": "b", "values": ["yes"]}]),  # later question
            yes_no("b"),
            {"key": "b", "type": "single_choice", "text": {"en": "Only English"}},  # dup, no cy
            {**likert("c"), "options": likert("c")["options"][:3]},  # Likert needs 5 points
            free_text("d", conditions=[{"question": "b", "values": ["maybe"]}]),  # not an answer
        ],
    }
    r = await create(setup, bad)
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert fields == {
        "body.content.questions.0.conditions.0.question",
        "body.content.questions.2.key",
        "body.content.questions.2.text.cy",
        "body.content.questions.2.options",
        "body.content.questions.3.options",
        "body.content.questions.4.conditions.0.values",
    }
    assert await session.scalar(select(func.count()).select_from(Instrument)) == 0


async def test_only_editors_of_the_owning_organisation_create_instruments(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    setup.headers["editor"] = setup.headers["su"]
    assert (await create(setup)).status_code == 403
    assert await session.scalar(select(func.count()).select_from(Instrument)) == 0


async def test_published_versions_never_change_and_a_new_draft_copies_them(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    instrument = (await create(setup)).json()
    version_id = instrument["versions"][0]["id"]
    await publish_with_service_user_approval(setup, version_id)

    read = await client.get(
        f"/api/v1/instrument-versions/{version_id}", headers=setup.headers["editor"]
    )
    changed = {**CONTENT, "questions": [*CONTENT["questions"], yes_no("extra")]}
    r = await client.patch(
        f"/api/v1/instrument-versions/{version_id}",
        headers={**setup.headers["editor"], "If-Match": read.headers["etag"]},
        json={"content": changed},
    )
    assert r.status_code == 409
    assert "new draft" in r.json()["detail"]

    draft = await client.post(
        f"/api/v1/instruments/{instrument['id']}/versions", headers=setup.headers["editor"]
    )
    assert draft.status_code == 201
    assert draft.json()["number"] == 2
    assert draft.json()["content"] == read.json()["content"]
    again = await client.post(
        f"/api/v1/instruments/{instrument['id']}/versions", headers=setup.headers["editor"]
    )
    assert again.status_code == 409


async def open_to_forum(setup: Setup, version_id: str) -> None:
    """Approvals count from the organisations a draft was opened to for co-design."""
    r = await setup.client.put(
        f"/api/v1/instrument-versions/{version_id}/codesign",
        headers=setup.headers["editor"],
        json={"open": False, "organisation_ids": [str(setup.forum.id)]},  # type: ignore[attr-defined]
    )
    assert r.status_code == 200, r.text


async def publish_with_service_user_approval(setup: Setup, version_id: str) -> None:
    c = setup.client
    await open_to_forum(setup, version_id)
    r = await c.post(
        f"/api/v1/instrument-versions/{version_id}/review-requests", headers=setup.headers["editor"]
    )
    assert r.status_code == 200, r.text
    r = await c.post(
        f"/api/v1/instrument-versions/{version_id}/reviews",
        headers=setup.headers["su"],
        json={"decision": "approved"},
    )
    assert r.status_code == 201, r.text
    r = await c.post(
        f"/api/v1/instrument-versions/{version_id}/publish", headers=setup.headers["editor"]
    )
    assert r.status_code == 200, r.text


async def test_publication_is_refused_until_a_service_user_reviewer_approves(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    version_id = (await create(setup)).json()["versions"][0]["id"]
    url = f"/api/v1/instrument-versions/{version_id}"
    assert (await client.post(f"{url}/publish", headers=setup.headers["editor"])).status_code == 409
    await client.post(f"{url}/review-requests", headers=setup.headers["editor"])
    staff_ok = await client.post(
        f"{url}/reviews", headers=setup.headers["admin"], json={"decision": "approved"}
    )
    assert staff_ok.json()["qualifying_approvals"] == 0
    refused = await client.post(f"{url}/publish", headers=setup.headers["editor"])
    assert refused.status_code == 409
    assert "service user or carer" in refused.json()["detail"]

    # A service user of the forum may review once the forum is invited to co-design it.
    not_invited = await client.post(
        f"{url}/reviews", headers=setup.headers["su"], json={"decision": "approved"}
    )
    assert not_invited.status_code == 404
    await client.put(
        f"{url}/codesign",
        headers=setup.headers["editor"],
        json={"open": False, "organisation_ids": [str(setup.forum.id)]},
    )  # type: ignore[attr-defined]
    approved = await client.post(
        f"{url}/reviews", headers=setup.headers["su"], json={"decision": "approved"}
    )
    assert approved.status_code == 201, approved.text
    assert approved.json()["qualifying_approvals"] == 1
    assert approved.json()["can_publish"] is True
    published = await client.post(f"{url}/publish", headers=setup.headers["editor"])
    assert published.status_code == 200
    assert published.json()["status"] == "published"


async def test_a_change_after_approval_needs_approval_again(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    version_id = (await create(setup)).json()["versions"][0]["id"]
    url = f"/api/v1/instrument-versions/{version_id}"
    await open_to_forum(setup, version_id)
    await client.post(f"{url}/review-requests", headers=setup.headers["editor"])
    approved = await client.post(
        f"{url}/reviews", headers=setup.headers["su"], json={"decision": "approved"}
    )
    assert approved.json()["qualifying_approvals"] == 1
    etag = (await client.get(url, headers=setup.headers["editor"])).headers["etag"]
    edited = {**CONTENT, "questions": [*CONTENT["questions"], yes_no("late_addition")]}
    r = await client.patch(
        url, headers={**setup.headers["editor"], "If-Match": etag}, json={"content": edited}
    )
    assert r.json()["status"] == "draft"
    await client.post(f"{url}/review-requests", headers=setup.headers["editor"])
    state = await client.get(f"{url}/review", headers=setup.headers["editor"])
    assert state.json()["qualifying_approvals"] == 0
    assert (await client.post(f"{url}/publish", headers=setup.headers["editor"])).status_code == 409


async def test_asking_for_changes_blocks_publication_and_needs_a_comment(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    version_id = (await create(setup)).json()["versions"][0]["id"]
    url = f"/api/v1/instrument-versions/{version_id}"
    await client.post(f"{url}/review-requests", headers=setup.headers["editor"])
    silent = await client.post(
        f"{url}/reviews", headers=setup.headers["admin"], json={"decision": "changes_requested"}
    )
    assert silent.status_code == 422
    await client.post(
        f"{url}/reviews",
        headers=setup.headers["admin"],
        json={"decision": "changes_requested", "comment": "Plainer words, please"},
    )
    await open_to_forum(setup, version_id)
    state = await client.post(
        f"{url}/reviews", headers=setup.headers["su"], json={"decision": "approved"}
    )
    assert state.json()["qualifying_approvals"] == 1
    assert state.json()["can_publish"] is False
    assert any("asked for changes" in reason for reason in state.json()["blocking_reasons"])


async def test_review_rule_is_a_setting_per_organisation(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    board_id = setup.board.id  # type: ignore[attr-defined]
    rule = await client.get(
        f"/api/v1/organisations/{board_id}/review-policy", headers=setup.headers["admin"]
    )
    assert rule.json()["min_approvals"] == 1
    assert rule.json()["approver_roles"] == ["service_user", "carer"]
    changed = await client.patch(
        f"/api/v1/organisations/{board_id}/review-policy",
        headers={**setup.headers["admin"], "If-Match": rule.headers["etag"]},
        json={"min_approvals": 2},
    )
    assert changed.status_code == 200, changed.text
    version_id = (await create(setup)).json()["versions"][0]["id"]
    url = f"/api/v1/instrument-versions/{version_id}"
    await open_to_forum(setup, version_id)
    await client.post(f"{url}/review-requests", headers=setup.headers["editor"])
    state = await client.post(
        f"{url}/reviews", headers=setup.headers["su"], json={"decision": "approved"}
    )
    assert state.json()["qualifying_approvals"] == 1
    assert state.json()["can_publish"] is False
    staff_cannot = await client.patch(
        f"/api/v1/organisations/{board_id}/review-policy",
        headers={**setup.headers["editor"], "If-Match": changed.headers["etag"]},
        json={"min_approvals": 1},
    )
    assert staff_cannot.status_code == 403
    kept = await client.get(
        f"/api/v1/organisations/{board_id}/review-policy", headers=setup.headers["admin"]
    )
    assert kept.json()["min_approvals"] == 2
    assert kept.headers["etag"] == changed.headers["etag"]


async def test_co_design_suggestion_vote_accept_and_decline(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    version_id = (await create(setup)).json()["versions"][0]["id"]
    url = f"/api/v1/instrument-versions/{version_id}"
    suggestion = {
        "kind": "question",
        "body": "Were you asked what matters to you?",
        "rationale": "Nobody asked me in three years",
        "proposed_question": yes_no("asked_what_matters"),
    }
    closed = await client.post(f"{url}/contributions", headers=setup.headers["su"], json=suggestion)
    assert closed.status_code == 404  # the forum cannot even see the draft yet
    opened = await client.put(
        f"{url}/codesign",
        headers=setup.headers["editor"],
        json={"open": True, "organisation_ids": [str(setup.forum.id)]},
    )  # type: ignore[attr-defined]
    assert opened.json()["codesign_open"] is True

    made = await client.post(f"{url}/contributions", headers=setup.headers["su"], json=suggestion)
    assert made.status_code == 201, made.text
    contribution = made.json()
    assert contribution["author_role"] == "service_user"
    vote_url = f"/api/v1/contributions/{contribution['id']}/votes"
    voted = await client.post(vote_url, headers=setup.headers["carer"])
    assert voted.json()["votes"] == 1
    assert voted.json()["voted_by_me"] is True
    assert (await client.post(vote_url, headers=setup.headers["carer"])).status_code == 409

    topic = await client.post(
        f"{url}/contributions",
        headers=setup.headers["carer"],
        json={"kind": "topic", "body": "Parking at the day centre"},
    )
    comment = await client.post(
        f"{url}/contributions",
        headers=setup.headers["carer"],
        json={"kind": "comment", "body": "Too long", "question_key": "involved"},
    )
    assert comment.status_code == 201
    not_a_question = await client.post(
        f"{url}/contributions",
        headers=setup.headers["carer"],
        json={"kind": "comment", "body": "?", "question_key": "nope"},
    )
    assert not_a_question.status_code == 422

    assert (
        await client.post(
            f"/api/v1/contributions/{contribution['id']}/accept",
            headers=setup.headers["su"],
            json={},
        )
    ).status_code == 403
    still_open = await client.get(f"{url}/contributions?kind=question", headers=setup.headers["su"])
    assert [c["status"] for c in still_open.json()["items"]] == ["open"]
    unchanged = (await client.get(url, headers=setup.headers["su"])).json()
    assert [q["key"] for q in unchanged["content"]["questions"]] == [
        "involved",
        "has_plan",
        "plan_comment",
    ]
    accepted = await client.post(
        f"/api/v1/contributions/{contribution['id']}/accept",
        headers=setup.headers["editor"],
        json={},
    )
    assert accepted.json()["status"] == "accepted"
    version = (await client.get(url, headers=setup.headers["su"])).json()
    added = version["content"]["questions"][-1]
    assert added["key"] == "asked_what_matters"
    assert added["credited_to"] == str(setup.people["su"].id)  # type: ignore[attr-defined]

    no_reason = await client.post(
        f"/api/v1/contributions/{topic.json()['id']}/decline",
        headers=setup.headers["editor"],
        json={"reason": ""},
    )
    assert no_reason.status_code == 422
    declined = await client.post(
        f"/api/v1/contributions/{topic.json()['id']}/decline",
        headers=setup.headers["editor"],
        json={"reason": "Out of scope: raised with estates instead"},
    )
    assert declined.json()["status"] == "declined"
    seen_by_author = await client.get(
        f"{url}/contributions?kind=topic", headers=setup.headers["carer"]
    )
    assert seen_by_author.json()["items"][0]["decision_reason"].startswith("Out of scope")

    involvement = await client.get(
        f"/api/v1/instruments/{version['instrument_id']}/involvement",
        headers=setup.headers["editor"],
    )
    figures = involvement.json()
    assert figures["suggestions"]["service_user"] == 1
    assert figures["suggestions"]["carer"] == 1
    assert figures["comments"]["carer"] == 1
    assert figures["votes"]["carer"] == 1
    assert figures["suggestions_accepted"]["service_user"] == 1
    assert figures["service_user_and_carer_share"] == 1.0


async def test_a_suggestion_without_a_question_needs_one_to_be_accepted(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    version_id = (await create(setup)).json()["versions"][0]["id"]
    url = f"/api/v1/instrument-versions/{version_id}"
    made = await client.post(
        f"{url}/contributions",
        headers=setup.headers["board_su"],
        json={"kind": "question", "body": "Ask about waiting times"},
    )
    accept = f"/api/v1/contributions/{made.json()['id']}/accept"
    assert (await client.post(accept, headers=setup.headers["editor"], json={})).status_code == 422
    bad_question = await client.post(
        accept,
        headers=setup.headers["editor"],
        json={"question": {"key": "involved", "type": "yes_no", "text": text("Dup key?")}},
    )
    assert bad_question.status_code == 422
    ok = await client.post(
        accept,
        headers=setup.headers["editor"],
        json={"question": yes_no("waited_too_long"), "reason": "Good one"},
    )
    assert ok.status_code == 200, ok.text
