"""A partner's whole day through the Python client generated from the committed spec: sign in
with client credentials, push a JSON batch, upload a CSV to completion, read back by external
id and through the change feed, retract a mistaken push, read the FHIR Questionnaire, push
QuestionnaireResponses singly and as a transaction Bundle, search them, and subscribe to
webhooks. Each step checks the typed result the generated code gives back, not only the
status: a spec whose shape a generator cannot drive fails here."""

from __future__ import annotations

import importlib
import io
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts.models import Scope
from gwella.imports import service as imports
from tests.factories import make_api_client
from tests.fhir.support import arrange_push, bundle, qr
from tests.generated_clients import PACKAGE, generate_python_client, imported_client
from tests.imports.test_imports import HEADER, csv_rows
from tests.surveys import VALID_ANSWERS

BASE = "http://gwella.test"


@pytest.fixture(scope="module")
def gen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("partner_client")
    result = generate_python_client(out)
    assert result.returncode == 0, result.stdout + result.stderr
    with imported_client(out) as package:
        yield package


@pytest.fixture
def import_dir(tmp_path: Path, app: Any) -> Path:
    app.state.settings.import_dir = tmp_path / "imports"
    return Path(app.state.settings.import_dir)


def op(name: str) -> Any:
    """A generated operation module, e.g. ``op("fhir.get_questionnaire")``."""
    return importlib.import_module(f"{PACKAGE}.api.{name}")


async def test_a_partners_day_through_the_generated_client(
    gen: ModuleType,
    app: Any,
    client: httpx.AsyncClient,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    import_dir: Path,
) -> None:
    m = importlib.import_module(f"{PACKAGE}.models")
    types = importlib.import_module(f"{PACKAGE}.types")
    w = await arrange_push(client, session)
    api = await make_api_client(
        session, w.org, [Scope.read, Scope.responses_write, Scope.responses_read]
    )
    transport = httpx.ASGITransport(app=app)

    # Morning: a token by client credentials.
    anonymous = gen.Client(base_url=BASE)
    anonymous.set_async_httpx_client(httpx.AsyncClient(transport=transport, base_url=BASE))
    token = await op("auth.issue_token").asyncio(
        client=anonymous,
        body=m.IssueTokenTokenRequest(
            grant_type=m.IssueTokenTokenRequestGrantType.CLIENT_CREDENTIALS,
            client_id=api.record.client_id,
            client_secret=api.secret,
        ),
    )
    assert isinstance(token, m.TokenResponse), token
    assert set(token.scope.split()) == {"read", "responses:write", "responses:read"}
    partner = gen.AuthenticatedClient(base_url=BASE, token=token.access_token)
    partner.set_async_httpx_client(
        httpx.AsyncClient(
            transport=transport,
            base_url=BASE,
            headers={"Authorization": f"Bearer {token.access_token}"},
        )
    )

    # A JSON batch of the night's responses.
    when = w.campaign.opens_at.isoformat()
    summary = await op("ingest.ingest_responses").asyncio(
        client=partner,
        body=m.IngestResponsesBatch(
            campaign_id=w.campaign.id,
            items=[
                m.IngestResponseItem.from_dict(
                    {
                        "external_id": f"DAY-{n}",
                        "service": "CMHT-N",
                        "submitted_at": when,
                        "answers": VALID_ANSWERS,
                    }
                )
                for n in (1, 2)
            ],
        ),
    )
    assert isinstance(summary, m.ImportSummary), summary
    assert (summary.imported, summary.ignored, summary.rejected) == (2, 0, 0)

    # A CSV file from the ward's spreadsheet, uploaded and run to completion.
    job = await op("imports.create_import").asyncio(
        client=partner,
        body=m.CreateImportFilesBody(
            file=types.File(
                payload=io.BytesIO((HEADER + csv_rows(3)).encode()),
                file_name="ward.csv",
                mime_type="text/csv",
            )
        ),
        kind=m.CreateImportKind.RESPONSES,
        campaign_id=w.campaign.id,
    )
    assert isinstance(job, m.ImportJobRead), job
    assert (job.format_.value, job.state.value) == ("csv", "queued")
    await imports.process_next(sessionmaker, "test-worker", BASE)
    done = await op("imports.get_import").asyncio(client=partner, import_id=job.id)
    assert isinstance(done, m.ImportJobRead), done
    assert done.state.value == "completed", done.failure_reason
    assert (done.rows_total, done.summary.imported, done.summary.rejected) == (3, 3, 0)

    # Read back by the partner's own id.
    found = await op("responses.list_pushed_responses").asyncio(
        client=partner, external_id=["DAY-1", "PAS-0"]
    )
    assert isinstance(found, m.ResponsePage), found
    assert sorted(r.external_id for r in found.items) == ["DAY-1", "PAS-0"]

    # The change feed from the start, then a mistaken push retracted and seen as a tombstone.
    feed = op("responses.list_response_changes")
    first = await feed.asyncio(client=partner)
    assert isinstance(first, m.ResponseChangePage), first
    upserts = {c.external_id for c in first.items if c.op == m.ResponseChangeOp.UPSERT}
    assert upserts == {"DAY-1", "DAY-2", "PAS-0", "PAS-1", "PAS-2"}
    retracted = await op("responses.retract_responses").asyncio(
        client=partner,
        body=m.RetractionRequest(external_ids=["DAY-2"], reason="Sent twice by mistake"),
    )
    assert isinstance(retracted, m.RetractionSummary), retracted
    assert (retracted.retracted, retracted.rejected) == (1, 0)
    after = await feed.asyncio(client=partner, cursor=first.next_cursor)
    assert isinstance(after, m.ResponseChangePage), after
    assert [(c.op, c.external_id, c.record) for c in after.items] == [
        (m.ResponseChangeOp.DELETED, "DAY-2", None)
    ]

    # FHIR: the Questionnaire, then responses one by one and as a transaction.
    questionnaire = await op("fhir.get_questionnaire").asyncio(
        client=partner, questionnaire_id=str(w.version.id)
    )
    assert isinstance(questionnaire, m.FhirQuestionnaire), questionnaire
    assert questionnaire.resource_type == "Questionnaire"
    assert questionnaire.version == "1"
    assert {i["linkId"] for i in questionnaire.item} >= set(VALID_ANSWERS)

    pushed = qr(w, 101)
    assert m.FhirQuestionnaireResponsePush.from_dict(pushed).to_dict() == pushed
    created = await op("fhir.create_questionnaire_response").asyncio(
        # The push schema (Gwella's profile of R4): the generated model reads the resource,
        # its answers into their typed forms, and writes it back as sent.
        client=partner,
        body=m.FhirQuestionnaireResponsePush.from_dict(pushed),
    )
    assert isinstance(created, m.FhirQuestionnaireResponse), created
    assert created.status == m.FhirQuestionnaireResponseStatus.COMPLETED
    assert created.identifier.to_dict()["value"] == "PAS-101"

    answered = await op("fhir.ingest_fhir_bundle").asyncio(
        client=partner,
        body=m.FhirBundlePush.from_dict(bundle("transaction", [qr(w, 102), qr(w, 103)])),
    )
    assert isinstance(answered, m.FhirBundle), answered
    assert answered.type_ == m.FhirBundleType.TRANSACTION_RESPONSE
    assert [e["response"]["status"] for e in answered.entry] == ["201 Created"] * 2

    searched = await op("fhir.list_questionnaire_responses").asyncio(
        client=partner, identifier="PAS-103"
    )
    assert isinstance(searched, m.FhirBundle), searched
    assert searched.type_ == m.FhirBundleType.SEARCHSET
    assert [e["resource"]["identifier"]["value"] for e in searched.entry] == ["PAS-103"]

    refused = await op("fhir.list_questionnaire_responses").asyncio_detailed(
        client=partner, identifier="PAS-103", field_last_updated=["ne2026-01-01"]
    )
    assert refused.status_code == 400
    assert isinstance(refused.parsed, m.FhirOperationOutcome), refused.parsed

    # Evening: a webhook subscription for what happens overnight.
    subscription = await op("webhooks.create_webhook_subscription").asyncio(
        client=partner,
        body=m.WebhookSubscriptionCreate(
            url="http://127.0.0.1:9/gwella-hooks",
            event_types=[m.WebhookEventType.RESPONSE_CREATED, m.WebhookEventType.IMPORT_COMPLETED],
        ),
    )
    assert isinstance(subscription, m.WebhookSubscriptionWithSecret), subscription
    assert subscription.organisation_id == w.org.id
    assert subscription.is_active
    assert subscription.secret
