"""E-mail digests (issue 17 item 5): only for those who ask, once per period, in the person's
language, listing exactly what they have not read since their last digest, however many
workers run the job at once."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gwella.accounts import users
from gwella.accounts.models import Language, User
from gwella.core.audit import AuditEvent
from gwella.core.config import Settings
from gwella.core.database import create_engine, create_sessionmaker
from gwella.core.mail import MemoryMailSender, Message
from gwella.notifications.digest import (
    MAX_ITEMS,
    Recipient,
    compose,
    next_period_start,
    period_start,
    send_due_digests,
)
from gwella.notifications.models import DigestFrequency, Notification, NotificationDigest
from gwella.worker import Worker, send_digests
from tests.factories import make_user, sign_in

LONDON = ZoneInfo("Europe/London")
URL = "/api/v1/notifications/preferences"
PUBLIC = "http://gwella.test"


def _local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON).astimezone(UTC)


def _next_morning(after: datetime, minute: int = 30) -> datetime:
    """The first 07:mm London time strictly after ``after``, in UTC."""
    day = after.astimezone(LONDON).date()
    while True:
        moment = datetime.combine(day, time(7, minute), tzinfo=LONDON).astimezone(UTC)
        if moment > after:
            return moment
        day += timedelta(days=1)


async def _opt_in(
    client: httpx.AsyncClient,
    session: AsyncSession,
    frequency: str = "daily",
    language: Language = Language.en,
) -> tuple[User, datetime]:
    """A person who asks for a digest through the API; returns them and when they asked."""
    user = await make_user(session)
    user.language = language
    await session.commit()
    headers = await sign_in(client, user.email)
    r = await client.put(URL, json={"digest": frequency}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.json()["digest"] == frequency
    asked = await session.scalar(
        select(NotificationDigest.sent_through).where(NotificationDigest.user_id == user.id)
    )
    assert asked is not None
    return user, asked


async def _note(
    session: AsyncSession,
    user: User,
    at: datetime,
    title: str,
    *,
    read: bool = False,
    link: str | None = None,
    welsh: str | None = None,
) -> Notification:
    n = Notification(
        user_id=user.id,
        kind="test",
        title={"en": title, "cy": welsh or f"{title} (cy)"},
        body={"en": f"About {title}", "cy": f"Ynghylch {welsh or title}"},
        link=link,
        created_at=at,
        read_at=at + timedelta(minutes=1) if read else None,
    )
    session.add(n)
    await session.commit()
    return n


async def _run(sessionmaker: async_sessionmaker[AsyncSession], now: datetime) -> list[Message]:
    outbox = MemoryMailSender()
    await send_digests(sessionmaker, outbox, PUBLIC, now)
    return outbox.outbox


# --- periods --------------------------------------------------------------------------------


def test_a_daily_period_starts_at_seven_london_time_in_winter_and_summer() -> None:
    daily = DigestFrequency.daily
    # Winter: London is UTC.
    assert period_start(daily, _local(2027, 1, 12, 7, 0)) == datetime(2027, 1, 12, 7, tzinfo=UTC)
    assert period_start(daily, _local(2027, 1, 12, 6, 59)) == datetime(2027, 1, 11, 7, tzinfo=UTC)
    # Summer: 07:00 London is 06:00 UTC.
    assert period_start(daily, datetime(2027, 7, 12, 6, 30, tzinfo=UTC)) == datetime(
        2027, 7, 12, 6, tzinfo=UTC
    )
    # Across the spring clock change (28 March 2027) the next start is still 07:00 local.
    assert next_period_start(daily, _local(2027, 3, 27, 12)) == _local(2027, 3, 28, 7)
    assert period_start(DigestFrequency.off, _local(2027, 1, 12, 9)) is None


def test_a_weekly_period_starts_on_monday_at_seven() -> None:
    weekly = DigestFrequency.weekly
    monday = _local(2027, 1, 11, 7)  # 11 January 2027 is a Monday
    assert period_start(weekly, monday) == monday
    assert period_start(weekly, monday - timedelta(minutes=1)) == _local(2027, 1, 4, 7)
    assert period_start(weekly, _local(2027, 1, 17, 23)) == monday  # the Sunday after
    assert next_period_start(weekly, _local(2027, 1, 13, 12)) == _local(2027, 1, 18, 7)


# --- the preference through the API ---------------------------------------------------------


async def test_the_digest_is_off_until_the_person_asks_and_a_change_is_audited(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await make_user(session)
    headers = await sign_in(client, user.email)
    r = await client.get(URL, headers=headers)
    assert r.status_code == 200
    assert r.json() == {"digest": "off", "next_digest_at": None}

    r = await client.put(URL, json={"digest": "weekly"}, headers=headers)
    assert r.status_code == 200, r.text
    due = datetime.fromisoformat(r.json()["next_digest_at"])
    local = due.astimezone(LONDON)
    assert (local.weekday(), local.hour, local.minute) == (0, 7, 0)
    assert (await client.get(URL, headers=headers)).json()["digest"] == "weekly"

    events = list(
        await session.scalars(
            select(AuditEvent).where(AuditEvent.action == "notification_preferences.updated")
        )
    )
    assert [(e.record_id, e.actor_id) for e in events] == [(str(user.id), user.id)]
    assert "off" in str(events[0].changes)
    assert "weekly" in str(events[0].changes)

    # Setting what is already set changes nothing and records nothing.
    assert (await client.put(URL, json={"digest": "weekly"}, headers=headers)).status_code == 200
    again = await session.scalars(
        select(AuditEvent.id).where(AuditEvent.action == "notification_preferences.updated")
    )
    assert len(list(again)) == 1


async def test_a_bad_preference_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user, _ = await _opt_in(client, session, "daily")
    headers = await sign_in(client, user.email)
    for body in ({"digest": "hourly"}, {"digest": None}, {}, {"digest": "daily", "x": 1}, []):
        r = await client.put(URL, json=body, headers=headers)
        assert r.status_code == 422, (body, r.text)
        assert r.headers["content-type"] == "application/problem+json"
    assert (await client.get(URL, headers=headers)).json()["digest"] == "daily"
    assert (await client.get(URL)).status_code == 401


# --- sending --------------------------------------------------------------------------------


async def test_nobody_who_left_it_off_gets_mail(
    client: httpx.AsyncClient, session: AsyncSession, sessionmaker: Any
) -> None:
    quiet = await make_user(session)
    stopped, asked = await _opt_in(client, session, "daily")
    headers = await sign_in(client, stopped.email)
    assert (await client.put(URL, json={"digest": "off"}, headers=headers)).status_code == 200
    for person in (quiet, stopped):
        await _note(session, person, asked + timedelta(minutes=5), "Unread")
    assert await _run(sessionmaker, _next_morning(asked)) == []


async def test_a_daily_digest_lists_exactly_what_is_unread_since_the_last_one(
    client: httpx.AsyncClient, session: AsyncSession, sessionmaker: Any
) -> None:
    user, asked = await _opt_in(client, session, "daily")
    other, _ = await _opt_in(client, session, "daily")
    before = await _note(session, user, asked - timedelta(minutes=1), "Before asking")
    older = await _note(session, user, asked + timedelta(minutes=5), "Older unread")
    await _note(session, user, asked + timedelta(minutes=6), "Already read", read=True)
    newer = await _note(
        session, user, asked + timedelta(minutes=7), "Newer unread", link="/actions/abc"
    )
    morning = _next_morning(asked + timedelta(minutes=10))

    mails = await _run(sessionmaker, morning)
    assert [m.to for m in mails] == [user.email]  # the other person has nothing unread
    mail = mails[0]
    assert mail.subject == "Gwella: your daily summary (2 not read)"
    body = mail.body
    assert body.index("Newer unread") < body.index("Older unread")  # newest first
    # Titles and links only: a body may quote someone's words, which stay behind sign-in.
    assert "About Newer unread" not in body
    assert f"{PUBLIC}/actions/abc" in body
    assert "Already read" not in body
    assert before.title["en"] not in body
    assert f"{PUBLIC}/notifications" in body
    assert f"{PUBLIC}/profile" in body
    assert "daily summary" in body

    # Later the same day, another run (a restart, another worker) sends nothing.
    assert await _run(sessionmaker, morning + timedelta(hours=10)) == []

    # The next day: only what came since, although the earlier ones are still unread.
    latest = await _note(session, user, morning + timedelta(hours=2), "Next day")
    mails = await _run(sessionmaker, morning + timedelta(days=1))
    assert [m.to for m in mails] == [user.email]
    assert "Next day" in mails[0].body
    assert older.title["en"] not in mails[0].body
    assert newer.title["en"] not in mails[0].body
    assert mails[0].subject.endswith("(1 not read)")
    assert latest.link is None
    assert "/None" not in mails[0].body
    assert other.email not in [m.to for m in mails]


async def test_a_welsh_speaker_gets_the_digest_in_welsh(
    client: httpx.AsyncClient, session: AsyncSession, sessionmaker: Any
) -> None:
    user, asked = await _opt_in(client, session, "daily", Language.cy)
    await _note(
        session,
        user,
        asked + timedelta(minutes=1),
        "Review requested",
        welsh="Gofynnwyd am adolygiad",
        link="/instruments/x/review",
    )
    [mail] = await _run(sessionmaker, _next_morning(asked))
    assert mail.subject == "Gwella: eich crynodeb dyddiol (1 heb ei ddarllen)"
    assert "Gofynnwyd am adolygiad" in mail.body
    assert "Review requested" not in mail.body
    assert "Helo " in mail.body
    assert "Gweld eich holl hysbysiadau" in mail.body
    assert f"{PUBLIC}/instruments/x/review" in mail.body
    assert f"ewch i'ch proffil: {PUBLIC}/profile" in mail.body


async def test_a_weekly_digest_goes_on_monday_only(
    client: httpx.AsyncClient, session: AsyncSession, sessionmaker: Any
) -> None:
    user, asked = await _opt_in(client, session, "weekly")
    await _note(session, user, asked + timedelta(minutes=1), "This week")
    monday = next_period_start(DigestFrequency.weekly, asked)
    assert monday is not None
    if monday - asked < timedelta(days=1):  # asked on a Monday morning: a week later
        monday += timedelta(days=7)
    assert await _run(sessionmaker, monday - timedelta(hours=1)) == []
    mails = await _run(sessionmaker, monday + timedelta(minutes=1))
    assert [m.subject for m in mails] == ["Gwella: your weekly summary (1 not read)"]
    assert "weekly summary" in mails[0].body
    assert await _run(sessionmaker, monday + timedelta(days=3)) == []


async def test_a_long_digest_is_capped_and_says_how_many_more(
    client: httpx.AsyncClient, session: AsyncSession, sessionmaker: Any
) -> None:
    user, asked = await _opt_in(client, session, "daily")
    session.add_all(
        Notification(
            user_id=user.id,
            kind="test",
            title={"en": f"Item {n:03d}", "cy": f"Eitem {n:03d}"},
            body={"en": "", "cy": ""},
            created_at=asked + timedelta(seconds=n + 1),
        )
        for n in range(MAX_ITEMS + 5)
    )
    await session.commit()
    [mail] = await _run(sessionmaker, _next_morning(asked + timedelta(minutes=2)))
    assert mail.subject.endswith(f"({MAX_ITEMS + 5} not read)")
    assert f"Item {MAX_ITEMS + 4:03d}" in mail.body
    assert "Item 005" in mail.body
    assert "Item 004" not in mail.body  # the oldest five are left out...
    assert "There are 5 more notifications you have not read." in mail.body  # ...and counted


async def test_a_deactivated_person_gets_no_digest(
    client: httpx.AsyncClient, session: AsyncSession, sessionmaker: Any
) -> None:
    user, asked = await _opt_in(client, session, "daily")
    await _note(session, user, asked + timedelta(minutes=1), "Unread")
    await session.execute(update(User).where(User.id == user.id).values(is_active=False))
    await session.commit()
    assert await _run(sessionmaker, _next_morning(asked)) == []


async def test_two_workers_at_once_send_one_digest(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    people = [await _opt_in(client, session, "daily") for _ in range(3)]
    for person, asked in people:
        await _note(session, person, asked + timedelta(minutes=1), "Unread")
    now = _next_morning(max(asked for _, asked in people))
    # Two processes: two engines, two pools, each job with its own sessions.
    engines = [create_engine(settings.database_url) for _ in range(2)]
    try:
        boxes = [MemoryMailSender(), MemoryMailSender()]
        await asyncio.gather(
            *(
                send_digests(create_sessionmaker(engine), box, PUBLIC, now)
                for engine, box in zip(engines, boxes, strict=True)
            )
        )
        sent = sorted(m.to for box in boxes for m in box.outbox)
        assert sent == sorted(p.email for p, _ in people)

        # The next day, both read who is due before either claims anyone (the race itself).
        for person, _ in people:
            await _note(session, person, now + timedelta(hours=1), "Next")
        both_read = asyncio.Barrier(2)

        async def lookup(s: AsyncSession, ids: Sequence[uuid.UUID]) -> Mapping[uuid.UUID, Any]:
            found = await users.mail_recipients(s, ids)
            await both_read.wait()
            return found

        boxes = [MemoryMailSender(), MemoryMailSender()]
        counts = await asyncio.gather(
            *(
                send_due_digests(
                    create_sessionmaker(engine),
                    box,
                    lookup,
                    public_url=PUBLIC,
                    now=now + timedelta(days=1),
                )
                for engine, box in zip(engines, boxes, strict=True)
            )
        )
        assert sum(counts) == len(people)
        sent = sorted(m.to for box in boxes for m in box.outbox)
        assert sent == sorted(p.email for p, _ in people)
    finally:
        for engine in engines:
            await engine.dispose()


class _Refusing:
    async def send(self, message: Message) -> None:
        raise ConnectionError("mail server away")


async def test_a_failed_or_abandoned_send_is_tried_again_not_lost(
    client: httpx.AsyncClient, session: AsyncSession, sessionmaker: Any
) -> None:
    user, asked = await _opt_in(client, session, "daily")
    await _note(session, user, asked + timedelta(minutes=1), "Unread")
    now = _next_morning(asked)

    # The mail server refuses: the claim is released and the next run sends it.
    assert await send_digests(sessionmaker, _Refusing(), PUBLIC, now) == 0
    mails = await _run(sessionmaker, now + timedelta(minutes=5))
    assert [m.to for m in mails] == [user.email]

    # A worker that claimed the next one and died: nothing until its lease lapses, then sent.
    await _note(session, user, now + timedelta(hours=1), "Later")
    tomorrow = now + timedelta(days=1)
    await session.execute(
        update(NotificationDigest)
        .where(NotificationDigest.user_id == user.id)
        .values(claimed_until=tomorrow + timedelta(minutes=10))
    )
    await session.commit()
    assert await _run(sessionmaker, tomorrow) == []
    mails = await _run(sessionmaker, tomorrow + timedelta(minutes=11))
    assert [m.to for m in mails] == [user.email]
    assert "Later" in mails[0].body


async def test_a_digest_never_goes_to_someone_else(
    client: httpx.AsyncClient, session: AsyncSession, sessionmaker: Any
) -> None:
    user, asked = await _opt_in(client, session, "daily")
    other = await make_user(session)
    await _note(session, other, asked + timedelta(minutes=1), "Not yours")
    await _note(session, user, asked + timedelta(minutes=1), "Yours")
    [mail] = await _run(sessionmaker, _next_morning(asked))
    assert mail.to == user.email
    assert "Yours" in mail.body
    assert "Not yours" not in mail.body
    assert str(user.id) not in mail.body  # no ids: only titles, bodies and links


async def test_the_worker_sends_digests_with_its_chores(
    client: httpx.AsyncClient, session: AsyncSession, sessionmaker: Any, settings: Settings
) -> None:
    user, asked = await _opt_in(client, session, "daily", Language.cy)
    await _note(session, user, asked + timedelta(minutes=1), "Unread", welsh="Heb ei ddarllen")
    box = MemoryMailSender()
    worker = Worker(settings, sessionmaker, mail=box)
    morning = _next_morning(asked)
    await worker.run_once(now=morning)
    await worker.run_once(now=morning + timedelta(minutes=10))
    assert [(m.to, m.subject) for m in box.outbox] == [
        (user.email, "Gwella: eich crynodeb dyddiol (1 heb ei ddarllen)")
    ]
    assert f"{settings.public_url}/notifications" in box.outbox[0].body


def test_welsh_agrees_with_one_or_several() -> None:
    welsh = Recipient(email="a@example.test", language="cy", display_name="Alys")
    notes = [
        Notification(
            title={"cy": f"Teitl {n}"} if n != 2 else {"en": "Title 2"},
            body={"en": f"Body {n}"},
            link=None,
        )
        for n in range(3)
    ]
    one = compose(welsh, DigestFrequency.weekly, notes[:1], 1, PUBLIC)
    several = compose(welsh, DigestFrequency.weekly, notes, 3, PUBLIC)
    assert one.subject == "Gwella: eich crynodeb wythnosol (1 heb ei ddarllen)"
    assert several.subject == "Gwella: eich crynodeb wythnosol (3 heb eu darllen)"
    # A text missing in Welsh falls back to the English one rather than to nothing.
    assert "Title 2" in several.body
    assert "Body" not in several.body
    more = compose(welsh, DigestFrequency.daily, notes[:1], 2, PUBLIC)
    assert "Mae 1 hysbysiad arall nad ydych wedi'i ddarllen." in more.body
