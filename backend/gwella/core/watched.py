"""Tables open dashboards watch, and the word a writing transaction sends when it changed one.

Each server process keeps one change feed for all of its live streams
(:mod:`gwella.stream.feed`). On PostgreSQL the feed ``LISTEN``\\s on :data:`CHANNEL`, and a
transaction that wrote to a table marked :class:`Watched` sends ``NOTIFY`` on it *in that same
transaction*: PostgreSQL delivers it only when (and if) the transaction commits, so the feed
wakes for committed changes only, and at once. On SQLite nothing is sent; each process's
feed looks every half second instead.

Marked tables are those a stream's events come from: result releases, the audit trail
(measurements and annotations), notifications, and the generation of principals (a revoked
token or a changed role must end a stream promptly). The session events below notice both
changed objects and ``insert()``/``update()``/``delete()`` statements on them, like those of
:mod:`gwella.core.principals`. That module moves the generation on in its own
``before_commit``, which may run before or after ours: either its update of the generation is
seen here, or its mark (:data:`PRINCIPALS_CHANGED`) is still set when ours runs.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

from gwella.core.database import AppSession

CHANNEL = "gwella_changes"
_CHANGED = "gwella.watched_changed"
PRINCIPALS_CHANGED = "gwella.principals_changed"
"""The session's mark that a table principals are built from changed (set and cleared by
:mod:`gwella.core.principals`)."""
_SEND = text(f"SELECT pg_notify('{CHANNEL}', '')")


class Watched:
    """A table whose changes an open dashboard is told of."""


def _watched(cls: type[Any] | None) -> bool:
    return cls is not None and issubclass(cls, Watched)


@event.listens_for(AppSession, "before_flush")
def _objects_changed(session: Session, _context: Any, _instances: Any) -> None:
    if not session.info.get(_CHANGED) and any(
        _watched(type(o)) for o in chain(session.new, session.dirty, session.deleted)
    ):
        session.info[_CHANGED] = True


@event.listens_for(AppSession, "do_orm_execute")
def _statement_changes(state: ORMExecuteState) -> None:
    if state.is_update or state.is_delete or state.is_insert:
        mapper = state.bind_mapper
        if mapper is not None and _watched(mapper.class_):
            state.session.info[_CHANGED] = True


@event.listens_for(AppSession, "before_commit")
def _send(session: Session) -> None:
    session.flush()
    changed = session.info.pop(_CHANGED, False) or session.info.get(PRINCIPALS_CHANGED, False)
    if not changed:
        return
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        session.execute(_SEND)


@event.listens_for(AppSession, "after_soft_rollback")
def _forget(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is None and not previous.nested:
        session.info.pop(_CHANGED, None)
