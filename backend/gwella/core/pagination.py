"""Cursor (keyset) pagination shared by every list endpoint.

A cursor is opaque to clients: base64url JSON of the sort it was made for and the last
row's sort value and id. Keyset paging stays fast at any depth and never skips or repeats a
row when rows are added between pages.
"""

import base64
import binascii
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field
from sqlalchemy import Select, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute
from starlette.requests import Request

from gwella.core.errors import FieldProblem, InvalidCursor, ValidationFailed
from gwella.core.finite import is_bounded
from gwella.core.moments import LARGEST_MARK, in_utc

T = TypeVar("T")
M = TypeVar("M")

MAX_LIMIT = 200
DEFAULT_LIMIT = 50


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page"
    )
    next: str | None = Field(description="The full URL of the next page; null on the last page")


@dataclass(frozen=True)
class PageParams:
    limit: int
    cursor: str | None
    sort: str


def page_params(default_sort: str, allowed: Sequence[str]) -> Any:
    """A dependency reading ``limit``, ``cursor`` and ``sort`` (``field`` or ``-field``)."""
    choices = sorted({*allowed, *(f"-{a}" for a in allowed)})
    description = "Sort field, `-` prefix for descending. One of: " + ", ".join(choices)

    # ``async`` although it awaits nothing: FastAPI runs a plain ``def`` dependency in a
    # thread pool, a thread hand-off on every list request.
    async def dependency(
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")] = DEFAULT_LIMIT,
        cursor: Annotated[
            str | None, Query(max_length=512, description="Opaque cursor from `next_cursor`")
        ] = None,
        sort: Annotated[
            str,
            Query(
                description=description,
                max_length=64,
                json_schema_extra={"enum": choices},  # checked below, with its own message
            ),
        ] = default_sort,
    ) -> PageParams:
        if sort not in choices:
            raise ValidationFailed(
                f"Cannot sort by {sort!r}.",
                errors=[FieldProblem(field="query.sort", message="one of " + ", ".join(choices))],
            )
        return PageParams(limit=limit, cursor=cursor, sort=sort)

    return dependency


def _encode(sort: str, value: Any, row_id: uuid.UUID) -> str:
    if isinstance(value, (datetime, date)):
        value = value.isoformat()
    elif isinstance(value, uuid.UUID):
        value = str(value)
    raw = json.dumps({"s": sort, "v": value, "id": str(row_id)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str, sort: str, python_type: type[Any]) -> tuple[Any, uuid.UUID]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if data["s"] != sort:
            raise InvalidCursor("This cursor was made for another sort order; start again.")
        value = data["v"]
        if python_type in (datetime, date, uuid.UUID, str):
            if not isinstance(value, str):
                raise TypeError("expected text")
            if "\x00" in value:
                raise ValueError("a NUL character")
            if python_type is datetime:
                # Within the calendar once in UTC, as stored (else the driver overflows).
                value = in_utc(datetime.fromisoformat(value))
            elif python_type is date:
                value = date.fromisoformat(value)
            elif python_type is uuid.UUID:
                value = uuid.UUID(value)
        elif python_type is int and not (
            type(value) is int and -LARGEST_MARK <= value <= LARGEST_MARK
        ):
            raise TypeError("expected a 64-bit whole number")
        elif python_type is float and (
            isinstance(value, bool) or not isinstance(value, (int, float)) or not is_bounded(value)
        ):
            raise TypeError("expected a number")
        if not isinstance(data["id"], str):
            raise TypeError("expected an id")
        return value, uuid.UUID(data["id"])
    except InvalidCursor:
        raise
    except (ValueError, KeyError, TypeError, binascii.Error, json.JSONDecodeError) as exc:
        raise InvalidCursor("The cursor is not one this server issued.") from exc


async def paginate(
    session: AsyncSession,
    stmt: Select[M],
    params: PageParams,
    sortable: dict[str, InstrumentedAttribute[Any]],
    id_column: InstrumentedAttribute[uuid.UUID],
) -> tuple[list[M], str | None]:
    """Run ``stmt`` one page at a time; returns the rows and the next cursor."""
    descending = params.sort.startswith("-")
    column = sortable[params.sort.lstrip("-")]
    if params.cursor:
        value, last_id = _decode(params.cursor, params.sort, column.type.python_type)
        if descending:
            stmt = stmt.where(or_(column < value, and_(column == value, id_column < last_id)))
        else:
            stmt = stmt.where(or_(column > value, and_(column == value, id_column > last_id)))
    order = (column.desc(), id_column.desc()) if descending else (column.asc(), id_column.asc())
    rows = list((await session.scalars(stmt.order_by(*order).limit(params.limit + 1))).all())
    if len(rows) <= params.limit:
        return rows, None
    rows = rows[: params.limit]
    last = rows[-1]
    return rows, _encode(params.sort, getattr(last, column.key), getattr(last, id_column.key))


def next_link(request: Request, next_cursor: str | None) -> str | None:
    if next_cursor is None:
        return None
    return str(request.url.include_query_params(cursor=next_cursor))
