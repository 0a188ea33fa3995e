"""Who may approve a survey for publication: not its authors or editors (whoever created the
version or changed its content), and, to count, a member holding an approver role in one of
the organisations the draft was opened to for co-design, never the owner's own people."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.instruments.models import Review
from tests.core.test_http_conventions import assert_problem
from tests.factories import make_user, sign_in
from tests.instruments.test_instruments import CONTENT, Setup, arrange, create, yes_no


async def _reviews(session: AsyncSession, version_id: str) -> int:
    count = await session.scalar(
        select(func.count()).select_from(Review).where(Review.version_id == uuid.UUID(version_id))
    )
    return int(count or 0)


async def _draft_by(setup: Setup, who: str) -> str:
    setup.headers.setdefault("_editor", setup.headers["editor"])
    setup.headers["editor"] = setup.headers[who]
    try:
        made = await create(setup)
    finally:
        setup.headers["editor"] = setup.headers.pop("_editor")
    assert made.status_code == 201, made.text
    return str(made.json()["versions"][0]["id"])


async def _open_to(setup: Setup, url: str, *orgs: object) -> None:
    r = await setup.client.put(
        f"{url}/codesign",
        headers=setup.headers["editor"],
        json={"open": False, "organisation_ids": [str(o.id) for o in orgs]},  # type: ignore[attr-defined]
    )
    assert r.status_code == 200, r.text


async def test_an_admin_who_makes_themselves_a_service_user_cannot_approve_their_own_survey(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    board = setup.board  # type: ignore[attr-defined]
    admin = setup.people["admin"]  # type: ignore[attr-defined]
    version_id = await _draft_by(setup, "admin")
    url = f"/api/v1/instrument-versions/{version_id}"
    granted = await client.post(
        f"/api/v1/organisations/{board.id}/memberships",
        headers=setup.headers["admin"],
        json={"user_id": str(admin.id), "role": "service_user"},
    )
    assert granted.status_code == 201, granted.text
    setup.headers["admin"] = await sign_in(client, admin.email)  # with the new role
    await _open_to(setup, url, board)  # even "opened" to their own organisation
    await client.post(f"{url}/review-requests", headers=setup.headers["admin"])

    own = await client.post(
        f"{url}/reviews", headers=setup.headers["admin"], json={"decision": "approved"}
    )
    body = assert_problem(own, 403, "forbidden")
    assert "created or changed" in body["detail"]
    assert await _reviews(session, version_id) == 0
    refused = await client.post(f"{url}/publish", headers=setup.headers["admin"])
    assert_problem(refused, 409, "conflict")
    state = (await client.get(f"{url}/review", headers=setup.headers["admin"])).json()
    assert state["can_publish"] is False
    assert state["approver_organisation_ids"] == []
    assert any("not opened to any" in reason for reason in state["blocking_reasons"])


async def test_approvals_count_only_from_the_organisations_the_draft_was_opened_to(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    setup = await arrange(client, session)
    forum = setup.forum  # type: ignore[attr-defined]
    version_id = await _draft_by(setup, "editor")
    url = f"/api/v1/instrument-versions/{version_id}"
    await client.post(f"{url}/review-requests", headers=setup.headers["editor"])

    # A service user of the owning organisation may comment, but does not count.
    inside = await client.post(
        f"{url}/reviews", headers=setup.headers["board_su"], json={"decision": "approved"}
    )
    assert inside.status_code == 201, inside.text
    state = inside.json()
    assert state["qualifying_approvals"] == 0
    [review] = state["reviews"]
    assert review["counts"] is False
    assert "opened to" in review["not_counted_because"]
    # A Welsh page says why in Welsh, not in English.
    assert "yr agorwyd y drafft iddynt" in review["not_counted_because_cy"]
    assert any("not opened to any" in reason for reason in state["blocking_reasons"])
    assert_problem(
        await client.post(f"{url}/publish", headers=setup.headers["editor"]), 409, "conflict"
    )

    await _open_to(setup, url, forum)
    state = (await client.get(f"{url}/review", headers=setup.headers["editor"])).json()
    assert state["approver_organisation_ids"] == [str(forum.id)]
    assert "service user or carer" in state["approval_rule"]
    # "gan" softens the first role: "ddefnyddiwr gwasanaeth neu ofalwr".
    assert "gan ddefnyddiwr gwasanaeth neu ofalwr" in state["approval_rule_cy"]
    assert "mae angen 1." in state["approval_rule_cy"]
    assert any("1 approval" in reason for reason in state["blocking_reasons"])
    assert any("not counted" in reason for reason in state["blocking_reasons"])

    outside = await client.post(
        f"{url}/reviews", headers=setup.headers["su"], json={"decision": "approved"}
    )
    assert outside.status_code == 201, outside.text
    assert outside.json()["qualifying_approvals"] == 1
    assert outside.json()["can_publish"] is True
    published = await client.post(f"{url}/publish", headers=setup.headers["editor"])
    assert published.status_code == 200, published.text


async def test_whoever_changed_the_content_may_not_review_it(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """A member of the forum who is also staff of the owner, and edited the draft, would
    otherwise count: they are a service user of an organisation it was opened to."""
    setup = await arrange(client, session)
    board, forum = setup.board, setup.forum  # type: ignore[attr-defined]
    both = await make_user(session, {board: [Role.staff], forum: [Role.service_user]})
    setup.headers["both"] = await sign_in(client, both.email)
    version_id = await _draft_by(setup, "editor")
    url = f"/api/v1/instrument-versions/{version_id}"
    await _open_to(setup, url, forum)
    etag = (await client.get(url, headers=setup.headers["both"])).headers["etag"]
    edited = {**CONTENT, "questions": [*CONTENT["questions"], yes_no("by_both")]}
    r = await client.patch(
        url, headers={**setup.headers["both"], "If-Match": etag}, json={"content": edited}
    )
    assert r.status_code == 200, r.text
    await client.post(f"{url}/review-requests", headers=setup.headers["editor"])

    for decision in ("approved", "changes_requested"):
        refused = await client.post(
            f"{url}/reviews",
            headers=setup.headers["both"],
            json={"decision": decision, "comment": "Looks right to me"},
        )
        assert "created or changed" in assert_problem(refused, 403, "forbidden")["detail"]
    creator = await client.post(
        f"{url}/reviews", headers=setup.headers["editor"], json={"decision": "approved"}
    )
    assert_problem(creator, 403, "forbidden")
    assert await _reviews(session, version_id) == 0
    state = (await client.get(f"{url}/review", headers=setup.headers["editor"])).json()
    assert state["qualifying_approvals"] == 0
    assert "did not create or change" in state["approval_rule"]
