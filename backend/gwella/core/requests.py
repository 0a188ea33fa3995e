"""What every router needs to know about the request: its id and the caller's address."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from starlette.requests import HTTPConnection

from gwella.core.config import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def request_id(conn: HTTPConnection) -> str | None:
    value = conn.scope.get("state", {}).get("request_id")
    return str(value) if value else None


def client_address(conn: HTTPConnection, settings: Settings) -> str:
    """The caller's address, as used for limits and written to the audit.

    Without ``trust_proxy_headers`` it is the peer of the connection. Behind proxies it is
    the address the outermost trusted proxy saw. Each proxy appends the address it was
    reached from to ``X-Forwarded-For`` (one header or several lines, read in order), so
    only the right-most entries are the proxies' writing; anything to their left, and
    ``Forwarded``, ``X-Real-IP`` and the like, are the client's and never taken:

    - ``trusted_proxies`` listed: the headers count only when the peer is a listed proxy;
      the entries are walked from the right past every listed hop, and the first one that
      is not listed is the caller.
    - otherwise ``trusted_proxy_count`` = N: the N-th entry from the right. With fewer
      entries than proxies the request did not pass through them all, and no entry can be
      trusted: the peer is the caller.

    An entry that is not an IP address is not a proxy's writing either; the nearest
    trusted address stands instead. Addresses are returned in one canonical spelling."""
    peer = _peer(conn)
    if not settings.trust_proxy_headers:
        return peer
    hops = _forwarded_for(conn)
    networks: Sequence[IPNetwork] = settings.trusted_proxies
    if networks:
        peer_ip = _parse(peer)
        if peer_ip is None or not _listed(peer_ip, networks):
            return peer
        nearest = peer
        for hop in reversed(hops):
            ip = _parse(hop)
            if ip is None:
                return nearest
            if not _listed(ip, networks):
                return str(ip)
            nearest = str(ip)
        return nearest
    if len(hops) < settings.trusted_proxy_count:
        return peer
    ip = _parse(hops[-settings.trusted_proxy_count])
    return str(ip) if ip is not None else peer


def _peer(conn: HTTPConnection) -> str:
    if conn.client is None or not conn.client.host:
        return "unknown"
    ip = _parse(conn.client.host)
    return str(ip) if ip is not None else conn.client.host[:64]


def _forwarded_for(conn: HTTPConnection) -> list[str]:
    """Every X-Forwarded-For line, in order, split into its entries (empty ones kept: an
    empty entry is not an address, and must not shift the count)."""
    lines = conn.headers.getlist("x-forwarded-for")
    if not lines:
        return []
    return [entry.strip() for entry in ",".join(lines).split(",")]


def _parse(value: str) -> IPAddress | None:
    """An address as a proxy writes it (``1.2.3.4``, ``1.2.3.4:80``, ``[::1]:80``, ``::1``);
    IPv4 written as IPv6 (``::ffff:1.2.3.4``) is the IPv4 address."""
    text = value.strip().strip('"')
    if text.startswith("["):
        end = text.find("]")
        if end == -1:
            return None
        text = text[1:end]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    if not text or len(text) > 64:
        return None
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def _listed(ip: IPAddress, networks: Sequence[IPNetwork]) -> bool:
    return any(ip.version == net.version and ip in net for net in networks)
