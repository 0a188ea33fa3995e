"""FHIR R4 Bundles: the searchset of Questionnaires, and batch and transaction Bundles of
QuestionnaireResponses with their batch-response and transaction-response. No database, no
HTTP.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal

from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from gwella.fhir.datatypes import QR
from gwella.fhir.outcome import FhirError, Issue, structure_issues
from gwella.fhir.push import FORM_TAGS, PATTERN_WORDS, FhirBundlePush

# -------------------------------------------------------------------------------- searchset


def searchset(
    resources: Iterable[dict[str, Any]], base: str, self_url: str, next_url: str | None
) -> dict[str, Any]:
    entries = [
        {
            "fullUrl": f"{base}/{r['resourceType']}/{r['id']}",
            "resource": r,
            "search": {"mode": "match"},
        }
        for r in resources
    ]
    links = [{"relation": "self", "url": self_url}]
    if next_url:
        links.append({"relation": "next", "url": next_url})
    data: dict[str, Any] = {"resourceType": "Bundle", "type": "searchset", "link": links}
    if next_url is None:
        data["total"] = len(entries)
    if entries:
        data["entry"] = entries
    return Bundle.model_validate(data).model_dump(mode="json")


# ------------------------------------------------------------------ batch and transaction

BundleKind = Literal["batch", "transaction"]


def _entry_target(url: str) -> str:
    """``QuestionnaireResponse`` from an entry's request url (relative or absolute)."""
    path = url.split("?")[0].rstrip("/")
    return path.rpartition("/")[2] if "/" in path else path


def read_bundle(raw: Any) -> tuple[BundleKind, list[Any]]:
    """A batch or transaction Bundle's envelope checked by the R4B model, and its entries'
    resources (each parsed later, on its own, so that one bad entry does not sink a batch);
    an entry that is not ``POST QuestionnaireResponse`` is a FhirError in its place."""
    if not isinstance(raw, dict):
        raise FhirError(400, [Issue("structure", "Send a FHIR Bundle: a JSON object.")])
    if raw.get("resourceType") != "Bundle":
        raise FhirError(
            400,
            [
                Issue(
                    "invalid",
                    f"Expected a Bundle of type batch or transaction, got "
                    f"{raw.get('resourceType')!r}. Send single QuestionnaireResponses to "
                    "QuestionnaireResponse.",
                )
            ],
        )
    kind = raw.get("type")
    if kind not in ("batch", "transaction"):
        raise FhirError(
            422,
            [Issue("not-supported", "Only batch and transaction Bundles.", "Bundle.type")],
        )
    try:
        # Gwella's profile of a request Bundle (the spec's FhirBundlePush): the envelope and
        # each entry's elements named and closed. Each entry's resource and request are judged
        # on their own below and when stored, so that one bad entry does not sink a batch.
        FhirBundlePush.model_validate(raw)
    except ValidationError as error:
        raise FhirError(400, structure_issues(error, "Bundle", FORM_TAGS, PATTERN_WORDS)) from None
    entries = raw.get("entry") or []
    shell = {
        **raw,
        "entry": [
            {k: v for k, v in e.items() if k != "resource"} if isinstance(e, dict) else e
            for e in entries
        ],
    }
    try:
        Bundle.model_validate(shell)
    except ValidationError as error:
        raise FhirError(400, structure_issues(error, "Bundle")) from None
    resources: list[Any] = []
    for i, entry in enumerate(entries):
        request = entry.get("request") or {}
        method, url = str(request.get("method") or ""), str(request.get("url") or "")
        if method != "POST" or _entry_target(url) != QR:
            resources.append(
                FhirError(
                    400 if not method else 422,
                    [
                        Issue(
                            "not-supported",
                            "Each entry creates a QuestionnaireResponse: request "
                            "{method: POST, url: QuestionnaireResponse}.",
                            f"Bundle.entry[{i}].request",
                        )
                    ],
                )
            )
        elif "resource" not in entry:
            resources.append(
                FhirError(
                    400,
                    [Issue("required", "The entry has no resource.", f"Bundle.entry[{i}]")],
                )
            )
        else:
            resources.append(entry["resource"])
    return kind, resources


def response_bundle(kind: BundleKind, responses: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A batch-response or transaction-response: one entry per entry received, in order."""
    data: dict[str, Any] = {"resourceType": "Bundle", "type": f"{kind}-response"}
    if responses:
        data["entry"] = [{"response": r} for r in responses]
    return Bundle.model_validate(data).model_dump(mode="json")
