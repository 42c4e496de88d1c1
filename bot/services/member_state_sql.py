"""Member-state rows as plain tuples in plain SQL: the daily audit's reads and writes.

An audit reads every member state of a group and writes the ones that changed. Through the
ORM each row became a model instance (every column converted, seen-times parsed) and a
changed set became one `CASE WHEN` per column per row; here a row is a small object, the
read is one SELECT of the columns audits decide on, and the writes are one `executemany`
each (inserted rows, changed rows), on SQLite and PostgreSQL alike, given as statements for
one round trip (bot.storage.steps).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from bot.storage.models import MemberState
from bot.storage.sql import marks
from bot.storage.trips import Step

_SEEN = ("display", "identity", "handle", "status", "employee_id", "present")
_READ = ("key", *_SEEN, "reminders", "reminded_by")
_INSERTED = ("group_id", "key", *_SEEN, "reminders", "reminded_by", "last_reminded_at")
_INSERTED_AT = (*_INSERTED, "first_seen", "last_seen")
_UPDATED = (*_SEEN, "reminders", "reminded_by")


@dataclass(slots=True)
class State:
    """One member's stored state, as audits read and change it (a row of `member_state`,
    found by its group and key: unique)."""

    key: str
    display: str
    identity: str | None
    handle: str | None
    status: str
    employee_id: int | None
    present: bool
    reminders: int
    reminded_by: str | None

    def values(self) -> tuple[Any, ...]:
        """The columns an audit may change, in `_UPDATED` order."""
        return (
            self.display,
            self.identity,
            self.handle,
            self.status,
            self.employee_id,
            self.present,
            self.reminders,
            self.reminded_by,
        )


def _conn() -> BaseDBAsyncClient:
    return MemberState._meta.db  # the current transaction's connection, if any


def _columns(names: Sequence[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _stamp(at: datetime) -> Any:
    # What tortoise itself would send for this column (time-zone handling included).
    return MemberState._meta.fields_map["last_seen"].to_db_value(at, MemberState)


async def select(group_id: int) -> list[State]:
    """Every state row of the group."""
    conn = _conn()
    table, (mark,) = MemberState._meta.db_table, marks(conn, 1)
    sql = f'SELECT {_columns(_READ)} FROM "{table}" WHERE "group_id" = {mark}'
    _, rows = await conn.execute_query(sql, [group_id])
    return [State(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7] or 0, r[8]) for r in rows]


async def holders(group_id: int) -> list[tuple[int, str, str]]:
    """(employee id, key, status) of the members present with an employee (identity's
    "who held it before")."""
    conn = _conn()
    (mark,) = marks(conn, 1)
    sql = (
        f'SELECT "employee_id", "key", "status" FROM "{MemberState._meta.db_table}" '
        f'WHERE "group_id" = {mark} AND "present" AND "employee_id" IS NOT NULL'
    )
    _, rows = await conn.execute_query(sql, [group_id])
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def insert(
    group_id: int, rows: Sequence[State], now: datetime, reminded: frozenset[str]
) -> Step | None:
    """New rows, first and last seen `now` (and reminded `now`, for the keys in `reminded`)."""
    if not rows:
        return None
    at = _stamp(now)
    slots = ", ".join("?" * len(_INSERTED_AT))
    sql = f'INSERT INTO "{MemberState._meta.db_table}" ({_columns(_INSERTED_AT)}) VALUES ({slots})'
    values = [
        [group_id, row.key, *row.values(), at if row.key in reminded else None, at, at]
        for row in rows
    ]
    return Step(sql, many=values)


def update(group_id: int, rows: Sequence[tuple[State, bool]], now: datetime) -> Step | None:
    """Write back changed rows; `last_reminded_at` moves to `now` where the flag says so,
    and `last_seen` where the row is present (`last_seen` below leaves these rows alone)."""
    if not rows:
        return None
    at = _stamp(now)
    sets = ", ".join(f'"{name}" = ?' for name in _UPDATED)
    sql = (
        f'UPDATE "{MemberState._meta.db_table}" SET {sets}, '
        '"last_reminded_at" = COALESCE(?, "last_reminded_at"), '
        '"last_seen" = COALESCE(?, "last_seen") WHERE "group_id" = ? AND "key" = ?'
    )
    values = [
        [*row.values(), at if now_ else None, at if row.present else None, group_id, row.key]
        for row, now_ in rows
    ]
    return Step(sql, many=values)


def last_seen(group_id: int, now: datetime, updated: Sequence[str]) -> Step:
    """Every member present in the group was seen `now` (one statement), except the rows
    `update` writes: in PostgreSQL's one statement (bot.storage.trips) no row may be
    changed by two of its parts."""
    sql = (
        f'UPDATE "{MemberState._meta.db_table}" SET "last_seen" = ? '
        'WHERE "group_id" = ? AND "present" = ?'
    )
    if updated:
        sql += f' AND "key" NOT IN ({", ".join("?" * len(updated))})'
    return Step(sql, [_stamp(now), group_id, True, *updated])
