"""OperationOutcome: how every refusal under ``/fhir/`` is told, in the FHIR JSON media type.

Errors raised by FHIR code carry FHIR issues (with a FHIRPath ``expression`` pointing at the
element); errors from the rest of the app (sign-in, scopes, size limits, unknown paths,
unexpected failures) arrive as RFC 9457 problems and are rewritten here as OperationOutcomes,
so a FHIR client never has to understand two error formats.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import parse_qsl

from fhir.resources.R4B.operationoutcome import OperationOutcome
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gwella.core.errors import PROBLEM_MEDIA_TYPE, FieldProblem, GwellaError

FHIR_JSON = "application/fhir+json"
FHIR_PREFIX = "/fhir/"

Severity = Literal["fatal", "error", "warning", "information"]

# The closest FHIR issue type for each HTTP status of a refusal.
ISSUE_TYPE_BY_STATUS = {
    400: "invalid",
    401: "login",
    403: "forbidden",
    404: "not-found",
    405: "not-supported",
    406: "not-supported",
    409: "conflict",
    410: "deleted",
    412: "conflict",
    413: "too-costly",
    415: "not-supported",
    422: "processing",
    428: "required",
    429: "throttled",
    503: "transient",
}

REASONS = {
    200: "OK",
    201: "Created",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    410: "Gone",
    413: "Payload Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Entity",
    500: "Internal Server Error",
}


def status_line(status: int) -> str:
    """A Bundle entry's ``response.status``: the code and its reason phrase."""
    reason = REASONS.get(status)
    return f"{status} {reason}" if reason else str(status)


@dataclass(frozen=True)
class Issue:
    code: str
    """A code of http://hl7.org/fhir/issue-type (invalid, structure, required, value, …)."""
    diagnostics: str
    expression: str | None = None
    """FHIRPath to the element concerned, e.g. ``QuestionnaireResponse.item.where(linkId='x')``."""
    severity: Severity = "error"

    def under(self, prefix: str, root: str = "QuestionnaireResponse") -> Issue:
        """The same issue, an expression at ``root`` re-rooted at ``prefix`` (e.g. inside
        ``Bundle.entry[2].resource``); other expressions are kept."""
        if self.expression is None or not self.expression.startswith(root):
            return self
        rest = self.expression[len(root) :]
        return Issue(self.code, self.diagnostics, f"{prefix}{rest}", self.severity)


class FhirError(GwellaError):
    """A refusal told as an OperationOutcome with these issues (see :func:`include_handlers`).

    As a ``GwellaError`` it also renders, without the FHIR handler, as a problem whose
    ``errors`` keep each issue's expression."""

    def __init__(self, status: int, issues: Sequence[Issue]) -> None:
        issues = list(issues) or [Issue(ISSUE_TYPE_BY_STATUS.get(status, "exception"), "Refused")]
        super().__init__(
            issues[0].diagnostics,
            errors=[FieldProblem(field=i.expression or "", message=i.diagnostics) for i in issues],
        )
        self.status = status
        self.slug = "fhir-" + issues[0].code
        self.title = "Refused"
        self.issues = issues


def _loc_path(root: str, loc: Sequence[Any], forms: frozenset[str]) -> str:
    path = root
    for i, part in enumerate(loc):
        if i and isinstance(loc[i - 1], int) and part in forms:
            continue  # the form a list's item took, not an element
        if isinstance(part, int):
            path += f"[{part}]"
        elif part == "resource_type":
            path += ".resourceType"
        else:
            path += f".{part}"
    return path


def structure_issues(
    error: ValidationError,
    root: str,
    forms: frozenset[str] = frozenset(),
    patterns: Mapping[str, str] | None = None,
) -> list[Issue]:
    """A model's complaints (fhir.resources', or the push profile's, whose union ``forms``
    pydantic names in the location, and whose ``patterns`` have words) as issues, each
    pointing at the element."""
    issues = []
    for e in error.errors():
        message = " ".join(str(e.get("msg", "")).split())
        if e.get("type") == "string_pattern_mismatch" and patterns:
            message = patterns.get(str((e.get("ctx") or {}).get("pattern")), message)
        elif e.get("type") == "extra_forbidden":
            message = "Gwella does not take this element: the push schemas name every one it takes."
        code = "required" if "missing" in str(e.get("type", "")) else "structure"
        issues.append(Issue(code, message, _loc_path(root, tuple(e.get("loc", ())), forms)))
    return issues


def outcome(issues: Sequence[Issue]) -> dict[str, Any]:
    """An OperationOutcome, built and checked with the R4B model."""
    resource = OperationOutcome.model_validate(
        {
            "resourceType": "OperationOutcome",
            "issue": [
                {
                    "severity": i.severity,
                    "code": i.code,
                    "diagnostics": i.diagnostics,
                    **({"expression": [i.expression]} if i.expression else {}),
                }
                for i in issues
            ],
        }
    )
    return resource.model_dump(mode="json")


class FhirResponse(JSONResponse):
    media_type = FHIR_JSON


def problem_to_outcome(problem: dict[str, Any], status: int) -> dict[str, Any]:
    """An RFC 9457 problem (as the app renders it) told as an OperationOutcome."""
    code = ISSUE_TYPE_BY_STATUS.get(status, "exception")
    detail = str(problem.get("detail") or problem.get("title") or "Refused")
    issues = [Issue(code, detail)]
    for error in problem.get("errors") or []:
        if isinstance(error, dict):
            field, message = error.get("field"), str(error.get("message", ""))
            issues.append(Issue(code, f"{field}: {message}" if field else message))
    return outcome(issues)


def _header(headers: Sequence[tuple[bytes, bytes]], name: bytes) -> str:
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


def _rewrite(body: bytes, status: int) -> bytes:
    try:
        problem = json.loads(body)
    except ValueError:
        problem = {}
    if not isinstance(problem, dict):
        problem = {}
    return json.dumps(problem_to_outcome(problem, status), ensure_ascii=False).encode()


PLAIN_JSON = "application/json"
_FHIR_TYPES = (FHIR_JSON, "application/json+fhir")
_FORMATS = {"json": PLAIN_JSON, PLAIN_JSON: PLAIN_JSON, FHIR_JSON: FHIR_JSON}


def _quality(accept: str, media: str) -> float:
    """The best ``q`` that an Accept header gives ``media`` (wildcards count), 0 if none."""
    best = 0.0
    kind = media.split("/")[0]
    for part in accept.split(","):
        name, *params = (p.strip() for p in part.split(";"))
        if name.lower() not in (media, f"{kind}/*", "*/*"):
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        best = max(best, q)
    return best


def answer_type(accept: str, format_param: str | None) -> str:
    """The media type a FHIR answer goes out in: ``application/fhir+json``, unless ``_format``
    or the Accept header asks for plain ``application/json`` and not for the FHIR type."""
    if format_param is not None and format_param.lower() in _FORMATS:
        return _FORMATS[format_param.lower()]
    if not accept.strip():
        return FHIR_JSON
    fhir = max(_quality(accept, media) for media in _FHIR_TYPES)
    plain = _quality(accept, PLAIN_JSON)
    return PLAIN_JSON if plain > fhir else FHIR_JSON


def _format_param(scope: Scope) -> str | None:
    query: bytes = scope.get("query_string", b"")
    for key, value in parse_qsl(query.decode("latin-1")):
        if key == "_format":
            return value
    return None


class ProblemToOutcomeMiddleware:
    """Under ``/fhir/``, rewrites any problem+json response (whoever made it: a route, an
    exception handler, or a middleware such as the body size limit) as an OperationOutcome,
    and sends every FHIR answer in the media type the client asked for (``Accept`` or
    ``_format``: ``application/fhir+json`` unless plain ``application/json`` is preferred).
    Outermost, so that even refusals made before any route runs are FHIR."""

    def __init__(self, app: ASGIApp, prefix: str = FHIR_PREFIX) -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        accept = ", ".join(
            v.decode("latin-1") for k, v in scope.get("headers", []) if k.lower() == b"accept"
        )
        media_out = answer_type(accept, _format_param(scope))
        held: Message | None = None
        chunks: list[bytes] = []

        async def rewriting_send(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                media = _header(message.get("headers", []), b"content-type")
                media = media.split(";")[0].strip().lower()
                if media == PROBLEM_MEDIA_TYPE:
                    held = message
                    return
                if media == FHIR_JSON and media_out != FHIR_JSON:
                    headers = [
                        (k, v)
                        for k, v in message.get("headers", [])
                        if k.lower() != b"content-type"
                    ]
                    headers.append((b"content-type", media_out.encode()))
                    message = {**message, "headers": headers}
            elif message["type"] == "http.response.body" and held is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = _rewrite(b"".join(chunks), held["status"])
                headers = [
                    (k, v)
                    for k, v in held.get("headers", [])
                    if k.lower() not in (b"content-type", b"content-length")
                ]
                headers += [
                    (b"content-type", media_out.encode()),
                    (b"content-length", str(len(body)).encode()),
                ]
                start, held = {**held, "headers": headers}, None
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, rewriting_send)


Handler = Callable[[Request, Exception], Awaitable[Response]]


def fhir_aware(handler: Handler) -> Handler:
    """Wraps an exception handler so that under ``/fhir/`` its problem becomes an outcome.

    Needed for the handler of unexpected errors: Starlette runs it outside every middleware."""

    async def wrapped(request: Request, exc: Exception) -> Response:
        response = await handler(request, exc)
        if request.url.path.startswith(FHIR_PREFIX) and (response.media_type or "").startswith(
            PROBLEM_MEDIA_TYPE
        ):
            body = _rewrite(bytes(response.body), response.status_code)
            headers = {
                k: v
                for k, v in response.headers.items()
                if k.lower() not in ("content-type", "content-length")
            }
            return Response(
                body, status_code=response.status_code, headers=headers, media_type=FHIR_JSON
            )
        return response

    return wrapped


async def on_fhir_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, FhirError)
    return FhirResponse(outcome(exc.issues), status_code=exc.status, headers=exc.headers)
