"""If-Match on updates (RFC 9110 §13.1.1): strong comparison only, and a tag that names the
version the client read; ``*`` or a weak tag must not slip a lost update through."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from tests.core.test_http_conventions import assert_problem
from tests.factories import make_org, make_user, sign_in


async def _policy(client: httpx.AsyncClient, session: AsyncSession) -> tuple[str, dict[str, str]]:
    org = await make_org(session)
    admin = await make_user(session, {org: [Role.admin]})
    headers = await sign_in(client, admin.email)
    url = f"/api/v1/organisations/{org.id}/review-policy"
    first = await client.patch(
        url, headers={**headers, "If-Match": '"0"'}, json={"min_approvals": 2}
    )
    assert first.status_code == 200, first.text
    assert first.headers["etag"] == '"1"'
    return url, headers


async def _unchanged(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> None:
    kept = await client.get(url, headers=headers)
    assert kept.headers["etag"] == '"1"'
    assert kept.json()["min_approvals"] == 2


async def test_if_match_star_is_refused_as_not_naming_a_version(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    url, headers = await _policy(client, session)
    r = await client.patch(url, headers={**headers, "If-Match": "*"}, json={"min_approvals": 3})
    body = assert_problem(r, 428, "precondition-required")
    assert "*" in body["detail"]
    assert "ETag" in body["detail"]
    await _unchanged(client, url, headers)


@pytest.mark.parametrize("tag", ['W/"1"', 'W/"1", W/"0"', '"0", W/"1"'])
async def test_weak_etags_never_match_an_update(
    client: httpx.AsyncClient, session: AsyncSession, tag: str
) -> None:
    url, headers = await _policy(client, session)
    r = await client.patch(url, headers={**headers, "If-Match": tag}, json={"min_approvals": 3})
    body = assert_problem(r, 412, "precondition-failed")
    assert "weak" in body["detail"]
    await _unchanged(client, url, headers)


@pytest.mark.parametrize("tag", ["1", '"1', "abc, def"])
async def test_a_malformed_if_match_is_refused(
    client: httpx.AsyncClient, session: AsyncSession, tag: str
) -> None:
    url, headers = await _policy(client, session)
    r = await client.patch(url, headers={**headers, "If-Match": tag}, json={"min_approvals": 3})
    body = assert_problem(r, 412, "precondition-failed")
    assert "entity tag" in body["detail"]
    await _unchanged(client, url, headers)


async def test_a_strong_tag_among_several_still_matches(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    url, headers = await _policy(client, session)
    r = await client.patch(
        url, headers={**headers, "If-Match": '"7", "1"'}, json={"min_approvals": 3}
    )
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"2"'
