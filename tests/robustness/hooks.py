"""Schemathesis hooks shared by the in-process gate and the CLI audit
(``SCHEMATHESIS_HOOKS=tests.robustness.hooks``).

A page ``cursor`` (FHIR searches: ``_cursor``) is valid only when this server issued it (it
names the sort and the last row it was made for); no schema can say which strings those
are, so a generated one is refused with 400 ``invalid-cursor`` whatever its shape. Requests
generated as valid are sent without one; requests generated as invalid keep theirs, so a
malformed cursor is still proven refused. Paging itself is tested with real cursors
(tests/core, each list's tests)."""

from __future__ import annotations

from typing import Any

import schemathesis

# The API's lists' ``cursor`` and the FHIR searches' ``_cursor``.
PAGE_CURSORS = ("cursor", "_cursor")


def without_generated_cursor(case: Any) -> Any:
    meta = case.meta
    if meta is not None and meta.generation.mode.is_positive and case.query:
        for name in PAGE_CURSORS:
            case.query.pop(name, None)
    return case


@schemathesis.hook
def map_case(context: schemathesis.HookContext, case: schemathesis.Case) -> schemathesis.Case:
    result: schemathesis.Case = without_generated_cursor(case)
    return result
