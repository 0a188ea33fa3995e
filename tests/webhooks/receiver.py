"""A tiny HTTP receiver on 127.0.0.1 for webhook tests: records every request and answers as
told (2xx, an error status, a redirect, a dropped connection, or never)."""

from __future__ import annotations

import asyncio
import json
import ssl
from collections import deque
from dataclasses import dataclass
from typing import Any, Literal

Mode = Literal["ok", "error", "busy", "drop", "hang", "redirect", "slow"]


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    mode: Mode
    at: float = 0.0
    """When it arrived (the event loop's clock)."""

    @property
    def event(self) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self.body)
        return result


class Receiver:
    def __init__(self) -> None:
        self.mode: Mode = "ok"
        self.script: deque[Mode] = deque()
        """Modes for the next requests, before falling back to ``mode``."""
        self.requests: list[Received] = []
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.port = 0
        self.slow_seconds = 0.5
        """How long the ``slow`` mode takes to answer 200."""
        self.redirect_to = "http://169.254.169.254/latest/meta-data/"
        """Where the ``redirect`` mode sends the caller (a cloud metadata address)."""
        self.extra_headers = ""
        """Header lines (each ending in CRLF) added to every answer."""
        self.tls: ssl.SSLContext | None = None
        """Set before :meth:`start` to answer over TLS (``https``)."""

    @property
    def url(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://127.0.0.1:{self.port}/hooks/gwella"

    @property
    def accepted(self) -> list[Received]:
        """Requests answered 2xx: what the receiver's application saw."""
        return [r for r in self.requests if r.mode in ("ok", "slow")]

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._on_connection, "127.0.0.1", 0, ssl=self.tls)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    async def _on_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._serve(reader, writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self._tasks.discard(task)
            writer.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            headers = {}
            for line in lines[1:]:
                if ":" in line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            mode = self.script.popleft() if self.script else self.mode
            self.requests.append(Received(headers, body, mode, asyncio.get_running_loop().time()))
            if mode == "drop":
                return
            if mode == "slow":
                await asyncio.sleep(self.slow_seconds)
            if mode == "hang":
                await asyncio.sleep(30)  # cancelled when the test's receiver closes
                return
            status, extra = {
                "ok": (200, ""),
                "slow": (200, ""),
                "error": (500, ""),
                "busy": (503, "Retry-After: 120\r\n"),
                "redirect": (307, f"Location: {self.redirect_to}\r\n"),
            }[mode]
            answer = b'{"received":true}' if mode in ("ok", "slow") else b"oops\x00 not today"
            writer.write(
                f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n"
                f"{extra}{self.extra_headers}"
                f"Content-Length: {len(answer)}\r\n\r\n".encode()
                + answer
            )
            await writer.drain()
