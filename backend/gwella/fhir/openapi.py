"""How the FHIR routes are told in the OpenAPI spec, in a shape client generators handle.

Every FHIR answer is declared as ``application/fhir+json`` (listed first: what the server
answers by default) and ``application/json`` (what it answers when ``Accept`` or ``_format``
asks for plain JSON), both with a named schema per resource type; request bodies as
``application/fhir+json`` only (see :func:`body`), though the server takes both. A
``+json`` media type is JSON to openapi-python-client and openapi-typescript alike, so the
generated code decodes the answer as JSON and gives it a type; the legacy
``application/json+fhir`` is still taken on input but not declared, since generators do not
know it as JSON.

The answers' schemas name the elements a partner needs and leave the rest open
(``additionalProperties``): the resources themselves are built and checked by
``fhir.resources``. A push's request schemas are Gwella's profile of R4, every element named
and closed (``FhirQuestionnaireResponsePush``, ``FhirBundlePush``: fhir.push), since the
server holds a push to exactly that.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from gwella.fhir.datatypes import ACCEPTED_STATUSES
from gwella.fhir.outcome import FHIR_JSON, status_line
from gwella.fhir.push import FhirBundlePush, FhirQuestionnaireResponsePush

DECLARED_TYPES = (FHIR_JSON, "application/json")


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _resource(resource_type: str, description: str, **properties: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "title": f"Fhir{resource_type}",
        "description": description,
        "properties": {
            "resourceType": {"type": "string", "const": resource_type},
            "id": {"type": "string"},
            "meta": {"type": "object", "additionalProperties": True},
            **properties,
        },
        "required": ["resourceType"],
        "additionalProperties": True,
    }


_OPEN = {"type": "object", "additionalProperties": True}
_STRING = {"type": "string"}

SCHEMAS: dict[str, dict[str, Any]] = {
    "FhirCapabilityStatement": _resource(
        "CapabilityStatement",
        "A FHIR R4 CapabilityStatement",
        fhirVersion=_STRING,
        rest={"type": "array", "items": _OPEN},
    ),
    "FhirQuestionnaire": _resource(
        "Questionnaire",
        "A FHIR R4 Questionnaire: a published instrument version",
        url={
            "type": "string",
            "description": "The canonical url, one per instrument: a QuestionnaireResponse "
            "names this version as `url|version`",
        },
        version={"type": "string", "description": "This published version's number"},
        status=_STRING,
        item={"type": "array", "items": _OPEN},
    ),
    "FhirQuestionnaireResponse": {
        **_resource(
            "QuestionnaireResponse",
            "A FHIR R4 QuestionnaireResponse (see `GET /fhir/r4/metadata` for the mapping)",
            identifier=_OPEN,
            questionnaire={
                "type": "string",
                "minLength": 1,
                "description": "The Questionnaire's `url|version`; the `url` alone when exactly "
                "one version of it takes your organisation's pushes",
            },
            status={
                "type": "string",
                "enum": list(ACCEPTED_STATUSES),
                "description": "Only finished answers are taken, and shown",
            },
            subject={
                **_OPEN,
                "description": "The service: `reference` `HealthcareService/{id}`, or an "
                "`identifier` whose `value` is the service's code in your organisation",
            },
            authored={
                "type": "string",
                "format": "date-time",
                "description": "When the answers were given: a full date and time with its "
                "time zone",
            },
            source=_OPEN,
            language=_STRING,
            extension={"type": "array", "items": _OPEN},
            item={"type": "array", "items": _OPEN},
        ),
        # What the server needs to store one, and always shows; `identifier` (your system's
        # id, needed to push) is absent from responses not pushed by a partner.
        "required": ["resourceType", "status", "questionnaire", "subject", "authored"],
    },
    "FhirBundle": {
        **_resource(
            "Bundle",
            "A FHIR R4 Bundle",
            type={
                "type": "string",
                "enum": [
                    "batch",
                    "transaction",
                    "batch-response",
                    "transaction-response",
                    "searchset",
                    "collection",
                    "document",
                    "message",
                    "history",
                ],
            },
            total={"type": "integer"},
            link={"type": "array", "items": _OPEN},
            entry={"type": "array", "items": _OPEN},
        ),
        "required": ["resourceType", "type"],
    },
    "FhirOperationOutcome": {
        **_resource(
            "OperationOutcome",
            "Why a FHIR request was refused: one issue per problem, each with a FHIRPath "
            "`expression` where it points at an element",
            issue={"type": "array", "items": _OPEN},
        ),
        "required": ["resourceType", "issue"],
    },
}


def resource(schema: str, description: str) -> dict[str, Any]:
    """An OpenAPI response whose body is the named FHIR resource."""
    return {
        "description": description,
        "content": {media: {"schema": _ref(schema)} for media in DECLARED_TYPES},
    }


def outcomes(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=``: each refusal status is an OperationOutcome."""
    return {
        status: resource(
            "FhirOperationOutcome", f"Refused ({status_line(status)}): an OperationOutcome"
        )
        for status in statuses
    }


def body(schema: str, description: str) -> dict[str, Any]:
    """``openapi_extra=`` for a route whose body is the named FHIR resource.

    Declared in one media type only: openapi-python-client 0.29 writes a request body in
    several media types as a function that does not import (``Unset`` undefined). The server
    takes ``application/json`` and ``application/json+fhir`` as well, as the description says.
    """
    return {
        "requestBody": {
            "required": True,
            "description": f"{description}, as {FHIR_JSON} (application/json and "
            "application/json+fhir are taken too).",
            "content": {FHIR_JSON: {"schema": _ref(schema)}},
        }
    }


def _push_schemas() -> dict[str, dict[str, Any]]:
    """The push profile's request schemas (fhir.push), each element a named component."""
    _, top = models_json_schema(
        [(FhirQuestionnaireResponsePush, "validation"), (FhirBundlePush, "validation")],
        ref_template="#/components/schemas/{model}",
    )
    return dict(top["$defs"])


def add_schemas(spec: dict[str, Any]) -> None:
    """Put the FHIR resource schemas that the routes refer to into the spec's components."""
    components = spec.setdefault("components", {}).setdefault("schemas", {})
    components.update(SCHEMAS)
    components.update(_push_schemas())
