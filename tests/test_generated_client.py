"""The spec generates clients cleanly: openapi-python-client and openapi-typescript (default
options) say nothing but their banner, every generated Python operation imports, and the
TypeScript types accept the smallest valid ingest item, measurement and FHIR
QuestionnaireResponse (so an optional field with a default never comes out required)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Scope
from gwella.campaigns.enums import Channel
from tests.factories import make_api_client, make_org, make_service
from tests.generated_clients import (
    PACKAGE,
    generate_python_client,
    generate_typescript,
    imported_client,
    typecheck,
)
from tests.surveys import VALID_ANSWERS, make_campaign, make_published_version


def assert_python_generator_was_silent(stdout: str, stderr: str) -> None:
    """openapi-python-client writes its warnings to stderr and its progress to stdout."""
    assert stderr.strip() == "", stderr
    said = [line for line in stdout.splitlines() if line.strip()]
    assert all(line.startswith("Generating ") for line in said), stdout


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("client")
    result = generate_python_client(out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert_python_generator_was_silent(result.stdout, result.stderr)
    with imported_client(out) as package:
        yield package


def _mod(name: str) -> Any:
    return importlib.import_module(f"{PACKAGE}.{name}")


def test_the_python_generator_warns_of_nothing_on_either_stream() -> None:
    # The guard itself: a warning on stderr alone must fail it (the old test read stdout only).
    with pytest.raises(AssertionError):
        assert_python_generator_was_silent(
            "Generating /tmp/x/gwella_api_client\n",
            "Warning(s) encountered while generating. Client was generated, but some pieces "
            "may be missing\n",
        )
    assert_python_generator_was_silent("Generating /tmp/x/gwella_api_client\n", "")


def test_every_generated_operation_imports(generated: ModuleType) -> None:
    api = importlib.import_module(f"{PACKAGE}.api")
    modules = [
        name
        for _, name, is_package in pkgutil.walk_packages(api.__path__, f"{PACKAGE}.api.")
        if not is_package
    ]
    assert any(name.endswith(".fhir.create_questionnaire_response") for name in modules)
    for name in modules:
        module = importlib.import_module(name)
        assert callable(getattr(module, "asyncio_detailed", None)), name


def test_generated_fhir_operations_read_json_not_bytes(generated: ModuleType) -> None:
    """A FHIR answer is JSON: the generated parser must decode it (``response.json()``)
    before building its model, or every call crashes on the first answer."""
    fhir = Path(importlib.import_module(f"{PACKAGE}.api.fhir").__path__[0])
    for path in sorted(fhir.glob("*.py")):
        if path.name == "__init__.py":
            continue
        text = path.read_text()
        assert ".from_dict(response.content)" not in text, path.name
        assert "response.json()" in text, path.name


MINIMAL_TS = """
import type { operations } from './schema';

type JsonBody<Op extends keyof operations, Media extends string = 'application/json'> =
  operations[Op] extends { requestBody?: { content: infer C } }
    ? Media extends keyof C ? C[Media] : never
    : never;

type ResponseBatch = JsonBody<'ingestResponses'>;
type MeasurementBatch = JsonBody<'ingestMeasurements'>;
type FhirResponse = JsonBody<'createQuestionnaireResponse', 'application/fhir+json'>;

export const item: ResponseBatch['items'][number] = {
  external_id: 'PAS-1',
  service: 'CMHT-N',
  submitted_at: '2026-05-01T10:00:00Z',
  answers: { q1: 4 },
};
export const responses: ResponseBatch = {
  campaign_id: '00000000-0000-0000-0000-000000000000',
  items: [item],
};
export const measurement: MeasurementBatch['items'][number] = {
  indicator: 'NSF-1',
  period_start: '2026-04-01',
  period_end: '2026-04-30',
};
export const measurements: MeasurementBatch = { items: [measurement] };
export const questionnaireResponse: FhirResponse = {
  resourceType: 'QuestionnaireResponse',
  identifier: { value: 'PAS-1' },
  status: 'completed',
  questionnaire: 'https://gwella.example/fhir/Questionnaire/su-experience|1',
  subject: { reference: 'HealthcareService/6f1c0c1e-0000-4000-8000-000000000001' },
  authored: '2027-03-01T10:00:00Z',
};
"""


def test_typescript_types_with_default_options_accept_minimal_inputs(tmp_path: Path) -> None:
    generated = generate_typescript(tmp_path / "schema.d.ts")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    assert generated.stderr.strip() == "", generated.stderr
    said = [line for line in generated.stdout.splitlines() if line.strip()]
    # Its banner and the file written, nothing else (a warning would be a third kind of line).
    assert all(line.startswith(("✨", "🚀")) for line in said), generated.stdout
    (tmp_path / "minimal.ts").write_text(MINIMAL_TS)
    checked = typecheck(tmp_path, "minimal.ts")
    assert checked.returncode == 0, checked.stdout + checked.stderr


async def test_a_generated_client_pushes_a_batch_and_reads_the_summary(
    generated: ModuleType, app: Any, session: AsyncSession
) -> None:
    org = await make_org(session)
    service = await make_service(session, org, code="CMHT-N")
    version = await make_published_version(session, org)
    campaign, _ = await make_campaign(session, version, [service], channels=(Channel.partner,))
    api = await make_api_client(session, org, [Scope.responses_write])
    transport = httpx.ASGITransport(app=app)
    base = "http://gwella.test"

    anonymous = generated.Client(base_url=base)
    anonymous.set_async_httpx_client(httpx.AsyncClient(transport=transport, base_url=base))
    body_cls = _mod("models.issue_token_token_request").IssueTokenTokenRequest
    grant = _mod("models.issue_token_token_request_grant_type").IssueTokenTokenRequestGrantType
    token = await _mod("api.auth.issue_token").asyncio(
        client=anonymous,
        body=body_cls(
            grant_type=grant.CLIENT_CREDENTIALS,
            client_id=api.record.client_id,
            client_secret=api.secret,
        ),
    )
    assert token.token_type == "bearer"

    authed = generated.AuthenticatedClient(base_url=base, token=token.access_token)
    authed.set_async_httpx_client(
        httpx.AsyncClient(
            transport=transport,
            base_url=base,
            headers={"Authorization": f"Bearer {token.access_token}"},
        )
    )
    batch_cls = _mod("models.ingest_responses_batch").IngestResponsesBatch
    batch = batch_cls.from_dict(
        {
            "campaign_id": str(campaign.id),
            "items": [
                {
                    "external_id": f"SCRIPT-{n}",
                    "service": "CMHT-N",
                    "submitted_at": campaign.opens_at.isoformat(),
                    "answers": VALID_ANSWERS,
                }
                for n in range(3)
            ],
        }
    )
    ingest = _mod("api.ingest.ingest_responses")
    summary = await ingest.asyncio(client=authed, body=batch)
    assert summary.status.value == "completed"
    assert (summary.imported, summary.ignored, summary.rejected) == (3, 0, 0)
    again = await ingest.asyncio(client=authed, body=batch)
    assert again.ignored == 3
