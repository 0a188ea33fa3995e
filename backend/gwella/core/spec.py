"""Shaping the generated OpenAPI document so that client generators read it as meant."""

from __future__ import annotations

import json
from typing import Any

_SCHEMA_REF = "#/components/schemas/"


def _refs(node: Any, schemas: dict[str, Any], found: set[str]) -> None:
    """Add to ``found`` every component schema that ``node`` refers to, transitively."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_SCHEMA_REF):
            name = ref.removeprefix(_SCHEMA_REF)
            if name not in found and name in schemas:
                found.add(name)
                _refs(schemas[name], schemas, found)
        for value in node.values():
            _refs(value, schemas, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, schemas, found)


def input_schemas(spec: dict[str, Any]) -> set[str]:
    """The component schemas a client sends: those request bodies refer to."""
    schemas = spec.get("components", {}).get("schemas", {})
    found: set[str] = set()
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "requestBody" in operation:
                _refs(operation["requestBody"], schemas, found)
    return found


def leave_defaults_optional(spec: dict[str, Any]) -> list[str]:
    """In what clients send, an optional field with a default stays optional in every
    generator: its ``default`` keyword is told in its description instead.

    openapi-typescript (by default) makes a property with a ``default`` required, right for
    what a server answers but wrong for what a client sends: a minimal ingest item would not
    compile. The server fills the default in when the field is left out, as the description
    says. Returns ``schema.property`` for each default moved."""
    schemas = spec.get("components", {}).get("schemas", {})
    moved: list[str] = []
    for name in sorted(input_schemas(spec)):
        schema = schemas[name]
        required = set(schema.get("required", []))
        for prop, sub in schema.get("properties", {}).items():
            if prop in required or not isinstance(sub, dict) or "default" not in sub:
                continue
            default = sub.pop("default")
            note = f"Default: `{json.dumps(default, ensure_ascii=False)}`."
            sub["description"] = (
                f"{sub['description'].rstrip()} {note}" if sub.get("description") else note
            )
            moved.append(f"{name}.{prop}")
    return moved


NO_NUL = "^[^\\u0000]*$"
"""Text without a NUL character, read alike by Python ``re``, ECMAScript and Rust ``regex``."""

_SUBSCHEMA_KEYS = ("items", "additionalProperties", "contains", "if", "then", "else")
_SUBSCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")


def _exclude_nul(node: Any, schemas: dict[str, Any], seen: set[str]) -> None:
    """Give each free string schema under ``node`` (no pattern, format or enum of its own)
    the NUL-free pattern; follows component references once each. A ``not`` is left alone:
    a pattern inside it would mean the opposite."""
    if not isinstance(node, dict):
        return
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(_SCHEMA_REF):
        name = ref.removeprefix(_SCHEMA_REF)
        if name not in seen and name in schemas:
            seen.add(name)
            _exclude_nul(schemas[name], schemas, seen)
    kind = node.get("type")
    is_string = kind == "string" or (isinstance(kind, list) and "string" in kind)
    if is_string and not {"pattern", "format", "enum", "const"} & node.keys():
        node["pattern"] = NO_NUL
    if node.get("additionalProperties", False) is not False:  # a map's keys are text too
        names = node.setdefault("propertyNames", {})
        if isinstance(names, dict) and not {"pattern", "format", "enum", "const"} & names.keys():
            names["pattern"] = NO_NUL
    for key in _SUBSCHEMA_KEYS:
        _exclude_nul(node.get(key), schemas, seen)
    for key in _SUBSCHEMA_LISTS:
        for sub in node.get(key) or ():
            _exclude_nul(sub, schemas, seen)
    for sub in (node.get("properties") or {}).values():
        _exclude_nul(sub, schemas, seen)


def exclude_nul_from_json_bodies(spec: dict[str, Any]) -> None:
    """State the rule every JSON request body is held to (``core.schemas.ApiModel``): no text
    in it holds a NUL character, which PostgreSQL cannot store. Each string with no pattern,
    format or enum of its own gets :data:`NO_NUL`; values the API takes in any JSON form
    cannot carry a pattern and are still refused by the server alone."""
    schemas = spec.get("components", {}).get("schemas", {})
    seen: set[str] = set()
    for path, operations in spec.get("paths", {}).items():
        if not path.startswith("/api/"):
            continue  # FHIR bodies are read by fhir.resources, not ApiModel
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            content = operation.get("requestBody", {}).get("content", {})
            _exclude_nul(content.get("application/json", {}).get("schema"), schemas, seen)
