"""The FHIR R4 CapabilityStatement: what the endpoint supports, and the mapping told to partner
systems. No database, no HTTP.
"""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.capabilitystatement import CapabilityStatement

from gwella.fhir.datatypes import (
    EXT_CAMPAIGN,
    EXT_CONSENT,
    FHIR_VERSION,
    SERVICE_SYSTEM,
    TRANSLATION,
    fhir_base,
)
from gwella.fhir.search import IDENTIFIER_SYSTEM


def capability_statement(public_url: str, software_version: str) -> dict[str, Any]:
    base = fhir_base(public_url)
    documentation = (
        "Gwella's FHIR R4 endpoint for partner systems. Published instrument versions are "
        "Questionnaires: id = the version's id; canonical url = "
        f"{public_url.rstrip('/')}/fhir/Questionnaire/{{instrument id}}; version = the version "
        "number; group items (linkId section-{key}) for sections; Welsh (and any other "
        f"language) in the {TRANSLATION} extension. Survey responses are pushed as "
        "QuestionnaireResponses by API clients with the responses:write scope, one by one or "
        "in a batch (best effort) or transaction (all or nothing) Bundle, and each is checked "
        "exactly as a web response is. questionnaire = url|version or Questionnaire/{id}; "
        "subject = the service (HealthcareService/{id}, or identifier.value = its code in your "
        f"organisation, system {SERVICE_SYSTEM}); authored = when it was answered (within the "
        "campaign's window); identifier.value = your id for it: the same content again is "
        "ignored (200), changed content updates the stored response (200), a new identifier is "
        "created (201); language = en or cy; source.identifier.value = the respondent's "
        "reference (pseudonymous campaigns keep only a keyed hash; identified campaigns need "
        f"the {EXT_CONSENT} extension, valueBoolean true). When several of your campaigns run "
        f"the same version in that service at that time, name one with {EXT_CAMPAIGN} "
        '(valueString, its id). "Don\'t know" is the coding dont_know. Errors are '
        "OperationOutcomes whose expression points at the item (linkId)."
    )
    data = {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": "2026-11-26",
        "publisher": "Gwella",
        "kind": "instance",
        "software": {"name": "Gwella", "version": software_version},
        "implementation": {"description": "Gwella FHIR R4 endpoint", "url": base},
        "fhirVersion": FHIR_VERSION,
        "format": ["application/fhir+json", "json"],
        "rest": [
            {
                "mode": "server",
                "documentation": documentation,
                "security": {
                    "service": [
                        {
                            "coding": [
                                {
                                    "system": "http://terminology.hl7.org/CodeSystem/restful-security-service",
                                    "code": "OAuth",
                                }
                            ]
                        }
                    ],
                    "description": "Bearer tokens from POST /api/v1/auth/token: people, or API "
                    "clients (client_credentials). Reading Questionnaires needs the read scope; "
                    "pushing responses needs responses:write, searching them "
                    "responses:read.",
                },
                "resource": [
                    {
                        "type": "Questionnaire",
                        "profile": "http://hl7.org/fhir/StructureDefinition/Questionnaire",
                        "interaction": [{"code": "read"}, {"code": "search-type"}],
                        "versioning": "no-version",
                        "readHistory": False,
                        "searchParam": [
                            {
                                "name": "url",
                                "type": "uri",
                                "documentation": "The canonical url (url|version also works)",
                            },
                            {
                                "name": "version",
                                "type": "token",
                                "documentation": "The version number",
                            },
                            {
                                "name": "_count",
                                "type": "number",
                                "documentation": "Page size, up to 200",
                            },
                        ],
                    },
                    {
                        "type": "QuestionnaireResponse",
                        "profile": "http://hl7.org/fhir/StructureDefinition/QuestionnaireResponse",
                        "interaction": [
                            {"code": "create"},
                            {"code": "read"},
                            {"code": "search-type"},
                        ],
                        "versioning": "no-version",
                        "conditionalCreate": False,
                        "documentation": "create: idempotent by identifier.value (per your "
                        "organisation). read and search: the responses your organisation "
                        "pushed (search needs the responses:read scope). Each is identified "
                        f"under your organisation's system, {IDENTIFIER_SYSTEM}. Unknown search "
                        "parameters are refused (400), not ignored.",
                        "searchParam": [
                            {
                                "name": "identifier",
                                "type": "token",
                                "documentation": "system|value or value: your id for it",
                            },
                            {
                                "name": "_lastUpdated",
                                "type": "date",
                                "documentation": "When it was last stored or changed; prefixes "
                                "eq, gt, ge, lt, le; twice for a range",
                            },
                            {
                                "name": "_count",
                                "type": "number",
                                "documentation": "Page size, up to 200",
                            },
                        ],
                    },
                ],
                "interaction": [{"code": "batch"}, {"code": "transaction"}],
            }
        ],
    }
    return CapabilityStatement.model_validate(data).model_dump(mode="json")
