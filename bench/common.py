"""What every benchmark shares: sizes, the database, a world to measure in, server processes,
generated responses, and statistics."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SECRET = "bench-only-secret-key-that-is-long-enough-0123456789"
PASSWORD = "bench-password-0123"
LOGS = Path(os.environ.get("BENCH_LOG_DIR", "/tmp/gwella-bench-logs"))


# --------------------------------------------------------------------------------- sizes


@dataclass(frozen=True)
class Scale:
    """How big each benchmark is. ``full`` is what `make bench` runs; ``tiny`` keeps the
    code working in `make test`."""

    name: str
    ingest_rounds: int  # rounds of (HTTP, COPY), each the same number of responses
    ingest_per_round: int
    ingest_batch: int
    results_sizes: tuple[int, ...]
    results_calls: int  # per API call and size
    group_by_calls: tuple[int, ...]  # per size
    insight_seconds: float
    insight_rate: float  # responses per second of background load
    load_seconds: float
    load_rate: float
    load_max_seconds: float
    load_concurrency: int
    import_bytes: int
    webhook_events: int  # events queued for one subscription, then delivered by one worker


FULL = Scale(
    name="full",
    ingest_rounds=5,
    ingest_per_round=20_000,
    ingest_batch=1_000,
    results_sizes=(10_000, 1_000_000),
    results_calls=200,
    group_by_calls=(20, 3),
    insight_seconds=30.0,
    insight_rate=200.0,
    load_seconds=20.0,
    load_rate=500.0,
    load_max_seconds=10.0,
    load_concurrency=32,
    import_bytes=1_000_000_000,
    webhook_events=5_000,
)
TINY = Scale(
    name="tiny",
    ingest_rounds=1,
    ingest_per_round=40,
    ingest_batch=20,
    results_sizes=(40,),
    results_calls=2,
    group_by_calls=(2,),
    insight_seconds=1.5,
    insight_rate=10.0,
    load_seconds=0.5,
    load_rate=20.0,
    load_max_seconds=0.5,
    load_concurrency=2,
    import_bytes=200_000,
    webhook_events=50,
)
SCALES = {"full": FULL, "tiny": TINY}


# ------------------------------------------------------------------------------ database


def setup_environment(database_url: str, *, apply: bool = True) -> dict[str, str]:
    """The environment of the server processes (and, with ``apply``, of this one: the app
    reads some settings from it). Development settings, the worker out of the API process."""
    env = {
        "DATABASE_URL": database_url,
        "GWELLA_ENV": "development",
        "GWELLA_SECRET_KEY": SECRET,
        "GWELLA_RUN_WORKER": "false",
        "GWELLA_MAIL_BACKEND": "memory",
        "GWELLA_LOG_FORMAT": "json",
        "GWELLA_LOG_LEVEL": "WARNING",
        "GWELLA_PUBLIC_URL": "http://127.0.0.1",
        "GWELLA_IMPORT_DIR": str(Path("/tmp") / f"gwella-bench-imports-{os.getpid()}"),
        "GWELLA_ARGON2_TIME_COST": "1",
        "GWELLA_ARGON2_MEMORY_COST_KIB": "8192",
    }
    if not apply:  # secrets are stored as keyed hashes: the servers share the caller's key
        env["GWELLA_SECRET_KEY"] = os.environ.get("GWELLA_SECRET_KEY", SECRET)
    else:
        os.environ.update(env)
        from gwella.core.config import get_settings

        get_settings.cache_clear()
    return {**os.environ, **env}


def asyncpg_dsn(database_url: str) -> str:
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


async def ensure_database(database_url: str) -> None:
    """Create the benchmark's database if it is missing."""
    url = make_url(database_url)
    admin = url.set(drivername="postgresql", database="postgres")
    conn = await asyncpg.connect(admin.render_as_string(hide_password=False))
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", url.database):
            await conn.execute(f'CREATE DATABASE "{url.database}"')
    finally:
        await conn.close()


async def fresh_schema(database_url: str) -> None:
    """An empty database migrated to head (as `gwella migrate` does)."""
    from gwella.cli import migrate
    from gwella.core.config import get_settings

    await ensure_database(database_url)
    conn = await asyncpg.connect(asyncpg_dsn(database_url))
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    finally:
        await conn.close()
    await asyncio.to_thread(migrate, get_settings())


@contextlib.asynccontextmanager
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    from gwella.core.database import create_engine, create_sessionmaker
    from gwella.models import load_all_models

    load_all_models()
    engine = create_engine(database_url)
    try:
        yield create_sessionmaker(engine)
    finally:
        await engine.dispose()


async def vacuum_analyze(database_url: str, *tables: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(database_url))
    try:
        for table in tables:
            await conn.execute(f"VACUUM ANALYZE {table}")
    finally:
        await conn.close()


# --------------------------------------------------------------------------------- world


def _t(en: str) -> dict[str, str]:
    return {"en": en, "cy": f"{en} (cy)"}


LIKERT = [str(i) for i in range(1, 6)]
CONTACTS = ["nurse", "doctor", "social_worker", "peer_worker", "psychologist"]
SETTINGS_CHOICES = ["home", "clinic", "ward", "phone"]

# A 12-question instrument in the shape of a service-user experience survey.
QUESTIONS: list[dict[str, Any]] = [
    *(
        {
            "key": f"likert_{n}",
            "type": "likert",
            "required": True,
            "text": _t(f"Statement {n}"),
            "options": [{"value": v, "label": _t(f"point {v}")} for v in LIKERT],
        }
        for n in range(1, 5)
    ),
    {"key": "has_plan", "type": "yes_no", "required": True, "text": _t("Do you have a plan?")},
    {"key": "involved", "type": "yes_no", "text": _t("Were you involved in it?")},
    {"key": "rating_care", "type": "rating", "required": True, "text": _t("Rate your care")},
    {"key": "rating_safe", "type": "rating", "text": _t("How safe did you feel?")},
    {
        "key": "where",
        "type": "single_choice",
        "text": _t("Where were you seen?"),
        "options": [{"value": v, "label": _t(v)} for v in SETTINGS_CHOICES],
    },
    {
        "key": "contacts",
        "type": "multiple_choice",
        "text": _t("Who did you see?"),
        "options": [{"value": v, "label": _t(v)} for v in CONTACTS],
    },
    {"key": "visits", "type": "number", "min": 0, "max": 100, "text": _t("Visits last month")},
    {"key": "comment", "type": "free_text", "max_length": 4000, "text": _t("Anything else?")},
]
QUESTION_TYPES = {q["key"]: q["type"] for q in QUESTIONS}


@dataclass
class World:
    org_id: uuid.UUID
    service_ids: list[uuid.UUID]
    service_codes: list[str]
    campaign_id: uuid.UUID
    version_id: uuid.UUID
    indicator_id: uuid.UUID
    client_id: str
    client_secret: str
    manager_email: str
    opens_at: datetime
    extra: dict[str, Any] = field(default_factory=dict)


async def make_world(
    maker: async_sessionmaker[AsyncSession],
    *,
    services: int = 4,
    days: int = 90,
    tag: str | None = None,
    campaigns_count: int = 1,
) -> World:
    """An organisation with services, a published 12-question instrument, a campaign open for
    the last ``days`` days taking partner pushes, an API client that may push and read, a
    manager, and an indicator with 24 monthly measurements per service."""
    from gwella.accounts import api_clients
    from gwella.accounts import users as accounts
    from gwella.accounts.models import Role, Scope
    from gwella.accounts.schemas import ApiClientCreate
    from gwella.campaigns import service as campaigns
    from gwella.campaigns.enums import Anonymity, Channel
    from gwella.campaigns.schemas import CampaignCreate
    from gwella.core.audit import AuditContext
    from gwella.core.database import utcnow
    from gwella.core.security import hash_password
    from gwella.core.text import LocalizedText
    from gwella.indicators import service as indicators
    from gwella.indicators.models import Direction
    from gwella.indicators.schemas import IndicatorCreate
    from gwella.instruments import review as instrument_review
    from gwella.instruments import service as instruments
    from gwella.instruments.content import InstrumentContent
    from gwella.instruments.models import ReviewDecision
    from gwella.instruments.schemas import InstrumentCreate
    from gwella.organisations import service as organisations
    from gwella.organisations.enums import OrganisationKind, ServiceKind
    from gwella.organisations.schemas import OrganisationCreate, ServiceCreate

    ctx = AuditContext.system("bench")
    tag = tag or uuid.uuid4().hex[:6]
    async with maker() as s:
        org = await organisations.create_organisation(
            s,
            ctx,
            OrganisationCreate(
                name=f"Bench health board {tag}", kind=OrganisationKind.health_board
            ),
        )
        svcs = [
            await organisations.create_service(
                s,
                ctx,
                org,
                ServiceCreate(
                    name=f"CMHT {n} {tag}",
                    kind=ServiceKind.community_mental_health_team,
                    code=f"CMHT-{n}",
                ),
            )
            for n in range(1, services + 1)
        ]
        manager = await accounts.create_user(
            s,
            ctx,
            email=f"manager-{tag}@bench.gwella.test",
            display_name="Bench manager",
            password=None,
            is_platform_admin=False,
        )
        manager.password_hash = hash_password(PASSWORD)
        await accounts.grant_role(s, ctx, org.id, manager.id, Role.manager)
        reviewer = await accounts.create_user(
            s,
            ctx,
            email=f"reviewer-{tag}@bench.gwella.test",
            display_name="Bench reviewer",
            password=None,
            is_platform_admin=False,
        )
        # approvals count only from a forum the draft was opened to, never from its owner
        forum = await organisations.create_organisation(
            s,
            ctx,
            OrganisationCreate(
                name=f"Bench service user forum {tag}", kind=OrganisationKind.service_user_group
            ),
        )
        await accounts.grant_role(s, ctx, forum.id, reviewer.id, Role.service_user)
        instrument, version = await instruments.create_instrument(
            s,
            ctx,
            InstrumentCreate(
                organisation_id=org.id,
                code=f"bench-{tag}",
                title=LocalizedText(**_t("Your experience")),
                content=InstrumentContent.model_validate({"sections": [], "questions": QUESTIONS}),
            ),
        )
        await instruments.set_codesign(s, ctx, instrument, version, False, [forum.id])
        await instrument_review.request_review(s, ctx, instrument, version)
        await instrument_review.add_review(
            s,
            ctx,
            instrument,
            version,
            (reviewer.id, forum.id, "service_user"),
            ReviewDecision.approved,
            None,
        )
        await instrument_review.publish(s, ctx, instrument, version)
        opens = utcnow() - timedelta(days=days)
        made = [
            await campaigns.create_campaign(
                s,
                ctx,
                CampaignCreate(
                    instrument_version_id=version.id,
                    name=f"Bench survey {tag} {n}",
                    opens_at=opens,
                    closes_at=utcnow() + timedelta(days=30),
                    service_ids=[v.id for v in svcs],
                    channels=[Channel.web, Channel.partner],
                    anonymity=Anonymity.anonymous,
                ),
                None,
            )
            for n in range(campaigns_count)
        ]
        campaign = made[0]
        client, secret = await api_clients.create_api_client(
            s,
            ctx,
            ApiClientCreate(
                organisation_id=org.id,
                name=f"Bench PAS {tag}",
                scopes=[Scope.responses_write, Scope.read],
            ),
        )
        indicator = await indicators.create_indicator(
            s,
            ctx,
            IndicatorCreate(
                code=f"BENCH-{tag}".upper(),
                name=LocalizedText(**_t("Share positive")),
                unit="%",
                direction=Direction.higher_is_better,
                target=75.0,
                organisation_id=org.id,
            ),
        )
        rng = random.Random(7)
        rows = []
        for unit in [None, *svcs]:
            for m in range(24):
                year, month = divmod(2024 * 12 + m, 12)
                start = datetime(year, month + 1, 1, tzinfo=UTC).date()
                end = (
                    datetime(year + (month + 1) // 12, (month + 1) % 12 + 1, 1) - timedelta(1)
                ).date()
                service_id = unit.id if unit else None
                rows.append(
                    {
                        "indicator_id": indicator.id,
                        "organisation_id": org.id,
                        "service_id": service_id,
                        "unit_key": indicators.unit_key(org.id, service_id),
                        "period_start": start,
                        "period_end": end,
                        "value": round(rng.gauss(70, 6), 1),
                        "numerator": None,
                        "denominator": None,
                    }
                )
        await indicators.store_measurements(s, ctx, org.id, rows, [])
        await s.commit()
        return World(
            org_id=org.id,
            service_ids=[v.id for v in svcs],
            service_codes=[v.code or "" for v in svcs],
            campaign_id=campaign.id,
            version_id=version.id,
            indicator_id=indicator.id,
            client_id=client.client_id,
            client_secret=secret,
            manager_email=manager.email,
            opens_at=opens,
            extra={"campaign_ids": [c.id for c in made]},
        )


# --------------------------------------------------------------------------- responses


def answers(rng: random.Random, comment_chars: int = 0) -> dict[str, Any]:
    """A valid set of answers to the 12 questions, skewed like real surveys."""
    out: dict[str, Any] = {
        f"likert_{n}": rng.choices(LIKERT, weights=(1, 2, 3, 5, 4))[0] for n in range(1, 5)
    }
    out["has_plan"] = "yes" if rng.random() < 0.7 else "no"
    out["involved"] = rng.choice(("yes", "no"))
    out["rating_care"] = rng.randint(0, 10)
    out["rating_safe"] = rng.randint(3, 10)
    out["where"] = rng.choice(SETTINGS_CHOICES)
    out["contacts"] = rng.sample(CONTACTS, rng.randint(1, 3))
    out["visits"] = rng.randint(0, 12)
    out["comment"] = (
        ("The team listened to me and the plan made sense. " * (comment_chars // 50 + 1))[
            :comment_chars
        ]
        if comment_chars
        else "Staff were kind."
    )
    return out


def item(world: World, rng: random.Random, external_id: str, at: datetime) -> dict[str, Any]:
    return {
        "external_id": external_id,
        "service": rng.choice(world.service_codes),
        "submitted_at": at.isoformat(),
        "answers": answers(rng),
    }


def moment(world: World, rng: random.Random) -> datetime:
    """A time inside the campaign's window, in the past."""
    span = (datetime.now(UTC) - timedelta(hours=1) - world.opens_at).total_seconds()
    return world.opens_at + timedelta(seconds=rng.uniform(60, span))


# ------------------------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A uvicorn server (``workers`` processes) on a free loopback port, stopped on exit."""

    def __init__(
        self,
        env: dict[str, str],
        *,
        workers: int = 1,
        app: str = "gwella.main:create_app",
        factory: bool = True,
        name: str = "server",
        ready: str = "/healthz",
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        LOGS.mkdir(parents=True, exist_ok=True)
        self.log = LOGS / f"{name}-{self.port}.log"
        args = [PYTHON, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(self.port)]
        args += ["--workers", str(workers), "--no-access-log", "--log-level", "warning"]
        if factory:
            args.append("--factory")
        self.ready = ready
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                args, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
            )

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped: see {self.log}")
            try:
                if httpx.get(self.url + self.ready, timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the server did not start in {timeout} s: see {self.log}")

    def pids(self) -> list[int]:
        """The server's processes (the master and its worker processes)."""
        out = [self.process.pid]
        with contextlib.suppress(OSError):
            for child in Path(f"/proc/{self.process.pid}/task").iterdir():
                kids = (child / "children").read_text().split()
                out += [int(k) for k in kids]
        return out

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Server:
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def server(env: dict[str, str], **kwargs: Any) -> Iterator[Server]:
    with Server(env, **kwargs) as srv:
        yield srv


async def client_headers(http: httpx.AsyncClient, world: World) -> dict[str, str]:
    answer = await http.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": world.client_id,
            "client_secret": world.client_secret,
        },
    )
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def manager_headers(http: httpx.AsyncClient, world: World) -> dict[str, str]:
    answer = await http.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": world.manager_email, "password": PASSWORD},
    )
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


# ---------------------------------------------------------------------------- statistics


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0-100) of a non-empty sample."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.4999)))
    return float(ordered[rank - 1])


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    middle = n // 2
    return float(ordered[middle] if n % 2 else (ordered[middle - 1] + ordered[middle]) / 2)


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "p99_ms": round(percentile(ms, 99), 2),
        "max_ms": round(max(ms), 2),
    }


def rss_kib(pid: int, key: str = "VmHWM") -> int:
    """A process's peak (VmHWM) or current (VmRSS) resident set, in KiB (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, default=str, ensure_ascii=False)


async def execute(database_url: str, sql: str) -> None:
    """One statement on its own connection (for set-up)."""
    async with sessions(database_url) as maker, maker() as s:
        await s.execute(text(sql))
        await s.commit()
