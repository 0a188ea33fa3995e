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
