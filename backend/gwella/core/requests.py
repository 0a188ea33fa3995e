"""What every router needs to know about the request: its id and the caller's address."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from gwella.core.config import Settings


def request_id(conn: HTTPConnection) -> str | None:
    value = conn.scope.get("state", {}).get("request_id")
    return str(value) if value else None


def client_address(conn: HTTPConnection, settings: Settings) -> str:
    if settings.trust_proxy_headers:
        forwarded = conn.headers.get("x-forwarded-for")
        if forwarded:
            return forwarded.split(",")[0].strip()[:64]
    return conn.client.host if conn.client else "unknown"
