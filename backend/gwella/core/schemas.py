"""Building blocks shared by the API schemas of every domain."""

from __future__ import annotations

import re
from contextvars import ContextVar
from datetime import date, datetime
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ModelWrapValidatorHandler,
    NaiveDatetime,
    Strict,
    StringConstraints,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

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

# JSON gives each field the type the spec states: a number (never true/false or "1.5"), a
# whole number (2.0 counts, as JSON Schema says; never 2.5 or "2"), a date or date-time as
# text (never a Unix time), true or false (never 0/1 or "yes"). FastAPI validates a decoded
# body in pydantic's lax Python mode, which would take all of those, so ApiModel gives each
# such field a check of the JSON type first (ApiModel.__pydantic_init_subclass__). A CSV cell
# is text: the file import validates with ``context=FROM_CELLS``, where pydantic's usual
# reading of text applies. Values made by Gwella's own code (a Decimal from the database, a
# date object) pass.
FROM_CELLS = {"cells": True}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _cells(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("cells"))


def _json_number(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, bool | str) and not _cells(info):
        raise PydanticCustomError("float_type", "Input should be a number")
    return value


def _json_integer(value: Any, info: ValidationInfo) -> Any:
    # JSON Schema counts 14.0 as an integer (a number whose fraction is zero); 14.5 is not.
    if _cells(info) or (isinstance(value, float) and value.is_integer()):
        return value
    if isinstance(value, bool | str | float):
        raise PydanticCustomError("int_type", "Input should be a whole number")
    return value


def _json_date(value: Any, info: ValidationInfo) -> Any:
    if (
        isinstance(value, bool | int | float)
        or (isinstance(value, str) and not _ISO_DATE.fullmatch(value))
    ) and not _cells(info):
        raise PydanticCustomError("date_type", "Input should be a date as YYYY-MM-DD")
    return value


def _json_datetime(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, bool | int | float) and not _cells(info):
        raise PydanticCustomError(
            "datetime_type", "Input should be a date and time as RFC 3339 text"
        )
    return value


def _json_bool(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, int | str | float) and not isinstance(value, bool) and not _cells(info):
        raise PydanticCustomError("bool_type", "Input should be true or false")
    return value


_DATETIMES: tuple[Any, ...] = (datetime, AwareDatetime, NaiveDatetime)
_JSON_CHECKS = {_json_number, _json_integer, _json_date, _json_datetime, _json_bool}


def _json_check(annotation: Any) -> Any:
    """The JSON type check for a field of this annotation (optional or not), if any."""
    if get_origin(annotation) in (Union, UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        if len(members) != 1:
            return None
        annotation = members[0]
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if annotation is bool:
        return _json_bool
    if annotation is int:
        return _json_integer
    if annotation is float:
        return _json_number
    if annotation in _DATETIMES:
        return _json_datetime
    if annotation is date:
        return _json_date
    return None


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

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        # Each number, whole number, date, date-time and true/false field takes only its JSON
        # type (see _json_check); the check goes after the field's own constraints, so the
        # spec still states them.
        super().__pydantic_init_subclass__(**kwargs)
        changed = False
        for field in cls.model_fields.values():
            check = _json_check(field.annotation)
            had = {getattr(m, "func", None) for m in field.metadata}
            if check is not None and not had & _JSON_CHECKS:
                field.metadata.append(BeforeValidator(check))
                changed = True
        if changed:
            cls.model_rebuild(force=True, raise_errors=False)

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
