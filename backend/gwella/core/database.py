"""Engine, sessions and the declarative base shared by every domain.

One transaction per request: :func:`get_session` commits when the route returns and
rolls back when it raises; services only ``flush()``. What must happen outside the
database once the transaction is stored (mail) waits for the commit: :func:`after_commit`.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import JSON, DateTime, MetaData, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    SessionTransaction,
    declared_attr,
    mapped_column,
)
from sqlalchemy.types import TypeDecorator
from starlette.requests import HTTPConnection

from gwella.core.logging import get_logger

_log = get_logger("gwella.database")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every database (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    @property
    def python_type(self) -> type[datetime]:
        """``datetime`` (the default, ``object``, breaks keyset cursors on these columns)."""
        return datetime

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; give a timezone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSONType,
        list[str]: JSONType,
    }


class IdMixin:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class VersionedMixin:
    """Optimistic concurrency: the row's version is its ETag, and SQLAlchemy adds
    ``WHERE version = :seen`` to every UPDATE so that a racing writer fails (412)."""

    version: Mapped[int] = mapped_column()

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - a class-level directive
        return {"version_id_col": cls.version}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    # A statement's values (answers, e-mail addresses, hashes) never reach an error message,
    # hence never a log line; the statement itself still does.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    # No ping before each use: it was a database round trip on every request (a tenth of a
    # small read's time). A connection found dead instead fails that one request with 503 and
    # Retry-After (nothing is acknowledged), and SQLAlchemy then discards every connection
    # the pool held, so one request per process notices a database restart. Connections are
    # renewed after 30 minutes, before firewalls drop idle ones.
    kwargs.setdefault("pool_pre_ping", False)
    kwargs.setdefault("pool_recycle", 1800)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 10)
    return create_async_engine(url, **kwargs)


class AppSession(Session):
    """The sessions of this application (other modules attach their events to this class,
    see :mod:`gwella.core.principals`)."""


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(
        engine, expire_on_commit=False, autoflush=False, sync_session_class=AppSession
    )


# ------------------------------------------------------------------------- after commit

AfterCommit = Callable[[], Awaitable[object]]
_PENDING = "gwella.after_commit.pending"  # [(transaction, what, action)], not yet committed
_DUE = "gwella.after_commit.due"  # [(what, action)], committed, not yet run


def after_commit(session: AsyncSession, action: AfterCommit, *, what: str) -> None:
    """Run ``action`` once the transaction in progress has committed, never if it rolls back.

    For effects outside the database, such as mail: they must not announce what was then
    undone, nor keep the transaction (and its locks) open while they wait. An action added
    inside a savepoint goes with it if the savepoint is rolled back.

    The request's session (:data:`SessionDep`) runs the due actions right after its commit;
    any other owner of a session calls :func:`run_after_commit` after committing. ``what``
    names the action in the log if it fails (no personal data: it is logged)."""
    sync = session.sync_session
    transaction = sync.get_nested_transaction() or sync.get_transaction() or sync.begin()
    session.info.setdefault(_PENDING, []).append((transaction, what, action))


async def run_after_commit(session: AsyncSession) -> None:
    """Run, in order, the actions whose transaction has committed. One that fails is logged
    and does not stop the others: what was committed stays committed."""
    due: list[tuple[str, AfterCommit]] = session.info.pop(_DUE, [])
    for what, action in due:
        try:
            await action()
        except Exception:
            _log.exception("after_commit_failed", action=what)


@event.listens_for(AppSession, "after_commit")
def _committed(session: Session) -> None:
    # Still the current transaction while this event runs: a savepoint hands its actions to
    # the transaction around it; the outermost transaction makes them due.
    pending: list[tuple[SessionTransaction, str, AfterCommit]] = session.info.get(_PENDING, [])
    if not pending:
        return
    committed = session.get_nested_transaction() or session.get_transaction()
    parent = committed.parent if committed is not None else None
    mine = [p for p in pending if p[0] is committed]
    session.info[_PENDING] = [p for p in pending if p[0] is not committed]
    if parent is not None:
        session.info[_PENDING].extend((parent, what, action) for _, what, action in mine)
    else:
        session.info.setdefault(_DUE, []).extend((what, action) for _, what, action in mine)


@event.listens_for(AppSession, "after_transaction_end")
def _ended(session: Session, transaction: SessionTransaction) -> None:
    # Whatever is still pending on a transaction that has ended was rolled back (or closed
    # without a commit): it never runs.
    pending: list[tuple[SessionTransaction, str, AfterCommit]] = session.info.get(_PENDING, [])
    if pending:
        ended = transaction.parent is None
        session.info[_PENDING] = [p for p in pending if not ended and p[0] is not transaction]


async def _session(conn: HTTPConnection) -> AsyncIterator[AsyncSession]:
    """The request's session: commit on success, roll back on any error."""
    sessionmaker: async_sessionmaker[AsyncSession] = conn.app.state.sessionmaker
    async with sessionmaker() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        else:
            await session.commit()
            await run_after_commit(session)


SessionDep = Annotated[AsyncSession, Depends(_session, scope="function")]
"""The request's session, committed *before* the response is sent: what is acknowledged
is stored. Then the actions registered with :func:`after_commit` run."""
