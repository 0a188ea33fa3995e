"""Building blocks shared by the API schemas of every domain."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    ModelWrapValidatorHandler,
    Strict,
    StringConstraints,
    model_validator,
)

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
LongText = Annotated[str, StringConstraints(max_length=5000)]
Code = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$"
    ),
]
CodeScheme = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_lower=True,
        min_length=1,
        max_length=32,
        pattern=r"^[A-Za-z0-9_-]+$",
    ),
]

# A boolean in a JSON request: true or false only. Pydantic's lax mode would also take 0/1 and
# "true"/"yes", which the spec's `type: boolean` does not allow (the ingest items, which CSV
# imports validate from text cells, keep plain bool).
Flag = Annotated[bool, Strict()]


_NUL_CHECKED: ContextVar[bool] = ContextVar("nul_checked", default=False)


def _has_nul(value: Any) -> bool:
    # Fast path for large bodies: ``repr`` (in C) shows every NUL of every string inside as
    # ``\x00``; only when that text appears (a NUL, or a literal backslash-x-0-0) is the
    # value walked to be sure.
    if isinstance(value, (dict, list)) and "\\x00" not in repr(value):
        return False
    return _walk_has_nul(value)


def _walk_has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_walk_has_nul(k) or _walk_has_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_walk_has_nul(v) for v in value)
    return False


class ApiModel(BaseModel):
    """Request bodies: unknown fields are an error, not silently dropped, and no text may
    hold a NUL character (PostgreSQL cannot store one, and no person types one). No number
    may be Infinity or NaN (Python's JSON reader takes ``NaN``, ``Infinity`` and ``1e999``)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    @model_validator(mode="wrap")
    @classmethod
    def _no_nul(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        # The outermost request model checks its whole input once; the models nested in it
        # validate parts of that same input, so they skip the walk (it was quadratic in the
        # depth of the body, and the bulk endpoints' bodies are large).
        if _NUL_CHECKED.get():
            return handler(data)
        if _has_nul(data):
            raise ValueError("text must not contain NUL characters")
        token = _NUL_CHECKED.set(True)
        try:
            return handler(data)
        finally:
            _NUL_CHECKED.reset(token)


class OutputModel(BaseModel):
    """Answers the service builds itself (never parsed from a request): the same closed
    schema as :class:`ApiModel` without its NUL walk, which on large answers such as a
    campaign's results cost more than building them. A float that is Infinity or NaN is
    refused when the answer is built (JSON has neither: see :mod:`gwella.core.finite`)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class ReadModel(BaseModel):
    """Records as the API shows them; as :class:`OutputModel`, never with Infinity or NaN."""

    model_config = ConfigDict(from_attributes=True, allow_inf_nan=False)
