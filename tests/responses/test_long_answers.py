"""An answer longer than its question's limit is refused, never cut (issue 17, item 12): the
SPA's maxlength cut a pasted answer silently; now it counts, and the server refuses what is
over, naming the question, and stores nothing."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.responses.models import Answer, Response
from tests.factories import make_org, make_service
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version


async def test_a_free_text_answer_over_its_limit_is_refused_not_cut(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    org = await make_org(session)
    service = await make_service(session, org, name="North CMHT")
    version = await make_published_version(session, org)
    _, links = await make_campaign(session, version, [service])
    token = links[service.id].public_token

    def send(comment: str) -> dict[str, object]:
        return {
            "submission_id": str(uuid.uuid4()),
            "language": "en",
            "answers": {**VALID_ANSWERS, "comment": comment},
        }

    over = await client.post(f"/api/v1/public/surveys/{token}/responses", json=send("x" * 201))
    assert over.status_code == 422
    assert over.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in over.json()["errors"]] == ["body.answers.comment"]
    assert await session.scalar(select(func.count()).select_from(Response)) == 0
    assert await session.scalar(select(func.count()).select_from(Answer)) == 0

    at_limit = await client.post(f"/api/v1/public/surveys/{token}/responses", json=send("y" * 200))
    assert at_limit.status_code == 201, at_limit.text
    stored = await session.scalar(select(Answer.value).where(Answer.question_key == "comment"))
    assert stored == {"v": "y" * 200}
