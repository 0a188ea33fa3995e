"""What the conformance gate (test_fuzz_openapi.py) asks of every answer, and how it reads
Schemathesis' findings: the checks, the settings file shared with the CLI audit, the
coverage-phase cases, and failures counted once per operation and kind."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import hypothesis
import schemathesis
from hypothesis import HealthCheck, Phase
from schemathesis.checks import not_a_server_error
from schemathesis.generation.hypothesis.builder import (
    HypothesisTestConfig,
    HypothesisTestMode,
    create_test,
)
from schemathesis.generation.meta import CoveragePhaseData, CoverageScenario
from schemathesis.generation.overrides import Override
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    content_type_conformance,
    missing_required_header,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from gwella.core.i18n import VALIDATION_DETAIL_CY

SETTINGS_FILE = Path(__file__).with_name("schemathesis.toml")

# Every check of Schemathesis 4 that judges one answer on its own. The rest re-send requests
# through Schemathesis' own transport, which cannot reach the app in this process:
# ignored_auth (here: IGNORED_AUTH below, and the anonymous role), use_after_free and
# ensure_resource_availability (stateful), object_level_authorization
# (tests/robustness/test_security.py's matrix). The CLI audit in README.md runs them all.
# What the app answers when a request breaks its own request models (main.py's handler of
# RequestValidationError), in either language.
SCHEMA_REFUSAL_DETAILS = (
    "Some of what you sent is not valid; see errors for each field.",
    VALIDATION_DETAIL_CY,
)


def _rule_refusal(response: Any) -> bool:
    """A 422 problem raised by a rule after the request was read as the schema says (the
    period ends before it starts, the parent is another organisation's service, the current
    password is wrong): RFC 9110 §15.5.21's 422 proper. A refusal by the request models
    themselves (the generic detail) is a disagreement between spec and server instead."""
    if response.status_code != 422:
        return False
    try:
        problem = json.loads(response.content)
    except ValueError:
        return False
    return (
        isinstance(problem, dict)
        and problem.get("type") == "urn:gwella:problem:validation-failed"
        and problem.get("detail") not in SCHEMA_REFUSAL_DETAILS
    )


def positive_data_acceptance_beyond_rules(ctx: Any, response: Any, case: Any) -> bool | None:
    """Schemathesis' positive_data_acceptance, where a 422 refusal by a rule the schema
    cannot state (see _rule_refusal) counts as accepting the data's form. The CLI audit has
    no such distinction and reports these (README.md)."""
    if _rule_refusal(response):
        return None
    result: bool | None = positive_data_acceptance(ctx, response, case)
    return result


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    positive_data_acceptance_beyond_rules,
    missing_required_header,
    unsupported_method,
    allow_header_conformance,
]

# Coverage cases that test what every role meets alike (methods, required headers, media
# types); the rest of the coverage phase (boundary values, each optional parameter) is
# sampled, ESSENTIAL_PLUS of them per operation, unless GWELLA_FUZZ_COVERAGE=all.
ESSENTIAL = frozenset(
    {
        CoverageScenario.UNSPECIFIED_HTTP_METHOD,
        CoverageScenario.MISSING_PARAMETER,
        CoverageScenario.MALFORMED_CONTENT_TYPE,
        CoverageScenario.UNSUPPORTED_CONTENT_TYPE,
    }
)


def load_schema(spec: dict[str, Any]) -> Any:
    config = schemathesis.Config.from_path(SETTINGS_FILE)
    return schemathesis.openapi.from_dict(spec, config=config)


def coverage_cases(
    operation: Any, path_parameters: dict[str, str], sample: int | None
) -> list[Any]:
    """The coverage phase's cases of one operation (examples from the spec included), aimed
    at real records; all of them when ``sample`` is None."""
    cases: list[Any] = []

    def collect(case: Any) -> None:
        cases.append(case)

    config = HypothesisTestConfig(
        project=operation.schema.config,
        modes=[HypothesisTestMode.EXAMPLES, HypothesisTestMode.COVERAGE],
        settings=hypothesis.settings(
            max_examples=1,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit],
            suppress_health_check=list(HealthCheck),
        ),
        override=Override(path_parameters=path_parameters),
    )
    create_test(operation=operation, test_func=collect, config=config)()
    if sample is None:
        return cases
    essential = [c for c in cases if scenario(c) in ESSENTIAL]
    rest = [c for c in cases if scenario(c) not in ESSENTIAL]
    step = max(1, len(rest) // sample) if rest else 1
    return essential + rest[::step][:sample]


def scenario(case: Any) -> CoverageScenario | None:
    data = case.meta.phase.data if case.meta is not None else None
    return data.scenario if isinstance(data, CoveragePhaseData) else None


def describe(case: Any) -> str:
    if case.meta is None:
        return "explicit"
    phase = case.meta.phase
    description = getattr(phase.data, "description", "") or ""
    return f"{phase.name.value}/{case.meta.generation.mode.value}: {description}"[:120]


def failure_kinds(exc: BaseException) -> list[str]:
    """One line per failure Schemathesis reported in ``exc`` (a group or a single one)."""
    found = list(getattr(exc, "exceptions", None) or [exc])
    lines = []
    for failure in found:
        title = getattr(failure, "title", None) or type(failure).__name__
        message = str(getattr(failure, "message", failure)).strip().splitlines()
        lines.append(f"{title}: {message[0][:200] if message else ''}")
    return lines


def ignored_auth(operation: Any, method: str, status: int, sent: dict[str, str]) -> str | None:
    """Schemathesis' ignored_auth without its second request: an operation that declares
    security must not succeed for a request that carried no credentials. OPTIONS is not the
    operation: it answers what the path allows, and a CORS preflight never carries
    credentials (Fetch standard, CORS-preflight request)."""
    if method.upper() == "OPTIONS":
        return None
    secured = operation.definition.raw.get("security", operation.schema.raw_schema.get("security"))
    credentials = any(k.lower() in ("authorization", "cookie") for k in sent)
    if secured and not credentials and 200 <= status < 300:
        return f"Authentication ignored: {status} without credentials"
    return None


def path_names(path: str) -> list[str]:
    return re.findall(r"\{(\w+)\}", path)
