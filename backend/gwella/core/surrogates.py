"""Lone surrogates, refused where a body comes in.

JSON may write any character as ``\\uXXXX``; a character beyond U+FFFF is written as a pair of
surrogates (``\\ud83d\\ude00``), and Python's reader joins a pair into its character. But a
surrogate without its partner (``"\\ud800"``) is read as a lone surrogate: a string that
cannot be written as UTF-8, so storing it, logging it or answering with it failed with a 500
wherever it went. No keyboard types one; this middleware refuses it, for every JSON body,
before any route sees it, with a 422 problem. So is a body that is not UTF-8 (RFC 8259): Python's
reader would otherwise accept a surrogate written as bytes (``ED A0 80``, or a pair as CESU-8
writes it) and hand a lone surrogate on.

Query strings and form bodies cannot carry one: their percent-escapes are decoded as UTF-8
with replacement, so a broken sequence becomes U+FFFD, which is stored faithfully.
"""

from __future__ import annotations

import json
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gwella.core.errors import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE

# A surrogate's escape (D800-DFFF), as the fast test: most bodies have none at all.
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
# Every escape, in order: in JSON a backslash appears only inside strings, and always starts
# an escape, so reading escapes left to right never mistakes ``\\\\ud800`` (a backslash and
# the letters "ud800") for a surrogate.
_ESCAPE = re.compile(rb"\\(?:u([0-9a-fA-F]{4})|.)", re.DOTALL)


def lone_surrogate(body: bytes) -> int | None:
    """The byte offset of the first lone surrogate escape of a JSON text, or None."""
    if not _SURROGATE.search(body):
        return None
    high_end: int | None = None  # where the escape of a high surrogate waiting for its pair ends
    high_start = 0
    for match in _ESCAPE.finditer(body):
        code = int(match.group(1), 16) if match.group(1) else None
        if high_end is not None:
            if code is not None and 0xDC00 <= code <= 0xDFFF and match.start() == high_end:
                high_end = None
                continue
            return high_start
        if code is not None and 0xD800 <= code <= 0xDBFF:
            high_start, high_end = match.start(), match.end()
        elif code is not None and 0xDC00 <= code <= 0xDFFF:
            return match.start()
    return high_start if high_end is not None else None


def _is_json(content_type: str) -> bool:
    media = content_type.split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


class LoneSurrogateMiddleware:
    """Reads a JSON request body whole (within the size limit, which runs first), and refuses
    one holding a lone surrogate with 422; otherwise hands the same bytes on."""

    def __init__(self, app: ASGIApp, streamed: tuple[str, ...] = ()) -> None:
        self.app = app
        self.streamed = streamed
        """Path prefixes whose bodies are files written to disk as they arrive (imports):
        not held in memory here; their rows are read and refused one by one."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("POST", "PUT", "PATCH")
            or scope["path"].startswith(self.streamed)
        ):
            await self.app(scope, receive, send)
            return
        content_type = next(
            (v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"content-type"),
            "",
        )
        if not _is_json(content_type):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                await self.app(scope, _replay([message], receive), send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        try:
            body.decode("utf-8")  # JSON travels as UTF-8 (RFC 8259 §8.1); nothing else is read
        except UnicodeDecodeError as error:
            await _refuse(scope, send, _not_utf8(body, error.start))
            return
        at = lone_surrogate(body)
        if at is None:
            first: Message = {"type": "http.request", "body": body, "more_body": False}
            await self.app(scope, _replay([first], receive), send)
            return
        await _refuse(scope, send, _lone(at))


def _not_utf8(body: bytes, at: int) -> str:
    bad = body[at : at + 3].hex(" ")
    return (
        f"byte {at} ({bad}) is not valid UTF-8: a JSON body is UTF-8, and a surrogate "
        "(U+D800 to U+DFFF) may not be written in it as bytes, alone or in pairs"
    )


def _lone(at: int) -> str:
    return (
        f"a lone surrogate escape at byte {at}: write a character beyond U+FFFF as a pair "
        "of \\u escapes (or as UTF-8), never half of one"
    )


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replayed() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replayed


async def _refuse(scope: Scope, send: Send, message: str) -> None:
    problem = {
        "type": PROBLEM_TYPE_BASE + "validation-failed",
        "title": "The request is not valid",
        "status": 422,
        "detail": "The body holds text that is not Unicode; see errors.",
        "instance": scope.get("path"),
        "request_id": scope.get("state", {}).get("request_id", ""),
        "errors": [{"field": "body", "message": message}],
    }
    payload = json.dumps(problem).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 422,
            "headers": [
                (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
