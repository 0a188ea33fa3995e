"""An operator given the request id of a 500 finds what broke: the log line of the error
carries the traceback and that request id, and nothing secret or personal."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import Depends, FastAPI
from sqlalchemy import text

from gwella.core.database import SessionDep
from gwella.core.dependencies import public
from gwella.core.logging import configure_logging, mark_logged
from gwella.main import create_app
from tests.conftest import make_settings
from tests.factories import PASSWORD

TOKEN = "gwu_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_"
EMAIL = "someone.private@example.test"


def _ledger_total(entries: list[int], password: str) -> int:
    owner = EMAIL  # a local holding personal data: never to be rendered
    assert owner
    assert password
    return sum(entries) // (len(entries) - 3)  # ZeroDivisionError for three entries


@pytest.fixture
def captured() -> io.StringIO:
    return io.StringIO()


@pytest.fixture
async def broken_app(database_url: str, captured: io.StringIO) -> AsyncIterator[FastAPI]:
    app = create_app(make_settings(database_url))

    async def explode() -> None:
        _ledger_total([1, 2, 3], PASSWORD)

    async def leak_in_message() -> None:
        raise ValueError(f"could not use {TOKEN} for {EMAIL}")

    async def leak_in_sql(session: SessionDep) -> None:
        # Two parameters named, one given: SQLAlchemy refuses before the database is asked,
        # and its message would list the parameters it was given.
        await session.execute(text("SELECT :secret_value, :other"), {"secret_value": PASSWORD})

    for path, endpoint in (
        ("/api/v1/explode", explode),
        ("/api/v1/explode-message", leak_in_message),
        ("/api/v1/explode-sql", leak_in_sql),
    ):
        app.add_api_route(path, endpoint, dependencies=[Depends(public("test"))])
        app.router.routes.insert(0, app.router.routes.pop())  # before the SPA's catch-all
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    previous = handler.setStream(captured)
    try:
        async with app.router.lifespan_context(app):
            yield app
    finally:
        handler.setStream(previous)  # type: ignore[arg-type]


async def _get(app: FastAPI, path: str, request_id: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        return await c.get(
            path,
            headers={
                "X-Request-ID": request_id,
                "Authorization": f"Bearer {TOKEN}",
                "Cookie": f"session={TOKEN}",
            },
            params={"password": PASSWORD},
        )


def _error_line(buffer: io.StringIO, request_id: str) -> dict[str, Any]:
    raw = buffer.getvalue().splitlines()
    assert all(line.startswith("{") for line in raw if line.strip()), raw
    lines = [json.loads(line) for line in raw if line.strip()]
    errors = [
        line
        for line in lines
        if line.get("event") == "unhandled_error" and line.get("request_id") == request_id
    ]
    assert len(errors) == 1, lines
    return errors[0]


def _assert_nothing_private(buffer: io.StringIO) -> None:
    logged = buffer.getvalue()
    for private in (TOKEN, PASSWORD, EMAIL, "Bearer"):
        assert private not in logged, private


async def test_a_500_is_logged_with_its_traceback_and_request_id(
    broken_app: FastAPI, captured: io.StringIO
) -> None:
    r = await _get(broken_app, "/api/v1/explode", "trace-500-0001")
    assert r.status_code == 500
    assert r.json()["request_id"] == "trace-500-0001"
    line = _error_line(captured, "trace-500-0001")
    assert line["level"] == "error"
    assert "exc_info" not in line
    [exception] = line["exception"]
    assert exception["exc_type"] == "ZeroDivisionError"
    frames = [frame["name"] for frame in exception["frames"]]
    assert frames[-2:] == ["explode", "_ledger_total"]
    assert exception["frames"][-1]["filename"].endswith("test_error_logs.py")
    assert all("locals" not in frame for frame in exception["frames"])
    _assert_nothing_private(captured)


async def test_secrets_and_addresses_in_an_exception_message_are_masked(
    broken_app: FastAPI, captured: io.StringIO
) -> None:
    r = await _get(broken_app, "/api/v1/explode-message", "trace-500-0002")
    assert r.status_code == 500
    [exception] = _error_line(captured, "trace-500-0002")["exception"]
    assert exception["exc_type"] == "ValueError"
    assert exception["exc_value"].startswith("could not use gwu_[redacted] for [redacted email]")
    _assert_nothing_private(captured)


async def test_sql_parameters_never_reach_the_log(
    broken_app: FastAPI, captured: io.StringIO
) -> None:
    r = await _get(broken_app, "/api/v1/explode-sql", "trace-500-0003")
    assert r.status_code == 500
    chain = _error_line(captured, "trace-500-0003")["exception"]
    assert "SELECT" in chain[0]["exc_value"]  # the statement itself helps; its values do not
    assert "parameters hidden" in chain[0]["exc_value"]
    _assert_nothing_private(captured)


def test_the_server_does_not_log_a_logged_error_again(captured: io.StringIO) -> None:
    """uvicorn logs "Exception in ASGI application" for the error the 500 handler already
    logged with its request id; only an error nobody logged yet gets that second line."""
    configure_logging("INFO", "json")
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    previous = handler.setStream(captured)
    server = logging.getLogger("uvicorn.error")
    try:
        for marked in (True, False):
            try:
                raise KeyError("ledger")
            except KeyError as exc:
                if marked:
                    mark_logged(exc)
                server.error("Exception in ASGI application", exc_info=exc)
    finally:
        handler.setStream(previous)  # type: ignore[arg-type]
    lines = [json.loads(line) for line in captured.getvalue().splitlines() if line.strip()]
    assert [line["event"] for line in lines] == ["Exception in ASGI application"]
    assert lines[0]["exception"][0]["exc_type"] == "KeyError"
