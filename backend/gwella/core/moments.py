"""Times and positions that come in from outside, checked before any of them reaches a query.

Anything a client sends that ends up in SQL must fit what the database holds: a date-time
that leaves the calendar once moved to UTC (``9999-12-31T23:59:59-12:00`` is in year 10000
there) makes Python's ``astimezone`` overflow, and an integer past 64 bits makes the driver
fail; both were 500s. Here they are refused as ordinary bad input.

Date-time query parameters are RFC 3339 text with an offset, as the spec says (pydantic's
lax mode would also read a bare number such as ``0.5`` as a Unix time): :data:`QueryInstant`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

LARGEST_MARK = (1 << 63) - 1
"""The largest number a cursor may carry: a signed 64-bit integer (PostgreSQL's bigint)."""

RFC3339_FORM = "an RFC 3339 date-time with its offset, such as 2026-01-31T09:00:00Z"

_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")


def is_mark(value: Any) -> bool:
    """A whole number (not a boolean, not a float) from 0 to :data:`LARGEST_MARK`."""
    return type(value) is int and 0 <= value <= LARGEST_MARK


def in_utc(value: datetime) -> datetime:
    """``value`` moved to UTC; ValueError when it has no offset or leaves the calendar."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("give the time's offset (Z or +hh:mm)")
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError("outside the calendar (years 1 to 9999) in UTC") from None


def parse_instant(text: str) -> datetime:
    """An RFC 3339 date-time, in UTC; ValueError for anything else or out of range."""
    if not _RFC3339.match(text):
        raise ValueError(f"not {RFC3339_FORM}")
    # Python reads at most microseconds; finer digits are cut, not rounded.
    head, dot, rest = text.partition(".")
    if dot:
        digits = re.match(r"\d+", rest)
        assert digits is not None
        text = f"{head}.{digits[0][:6]}{rest[len(digits[0]) :]}"
    try:
        parsed = datetime.fromisoformat(text.replace("z", "Z").replace("t", "T"))
    except ValueError:
        raise ValueError(f"not {RFC3339_FORM}") from None
    return in_utc(parsed)


def _query_instant(value: Any) -> datetime:
    if isinstance(value, datetime):  # a default, or a caller in Python
        return in_utc(value)
    if not isinstance(value, str):
        raise ValueError(f"not {RFC3339_FORM}")
    return parse_instant(value)


QueryInstant = Annotated[
    datetime,
    BeforeValidator(_query_instant),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
"""A date-time query parameter: RFC 3339 text with an offset, within the calendar in UTC;
given to the route in UTC."""
