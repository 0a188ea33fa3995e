"""Change feeds that never miss a change: a change mark per written row, and pages of
changes handed out only below the *settled* mark.

A feed reader keeps a cursor (the last change it was given) and asks for what came after.
Ordering by a timestamp or a sequence value taken before commit is not enough: a
transaction that took an earlier value may commit *after* a later one was read, and a reader
already past it would never see it. So each written row carries a **change mark** and a
page hands out only rows whose mark is below a bound that no transaction still in flight can
go under:

* **PostgreSQL**: the mark is the writing transaction's id (``pg_current_xact_id()``, xid8,
  monotone for the life of the cluster); the bound is the oldest transaction *of this
  database* still running (:func:`settled_bound`). Every transaction of this database with
  a smaller id has ended, and every later writer gets a larger id, so nothing can appear
  below the bound after a page was read. A long transaction in this database holds the feed
  back until it ends; it never makes the feed skip. Transactions of other databases on the
  same server cannot write these tables, so they do not count.
* **SQLite**: writers are serialised by the database lock, held from a transaction's first
  write to its commit. The mark comes from one counter row bumped inside the writing
  transaction, so marks commit in order; the bound is the committed counter plus one.

Rows written in one transaction share a mark on PostgreSQL; pages are ordered by (mark, id),
and the cursor is that pair. The bound is read *before* the rows, so that rows read by a
later statement (a newer snapshot) are still cut at it.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import BigInteger, and_, literal, or_, select, text, union_all
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.selectable import SelectBase

from gwella.core.database import Base
from gwella.core.errors import InvalidCursor
from gwella.core.moments import is_mark

_ROW = 1
_LAST_ID = uuid.UUID(int=(1 << 128) - 1)


class ChangeCounter(Base):
    """SQLite only: one row, the last change mark given (PostgreSQL uses transaction ids)."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger)


def _dialect(session: AsyncSession) -> str:
    return session.bind.dialect.name if session.bind else "sqlite"


async def mark(session: AsyncSession) -> int:
    """The change mark for rows this transaction writes (call it in the writing transaction,
    once per batch: on SQLite it takes the write lock at once)."""
    if _dialect(session) == "postgresql":
        value = await session.scalar(text("SELECT pg_current_xact_id()::text::bigint"))
    else:
        bump = (
            sqlite_insert(ChangeCounter)
            .values(id=_ROW, value=1)
            .on_conflict_do_update(index_elements=["id"], set_={"value": ChangeCounter.value + 1})
            .returning(ChangeCounter.value)
        )
        value = await session.scalar(bump)
    assert value is not None
    return int(value)


# Can this role read the sessions of the server? PUBLIC may by default; a hardened server may
# revoke it, and then the bound is the whole server's oldest transaction (never a skip).
_SEES_SESSIONS = text(
    "SELECT has_table_privilege('pg_catalog.pg_stat_activity', 'SELECT')"
    " AND has_function_privilege('pg_catalog.pg_stat_get_activity(integer)', 'EXECUTE')"
)
_CLUSTER_BOUND = text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
# The oldest transaction still running that is not known to belong to another database, or
# the snapshot's xmax when there is none: transactions at or above xmax are not listed in the
# snapshot, but none of them has committed, so every committed change has a smaller mark.
# xid8 values are compared as 64-bit numbers (epoch and all); a session's backend_xid is the
# 32-bit xid, matched to the low 32 bits of a listed xid8 (transactions running at once are
# less than 2^31 apart, so the match is unique). Only a positive match to a session of
# another database leaves a transaction out: one that cannot be matched (ended meanwhile,
# prepared, a session whose xid or database is not shown) holds the bound, so less sight can
# only hold the feed back, never make it skip.
_DATABASE_BOUND = text(
    """
    WITH snap AS MATERIALIZED (SELECT pg_current_snapshot() AS s)
    SELECT LEAST(
        (SELECT pg_snapshot_xmax(s)::text::bigint FROM snap),
        (SELECT min(x::text::bigint)
           FROM snap, pg_snapshot_xip(snap.s) AS x
          WHERE NOT EXISTS (
                SELECT 1 FROM pg_catalog.pg_stat_activity AS a
                 WHERE a.backend_xid = x::xid AND a.datname <> current_database())))
    """
)


async def settled_bound(session: AsyncSession) -> int:
    """Every change with a mark below this is committed (or undone) and no change to come can
    take a mark below it.

    On PostgreSQL, the cluster-wide ``pg_snapshot_xmin`` would do, but one transaction left
    open in *any* database of the server (another application on a shared server, an idle
    session in a transaction) would hold every feed back for as long. So the bound is the
    oldest transaction still running that belongs to this database, told apart by
    ``pg_stat_activity`` (each session's database and ``backend_xid``, which PostgreSQL shows
    to every role). Where this role may not read ``pg_stat_activity``, it is the cluster-wide
    xmin. Read ``pg_stat_activity`` once per transaction here: PostgreSQL keeps the first
    reading for the rest of the transaction (a stale reading only holds the bound lower)."""
    if _dialect(session) == "postgresql":
        sees = await session.scalar(_SEES_SESSIONS)
        value = await session.scalar(_DATABASE_BOUND if sees else _CLUSTER_BOUND)
    else:
        value = await session.scalar(select(ChangeCounter.value).where(ChangeCounter.id == _ROW))
        value = (value or 0) + 1
    assert value is not None
    return int(value)


@dataclass(frozen=True)
class Position:
    """Where a reader is: past every change up to (mark, id)."""

    mark: int
    id: uuid.UUID

    def encode(self) -> str:
        raw = json.dumps({"m": self.mark, "i": str(self.id)}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, cursor: str) -> Position:
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
            data = json.loads(raw)
            if not is_mark(data["m"]):
                raise ValueError("not a change mark")
            return cls(data["m"], uuid.UUID(str(data["i"])))
        except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise InvalidCursor("The cursor is not one this server issued.") from None


@dataclass(frozen=True)
class Change:
    """One entry of a page: the record's id, its mark, and whether it is a tombstone."""

    id: uuid.UUID
    mark: int
    deleted: bool


async def page(
    session: AsyncSession,
    upserts: SelectBase,
    tombstones: SelectBase,
    *,
    after: Position | None,
    since: datetime | None,
    limit: int,
) -> tuple[list[Change], Position]:
    """One page of changes after ``after`` (or, on a first call, changed at or after
    ``since``), oldest first, and the position to ask from next time (never null: an empty
    page keeps the reader where it is, or moves it up to the settled bound).

    ``upserts`` and ``tombstones`` select ``id``, ``mark`` and ``changed_at`` of the
    reader's records (already narrowed to what the reader may see)."""
    bound = await settled_bound(session)
    parts = []
    for stmt, deleted in ((upserts, False), (tombstones, True)):
        sub = stmt.subquery()
        cond = [sub.c.mark < bound]
        if after is not None:
            cond.append(
                or_(sub.c.mark > after.mark, and_(sub.c.mark == after.mark, sub.c.id > after.id))
            )
        elif since is not None:
            cond.append(sub.c.changed_at >= since)
        parts.append(
            select(sub.c.id, sub.c.mark, literal(int(deleted)).label("deleted")).where(*cond)
        )
    both = union_all(*parts).subquery()
    rows = (
        await session.execute(
            select(both.c.id, both.c.mark, both.c.deleted)
            .order_by(both.c.mark, both.c.id)
            .limit(limit)
        )
    ).all()
    changes = [Change(uuid.UUID(str(r[0])), int(r[1]), bool(int(r[2]))) for r in rows]
    if len(changes) == limit:
        last = changes[-1]
        return changes, Position(last.mark, last.id)
    # Fewer than asked: everything settled has been handed out, so the reader may start next
    # time from the bound (rows of others skipped once, not read again and again).
    settled = Position(bound - 1, _LAST_ID)
    if after is not None and (after.mark, after.id) > (settled.mark, settled.id):
        return changes, after
    return changes, settled
