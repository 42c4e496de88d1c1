"""Making an import plan: each file row, as it is read, matched to a stored employee by the
rules of bot.services.roster_import.matching and compared with it (bot.services.roster_import.plan
says what a plan holds)."""

from __future__ import annotations

from collections.abc import Iterable, Set

from tortoise.backends.base.client import BaseDBAsyncClient

from bot.services.roster_import.known import Known, known_rows
from bot.services.roster_import.matching import Matcher, Numbers
from bot.services.roster_import.plan import Change, Plan, current
from bot.services.roster_import.records import Record

NONE: frozenset[int] = frozenset()


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
        del names
    _match_left(plan, Matcher(rows, taken), left)
    return plan


def _match_left(plan: Plan, matcher: Matcher, left: list[Record]) -> None:
    """The name rules on the rows no 工号 matched, then (full mode) the departures."""
    stored = {row.name for row in matcher.employees}  # a row of another name matches no one
    named = [i for i, r in enumerate(left) if r.get("name") in stored]
    wanted = [
        (left[i].get("name"), left[i].get("department"), left[i].get("employee_no")) for i in named
    ]
    found = dict(zip(named, matcher.match_all(wanted), strict=True))
    del stored, named, wanted
    for i, record in enumerate(left):
        row = found.get(i)
        if row is None:
            change = Change(record.get("name"), record.get("department"), record.row, None)
            change.record, change.mode = record, plan.mode
            # someone who has left, not seen before: stored as departed, shown as departed
            departed = record.get("status") == "departed"  # what change.values would say
            (plan.departed if departed else plan.added).append(change)
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
