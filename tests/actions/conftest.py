"""A partnership of three organisations (health board, council, service user forum), an
outsider in a partnership of its own, people in every role, and an indicator with a year of
measurements filed under an NSF standard."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from unittest import mock

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, User
from gwella.actions import checks
from gwella.actions.models import Action
from gwella.core.database import utcnow
from gwella.core.text import LocalizedText
from gwella.indicators import service as indicators
from gwella.indicators.models import (
    Direction,
    Framework,
    Indicator,
    Measurement,
    MeasurementSource,
    Standard,
)
from gwella.indicators.schemas import IndicatorCreate
from gwella.organisations.enums import OrganisationKind
from gwella.organisations.models import Organisation
from gwella.partnerships.models import Partnership
from tests.factories import SYSTEM, make_org, make_partnership, make_user, sign_in

PEOPLE: dict[str, tuple[str, Role]] = {
    "board_admin": ("board", Role.admin),
    "board_manager": ("board", Role.manager),
    "board_staff": ("board", Role.staff),
    "council_manager": ("council", Role.manager),
    "council_staff": ("council", Role.staff),
    "forum_su": ("forum", Role.service_user),
    "forum_carer": ("forum", Role.carer),
    "forum_su2": ("forum", Role.service_user),
    "outsider_admin": ("outsider", Role.admin),
    "outsider_su": ("outsider", Role.service_user),
}


@dataclass
class Team:
    http: httpx.AsyncClient
    session: AsyncSession
    partnership: Partnership
    other_partnership: Partnership
    orgs: dict[str, Organisation]
    users: dict[str, User]
    standard: Standard
    indicator: Indicator
    _headers: dict[str, dict[str, str]] = field(default_factory=dict)

    async def as_(self, who: str) -> dict[str, str]:
        if who not in self._headers:
            self._headers[who] = await sign_in(self.http, self.users[who].email)
        return self._headers[who]

    async def call(self, who: str | None, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if who is not None:
            headers.update(await self.as_(who))
        return await self.http.request(method, f"/api/v1{path}", headers=headers, **kwargs)

    async def propose(self, who: str = "forum_su", **overrides: Any) -> dict[str, Any]:
        body: dict[str, Any] = {
            "partnership_id": str(self.partnership.id),
            "title": {"en": "Evening appointments", "cy": "Apwyntiadau gyda'r nos"},
            "description": {"en": "People who work cannot come in the day."},
            **overrides,
        }
        r = await self.call(who, "POST", "/actions", json=body)
        assert r.status_code == 201, r.text
        data: dict[str, Any] = r.json()
        return data

    async def status(self, who: str, action_id: str, to: str, **extra: Any) -> httpx.Response:
        return await self.call(
            who,
            "POST",
            f"/actions/{action_id}/status",
            json={"status": to, "explanation": f"Moving to {to}", **extra},
        )

    async def accept(self, who: str, action_id: str, org: str, **body: Any) -> httpx.Response:
        return await self.call(
            who,
            "POST",
            f"/actions/{action_id}/responsibilities/{self.orgs[org].id}/accept",
            json=body,
        )

    def parts(self, lead: str = "board", supporting: tuple[str, ...] = ("council",)) -> Any:
        return [{"organisation_id": str(self.orgs[lead].id), "role": "lead"}] + [
            {"organisation_id": str(self.orgs[o].id), "role": "supporting"} for o in supporting
        ]

    async def agreed(self, **overrides: Any) -> dict[str, Any]:
        """A proposal taken to `agreed`, with the board leading and the council supporting."""
        action = await self.propose(responsibilities=self.parts(), **overrides)
        aid = action["id"]
        assert (await self.status("board_manager", aid, "under_review")).status_code == 200
        assert (await self.accept("board_manager", aid, "board")).status_code == 200
        assert (await self.accept("council_manager", aid, "council")).status_code == 200
        r = await self.status("board_manager", aid, "agreed")
        assert r.status_code == 200, r.text
        data: dict[str, Any] = r.json()
        return data

    async def agreed_late(self, days: int, **overrides: Any) -> dict[str, Any]:
        """An agreed action whose due date passed ``days`` ago: set while it was still ahead
        (a past due date is refused when set), as if made a little before."""
        due = (utcnow() - timedelta(days=days)).date().isoformat()
        before = utcnow() - timedelta(days=days + 1)
        with mock.patch.object(checks, "utcnow", return_value=before):
            return await self.agreed(due_date=due, **overrides)

    async def action_count(self) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(Action)) or 0)


@pytest.fixture
async def team(client: httpx.AsyncClient, session: AsyncSession) -> Team:
    orgs = {
        "board": await make_org(session, "Bae Board", code="BB1"),
        "council": await make_org(session, "Council", OrganisationKind.local_authority),
        "forum": await make_org(session, "Forum", OrganisationKind.service_user_group),
        "outsider": await make_org(session, "Elsewhere Board"),
    }
    partnership = await make_partnership(session, orgs["board"], orgs["council"], orgs["forum"])
    other = await make_partnership(session, orgs["outsider"])
    users = {
        key: await make_user(session, {orgs[org]: [role]}, email=f"{key}@people.test")
        for key, (org, role) in PEOPLE.items()
    }
    framework = Framework(code="NSF-T", title={"en": "NSF", "cy": "FfGC"})
    session.add(framework)
    await session.flush()
    standard = Standard(
        framework_id=framework.id,
        code="S1",
        number=1,
        title={"en": "Social inclusion", "cy": "Cynhwysiant cymdeithasol"},
    )
    session.add(standard)
    await session.flush()
    indicator = await indicators.create_indicator(
        session,
        SYSTEM,
        IndicatorCreate(
            code="SU-INVOLVED",
            name=LocalizedText(en="Involved in their care plan", cy="Yn rhan o'u cynllun"),
            unit="%",
            direction=Direction.higher_is_better,
            target=80.0,
            standard_id=standard.id,
        ),
    )
    for month, value in enumerate([60, 62, 61, 63, 60, 62, 61, 63, 60, 62, 61, 75], start=1):
        session.add(
            Measurement(
                indicator_id=indicator.id,
                organisation_id=orgs["board"].id,
                service_id=None,
                unit_key=indicators.unit_key(orgs["board"].id, None),
                period_start=date(2025, month, 1),
                period_end=date(2025, month, 28),
                value=float(value),
                source=MeasurementSource.manual,
            )
        )
    await session.commit()
    return Team(client, session, partnership, other, orgs, users, standard, indicator)
