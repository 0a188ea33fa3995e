"""The OpenAPI spec is a product: committed, in step with the code, and friendly to client
generators (stable readable operation ids, tags, summaries, typed errors)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from gwella.main import TAGS, create_app
from tests.conftest import make_settings

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi" / "openapi.json"
METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def served() -> dict[str, Any]:
    return create_app(make_settings("sqlite+aiosqlite:///:memory:")).openapi()


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
        if method in METHODS
    ]


def test_committed_spec_matches_the_code(served: dict[str, Any]) -> None:
    committed = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    assert committed == served, "openapi/openapi.json is stale: run `make openapi`"


def test_operation_ids_are_unique_camel_case_verbs(served: dict[str, Any]) -> None:
    ids = [op["operationId"] for _, _, op in _operations(served)]
    assert len(ids) == len(set(ids))
    for op_id in ids:
        assert re.fullmatch(
            r"(get|list|create|update|delete|issue|sign|change|revoke|inspect|"
            r"accept|rotate|add|remove|decline|decide|publish|request|submit|close|moderate|ingest|redeliver|export|read|retract)[A-Z][A-Za-z]*",
            op_id,
        ), op_id


def test_every_operation_has_a_known_tag_and_a_summary(served: dict[str, Any]) -> None:
    known = {t["name"] for t in TAGS}
    for path, method, op in _operations(served):
        assert op.get("tags"), (method, path)
        assert set(op["tags"]) <= known, (method, path)
        assert op.get("summary"), (method, path)


def test_json_lives_under_api_v1(served: dict[str, Any]) -> None:
    for path in served["paths"]:
        assert path.startswith(("/api/v1/", "/fhir/r4")) or path in {"/healthz", "/readyz"}, path


OAUTH_ENDPOINTS = {"/api/v1/auth/token", "/api/v1/auth/revoke"}


def test_errors_are_declared_as_problem_details(served: dict[str, Any]) -> None:
    assert "Problem" in served["components"]["schemas"]
    assert "HTTPValidationError" not in served["components"]["schemas"], "422 is a Problem too"
    for path, method, op in _operations(served):
        errors = {code: r for code, r in op["responses"].items() if code[0] in "45"}
        if path in {"/healthz", "/fhir/r4/metadata"}:
            continue
        assert errors, f"{method} {path} declares no error responses"
        for code, response in errors.items():
            expected = (
                "application/fhir+json"
                if path.startswith("/fhir/")
                # OAuth's endpoints answer OAuth's errors (RFC 6749 §5.2, RFC 7009).
                else "application/json"
                if path in OAUTH_ENDPOINTS and code in {"400", "401", "429"}
                else ("application/problem+json")
            )
            assert expected in response["content"], (method, path, code)
        if "requestBody" in op:
            assert {"413", "415"} <= set(errors), (method, path)


def test_authenticated_operations_declare_401_and_bearer(served: dict[str, Any]) -> None:
    public = {
        "/healthz",
        "/readyz",
        "/api/v1/auth/token",
        "/api/v1/auth/revoke",  # RFC 7009: by holding the token
        "/api/v1/invitations/inspect",
        "/api/v1/invitations/accept",
        "/api/v1/public/surveys/{token}",
        "/api/v1/public/surveys/{token}/responses",
        "/api/v1/public/partnerships/{partnership_id}/actions",
        "/fhir/r4/metadata",
    }
    for path, method, op in _operations(served):
        if path in public:
            continue
        assert "401" in op["responses"], (method, path)
        assert op.get("security"), (method, path)


def test_patch_operations_take_if_match(served: dict[str, Any]) -> None:
    for path, method, op in _operations(served):
        if method != "patch":
            continue
        headers = {p["name"] for p in op.get("parameters", []) if p["in"] == "header"}
        assert "If-Match" in headers, path
        assert {"412", "428"} <= set(op["responses"]), path


def test_request_text_is_declared_without_nul(served: dict[str, Any]) -> None:
    """The server refuses a NUL in any text of a JSON body (PostgreSQL cannot store one); the
    spec says so with one pattern that Python, ECMAScript and Rust read alike."""
    schemas = served["components"]["schemas"]
    english = schemas["LocalizedText"]["properties"]["en"]["anyOf"][0]  # titles, questions
    answers = schemas["IngestResponseItem"]["properties"]["answers"]  # keyed by question
    for pattern in (english["pattern"], answers["propertyNames"]["pattern"]):
        assert re.fullmatch(pattern, "Wellbeing\nscale")
        assert not re.search(pattern, "a\x00b")


def test_constraints_are_written_as_json_schema_says(served: dict[str, Any]) -> None:
    """pydantic writes a constraint it cannot place (one given after a validator) under its own
    name (ge, le, gt, lt, ...), which no client generator or validator reads: a range the
    server holds would vanish from the contract."""
    leaked: list[str] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("integer", "number", "string", "array"):
                for key in ("ge", "le", "gt", "lt", "min_length", "max_length", "multiple_of"):
                    if key in node:
                        leaked.append(f"{where}: {key}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(served, "#")
    assert leaked == []
