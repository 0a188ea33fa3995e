"""Pure-ASGI middleware: request ids and access logs, body size limits, security headers,
the methods each path takes (OPTIONS, 405, 501)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import structlog
from fastapi.routing import iter_route_contexts
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gwella.core.errors import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE
from gwella.core.logging import get_logger

_log = get_logger("gwella.http")
_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
_SURVEY_LINK_RE = re.compile(r"^(/api/v1/public/surveys/|/s/)[^/]+")


def logged_path(path: str) -> str:
    """The path as the access log keeps it: a survey link's token (which names a service) is
    left out, so no log line ties a respondent's visit or answer to a service and a moment."""
    return _SURVEY_LINK_RE.sub(r"\1{token}", path)


def problem_body(status: int, slug: str, title: str, detail: str, request_id: str) -> bytes:
    return json.dumps(
        {
            "type": PROBLEM_TYPE_BASE + slug,
            "title": title,
            "status": status,
            "detail": detail,
            "request_id": request_id,
        }
    ).encode()


async def send_problem(
    send: Send,
    status: int,
    slug: str,
    title: str,
    detail: str,
    request_id: str,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    body = problem_body(status, slug, title, detail, request_id)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestContextMiddleware:
    """Gives every request an id (kept from ``X-Request-ID`` when well-formed), binds it to
    every log line of the request, echoes it in the response, and logs one access line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if b"%00" in scope.get("query_string", b"").lower() or "\x00" in scope["path"]:
            request_id = uuid.uuid4().hex
            await send_problem(
                send,
                400,
                "bad-request",
                "Bad request",
                "The address holds a NUL character.",
                request_id,
            )
            return
        incoming = _header(scope, b"x-request-id")
        request_id = incoming if incoming and _REQUEST_ID_RE.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status_holder = {"status": 500}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            _log.info(
                "request",
                method=scope["method"],
                path=logged_path(scope["path"]),
                status=status_holder["status"],
                duration_ms=round((time.perf_counter() - started) * 1000, 2),
            )
            structlog.contextvars.clear_contextvars()


class BodySizeLimitMiddleware:
    """Refuses bodies larger than the limit with 413, by Content-Length or while streaming.

    Routes that take large uploads can raise the limit by path prefix."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, overrides: dict[str, int] | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.overrides = overrides or {}

    def _limit_for(self, path: str) -> int:
        for prefix, limit in self.overrides.items():
            if path.startswith(prefix):
                return limit
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit_for(scope["path"])
        request_id = scope.get("state", {}).get("request_id", "")
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await send_problem(
                send,
                413,
                "payload-too-large",
                "Request body too large",
                f"The body is {declared} bytes; the limit here is {limit} bytes.",
                request_id,
            )
            return
        received = 0
        refused = False

        async def limited_receive() -> Message:
            # The 413 is sent from here, while the app is still reading: frameworks turn an
            # exception raised while parsing the body into their own 400, so the app's own
            # answer is dropped below once we have refused.
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request" and not refused:
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    await send_problem(
                        send,
                        413,
                        "payload-too-large",
                        "Request body too large",
                        f"The body exceeds the limit of {limit} bytes here.",
                        request_id,
                    )
                    raise _BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            if not refused:
                await send(message)

        with contextlib.suppress(_BodyTooLarge):
            await self.app(scope, limited_receive, guarded_send)


class _BodyTooLarge(Exception):
    pass


class BodyTimeoutMiddleware:
    """Answers 408 when a request's body has not all arrived within the limit, counted from
    the end of its headers (a body trickled a byte at a time, or stalled). Routes that take
    large uploads can have a longer limit by path prefix. Reading what follows the body
    (waiting for the client to go, as streams do) is not limited."""

    def __init__(
        self, app: ASGIApp, seconds: float, overrides: dict[str, float] | None = None
    ) -> None:
        self.app = app
        self.seconds = seconds
        self.overrides = overrides or {}

    def _limit_for(self, path: str) -> float:
        for prefix, limit in self.overrides.items():
            if path.startswith(prefix):
                return limit
        return self.seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit_for(scope["path"])
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit
        body_done = False
        timed_out = False
        answering = False

        async def timed_receive() -> Message:
            nonlocal body_done, timed_out
            if body_done:
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), max(deadline - loop.time(), 0))
            except TimeoutError:
                timed_out = True
                _log.warning(
                    "request_body_timeout",
                    method=scope["method"],
                    path=logged_path(scope["path"]),
                    limit_seconds=limit,
                )
                if not answering:
                    await send_problem(
                        send,
                        408,
                        "request-timeout",
                        "Request timeout",
                        f"The request's body did not all arrive within {limit:g} seconds; "
                        "nothing was changed. Send the whole request at once.",
                        scope.get("state", {}).get("request_id", ""),
                    )
                raise _BodyTimedOut from None
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_done = True
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal answering
            if timed_out:
                return  # the 408 was the answer; what the app made of the cut body is not
            if message["type"] == "http.response.start":
                answering = True
            await send(message)

        with contextlib.suppress(_BodyTimedOut):
            await self.app(scope, timed_receive, guarded_send)


class _BodyTimedOut(Exception):
    pass


API_DOCS_PATH = "/api/docs"


def cache_headers(
    headers: list[tuple[bytes, bytes]], authenticated: bool, api: bool
) -> list[tuple[bytes, bytes]]:
    """What caches may keep (RFC 9111).

    An API answer to a request that carries credentials is never stored anywhere (it is
    what that caller may see: personal data, tokens, another organisation's records),
    whatever the route said. The web app's own files are the same for everyone and keep what
    their route declared (fingerprinted assets for a year, the page itself revalidated).
    Any answer without a ``Cache-Control`` of its own is not stored either. An API answer a
    route declares cacheable varies by who asks and in which language, so a cache never
    hands one caller's copy to another."""
    declared = next((v for k, v in headers if k == b"cache-control"), None)
    if declared is None or (authenticated and api):
        headers = [(k, v) for k, v in headers if k != b"cache-control"]
        headers.append((b"cache-control", b"no-store"))
    elif api:
        vary = {
            part.strip().lower()
            for k, v in headers
            if k == b"vary"
            for part in v.decode("latin-1").split(",")
        }
        missing = [
            name for name in ("Authorization", "Accept-Language") if name.lower() not in vary
        ]
        if missing:
            headers.append((b"vary", ", ".join(missing).encode()))
    return headers


class SecurityHeadersMiddleware:
    """Headers every response carries; HSTS only when the request came over TLS; what
    caches may keep (:func:`cache_headers`)."""

    CSP = (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; connect-src 'self'; font-src 'self' data:; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    )
    # The API documentation page (Swagger UI, served from this server): its own scripts and
    # styles only, no inline ones; the images its stylesheet inlines as data: URIs; the spec
    # and "Try it out" calls to this server. Nothing else, not even fonts.
    DOCS_CSP = (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = self.DOCS_CSP if scope["path"] == API_DOCS_PATH else self.CSP
        https = scope.get("scheme") == "https"
        authenticated = any(k in (b"authorization", b"cookie") for k, _ in scope["headers"])
        api = scope["path"].startswith(("/api/", "/fhir/"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = cache_headers(
                    list(message.get("headers", [])), authenticated, api
                )
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                    (b"content-security-policy", csp.encode()),
                ]
                if https:
                    headers.append(
                        (b"strict-transport-security", b"max-age=31536000; includeSubDomains")
                    )
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


class ContentTypeMiddleware:
    """Refuses a request body in a media type the route does not take, with 415, before the
    body is parsed (so a form or text body never reaches a JSON route as a confusing 422)."""

    def __init__(
        self,
        app: ASGIApp,
        default: frozenset[str],
        overrides: dict[str, frozenset[str]] | None = None,
        prefix: str = "/api/",
    ) -> None:
        self.app = app
        self.default = default
        self.overrides = overrides or {}
        self.prefix = prefix

    def _allowed(self, path: str) -> frozenset[str]:
        for route_prefix, types in self.overrides.items():
            if path.startswith(route_prefix):
                return types
        return self.default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("POST", "PUT", "PATCH")
            or not scope["path"].startswith(self.prefix)
        ):
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        has_body = (length is not None and length != "0") or (
            _header(scope, b"transfer-encoding") is not None
        )
        media_type = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        allowed = self._allowed(scope["path"])
        if has_body and media_type not in allowed:
            request_id = scope.get("state", {}).get("request_id", "")
            await send_problem(
                send,
                415,
                "unsupported-media-type",
                "Unsupported media type",
                f"Send the body as {' or '.join(sorted(allowed))}"
                f" (got {media_type or 'no Content-Type'}).",
                request_id,
            )
            return
        await self.app(scope, receive, send)


# The methods of RFC 9110 §9, RFC 5789 (PATCH) and the QUERY method (httpbis): any other is
# not implemented here (501).
KNOWN_METHODS = frozenset(
    {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "QUERY"}
)
API_PATHS = ("/api/", "/fhir/")


_Template = tuple[int, re.Pattern[str], frozenset[str]]  # parameters, pattern, methods
_Bucket = tuple[int, tuple[str, ...]]
_PREFIX = 3  # static segments a bucket is keyed by: "api", "v1" and the collection


def _bucket(template: str) -> _Bucket:
    """A template's number of ``/``-separated segments and its first static segments (up to
    :data:`_PREFIX`, ending before its first parameter). A parameter matches ``[^/]+``, so a
    path can only match templates with as many segments as it has, whose static prefix is
    the same as the path's first segments."""
    segments = template.split("/")[1:]
    prefix: list[str] = []
    for segment in segments[:_PREFIX]:
        if segment.startswith("{"):
            break
        prefix.append(segment)
    return len(segments), tuple(prefix)


def _path_buckets(path: str) -> list[_Bucket]:
    """Every bucket holding templates that might match the path."""
    segments = path.split("/")[1:]
    return [(len(segments), tuple(segments[:k])) for k in range(min(_PREFIX, len(segments)) + 1)]


def _path_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile(
        "^" + "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts) + "$"
    )


class AllowedMethodsMiddleware:
    """Answers for the methods a path does not have, from the app's documented routes (the
    paths and methods the OpenAPI document declares): ``OPTIONS`` with 204 and ``Allow`` (a
    CORS preflight is the CORS middleware's, outside this one, when CORS is configured); a
    method the path does not take with 405, ``Allow`` and a problem; a method HTTP does not
    know with 501. Paths no documented route has (unknown ones, the web app's) go on to the
    app. Where two templates match (``/invitations/inspect``, ``/invitations/{invitation_id}``)
    the one with fewer parameters names the resource, as the router would take it."""

    def __init__(self, app: ASGIApp, routes: Callable[[], Sequence[BaseRoute]]) -> None:
        self.app = app
        self.routes = routes
        self._buckets: dict[_Bucket, list[_Template]] | None = None

    def _table(self) -> dict[_Bucket, list[_Template]]:
        """The documented templates by :func:`_bucket`: a path is matched against the few
        templates that can match it, not every route's (some 160 of them)."""
        if self._buckets is None:
            methods: dict[str, set[str]] = {}
            for route in iter_route_contexts(self.routes()):
                if route.include_in_schema and route.path_format and route.methods:
                    methods.setdefault(route.path_format, set()).update(route.methods)
            buckets: dict[_Bucket, list[_Template]] = {}
            for template, found in sorted(methods.items(), key=lambda kv: kv[0].count("{")):
                buckets.setdefault(_bucket(template), []).append(
                    (template.count("{"), _path_pattern(template), frozenset(found))
                )
            self._buckets = buckets
        return self._buckets

    def _matching(self, path: str) -> list[tuple[int, frozenset[str]]]:
        """(parameters, methods) of every template matching the path, fewest parameters
        first."""
        table = self._table()
        found = [
            (n, m)
            for bucket in _path_buckets(path)
            for n, pattern, m in table.get(bucket, ())
            if pattern.match(path)
        ]
        found.sort(key=lambda row: row[0])
        return found

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        request_id = scope.get("state", {}).get("request_id", "")
        if method not in KNOWN_METHODS:
            await send_problem(
                send,
                501,
                "not-implemented",
                "Not implemented",
                f"This server does not implement the method {method[:20]!r}.",
                request_id,
            )
            return
        matching = self._matching(scope["path"])
        methods = {m for n, ms in matching if n == matching[0][0] for m in ms}
        if not matching and method not in ("GET", "HEAD") and scope["path"].startswith(API_PATHS):
            # Nothing here to take any method (GET goes on: the documentation's own pages).
            await send_problem(
                send, 404, "not-found", "Not found", "There is nothing at this address.", request_id
            )
            return
        if not matching or (method != "OPTIONS" and method in methods):
            await self.app(scope, receive, send)
            return
        allowed = ", ".join(sorted({*methods, "OPTIONS"}))
        if method == "OPTIONS":
            await send(
                {
                    "type": "http.response.start",
                    "status": 204,
                    "headers": [(b"allow", allowed.encode())],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        await send_problem(
            send,
            405,
            "method-not-allowed",
            "Method not allowed",
            f"{method} is not a method of this address; it takes {allowed}.",
            request_id,
            headers=[(b"allow", allowed.encode())],
        )
