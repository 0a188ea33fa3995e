"""Derived measurements when campaigns collide (issue 15): two campaigns whose questions map to
the same indicator in the same service and month crashed the derivation for everyone (every
five minutes), and where a measurement existed the campaign read last overwrote the other's.
The point now pools what each campaign publishes, and one campaign's failure is logged
without stopping the others."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella import derived
from gwella.accounts.models import Role
from gwella.campaigns.enums import Anonymity
from gwella.core.database import utcnow
from gwella.derived import derive_measurements
from gwella.indicators.models import Measurement, MeasurementSource
from gwella.organisations.models import Service
from tests.factories import make_indicator, make_org, make_service, make_user, sign_in
from tests.surveys import make_campaign, make_published_version, t

MAPPED: dict[str, Any] = {
    "sections": [],
    "questions": [
        {
            "key": "has_plan",
            "type": "yes_no",
            "required": True,
            "text": t("Do you have a care plan?"),
            "indicator_code": "SU-PLAN",
        }
    ],
}


async def _answer(
    client: httpx.AsyncClient, w: dict[str, Any], campaign: Any, yes: int, no: int
) -> None:
    """Paper forms entered by staff (many web answers from one address are rate-limited)."""
    for answer in ["yes"] * yes + ["no"] * no:
        r = await client.post(
            f"/api/v1/campaigns/{campaign.id}/paper-responses",
            headers=w["staff"],
            json={
                "submission_id": str(uuid.uuid4()),
                "service_id": str(w["svc"].id),
                "completed_on": utcnow().date().isoformat(),
                "answers": {"has_plan": answer},
                "consent": True,
                "respondent_reference": uuid.uuid4().hex,
            },
        )
        assert r.status_code == 201, r.text


async def _published(
    client: httpx.AsyncClient, headers: dict[str, str], campaign_id: uuid.UUID, svc: Service
) -> tuple[int, int]:
    """(positive answers, answers) of this month, as the campaign's results publish them."""
    month = (
        await client.get(
            f"/api/v1/campaigns/{campaign_id}/results",
            headers=headers,
            params={"period": "month", "service_id": str(svc.id)},
        )
    ).json()["periods"][-1]
    [row] = month["questions"][0]["units"]
    assert row["share_positive"] is not None
    assert row["n"]
    return round(row["share_positive"] * row["n"] / 100), row["n"]


async def _derived(session: AsyncSession) -> list[Measurement]:
    found = await session.scalars(
        select(Measurement)
        .where(Measurement.source == MeasurementSource.derived)
        .execution_options(populate_existing=True)
    )
    return list(found)


@pytest.fixture
async def two_campaigns(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, Any]:
    org = await make_org(session)
    svc = await make_service(session, org)
    await make_indicator(session, "SU-PLAN")
    version = await make_published_version(session, org, content=MAPPED)
    made = [
        await make_campaign(session, version, [svc], anonymity=Anonymity.identified)
        for _ in range(2)
    ]
    admin = await make_user(session, {org: [Role.admin]})
    staff = await make_user(session, {org: [Role.staff]})
    return {
        "svc": svc,
        "campaigns": [c for c, _ in made],
        "headers": await sign_in(client, admin.email),
        "staff": await sign_in(client, staff.email),
    }


async def test_campaigns_mapping_to_one_indicator_pool_their_published_counts(
    client: httpx.AsyncClient, session: AsyncSession, two_campaigns: dict[str, Any]
) -> None:
    w = two_campaigns
    first, second = w["campaigns"]
    # Eight of each answer: every count is shown whatever its perturbation.
    await _answer(client, w, w["campaigns"][0], yes=8, no=8)
    assert await derive_measurements(session) == 1
    await session.commit()
    [alone] = await _derived(session)
    assert (alone.numerator, alone.denominator) == await _published(
        client, w["headers"], first.id, w["svc"]
    )

    # The second campaign in the same service and month: one point, both campaigns' counts.
    await _answer(client, w, w["campaigns"][1], yes=16, no=8)
    assert await derive_measurements(session) == 1
    await session.commit()
    [pooled] = await _derived(session)
    hits_a, n_a = await _published(client, w["headers"], first.id, w["svc"])
    hits_b, n_b = await _published(client, w["headers"], second.id, w["svc"])
    assert (pooled.numerator, pooled.denominator) == (hits_a + hits_b, n_a + n_b)
    assert pooled.value == pytest.approx(100 * (hits_a + hits_b) / (n_a + n_b))
    assert pooled.id == alone.id
    assert await derive_measurements(session) == 0  # read again: nothing changes
    await session.commit()


async def test_two_new_colliding_campaigns_derive_one_point(
    client: httpx.AsyncClient, session: AsyncSession, two_campaigns: dict[str, Any]
) -> None:
    w = two_campaigns
    await _answer(client, w, w["campaigns"][0], yes=8, no=8)
    await _answer(client, w, w["campaigns"][1], yes=8, no=16)
    assert await derive_measurements(session) == 1
    await session.commit()
    [point] = await _derived(session)
    counts = [await _published(client, w["headers"], c.id, w["svc"]) for c in w["campaigns"]]
    assert (point.numerator, point.denominator) == tuple(map(sum, zip(*counts, strict=True)))


async def test_one_campaign_that_fails_does_not_stop_the_others(
    client: httpx.AsyncClient,
    session: AsyncSession,
    two_campaigns: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    w = two_campaigns
    first, second = w["campaigns"]
    await _answer(client, w, w["campaigns"][0], yes=8, no=8)
    await _answer(client, w, w["campaigns"][1], yes=8, no=16)
    read = derived.results.derived_shares

    async def broken_for_the_first(session: AsyncSession, campaign_id: uuid.UUID, *a: Any) -> Any:
        if campaign_id == first.id:
            raise RuntimeError("this campaign's results cannot be read")
        return await read(session, campaign_id, *a)

    monkeypatch.setattr(derived.results, "derived_shares", broken_for_the_first)
    assert await derive_measurements(session) == 1
    await session.commit()
    [point] = await _derived(session)
    assert (point.numerator, point.denominator) == await _published(
        client, w["headers"], second.id, w["svc"]
    )
    [failed] = [r for r in caplog.records if r.name == "gwella.derived"]
    assert failed.levelname == "ERROR"
    assert "derivation_failed" in str(failed.msg)
    assert str(first.id) in str(failed.msg)
    assert failed.exc_info is not None
    assert isinstance(failed.exc_info[1], RuntimeError)  # the traceback is logged with it
