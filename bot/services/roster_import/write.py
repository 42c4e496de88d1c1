"""Writing an import plan: new employees in bulk, changed ones in bulk, one transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from bot.services.roster_import.plan import Change, Plan
from bot.services.roster_rows import COLUMNS, EDITABLE
from bot.storage.models import Employee

BATCH = 1000
# tortoise's bulk update binds three arguments per row and column (a CASE per column) and
# asyncpg allows 32,767 per statement: 13 columns x 500 rows stays under it
UPDATE_BATCH = 500
UPDATED = [*(COLUMNS.get(f, f) for f in EDITABLE), "updated_at", "departed_at"]


def _new(values: dict[str, Any], now: datetime) -> Employee:
    departed = values.get("status") == "departed"
    return Employee(
        name=values["name"],
        department=values["department"],
        title=values.get("title"),
        phone=values.get("phone"),
        employee_no=values.get("employee_no"),
        aliases=values.get("aliases", []),
        is_exec=values.get("exec", False),
        status="departed" if departed else "active",
        hired=values.get("hired"),
        wechat_id=values.get("wechat_id"),
        telegram_id=values.get("telegram_id"),
        created_at=now,
        updated_at=now,
        departed_at=now if departed else None,
    )


async def write_plan(plan: Plan, now: datetime, conn: BaseDBAsyncClient) -> None:
    """Apply `plan` through `conn` (the caller's transaction), `BATCH` rows at a time: the
    new employees made as models a batch at a time, the changed ones loaded a batch at a time
    (the plan holds compact rows, bot.services.roster_import.known)."""
    new = [*plan.added, *(c for c in plan.departed if c.employee is None)]
    for start in range(0, len(new), BATCH):
        added = [_new(change.values, now) for change in new[start : start + BATCH]]
        await Employee.bulk_create(added, batch_size=BATCH, using_db=conn)
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
