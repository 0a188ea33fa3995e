"""Reading everything a person may read of a campaign's results, and judging it with the
attacker: every scope (the default, each service, each organisation, each partnership) and
every period (the whole window, each month, each week), combined per period and question.

The judge knows the truth (the stored cells: what the results are published from) only to
say whether a pinned value is right and, to the attacker's advantage, which held-back numbers
were held back for being small."""

from __future__ import annotations

import uuid
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.disclosure.cellkey import cell_key, empty_cell_key
from gwella.disclosure.ptable import PerturbationTable
from gwella.results.aggregate import RESPONSES, N
from gwella.results.models import ResultCell
from tests.disclosure.attacker import Attacker

SINGLE = {"likert", "single_choice", "yes_no", "rating"}


@dataclass
class Reading:
    """What one person read: (scope key, period) -> results JSON; scope key -> services."""

    bodies: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)


async def read_everything(
    http: httpx.AsyncClient,
    headers: dict[str, str],
    campaign_id: uuid.UUID,
    scopes: dict[str, dict[str, str]],
) -> Reading:
    """Every scope in ``scopes`` (name -> query) for every period; also checks that the CSV
    says what the JSON says and that a second read gives the same numbers."""
    out = Reading()
    url = f"/api/v1/campaigns/{campaign_id}/results"
    for name, query in scopes.items():
        for period in ("all", "month", "week"):
            r = await http.get(url, headers=headers, params={**query, "period": period})
            if r.status_code == 404:
                continue  # a scope this person may not see
            assert r.status_code == 200, r.text
            body = r.json()
            again = await http.get(url, headers=headers, params={**query, "period": period})
            assert again.json() == body, "a second read tells nothing new"
            csv = await http.get(f"{url}.csv", headers=headers, params={**query, "period": period})
            assert _csv_counts(csv.text) == _json_counts(body)
            out.bodies[(name, period)] = body
            out.members[name] = body["service_ids"]
    return out


def _json_counts(body: dict[str, Any]) -> dict[tuple[str, str, str, str], str]:
    out = {}
    for p in body["periods"]:
        for q in p["questions"]:
            for row in [*q["units"], q["total"]]:
                for cell in row["cells"]:
                    shown = "suppressed" if cell["suppressed"] else str(cell["count"])
                    out[(p["period_start"], q["question_key"], row["unit"], cell["value"])] = shown
    return out


def _csv_counts(text: str) -> dict[tuple[str, str, str, str], str]:
    out = {}
    for line in text.splitlines()[1:]:
        cells = line.split(",")
        if cells[4]:
            out[(cells[0], cells[1], cells[2], cells[4])] = cells[5]
    return out


@dataclass
class Truth:
    """The stored cells of a campaign: (service, question, period, start, value) -> (count,
    key sum)."""

    cells: dict[tuple[str, str, str, date, str], tuple[int, int]]

    @classmethod
    async def load(cls, session: AsyncSession, campaign_id: uuid.UUID) -> Truth:
        rows = await session.scalars(
            select(ResultCell).where(ResultCell.campaign_id == campaign_id)
        )
        return cls(
            {
                (str(c.service_id), c.question_key, c.period, c.period_start, c.value): (
                    c.count,
                    c.key_sum,
                )
                for c in rows
            }
        )

    def tally(
        self, services: list[str], question: str, period: str, start: date, value: str
    ) -> tuple[int, int]:
        count = keys = 0
        for s in services:
            c, k = self.cells.get((s, question, period, start, value), (0, 0))
            count, keys = count + c, keys + k
        return count, keys


def judge(
    reading: Reading,
    truth: Truth,
    questions: dict[str, dict[str, Any]],
    ptable: PerturbationTable,
    k: int,
) -> dict[Hashable, int]:
    """Attack every (period, start, question) with all scopes read together; the small true
    counts that come out pinned (none, if the promise holds)."""
    pinned: dict[Hashable, int] = {}
    keys = {
        (period, p["period_start"])
        for (_, period), b in reading.bodies.items()
        for p in b["periods"]
    }
    for period, start in sorted(keys):
        day = date.fromisoformat(start)
        for q in [RESPONSES, *questions]:
            pinned |= _attack_one(reading, truth, questions, ptable, k, period, day, q)
    return pinned


def _attack_one(
    reading: Reading,
    truth: Truth,
    questions: dict[str, dict[str, Any]],
    ptable: PerturbationTable,
    k: int,
    period: str,
    day: date,
    question: str,
) -> dict[Hashable, int]:
    spec = questions.get(question, {"type": "counts", "options": []})
    qtype, options = spec["type"], spec["options"]
    attacker = Attacker(ptable, k)
    services = sorted({s for m in reading.members.values() for s in m})
    truth_values: dict[Hashable, int] = {}

    def n_tally(members: list[str]) -> tuple[int, int]:
        if question != RESPONSES and qtype in SINGLE:
            count = keys = 0
            for o in options:
                c, kk = truth.tally(members, question, period, day, o)
                count, keys = count + c, keys + kk
            return count, keys
        return truth.tally(members, question, period, day, N)

    for s in services:
        truth_values[("n", s)] = n_tally([s])[0]
        for o in options:
            truth_values[("x", s, o)] = truth.tally([s], question, period, day, o)[0]

    def published(count: int, keys: int, row_keys: int, option: str | None) -> int:
        if count:
            return ptable.perturb(count, cell_key(keys))
        if option is not None and row_keys:
            return ptable.perturb(0, empty_cell_key(row_keys, question, option))
        return 0

    for (_scope, p), body in reading.bodies.items():
        if p != period:
            continue
        members = body["service_ids"]
        entry = next((e for e in body["periods"] if e["period_start"] == day.isoformat()), None)
        if entry is None:  # nothing released in this scope and period: all of it is zero
            attacker.constrain({("n", s): 1 for s in members}, 0, 0)
            continue
        if question == RESPONSES:
            rows = [([u["service_id"]], u["n"], [], {}) for u in entry["responses"]["units"]]
            rows.append((members, entry["responses"]["total"], [], {}))
        else:
            table = next(t for t in entry["questions"] if t["question_key"] == question)
            rows = [([u["unit"]], u["n"], u["cells"], u) for u in table["units"]]
            rows.append((members, table["total"]["n"], table["total"]["cells"], table["total"]))
        for row_members, n_shown, cells, stats in rows:
            count, row_keys = n_tally(row_members)
            n_published = published(count, row_keys, row_keys, None)
            attacker.sees_count(
                [("n", s) for s in row_members],
                n_shown,
                empty=False,
                small=None if n_published == 0 else 1 <= n_published < k,
            )
            if n_shown is None or n_shown == 0:
                continue  # a row held back shows none of its cells
            for cell in cells:
                o = cell["value"]
                c, kk = truth.tally(row_members, question, period, day, o)
                value = cell["count"]
                p_cell = published(c, kk, row_keys, o)
                attacker.sees_count(
                    [("x", s, o) for s in row_members],
                    value,
                    empty=True,
                    small=None if p_cell == 0 else 1 <= p_cell < k,
                    capped=value is not None and value > 0 and value == n_shown,
                )
            # A share is a count of its own group of answers: share x n / 100 gives it back.
            for group, name in (("positive", "share_positive"), ("negative", "share_negative")):
                options_of = spec.get(group, [])
                if not options_of:
                    continue
                c = kk = 0
                for o in options_of:
                    tc, tk = truth.tally(row_members, question, period, day, o)
                    c, kk = c + tc, kk + tk
                p_group = published(c, kk, row_keys, "|".join(sorted(options_of)))
                shown = stats.get(name)
                attacker.sees_count(
                    [("x", s, o) for s in row_members for o in options_of],
                    None if shown is None else round(shown * n_shown / 100),
                    empty=True,
                    small=None if p_group == 0 else 1 <= p_group < k,
                )
    for s in services:
        parts = {("x", s, o): 1 for o in options}
        if qtype in SINGLE and question != RESPONSES:
            attacker.constrain({**parts, ("n", s): -1}, 0, 0)
        elif qtype == "multiple_choice":
            chosen = {("x", s, o): 1 for o in options if o != "dont_know"}
            for o in options:
                if o != "dont_know":
                    attacker.constrain({("x", s, o): 1, ("n", s): -1}, -1e9, 0)
            attacker.constrain({**chosen, ("n", s): -1}, 0, 1e9)
    found = attacker.pinned(truth_values)
    return {(period, day, question, *name): v for name, v in found.items()}
