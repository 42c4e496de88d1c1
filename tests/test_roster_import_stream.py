"""An import compares each file row with the roster as it is read (issue 14, memory): rows
matched by 工号 are compared at once, the others by name once the file is read; a plan still
lists its changes in file order, and apply, which plans before its transaction, plans again
under the audit lock when the roster changed in between."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.services import roster_import
from bot.services.roster_import.parsed import Duplicates, ParsedFile, Record
from bot.storage.db import Database
from bot.storage.models import Employee
from tests.conftest import T0
from tests.hr_files import template_xlsx
from tests.test_roster_import_apply import STAFF, run, staff


async def test_changes_are_in_file_order_whichever_rule_matched_them(
    db: Database, tmp_path: Path
) -> None:
    await staff(db, tmp_path)
    rows = [
        ["刘洋", "市场部", None, None, None, None, None, None],  # by name: a move
        ["李四", "行政人事部", "专员", "13800000099", "E002", None, None, None],  # by 工号
        ["新人", "研发部", None, None, None, None, None, None],
        ["吴敏", "研发部", "工程师", None, "E008", None, None, None],  # by 工号
        ["周新", "研发部", None, None, "E009", None, None, "离职"],
    ]
    plan = (await run(template_xlsx(tmp_path / "mixed.xlsx", rows))).plan
    assert [(c.name, c.row) for c in plan.updated] == [("刘洋", 3), ("李四", 4), ("吴敏", 6)]
    assert [c.name for c in plan.added] == ["新人"]
    assert [c.name for c in plan.departed] == ["周新"]


async def test_apply_plans_again_when_the_roster_changed_before_its_lock(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await staff(db, tmp_path)
    planned = roster_import._plan
    calls = []

    async def plan_then_someone_adds(*args: Any, **kwargs: Any) -> Any:
        result = await planned(*args, **kwargs)
        calls.append(kwargs)
        if len(calls) == 1:  # another import, or the web console, adds 新人 meanwhile
            await Employee.create(
                name="新人", department="研发部", employee_no="E011", created_at=T0, updated_at=T0
            )
        return result

    monkeypatch.setattr(roster_import, "_plan", plan_then_someone_adds)
    path = template_xlsx(tmp_path / "more.xlsx", [*STAFF, ["新人", "研发部", *[None] * 2, "E011"]])
    result = await run(path, apply=True)
    assert len(calls) == 2  # the first plan (新人 to add) was made on a roster now gone
    assert result.applied
    assert result.plan.counts() == {"added": 0, "updated": 0, "departed": 0, "unchanged": 11}
    assert await Employee.filter(employee_no="E011").count() == 1


async def test_apply_plans_once_when_the_roster_did_not_change(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned = roster_import._plan
    calls = []

    async def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return await planned(*args, **kwargs)

    monkeypatch.setattr(roster_import, "_plan", counted)
    await staff(db, tmp_path)
    assert len(calls) == 1


def test_duplicates_are_told_by_the_rows_above_alone() -> None:
    parsed = ParsedFile(
        Path("f.csv"),
        "qunguan",
        "f",
        1,
        {"name", "department", "employee_no"},
        {"name": [0], "department": [1], "employee_no": [2]},
        {"name": "A", "department": "B", "employee_no": "C"},
        {"name": "姓名", "department": "部门", "employee_no": "工号"},
    )

    def record(row: int, name: str, number: str | None) -> Record:
        return Record(row, parsed.names, (name, "研发部", number))

    check = Duplicates(parsed)
    kept = [
        check.fresh(r)
        for r in (
            record(2, "张伟", "E1"),
            record(3, "张伟", "E2"),  # namesakes, each with a 工号 of their own
            record(4, "李四", "E1"),  # E1 again
            record(5, "张伟", None),  # a third 张伟 without one: the same person as row 2?
            record(6, "王芳", None),
            record(7, "王芳", "E3"),  # 王芳's first row had no 工号
        )
    ]
    assert kept == [True, True, False, False, True, False]
    assert [(e.row, e.column, e.args["first"]) for e in parsed.errors] == [
        (4, "C", 2),
        (5, "A", 2),
        (7, "A", 6),
    ]
