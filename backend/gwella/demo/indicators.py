"""The demo indicators: national standards and two years of monthly measurements."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.text import LocalizedText
from gwella.demo.data import DEMO_INDICATORS, NSF_STANDARDS, PARTNER_MEASUREMENTS
from gwella.indicators import service as indicators
from gwella.indicators.models import Framework, Measurement, MeasurementSource, Standard
from gwella.indicators.schemas import IndicatorCreate
from gwella.organisations.models import Organisation


async def load_indicators(session: AsyncSession, orgs: dict[str, Organisation]) -> dict[str, int]:
    """The framework, its standards, the indicators, and two years of monthly measurements:
    the health board's, and its partners' own series of the same indicators; then the
    signals their latest points raise."""
    created = {"indicators": 0, "measurements": 0}
    framework = await session.scalar(select(Framework).where(Framework.code == "WALES-AMH-NSF"))
    if framework is None:
        framework = Framework(
            code="WALES-AMH-NSF",
            title={
                "en": "Adult Mental Health National Service Framework for Wales",
                "cy": "Fframwaith Gwasanaeth Cenedlaethol Iechyd Meddwl Oedolion Cymru",
            },
            description={
                "en": "Its seven standards, with titles paraphrased for the demo.",
                "cy": "Ei saith safon, gyda theitlau wedi'u haralleirio ar gyfer y demo.",
            },
        )
        session.add(framework)
        await session.flush()
        session.add_all(
            Standard(framework_id=framework.id, code=f"S{n}", number=n, title={"en": en, "cy": cy})
            for n, (en, cy) in enumerate(NSF_STANDARDS, 1)
        )
        await session.flush()
    standards = {
        s.number: s.id
        for s in await session.scalars(
            select(Standard).where(Standard.framework_id == framework.id)
        )
    }
    ctx = AuditContext.system("demo-data")
    now = utcnow()
    today = now.date().replace(day=1)
    loaded: set[tuple[uuid.UUID, uuid.UUID, uuid.UUID | None]] = set()
    board = orgs["BAUHB"]
    for code, en, cy, unit, direction, target, number, values in DEMO_INDICATORS:
        existing = await indicators.indicators_by_code(session, [code])
        indicator = existing.get(code)
        if indicator is None:
            indicator = await indicators.create_indicator(
                session,
                ctx,
                IndicatorCreate(
                    code=code,
                    name=LocalizedText(en=en, cy=cy),
                    unit=unit,
                    direction=direction,
                    target=target,
                    standard_id=standards[number],
                ),
            )
            created["indicators"] += 1
        series = [(board, values)] + [
            (orgs[org_code], partner_values)
            for org_code, partner_values in PARTNER_MEASUREMENTS.get(code, {}).items()
        ]
        for org, org_values in series:
            key = indicators.unit_key(org.id, None)
            if await session.scalar(
                select(Measurement.id)
                .where(Measurement.indicator_id == indicator.id, Measurement.unit_key == key)
                .limit(1)
            ):
                continue  # loaded before (an older demo may lack the partners' series)
            for months_ago, value in zip(range(len(org_values), 0, -1), org_values, strict=True):
                session.add(
                    Measurement(
                        indicator_id=indicator.id,
                        organisation_id=org.id,
                        service_id=None,
                        unit_key=key,
                        period_start=month_back(today, months_ago),
                        period_end=month_back(today, months_ago - 1) - timedelta(days=1),
                        value=float(value),
                        source=MeasurementSource.manual,
                        recorded_at=now,
                    )
                )
                created["measurements"] += 1
            loaded.add((indicator.id, org.id, None))
    await session.flush()
    # What a push of these series would raise: a signal to the managers of each organisation
    # whose chart ends on a special cause, by the same path the API takes. Only series loaded
    # now: loading the demo again raises nothing twice.
    await indicators.raise_signals(session, loaded, now)
    return created


def month_back(first_of_month: date, months: int) -> date:
    index = first_of_month.year * 12 + first_of_month.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)
