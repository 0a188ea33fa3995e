"""E-mail digests of the notifications a person has not read, for those who ask for one.

Nobody is e-mailed unless they choose ``daily`` or ``weekly`` (the default is ``off``). A
digest goes out once per period: daily at 07:00 Europe/London, weekly on Mondays at 07:00.
It lists, in the person's language, the notifications created since their last digest (or
since they asked for digests) that they have not read, newest first and capped, each by its
title and link (never its body, which may quote what someone wrote: that is read in Gwella,
signed in), with a link to the notifications page and to the profile page where it is changed
or stopped. Nothing unread, no e-mail.

Sending is at most once per period however many workers run: a worker claims a person's digest
with one conditional ``UPDATE`` (``sent_through`` before the period's start and no live lease),
which on SQLite and PostgreSQL alike lets only one writer through. The claim is a lease: it is
committed before the mail server is asked (no transaction is held open meanwhile), confirmed
once the mail is accepted, released at once if sending raises, and lapses by itself if the
worker dies in between, so a crash delays a digest but never loses it.

This module knows people only by id; who they are (their address, language, whether their
account is active) comes from the caller's :data:`RecipientLookup` (the accounts domain sits
above this one)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.core import audit
from gwella.core.audit import AuditContext
from gwella.core.database import utcnow
from gwella.core.logging import get_logger
from gwella.core.mail import MailSender, Message
from gwella.notifications.models import DigestFrequency, Notification, NotificationDigest

_log = get_logger("gwella.notifications.digest")

LOCAL_ZONE = ZoneInfo("Europe/London")
SEND_AT = time(7, 0)
"""The local time (Europe/London) a period starts: every day, or every Monday."""
MAX_ITEMS = 50
"""The most notifications one digest lists; it says how many more there are."""
LEASE = timedelta(minutes=10)
"""How long a claimed digest waits for its worker before another may send it."""
NOTIFICATIONS_PATH = "/notifications"
PROFILE_PATH = "/profile"


@dataclass(frozen=True)
class Recipient:
    """Who a digest goes to: an active person's address, language and name."""

    email: str
    language: str
    display_name: str


RecipientLookup = Callable[
    [AsyncSession, Sequence[uuid.UUID]], Awaitable[Mapping[uuid.UUID, Recipient]]
]
"""The active people among the ids given (the deactivated are left out)."""


# --- periods ------------------------------------------------------------------------------


def period_start(frequency: DigestFrequency, now: datetime) -> datetime | None:
    """The start (UTC) of the period ``now`` falls in: the latest 07:00 London time at or
    before ``now`` (daily), or the latest Monday 07:00 (weekly); None when off."""
    if frequency is DigestFrequency.off:
        return None
    local = now.astimezone(LOCAL_ZONE)
    day = local.date()
    if frequency is DigestFrequency.weekly:
        day -= timedelta(days=day.weekday())
    start = datetime.combine(day, SEND_AT, tzinfo=LOCAL_ZONE)
    if start > local:
        start = datetime.combine(
            day - timedelta(days=7 if frequency is DigestFrequency.weekly else 1),
            SEND_AT,
            tzinfo=LOCAL_ZONE,
        )
    return start.astimezone(UTC)


def next_period_start(frequency: DigestFrequency, now: datetime) -> datetime | None:
    """When the next period starts after ``now`` (so when the next digest is due)."""
    start = period_start(frequency, now)
    if start is None:
        return None
    local = start.astimezone(LOCAL_ZONE)
    step = 7 if frequency is DigestFrequency.weekly else 1
    # Calendar days, not 24-hour steps: 07:00 stays 07:00 across the clock changes.
    following = datetime.combine(local.date() + timedelta(days=step), SEND_AT, LOCAL_ZONE)
    return following.astimezone(UTC)


# --- the person's preference ---------------------------------------------------------------


async def get_frequency(session: AsyncSession, user_id: uuid.UUID) -> DigestFrequency:
    row = await session.get(NotificationDigest, user_id)
    return row.frequency if row is not None else DigestFrequency.off


async def set_frequency(
    session: AsyncSession,
    ctx: AuditContext,
    user_id: uuid.UUID,
    frequency: DigestFrequency,
    now: datetime | None = None,
) -> DigestFrequency:
    """Set how often the person is e-mailed a digest (audited when it changes). Asking for
    digests after having none starts the first one from now: it never brings up everything
    unread from before."""
    now = now or utcnow()
    row = await session.get(NotificationDigest, user_id)
    before = row.frequency if row is not None else DigestFrequency.off
    if before is frequency:
        return frequency
    if row is None:
        row = NotificationDigest(user_id=user_id, frequency=frequency, updated_at=now)
        session.add(row)
    row.frequency = frequency
    row.updated_at = now
    if before is DigestFrequency.off:
        row.sent_through = now
    await session.flush()
    await audit.record(
        session,
        ctx,
        action="notification_preferences.updated",
        record_type="user",
        record_id=user_id,
        before={"digest": before.value},
        after={"digest": frequency.value},
    )
    return frequency


# --- what a digest says ---------------------------------------------------------------------

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "subject.daily": "Gwella: your daily summary ({count} not read)",
        "subject.weekly": "Gwella: your weekly summary ({count} not read)",
        "subject1.daily": "Gwella: your daily summary (1 not read)",
        "subject1.weekly": "Gwella: your weekly summary (1 not read)",
        "hello": "Hello {name},",
        "intro.daily": "These are the Gwella notifications from the last day that you have "
        "not read yet, newest first. Follow a link and sign in to read one in full.",
        "intro.weekly": "These are the Gwella notifications from the last week that you have "
        "not read yet, newest first. Follow a link and sign in to read one in full.",
        "more.1": "There is 1 more notification you have not read.",
        "more.n": "There are {more} more notifications you have not read.",
        "all": "See all your notifications: {url}",
        "why.daily": "You get this e-mail because you asked for a daily summary. To change it "
        "or stop it, go to your profile: {url}",
        "why.weekly": "You get this e-mail because you asked for a weekly summary. To change "
        "it or stop it, go to your profile: {url}",
    },
    "cy": {
        "subject.daily": "Gwella: eich crynodeb dyddiol ({count} heb eu darllen)",
        "subject.weekly": "Gwella: eich crynodeb wythnosol ({count} heb eu darllen)",
        "subject1.daily": "Gwella: eich crynodeb dyddiol (1 heb ei ddarllen)",
        "subject1.weekly": "Gwella: eich crynodeb wythnosol (1 heb ei ddarllen)",
        "hello": "Helo {name},",
        "intro.daily": "Dyma'r hysbysiadau yn Gwella o'r diwrnod diwethaf nad ydych wedi'u "
        "darllen eto, y mwyaf diweddar yn gyntaf. Dilynwch ddolen a mewngofnodwch i ddarllen "
        "un yn llawn.",
        "intro.weekly": "Dyma'r hysbysiadau yn Gwella o'r wythnos ddiwethaf nad ydych wedi'u "
        "darllen eto, y mwyaf diweddar yn gyntaf. Dilynwch ddolen a mewngofnodwch i ddarllen "
        "un yn llawn.",
        "more.1": "Mae 1 hysbysiad arall nad ydych wedi'i ddarllen.",
        "more.n": "Mae {more} hysbysiad arall nad ydych wedi'u darllen.",
        "all": "Gweld eich holl hysbysiadau: {url}",
        "why.daily": "Rydych yn cael yr e-bost hwn am eich bod wedi gofyn am grynodeb "
        "dyddiol. I'w newid neu ei atal, ewch i'ch proffil: {url}",
        "why.weekly": "Rydych yn cael yr e-bost hwn am eich bod wedi gofyn am grynodeb "
        "wythnosol. I'w newid neu ei atal, ewch i'ch proffil: {url}",
    },
}


def _in(text: Mapping[str, Any], language: str) -> str:
    """The text in the language asked for, else in the other (one may be missing)."""
    other = "en" if language == "cy" else "cy"
    return str(text.get(language) or text.get(other) or "")


def absolute_link(public_url: str, link: str | None) -> str | None:
    """An app path made absolute on Gwella's own address (nothing else is linked)."""
    if not link or not link.startswith("/") or link.startswith("//"):
        return None
    return f"{public_url.rstrip('/')}{link}"


def compose(
    recipient: Recipient,
    frequency: DigestFrequency,
    notifications: Sequence[Notification],
    total: int,
    public_url: str,
) -> Message:
    """The digest of ``notifications`` (newest first; ``total`` of them unread in all)."""
    lang = "cy" if recipient.language == "cy" else "en"
    words = _WORDS[lang]
    base = public_url.rstrip("/")
    lines = [words["hello"].format(name=recipient.display_name), ""]
    lines += [words[f"intro.{frequency.value}"], ""]
    for n, item in enumerate(notifications, start=1):
        # The title and the link only: a notification's body may quote what someone wrote
        # (a co-design suggestion, a reason), which stays in Gwella, behind sign-in.
        lines.append(f"{n}. {_in(item.title, lang)}")
        link = absolute_link(base, item.link)
        if link:
            lines.append(f"   {link}")
        lines.append("")
    more = total - len(notifications)
    if more > 0:
        lines += [words["more.1"] if more == 1 else words["more.n"].format(more=more), ""]
    lines.append(words["all"].format(url=f"{base}{NOTIFICATIONS_PATH}"))
    lines += ["", words[f"why.{frequency.value}"].format(url=f"{base}{PROFILE_PATH}")]
    return Message(
        to=recipient.email,
        # One notification (hysbysiad, masculine) is "heb ei ddarllen", several "heb eu darllen".
        subject=words[f"subject{'1' if total == 1 else ''}.{frequency.value}"].format(count=total),
        body="\n".join(lines) + "\n",
    )


# --- sending --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Due:
    user_id: uuid.UUID
    frequency: DigestFrequency
    start: datetime


async def _due(session: AsyncSession, now: datetime) -> list[_Due]:
    """Everyone whose digest for the current period has not gone yet (nor is being sent)."""
    due: list[_Due] = []
    for frequency in (DigestFrequency.daily, DigestFrequency.weekly):
        start = period_start(frequency, now)
        assert start is not None
        ids = await session.scalars(
            select(NotificationDigest.user_id)
            .where(
                NotificationDigest.frequency == frequency,
                or_(
                    NotificationDigest.sent_through.is_(None),
                    NotificationDigest.sent_through < start,
                ),
                or_(
                    NotificationDigest.claimed_until.is_(None),
                    NotificationDigest.claimed_until < now,
                ),
            )
            .order_by(NotificationDigest.user_id)
        )
        due += [_Due(user_id, frequency, start) for user_id in ids]
    return due


async def _unread(
    session: AsyncSession, user_id: uuid.UUID, since: datetime, until: datetime
) -> tuple[list[Notification], int]:
    """The person's unread notifications created in (since, until], newest first and
    capped, and how many there are in all."""
    where = (
        Notification.user_id == user_id,
        Notification.read_at.is_(None),
        Notification.created_at > since,
        Notification.created_at <= until,
    )
    total = await session.scalar(select(func.count()).select_from(Notification).where(*where))
    rows = await session.scalars(
        select(Notification)
        .where(*where)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(MAX_ITEMS)
    )
    return list(rows), int(total or 0)


async def _settle(
    sessionmaker: async_sessionmaker[AsyncSession],
    user_id: uuid.UUID,
    lease: datetime,
    sent_through: datetime | None,
) -> None:
    """End our lease: confirm the digest (``sent_through``) or, with None, release it so the
    next run tries again."""
    values: dict[str, Any] = {"claimed_until": None}
    if sent_through is not None:
        values["sent_through"] = sent_through
    async with sessionmaker() as session:
        await session.execute(
            update(NotificationDigest)
            .where(
                NotificationDigest.user_id == user_id,
                NotificationDigest.claimed_until == lease,
            )
            .values(**values)
        )
        await session.commit()


async def _send_one(
    sessionmaker: async_sessionmaker[AsyncSession],
    mail: MailSender,
    due: _Due,
    recipient: Recipient,
    public_url: str,
    now: datetime,
) -> bool:
    """Claim, compose and send one person's digest; True when a mail went out."""
    lease = now + LEASE
    async with sessionmaker() as session:
        # The claim is the transaction's first statement (so SQLite takes its write lock at
        # once, and a second worker waits for it, then finds nothing left to claim).
        claimed = await session.execute(
            update(NotificationDigest)
            .where(
                NotificationDigest.user_id == due.user_id,
                NotificationDigest.frequency == due.frequency,
                or_(
                    NotificationDigest.sent_through.is_(None),
                    NotificationDigest.sent_through < due.start,
                ),
                or_(
                    NotificationDigest.claimed_until.is_(None),
                    NotificationDigest.claimed_until < now,
                ),
            )
            .values(claimed_until=lease)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            await session.rollback()
            return False
        since = await session.scalar(
            select(NotificationDigest.sent_through).where(NotificationDigest.user_id == due.user_id)
        )
        if since is None:
            previous = period_start(due.frequency, due.start - timedelta(seconds=1))
            assert previous is not None
            since = previous
        items, total = await _unread(session, due.user_id, since, now)
        if not items:
            # Nothing to say: no e-mail, and the next digest starts from now.
            await session.execute(
                update(NotificationDigest)
                .where(NotificationDigest.user_id == due.user_id)
                .values(claimed_until=None, sent_through=now)
                .execution_options(synchronize_session=False)
            )
            await session.commit()
            return False
        message = compose(recipient, due.frequency, items, total, public_url)
        await session.commit()
    try:
        await mail.send(message)
    except Exception as error:
        # Released, not lost: the next run tries again. No address or text in the log.
        _log.warning("notification_digest_failed", error=type(error).__name__)
        await _settle(sessionmaker, due.user_id, lease, None)
        return False
    await _settle(sessionmaker, due.user_id, lease, now)
    return True


async def send_due_digests(
    sessionmaker: async_sessionmaker[AsyncSession],
    mail: MailSender,
    recipients: RecipientLookup,
    *,
    public_url: str,
    now: datetime | None = None,
) -> int:
    """Send every digest due at ``now`` (default: the present); returns how many mails went.

    Safe to run from several workers at once and again at any time: each person gets at
    most one digest per period."""
    now = now or utcnow()
    async with sessionmaker() as session:
        due = await _due(session, now)
        people = await recipients(session, [d.user_id for d in due]) if due else {}
    sent = 0
    for item in due:
        recipient = people.get(item.user_id)
        if recipient is None:  # deactivated (or gone): no mail
            continue
        if await _send_one(sessionmaker, mail, item, recipient, public_url, now):
            sent += 1
    return sent
