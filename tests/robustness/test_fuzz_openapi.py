"""Schemathesis against the app's own OpenAPI document, in process, as every role.

For each role (platform admin, organisation admin, manager, staff, service user, an API
client holding every scope, and nobody signed in) every operation of the spec is called with
generated requests: valid ones aimed at real records (the seeded partnership fills the path
parameters), valid ones with random identifiers, and deliberately invalid ones. Every answer
must be no 5xx, and must conform to the spec: a documented status, the documented media type
and headers, and a body that validates against the documented schema; and a request that
breaks the spec must be refused (schemathesis' negative data rejection).

Bounded: ``GWELLA_FUZZ_EXAMPLES`` examples per operation and role (default 4 on SQLite, 3 on
PostgreSQL), generation derandomised (the same cases every run, so CI is stable; set
``GWELLA_FUZZ_SEED`` to explore another part of the space), no shrinking. Requests go through
httpx's ASGI transport to the app under test: nothing leaves the process.
"""

from __future__ import annotations

import asyncio
import copy
import os
import re
from collections import Counter
from collections.abc import Coroutine
from typing import Any, TypeVar

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy.ext.asyncio import AsyncSession

from tests.robustness.seed import ROLES
from tests.robustness.seed import seed as seed_world

T = TypeVar("T")

# Per operation and role; PostgreSQL is slower per request, so fewer there by default
# (about 2.5 minutes per database on this 2-core machine).
EXAMPLES = {"sqlite": 4, "postgresql": 3}
if os.environ.get("GWELLA_FUZZ_EXAMPLES"):
    EXAMPLES = dict.fromkeys(EXAMPLES, int(os.environ["GWELLA_FUZZ_EXAMPLES"]))
SEED = os.environ.get("GWELLA_FUZZ_SEED")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
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
    schema = schemathesis.openapi.from_dict(copy.deepcopy(app.openapi()))
    loop = asyncio.get_running_loop()

    def on_loop(coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, loop).result(timeout=120)

    failures: list[str] = []
    counts: Counter[str] = Counter()

    def fuzz(operation: Any) -> None:
        op_id = operation.definition.raw.get("operationId", operation.label)
        if op_id in ENDLESS and role != "anonymous":
            counts["skipped_endless"] += 1
            return
        names = re.findall(r"\{(\w+)\}", operation.path)
        known = {n: seeded.known[n] for n in names if n in seeded.known}
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
            auth = headers
            if op_id in SESSION_ENDING and role != "anonymous":
                auth = on_loop(seeded.headers(client, role))
            kwargs = case.as_transport_kwargs(base_url="http://gwella.test")
            request = _to_httpx(kwargs)
            if "Authorization" in request["headers"] or not auth:
                # The role's token in place of the generated one. A case generated without
                # it (negative data: the credential left out) is sent without it.
                request["headers"].pop("Authorization", None)
                request["headers"].update(auth)
            response = on_loop(client.request(**request))
            if op_id in SESSION_ENDING and role != "anonymous":
                # Signing out everywhere ended the run's own token too: sign in again.
                headers.update(on_loop(seeded.headers(client, role)))
            counts["requests"] += 1
            counts[f"status_{response.status_code}"] += 1
            case.validate_response(response, checks=CHECKS, headers=request["headers"])

        if SEED is not None:
            run = seed(int(SEED))(run)
        try:
            run()
        except (Exception, BaseExceptionGroup) as exc:  # collected: one run reports them all
            failures.append(f"--- {role} {operation.method.upper()} {operation.path}\n{exc}")
        counts["operations"] += 1

    def fuzz_all() -> None:
        for result in schema.get_all_operations():
            fuzz(result.ok())

    await asyncio.to_thread(fuzz_all)
    print(f"\nfuzz {role}: {dict(counts)}")
    assert counts["operations"] >= 100
    assert not failures, f"{len(failures)} operations failed:\n" + "\n".join(failures)[:20000]
