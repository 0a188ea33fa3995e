"""No answer of the API carries Infinity or NaN (issue 15): every response model that has a
number refuses them when it is built, so a regression is an error in a test (and a logged
500), never a page a browser cannot read."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from gwella.main import create_app
from tests.conftest import make_settings
from tests.factories import api_routes


def _models(annotation: Any, seen: set[type[BaseModel]]) -> None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return
        seen.add(annotation)
        for field in annotation.model_fields.values():
            _models(field.annotation, seen)
        return
    for arg in typing.get_args(annotation):
        _models(arg, seen)


def _has_float(model: type[BaseModel]) -> bool:
    def floats(annotation: Any) -> bool:
        if annotation is float:
            return True
        if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
            return any(floats(a) for a in typing.get_args(annotation))
        return False

    return any(floats(f.annotation) for f in model.model_fields.values())


# Questions are read back from stored instrument versions as they were saved: refusing a
# non-finite bound there would make an old version unreadable. New bounds are refused when
# saved (validate_content: from -1e15 to 1e15), and pydantic writes a non-finite float of
# these models as null, which is still JSON.
STORED_AS_SAVED = {"Question", "PublicQuestion"}


def test_every_response_model_with_a_number_refuses_infinity_and_nan() -> None:
    app = create_app(make_settings("sqlite+aiosqlite:///:memory:"))
    seen: set[type[BaseModel]] = set()
    for route in api_routes(app):
        model = getattr(route.route, "response_model", None)
        if model is None:
            model = getattr(getattr(route.route, "original_route", None), "response_model", None)
        _models(model, seen)
    with_numbers = [m for m in seen if _has_float(m)]
    assert len(with_numbers) > 5, "the walk found the models with numbers"
    lenient = sorted(
        m.__name__
        for m in with_numbers
        if m.model_config.get("allow_inf_nan", True) and m.__name__ not in STORED_AS_SAVED
    )
    assert lenient == [], f"these answers could carry Infinity or NaN: {lenient}"
