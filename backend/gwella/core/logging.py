"""Structured logs (structlog): JSON lines, each with the request id of its request."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog
from structlog.tracebacks import ExceptionDictTransformer

_REDACTED_KEYS = frozenset(
    {"password", "secret", "client_secret", "token", "access_token", "authorization", "cookie"}
)


def _redact(_logger: Any, _method: str, event: dict[str, Any]) -> dict[str, Any]:
    """Last line of defence: no secret reaches a log line even if someone logs one."""
    for key in list(event):
        if key.lower() in _REDACTED_KEYS:
            event[key] = "[redacted]"
    return event


# What may sit in an exception's message although no one logged it on purpose: our own
# secrets (recognisable by their prefixes), bearer credentials, e-mail addresses.
_SECRET_RE = re.compile(r"\b(gw[a-z]|whsec)_[A-Za-z0-9_-]{6,}")
_BEARER_RE = re.compile(r"\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def scrub(text: str) -> str:
    text = _SECRET_RE.sub(r"\1_[redacted]", text)
    text = _BEARER_RE.sub("[redacted credentials]", text)
    return _EMAIL_RE.sub("[redacted email]", text)


def _scrub_exception(
    _logger: Any, _method: str, event: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """Masks secrets and addresses in a rendered exception (its message is free text)."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return scrub(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    if "exception" in event:
        event["exception"] = clean(event["exception"])
    return event


_LOGGED = "_gwella_logged"


def mark_logged(exc: BaseException) -> None:
    """The exception was logged with its request (the 500 handler): the server's own copy of
    the same traceback, which comes later and without the request id, is dropped."""
    setattr(exc, _LOGGED, True)


class _DropLoggedAgain(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not getattr(exc, _LOGGED, False)


def configure_logging(level: str = "INFO", fmt: str = "json") -> None:
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _redact,
    ]
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if fmt == "json"
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    # An exception is rendered into the line itself: in JSON as a structured traceback
    # (type, message, file, line and function of each frame; never the frames' local
    # variables, which hold passwords and personal data), on the console as the usual text.
    exceptions: Any = (
        structlog.processors.ExceptionRenderer(ExceptionDictTransformer(show_locals=False))
        if fmt == "json"
        else structlog.processors.format_exc_info
    )
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            exceptions,
            _scrub_exception,
            renderer,
        ],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level.upper())
    # uvicorn's own access log would repeat ours without the request id.
    logging.getLogger("uvicorn.access").handlers = []
    logging.getLogger("uvicorn.access").propagate = False
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
    server_errors = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _DropLoggedAgain) for f in server_errors.filters):
        server_errors.addFilter(_DropLoggedAgain())


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    return structlog.stdlib.get_logger(name)
