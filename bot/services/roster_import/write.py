"""Writing an import plan: new employees in bulk, changed ones in bulk, one transaction.

New employees are one plain `executemany` INSERT per batch, changed ones one `executemany`
UPDATE by id per batch: a tortoise model per row (its attribute checks, then the executor
converting every value again; for an update, one `CASE` per column and row) cost more than
the database's own work. The values are those tortoise stores: text as is (the import's
parsers hold every text to the column's length, `fields.LIMITS`, tested equal to the
model's), the JSON, date, flag and time columns through the columns' own `to_db_value`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from bot.services.roster_import import known
from bot.services.roster_import.plan import Change, Plan
from bot.services.roster_rows import COLUMNS, EDITABLE
from bot.storage.models import Employee
from bot.storage.steps import numbered

BATCH = 1000  # new employees per INSERT
UPDATE_BATCH = 500  # changed employees per UPDATE
UPDATED = [*(COLUMNS.get(f, f) for f in EDITABLE), "updated_at", "departed_at"]


# The compared columns but the id (bot.services.roster_import.known), then the times.
_INSERTED = (*known.COLUMNS[1:], "created_at", "updated_at", "departed_at")


def _insert_sql(conn: BaseDBAsyncClient) -> str:
    meta = Employee._meta
    columns = ", ".join(f'"{meta.fields_db_projection[name]}"' for name in _INSERTED)
    slots = ", ".join("?" * len(_INSERTED))
    return numbered(conn, f'INSERT INTO "{meta.db_table}" ({columns}) VALUES ({slots})')


def _new_rows(changes: list[Change], now: datetime) -> list[list[Any]]:
    """The INSERT's values of new employees, in `_INSERTED` order (a test reads every column
    back), `now` their creation (and departure, for the ones the file lists as departed)."""
    fields = Employee._meta.fields_map
    at = fields["created_at"].to_db_value(now, Employee)
    aliases, hired = fields["aliases"].to_db_value, fields["hired"].to_db_value
    flag = {v: fields["is_exec"].to_db_value(v, Employee) for v in (False, True)}
    rows = []
    for change in changes:
        values = change.values
        departed = values.get("status") == "departed"
        rows.append(
            [
                values["name"],
                values["department"],
                values.get("title"),
                values.get("phone"),
                values.get("employee_no"),
                aliases(values.get("aliases", []), Employee),
                flag[bool(values.get("exec", False))],
                "departed" if departed else "active",
                hired(values.get("hired"), Employee),
                values.get("wechat_id"),
                values.get("telegram_id"),
                at,
                at,
                at if departed else None,
            ]
        )
    return rows


async def write_plan(plan: Plan, now: datetime, conn: BaseDBAsyncClient) -> None:
    """Apply `plan` through `conn` (the caller's transaction), `BATCH` rows at a time: the
    new employees inserted a batch at a time, then the changed ones, from the compact rows
    the plan holds (bot.services.roster_import.known)."""
    new = [*plan.added, *(c for c in plan.departed if c.employee is None)]
    sql = _insert_sql(conn)
    for start in range(0, len(new), BATCH):
        await conn.execute_many(sql, _new_rows(new[start : start + BATCH], now))
    changes = [c for c in [*plan.updated, *plan.departed] if c.employee is not None]
    for start in range(0, len(changes), UPDATE_BATCH):
        await _update(changes[start : start + UPDATE_BATCH], now, conn)


def _update_sql(conn: BaseDBAsyncClient) -> str:
    meta = Employee._meta
    sets = ", ".join(f'"{meta.fields_db_projection[name]}" = ?' for name in UPDATED[:-1])
    sql = (
        f'UPDATE "{meta.db_table}" SET {sets}, '
        '"departed_at" = CASE WHEN ? THEN "departed_at" ELSE ? END WHERE "id" = ?'
    )
    return numbered(conn, sql)


def _updated_rows(changes: list[Change], now: datetime) -> list[list[Any]]:
    """The UPDATE's values: each row as stored (`change.employee`, read under the same lock
    or checked unchanged by the fingerprint) with the file's changes; `departed_at` kept when
    a departed employee stays departed, `now` when one departs, cleared when one returns."""
    fields = Employee._meta.fields_map
    at = fields["updated_at"].to_db_value(now, Employee)
    convert = {name: fields[name].to_db_value for name in known.CONVERTED}
    rows = []
    for change in changes:
        stored = change.employee
        assert stored is not None
        after = {COLUMNS.get(field, field): value for field, _, value in change.fields}
        row = []
        for name in UPDATED[:-2]:
            value = after[name] if name in after else getattr(stored, name)
            if name in convert:
                value = convert[name](list(value) if name == "aliases" else value, Employee)
            row.append(value)
        departs = after.get("status", stored.status) == "departed"
        kept = departs and stored.status == "departed"
        rows.append([*row, at, kept, at if departs else None, stored.id])
    return rows


async def _update(changes: list[Change], now: datetime, conn: BaseDBAsyncClient) -> None:
    await conn.execute_many(_update_sql(conn), _updated_rows(changes, now))
