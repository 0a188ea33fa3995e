"""One signed POST to a receiver and what came of it (the worker's sending, without the
outbox: see :mod:`gwella.webhooks.delivery`)."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

import aiohttp

from gwella import __version__
from gwella.webhooks.destinations import refused
from gwella.webhooks.signing import signature_header

MAX_RETRY_AFTER = timedelta(hours=1)
RESPONSE_BODY_CHARS = 1000
RESPONSE_BODY_BYTES = RESPONSE_BODY_CHARS * 4
"""Read no more of an answer than its first 1,000 characters can take (UTF-8)."""
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


def _retry_after(status: int, headers: Mapping[str, str]) -> timedelta | None:
    if status not in (429, 503):
        return None
    value = headers.get("retry-after", "")
    if value.isdigit():
        return min(timedelta(seconds=int(value)), MAX_RETRY_AFTER)
    return None


async def send(http: aiohttp.ClientSession, job: Job, timestamp: int, limit: float) -> Outcome:
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
            async with http.post(
                job.url, data=job.body, headers=headers, allow_redirects=False
            ) as answer:
                status = answer.status
                retry_after = _retry_after(status, answer.headers)
                received = bytearray()
                while len(received) < RESPONSE_BODY_BYTES:
                    chunk = await answer.content.read(RESPONSE_BODY_BYTES - len(received))
                    if not chunk:
                        break
                    received += chunk
                text = received.decode("utf-8", "replace")
    except TimeoutError:
        error = f"no complete answer within {limit:g} s"
    except (aiohttp.ClientError, OSError) as exc:
        error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        refusal = refused(exc)
        if refusal is not None:
            final = True
            error = (
                f"Refused: {refusal}. Not retried: change the subscription's URL, then redeliver."
            )
    duration = int((time.monotonic() - started) * 1000)
    outcome = Outcome(status, None, _clean(text, RESPONSE_BODY_CHARS) if text else None, duration)
    outcome.retry_after = retry_after
    outcome.final = final
    if not outcome.ok:
        outcome.error = _clean(error or f"HTTP {status}", ERROR_CHARS)
    return outcome
