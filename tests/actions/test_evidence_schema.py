"""The spec says which fields each kind of evidence takes, as the server enforces it, so a
client can check an action's evidence before sending it."""

from __future__ import annotations

import itertools
import uuid
from typing import Any

import jsonschema_rs
import pytest
from pydantic import ValidationError

from gwella.actions.schemas import EVIDENCE_FIELDS, EvidenceIn
from gwella.main import create_app
from tests.conftest import make_settings

VALUES = {
    "campaign_id": str(uuid.uuid4()),
    "question_key": "q1",
    "indicator_id": str(uuid.uuid4()),
    "answer_id": str(uuid.uuid4()),
}
KINDS = ("campaign_result", "question", "indicator", "comment")


def _items() -> list[dict[str, Any]]:
    out = []
    for kind in KINDS:
        for given in itertools.product((None, "null", "value"), repeat=len(EVIDENCE_FIELDS)):
            item: dict[str, Any] = {"kind": kind}
            for field, how in zip(EVIDENCE_FIELDS, given, strict=True):
                if how == "null":
                    item[field] = None
                elif how == "value":
                    item[field] = VALUES[field]
            out.append(item)
    return out


@pytest.fixture(scope="module")
def validator() -> Any:
    spec = create_app(make_settings("sqlite+aiosqlite:///:memory:")).openapi()
    schema = {**spec["components"]["schemas"]["EvidenceIn"], "components": spec["components"]}
    return jsonschema_rs.Draft202012Validator(schema)


def test_spec_and_server_agree_on_every_shape_of_evidence(validator: Any) -> None:
    disagreements = []
    accepted_somewhere = 0
    for item in _items():
        try:
            EvidenceIn.model_validate(item)
            server = True
        except ValidationError:
            server = False
        accepted_somewhere += server
        if validator.is_valid(item) is not server:
            disagreements.append((item, server))
    assert not disagreements, disagreements[:5]
    assert accepted_somewhere  # each kind's own shape is taken
