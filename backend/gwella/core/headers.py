"""Response headers as the OpenAPI document declares them, for routes that send them."""

from __future__ import annotations

from typing import Any

from gwella.core.concurrency import ETAG_HEADER

LOCATION_HEADER = {
    "description": "The address of the record just created",
    "required": True,
    "schema": {"type": "string", "format": "uri-reference"},
}


def created(*, etag: bool = True) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entry of a route that answers 201 with the new record's
    ``Location`` (and, unless told otherwise, its ``ETag``)."""
    headers = {"Location": LOCATION_HEADER, **({"ETag": ETAG_HEADER} if etag else {})}
    return {201: {"description": "Created", "headers": headers}}
