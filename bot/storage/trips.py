"""Several statements in one round trip, where the backend allows it (SQLite).

tortoise's SQLite client hands every statement to aiosqlite's thread and waits for it: a
statement costs a hop to that thread and back (about 170 µs on the bench machine), far more
than SQLite's own work for one row. `run` hands a whole list of statements over at once,
executed in one transaction in that thread: one hop, one commit. A *guard* statement that
changes no row rolls everything back (the audit trail's conditional move of its head).

Only for the plain SQLite client outside a transaction (`available`); elsewhere the callers
write the way they did before. Each statement is still logged to `tortoise.db_client` at
DEBUG, as tortoise logs its own, so statement counts (bench/sqlcount.py) stay honest.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.backends.sqlite.client import SqliteClient
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.models import Model

_log = logging.getLogger("tortoise.db_client")


@dataclass(frozen=True, slots=True)
class Step:
    """One statement (`?` placeholders): `values` for one row, or `many` rows at once."""

    sql: str
    values: Sequence[Any] = ()
    many: Sequence[Sequence[Any]] | None = None
    guard: bool = False  # changed no row: roll the whole trip back, `run` gives None


def available(db: BaseDBAsyncClient) -> bool:
    """The plain SQLite client, not inside a transaction of tortoise's."""
    return (
        isinstance(db, SqliteClient)
        and not isinstance(db, TransactionalDBClient)
        and hasattr(db, "acquire_connection")
    )


def insert(row: Model, db: BaseDBAsyncClient) -> Step:
    """The INSERT tortoise would send to save `row` (a new row, generated primary key)."""
    executor = db.executor_class(model=type(row), db=db)
    fields = row._meta.fields_map
    values = [
        fields[name].to_db_value(getattr(row, name), row) for name in executor.regular_columns
    ]
    return Step(executor.insert_query, values)


def inserts(rows: Sequence[Model], db: BaseDBAsyncClient) -> Step:
    """One `executemany` INSERT of rows of one model (their ids are not read back)."""
    steps = [insert(row, db) for row in rows]
    return Step(steps[0].sql, many=[step.values for step in steps])


def saved(row: Model, pk: int) -> None:
    """Mark `row` as inserted under `pk`, as tortoise does after its own INSERT."""
    row.pk = pk
    row._saved_in_db = True


def _run(conn: sqlite3.Connection, steps: Sequence[Step]) -> list[int] | None:
    """In aiosqlite's thread: the steps in one transaction. Per step: the last row id for an
    INSERT of one row, else the rows changed."""
    out: list[int] = []
    conn.execute("BEGIN")
    try:
        for step in steps:
            if step.many is not None:
                cursor = conn.executemany(step.sql, step.many)
            else:
                cursor = conn.execute(step.sql, step.values)
            if step.guard and cursor.rowcount == 0:
                conn.execute("ROLLBACK")
                return None
            insert = step.many is None and step.sql.lstrip()[:6].upper() == "INSERT"
            out.append(int(cursor.lastrowid or 0) if insert else cursor.rowcount)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return out


async def run(db: BaseDBAsyncClient, steps: Sequence[Step]) -> list[int] | None:
    """Run `steps` in one transaction, one hand-off to SQLite's thread (`available(db)` must
    hold). None if a guard changed no row: then nothing was written."""
    assert isinstance(db, SqliteClient)
    async with db.acquire_connection() as connection:
        for step in steps:
            _log.debug("%s: %s", step.sql, step.many if step.many is not None else step.values)
        try:  # aiosqlite's own way of running a function in its thread
            out: list[int] | None = await connection._execute(_run, connection._conn, steps)
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(exc) from exc
        except sqlite3.OperationalError as exc:
            raise OperationalError(exc) from exc
        return out
