"""The printable partnership report for a period: per NSF standard, each member
organisation's indicators with their SPC variation and assurance, and the actions filed
under the standard; then the actions filed under none. In English or Welsh.

:func:`report_data` gathers the figures; :func:`render` fills in ``templates/report.html``
(Python's ``string.Template``, every text escaped). Statuses come from the one vocabulary;
the report's own words (headings, the Making Data Count icons' names) are below.
"""

from __future__ import annotations

import html
import re
import uuid
from dataclasses import dataclass
from datetime import date
from importlib import resources
from string import Template
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.actions.models import Action
from gwella.actions.rules import OPEN
from gwella.core import vocabulary
from gwella.core.pagination import PageParams
from gwella.indicators import service as indicators
from gwella.indicators import spc
from gwella.organisations import service as organisations
from gwella.partnerships import service as partnerships


@dataclass(frozen=True)
class ReportIndicator:
    code: str
    name: str
    organisation: str
    points: int
    last_value: float | None
    unit: str
    variation: str | None
    assurance: str | None


@dataclass(frozen=True)
class ReportStandard:
    code: str
    title: str
    indicators: list[ReportIndicator]
    actions: list[Action]


async def report_data(
    session: AsyncSession,
    partnership_id: uuid.UUID,
    start: date,
    end: date,
    language: str = "en",
) -> tuple[str, list[ReportStandard], list[Action]]:
    """Per NSF standard: each indicator of each member organisation over the period with its
    SPC variation and assurance, and the actions filed under the standard. Also returns the
    actions with no standard. Names are in ``language`` where they have it, else English."""

    def words(text: dict[str, Any] | None, fallback: str) -> str:
        text = text or {}
        return str(text.get(language) or text.get("en") or fallback)

    partnership = await partnerships.get_partnership(session, partnership_id)
    members = await partnerships.active_member_ids(session, partnership_id)
    orgs = await organisations.organisations_by_ids(session, list(members))
    visible = frozenset(members)
    actions = [
        a
        for a in await session.scalars(
            select(Action)
            .where(Action.partnership_id == partnership_id)
            .order_by(Action.created_at, Action.id)
        )
        if a.created_at.date() <= end
        and (a.status in OPEN or (a.decided_at or a.updated_at).date() >= start)
    ]
    out: list[ReportStandard] = []
    for _framework, standards in await indicators.frameworks_with_standards(session):
        for standard in standards:
            rows, _ = await indicators.list_indicators(
                session,
                PageParams(limit=200, cursor=None, sort="code"),
                visible_orgs=visible,
                standard_id=standard.id,
            )
            lines: list[ReportIndicator] = []
            for indicator in rows:
                for oid in sorted(members, key=lambda o: orgs[o].name):
                    series = [
                        m
                        for m in await indicators.series(
                            session, indicator.id, indicators.unit_key(oid, None)
                        )
                        if start <= m.period_end <= end
                    ]
                    if not series:
                        continue
                    chart = spc.chart(
                        [m.value for m in series], indicator.direction.value, indicator.target
                    )
                    lines.append(
                        ReportIndicator(
                            code=indicator.code,
                            name=words(indicator.name, indicator.code),
                            organisation=(orgs[oid].name_cy if language == "cy" else None)
                            or orgs[oid].name,
                            points=len(series),
                            last_value=series[-1].value,
                            unit=indicator.unit,
                            variation=chart.variation,
                            assurance=chart.assurance,
                        )
                    )
            out.append(
                ReportStandard(
                    code=standard.code,
                    title=words(standard.title, standard.code),
                    indicators=lines,
                    actions=[a for a in actions if a.standard_id == standard.id],
                )
            )
    unfiled = [a for a in actions if a.standard_id is None]
    title = (partnership.name_cy if language == "cy" else None) or partnership.name
    return title, out, unfiled


# ------------------------------------------------------------------------------ words

REPORT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "{name}: performance report {start} to {end}",
        "intro": "Performance report for {start} to {end}, from the same live data the "
        "partners see. Variation and assurance follow NHS Making Data Count (XmR charts).",
        "standard": "Standard {code}: {title}",
        "indicator": "Indicator",
        "organisation": "Organisation",
        "points": "Points",
        "latest": "Latest",
        "variation": "Variation",
        "assurance": "Assurance",
        "no_measurements": "No indicator measurements in the period.",
        "actions": "Actions",
        "no_actions": "No actions.",
        "unfiled": "Actions not filed under a standard",
        "action": "Action",
        "status": "Status",
        "progress": "Progress",
        "due": "Due",
        "said_did": "You said, we did / reason",
        "not_enough": "Not enough data",
        "no_target": "No target",
        "common_cause": "Common cause variation",
        "special_cause_improving_high": "Special cause: improving (high)",
        "special_cause_improving_low": "Special cause: improving (low)",
        "special_cause_concerning_high": "Special cause: concerning (high)",
        "special_cause_concerning_low": "Special cause: concerning (low)",
        "special_cause_neither_high": "Special cause: neither (high)",
        "special_cause_neither_low": "Special cause: neither (low)",
        "consistently_passing": "Consistently passing the target",
        "consistently_failing": "Consistently failing the target",
        "hit_and_miss": "Hit and miss",
    },
    "cy": {
        "title": "{name}: adroddiad perfformiad {start} i {end}",
        "intro": "Adroddiad perfformiad ar gyfer {start} i {end}, o'r un data byw ag y mae'r "
        "partneriaid yn ei weld. Mae amrywiad a sicrwydd yn dilyn dull Making Data Count y GIG "
        "(siartiau XmR).",
        "standard": "Safon {code}: {title}",
        "indicator": "Dangosydd",
        "organisation": "Sefydliad",
        "points": "Pwyntiau",
        "latest": "Diweddaraf",
        "variation": "Amrywiad",
        "assurance": "Sicrwydd",
        "no_measurements": "Dim mesuriadau dangosydd yn y cyfnod.",
        "actions": "Camau gweithredu",
        "no_actions": "Dim camau gweithredu.",
        "unfiled": "Camau gweithredu heb safon",
        "action": "Cam gweithredu",
        "status": "Statws",
        "progress": "Cynnydd",
        "due": "Erbyn",
        "said_did": "Dywedoch chi, gwnaethom ni / rheswm",
        "not_enough": "Dim digon o ddata",
        "no_target": "Dim targed",
        "common_cause": "Amrywiad achos cyffredin",
        "special_cause_improving_high": "Achos arbennig: gwella (uchel)",
        "special_cause_improving_low": "Achos arbennig: gwella (isel)",
        "special_cause_concerning_high": "Achos arbennig: pryder (uchel)",
        "special_cause_concerning_low": "Achos arbennig: pryder (isel)",
        "special_cause_neither_high": "Achos arbennig: y naill na'r llall (uchel)",
        "special_cause_neither_low": "Achos arbennig: y naill na'r llall (isel)",
        "consistently_passing": "Yn cyrraedd y targed yn gyson",
        "consistently_failing": "Yn methu'r targed yn gyson",
        "hit_and_miss": "Weithiau'n cyrraedd, weithiau'n methu",
    },
}

# --------------------------------------------------------------------------- rendering


def _load_templates() -> dict[str, Template]:
    text = (resources.files("gwella.actions") / "templates" / "report.html").read_text("utf-8")
    found = re.findall(r'<template id="(\w+)">(.*?)</template>', text, flags=re.DOTALL)
    return {name: Template(body.strip("\n")) for name, body in found}


TEMPLATES = _load_templates()


def _fill(piece: str, rendered: dict[str, str] | None = None, **text: object) -> str:
    """One piece of the template: ``text`` escaped, ``rendered`` (HTML already) as it is."""
    values = {k: html.escape(str(v)) for k, v in text.items()} | (rendered or {})
    return TEMPLATES[piece].substitute(values)


def _actions(w: dict[str, str], language: str, actions: list[Action]) -> str:
    if not actions:
        return _fill("none", text=w["no_actions"])

    def text(value: dict[str, Any] | None) -> str:
        value = value or {}
        return str(value.get(language) or value.get("en") or "")

    rows = [
        _fill(
            "action",
            title=text(a.title),
            status=vocabulary.word(vocabulary.ACTION_STATUS, a.status.value, language),
            progress=a.progress,
            due=a.due_date.isoformat() if a.due_date else "",
            said_did=text(a.summary) or text(a.closure_reason),
        )
        for a in actions
    ]
    columns = ("action", "status", "progress", "due", "said_did")
    return _fill("actions", {"rows": "\n".join(rows)}, **{k: w[k] for k in columns})


def _indicators(w: dict[str, str], standard: ReportStandard) -> str:
    if not standard.indicators:
        return _fill("none", text=w["no_measurements"])
    rows = [
        _fill(
            "indicator",
            code=i.code,
            name=i.name,
            organisation=i.organisation,
            points=i.points,
            latest="" if i.last_value is None else f"{i.last_value:g} {i.unit}",
            variation=w.get(i.variation or "", w["not_enough"]),
            assurance=w.get(i.assurance or "", w["no_target"]),
        )
        for i in standard.indicators
    ]
    columns = ("indicator", "organisation", "points", "latest", "variation", "assurance")
    return _fill("indicators", {"rows": "\n".join(rows)}, **{k: w[k] for k in columns})


def render(
    language: str,
    name: str,
    start: date,
    end: date,
    standards: list[ReportStandard],
    unfiled: list[Action],
) -> str:
    """The report as an HTML page in ``language`` (``en`` or ``cy``)."""
    w = REPORT_WORDS[language]
    period = {"start": start.isoformat(), "end": end.isoformat()}
    sections = [
        _fill(
            "standard",
            {
                "indicators": _indicators(w, s),
                "actions": _actions(w, language, s.actions),
            },
            heading=w["standard"].format(code=s.code, title=s.title),
            actions_heading=w["actions"],
        )
        for s in standards
    ]
    if unfiled:
        sections.append(
            _fill("unfiled", {"actions": _actions(w, language, unfiled)}, heading=w["unfiled"])
        )
    return _fill(
        "page",
        {"sections": "\n".join(sections)},
        lang=language,
        title=w["title"].format(name=name, **period),
        name=name,
        intro=w["intro"].format(**period),
    )
