"""The worker as it runs: in the app's process (GWELLA_RUN_WORKER) and as `gwella worker`,
which stops on SIGTERM; and the events' documentation in the OpenAPI spec."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from gwella.core.config import Environment
from gwella.main import create_app
from gwella.organisations.models import Organisation
from gwella.webhooks.docs import install_webhook_docs
from gwella.webhooks.schemas import EVENTS, WebhookEventType
from gwella.worker import start_in_process
from tests.conftest import make_settings
from tests.webhooks.conftest import Hooks
from tests.webhooks.receiver import Receiver

ROOT = Path(__file__).resolve().parents[2]


async def wait_for(condition: Any, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await asyncio.sleep(0.02)


def test_run_worker_defaults_to_development_only() -> None:
    assert make_settings("sqlite+aiosqlite://", env=Environment.development).run_worker is True
    assert make_settings("sqlite+aiosqlite://").run_worker is False
    assert make_settings("sqlite+aiosqlite://", run_worker=True).run_worker is True


async def test_the_app_runs_the_worker_in_process_when_asked(
    database_url: str, hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    await hooks.subscribe(org)
    settings = make_settings(database_url, run_worker=True, worker_poll_seconds=0.05)
    app = create_app(settings)
    async with app.router.lifespan_context(app), start_in_process(app):
        await hooks.emit(org, uuid.uuid4())
        await wait_for(lambda: len(receiver.accepted) == 1)
        await hooks.emit(org, uuid.uuid4())
        await wait_for(lambda: len(receiver.accepted) == 2)
    assert len({r.headers["webhook-id"] for r in receiver.accepted}) == 2


async def test_the_in_process_worker_stays_off_unless_asked(
    database_url: str, hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    await hooks.subscribe(org)
    app = create_app(make_settings(database_url, worker_poll_seconds=0.05))
    async with app.router.lifespan_context(app), start_in_process(app):
        await hooks.emit(org, uuid.uuid4())
        await asyncio.sleep(0.3)
    assert receiver.requests == []


async def test_gwella_worker_delivers_and_stops_on_sigterm(
    database_url: str, hooks: Hooks, org: Organisation, receiver: Receiver
) -> None:
    await hooks.subscribe(org)
    await hooks.emit(org, uuid.uuid4())
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "GWELLA_ENV": "test",
        "GWELLA_WORKER_POLL_SECONDS": "0.1",
        "GWELLA_LOG_FORMAT": "json",
        "GWELLA_WEBHOOK_ALLOW_PRIVATE": "true",  # the receiver is on 127.0.0.1
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "gwella",
        "worker",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await wait_for(lambda: len(receiver.accepted) == 1, seconds=20)
        await hooks.emit(org, uuid.uuid4())
        await wait_for(lambda: len(receiver.accepted) == 2)
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=10)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, stderr.decode()
    assert b"worker_stopped" in stderr


def test_each_event_is_documented_as_a_typed_webhook() -> None:
    app = FastAPI()
    install_webhook_docs(app)
    spec = app.openapi()
    assert set(spec["webhooks"]) == {e.value for e in WebhookEventType}
    schemas = spec["components"]["schemas"]
    for event, (_, model) in EVENTS.items():
        operation = spec["webhooks"][event.value]["post"]
        assert operation["tags"] == ["webhooks"]
        assert operation["summary"]
        ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        assert ref == f"#/components/schemas/{model.__name__}"
        body = schemas[model.__name__]
        assert set(body["required"]) == {"id", "timestamp", "type", "data"}
        assert body["properties"]["type"].get("const") == event.value
        headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
        assert headers == {"webhook-id", "webhook-timestamp", "webhook-signature"}
        assert "422" not in operation["responses"]
