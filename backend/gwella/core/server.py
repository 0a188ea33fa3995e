"""The HTTP server's protocol, with a deadline for a request's headers (slowloris).

uvicorn bounds the idle time between requests (``timeout_keep_alive``) but not the time a
client takes to send a request's headers: a connection that sends nothing, or one header
byte every few seconds, is held open for ever, and a few hundred of them exhaust the
server. Here every connection must deliver the headers of its next request within
``GWELLA_REQUEST_HEADER_TIMEOUT_SECONDS`` of opening (or of the end of its last answer);
otherwise it gets 408 and is closed. The body's deadline is an ASGI middleware's
(:class:`gwella.core.middleware.BodyTimeoutMiddleware`), where the request is known."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from gwella.core.config import get_settings
from gwella.core.errors import PROBLEM_MEDIA_TYPE
from gwella.core.middleware import problem_body

try:  # the C parser uvicorn prefers when it is installed ("auto")
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    HAS_HTTPTOOLS = True
except ImportError:  # pragma: no cover - httptools is optional
    HAS_HTTPTOOLS = False


def timeout_answer(seconds: float) -> bytes:
    body = problem_body(
        408,
        "request-timeout",
        "Request timeout",
        f"The request's headers did not arrive within {seconds:g} seconds; the connection "
        "is closed. Send the whole request at once.",
        uuid.uuid4().hex,
    )
    head = (
        "HTTP/1.1 408 Request Timeout\r\n"
        f"content-type: {PROBLEM_MEDIA_TYPE}\r\n"
        f"content-length: {len(body)}\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class _HeaderDeadline:
    """Mixed into a uvicorn HTTP protocol. A request's headers are complete when the
    protocol starts a new request cycle (``self.cycle``), which both protocols do."""

    transport: asyncio.Transport
    loop: asyncio.AbstractEventLoop
    cycle: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = get_settings().request_header_timeout_seconds
        self.header_deadline: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        self._disarm()
        self.header_deadline = self.loop.call_later(self.header_timeout, self._expired)

    def _disarm(self) -> None:
        if self.header_deadline is not None:
            self.header_deadline.cancel()
            self.header_deadline = None

    def _expired(self) -> None:
        self.header_deadline = None
        if self.transport.is_closing():
            return
        if self.cycle is not None and not self.cycle.response_complete:
            return  # an answer is on its way; its own timeouts apply
        self.transport.write(timeout_answer(self.header_timeout))
        self.transport.close()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._arm()

    def data_received(self, data: bytes) -> None:
        before = self.cycle
        super().data_received(data)  # type: ignore[misc]
        if self.cycle is not before:
            self._disarm()  # the headers of a request are in

    def on_response_complete(self) -> None:
        before = self.cycle
        super().on_response_complete()  # type: ignore[misc]
        if not self.transport.is_closing() and self.cycle is before:
            self._arm()  # waiting for the next request on a kept-alive connection

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)  # type: ignore[misc]


class GuardedH11Protocol(_HeaderDeadline, H11Protocol):
    pass


HTTP_PROTOCOL: type[asyncio.Protocol] = GuardedH11Protocol
if HAS_HTTPTOOLS:

    class GuardedHttpToolsProtocol(_HeaderDeadline, HttpToolsProtocol):
        pass

    HTTP_PROTOCOL = GuardedHttpToolsProtocol
