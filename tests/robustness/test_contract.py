"""What the spec states is what the code uses: the enums and required headers that the
conformance gate (test_fuzz_openapi.py) relies on, checked directly so that a regression
names its cause."""

from __future__ import annotations

from typing import Any, get_args

from gwella.responses.items import RefusalCode


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, operations in spec["paths"].items()
        for method, op in operations.items()
        if isinstance(op, dict) and "responses" in op
    ]


def test_item_error_codes_are_the_codes_items_are_refused_with(app: Any) -> None:
    code = app.openapi()["components"]["schemas"]["ItemError"]["properties"]["code"]
    assert set(code["enum"]) == set(get_args(RefusalCode))


def test_if_match_is_required_wherever_its_absence_is_428(app: Any) -> None:
    for path, method, op in _operations(app.openapi()):
        if_match = [p for p in op.get("parameters", []) if p["name"] == "If-Match"]
        if "428" in op["responses"]:
            assert if_match, (method, path)
            assert if_match[0]["required"] is True, (method, path)
            assert "ETag" in op["responses"]["200"]["headers"], (method, path)
        elif if_match:
            assert not if_match[0].get("required"), (method, path)


def test_every_sort_parameter_lists_its_values(app: Any) -> None:
    sorts = 0
    for path, method, op in _operations(app.openapi()):
        for parameter in op.get("parameters", []):
            if parameter["name"] == "sort" and parameter["in"] == "query":
                sorts += 1
                schema = parameter["schema"]
                assert schema["enum"], (method, path)
                assert schema["default"] in schema["enum"], (method, path)
                assert all(f"-{v}" in schema["enum"] for v in schema["enum"] if v[0] != "-")
    assert sorts >= 20
