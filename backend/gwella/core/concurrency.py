"""ETags and If-Match: optimistic concurrency for every PATCH; and :func:`lock_rows`, for a
writer that must see a row as it is now before changing it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any, TypeVar

from fastapi import Header
from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from gwella.core.errors import (
    FieldProblem,
    PreconditionFailed,
    PreconditionRequired,
    ValidationFailed,
)

# The header is read as optional so that its absence is answered by check_if_match (428,
# RFC 6585) rather than as a validation error; the spec declares it required all the same
# (declare_conditional_headers), since an update without it is never carried out.
_REQUIRED = "x-gwella-required-header"

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description="The ETag you read, as it was given (required: a missing one or `*` gets 428; "
        "a stale or weak one 412, since If-Match compares strongly)",
        json_schema_extra={_REQUIRED: True},
    ),
]
OptionalIfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description="Optional: when sent, the ETag you read, as it was given (a stale or weak one "
        "gets 412, since If-Match compares strongly)",
    ),
]


ETAG_HEADER = {
    "description": "The record's version, to send back in If-Match when you change it",
    "required": True,
    "schema": {"type": "string", "pattern": '^"[0-9]+"$'},
}


def declare_conditional_headers(spec: dict[str, Any]) -> None:
    """In the OpenAPI document: every header parameter read through :data:`IfMatch`, which
    the server refuses to go without (428), is ``required``; and the successful answers of
    a record that takes it (its GET and its update) declare the ``ETag`` they carry."""
    for operations in spec.get("paths", {}).values():
        conditional = False
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                schema = parameter.get("schema", {})
                if schema.pop(_REQUIRED, False):
                    conditional = True
                    parameter["required"] = True
                    # A required header has a value: the optional form's ``null`` goes.
                    variants = [v for v in schema.pop("anyOf", []) if v.get("type") != "null"]
                    if variants:
                        schema.update(variants[0])
        if conditional:
            for method in ("get", "patch"):
                answer = operations.get(method, {}).get("responses", {}).get("200")
                if answer is not None:
                    answer.setdefault("headers", {})["ETag"] = ETAG_HEADER


def etag(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag(version)


# One entity tag of a list (RFC 9110 §8.8.3): an optional weak marker, then a quoted string
# of visible characters other than the double quote; tags are separated by commas.
_ENTITY_TAG = re.compile(r'\s*(W/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)')


def entity_tags(field: str) -> list[tuple[bool, str]] | None:
    """The (weak, opaque tag) pairs of an If-Match list, or None when it is not one."""
    tags: list[tuple[bool, str]] = []
    position = 0
    while position < len(field):
        match = _ENTITY_TAG.match(field, position)
        if match is None or match.end() == position:
            return None
        tags.append((match.group(1) is not None, match.group(2)))
        position = match.end()
    return tags or None


def check_if_match(if_match: str | None, version: int) -> None:
    """The update goes ahead only when If-Match names, by strong comparison (RFC 9110
    §13.1.1), the version the record is at.

    ``*`` would match any existing record, so it protects nothing against a lost update: it
    is treated as no precondition at all (428, RFC 6585). A weak tag never matches strongly
    (412), nor does anything that is not an entity tag."""
    if if_match is None or if_match.strip() == "*":
        raise PreconditionRequired(
            "Send the record's ETag in If-Match, so that you do not overwrite a change you "
            "have not seen"
            + (" (If-Match: * names no version and is not accepted here)." if if_match else ".")
        )
    tags = entity_tags(if_match)
    if tags is None:
        raise PreconditionFailed(
            "If-Match must hold the entity tag you read, in double quotes as the ETag header "
            f"gave it (such as {etag(version)!s})."
        )
    current = etag(version)[1:-1]
    if any(not weak and tag == current for weak, tag in tags):
        return
    if any(weak and tag == current for weak, tag in tags):
        raise PreconditionFailed(
            "If-Match compares entity tags strongly; a weak tag (W/...) never matches. Send "
            f"the ETag as this server gave it: {etag(version)}."
        )
    if all(weak for weak, _ in tags):
        raise PreconditionFailed(
            "If-Match compares entity tags strongly; a weak tag (W/...) never matches. Read "
            "the record again and send its ETag."
        )
    raise PreconditionFailed(
        f"The record is at version {version}; read it again and reapply your change."
    )


def apply_patch(obj: object, patch: BaseModel, nullable: frozenset[str]) -> dict[str, Any]:
    """Set the fields the client sent; refuses ``null`` for fields that cannot be empty.

    Returns the fields and values that were sent."""
    sent = patch.model_dump(exclude_unset=True)
    bad = [k for k, v in sent.items() if v is None and k not in nullable]
    if bad:
        raise ValidationFailed(
            "Some fields cannot be set to null.",
            errors=[FieldProblem(field=f"body.{k}", message="cannot be null") for k in bad],
        )
    for key, value in sent.items():
        setattr(obj, key, value)
    return sent


Row = TypeVar("Row")


async def lock_rows(session: AsyncSession, model: type[Row], ids: Sequence[Any]) -> dict[Any, Row]:
    """Lock these rows of ``model`` (by ``id``) until the transaction ends, and read them as
    they are now: committed by anyone before the lock was granted, so a concurrent writer's
    change is seen, not overwritten. PostgreSQL locks the rows, in id order (two writers
    never wait for each other crosswise); SQLite has one lock for all writers, taken at the
    first write, so a write that changes nothing takes it. Rows gone meanwhile are missing."""
    column: Any = getattr(model, "id")  # noqa: B009 - every model here has one
    connection = await session.connection()
    read: Any = (
        select(model)
        .where(column.in_(ids))
        .order_by(column)
        .execution_options(populate_existing=True)
    )
    if connection.dialect.name == "sqlite":
        await session.execute(update(model).where(column.in_(ids)).values(id=column))
    else:
        read = read.with_for_update()
    return {row.id: row for row in await session.scalars(read)}
