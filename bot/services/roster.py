"""The roster: employees in the database, an in-memory index for matching, and changes.

Changes (add, update, depart) invalidate the index. Departures are announced to listeners
(the departed sweep) after they are stored.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from tortoise.transactions import in_transaction

from bot.core.clock import Clock
from bot.core.employees import EmployeeIn, RosterEntry
from bot.services.roster_match import RosterIndex
from bot.services.roster_rows import EDITABLE, ENTRY_COLUMNS, columns, dump, to_entry
from bot.storage.models import Employee

DepartureListener = Callable[[list[RosterEntry]], Awaitable[None]]


class RosterError(ValueError):
    """A roster change names nobody, or names several people."""


class RosterService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._index: RosterIndex | None = None
        self._departure_listeners: list[DepartureListener] = []

    def on_departure(self, listener: DepartureListener) -> None:
        self._departure_listeners.append(listener)

    async def entries(self) -> list[RosterEntry]:
        """Everyone on the roster, departed employees too, in the order they were added."""
        # Only the columns an entry has: the three timestamps per row cost as much to parse.
        rows = await Employee.all().order_by("id").only(*ENTRY_COLUMNS)
        return [to_entry(row) for row in rows]

    async def index(self) -> RosterIndex:
        if self._index is None:
            self._index = RosterIndex(await self.entries())
        return self._index

    def invalidate(self) -> None:
        self._index = None

    async def load(self, employees: Iterable[EmployeeIn]) -> int:
        """Put the configured roster in an empty database (replay, first start)."""
        if await Employee.exists():
            return 0
        now = self.clock.now()
        rows = [
            Employee(**columns(emp), created_at=now, updated_at=now, departed_at=None)
            for emp in employees
        ]
        for row in rows:
            if row.status == "departed":
                row.departed_at = now
        async with in_transaction():
            await Employee.bulk_create(rows)
        self.invalidate()
        return len(rows)

    async def drift(self, employees: Iterable[EmployeeIn]) -> list[str]:
        """The config file's employees the database does not have as written (name,
        department, status): edits to `roster`/`roster_file` after the first start, which
        `load` does not apply (an import does)."""
        stored = {
            (row.name, row.department, row.status)
            for row in await Employee.all().only("name", "department", "status")
        }
        return [
            f"{emp.department}-{emp.name}"
            for emp in employees
            if (emp.name, emp.department, emp.status) not in stored
        ]

    async def find(self, name: str, department: str | None = None) -> Employee:
        query = Employee.filter(name=name.strip())
        if department:
            query = query.filter(department=department.strip())
        rows = await query
        if not rows:
            raise RosterError(f"nobody named {name!r} is on the roster")
        if len(rows) > 1:
            raise RosterError(f"several employees are named {name!r}; give their department")
        return rows[0]

    async def add(self, employee: EmployeeIn) -> RosterEntry:
        now = self.clock.now()
        row = await Employee.create(**columns(employee), created_at=now, updated_at=now)
        self.invalidate()
        return to_entry(row)

    async def update(self, row: Employee, changes: dict[str, Any]) -> RosterEntry:
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise RosterError(f"cannot change {sorted(unknown)}; editable: {', '.join(EDITABLE)}")
        was_active = row.status != "departed"
        merged = EmployeeIn.model_validate({**dump(row), **changes})
        for field, value in columns(merged).items():
            setattr(row, field, value)
        row.updated_at = self.clock.now()
        if was_active and row.status == "departed":
            row.departed_at = row.updated_at
        await row.save()
        self.invalidate()
        entry = to_entry(row)
        if was_active and not entry.active:
            await self._announce([entry])
        return entry

    async def depart(self, row: Employee) -> RosterEntry:
        return await self.update(row, {"status": "departed"})

    async def change(self, entry_id: int, changes: dict[str, Any]) -> RosterEntry:
        """`update` the employee whose roster entry has id `entry_id`."""
        return await self.update(await Employee.get(id=entry_id), changes)

    async def _announce(self, departed: list[RosterEntry]) -> None:
        for listener in self._departure_listeners:
            await listener(departed)
