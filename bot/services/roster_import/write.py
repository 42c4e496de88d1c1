"""Writing an import plan: new employees in bulk, changed ones in bulk, one transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from bot.services.roster_import.plan import Plan
from bot.services.roster_rows import COLUMNS, EDITABLE
from bot.storage.models import Employee

BATCH = 1000
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
    """Apply `plan` through `conn` (the caller's transaction)."""
    new = [*plan.added, *(c for c in plan.departed if c.employee is None)]
    added = [_new(change.values, now) for change in new]
    if added:
        await Employee.bulk_create(added, batch_size=BATCH, using_db=conn)
    changed = []
    for change in [*plan.updated, *plan.departed]:
        row = change.employee
        if row is None:
            continue  # a departed person not seen before: created above
        was_departed = row.status == "departed"
        for field, _, value in change.fields:
            setattr(row, COLUMNS.get(field, field), value)
        row.updated_at = now
        if row.status == "departed" and not was_departed:
            row.departed_at = now
        elif row.status != "departed":
            row.departed_at = None
        changed.append(row)
    if changed:
        await Employee.bulk_update(changed, fields=UPDATED, batch_size=BATCH, using_db=conn)
