"""PDSA cycles of an action: plan a change with its objective, prediction and the indicator
that will tell; record its do, study and act stages in order; on adopt or adapt, start the
next cycle. Each stage's date becomes a ``pdsa`` annotation on the indicator's chart."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.actions import notify
from gwella.actions.checks import check_pdsa_target
from gwella.actions.models import Action, PdsaCycle, PdsaDecision
from gwella.actions.rules import UPDATABLE, invalid, title_cy, title_en
from gwella.actions.schemas import PdsaCreate, PdsaRead, PdsaUpdate
from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.errors import Conflict, NotFound
from gwella.core.principal import Principal
from gwella.core.text import LocalizedText
from gwella.indicators import service as indicators
from gwella.indicators.schemas import AnnotationCreate

STAGES = (
    # name, date field, notes field, Welsh name
    ("do", "done_on", "do_notes", "gwneud"),
    ("study", "studied_on", "study_notes", "astudio"),
    ("act", "acted_on", "act_notes", "gweithredu"),
)


def stage_of(cycle: PdsaCycle) -> str:
    if cycle.acted_on is not None:
        return "done"
    if cycle.studied_on is not None:
        return "act"
    if cycle.done_on is not None:
        return "study"
    return "do"


def pdsa_read(cycle: PdsaCycle) -> PdsaRead:
    return PdsaRead.model_validate(
        {
            **{f: getattr(cycle, f) for f in PdsaRead.model_fields if f != "stage"},
            "stage": stage_of(cycle),
        }
    )


async def pdsa_cycles(session: AsyncSession, action: Action) -> list[PdsaCycle]:
    rows = await session.scalars(
        select(PdsaCycle).where(PdsaCycle.action_id == action.id).order_by(PdsaCycle.number)
    )
    return list(rows)


async def get_cycle(session: AsyncSession, cycle_id: uuid.UUID) -> PdsaCycle:
    cycle = await session.get(PdsaCycle, cycle_id)
    if cycle is None:
        raise NotFound("No PDSA cycle with that id is visible to you.")
    return cycle


async def _annotate(
    session: AsyncSession,
    ctx: AuditContext,
    action: Action,
    cycle: PdsaCycle,
    on: date,
    stage_en: str,
    stage_cy: str,
    words: str,
) -> None:
    if cycle.indicator_id is None:
        return
    indicator = await indicators.get_indicator(session, cycle.indicator_id)
    short = words if len(words) <= 300 else words[:297] + "..."
    await indicators.add_annotation(
        session,
        ctx,
        indicator,
        AnnotationCreate(
            organisation_id=cycle.organisation_id,
            service_id=cycle.service_id,
            on_date=on,
            text=LocalizedText(
                en=f"PDSA {cycle.number} {stage_en} ({title_en(action)}): {short}",
                cy=f"PDSA {cycle.number} {stage_cy} ({title_cy(action)}): {short}",
            ),
        ),
        kind="pdsa",
    )


async def create_cycle(
    session: AsyncSession,
    ctx: AuditContext,
    p: Principal,
    action: Action,
    data: PdsaCreate,
    org_id: uuid.UUID,
    previous: PdsaCycle | None = None,
) -> PdsaCycle:
    if action.status not in UPDATABLE:
        raise Conflict(
            f"PDSA cycles run on agreed or in-progress actions; this one is {action.status.value}."
        )
    await check_pdsa_target(session, p, data.indicator_id, data.service_id, org_id)
    cycles = await pdsa_cycles(session, action)
    open_cycle = next((c for c in cycles if c.acted_on is None), None)
    if open_cycle is not None:
        raise Conflict(f"PDSA cycle {open_cycle.number} is still open; act on it first.")
    cycle = PdsaCycle(
        action_id=action.id,
        number=max((c.number for c in cycles), default=0) + 1,
        objective=data.objective,
        prediction=data.prediction,
        indicator_id=data.indicator_id,
        organisation_id=org_id,
        service_id=data.service_id,
        planned_on=data.planned_on,
        created_by_id=ctx.actor_id if ctx.actor_type.value == "user" else None,
    )
    session.add(cycle)
    await session.flush()
    if previous is not None:
        previous.next_cycle_id = cycle.id
    await audit.record(
        session,
        ctx,
        action="action.pdsa_planned",
        record_type="pdsa_cycle",
        record_id=cycle.id,
        organisation_id=org_id,
        partnership_id=action.partnership_id,
        after={"action_id": action.id, "number": cycle.number, "objective": data.objective},
    )
    await notify.record_event(
        session,
        ctx,
        action,
        "pdsa_planned",
        organisation_id=org_id,
        record_id=cycle.id,
        explanation=f"PDSA {cycle.number} plan: {data.objective}",
    )
    await _annotate(
        session, ctx, action, cycle, data.planned_on, "plan", "cynllunio", data.objective
    )
    return cycle


def _stages_sent(
    cycle: PdsaCycle, sent: dict[str, Any]
) -> tuple[list[tuple[str, str, date, str]], date]:
    """The stages ``sent`` records, in order, as (name, Welsh name, date, notes), and the
    date of the last stage recorded; refuses stages out of order or incomplete."""
    previous_date = cycle.planned_on
    recorded: list[tuple[str, str, date, str]] = []
    for name, date_field, notes_field, name_cy in STAGES:
        stored = getattr(cycle, date_field)
        given_date, given_notes = sent.get(date_field), sent.get(notes_field)
        if stored is not None:
            if given_date is not None or given_notes is not None:
                raise Conflict(f"The {name} stage of this cycle is already recorded.")
            previous_date = stored
            continue
        if (
            given_date is None
            and given_notes is None
            and not (name == "act" and "decision" in sent)
        ):
            break
        if given_date is None or given_notes is None:
            missing = date_field if given_date is None else notes_field
            raise invalid(f"body.{missing}", f"the {name} stage needs its notes and date")
        if given_date < previous_date:
            raise invalid(f"body.{date_field}", "cannot be before the previous stage")
        if name == "act" and "decision" not in sent:
            raise invalid("body.decision", "adopt, adapt or abandon")
        previous_date = given_date
        recorded.append((name, name_cy, given_date, given_notes))
    names = {r[0] for r in recorded}
    leftovers = [
        k
        for k in sent
        if k not in {f for n, d, nf, _ in STAGES if n in names for f in (d, nf)}
        and not (k in {"decision", "next_objective"} and "act" in names)
    ]
    if leftovers:
        raise invalid(f"body.{leftovers[0]}", "record the stages in order: plan, do, study, act")
    if "next_objective" in sent and sent.get("decision") is PdsaDecision.abandon:
        raise invalid("body.next_objective", "an abandoned change has no next cycle")
    if not recorded:
        raise invalid("body", "record at least the next stage")
    return recorded, previous_date


async def advance_cycle(
    session: AsyncSession,
    ctx: AuditContext,
    p: Principal,
    action: Action,
    cycle: PdsaCycle,
    data: PdsaUpdate,
) -> PdsaCycle:
    """Record do, study and act in order (several at once is fine); each stage needs its
    notes and date, and a later stage cannot come before an earlier one."""
    sent = data.model_dump(exclude_unset=True)
    if any(v is None for v in sent.values()):
        raise invalid("body." + next(k for k, v in sent.items() if v is None), "cannot be null")
    if cycle.acted_on is not None:
        raise Conflict(f"PDSA cycle {cycle.number} is finished; start a new cycle.")
    before = {k: getattr(cycle, k) for _, k, n, _ in STAGES} | {"decision": cycle.decision}
    recorded, previous_date = _stages_sent(cycle, sent)
    names = {r[0] for r in recorded}
    fields = {name: (date_field, notes_field) for name, date_field, notes_field, _ in STAGES}
    for name, _, on, notes in recorded:
        date_field, notes_field = fields[name]
        setattr(cycle, date_field, on)
        setattr(cycle, notes_field, notes)
    if "act" in names:
        cycle.decision = sent["decision"]
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="action.pdsa_recorded",
        record_type="pdsa_cycle",
        record_id=cycle.id,
        organisation_id=cycle.organisation_id,
        partnership_id=action.partnership_id,
        before=before,
        after={k: getattr(cycle, k) for _, k, n, _ in STAGES} | {"decision": cycle.decision},
    )
    for name, name_cy, on, notes in recorded:
        words = (
            notes if name != "act" else f"{cycle.decision.value if cycle.decision else ''}: {notes}"
        )
        await notify.record_event(
            session,
            ctx,
            action,
            f"pdsa_{name}",
            organisation_id=cycle.organisation_id,
            record_id=cycle.id,
            explanation=f"PDSA {cycle.number} {name}: {words}",
        )
        await _annotate(session, ctx, action, cycle, on, name, name_cy, words)
    if "act" in names and sent.get("next_objective"):
        await create_cycle(
            session,
            ctx,
            p,
            action,
            PdsaCreate(
                objective=sent["next_objective"],
                prediction=cycle.prediction,
                indicator_id=cycle.indicator_id,
                organisation_id=cycle.organisation_id,
                service_id=cycle.service_id,
                planned_on=cycle.acted_on or previous_date,
            ),
            cycle.organisation_id,
            previous=cycle,
        )
        await session.flush()
    return cycle
