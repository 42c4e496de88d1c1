"""Several statements in one round trip: SQLite's thread, or one PostgreSQL statement.

On SQLite each call into tortoise's client costs Python work of its own (and, before
bot.storage.sqlite_inline, a hop to aiosqlite's thread); on PostgreSQL each statement is a
network round trip, and a transaction two more (BEGIN, COMMIT). `run` sends a list of
statements as one:
- SQLite: one call, the statements run in one transaction;
- PostgreSQL: one statement of data-modifying WITH parts (atomic as any statement).
A *guard* statement that changes no row writes nothing at all: `run` gives None (the audit
trail's conditional move of its head).

Only outside a transaction of tortoise's (`available`); elsewhere the callers write the way
they did before. On SQLite each statement is still logged to `tortoise.db_client` at DEBUG as
tortoise logs its own (bench/sqlcount.py counts them); on PostgreSQL the one statement is.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.backends.base_postgres.client import BasePostgresClient
from tortoise.backends.sqlite.client import SqliteClient
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.models import Model

from bot.storage.sql import dollars

_log = logging.getLogger("tortoise.db_client")


@dataclass(frozen=True, slots=True)
class Step:
    """One statement (`?` placeholders): `values` for one row, or `many` rows at once."""

    sql: str
    values: Sequence[Any] = ()
    many: Sequence[Sequence[Any]] | None = None
    guard: bool = False  # changed no row: roll the whole trip back, `run` gives None
    read: bool = False  # a SELECT of one value (SQLite only: `available(db, reads=True)`)


def available(db: BaseDBAsyncClient, *, reads: bool = False) -> bool:
    """SQLite or PostgreSQL (not with `reads`), not inside a transaction of tortoise's."""
    kinds = SqliteClient if reads else SqliteClient | BasePostgresClient
    return isinstance(db, kinds) and not isinstance(db, TransactionalDBClient)


def insert(row: Model, db: BaseDBAsyncClient) -> Step:
    """The INSERT of a new `row` (generated primary key), with the values tortoise stores."""
    executor = db.executor_class(model=type(row), db=db)
    meta = row._meta
    names = executor.regular_columns
    columns = ",".join(f'"{meta.fields_db_projection[name]}"' for name in names)
    marks = ",".join("?" * len(names))
    values = [meta.fields_map[name].to_db_value(getattr(row, name), row) for name in names]
    return Step(f'INSERT INTO "{meta.db_table}" ({columns}) VALUES ({marks})', values)


def inserts(rows: Sequence[Model], db: BaseDBAsyncClient) -> Step:
    """One `executemany` INSERT of rows of one model (their ids are not read back)."""
    steps = [insert(row, db) for row in rows]
    return Step(steps[0].sql, many=[step.values for step in steps])


def saved(row: Model, pk: int) -> None:
    """Mark `row` as inserted under `pk`, as tortoise does after its own INSERT."""
    row.pk = pk
    row._saved_in_db = True


def _run(conn: sqlite3.Connection, steps: Sequence[Step]) -> list[int] | None:
    """On the connection: the steps in one transaction, in order. Per step: the last row
    id for an INSERT of one row, the value a read selects, else the rows changed."""
    out: list[int] = []
    conn.execute("BEGIN")
    try:
        for step in steps:
            if step.read:
                row = conn.execute(step.sql, step.values).fetchone()
                out.append(int(row[0]) if row is not None else 0)
                continue
            if step.many is not None:
                cursor = conn.executemany(step.sql, step.many)
            else:
                cursor = conn.execute(step.sql, step.values)
            if step.guard and cursor.rowcount == 0:
                conn.execute("ROLLBACK")
                return None
            insert = step.many is None and _is_insert(step.sql)
            out.append(int(cursor.lastrowid or 0) if insert else cursor.rowcount)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return out


async def run(db: BaseDBAsyncClient, steps: Sequence[Step]) -> list[int] | None:
    """Run `steps` as one (`available(db)` must hold). Per step: the id of a one-row INSERT,
    a read's value, else the rows changed; None if a guard changed no row: then nothing was
    written."""
    if not isinstance(db, SqliteClient):
        return await _postgres(db, steps)
    async with db.acquire_connection() as connection:
        for step in steps:
            _log.debug("%s: %s", step.sql, step.many if step.many is not None else step.values)
        try:  # aiosqlite's own way of running a function (bot.storage.sqlite_inline)
            out: list[int] | None = await connection._execute(_run, connection._conn, steps)
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(exc) from exc
        except sqlite3.OperationalError as exc:
            raise OperationalError(exc) from exc
        return out


async def _postgres(db: BaseDBAsyncClient, steps: Sequence[Step]) -> list[int] | None:
    """One statement: each row of each step a WITH part; with a guard, every other part
    writes only if the guard's did (`EXISTS (SELECT 1 FROM <guard>)`)."""
    assert not any(step.read for step in steps), "reads see the statement's snapshot here"
    rows = [(i, s, v) for i, s in enumerate(steps) for v in (s.values,) if s.many is None]
    rows += [(i, s, v) for i, s in enumerate(steps) if s.many is not None for v in s.many]
    rows.sort(key=lambda item: (not item[1].guard, item[0]))  # the guard first
    guard = "p0" if rows and rows[0][1].guard else None
    parts: list[str] = []
    values: list[Any] = []
    outs: list[str] = []
    for n, (_, step, row) in enumerate(rows):
        sql, one_insert = step.sql, step.many is None and _is_insert(step.sql)
        if guard is not None and n > 0:
            if _is_insert(sql):
                head, _, tail = sql.rpartition(" VALUES (")
                sql = f"{head} SELECT {tail[:-1]} WHERE EXISTS (SELECT 1 FROM {guard})"
            else:
                sql = f"{sql} AND EXISTS (SELECT 1 FROM {guard})"
        parts.append(f"p{n} AS ({sql} RETURNING {'id' if one_insert else '1'})")
        outs.append(f"(SELECT id FROM p{n})" if one_insert else f"(SELECT count(*) FROM p{n})")
        values.extend(row)
    text = dollars(f"WITH {', '.join(parts)} SELECT {', '.join(outs)}")
    _, result = await db.execute_query(text, values)
    got = list(result[0]) if result else []
    if guard is not None and not got[0]:
        return None
    out = [0] * len(steps)
    for (i, step, _), value in zip(rows, got, strict=True):
        out[i] = int(value or 0) + (out[i] if step.many is not None else 0)
    return out


def _is_insert(sql: str) -> bool:
    return sql.lstrip()[:6].upper() == "INSERT"
