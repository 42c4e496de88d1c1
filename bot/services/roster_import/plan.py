"""What an import would change: each file row matched to an employee, or added; in full mode,
everyone the file leaves out departs.

Matching, in order: the same 工号 (employee_no); the same name and department; the same
name, when exactly one employee has it (a department change). A blank cell leaves the field
as it is (exports often hide phone numbers); only the file's own columns are compared.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from bot.services.roster_import.records import ParsedFile, Record
from bot.storage.models import Employee

MODES = ("partial", "full")
# An import may mark at most this share of the active employees as departed without --force.
MAX_DEPARTED_SHARE = 1 / 5


@dataclass
class Change:
    name: str
    department: str
    row: int | None = None  # the file row (None: departed by leaving it out, full mode)
    employee: Employee | None = None  # None: a new employee
    values: dict[str, Any] = field(default_factory=dict)  # the file's values
    fields: list[tuple[str, Any, Any]] = field(default_factory=list)  # (field, before, after)


@dataclass
class Plan:
    mode: str
    added: list[Change] = field(default_factory=list)
    updated: list[Change] = field(default_factory=list)
    departed: list[Change] = field(default_factory=list)
    unchanged: int = 0
    active_before: int = 0

    @property
    def too_many_departures(self) -> bool:
        return len(self.departed) > self.active_before * MAX_DEPARTED_SHARE

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "departed": len(self.departed),
            "unchanged": self.unchanged,
        }


def current(row: Employee, name: str) -> Any:
    if name == "exec":
        return row.is_exec
    if name == "aliases":
        return list(row.aliases or [])
    return getattr(row, name)


def make_plan(parsed: ParsedFile, employees: list[Employee], mode: str) -> Plan:
    """Compare the file's records with the employees in the database."""
    plan = Plan(mode, active_before=sum(1 for e in employees if e.status != "departed"))
    wanted = [_wanted(record, mode) for record in parsed.records]
    matcher = _Matcher(employees)
    rows = matcher.match_all(wanted)
    for record, values, row in zip(parsed.records, wanted, rows, strict=True):
        if row is None:
            values.setdefault("status", "active")
            change = Change(values["name"], values["department"], record.row, None, values)
            plan.added.append(change)
            continue
        change = Change(row.name, row.department, record.row, row, values)
        change.fields = [
            (name, current(row, name), value)
            for name, value in values.items()
            if current(row, name) != value
        ]
        if not change.fields:
            plan.unchanged += 1
        elif values.get("status") == "departed" and row.status != "departed":
            plan.departed.append(change)
        else:
            plan.updated.append(change)
    if mode == "full":
        for row in matcher.unmatched():
            if row.status != "departed":
                values = {"status": "departed"}
                fields = [("status", row.status, "departed")]
                plan.departed.append(Change(row.name, row.department, None, row, values, fields))
    return plan


def _wanted(record: Record, mode: str) -> dict[str, Any]:
    """The record's values that say something (blank cells say nothing)."""
    values = {k: v for k, v in record.values.items() if v not in (None, [])}
    if mode == "full":
        values.setdefault("status", "active")  # in the whole-company file: still employed
    return values


class _Matcher:
    def __init__(self, employees: list[Employee]) -> None:
        self.by_no: dict[str, Employee] = {}
        self.by_name_dept: dict[tuple[str, str], list[Employee]] = defaultdict(list)
        self.by_name: dict[str, list[Employee]] = defaultdict(list)
        for row in employees:
            if row.employee_no:
                self.by_no[row.employee_no] = row
            self.by_name_dept[(row.name, row.department)].append(row)
            self.by_name[row.name].append(row)
        self.employees = employees
        self.taken: set[int] = set()

    def match_all(self, wanted: list[dict[str, Any]]) -> list[Employee | None]:
        """Exact matches first (工号, then name and department) for every row, then by name
        alone where only one employee has the name and one row is left with it: the order
        of rows in the file changes nothing."""
        found: list[Employee | None] = [self._exact(values) for values in wanted]
        left = Counter(v["name"] for v, row in zip(wanted, found, strict=True) if row is None)
        for i, values in enumerate(wanted):
            namesakes = self.by_name[values["name"]]
            if found[i] is None and left[values["name"]] == 1 and len(namesakes) == 1:
                found[i] = self._take(self._only(namesakes, values))
        return found

    def _exact(self, values: dict[str, Any]) -> Employee | None:
        number = values.get("employee_no")
        row = self.by_no.get(number) if number else None
        if row is None or row.id in self.taken:
            row = self._only(self.by_name_dept[(values["name"], values["department"])], values)
        return self._take(row)

    def _take(self, row: Employee | None) -> Employee | None:
        if row is not None:
            self.taken.add(row.id)
        return row

    def _only(self, candidates: list[Employee], values: dict[str, Any]) -> Employee | None:
        """The one candidate not matched yet whose 工号 does not contradict the file's."""
        number = values.get("employee_no")
        free = [
            row
            for row in candidates
            if row.id not in self.taken and (not number or not row.employee_no)
        ]
        return free[0] if len(free) == 1 else None

    def unmatched(self) -> list[Employee]:
        return [row for row in self.employees if row.id not in self.taken]
