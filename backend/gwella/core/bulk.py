"""Writing many rows at once, in the caller's transaction.

On PostgreSQL through asyncpg this is ``COPY … FROM STDIN`` (binary), several times faster
than an INSERT per row because the server parses and plans nothing per row; elsewhere it is
one executemany ``INSERT``. Values go through each column type's own bind processing (JSON to
text, enums to their stored names), and Python-side column defaults are filled in, so both
paths store exactly the same row.

:func:`insert_new` is for rows whose unique key a concurrent request may be writing at the
same moment (a client retrying while its first attempt still runs): it skips a row whose key
is taken instead of failing the whole transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import partial
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Table, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

UNIQUE_VIOLATION = "23505"  # PostgreSQL's SQLSTATE


def _uses_copy(dialect: Dialect) -> bool:
    return dialect.name == "postgresql" and dialect.driver == "asyncpg"


def _defaults(table: Table, given: set[str]) -> dict[str, Callable[[], Any]]:
    """Python-side defaults of the columns the rows leave out (COPY applies only the
    server's own defaults)."""
    out: dict[str, Callable[[], Any]] = {}
    for column in table.columns:
        default = column.default
        if column.name in given or default is None or not hasattr(default, "arg"):
            continue
        arg: Any = default.arg
        if getattr(default, "is_callable", False):
            out[column.name] = partial(arg, None)
        elif getattr(default, "is_scalar", False):
            out[column.name] = partial(_same, arg)
    return out


def _same(value: Any) -> Any:
    return value


_json_string = json.encoder.encode_basestring_ascii  # what json.dumps writes a str with


def _json_text(value: Any, otherwise: Callable[[Any], Any]) -> Any:
    """The JSON column's own text (``json.dumps``) of a string, an int, a list of strings or
    a one-key object of those, written directly: the answers of a batch are 12,000 such
    values, and json.dumps costs more per call than their text. Anything else goes to
    the column's own processor."""
    kind = value.__class__
    if kind is str:
        return _json_string(value)
    if kind is int:
        return int.__repr__(value)
    if kind is list and all(v.__class__ is str for v in value):
        return "[" + ", ".join(map(_json_string, value)) + "]"
    if kind is dict and len(value) == 1:
        ((key, inner),) = value.items()
        if key.__class__ is str and inner.__class__ in (str, int, list):
            text = _json_text(inner, otherwise)
            if text.__class__ is str:
                return "{" + _json_string(key) + ": " + text + "}"
    return otherwise(value)


async def insert_rows(session: AsyncSession, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys, by column name) into ``table``."""
    if not rows:
        return
    connection = await session.connection()
    dialect = connection.dialect
    if not _uses_copy(dialect):
        await session.execute(insert(table), list(rows))
        return
    given = list(rows[0])
    defaults = _defaults(table, set(given))
    columns = given + list(defaults)
    processors = []
    for i, name in enumerate(columns):
        impl = table.columns[name].type.dialect_impl(dialect)
        process = impl.bind_processor(dialect)
        if process is None:
            continue
        if isinstance(impl, JSON) and getattr(dialect, "_json_serializer", None) is None:
            process = partial(_json_text, otherwise=process)
        processors.append((i, process))
    pick = itemgetter(*given)
    records = []
    for row in rows:
        picked = pick(row)
        values = [*picked] if len(given) > 1 else [picked]
        values += [make() for make in defaults.values()]
        for i, process in processors:
            if values[i] is not None:
                values[i] = process(values[i])
        records.append(tuple(values))
    raw = await connection.get_raw_connection()
    driver = raw.driver_connection
    assert driver is not None
    await driver.copy_records_to_table(
        table.name, records=records, columns=columns, schema_name=table.schema
    )


async def insert_new(
    session: AsyncSession, table: Table, rows: Sequence[dict[str, Any]]
) -> set[Any]:
    """Insert ``rows`` except those whose unique key is already stored, and return the
    primary keys of the rows inserted (each row gives its own ``id``).

    ``INSERT … ON CONFLICT DO NOTHING … RETURNING id`` on PostgreSQL and SQLite alike; on
    PostgreSQL through asyncpg, a COPY in a savepoint first, and that statement only if the
    COPY met a taken key. A key that a concurrent transaction has written but not yet
    committed makes either wait for it: on PostgreSQL the unique index holds the row until
    that transaction ends, on SQLite the write lock does. So a row left out is one whose key
    is now committed, and the caller can read it to say what became of its own. Callers pass
    rows in a stable order of their key, so that two transactions inserting the same keys
    wait for each other in one order (never a deadlock)."""
    if not rows:
        return set()
    connection = await session.connection()
    key = table.primary_key.columns.values()[0]
    if _uses_copy(connection.dialect):
        # The fast path: COPY, in a savepoint, and only if one of the keys is taken the
        # statement below (a retry racing its first attempt is rare; COPY is twice as fast).
        try:
            async with session.begin_nested():
                await insert_rows(session, table, rows)
        except Exception as exc:  # asyncpg's own error: COPY goes round SQLAlchemy
            if getattr(exc, "sqlstate", None) != UNIQUE_VIOLATION:
                raise
        else:
            return {row[key.name] for row in rows}
    return await _insert_skipping_taken(session, table, key, rows)


async def _insert_skipping_taken(
    session: AsyncSession, table: Table, key: Any, rows: Sequence[dict[str, Any]]
) -> set[Any]:
    connection = await session.connection()
    name = connection.dialect.name
    if name == "postgresql":
        stmt: Any = postgresql.insert(table)
    elif name == "sqlite":
        stmt = sqlite.insert(table)
    else:  # pragma: no cover - the two databases Gwella runs on
        raise NotImplementedError(f"insert_new on {name}")
    result = await session.execute(stmt.on_conflict_do_nothing().returning(key), list(rows))
    return set(result.scalars().all())
