"""Conditional GET (RFC 9110 §13.1.2): an ``ETag`` on a read, and ``If-None-Match`` answered
with 304 Not Modified *before* the answer is built.

A route computes its entity tag from what its answer is a function of (the records' versions
or columns, the query, the caller's scope, the rules in force), never from the answer itself,
so that an unchanged answer costs the cheap reads of its inputs and nothing more. Compute the
tag *before* reading what the answer is built from: a change committed in between then
gives an old tag with a new answer (the next read is a 200 again), never a new tag with an
old answer (which the client would keep).

Tags are weak (``W/"…"``): they promise the same answer, not the same bytes (RFC 9110
§8.8.1), and If-None-Match compares weakly in any case. They also change with the code that
builds the answers (a digest of the package's sources), so a new release never answers 304
for a body it would now write differently.

These answers go to signed-in callers, so the security middleware makes them
``Cache-Control: no-store`` (``core.middleware.cache_headers``): no cache, the browser's
included, keeps them. A client that keeps the answer itself (a partner system, the web app's
fetch layer) sends its tag back and is told 304 while it still holds the answer.

If-None-Match is a list of entity tags (weak or strong, compared weakly) or ``*`` (the
answer exists: 304). A field that is not one of those is ignored, and the full answer is
sent, as RFC 9110 §13.1.2 lets a server do with a header it cannot parse."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Header, Request
from sqlalchemy import inspect
from starlette.responses import Response

from gwella import __version__
from gwella.core.concurrency import entity_tags

VARY = "Authorization"

IfNoneMatch = Annotated[
    str | None,
    Header(
        alias="If-None-Match",
        description="Optional: ETags of answers you hold (or `*`). When the answer would be "
        "one of them it is not sent again: 304 Not Modified, with its ETag and no body. Tags "
        "compare weakly (`W/` or not); a field that is not a list of entity tags is ignored "
        "and the answer sent in full",
    ),
]

WEAK_ETAG_HEADER = {
    "description": "The answer's entity tag (weak): send it back in If-None-Match to be told "
    "304 Not Modified while the answer is unchanged. It differs between callers who may "
    "see different things",
    "required": True,
    "schema": {"type": "string", "pattern": '^W/"[0-9a-f]{32}"$'},
}
NOT_MODIFIED = {
    "description": "Not Modified: the answer is still the one whose ETag you sent in "
    "If-None-Match (no body)",
    "headers": {"ETag": WEAK_ETAG_HEADER},
}


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the Python sources of the package: tags change with the code that
    builds the answers (read once per process; the same on every replica of one release).
    An installation without sources is digested by its compiled files instead."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(root.rglob("*.py")) or sorted(root.rglob("*.pyc")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def tag_of(*parts: Any) -> str:
    """A weak entity tag of these parts, which must be made of values whose ``repr`` is
    stable between processes (ints, strings, dates, UUIDs, None, tuples and lists of them,
    frozen dataclasses of them): never sets, nor objects with the default ``repr``."""
    said = repr((code_digest(), parts)).encode()
    return f'W/"{hashlib.blake2b(said, digest_size=16).hexdigest()}"'


def holds(if_none_match: str | None, tag: str) -> bool:
    """Whether If-None-Match names this tag by weak comparison (RFC 9110 §8.8.3.2), or is
    ``*``; False when absent or not a list of entity tags."""
    if if_none_match is None:
        return False
    if if_none_match.strip() == "*":
        return True
    tags = entity_tags(if_none_match)
    if tags is None:
        return False
    opaque = tag.removeprefix("W/")[1:-1]
    return any(held == opaque for _, held in tags)


async def if_none_match(request: Request, header: IfNoneMatch = None) -> str | None:
    """The If-None-Match field as one list, however many lines it came in (RFC 9110 §5.3).

    ``async`` although it awaits nothing: FastAPI runs a plain ``def`` dependency in a
    thread pool, a thread hand-off on every tagged read."""
    lines = request.headers.getlist("if-none-match")
    return ", ".join(lines) if lines else header


def not_modified(tag: str) -> Response:
    return Response(status_code=304, headers=headers(tag))


def headers(tag: str) -> dict[str, str]:
    """What a tagged answer carries. ``Vary: Authorization``: the same address gives callers
    who may see different things different answers (and different tags)."""
    return {"ETag": tag, "Vary": VARY}


def tag_response(response: Response, tag: str) -> None:
    for name, value in headers(tag).items():
        response.headers[name] = value


def declare(spec: dict[str, Any]) -> None:
    """In the OpenAPI document: every operation that reads If-None-Match declares the
    ``ETag`` of its successful answer and its 304."""
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            names = {p.get("name") for p in operation.get("parameters", [])}
            if "If-None-Match" not in names:
                continue
            responses = operation.setdefault("responses", {})
            responses["200"].setdefault("headers", {})["ETag"] = WEAK_ETAG_HEADER
            responses["304"] = NOT_MODIFIED


def columns_of(row: Any) -> tuple[Any, ...]:
    """Every column's value of a loaded ORM row, for a tag of what is read from it."""
    return tuple(getattr(row, c.key) for c in inspect(row).mapper.column_attrs)


def page_tag(kind: str, request: Request, cursor: str | None, rows: Any, *more: Any) -> str:
    """The tag of a page of a list made of its rows' columns alone (``more``: whatever
    else it shows): the address (its filters, and the ``next`` link it gives) and the rows."""
    return tag_of(kind, str(request.url), cursor, [columns_of(r) for r in rows], *more)
