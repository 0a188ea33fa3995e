"""Headers and statuses the server sends are declared where it sends them (issue 16): a
generated client reads the new record's address from the spec's Location, and a body that
does not all arrive in time is a 408 on FHIR's body-taking operations as on the rest."""

from __future__ import annotations

from typing import Any

import pytest

from gwella.main import create_app
from tests.conftest import make_settings


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return create_app(make_settings("sqlite+aiosqlite:///:memory:")).openapi()


@pytest.mark.parametrize(
    "path", ["/api/v1/webhook-subscriptions", "/fhir/r4/QuestionnaireResponse"]
)
def test_a_creation_declares_its_location(spec: dict[str, Any], path: str) -> None:
    created = spec["paths"][path]["post"]["responses"]["201"]
    assert created["headers"]["Location"]["required"] is True
    assert created["content"], "the created record's body is still declared"


def test_fhir_operations_with_a_body_declare_408(spec: dict[str, Any]) -> None:
    with_body = [
        operation
        for path, operations in spec["paths"].items()
        if path.startswith("/fhir/")
        for operation in operations.values()
        if isinstance(operation, dict) and "requestBody" in operation
    ]
    assert with_body
    for operation in with_body:
        timed_out = operation["responses"]["408"]["content"]
        assert timed_out["application/fhir+json"]["schema"]["$ref"].endswith("FhirOperationOutcome")
