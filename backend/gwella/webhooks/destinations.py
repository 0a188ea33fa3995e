"""Where a webhook may be sent: to the internet, never inside the network Gwella runs in.

A subscriber chooses the URL, so without a rule anyone allowed to subscribe could make the
server POST to its own loopback services, to other hosts on its private network, or to a
cloud provider's metadata service (169.254.169.254, which hands out credentials). Unless
``GWELLA_WEBHOOK_ALLOW_PRIVATE`` is on (the default in development only):

* **At subscription** (:func:`destination_refusal`) the URL's host is resolved and *every*
  address it resolves to is checked; one address inside is enough to refuse (422).
* **At delivery** the name is resolved again by the client's own resolver
  (:class:`GuardedResolver`, under aiohttp): every address is checked, and the connection is
  made to an address that was checked, never by a second lookup, so a name that answers
  "public" to the check and "private" a moment later (DNS rebinding) cannot switch it; every
  socket is checked again before it connects (:func:`guarded_socket`: an address written in
  the URL never goes through a resolver). A
  refused destination fails the delivery at once with the reason (it would fail again on
  every retry); an administrator can redeliver after changing the URL.
* Redirects are never followed (``allow_redirects=False``): a 3xx is a failed answer.

An address is allowed only when it is globally routable (:func:`refusal`): IPv4 addresses
carried in IPv6 ones (IPv4-mapped ``::ffff:a.b.c.d``, NAT64 ``64:ff9b::/96``, 6to4, Teredo)
are checked as the IPv4 address they reach.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import urllib.parse

import aiohttp
import aiohttp.abc
import certifi
from aiohappyeyeballs import AddrInfoType

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
SETTING = "GWELLA_WEBHOOK_ALLOW_PRIVATE"
RESOLVE_SECONDS = 5.0
"""The longest a subscription waits for its URL's name to resolve."""

_NAMED: list[tuple[str, str]] = [
    # (network, what it is) — the first that holds names the refusal; the order matters
    # where networks nest (0.0.0.0/8 is also "private" to Python).
    ("0.0.0.0/8", "a 'this network' address (0.0.0.0/8)"),
    ("127.0.0.0/8", "a loopback address"),
    ("169.254.0.0/16", "a link-local address, where cloud metadata services answer"),
    ("10.0.0.0/8", "a private address"),
    ("172.16.0.0/12", "a private address"),
    ("192.168.0.0/16", "a private address"),
    ("100.64.0.0/10", "a shared address (carrier-grade NAT)"),
    ("192.0.0.0/24", "an IETF protocol address"),
    ("198.18.0.0/15", "a benchmarking address"),
    ("192.0.2.0/24", "a documentation address"),
    ("198.51.100.0/24", "a documentation address"),
    ("203.0.113.0/24", "a documentation address"),
    ("224.0.0.0/4", "a multicast address"),
    ("240.0.0.0/4", "a reserved address"),
    ("::/128", "the unspecified address"),
    ("::1/128", "a loopback address"),
    ("::/96", "an IPv4-compatible IPv6 address (deprecated)"),
    ("fc00::/7", "a private address (unique local)"),
    ("fe80::/10", "a link-local address"),
    ("fec0::/10", "a site-local address (deprecated)"),
    ("ff00::/8", "a multicast address"),
    ("100::/64", "a discard address"),
    ("2001:db8::/32", "a documentation address"),
    ("64:ff9b:1::/48", "a local-use NAT64 address"),
]
NAMED = [(ipaddress.ip_network(net), what) for net, what in _NAMED]
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class DestinationRefused(OSError):
    """The URL leads inside the network (or nowhere); the message says how."""


def parse(text: str) -> IPAddress:
    return ipaddress.ip_address(text.split("%", 1)[0])  # an IPv6 zone is not the address


def _carried(address: IPAddress) -> list[IPAddress]:
    """The address, and any IPv4 address an IPv6 one carries to."""
    out: list[IPAddress] = [address]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            out.append(address.ipv4_mapped)
        if address in NAT64:
            out.append(ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF))
        if address.sixtofour is not None:
            out.append(address.sixtofour)
        if address.teredo is not None:
            out.extend(address.teredo)
    return out


def refusal(address: IPAddress) -> str | None:
    """Why a webhook may not go to ``address`` ("a private address"…), or None."""
    candidates = _carried(address)
    for candidate in candidates:
        for network, what in NAMED:
            if candidate.version == network.version and candidate in network:
                return what
    if any(not c.is_global or c.is_multicast for c in candidates):
        return "an address that is not reachable on the internet"
    return None


async def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, in the resolver's order of preference."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _is_literal(host: str) -> bool:
    try:
        parse(host.strip("[]"))
    except ValueError:
        return False
    return True


def _why(host: str, address: str, what: str) -> str:
    return f"{address} is {what}" if _is_literal(host) else f"{host} resolves to {address}, {what}"


async def checked_addresses(host: str, port: int, within: float | None = None) -> list[str]:
    """Every address ``host`` resolves to, once each has been checked; raises
    :class:`DestinationRefused` if it does not resolve or if any address is inside."""
    try:
        async with asyncio.timeout(within):
            addresses = await resolve(host, port)
    except (OSError, TimeoutError) as exc:
        raise DestinationRefused(f"{host} does not resolve to an address") from exc
    if not addresses:
        raise DestinationRefused(f"{host} does not resolve to an address")
    for address in addresses:
        what = refusal(parse(address))
        if what is not None:
            raise DestinationRefused(
                f"{_why(host, address, what)}; webhooks go only to public addresses "
                f"(unless {SETTING} is on)"
            )
    return addresses


async def destination_refusal(url: str) -> str | None:
    """Why a subscription may not send to ``url`` (an absolute http(s) URL already checked
    for shape), or None: its host must resolve, and only to public addresses."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        await checked_addresses(host, port, RESOLVE_SECONDS)
    except DestinationRefused as exc:
        return str(exc)
    return None


# ------------------------------------------------------------------------ the connection


class GuardedResolver(aiohttp.abc.AbstractResolver):
    """The client's name lookup with the check in front: every address a name resolves to
    is checked, and the client connects to those addresses only (no second lookup)."""

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[aiohttp.abc.ResolveResult]:
        addresses = await checked_addresses(host, port, RESOLVE_SECONDS)
        return [
            {
                "hostname": host,
                "host": address,
                "port": port,
                "family": socket.AF_INET6 if ":" in address else socket.AF_INET,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
            for address in addresses
        ]

    async def close(self) -> None:
        return None


def guarded_socket(addr_info: AddrInfoType) -> socket.socket:
    """Every socket the client opens, after checking the address it is about to connect to
    (an address in the URL itself never goes through the resolver)."""
    family, type_, proto, _, address = addr_info
    what = refusal(parse(str(address[0])))
    if what is not None:
        raise DestinationRefused(
            f"{address[0]} is {what}; webhooks go only to public addresses (unless {SETTING} is on)"
        )
    return socket.socket(family=family, type=type_, proto=proto)


def connector(limit: int, *, guarded: bool) -> aiohttp.TCPConnector:
    """The client's connection pool: at most ``limit`` connections, kept alive between
    requests; ``guarded``: only to public addresses, checked by :class:`GuardedResolver`
    (names) and :func:`guarded_socket` (every connection). Certificates are verified
    against the same CA bundle as everywhere else (certifi)."""
    tls = ssl.create_default_context(cafile=certifi.where())
    if not guarded:
        return aiohttp.TCPConnector(limit=limit, ssl=tls)
    return aiohttp.TCPConnector(
        limit=limit, ssl=tls, resolver=GuardedResolver(), socket_factory=guarded_socket
    )


def refused(exc: BaseException) -> DestinationRefused | None:
    """The refusal behind a client error, if that is what it was."""
    seen: BaseException | None = exc
    for _ in range(4):  # the client wraps it once or twice
        if seen is None or isinstance(seen, DestinationRefused):
            return seen
        seen = seen.__cause__
    return None
