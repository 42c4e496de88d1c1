"""What an import would change: each file row matched to an employee, or added; in full mode,
everyone the file leaves out departs.

Matching (bot.services.roster_import.matching), in order: the same 工号 (employee_no); the
same name and department (a different 工号 then is a warning, 编号变更); the same name, when
exactly one employee has it (a department change). A departed person not seen before is
listed (and stored) as departed, not as added. A blank cell leaves the field
as it is (exports often hide phone numbers); only the file's own columns are compared.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from bot.services.roster_import.known import Known, known_rows
from bot.services.roster_import.matching import Matcher, Numbers
from bot.services.roster_import.records import ParsedFile, Record

MODES = ("partial", "full")
# An import may mark at most this share of the active employees as departed without --force.
MAX_DEPARTED_SHARE = 1 / 5
NONE: frozenset[int] = frozenset()


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


async def make_plan(
    records: Iterable[Record],
    employees: list[Known],
    mode: str,
    conn: BaseDBAsyncClient | None = None,
) -> Plan:
    """Compare the file's records, as they are read, with the employees in the database
    (`employees` is given up: each is dropped once a row is matched to it; the name rules
    read the roster again through `conn` when rows are left for them)."""
    numbers = Numbers(employees)
    del employees  # its rows live in the index only now
    plan = Plan(mode, active_before=numbers.active)
    left: list[Record] = []
    for record in records:
        row = numbers.take(record.get("employee_no"))
        if row is None:
            left.append(record)  # for the name rules, once every 工号 has had its turn
        else:
            _compare(plan, NONE, Change(row.name, row.department, record.row, row, record))
    rows, taken = (numbers.untaken() if not left else None), numbers.taken
    del numbers  # the employees matched are dropped here
    if rows is None:  # read again: the namesakes already matched count too
        names, full = {r.get("name") for r in left}, mode == "full"
        rows = await known_rows(conn, keep=lambda v: v[1] in names or (full and v[0] not in taken))
    _match_left(plan, Matcher(rows, taken), left)
    return plan


def _match_left(plan: Plan, matcher: Matcher, left: list[Record]) -> None:
    """The name rules on the rows no 工号 matched, then (full mode) the departures."""
    wanted = [(r.get("name"), r.get("department"), r.get("employee_no")) for r in left]
    for record, row in zip(left, matcher.match_all(wanted), strict=True):
        if row is None:
            change = Change(record.get("name"), record.get("department"), record.row, None)
            change.record, change.mode = record, plan.mode
            # someone who has left, not seen before: stored as departed, shown as departed
            (plan.departed if change.values["status"] == "departed" else plan.added).append(change)
            continue
        change = Change(row.name, row.department, record.row, row, record)
        _compare(plan, matcher.renumbered, change)
    for changes in (plan.added, plan.updated, plan.departed):
        changes.sort(key=lambda c: c.row or 0)  # in file order, however they were matched
    if plan.mode == "full":
        for row in matcher.unmatched():
            if row.status != "departed":
                fields = [("status", row.status, "departed")]
                plan.departed.append(Change(row.name, row.department, None, row, None, fields))


def _compare(plan: Plan, renumbered: Set[int], change: Change) -> None:
    """File row and stored employee: unchanged, updated or departed (and renumbered)."""
    row, change.mode = change.employee, plan.mode
    assert row is not None
    values = change.values
    if row.id in renumbered:
        change.renumbered = (row.employee_no or "", values["employee_no"])
        plan.renumbered.append(change)
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


def wanted(record: Record, mode: str) -> dict[str, Any]:
    """The record's values that say something (blank cells say nothing)."""
    values = {k: v for k, v in record.values.items() if v not in (None, [])}
    if mode == "full":
        values.setdefault("status", "active")  # in the whole-company file: still employed
    return values
