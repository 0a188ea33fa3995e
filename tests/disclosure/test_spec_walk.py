"""Every number of survey answers that Gwella publishes comes out of the disclosure layer.

The test walks the published spec: every numeric field of every successful answer is either
an aggregate of survey answers (and then each operation returning it is called here) or is
named below with the reason it is not one. The operations are called with a *canary*
perturbation table in place, which publishes each count ``c`` as ``100000 + c``: a count that
reached an answer without passing through the layer would show as a small number."""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role
from gwella.derived import derive_measurements
from gwella.disclosure import chosen, tables
from gwella.disclosure.ptable import PerturbationTable
from gwella.disclosure.publish import Rules
from gwella.main import create_app
from tests.conftest import make_settings
from tests.disclosure.conftest import make_world, push
from tests.factories import make_user, sign_in
from tests.test_stream import events

CANARY = 100_000

LAYER = {
    "CampaignRead.response_count",
    "CampaignLink.response_count",
    "ResponseCounts.total",
    "UnitCount.n",
    "ResultCellRead.count",
    "ResultCellRead.percent",
    "ResultCellRead.ci_low",
    "ResultCellRead.ci_high",
    "ResultRow.n",
    "ResultRow.mean",
    "ResultRow.median",
    "ResultRow.share_positive",
    "ResultRow.share_negative",
    "MeasurementRead.numerator",
    "MeasurementRead.denominator",
    "MeasurementRead.value",
    "ChartPoint.value",
    "ChartPoint.mean",
    "ChartPoint.moving_range",
    "ChartPoint.lower_limit",
    "ChartPoint.upper_limit",
    "ChartPoint.lower_band",
    "ChartPoint.upper_band",
    "IndicatorUnitLatest.latest_value",
    "SignalOnIndicator.value",
}
"""Aggregates of survey answers (measurements and charts: derived measurements are survey
aggregates; those partners push are their own figures, published as sent)."""

NOT_SURVEY_AGGREGATES = {
    "version": "a record's version (its ETag)",
    "revision": "a draft's revision number",
    "number": "a version, standard or PDSA cycle number",
    "expires_in": "a token's lifetime",
    "min_cell_size": "a setting",
    "max_change": "a setting of the layer",
    "variance": "a setting of the layer",
    "Question.max": "a question's allowed range",
    "Question.min": "a question's allowed range",
    "Question.max_length": "a question's allowed length",
    "PublicQuestion.max": "a question's allowed range, as the public survey shows it",
    "PublicQuestion.min": "a question's allowed range, as the public survey shows it",
    "PublicQuestion.max_length": "a question's allowed length, as the public survey shows it",
    "PartnershipRead.member_count": "organisations in a partnership",
    "ContributionRead.votes": "signed-in people's votes on a co-design suggestion",
    "ReviewState.approvals_needed": "a review rule",
    "ReviewState.qualifying_approvals": "signed-in reviewers' approvals",
    "ReviewState.changes_requested": "signed-in reviewers' requests",
    "ReviewPolicyRead.min_approvals": "a review rule",
    "Involvement.service_user_and_carer_share": "who took part in co-design (signed in)",
    "RoleCounts.": "who took part in co-design (signed in)",
    "ImportSummary.": "the caller's own pushed items",
    "ImportCounts.": "the caller's own imported rows",
    "ImportJobRead.": "the caller's own import job",
    "ItemError.index": "a position in the caller's own batch",
    "AccessCodeBatchRead.size": "how many codes staff made",
    "HeldDecisionResult.decided": "how many held responses staff decided",
    "IndicatorRead.target": "an indicator's target",
    "ChartRead.target": "an indicator's target",
    "IndicatorUnitLatest.points": "how many measurements a chart has",
    "ActionRead.": "improvement actions and their signed-in supporters",
    "ProgressUpdateRead.percent": "progress staff report",
    "PublicAction.": "improvement actions and their signed-in supporters",
    "PublicUpdate.percent": "progress staff report",
    "OrganisationAccountability.": "improvement actions per organisation",
    "PartnershipAccountability.": "improvement actions per partnership",
    "StandardCount.total": "improvement actions per standard",
    "WebhookDeliveryRead.": "deliveries to the caller's own receiver",
    "WebhookAttemptRead.": "deliveries to the caller's own receiver",
    "SignInThrottleRead.": "one person's failed sign-ins, shown to their administrators",
    "FhirBundle.total": "how many of the caller's own pushed QuestionnaireResponses matched",
    "RetractionSummary.": "how many of the caller's own pushed records it retracted",
    "WebhookEventRead.": "deliveries to the caller's own receiver",
    "Reviews.total": "drafts awaiting the signed-in person's review",
    "ReviewAsked.version_number": "a version number",
    "Suggestions.total": "co-design suggestions awaiting the signed-in person",
    "Responsibilities.total": "parts in actions awaiting the person's organisation",
    "Signals.total": "how many indicator series signal, not a count of answers",
    "Overdue.total": "improvement actions past due",
    "OverdueAction.days_overdue": "days since an action's due date",
    "Changes.unread": "the signed-in person's unread notifications",
}


def _numeric_fields(spec: dict[str, Any]) -> dict[str, set[str]]:
    """operationId -> the numeric fields (Schema.field) of its successful JSON answers."""
    schemas = spec["components"]["schemas"]

    def walk(schema: dict[str, Any], name: str, seen: frozenset[str]) -> Iterator[str]:
        if "$ref" in schema:
            ref = schema["$ref"].split("/")[-1]
            if ref not in seen:
                yield from walk(schemas[ref], ref, seen | {ref})
            return
        for key in ("anyOf", "oneOf", "allOf"):
            for part in schema.get(key, []):
                yield from walk(part, name, seen)
        if "items" in schema:
            yield from walk(schema["items"], name, seen)
        if isinstance(schema.get("additionalProperties"), dict):
            yield from walk(schema["additionalProperties"], name, seen)
        for prop, sub in schema.get("properties", {}).items():
            kinds = {sub.get("type")} | {p.get("type") for p in sub.get("anyOf", [])}
            if kinds & {"integer", "number"}:
                yield f"{name}.{prop}"
            yield from walk(sub, name, seen)

    out: dict[str, set[str]] = {}
    for item in spec["paths"].values():
        for method, op in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            for code, answer in op.get("responses", {}).items():
                if code.startswith("2"):
                    for content in answer.get("content", {}).values():
                        if "schema" in content:
                            found = set(walk(content["schema"], "", frozenset()))
                            out.setdefault(op["operationId"], set()).update(found)
    return out


def _classified(field: str) -> bool:
    _, _, name = field.partition(".")
    return field in LAYER or any(
        key in (name, field) or (key.endswith(".") and field.startswith(key))
        for key in NOT_SURVEY_AGGREGATES
    )


CALLED = {
    "listCampaigns",
    "getCampaign",
    "createCampaign",
    "updateCampaign",
    "closeCampaign",
    "listCampaignLinks",
    "getCampaignResults",
    "listMeasurements",
    "getIndicatorChart",
    "getPartnershipIndicators",
    "getMyAgenda",
}
"""Operations with a survey aggregate that the test below calls (besides the CSV export, the
stream and the printable report, which are not JSON)."""


OWN_PUSHES = {"listPushedMeasurements", "listMeasurementChanges"}
"""Operations whose measurements are only those the caller's organisation pushed
(``source_organisation_id`` is the caller's: never a value derived from survey results)."""


def test_every_numeric_field_of_the_spec_is_accounted_for() -> None:
    with open("openapi/openapi.json", encoding="utf-8") as f:
        spec = json.load(f)
    fields = _numeric_fields(spec)
    unknown = sorted({f for found in fields.values() for f in found if not _classified(f)})
    assert unknown == [], "numeric fields neither published by the layer nor explained"
    returning = {op for op, found in fields.items() if found & LAYER}
    assert returning == CALLED | OWN_PUSHES, "operations with survey aggregates are called below"


class Canary(PerturbationTable):
    """Publishes a count c as 100000 + c (0 as 0): unmistakable, and never held back."""

    def perturb(self, count: int, key: int) -> int:
        return CANARY + count if count else 0

    def probabilities(self, count: int) -> dict[int, float]:
        return {CANARY + count if count else 0: 1.0}


def _marked(value: Any) -> bool:
    return value is None or value == 0 or value >= CANARY


@pytest.fixture
async def canary_app(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(tables._Guard, "run", lambda self: None)  # the canary is not private
    app = create_app(make_settings(database_url))
    with chosen(Rules(Canary(), 0.2)):
        async with app.router.lifespan_context(app):
            yield app


async def test_every_survey_aggregate_comes_out_of_the_layer(
    canary_app: Any, session: AsyncSession, seeded_keys: random.Random
) -> None:
    transport = httpx.ASGITransport(app=canary_app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://gwella.test") as http:
        world = await make_world(http, session)
        await push(http, world, random.Random(3), {"N": 6, "S": 7, "W": 9}, days=0)
        await derive_measurements(session)
        await session.commit()
        reader = world.readers["partner manager"]
        staff = await sign_in(http, (await make_user(session, {world.board: [Role.admin]})).email)
        campaign = f"/api/v1/campaigns/{world.campaign.id}"

        listed = (await http.get("/api/v1/campaigns", headers=reader)).json()["items"]
        assert [c["response_count"] for c in listed] == [CANARY + 22]
        read = await http.get(campaign, headers=staff)
        assert read.json()["response_count"] == CANARY + 22
        links = (await http.get(f"{campaign}/links", headers=staff)).json()
        assert sorted(link["response_count"] for link in links) == [
            CANARY + 6,
            CANARY + 7,
            CANARY + 9,
        ]
        for period in ("all", "month", "week"):
            body = (
                await http.get(f"{campaign}/results", headers=reader, params={"period": period})
            ).json()
            for p in body["periods"]:
                assert _marked(p["responses"]["total"])
                assert all(_marked(u["n"]) for u in p["responses"]["units"])
                for q in p["questions"]:
                    for row in [*q["units"], q["total"]]:
                        assert _marked(row["n"]), row
                        assert all(_marked(c["count"]) for c in row["cells"]), row
            csv = await http.get(
                f"{campaign}/results.csv", headers=reader, params={"period": period}
            )
            for line in csv.text.splitlines()[1:]:
                fields = line.split(",")
                for value in (fields[3], fields[5]):  # n and count
                    assert value in ("", "suppressed") or _marked(int(value)), line
        renamed = await http.patch(
            campaign,
            headers={**staff, "If-Match": read.headers["etag"]},
            json={"name": "Renamed"},
        )
        assert renamed.json()["response_count"] == CANARY + 22

        # Derived measurements, their chart and the partnership's overview and report.
        points = await http.get("/api/v1/indicators", headers=reader, params={"limit": 200})
        derived = [i for i in points.json()["items"] if i["code"].startswith("INV-")]
        [indicator] = derived
        measurements = (
            await http.get(f"/api/v1/indicators/{indicator['id']}/measurements", headers=reader)
        ).json()["items"]
        assert measurements
        for m in measurements:
            assert _marked(m["numerator"])
            assert _marked(m["denominator"])
            assert m["value"] == pytest.approx(100 * m["numerator"] / m["denominator"])
        chart = (
            await http.get(
                f"/api/v1/indicators/{indicator['id']}/chart",
                headers=reader,
                params={
                    "organisation_id": str(world.board.id),
                    "service_id": str(world.north.id),
                },
            )
        ).json()
        values = sorted(m["value"] for m in measurements if m["service_id"] == str(world.north.id))
        assert sorted(p["value"] for p in chart["points"]) == pytest.approx(values)
        overview = await http.get(
            f"/api/v1/partnerships/{world.partnership_id}/indicators", headers=reader
        )
        latest = [
            unit["latest_value"]
            for unit in _units_of(overview.json(), indicator["id"])
            if unit["latest_value"] is not None
        ]
        assert latest
        every = [m["value"] for m in measurements]
        assert all(any(v == pytest.approx(m) for m in every) for v in latest)
        # A person's home page gives the latest value of a series that signals: the
        # published one, as its chart shows it.
        for headers in (reader, staff):
            agenda = await http.get("/api/v1/me/agenda", headers=headers)
            assert agenda.status_code == 200, agenda.text
            for signal in agenda.json()["signals"]["items"]:
                if signal["indicator_id"] == indicator["id"]:
                    assert any(signal["value"] == pytest.approx(m) for m in every), signal
        report = await http.get(
            f"/api/v1/partnerships/{world.partnership_id}/report",
            headers=reader,
            params={"period_start": "2026-01-01", "period_end": "2030-12-31"},
        )
        # (The report lists indicators under their standards, from the same overview values.)
        assert report.status_code == 200

        # The stream: the published number of responses of a release.
        async def release() -> None:
            await asyncio.sleep(0.8)
            await push(http, world, random.Random(4), {"N": 5}, days=0)

        stream, _ = await asyncio.gather(
            # Long enough for the release to land on a busy machine (two test processes).
            http.get("/api/v1/stream?seconds=6", headers=reader),
            release(),
        )
        [(_, data)] = [e for e in events(stream.text) if e[0] == "results"]
        assert data["responses"] == CANARY + 27

        created = await http.post(
            "/api/v1/campaigns",
            headers=staff,
            json={
                "instrument_version_id": str(world.campaign.instrument_version_id),
                "name": "Another",
                "opens_at": "2026-01-01T00:00:00Z",
                "closes_at": "2030-01-01T00:00:00Z",
                "service_ids": [str(world.north.id)],
            },
        )
        assert created.status_code == 201, created.text
        assert created.json()["response_count"] == 0
        closed = await http.post(f"{campaign}/close", headers=staff)
        assert closed.json()["response_count"] == CANARY + 27


def _units_of(body: dict[str, Any], indicator_id: str) -> list[dict[str, Any]]:
    """The per-organisation latest values of one indicator in the partnership overview."""
    return [
        unit
        for standard in body["standards"]
        for latest in standard["indicators"]
        if latest["indicator"]["id"] == indicator_id
        for unit in latest["units"]
    ]
