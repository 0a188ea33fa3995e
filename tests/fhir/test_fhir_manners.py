"""FHIR's own manners (issue 16's attacker pass, F7): a retracted QuestionnaireResponse is
410 Gone, not 404; ``_count=0`` is allowed (a Bundle with no entries); and a
QuestionnaireResponse may name its Questionnaire by the canonical url alone when exactly one
version of it is open to the pushing organisation's pushes, otherwise the refusal says which
``url|version`` to send."""

from __future__ import annotations

import httpx
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.operationoutcome import OperationOutcome
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from gwella.campaigns.enums import Channel
from gwella.instruments import review as instrument_review
from gwella.instruments import service as instruments
from gwella.instruments.models import InstrumentVersion, ReviewDecision
from gwella.organisations.enums import OrganisationKind
from gwella.responses.models import Response
from tests.factories import SYSTEM, client_token, make_api_client, make_org, make_user
from tests.fhir.support import Pushing, arrange_push, issues, qr
from tests.surveys import make_campaign

POST = "/fhir/r4/QuestionnaireResponse"


def _outcome(r: httpx.Response, status: int) -> list[tuple[str, str | None]]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/fhir+json"), r.headers
    OperationOutcome.model_validate(r.json())
    return issues(r.json())


async def _reader(client: httpx.AsyncClient, session: AsyncSession, w: Pushing) -> dict[str, str]:
    scopes = [Scope.responses_read, Scope.responses_write]
    return await client_token(client, await make_api_client(session, w.org, scopes))


async def test_a_retracted_response_reads_as_gone(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session)
    created = await client.post(POST, headers=w.headers, json=qr(w, 1))
    assert created.status_code == 201, created.text
    qr_id = created.json()["id"]
    reader = await _reader(client, session, w)
    r = await client.post(
        "/api/v1/responses/retractions",
        headers=reader,
        json={"external_ids": ["PAS-1"], "reason": "Wrong campaign"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["retracted"] == 1, r.text
    gone = await client.get(f"{POST}/{qr_id}", headers=reader)
    assert _outcome(gone, 410) == [("deleted", None)]
    # Another organisation learns nothing: not found, as for any id not its own.
    other = await make_api_client(session, await make_org(session), [Scope.responses_write])
    hidden = await client.get(f"{POST}/{qr_id}", headers=await client_token(client, other))
    assert _outcome(hidden, 404) == [("not-found", None)]


async def test_count_zero_answers_a_bundle_without_entries(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session)
    assert (await client.post(POST, headers=w.headers, json=qr(w, 1))).status_code == 201
    r = await client.get(POST, headers=await _reader(client, session, w), params={"_count": "0"})
    assert r.status_code == 200, r.text
    body = r.json()
    Bundle.model_validate(body)
    assert body["type"] == "searchset"
    assert not body.get("entry")
    assert [link["relation"] for link in body.get("link", [])] == ["self"]


async def _second_version(session: AsyncSession, w: Pushing) -> InstrumentVersion:
    instrument = await instruments.get_instrument(session, w.version.instrument_id)
    version = await instruments.start_new_draft(session, SYSTEM, instrument)
    forum = await make_org(session, kind=OrganisationKind.service_user_group)
    await instruments.set_codesign(session, SYSTEM, instrument, version, False, [forum.id])
    await instrument_review.request_review(session, SYSTEM, instrument, version)
    reviewer = await make_user(session, {forum: [Role.service_user]})
    await instrument_review.add_review(
        session,
        SYSTEM,
        instrument,
        version,
        (reviewer.id, forum.id, "service_user"),
        ReviewDecision.approved,
        None,
    )
    await instrument_review.publish(session, SYSTEM, instrument, version)
    await session.commit()
    return version


async def test_the_canonical_url_alone_names_the_one_open_version(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    w = await arrange_push(client, session)
    canonical = w.url.partition("|")[0]
    r = await client.post(POST, headers=w.headers, json=qr(w, 1, questionnaire=canonical))
    assert r.status_code == 201, r.text
    assert r.json()["questionnaire"] == w.url  # echoed with its version
    stored = await session.scalar(select(Response).where(Response.external_id == "PAS-1"))
    assert stored is not None
    assert stored.instrument_version_id == w.version.id

    # A second version published but in no campaign of ours: still one open version.
    second = await _second_version(session, w)
    r = await client.post(POST, headers=w.headers, json=qr(w, 2, questionnaire=canonical))
    assert r.status_code == 201, r.text
    # Both open to our pushes: which one is ambiguous, and the refusal says what to send.
    await make_campaign(session, second, [w.west], channels=(Channel.partner,))
    await session.commit()
    r = await client.post(POST, headers=w.headers, json=qr(w, 3, questionnaire=canonical))
    assert _outcome(r, 422) == [("required", "QuestionnaireResponse.questionnaire")]
    text = r.json()["issue"][0]["diagnostics"]
    assert f"{canonical}|1" in text, text
    assert f"{canonical}|2" in text, text
    named = await client.post(
        POST, headers=w.headers, json=qr(w, 3, questionnaire=f"{canonical}|1")
    )
    assert named.status_code == 201, named.text
