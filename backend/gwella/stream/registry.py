"""The live streams open in this process: who holds them, how many, and how to end them.

One :class:`StreamRegistry` per application (``app.state.streams``, made in the lifespan).
Every open ``GET /api/v1/stream`` holds an :class:`OpenStream` from it, so that

* a person holds at most ``GWELLA_STREAM_MAX_PER_PERSON`` streams and the process at most
  ``GWELLA_STREAM_MAX_PER_PROCESS``: beyond either the new stream is refused (429 for the
  person, 503 for the process, both with ``Retry-After``). Refusing the newcomer, rather than
  closing the person's oldest stream, is deliberate: the SPA reconnects a stream that ends,
  so with one tab too many, closing the oldest would make the tabs take each other's place
  every second; a refusal makes the extra tab back off (1 s, 2 s … 30 s) until a place is
  free, and the tabs already live stay live;
* shutting down ends every stream at once (:meth:`StreamRegistry.end_all`), with a last
  event saying why, instead of the server waiting for each to run out.

The process's change feed (:mod:`gwella.stream.feed`) hands each stream its events through
:meth:`OpenStream.push`; the stream sends them from its own loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from types import FrameType
from typing import Any

from gwella.core.errors import RateLimited, ServiceUnavailable

PERSON_RETRY_AFTER = 30
"""Seconds a person over their cap is asked to wait (one of their streams may end by then)."""
PROCESS_RETRY_AFTER = 10
EXIT_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class OpenStream:
    """One open stream's place in the registry, its events waiting to be sent, and the way
    to tell it to end."""

    def __init__(self, registry: StreamRegistry, person: uuid.UUID) -> None:
        self.person = person
        self.opened_at = time.monotonic()
        self.end_reason: str | None = None
        self._registry = registry
        self._wake = asyncio.Event()
        self._ended = asyncio.Event()
        self._outbox: list[str] = []

    def end(self, reason: str) -> None:
        """Ask the stream to end (it sends ``end`` with ``reason`` and stops); the first
        reason given is kept."""
        if self.end_reason is None:
            self.end_reason = reason
        self._ended.set()
        self._wake.set()

    async def ended(self) -> None:
        """Return once the stream has been told to end."""
        await self._ended.wait()

    def push(self, chunk: str) -> None:
        """An event for the stream to send (from the process's change feed)."""
        self._outbox.append(chunk)
        self._wake.set()

    def take(self) -> list[str]:
        """The events waiting to be sent, oldest first (and none left)."""
        out, self._outbox = self._outbox, []
        return out

    async def wait(self, seconds: float) -> None:
        """Sleep for ``seconds``, or less if an event comes or the stream is told to end."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)
        if self.end_reason is None:
            self._wake.clear()

    def close(self) -> None:
        """Give the place back (idempotent)."""
        self._registry.release(self)


class StreamRegistry:
    def __init__(self, max_per_person: int, max_per_process: int) -> None:
        self.max_per_person = max_per_person
        self.max_per_process = max_per_process
        self.closing = False
        self._open: dict[uuid.UUID, list[OpenStream]] = {}
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def held_by(self, person: uuid.UUID) -> int:
        return len(self._open.get(person, ()))

    def streams(self) -> list[OpenStream]:
        return [s for held in self._open.values() for s in held]

    def open(self, person: uuid.UUID) -> OpenStream:
        """A place for a new stream of ``person``, or the refusal (checked and taken with
        no ``await`` in between, so concurrent requests cannot both take the last place)."""
        if self.closing:
            raise ServiceUnavailable(
                "The server is restarting; open the live stream again in a moment.",
                retry_after=PROCESS_RETRY_AFTER,
            )
        held = self._open.setdefault(person, [])
        if len(held) >= self.max_per_person:
            raise RateLimited(
                f"You already have {len(held)} live streams open, the most one person may "
                f"hold ({self.max_per_person}); close a tab, or try again later.",
                retry_after=PERSON_RETRY_AFTER,
            )
        if self._count >= self.max_per_process:
            raise ServiceUnavailable(
                f"This server already holds {self._count} live streams, its most; try again "
                "in a moment.",
                retry_after=PROCESS_RETRY_AFTER,
            )
        stream = OpenStream(self, person)
        held.append(stream)
        self._count += 1
        return stream

    def release(self, stream: OpenStream) -> None:
        held = self._open.get(stream.person)
        if held is None or stream not in held:
            return
        held.remove(stream)
        self._count -= 1
        if not held:
            del self._open[stream.person]

    def end_all(self, reason: str) -> int:
        """Refuse new streams and tell every open one to end; returns how many were told."""
        self.closing = True
        streams = self.streams()
        for stream in streams:
            stream.end(reason)
        return len(streams)


@contextlib.contextmanager
def ending_streams_on_exit_signals(
    registry: StreamRegistry, loop: asyncio.AbstractEventLoop
) -> Iterator[None]:
    """While entered, SIGTERM or SIGINT first tells every open stream to end, then goes on
    to the server's own handler.

    Needed because uvicorn, told to stop, waits for every open response to finish *before*
    it runs the application's shutdown: a stream only learns of the shutdown from here.
    Only a handler the server installed (a Python callable) is wrapped: with the default
    action the process ends at once anyway. Signals belong to the main thread; elsewhere
    this does nothing. On leaving, the server's handler is put back if ours is still there.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    installed: dict[signal.Signals, tuple[Any, Any]] = {}
    for sig in EXIT_SIGNALS:
        server_handler = signal.getsignal(sig)
        if not callable(server_handler) or server_handler is signal.default_int_handler:
            continue

        def chained(signum: int, frame: FrameType | None, then: Any = server_handler) -> None:
            loop.call_soon_threadsafe(registry.end_all, "shutdown")
            then(signum, frame)

        signal.signal(sig, chained)
        installed[sig] = (server_handler, chained)
    try:
        yield
    finally:
        for sig, (server_handler, chained) in installed.items():
            if signal.getsignal(sig) is chained:
                signal.signal(sig, server_handler)
