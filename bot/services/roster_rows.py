"""An employee row and its forms: the roster entry services read (`to_entry`), the model's
columns from an `EmployeeIn` (`columns`), and the editable fields of a stored row (`dump`, the
base a change is validated on, so every editable field must be in it)."""

from __future__ import annotations

from typing import Any

from bot.core.employees import EmployeeIn, RosterEntry
from bot.storage.models import Employee

# One list of an employee's fields: the model people write (EmployeeIn) names them, so a new
# field reaches changes, dumps and imports at once.
EDITABLE = tuple(EmployeeIn.model_fields)
COLUMNS = {"exec": "is_exec"}  # field → model attribute, where they differ


# The columns `to_entry` reads (what the roster index is built from).
ENTRY_COLUMNS: tuple[str, ...] = ("id", "name", "department", "title", "phone", "employee_no")
ENTRY_COLUMNS += ("aliases", "is_exec", "status", "hired", "wechat_id", "telegram_id")


def to_entry(row: Employee) -> RosterEntry:
    return RosterEntry(
        id=row.id,
        name=row.name,
        department=row.department,
        title=row.title,
        phone=row.phone,
        employee_no=row.employee_no,
        aliases=tuple(row.aliases or ()),
        exec=row.is_exec,
        status="departed" if row.status == "departed" else "active",
        hired=row.hired,
        wechat_id=row.wechat_id,
        telegram_id=row.telegram_id,
    )


def columns(employee: EmployeeIn | dict[str, Any]) -> dict[str, Any]:
    data = employee.model_dump() if isinstance(employee, EmployeeIn) else dict(employee)
    if "exec" in data:
        data["is_exec"] = data.pop("exec")
    return data


def dump(row: Employee) -> dict[str, Any]:
    """Every editable field of a stored row: the base a change is validated on."""
    data = {field: getattr(row, COLUMNS.get(field, field)) for field in EDITABLE}
    data["aliases"] = list(row.aliases or ())
    return data
