"""The sign-in throttle: wrong passwords slow down whoever guesses, where they guess from,
and never lock an account for everyone. No HTTP types here.

Every attempt is written (in a transaction of its own, before the password is checked, so
that parallel guesses count against each other) and judged against the failures of the
window (``login_window_seconds``), leaving itself out:

1. **account and address**: ``login_free_failures`` failures are free; after that each
   attempt waits 30 s, doubling with every further failure, up to ``login_max_delay_seconds``
   after the last failure. The right password waits too, or the delay would mean nothing.
2. **address** (password spraying): after ``login_address_max_failures`` failures from one
   address on any accounts, that address may try only accounts that signed in from it in the
   last ``login_known_days`` days (a hospital's colleagues behind one NAT go on signing in).
3. **account** (guessing from many addresses): after ``login_max_failures`` failures of one
   account from anywhere, only addresses it signed in from may try it.

A success forgets the failures of its account and address and makes the address known. An
administrator may lift a person's throttle (:func:`lift`). Refusals are "wait and retry"
(429 with Retry-After) and say nothing about whether the account exists: unknown addresses
are throttled exactly as known ones. Accounts are keyed by a keyed hash of the e-mail address
in its one form (or of ``client:<client_id>`` for API clients)."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gwella.accounts.models import LoginAttempt
from gwella.accounts.users import normalise_email
from gwella.core.config import Settings
from gwella.core.database import utcnow
from gwella.core.errors import RateLimited
from gwella.core.security import keyed_hash

FIRST_DELAY_SECONDS = 30
WAIT = "Too many failed sign-ins from here. Wait and try again."


def account_key(account: str) -> str:
    return keyed_hash(normalise_email(account), "login")


def _failures(
    settings: Settings, now: datetime, leaving_out: uuid.UUID | None
) -> ColumnElement[bool]:
    since = now - timedelta(seconds=settings.login_window_seconds)
    clause = and_(LoginAttempt.succeeded.is_(False), LoginAttempt.attempted_at >= since)
    return and_(clause, LoginAttempt.id != leaving_out) if leaving_out is not None else clause


def delay_after(settings: Settings, failures: int) -> int:
    """Seconds to wait after the last of ``failures`` failures of one account and address."""
    if failures < settings.login_free_failures:
        return 0
    doublings = min(failures - settings.login_free_failures, 20)
    return min(settings.login_max_delay_seconds, FIRST_DELAY_SECONDS << doublings)


async def begin_attempt(
    session: AsyncSession, settings: Settings, account: str, address: str
) -> uuid.UUID:
    """Write the attempt as a failure (the caller commits it at once, in a session of its
    own): it stays one unless :func:`succeeded` or :func:`forget` says otherwise."""
    now = utcnow()
    await session.execute(
        delete(LoginAttempt).where(
            LoginAttempt.succeeded.is_(False),
            LoginAttempt.attempted_at < now - timedelta(seconds=settings.login_window_seconds),
        )
    )
    await session.execute(
        delete(LoginAttempt).where(
            LoginAttempt.succeeded.is_(True),
            LoginAttempt.attempted_at < now - timedelta(days=settings.login_known_days),
        )
    )
    attempt = LoginAttempt(key_hash=account_key(account), client_address=address[:64])
    session.add(attempt)
    await session.flush()
    return attempt.id


async def forget(session: AsyncSession, attempt_id: uuid.UUID) -> None:
    """An attempt refused before its password was checked is no failure."""
    await session.execute(delete(LoginAttempt).where(LoginAttempt.id == attempt_id))


async def check(
    session: AsyncSession,
    settings: Settings,
    account: str,
    address: str,
    attempt_id: uuid.UUID | None = None,
) -> None:
    """Raise :class:`RateLimited` when this attempt must wait (see the module's rules)."""
    now = utcnow()
    key = account_key(account)
    failed = _failures(settings, now, attempt_id)
    here = and_(LoginAttempt.key_hash == key, LoginAttempt.client_address == address)
    count, last = (
        await session.execute(
            select(func.count(), func.max(LoginAttempt.attempted_at)).where(failed, here)
        )
    ).one()
    wait = delay_after(settings, int(count))
    if wait and last is not None:
        remaining = (last + timedelta(seconds=wait) - now).total_seconds()
        if remaining > 0:
            raise RateLimited(WAIT, retry_after=math.ceil(remaining))
    known = await session.scalar(
        select(LoginAttempt.id)
        .where(
            here,
            LoginAttempt.succeeded.is_(True),
            LoginAttempt.attempted_at >= now - timedelta(days=settings.login_known_days),
        )
        .limit(1)
    )
    if known is not None:
        return
    for scope, ceiling in (
        (LoginAttempt.client_address == address, settings.login_address_max_failures),
        (LoginAttempt.key_hash == key, settings.login_max_failures),
    ):
        count = int(await session.scalar(select(func.count()).where(failed, scope)) or 0)
        if count >= ceiling:
            # Until enough of these failures leave the window to bring them under the ceiling.
            oldest = await session.scalar(
                select(LoginAttempt.attempted_at)
                .where(failed, scope)
                .order_by(LoginAttempt.attempted_at)
                .offset(count - ceiling)
                .limit(1)
            )
            remaining = settings.login_window_seconds
            if oldest is not None:
                expires = oldest + timedelta(seconds=settings.login_window_seconds)
                remaining = math.ceil((expires - now).total_seconds())
            raise RateLimited(WAIT, retry_after=remaining)


async def succeeded(session: AsyncSession, account: str, address: str) -> None:
    """The account signed in from the address: its failures there are forgotten (the attempt's
    own included) and the address is known to it from now."""
    key = account_key(account)
    await session.execute(
        delete(LoginAttempt).where(
            LoginAttempt.key_hash == key, LoginAttempt.client_address == address
        )
    )
    session.add(LoginAttempt(key_hash=key, client_address=address[:64], succeeded=True))


@dataclass(frozen=True)
class ThrottleState:
    failed_attempts: int
    addresses: int
    throttled_addresses: int
    last_failed_at: datetime | None


async def state(session: AsyncSession, settings: Settings, account: str) -> ThrottleState:
    """An account's failures in the window, for an administrator (no addresses shown)."""
    now = utcnow()
    rows = (
        await session.execute(
            select(
                LoginAttempt.client_address,
                func.count(),
                func.max(LoginAttempt.attempted_at),
            )
            .where(_failures(settings, now, None), LoginAttempt.key_hash == account_key(account))
            .group_by(LoginAttempt.client_address)
        )
    ).all()
    waiting = sum(
        1
        for _, count, last in rows
        if last + timedelta(seconds=delay_after(settings, int(count))) > now
    )
    return ThrottleState(
        failed_attempts=sum(int(count) for _, count, _ in rows),
        addresses=len(rows),
        throttled_addresses=waiting,
        last_failed_at=max((last for _, _, last in rows), default=None),
    )


async def lift(session: AsyncSession, account: str) -> int:
    """Forget every failure of the account, from everywhere; how many there were."""
    result = await session.execute(
        delete(LoginAttempt).where(
            LoginAttempt.key_hash == account_key(account), LoginAttempt.succeeded.is_(False)
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)
