"""Which stored employee each file row is: the rules of docs/hr.md ("How rows are matched").

1. The same 工号 (employee_no), for every row first: a row's own number wins over a namesake.
2. Then the same name and department. Exactly one such employee not matched yet is that
   employee even when the 工号 differs (one file keyed by 工号, the next by WeCom's 账号): the
   number is updated and the preview warns (编号变更), never a silent second employee. Among
   several, the one whose 工号 does not contradict the row's, if only one.
3. Then the same name alone, when only one employee has it and one row is left with it (a
   department change), if the 工号 does not contradict.

Nothing depends on the order of the rows in the file. The first rule is applied to each row
as it is read (`Numbers`): a row it matches is compared at once, and its employee is dropped
from memory; the other rules (`Matcher`) run on the rows left, once the file is read.
"""

from __future__ import annotations

from collections import Counter
from typing import TypeVar

from bot.services.roster_import.known import Known

K = TypeVar("K")
Wanted = tuple[str, str, str | None]  # a file row's name, department and 工号
Index = dict[K, Known | list[Known]]  # one employee, or several (a list only when several)


def _add(index: Index[K], key: K, row: Known) -> None:
    found = index.get(key)
    if found is None:
        index[key] = row
    elif isinstance(found, list):
        found.append(row)
    else:
        index[key] = [found, row]


def _all(index: Index[K], key: K) -> list[Known]:
    found = index.get(key)
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


class Numbers:
    """Rule 1, row by row: the employees by 工号, each given up once matched (memory)."""

    def __init__(self, employees: list[Known]) -> None:
        self.by_no: dict[str, Known] = {}
        self.others: list[Known] = []  # no 工号, or one another stored row has as well
        self.active = 0
        self.taken: set[int] = set()
        for row in employees:
            self.active += row.status != "departed"
            if not row.employee_no:
                self.others.append(row)
                continue
            shadowed = self.by_no.get(row.employee_no)
            if shadowed is not None:  # the later row is the one the number finds
                self.others.append(shadowed)
            self.by_no[row.employee_no] = row

    def take(self, number: str | None) -> Known | None:
        row = self.by_no.pop(number, None) if number else None
        if row is not None:
            self.taken.add(row.id)
        return row

    def untaken(self) -> list[Known]:
        return [*self.by_no.values(), *self.others]


class Matcher:
    """Rules 2 and 3 on `employees`: every stored row with a name the rows left have (the
    name rules count namesakes already matched too), and every one not matched yet. The
    name indexes are built only for the rows left (usually few)."""

    def __init__(self, employees: list[Known], taken: set[int]) -> None:
        self.by_name_dept: Index[tuple[str, str]] = {}
        self.by_name: Index[str] = {}
        self.employees = employees
        self.taken = taken
        self.renumbered: set[int] = set()  # employees matched despite another 工号

    def match_all(self, wanted: list[Wanted]) -> list[Known | None]:
        """The employee of each row not matched by its 工号 (None: not on the roster)."""
        pairs = {(v[0], v[1]) for v in wanted}
        for row in self.employees:
            if (row.name, row.department) in pairs:
                _add(self.by_name_dept, (row.name, row.department), row)
        found = [self._by_name_and_department(values) for values in wanted]
        left = Counter(v[0] for v, row in zip(wanted, found, strict=True) if row is None)
        for row in self.employees:
            if row.name in left:
                _add(self.by_name, row.name, row)
        for i, values in enumerate(wanted):
            if found[i] is None and left[values[0]] == 1:
                namesakes = _all(self.by_name, values[0])
                if len(namesakes) == 1:
                    found[i] = self._take(self._only(namesakes, values))
        return found

    def _by_name_and_department(self, values: Wanted) -> Known | None:
        candidates = _all(self.by_name_dept, (values[0], values[1]))
        free = [row for row in candidates if row.id not in self.taken]
        if len(free) != 1:
            return self._take(self._only(candidates, values))
        row, number = free[0], values[2]
        if number and row.employee_no and row.employee_no != number:
            self.renumbered.add(row.id)
        return self._take(row)

    def _take(self, row: Known | None) -> Known | None:
        if row is not None:
            self.taken.add(row.id)
        return row

    def _only(self, candidates: list[Known], values: Wanted) -> Known | None:
        """The one candidate not matched yet whose 工号 does not contradict the file's."""
        number = values[2]
        free = [
            row
            for row in candidates
            if row.id not in self.taken and (not number or not row.employee_no)
        ]
        return free[0] if len(free) == 1 else None

    def unmatched(self) -> list[Known]:
        return [row for row in self.employees if row.id not in self.taken]
