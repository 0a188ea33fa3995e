"""A partnership around a survey, for the attacks: the health board runs the campaign in two of
its services and one of the council's; people of each kind read what they may."""

from __future__ import annotations

import copy
import random
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import Role, Scope
from gwella.campaigns.enums import Anonymity, Channel
from gwella.campaigns.models import Campaign
from gwella.core.database import utcnow
from gwella.core.text import LocalizedText
from gwella.disclosure import cellkey
from gwella.indicators import service as indicators
from gwella.indicators.models import Direction
from gwella.indicators.schemas import IndicatorCreate
from gwella.organisations.models import Organisation, Service
from tests.factories import (
    SYSTEM,
    client_token,
    make_api_client,
    make_org,
    make_partnership,
    make_service,
    make_user,
    sign_in,
)
from tests.surveys import CONTENT, make_campaign, make_published_version


@pytest.fixture
def seeded_keys(monkeypatch: pytest.MonkeyPatch) -> random.Random:
    """Record keys from a seeded generator, so that every attack replays exactly."""
    rng = random.Random(2026)
    monkeypatch.setattr(cellkey, "source", rng)
    return rng


@dataclass
class World:
    board: Organisation
    council: Organisation
    north: Service
    south: Service
    west: Service
    campaign: Campaign
    tokens: dict[uuid.UUID, str]
    partnership_id: uuid.UUID
    board_push: dict[str, str]
    council_push: dict[str, str]
    readers: dict[str, dict[str, str]]
    """Least-privileged readers: a partner manager (the council), a service user (the board's
    forum), an API client with the read scope (the council's)."""

    def scopes(self) -> dict[str, dict[str, str]]:
        return {
            "default": {},
            "partnership": {"partnership_id": str(self.partnership_id)},
            "board": {"organisation_id": str(self.board.id)},
            "council": {"organisation_id": str(self.council.id)},
            **{
                f"service:{s.code}": {"service_id": str(s.id)}
                for s in (self.north, self.south, self.west)
            },
        }

    @property
    def questions(self) -> dict[str, dict[str, Any]]:
        out = {}
        for q in CONTENT["questions"]:
            if q["type"] == "free_text":
                continue
            options = [o["value"] for o in q.get("options", [])]
            if q["type"] == "yes_no":
                options = ["yes", "no"]
            if q["type"] == "rating":
                options = [str(i) for i in range(11)]
            positive: list[str] = []
            negative: list[str] = []
            if q["type"] == "likert":
                positive, negative = options[-2:], options[:2]
            elif q["type"] == "rating":
                positive, negative = [str(i) for i in range(7, 11)], [str(i) for i in range(5)]
            elif q["type"] == "yes_no":
                positive, negative = ["yes"], ["no"]
            if q.get("allow_dont_know"):
                options.append("dont_know")
            out[q["key"]] = {
                "type": q["type"],
                "options": options,
                "positive": positive,
                "negative": negative,
            }
        return out


async def make_world(
    client: httpx.AsyncClient,
    session: AsyncSession,
    *,
    min_cell_size: int = 5,
    requires_access_code: bool = False,
    anonymity: Anonymity = Anonymity.anonymous,
) -> World:
    board = await make_org(session)
    council = await make_org(session)
    north = await make_service(session, board, code="N")
    south = await make_service(session, board, code="S")
    west = await make_service(session, council, code="W")
    partnership = await make_partnership(session, board, council)
    # "involved" feeds an indicator: its monthly share of positive answers per service.
    indicator_code = f"INV-{uuid.uuid4().hex[:8]}".upper()
    await indicators.create_indicator(
        session,
        SYSTEM,
        IndicatorCreate(
            code=indicator_code,
            name=LocalizedText(en="Involved in planning care", cy="Cymryd rhan yn y cynllunio"),
            unit="%",
            direction=Direction.higher_is_better,
            organisation_id=board.id,
        ),
    )
    await session.commit()
    content = copy.deepcopy(CONTENT)
    content["questions"][0]["indicator_code"] = indicator_code
    version = await make_published_version(session, board, content=content)
    campaign, links = await make_campaign(
        session,
        version,
        [north, south, west],
        anonymity=anonymity,
        channels=(Channel.web, Channel.paper, Channel.partner),
        opens_in=timedelta(days=-70),
        lasts=timedelta(days=100),
        min_cell_size=min_cell_size,
        requires_access_code=requires_access_code,
    )
    pushers = {}
    for org in (board, council):
        api = await make_api_client(session, org, [Scope.responses_write])
        pushers[org.id] = await client_token(client, api)
    reader_client = await make_api_client(session, council, [Scope.read])
    manager = await make_user(session, {council: [Role.manager]})
    forum = await make_user(session, {board: [Role.service_user]})
    return World(
        board=board,
        council=council,
        north=north,
        south=south,
        west=west,
        campaign=campaign,
        tokens={sid: link.public_token for sid, link in links.items()},
        partnership_id=partnership.id,
        board_push=pushers[board.id],
        council_push=pushers[council.id],
        readers={
            "partner manager": await sign_in(client, manager.email),
            "service user": await sign_in(client, forum.email),
            "API client": await client_token(client, reader_client),
        },
    )


def random_answers(rng: random.Random) -> dict[str, Any]:
    has_plan = rng.choice(["yes", "yes", "no", "dont_know"])
    answers: dict[str, Any] = {"involved": rng.choice("12345"), "has_plan": has_plan}
    if has_plan == "yes":
        answers["plan_useful"] = rng.choice([rng.randint(0, 10), 8, 9])
    if rng.random() < 0.7:
        answers["contacts"] = rng.sample(["nurse", "doctor", "social_worker"], rng.randint(1, 3))
    if rng.random() < 0.6:
        answers["visits"] = rng.randint(0, 60)
    return answers


async def push(
    client: httpx.AsyncClient, world: World, rng: random.Random, counts: dict[str, int], days: int
) -> None:
    """Responses pushed by each organisation's system: ``counts`` per service code, spread over
    the last ``days`` days."""
    for org_headers, codes in ((world.board_push, ("N", "S")), (world.council_push, ("W",))):
        items = [
            {
                "external_id": f"{code}-{i}-{uuid.uuid4().hex[:8]}",
                "service": code,
                "submitted_at": (utcnow() - timedelta(days=rng.randint(0, days))).isoformat(),
                "answers": random_answers(rng),
            }
            for code in codes
            for i in range(counts.get(code, 0))
        ]
        if items:
            r = await client.post(
                "/api/v1/ingest/responses",
                headers=org_headers,
                json={"campaign_id": str(world.campaign.id), "items": items},
            )
            assert r.status_code == 200, r.text
            assert r.json()["imported"] == len(items)
