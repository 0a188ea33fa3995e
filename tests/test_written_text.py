"""Text that must be written in English or Welsh: the spec states the same rule the server
enforces (indicator names, annotation text, a question's text), so a client can check it
before sending and the conformance gate sees no disagreement."""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest
from pydantic import ValidationError

from gwella.core.text import WrittenText
from gwella.main import create_app
from tests.conftest import make_settings

CASES: list[tuple[dict[str, Any], bool]] = [
    ({}, False),
    ({"en": ""}, False),
    ({"en": None, "cy": None}, False),
    ({"en": " \t\n", "cy": "\u3000"}, False),
    ({"en": "Involved"}, True),
    ({"cy": "Cynnwys", "en": ""}, True),
    ({"en": "  x  ", "cy": None}, True),
    ({"en": "\x1c\x85\u200a"}, False),
    ({"cy": "\u200b"}, True),
]


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return create_app(make_settings("sqlite+aiosqlite:///:memory:")).openapi()


@pytest.mark.parametrize(("text", "written"), CASES)
def test_spec_and_server_agree_on_what_is_written(
    spec: dict[str, Any], text: dict[str, Any], written: bool
) -> None:
    schema = {**spec["components"]["schemas"]["WrittenText"], "components": spec["components"]}
    assert jsonschema_rs.Draft202012Validator(schema).is_valid(text) is written
    try:
        WrittenText.model_validate(text)
        accepted = True
    except ValidationError:
        accepted = False
    assert accepted is written


def test_every_text_that_must_be_written_says_so_in_the_spec(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    written = {"$ref": "#/components/schemas/WrittenText"}
    assert schemas["IndicatorCreate"]["properties"]["name"] == written
    assert schemas["AnnotationCreate"]["properties"]["text"] == written
    assert schemas["Question"]["properties"]["text"]["$ref"] == written["$ref"]
