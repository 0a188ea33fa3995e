"""One signed POST to a receiver and what came of it (the worker's sending, without the
outbox: see :mod:`gwella.webhooks.delivery`)."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

import httpx

from gwella import __version__
from gwella.webhooks.destinations import DestinationRefused
from gwella.webhooks.signing import signature_header

MAX_RETRY_AFTER = timedelta(hours=1)
RESPONSE_BODY_CHARS = 1000
ERROR_CHARS = 500
USER_AGENT = f"Gwella-Webhooks/{__version__}"


@dataclass
class Job:
    delivery_id: uuid.UUID
    url: str
    event_id: str
    body: bytes
    secrets: list[str]
    problem: str | None = None
    """Why it cannot be sent at all (a secret that does not decrypt)."""


@dataclass
class Outcome:
    status_code: int | None
    error: str | None
    response_body: str | None
    duration_ms: int
    retry_after: timedelta | None = None
    final: bool = False
    """Trying again cannot help (the URL leads inside the network): fail the delivery now."""

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def encode_body(payload: dict[str, object]) -> bytes:
    """The exact bytes sent and signed."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


def _clean(text: str, limit: int) -> str:
    # PostgreSQL text cannot hold NUL.
    return text.replace("\x00", "\ufffd")[:limit]


def _retry_after(response: httpx.Response) -> timedelta | None:
    if response.status_code not in (429, 503):
        return None
    value = response.headers.get("retry-after", "")
    if value.isdigit():
        return min(timedelta(seconds=int(value)), MAX_RETRY_AFTER)
    return None


async def send(http: httpx.AsyncClient, job: Job, timestamp: int, limit: float) -> Outcome:
    """One signed POST, bounded by ``limit`` seconds in all (however slowly the receiver
    trickles its answer)."""
    if job.problem:
        return Outcome(None, _clean(job.problem, ERROR_CHARS), None, 0)
    headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": job.event_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(job.secrets, job.event_id, timestamp, job.body),
    }
    started = time.monotonic()
    status: int | None = None
    error: str | None = None
    text: str | None = None
    retry_after: timedelta | None = None
    final = False
    try:
        async with asyncio.timeout(limit):
            async with http.stream("POST", job.url, content=job.body, headers=headers) as answer:
                status = answer.status_code
                retry_after = _retry_after(answer)
                received = bytearray()
                async for chunk in answer.aiter_bytes():
                    received += chunk
                    if len(received) >= RESPONSE_BODY_CHARS * 4:
                        break
                text = received.decode("utf-8", "replace")
    except TimeoutError:
        error = f"no complete answer within {limit:g} s"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        if isinstance(exc.__cause__, DestinationRefused):
            final = True
            error = f"Refused: {exc}. Not retried: change the subscription's URL, then redeliver."
    duration = int((time.monotonic() - started) * 1000)
    outcome = Outcome(status, None, _clean(text, RESPONSE_BODY_CHARS) if text else None, duration)
    outcome.retry_after = retry_after
    outcome.final = final
    if not outcome.ok:
        outcome.error = _clean(error or f"HTTP {status}", ERROR_CHARS)
    return outcome
