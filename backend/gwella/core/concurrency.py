"""ETags and If-Match: optimistic concurrency for every PATCH."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Header
from pydantic import BaseModel
from starlette.responses import Response

from gwella.core.errors import (
    FieldProblem,
    PreconditionFailed,
    PreconditionRequired,
    ValidationFailed,
)

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description="The ETag you read (required: a stale one gets 412, a missing one 428)",
    ),
]


def etag(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag(version)


def check_if_match(if_match: str | None, version: int) -> None:
    if if_match is None:
        raise PreconditionRequired(
            "Send the record's ETag in If-Match, so that you do not overwrite a change you "
            "have not seen."
        )
    tags = [t.strip().removeprefix("W/") for t in if_match.split(",")]
    if "*" in tags or etag(version) in tags:
        return
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
