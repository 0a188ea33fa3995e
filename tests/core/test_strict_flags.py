"""A boolean in a JSON request is true or false, as the spec's `type: boolean` says: 0, 1,
"true" or "yes" are refused (pydantic's lax mode took them), and nothing changes."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from tests.factories import make_org, make_user, sign_in


@pytest.mark.parametrize("sent", [0, 1, "true", "false", "yes", 1.0])
async def test_a_flag_that_is_not_a_boolean_is_refused(
    client: httpx.AsyncClient, session: AsyncSession, sent: object
) -> None:
    org = await make_org(session, "Flagged")
    admin = await make_user(session, {org: [Role.admin]})
    headers = await sign_in(client, admin.email)
    url = f"/api/v1/organisations/{org.id}"
    etag = (await client.get(url, headers=headers)).headers["etag"]

    refused = await client.patch(
        url, headers={**headers, "If-Match": etag}, json={"is_active": sent}
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["field"] == "body.is_active"
    after = await client.get(url, headers=headers)
    assert (after.headers["etag"], after.json()["is_active"]) == (etag, True)


async def test_a_boolean_flag_is_taken(client: httpx.AsyncClient, session: AsyncSession) -> None:
    org = await make_org(session, "Flagged")
    admin = await make_user(session, {org: [Role.admin]})
    headers = await sign_in(client, admin.email)
    url = f"/api/v1/organisations/{org.id}"
    etag = (await client.get(url, headers=headers)).headers["etag"]
    taken = await client.patch(url, headers={**headers, "If-Match": etag}, json={"is_active": True})
    assert taken.status_code == 200, taken.text
