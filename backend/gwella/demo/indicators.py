"""The demo indicators: national standards and two years of monthly measurements."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.text import LocalizedText
from gwella.demo.data import DEMO_INDICATORS, NSF_STANDARDS
from gwella.indicators import service as indicators
from gwella.indicators.models import Framework, Measurement, MeasurementSource, Standard
from gwella.indicators.schemas import IndicatorCreate
from gwella.organisations.models import Organisation


async def load_indicators(session: AsyncSession, board: Organisation) -> dict[str, int]:
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
    today = utcnow().date().replace(day=1)
    for code, en, cy, unit, direction, target, number, values in DEMO_INDICATORS:
        existing = await indicators.indicators_by_code(session, [code])
        if code in existing:
            continue
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
        for months_ago, value in zip(range(len(values), 0, -1), values, strict=True):
            start = month_back(today, months_ago)
            end = month_back(today, months_ago - 1) - timedelta(days=1)
            session.add(
                Measurement(
                    indicator_id=indicator.id,
                    organisation_id=board.id,
                    service_id=None,
                    unit_key=indicators.unit_key(board.id, None),
                    period_start=start,
                    period_end=end,
                    value=float(value),
                    source=MeasurementSource.manual,
                )
            )
            created["measurements"] += 1
    await session.flush()
    return created


def month_back(first_of_month: date, months: int) -> date:
    index = first_of_month.year * 12 + first_of_month.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)
