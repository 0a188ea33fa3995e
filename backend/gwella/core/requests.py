"""What every router needs to know about the request: its id and the caller's address."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from gwella.core.config import Settings


def request_id(conn: HTTPConnection) -> str | None:
    value = conn.scope.get("state", {}).get("request_id")
    return str(value) if value else None


def client_address(conn: HTTPConnection, settings: Settings) -> str:
    """The caller's address. Behind trusted proxies, the one the outermost of them saw: each
    proxy appends the address it was reached from to ``X-Forwarded-For``, so with N trusted
    proxies it is the N-th entry from the right. Entries further left are the client's own
    writing and are never taken."""
    if settings.trust_proxy_headers:
        hops = [h.strip() for h in conn.headers.get("x-forwarded-for", "").split(",")]
        hops = [h for h in hops if h]
        if hops:
            return hops[-min(settings.trusted_proxy_count, len(hops))][:64]
    return conn.client.host if conn.client else "unknown"
