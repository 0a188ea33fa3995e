"""The public response: validated against the exact version, once per submission id,
only inside the window, rate-limited, and anonymous when the campaign says so."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.campaigns.enums import Anonymity
from gwella.core.audit import AuditEvent
from gwella.responses.models import Answer, Response
from tests.factories import make_org, make_service
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version


async def arrange(session: AsyncSession, **campaign_options: Any) -> tuple[str, Any]:
    org = await make_org(session)
    service = await make_service(session, org, name="North CMHT")
    version = await make_published_version(session, org)
    campaign, links = await make_campaign(session, version, [service], **campaign_options)
    return links[service.id].public_token, campaign


def submission(answers: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "submission_id": str(uuid.uuid4()),
        "language": "cy",
        "answers": VALID_ANSWERS if answers is None else answers,
        **extra,
    }


async def count(session: AsyncSession, model: type[Any]) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_the_public_page_gets_the_questions_without_signing_in(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    token, _ = await arrange(session)
    r = await client.get(f"/api/v1/public/surveys/{token}")
    assert r.status_code == 200
    body = r.json()
    assert body["state"] == "open"
    assert body["service_name"] == "North CMHT"
    assert body["languages"] == ["en", "cy"]
    assert [q["key"] for q in body["content"]["questions"]][:2] == ["involved", "has_plan"]
    assert (await client.get("/api/v1/public/surveys/not-a-real-token")).status_code == 404


async def test_a_valid_submission_is_stored_once_and_a_retry_makes_no_second(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    token, _ = await arrange(session)
    body = submission()
    first = await client.post(f"/api/v1/public/surveys/{token}/responses", json=body)
    assert first.status_code == 201, first.text
    retry = await client.post(f"/api/v1/public/surveys/{token}/responses", json=body)
    assert retry.status_code == 200
    assert retry.json()["duplicate"] is True
    assert await count(session, Response) == 1
    assert await count(session, Answer) == len(VALID_ANSWERS)
    changed = {**body, "answers": {**VALID_ANSWERS, "involved": "1"}}
    reused = await client.post(f"/api/v1/public/surveys/{token}/responses", json=changed)
    assert reused.status_code == 409
    assert await count(session, Response) == 1


async def test_anonymous_responses_keep_only_the_day_and_no_address(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    token, _ = await arrange(session)
    r = await client.post(f"/api/v1/public/surveys/{token}/responses", json=submission())
    submitted = r.json()["submitted_at"]
    assert submitted.endswith("T00:00:00Z")
    stored = await session.scalar(select(Response))
    assert stored is not None
    assert stored.respondent_hash is None
    assert stored.respondent_reference is None
    # No audit event for it: seen to appear, even one stamped with the day would tell when it
    # came (its release, once due, is audited instead).
    events = list(await session.scalars(select(AuditEvent)))
    assert not [e for e in events if e.action.startswith("response.")]
    assert str(stored.id) not in {e.record_id for e in events}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({**VALID_ANSWERS, "involved": "9"}, {"body.answers.involved"}),
        ({**VALID_ANSWERS, "unknown_q": "x"}, {"body.answers.unknown_q"}),
        ({k: v for k, v in VALID_ANSWERS.items() if k != "involved"}, {"body.answers.involved"}),
        # has_plan = no hides plan_useful: answering it anyway is refused
        ({**VALID_ANSWERS, "has_plan": "no"}, {"body.answers.plan_useful"}),
        # plan_useful is required only when shown
        ({**VALID_ANSWERS, "has_plan": "yes", "plan_useful": None}, {"body.answers.plan_useful"}),
        ({**VALID_ANSWERS, "plan_useful": 11}, {"body.answers.plan_useful"}),
        ({**VALID_ANSWERS, "plan_useful": True}, {"body.answers.plan_useful"}),
        ({**VALID_ANSWERS, "contacts": ["nurse", "nurse"]}, {"body.answers.contacts"}),
        ({**VALID_ANSWERS, "contacts": ["vet"]}, {"body.answers.contacts"}),
        ({**VALID_ANSWERS, "visits": 101}, {"body.answers.visits"}),
        ({**VALID_ANSWERS, "visits": "3"}, {"body.answers.visits"}),
        ({**VALID_ANSWERS, "first_seen": "15/01/2026"}, {"body.answers.first_seen"}),
        ({**VALID_ANSWERS, "comment": "x" * 201}, {"body.answers.comment"}),
        ({**VALID_ANSWERS, "involved": "dont_know"}, {"body.answers.involved"}),
    ],
)
async def test_bad_answers_are_refused_with_field_errors_and_nothing_stored(
    client: httpx.AsyncClient, session: AsyncSession, answers: dict[str, Any], expected: set[str]
) -> None:
    token, _ = await arrange(session)
    r = await client.post(f"/api/v1/public/surveys/{token}/responses", json=submission(answers))
    assert r.status_code == 422, r.text
    assert {e["field"] for e in r.json()["errors"]} == expected
    assert await count(session, Response) == 0
    assert await count(session, Answer) == 0


async def test_a_hidden_question_may_be_left_out_and_dont_know_is_accepted_where_offered(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    token, _ = await arrange(session)
    answers = {"involved": "2", "has_plan": "dont_know"}
    r = await client.post(f"/api/v1/public/surveys/{token}/responses", json=submission(answers))
    assert r.status_code == 201, r.text


@pytest.mark.parametrize(
    ("opens_in", "message"),
    [
        (timedelta(days=2), "not open yet"),
        (timedelta(days=-60), "has closed"),
    ],
)
async def test_submission_outside_the_window_is_refused(
    client: httpx.AsyncClient, session: AsyncSession, opens_in: timedelta, message: str
) -> None:
    token, _ = await arrange(session, opens_in=opens_in)
    r = await client.post(f"/api/v1/public/surveys/{token}/responses", json=submission())
    assert r.status_code == 409
    assert r.json()["type"].endswith("campaign-not-open")
    assert message in r.json()["detail"]
    assert await count(session, Response) == 0


async def test_public_submission_is_rate_limited_per_address(
    client: httpx.AsyncClient, session: AsyncSession, app: Any
) -> None:
    app.state.settings.public_submit_max = 3
    token, _ = await arrange(session)
    statuses = [
        (
            await client.post(f"/api/v1/public/surveys/{token}/responses", json=submission())
        ).status_code
        for _ in range(4)
    ]
    assert statuses == [201, 201, 201, 429]


async def test_retries_of_a_stored_submission_are_answered_as_such_and_not_counted(
    client: httpx.AsyncClient, session: AsyncSession, app: Any
) -> None:
    """Found by an outside attack: each retry counted against the address's limit, so a
    client that retried a few times was refused (429) for its own stored answer, and a later
    genuine answer from the address was held as a burst."""
    app.state.settings.public_submit_max = 3
    token, _ = await arrange(session)
    url = f"/api/v1/public/surveys/{token}/responses"
    first = submission()
    assert (await client.post(url, json=first)).status_code == 201
    retries = [(await client.post(url, json=first)) for _ in range(5)]
    assert [r.status_code for r in retries] == [200] * 5
    assert all(r.json()["duplicate"] for r in retries)
    assert (await client.post(url, json=submission())).status_code == 201  # still allowed
    assert (await client.post(url, json=submission())).status_code == 201
    refused = await client.post(url, json=submission())
    assert refused.status_code == 429
    # the wait is what is left of the window, never more than the window itself
    window = app.state.settings.public_submit_window_seconds
    assert 1 <= int(refused.headers["retry-after"]) <= window
    assert (await client.post(url, json=first)).status_code == 200  # a retry still answered
    assert await count(session, Response) == 3


async def test_identified_campaigns_need_recorded_consent(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    token, _ = await arrange(session, anonymity=Anonymity.identified)
    refused = await client.post(f"/api/v1/public/surveys/{token}/responses", json=submission())
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "body.consent"
    ok = await client.post(
        f"/api/v1/public/surveys/{token}/responses",
        json=submission(consent=True, respondent_reference="NHS-123"),
    )
    assert ok.status_code == 201
    stored = await session.scalar(select(Response))
    assert stored is not None
    assert stored.respondent_reference == "NHS-123"
    assert stored.consent_recorded_at is not None


async def test_anonymous_campaigns_refuse_a_respondent_reference(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    token, _ = await arrange(session)
    r = await client.post(
        f"/api/v1/public/surveys/{token}/responses",
        json=submission(respondent_reference="NHS-123"),
    )
    assert r.status_code == 422


async def test_language_must_be_one_the_campaign_offers(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    token, _ = await arrange(session)
    r = await client.post(
        f"/api/v1/public/surveys/{token}/responses", json=submission(language="fr")
    )
    assert r.status_code == 422
