"""What an import would change: each file row matched to an employee, or added; in full mode,
everyone the file leaves out departs.

Matching (bot.services.roster_import.matching), in order: the same 工号 (employee_no); the
same name and department (a different 工号 then is a warning, 编号变更); the same name, when
exactly one employee has it (a department change). A departed person not seen before is
listed (and stored) as departed, not as added. A blank cell leaves the field
as it is (exports often hide phone numbers); only the file's own columns are compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.services.roster_import.known import Known
from bot.services.roster_import.records import Record

MODES = ("partial", "full")
# An import may mark at most this share of the active employees as departed without --force.
MAX_DEPARTED_SHARE = 1 / 5


@dataclass(slots=True)
class Change:
    name: str
    department: str
    row: int | None = None  # the file row (None: departed by leaving it out, full mode)
    employee: Known | None = None  # None: a new employee
    record: Record | None = None  # the file's row (None: departed by leaving it out)
    fields: Sequence[tuple[str, Any, Any]] = ()  # (field, before, after)
    # the stored 工号 and the file's, when they differ but name and department say who it is
    renumbered: tuple[str, str] | None = None
    mode: str = "partial"

    @property
    def values(self) -> dict[str, Any]:
        """The file's values that say something; made when asked, not kept (memory)."""
        if self.record is None:
            return {"status": "departed"}
        values = wanted(self.record, self.mode)
        if self.employee is None:
            values.setdefault("status", "active")
        return values


@dataclass
class Plan:
    mode: str
    added: list[Change] = field(default_factory=list)
    updated: list[Change] = field(default_factory=list)
    departed: list[Change] = field(default_factory=list)
    unchanged: int = 0
    active_before: int = 0
    renumbered: list[Change] = field(default_factory=list)  # a warning each (编号变更)

    @property
    def leaving(self) -> int:
        """Departures of employees on the roster (not of people the file adds as departed)."""
        return sum(1 for c in self.departed if c.employee is not None)

    @property
    def too_many_departures(self) -> bool:
        return self.leaving > self.active_before * MAX_DEPARTED_SHARE

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "departed": len(self.departed),
            "unchanged": self.unchanged,
        }


def current(row: Known, name: str) -> Any:
    if name == "exec":
        return row.is_exec
    if name == "aliases":
        return list(row.aliases or [])
    return getattr(row, name)


def wanted(record: Record, mode: str) -> dict[str, Any]:
    """The record's values that say something (blank cells say nothing)."""
    values = {k: v for k, v in record.values.items() if v not in (None, [])}
    if mode == "full":
        values.setdefault("status", "active")  # in the whole-company file: still employed
    return values
