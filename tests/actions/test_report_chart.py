"""The printable report says what the live charts say (issue 17, item 4): its limits, special
causes, variation and assurance are those of the chart endpoint over the same series, read at
the points of the report's period, not SPC rerun on the period's few points."""

from __future__ import annotations

import html
import re
from datetime import date

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.actions.report import REPORT_WORDS, number
from gwella.demo.data import DEMO_PASSWORD, ORGS
from gwella.demo.loader import load_demo
from tests.factories import sign_in

FIGURE = re.compile(r"<figure>\s*<figcaption>(.*?)</figcaption>(.*?)</figure>", re.DOTALL)
ROW = re.compile(r'<tr data-period-end="([\d-]+)">(.*?)</tr>', re.DOTALL)
CELL = re.compile(r"<td>(.*?)</td>", re.DOTALL)
BOARD = next(org for org in ORGS if org.code == "BAUHB")


def expected_row(point: dict, words: dict[str, str]) -> list[str]:
    signal = (
        f"{words[point['nature']]} ({words[point['special_cause']]})"
        if point["special_cause"]
        else words["no_signal"]
    )
    return [
        words["range"].format(low=point["period_start"], high=point["period_end"]),
        number(point["value"]),
        number(point["mean"]),
        words["range"].format(low=number(point["lower_limit"]), high=number(point["upper_limit"])),
        signal,
    ]


async def test_every_demo_indicator_in_the_report_matches_its_live_chart(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await load_demo(session)
    await session.commit()
    headers = await sign_in(client, "manager@demo.gwella.test", DEMO_PASSWORD)
    partnership = (await client.get("/api/v1/partnerships", headers=headers)).json()["items"][0]
    board = (await client.get("/api/v1/organisations/demo:BAUHB", headers=headers)).json()
    demo = (await client.get("/api/v1/indicators", headers=headers)).json()["items"]
    assert len(demo) == 3
    charts = {}
    for indicator in demo:
        chart = await client.get(
            f"/api/v1/indicators/{indicator['id']}/chart",
            params={"organisation_id": board["id"]},
            headers=headers,
        )
        assert chart.status_code == 200
        charts[indicator["code"]] = chart.json()
    ends = [date.fromisoformat(p["period_end"]) for p in charts["SU-INVOLVED"]["points"]]
    # The last quarter (where the charts' signals are) and a quarter in the middle.
    periods = [(ends[-3].replace(day=1), ends[-1]), (ends[9].replace(day=1), ends[11])]
    rerun_would_differ = 0
    for language in ("en", "cy"):
        words = REPORT_WORDS[language]
        for start, end in periods:
            r = await client.get(
                f"/api/v1/partnerships/{partnership['id']}/report",
                params={
                    "period_start": start.isoformat(),
                    "period_end": end.isoformat(),
                    "language": language,
                },
                headers=headers,
            )
            assert r.status_code == 200
            # The health board's figures (its partners' series of the same indicators are
            # charted beside them).
            figures = {
                html.unescape(caption).split(":")[0]: body
                for caption, body in FIGURE.findall(r.text)
                if BOARD.name in html.unescape(caption) or BOARD.name_cy in html.unescape(caption)
            }
            assert set(figures) == set(charts)
            for code, chart in charts.items():
                in_period = [
                    p
                    for p in chart["points"]
                    if start <= date.fromisoformat(p["period_end"]) <= end
                ]
                assert len(in_period) == 3
                rows = [
                    (when, [html.unescape(c) for c in CELL.findall(cells)])
                    for when, cells in ROW.findall(figures[code])
                ]
                assert rows == [(p["period_end"], expected_row(p, words)) for p in in_period], code
                # The shaded period covers the period's points in a chart of the whole series.
                assert figures[code].count("<circle") == len(chart["points"])
                assert figures[code].count('class="period"') == 1
                if (
                    len({p["mean"] for p in in_period}) == 1
                    and abs(in_period[0]["mean"] - sum(p["value"] for p in in_period) / 3) > 1e-9
                ):
                    rerun_would_differ += 1
            if (start, end) == periods[0] and language == "en":
                page = html.unescape(r.text)
                for chart in charts.values():
                    # The variation the chart shows at its last point (the period's last).
                    assert REPORT_WORDS["en"][chart["variation"]] in page
                    if chart["assurance"]:
                        assert REPORT_WORDS["en"][chart["assurance"]] in page
    # Rerunning SPC on the period's three points gives other means: the test can tell.
    assert rerun_would_differ > 0
