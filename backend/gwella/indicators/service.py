"""Rules for frameworks, standards, indicators and measurements. No HTTP types here."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts import users as accounts
from gwella.core import audit, bulk, changes
from gwella.core.audit import AuditContext
from gwella.core.concurrency import lock_rows
from gwella.core.database import utcnow
from gwella.core.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from gwella.core.pagination import PageParams, paginate
from gwella.core.vocabulary import with_unit
from gwella.indicators import events, spc
from gwella.indicators.models import (
    Annotation,
    Framework,
    Indicator,
    Measurement,
    MeasurementSource,
    Standard,
)
from gwella.indicators.ownership import REMOVED_MEANWHILE, LateRefusal, held_elsewhere
from gwella.indicators.schemas import AnnotationCreate, IndicatorCreate
from gwella.indicators.wording import TARGET_MET_CY, TARGET_MISSED_CY, signal_texts
from gwella.notifications import service as notifications
from gwella.partnerships import service as partnerships
from gwella.webhooks import service as webhooks

SORTS = {"code": Indicator.code, "created_at": Indicator.created_at}
MEASUREMENT_SORTS = {"period_end": Measurement.period_end}
FIELDS = ("code", "unit", "direction", "target", "standard_id", "organisation_id")


def unit_key(organisation_id: uuid.UUID, service_id: uuid.UUID | None) -> str:
    return f"svc:{service_id}" if service_id else f"org:{organisation_id}"


async def frameworks_with_standards(
    session: AsyncSession,
) -> list[tuple[Framework, list[Standard]]]:
    frameworks = list(await session.scalars(select(Framework).order_by(Framework.code)))
    standards = list(
        await session.scalars(select(Standard).order_by(Standard.framework_id, Standard.number))
    )
    return [(f, [s for s in standards if s.framework_id == f.id]) for f in frameworks]


async def get_indicator(session: AsyncSession, indicator_id: uuid.UUID) -> Indicator:
    indicator = await session.get(Indicator, indicator_id)
    if indicator is None:
        raise NotFound("No indicator with that id is visible to you.")
    return indicator


async def indicators_by_code(session: AsyncSession, codes: Iterable[str]) -> dict[str, Indicator]:
    wanted = set(codes)
    if not wanted:
        return {}
    rows = await session.scalars(select(Indicator).where(Indicator.code.in_(wanted)))
    return {i.code: i for i in rows}


async def list_indicators(
    session: AsyncSession,
    params: PageParams,
    *,
    visible_orgs: frozenset[uuid.UUID] | None,
    standard_id: uuid.UUID | None = None,
) -> tuple[list[Indicator], str | None]:
    stmt = select(Indicator)
    if visible_orgs is not None:
        stmt = stmt.where(
            or_(Indicator.organisation_id.is_(None), Indicator.organisation_id.in_(visible_orgs))
        )
    if standard_id is not None:
        stmt = stmt.where(Indicator.standard_id == standard_id)
    return await paginate(session, stmt, params, SORTS, Indicator.id)


async def create_indicator(
    session: AsyncSession, ctx: AuditContext, data: IndicatorCreate
) -> Indicator:
    if await session.scalar(select(Indicator.id).where(Indicator.code == data.code)):
        raise Conflict(f"An indicator with the code {data.code!r} already exists.")
    if data.standard_id is not None and await session.get(Standard, data.standard_id) is None:
        raise NotFound("No standard with that id.")
    indicator = Indicator(
        code=data.code,
        name=data.name.model_dump(exclude_none=True),
        definition=data.definition.model_dump(exclude_none=True) if data.definition else {},
        unit=data.unit,
        direction=data.direction,
        target=data.target,
        standard_id=data.standard_id,
        organisation_id=data.organisation_id,
    )
    session.add(indicator)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="indicator.created",
        record_type="indicator",
        record_id=indicator.id,
        organisation_id=indicator.organisation_id,
        after=audit.snapshot(indicator, FIELDS),
    )
    return indicator


async def list_measurements(
    session: AsyncSession,
    params: PageParams,
    indicator_id: uuid.UUID,
    *,
    visible_orgs: frozenset[uuid.UUID] | None,
    organisation_id: uuid.UUID | None,
    service_id: uuid.UUID | None,
) -> tuple[list[Measurement], str | None]:
    stmt = select(Measurement).where(Measurement.indicator_id == indicator_id)
    if visible_orgs is not None:
        stmt = stmt.where(Measurement.organisation_id.in_(visible_orgs))
    if organisation_id is not None:
        stmt = stmt.where(Measurement.organisation_id == organisation_id)
    if service_id is not None:
        stmt = stmt.where(Measurement.service_id == service_id)
    return await paginate(session, stmt, params, MEASUREMENT_SORTS, Measurement.id)


async def measurements_by_key(
    session: AsyncSession, keys: list[tuple[uuid.UUID, str, Any, Any]]
) -> dict[tuple[uuid.UUID, str, Any, Any], Measurement]:
    """Stored measurements for (indicator, unit key, period start, period end) keys."""
    if not keys:
        return {}
    rows = await session.scalars(
        select(Measurement).where(
            Measurement.indicator_id.in_({k[0] for k in keys}),
            Measurement.unit_key.in_({k[1] for k in keys}),
            Measurement.period_start.in_({k[2] for k in keys}),
        )
    )
    wanted = set(keys)
    out = {}
    for m in rows:
        key = (m.indicator_id, m.unit_key, m.period_start, m.period_end)
        if key in wanted:
            out[key] = m
    return out


@dataclass(frozen=True)
class MeasurementsStored:
    """What :func:`store_measurements` did: new rows imported, and of those whose period a
    concurrent push stored first, how many it found the same and how many it updated."""

    imported: int
    updated: int
    unchanged: int
    refused: list[tuple[dict[str, Any], LateRefusal, str]] = field(default_factory=list)
    """Rows found, once claimed, to be another's point or removed meanwhile (a manual entry,
    a derivation or a retraction that committed while this push ran): not written."""


def same_values(stored: Measurement, row: dict[str, Any]) -> bool:
    """Whether a pushed row says what is stored (its external id included, when it has one)."""
    return (stored.value, stored.numerator, stored.denominator) == (
        row["value"],
        row["numerator"],
        row["denominator"],
    ) and (row.get("external_id") or stored.external_id) == stored.external_id


def _series_key(row: dict[str, Any]) -> tuple[str, str, Any, Any]:
    return (str(row["indicator_id"]), row["unit_key"], row["period_start"], row["period_end"])


async def store_measurements(
    session: AsyncSession,
    ctx: AuditContext,
    source_org: uuid.UUID,
    new_rows: list[dict[str, Any]],
    changed: list[tuple[Measurement, dict[str, Any]]],
) -> MeasurementsStored:
    """Store pushed measurements: ``new_rows`` (none stored for their indicator, unit and
    period when they were checked) and ``changed`` (stored ones with their new values).

    A new row whose period a concurrent push (a retry racing its first attempt) stored
    meanwhile is not inserted twice: it is read again and ignored when its values are the
    same, or updated like any changed one. A row whose point turns out, once claimed, to be
    another's (:func:`held_elsewhere`) or to have been removed meanwhile is not written and
    is returned in ``refused``, for the caller to report by item."""
    now = utcnow()
    changed = list(changed)
    unchanged = 0
    refused: list[tuple[dict[str, Any], LateRefusal, str]] = []
    given: dict[int, dict[str, Any]] = {}
    inserted: list[dict[str, Any]] = []
    # The partner reads its pushes back through the change feed (gwella.core.changes).
    mark = await changes.mark(session) if new_rows or changed else 0
    if new_rows:
        rows = [
            {
                "id": uuid.uuid4(),
                "source": MeasurementSource.push,
                "source_organisation_id": source_org,
                "recorded_at": now,
                "created_at": now,
                "updated_at": now,
                "change_seq": mark,
                **row,
            }
            for row in new_rows
        ]
        # A refused row is reported as the caller's own (it finds its item by identity).
        given = {id(r): row for r, row in zip(rows, new_rows, strict=True)}
        # In the order of their keys, so that two pushes of the same periods queue for them
        # in one order (never a deadlock).
        ids = await bulk.insert_new(
            session, cast(Table, Measurement.__table__), sorted(rows, key=_series_key)
        )
        inserted = [r for r in rows if r["id"] in ids]
        lost = [r for r in rows if r["id"] not in ids]
        keys = [
            (r["indicator_id"], r["unit_key"], r["period_start"], r["period_end"]) for r in lost
        ]
        taken = await measurements_by_key(session, keys)
        for row, key in zip(lost, keys, strict=True):
            stored = taken.get(key)
            if stored is None:  # stored and removed again while this push ran
                refused.append((given.get(id(row), row), "removed_meanwhile", REMOVED_MEANWHILE))
                continue
            if (held := held_elsewhere(stored, source_org)) is not None:
                refused.append((given.get(id(row), row), "measurement_owned_elsewhere", held))
                continue
            if same_values(stored, row):
                unchanged += 1
            else:
                changed.append((stored, row))
    await events.created(session, source_org, inserted)
    if changed:
        # Read them again under a lock: a concurrent push may have changed one meanwhile.
        now_stored = await lock_rows(session, Measurement, [m.id for m, _ in changed])
        still: list[tuple[Measurement, dict[str, Any]]] = []
        for m, row in changed:
            current = now_stored.get(m.id)
            if current is None:
                refused.append((given.get(id(row), row), "removed_meanwhile", REMOVED_MEANWHILE))
                continue
            if (held := held_elsewhere(current, source_org)) is not None:
                refused.append((given.get(id(row), row), "measurement_owned_elsewhere", held))
                continue
            if same_values(current, row):
                unchanged += 1
            else:
                still.append((current, row))
        changed = still
    previous: list[tuple[Measurement, float | None]] = []
    for stored, row in changed:
        before = {
            "value": stored.value,
            "numerator": stored.numerator,
            "denominator": stored.denominator,
        }
        stored.value, stored.numerator, stored.denominator = (
            row["value"],
            row["numerator"],
            row["denominator"],
        )
        stored.recorded_at = now
        stored.external_id = row.get("external_id") or stored.external_id
        stored.change_seq = mark
        await session.flush()
        previous.append((stored, before["value"]))
        await audit.record(
            session,
            ctx,
            action="measurement.updated",
            record_type="measurement",
            record_id=stored.id,
            organisation_id=stored.organisation_id,
            before=before,
            after={
                "value": stored.value,
                "numerator": stored.numerator,
                "denominator": stored.denominator,
            },
        )
    await events.updated(session, source_org, previous)
    touched = {(r["indicator_id"], r["organisation_id"], r["service_id"]) for r in inserted}
    touched |= {(m.indicator_id, m.organisation_id, m.service_id) for m, _ in changed}
    await session.flush()
    await raise_signals(session, touched, now)
    return MeasurementsStored(len(inserted), len(changed), unchanged, refused)


async def series(
    session: AsyncSession, indicator_id: uuid.UUID, key: str, limit: int = 500
) -> list[Measurement]:
    """The latest ``limit`` measurements of one unit, oldest first."""
    rows = await session.scalars(
        select(Measurement)
        .where(Measurement.indicator_id == indicator_id, Measurement.unit_key == key)
        .order_by(Measurement.period_end.desc(), Measurement.period_start.desc())
        .limit(limit)
    )
    return list(reversed(list(rows)))


async def annotations_of(
    session: AsyncSession,
    indicator_id: uuid.UUID,
    organisation_id: uuid.UUID,
    service_id: uuid.UUID | None,
) -> list[Annotation]:
    rows = await session.scalars(
        select(Annotation)
        .where(
            Annotation.indicator_id == indicator_id,
            Annotation.organisation_id == organisation_id,
            Annotation.service_id.is_(None)
            if service_id is None
            else Annotation.service_id == service_id,
        )
        .order_by(Annotation.on_date, Annotation.created_at)
    )
    return list(rows)


ANNOTATION_IN_FUTURE = (
    "An annotation cannot be dated in the future: choose today or an earlier day."
)


def check_annotation_date(on_date: date, at: str = "body.on_date") -> None:
    """An annotation marks what happened: its day has come. Today is the day in the UK, at
    most an hour ahead of UTC, so that a note made just after midnight in summer is taken."""
    if on_date > (utcnow() + timedelta(hours=1)).date():
        raise ValidationFailed(
            ANNOTATION_IN_FUTURE, errors=[FieldProblem(field=at, message=ANNOTATION_IN_FUTURE)]
        )


async def add_annotation(
    session: AsyncSession,
    ctx: AuditContext,
    indicator: Indicator,
    data: AnnotationCreate,
    kind: str = "note",
) -> Annotation:
    if kind == "note":  # a person's (automatic ones carry the day of what they record)
        check_annotation_date(data.on_date)
    note = Annotation(
        indicator_id=indicator.id,
        organisation_id=data.organisation_id,
        service_id=data.service_id,
        on_date=data.on_date,
        text=data.text.model_dump(exclude_none=True),
        kind=kind,
        created_by_id=ctx.actor_id,
    )
    session.add(note)
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="annotation.created",
        record_type="annotation",
        record_id=note.id,
        organisation_id=data.organisation_id,
        after={"indicator_id": str(indicator.id), "on_date": data.on_date.isoformat()},
    )
    return note


async def signal_recipients(session: AsyncSession, organisation_id: uuid.UUID) -> list[uuid.UUID]:
    """Who hears of an organisation's indicator signals: its managers and administrators,
    and the leads of every partnership it is a member of."""

    people = await accounts.user_ids_with_roles(session, organisation_id, ("manager", "admin"))
    leads = await partnerships.lead_user_ids_for_organisation(session, organisation_id)
    return list(dict.fromkeys([*people, *leads]))


async def raise_signals(
    session: AsyncSession,
    series_keys: Iterable[tuple[uuid.UUID, uuid.UUID, uuid.UUID | None]],
    since: datetime,
) -> int:
    """For each series touched, if its latest point (recorded at or after ``since``) is a
    special cause, raise ``indicator.signal``: a webhook event and a notification to the
    managers and administrators of the organisation and the partnership leads. Returns how
    many signals were raised."""
    raised = 0
    for indicator_id, organisation_id, service_id in sorted(set(series_keys), key=str):
        indicator = await get_indicator(session, indicator_id)
        rows = await series(session, indicator_id, unit_key(organisation_id, service_id))
        if not rows or (rows[-1].recorded_at or rows[-1].created_at) < since:
            continue
        chart = spc.chart([m.value for m in rows], indicator.direction.value, indicator.target)
        last = chart.points[-1]
        if last.rule is None or last.nature is None:
            await _notify_target_crossing(session, indicator, organisation_id, rows)
            continue
        raised += 1
        nature = last.nature
        latest = rows[-1]
        if nature != "neutral" and await webhooks.has_subscribers(
            session, organisation_id, "indicator.signal"
        ):
            await webhooks.emit(
                session,
                event_type="indicator.signal",
                organisation_id=organisation_id,
                record_type="indicator",
                record_id=indicator_id,
                payload={
                    "indicator_id": indicator_id,
                    "service_id": service_id,
                    "period_end": latest.period_end,
                    "signal": nature,
                    "rule": last.rule,
                    "value": latest.value,
                },
            )
        title, body = signal_texts(indicator, latest.period_end, latest.value, last.rule, nature)
        await notifications.notify(
            session,
            await signal_recipients(session, organisation_id),
            kind="indicator.signal",
            title=title,
            body=body,
            link=f"/indicators/{indicator_id}?organisation_id={organisation_id}",
            record_type="indicator",
            record_id=indicator_id,
        )
    return raised


async def store_derived(
    session: AsyncSession,
    rows: list[tuple[str, uuid.UUID, uuid.UUID, date, date, float, int, int]],
) -> int:
    """Upsert measurements derived from survey results: (indicator code, organisation,
    service, period start, period end, value, numerator, denominator). Returns the number
    written or changed."""
    by_code = await indicators_by_code(session, {r[0] for r in rows})
    changed = 0
    for code, org_id, service_id, start, end, value, numerator, denominator in rows:
        indicator = by_code.get(code)
        if indicator is None:
            continue
        key = unit_key(org_id, service_id)
        stored = await session.scalar(
            select(Measurement).where(
                Measurement.indicator_id == indicator.id,
                Measurement.unit_key == key,
                Measurement.period_start == start,
                Measurement.period_end == end,
            )
        )
        if stored is None:
            session.add(
                Measurement(
                    indicator_id=indicator.id,
                    organisation_id=org_id,
                    service_id=service_id,
                    unit_key=key,
                    period_start=start,
                    period_end=end,
                    value=value,
                    numerator=float(numerator),
                    denominator=float(denominator),
                    source=MeasurementSource.derived,
                    recorded_at=utcnow(),
                )
            )
            changed += 1
        elif stored.source is MeasurementSource.derived and stored.value != value:
            stored.value, stored.numerator, stored.denominator = (
                value,
                float(numerator),
                float(denominator),
            )
            stored.recorded_at = utcnow()
            changed += 1
    await session.flush()
    return changed


async def _notify_target_crossing(
    session: AsyncSession,
    indicator: Indicator,
    organisation_id: uuid.UUID,
    rows: list[Measurement],
) -> None:
    """Without a special cause, a new point on the other side of the target from the one
    before still deserves a word to the managers."""
    target = indicator.target
    if target is None or len(rows) < 2 or indicator.direction.value == "neutral":
        return
    before, now = rows[-2].value, rows[-1].value
    if (before >= target) == (now >= target):
        return
    higher = indicator.direction.value == "higher_is_better"
    met = (now >= target) if higher else (now <= target)
    name = indicator.name
    await notifications.notify(
        session,
        await signal_recipients(session, organisation_id),
        kind="indicator.target",
        title={
            "en": f"{name.get('en', indicator.code)}: target {'met' if met else 'missed'}",
            "cy": f"{name.get('cy', indicator.code)}: "
            + (TARGET_MET_CY if met else TARGET_MISSED_CY),
        },
        body={
            "en": f"{with_unit(f'{now:g}', indicator.unit, 'en')} against a target of {target:g} "
            f"(before: {before:g}).",
            "cy": f"{with_unit(f'{now:g}', indicator.unit, 'cy')} o'i gymharu â tharged o "
            f"{target:g} (cynt: {before:g}).",
        },
        link=f"/indicators/{indicator.id}?organisation_id={organisation_id}",
        record_type="indicator",
        record_id=indicator.id,
    )
