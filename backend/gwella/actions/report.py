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

from gwella.actions import report_chart
from gwella.actions.models import Action
from gwella.actions.rules import OPEN
from gwella.core import vocabulary
from gwella.core.pagination import PageParams
from gwella.indicators import service as indicators
from gwella.indicators import spc
from gwella.organisations import service as organisations
from gwella.partnerships import service as partnerships


@dataclass(frozen=True)
class ChartPoint:
    """One point of the live chart (same series, same rules) and whether the report's
    period holds it."""

    period_start: date
    period_end: date
    point: spc.Point
    in_period: bool


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
    chart: list[ChartPoint]

    @property
    def period(self) -> list[ChartPoint]:
        return [c for c in self.chart if c.in_period]


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
        return str(text.get(language) or text.get("cy" if language == "en" else "en") or fallback)

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
                    # The live chart's series and default settings (the chart endpoint's
                    # own): limits and signals over every point, the period's points read
                    # off it, so the report says what the chart said.
                    series = await indicators.series(
                        session, indicator.id, indicators.unit_key(oid, None)
                    )
                    chart = spc.chart(
                        [m.value for m in series], indicator.direction.value, indicator.target
                    )
                    drawn = [
                        ChartPoint(m.period_start, m.period_end, p, start <= m.period_end <= end)
                        for m, p in zip(series, chart.points, strict=True)
                    ]
                    period = [c for c in drawn if c.in_period]
                    if not period:
                        continue
                    last = period[-1].point
                    lines.append(
                        ReportIndicator(
                            code=indicator.code,
                            name=words(indicator.name, indicator.code),
                            organisation=(orgs[oid].name_cy if language == "cy" else None)
                            or orgs[oid].name,
                            points=len(period),
                            last_value=last.value,
                            unit=indicator.unit,
                            variation=spc.variation_at(last),
                            assurance=spc.assurance_at(
                                last, indicator.direction.value, indicator.target
                            ),
                            chart=drawn,
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
        "partners see. Variation and assurance follow NHS Making Data Count (XmR charts): "
        "they are read off each indicator's live chart at the period's last point.",
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
        "chart": "{code}: {name}, {organisation}",
        "chart_note": "The whole series as on the live chart, with the same mean, limits and "
        "special causes; the report's period is shaded.",
        "period": "Period",
        "value": "Value",
        "mean": "Mean",
        "limits": "Process limits",
        "signal": "Special cause",
        "no_signal": "None",
        "range": "{low} to {high}",
        "outside_limits": "outside the limits",
        "trend": "a trend",
        "two_of_three": "two of three near a limit",
        "shift": "a shift",
        "improvement": "improvement",
        "concern": "concern",
        "neutral": "neither",
    },
    "cy": {
        "title": "{name}: adroddiad perfformiad {start} i {end}",
        "intro": "Adroddiad perfformiad ar gyfer {start} i {end}, o'r un data byw ag y mae'r "
        "partneriaid yn ei weld. Mae amrywiad a sicrwydd yn dilyn dull Making Data Count y GIG "
        "(siartiau XmR): fe'u darllenir o siart byw pob dangosydd ar bwynt olaf y cyfnod.",
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
        "chart": "{code}: {name}, {organisation}",
        "chart_note": "Y gyfres gyfan fel ar y siart byw, gyda'r un cymedr, terfynau ac achosion "
        "arbennig; mae cyfnod yr adroddiad wedi'i liwio.",
        "period": "Cyfnod",
        "value": "Gwerth",
        "mean": "Cymedr",
        "limits": "Terfynau'r broses",
        "signal": "Achos arbennig",
        "no_signal": "Dim",
        "range": "{low} i {high}",
        "outside_limits": "y tu allan i'r terfynau",
        "trend": "tuedd",
        "two_of_three": "dau o dri yn agos at derfyn",
        "shift": "symudiad",
        "improvement": "gwelliant",
        "concern": "pryder",
        "neutral": "y naill na'r llall",
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
        return str(value.get(language) or value.get("cy" if language == "en" else "en") or "")

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


def number(value: float) -> str:
    """A figure as the report prints it: at most two decimals, no trailing zeros."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _signal(w: dict[str, str], point: spc.Point) -> str:
    if point.rule is None:
        return w["no_signal"]
    return f"{w[point.nature or 'neutral']} ({w[point.rule]})"


def _charts(w: dict[str, str], i: ReportIndicator) -> str:
    label = w["chart"].format(code=i.code, name=i.name, organisation=i.organisation)
    rows = [
        _fill(
            "point",
            end=c.period_end.isoformat(),
            period=w["range"].format(low=c.period_start.isoformat(), high=c.period_end.isoformat()),
            value=number(c.point.value),
            mean=number(c.point.mean),
            limits=w["range"].format(
                low=number(c.point.lower_limit), high=number(c.point.upper_limit)
            ),
            signal=_signal(w, c.point),
        )
        for c in i.period
    ]
    columns = ("period", "value", "mean", "limits", "signal")
    return _fill(
        "chart",
        {"svg": report_chart.chart_svg(i.chart, label), "rows": "\n".join(rows)},
        label=label,
        note=w["chart_note"],
        **{k: w[k] for k in columns},
    )


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
            latest="" if i.last_value is None else f"{number(i.last_value)} {i.unit}",
            variation=w.get(i.variation or "", w["not_enough"]),
            assurance=w.get(i.assurance or "", w["no_target"]),
        )
        for i in standard.indicators
    ]
    columns = ("indicator", "organisation", "points", "latest", "variation", "assurance")
    table = _fill("indicators", {"rows": "\n".join(rows)}, **{k: w[k] for k in columns})
    return "\n".join([table, *(_charts(w, i) for i in standard.indicators)])


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
