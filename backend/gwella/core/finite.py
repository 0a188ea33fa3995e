"""Numbers in and out: what Gwella accepts, and JSON that never carries a non-number.

JSON has no Infinity or NaN: a browser's ``JSON.parse`` refuses a whole answer that holds
one. So numbers coming in are bounded (:data:`LARGEST`), and answers going out refuse a
non-finite number instead of writing it (:func:`json_bytes`, and ``allow_inf_nan=False`` on
the API's models in :mod:`gwella.core.schemas`): a regression is an error in the tests and
the logs, never a page that silently stops working.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic_core import to_json

LARGEST = 1e15
"""The largest size of a number people and systems send: an answer to a number question, a
question's minimum or maximum, a measurement. Every whole number up to it is exact in a
double, and the sum of two thousand million of them is still finite, so no count, sum or
mean built from them overflows."""

WITHIN = "a number from -1e15 to 1e15"
"""What a refusal says."""


def is_bounded(value: float) -> bool:
    return math.isfinite(value) and -LARGEST <= value <= LARGEST


class NonFiniteNumber(ValueError):
    """An answer about to leave with Infinity or NaN in it: a bug upstream."""


def json_bytes(value: Any) -> bytes:
    """``value`` as JSON (pydantic-core's encoder), refusing Infinity and NaN.

    pydantic-core writes them as the bare words ``Infinity`` and ``NaN`` (not JSON) unless
    told otherwise; written once more with them as ``null``, the two texts are the same
    exactly when there is none. The second writing happens only when one of those words
    appears at all (in a text, say), so it costs nothing on ordinary answers."""
    body = to_json(value, inf_nan_mode="constants")
    if (b"Infinity" in body or b"NaN" in body) and body != to_json(value, inf_nan_mode="null"):
        raise NonFiniteNumber("refusing to write Infinity or NaN into JSON")
    return body
