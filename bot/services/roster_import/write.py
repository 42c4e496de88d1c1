"""Writing an import plan: new employees in bulk, changed ones in bulk, one transaction.

New employees are one plain `executemany` INSERT per batch: a tortoise model per row (its
attribute checks, then the executor converting every value again) cost more than the
database's own work, about 30 µs a row against 5. The values are those tortoise stores:
text as is (the import's parsers hold every text to the column's length, `fields.LIMITS`,
tested equal to the model's), the JSON, date, flag and time columns through the columns' own
`to_db_value`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from bot.services.roster_import.plan import Change, Plan
from bot.services.roster_rows import COLUMNS, EDITABLE
from bot.storage.models import Employee
from bot.storage.sql import marks

BATCH = 1000
# tortoise's bulk update binds three arguments per row and column (a CASE per column) and
# asyncpg allows 32,767 per statement: 13 columns x 500 rows stays under it
UPDATE_BATCH = 500
UPDATED = [*(COLUMNS.get(f, f) for f in EDITABLE), "updated_at", "departed_at"]


_INSERTED = (
    "name",
    "department",
    "title",
    "phone",
    "employee_no",
    "aliases",
    "is_exec",
    "status",
    "hired",
    "wechat_id",
    "telegram_id",
    "created_at",
    "updated_at",
    "departed_at",
)


def _insert_sql(conn: BaseDBAsyncClient) -> str:
    meta = Employee._meta
    columns = ", ".join(f'"{meta.fields_db_projection[name]}"' for name in _INSERTED)
    slots = ", ".join(marks(conn, len(_INSERTED)))
    return f'INSERT INTO "{meta.db_table}" ({columns}) VALUES ({slots})'


def _new_rows(changes: list[Change], now: datetime) -> list[list[Any]]:
    """The INSERT's values of new employees, `now` their creation (and departure, for the
    ones the file lists as departed)."""
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
    new employees inserted a batch at a time, the changed ones loaded a batch at a time (the
    plan holds compact rows, bot.services.roster_import.known)."""
    new = [*plan.added, *(c for c in plan.departed if c.employee is None)]
    sql = _insert_sql(conn)
    for start in range(0, len(new), BATCH):
        await conn.execute_many(sql, _new_rows(new[start : start + BATCH], now))
    changes = [c for c in [*plan.updated, *plan.departed] if c.employee is not None]
    for start in range(0, len(changes), UPDATE_BATCH):
        await _update(changes[start : start + UPDATE_BATCH], now, conn)


async def _update(changes: list[Change], now: datetime, conn: BaseDBAsyncClient) -> None:
    ids = [change.employee.id for change in changes if change.employee is not None]
    stored = {row.id: row for row in await Employee.filter(id__in=ids).using_db(conn)}
    changed = []
    for change in changes:
        assert change.employee is not None
        row = stored[change.employee.id]
        was_departed = row.status == "departed"
        for field, _, value in change.fields:
            setattr(row, COLUMNS.get(field, field), value)
        row.updated_at = now
        if row.status == "departed" and not was_departed:
            row.departed_at = now
        elif row.status != "departed":
            row.departed_at = None
        changed.append(row)
    await Employee.bulk_update(changed, fields=UPDATED, batch_size=UPDATE_BATCH, using_db=conn)
