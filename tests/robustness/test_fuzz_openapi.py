"""Conformance as a gate: Schemathesis against the app's own OpenAPI document, in process,
as every role, with 0 failures.

For each role (platform admin, organisation admin, manager, staff, service user, an API
client holding every scope, and nobody signed in) every operation of the spec is called with
generated requests: valid ones aimed at real records (the seeded partnership fills the path
parameters), valid ones with random identifiers, and deliberately invalid ones. For the
organisation's administrator and the API client, the coverage phase runs too (aimed at real
records): every undeclared method (405 with Allow), OPTIONS (204 with Allow, as declared),
each required header left out (If-Match: 428), wrong media types, and a sample of boundary
values. Every answer is judged by all of Schemathesis 4's single-answer checks
(conformance.CHECKS: status, media type, headers and body as documented; invalid data
refused, valid data accepted; required headers enforced; methods and Allow as HTTP says) and
by ignored_auth for requests without credentials. Schemathesis' defaults are changed only by
tests/robustness/schemathesis.toml (the statuses HTTP defines for those cases), which the
CLI audit uses too (tests/robustness/README.md: how to rerun it against a served app, with
the stateful phase and the checks that re-send requests).

Bounded: ``GWELLA_FUZZ_EXAMPLES`` generated examples per operation and role (default 4 on
SQLite, 3 on PostgreSQL) plus the coverage cases (``GWELLA_FUZZ_COVERAGE=all`` for all of
them, for every role), generation derandomised (the same cases every run, so CI is stable;
set ``GWELLA_FUZZ_SEED`` to explore another part of the space), no shrinking. Requests go
through httpx's ASGI transport to the app under test: nothing leaves the process.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import os
from collections import Counter
from collections.abc import Coroutine
from typing import Any, TypeVar

import httpx
import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode
from sqlalchemy.ext.asyncio import AsyncSession

from tests.robustness.conformance import (
    CHECKS,
    coverage_cases,
    describe,
    failure_kinds,
    ignored_auth,
    load_schema,
    path_names,
)
from tests.robustness.hooks import without_generated_cursor
from tests.robustness.known_failures import KNOWN
from tests.robustness.seed import ROLES
from tests.robustness.seed import seed as seed_world

T = TypeVar("T")

# Per operation and role; PostgreSQL is slower per request, so fewer there by default.
EXAMPLES = {"sqlite": 4, "postgresql": 3}
if os.environ.get("GWELLA_FUZZ_EXAMPLES"):
    EXAMPLES = dict.fromkeys(EXAMPLES, int(os.environ["GWELLA_FUZZ_EXAMPLES"]))
SEED = os.environ.get("GWELLA_FUZZ_SEED")
FULL_COVERAGE = os.environ.get("GWELLA_FUZZ_COVERAGE") == "all"
# While working on a few operations: GWELLA_FUZZ_OPERATIONS=signOut,ingestResponses runs only
# those (by operationId); the gate itself always runs every operation.
ONLY = {op for op in os.environ.get("GWELLA_FUZZ_OPERATIONS", "").split(",") if op}
# The roles that run the coverage phase (every role with GWELLA_FUZZ_COVERAGE=all), and how
# many of its non-essential cases per operation they send.
COVERAGE_ROLES = set(ROLES) if FULL_COVERAGE else {"org_admin", "api_client"}
COVERAGE_SAMPLE = None if FULL_COVERAGE else 4
# Calls that end the caller's own session: they get a token of their own each time, so the
# rest of the run keeps its sign-in.
SESSION_ENDING = {"signOut", "signOutEverywhere"}
# The live stream never ends by itself for a signed-in person (tests/test_stream.py covers
# it); it is fuzzed as the anonymous caller, whose refusal is immediate.
ENDLESS = {"getStream"}


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=SEED is None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )


def sent(request: dict[str, Any]) -> str:
    """What a failing request carried, briefly, for the report."""
    body = request.get("json", request.get("data", request.get("content", "")))
    return f"{request.get('params') or ''} {body!r}"[:200]


def _to_httpx(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The transport arguments schemathesis prepares (requests-style) in httpx's terms."""
    out: dict[str, Any] = {
        "method": kwargs["method"],
        "url": kwargs["url"],
        "headers": dict(kwargs.get("headers") or {}),
        "params": kwargs.get("params"),
    }
    if kwargs.get("cookies"):
        out["headers"]["Cookie"] = "; ".join(f"{k}={v}" for k, v in kwargs["cookies"].items())
    if "json" in kwargs:
        out["json"] = kwargs["json"]
    if kwargs.get("files"):
        out["files"] = kwargs["files"]
        if kwargs.get("data"):
            out["data"] = kwargs["data"]
    elif "data" in kwargs and kwargs["data"] is not None:
        data = kwargs["data"]
        if isinstance(data, dict):
            out["data"] = data
        else:
            out["content"] = data.encode() if isinstance(data, str) else data
    return out


@pytest.mark.parametrize("role", ROLES)
async def test_every_operation_conforms_and_never_fails_as(
    role: str, backend: str, app: Any, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    seeded = await seed_world(session, client)
    headers = await seeded.headers(client, role)
    schema = load_schema(copy.deepcopy(app.openapi()))
    loop = asyncio.get_running_loop()

    def on_loop(coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, loop).result(timeout=120)

    failures: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    tolerated: Counter[tuple[str, str]] = Counter()

    def send_and_check(operation: Any, op_id: str, case: Any) -> None:
        auth = headers
        if op_id in SESSION_ENDING and role != "anonymous":
            auth = on_loop(seeded.headers(client, role))
        case = without_generated_cursor(case)
        kwargs = case.as_transport_kwargs(base_url="http://gwella.test")
        request = _to_httpx(kwargs)
        if "Authorization" in request["headers"] or not auth:
            # The role's token in place of the generated one. A case generated without
            # it (negative data, or the coverage phase leaving it out) is sent without it.
            request["headers"].pop("Authorization", None)
            request["headers"].update(auth)
        response = on_loop(client.request(**request))
        if op_id in SESSION_ENDING and role != "anonymous":
            # Signing out everywhere ended the run's own token too: sign in again.
            headers.update(on_loop(seeded.headers(client, role)))
        with contextlib.suppress(httpx.RequestNotRead, RuntimeError):
            # A streamed (multipart) body, read once more so the checks can see it.
            on_loop(response.request.aread())
        counts["requests"] += 1
        counts[f"status_{response.status_code}"] += 1
        found: list[str] = []
        try:
            case.validate_response(response, checks=CHECKS, headers=request["headers"])
        except (AssertionError, BaseExceptionGroup) as exc:
            found += failure_kinds(exc)
        unauthenticated = ignored_auth(
            operation, request["method"], response.status_code, request["headers"]
        )
        if unauthenticated:
            found.append(unauthenticated)
        label = f"{role} {operation.method.upper()} {operation.path}"
        for kind in found:
            known = (f"{operation.method.upper()} {operation.path}", kind.split(":")[0])
            if known in KNOWN:
                tolerated[known] += 1
                continue
            failures.setdefault(label, set()).add(
                f"{kind}\n    ({describe(case)}; {request['method']} -> {response.status_code})"
                f"\n    sent {sent(request)}\n    got {response.text[:400]!r}"
            )

    def fuzz(operation: Any) -> None:
        op_id = operation.definition.raw.get("operationId", operation.label)
        if ONLY and op_id not in ONLY:
            return
        if op_id in ENDLESS and role != "anonymous":
            counts["skipped_endless"] += 1
            return
        known = {n: seeded.known[n] for n in path_names(operation.path) if n in seeded.known}
        if role in COVERAGE_ROLES:
            try:
                for case in coverage_cases(operation, known, COVERAGE_SAMPLE):
                    send_and_check(operation, op_id, case)
                    counts["coverage_cases"] += 1
            except Exception as exc:  # a failure to generate or to send
                failures.setdefault(f"{role} {operation.label}", set()).add(f"{exc!r}"[:2000])
        strategies = [
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        ]
        if known:
            strategies.insert(
                0, operation.as_strategy(GenerationMode.POSITIVE, path_parameters=known)
            )

        @_settings(EXAMPLES[backend])
        @given(case=st.one_of(*strategies))
        def run(case: Any) -> None:
            send_and_check(operation, op_id, case)

        if SEED is not None:
            run = seed(int(SEED))(run)
        try:
            run()
        except (Exception, BaseExceptionGroup) as exc:  # a failure to generate or to send
            failures.setdefault(f"{role} {operation.label}", set()).add(f"{exc!r}"[:2000])
        counts["operations"] += 1

    def fuzz_all() -> None:
        for result in schema.get_all_operations():
            fuzz(result.ok())

    await asyncio.to_thread(fuzz_all)
    print(f"\nfuzz {role}: {dict(counts)}")
    print(f"known failures met ({len(tolerated)} of {len(KNOWN)}): {dict(tolerated)}")
    assert counts["operations"] >= (len(ONLY) if ONLY else 100)
    report = "\n".join(
        f"--- {label}\n" + "\n".join(f"  {kind}" for kind in sorted(kinds))
        for label, kinds in sorted(failures.items())
    )
    total = sum(len(kinds) for kinds in failures.values())
    assert not failures, f"{total} distinct failures in {len(failures)} operations:\n{report}"[
        :30000
    ]
