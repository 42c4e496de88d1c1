"""Applying an import (SQLite and PostgreSQL): what a preview promises is what apply does,
all of it in one transaction or none of it; full mode and its departure guard; matching."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.core.clock import VirtualClock
from bot.services import roster_import
from bot.services.audit_trail import AuditTrail
from bot.services.roster_import import write
from bot.services.trail_verify import verify
from bot.storage.db import Database
from bot.storage.models import AuditEntry, Employee
from tests.conftest import T0
from tests.hr_files import dingtalk, template_xlsx, wecom

STAFF = [
    ["陈静", "总裁办", "总经理", None, "E001", None, "是", None],
    ["李四", "行政人事部", "专员", "13800000002", "E002", None, None, None],
    ["张三", "财务部", "会计", "13800000001", "E003", "小张", None, None],
    ["王芳", "财务部", None, None, "E004", None, None, None],
    ["张伟", "销售部", None, None, None, None, None, None],
    ["张伟", "市场部", None, None, None, None, None, None],
    ["刘洋", "研发部", None, None, None, None, None, None],
    ["吴敏", "研发部", None, None, "E008", None, None, None],
    ["周新", "研发部", None, None, "E009", None, None, None],
    ["郑爽", "财务部", None, None, "E010", None, None, None],
]


async def run(path: Path, *, apply: bool = False, **options: Any) -> roster_import.ImportResult:
    if not apply:
        return await roster_import.preview(path, **options)
    clock = VirtualClock(T0)
    return await roster_import.apply(
        path, clock=clock, audit=AuditTrail(clock), actor="cli:hr", **options
    )


async def staff(db: Database, tmp_path: Path) -> None:
    result = await run(template_xlsx(tmp_path / "staff.xlsx", STAFF), apply=True)
    assert result.applied


async def snapshot() -> list[tuple]:
    rows = await Employee.all().order_by("id")
    return [(r.name, r.department, r.title, r.phone, r.employee_no, r.status) for r in rows]


async def test_preview_then_apply_then_nothing_left_to_do(db: Database, tmp_path: Path) -> None:
    path = template_xlsx(tmp_path / "staff.xlsx", STAFF)
    preview = await run(path)
    assert preview.plan.counts() == {"added": 10, "updated": 0, "departed": 0, "unchanged": 0}
    assert await Employee.all().count() == 0  # a preview writes nothing
    applied = await run(path, apply=True)
    assert applied.plan.counts() == preview.plan.counts()
    assert await Employee.all().count() == 10
    chen = await Employee.get(name="陈静")
    assert (chen.is_exec, chen.status, chen.title) == (True, "active", "总经理")
    again = await run(path, apply=True)
    assert again.plan.counts() == {"added": 0, "updated": 0, "departed": 0, "unchanged": 10}
    entries = await AuditEntry.filter(kind="roster_import").order_by("seq")
    assert [e.data["added"] for e in entries] == [10, 0]
    assert entries[0].actor == "cli:hr"
    assert len(entries[0].data["sha256"]) == 64
    assert (await verify()).ok


async def test_updates_say_which_fields(db: Database, tmp_path: Path) -> None:
    await staff(db, tmp_path)
    rows = [
        ["李四", "人事部", "专员", "13800000099", "E002", None, None, None],  # moved, new phone
        ["张三丰", "财务部", "会计", None, "E003", None, None, None],  # renamed, same 工号
        ["刘洋", "市场部", None, None, None, None, None, None],  # one 刘洋: a move
        ["王芳", "财务部", None, None, "E004", None, None, "离职"],
    ]
    result = await run(template_xlsx(tmp_path / "changes.xlsx", rows), apply=True)
    assert result.plan.counts() == {"added": 0, "updated": 3, "departed": 1, "unchanged": 0}
    fields = {c.name: c.fields for c in result.plan.updated}
    assert fields["李四"] == [
        ("department", "行政人事部", "人事部"),
        ("phone", "13800000002", "13800000099"),
    ]
    assert fields["张三"] == [("name", "张三", "张三丰")]
    assert fields["刘洋"] == [("department", "研发部", "市场部")]
    wang = await Employee.get(employee_no="E004")
    assert wang.status == "departed"
    assert wang.departed_at is not None
    assert (await Employee.get(employee_no="E003")).phone == "13800000001"  # blank: kept


async def test_namesakes_match_the_same_whatever_the_row_order(
    db: Database, tmp_path: Path
) -> None:
    await staff(db, tmp_path)
    rows = [
        ["张伟", "研发部", None, None, None, None, None, None],
        ["张伟", "销售部", "经理", None, None, None, None, None],
    ]
    plans = []
    for name, order in (("a.xlsx", rows), ("b.xlsx", rows[::-1])):
        plan = (await run(template_xlsx(tmp_path / name, order))).plan
        plans.append((sorted((c.name, c.department) for c in plan.added), len(plan.updated)))
    # 销售部 matches exactly; 研发部 is new (two 张伟 are left: no guessing which moved).
    assert plans[0] == plans[1] == ([("张伟", "研发部")], 1)


async def test_full_mode_departs_whoever_is_missing_within_the_guard(
    db: Database, tmp_path: Path
) -> None:
    await staff(db, tmp_path)
    two_missing = template_xlsx(tmp_path / "eight.xlsx", STAFF[:8])
    partial = await run(two_missing)
    assert partial.plan.counts()["departed"] == 0  # partial: absent people are untouched
    full = await run(two_missing, apply=True, mode="full")
    assert full.applied  # 2 of 10 is exactly a fifth: allowed
    assert sorted(c.name for c in full.plan.departed) == ["周新", "郑爽"]
    assert await Employee.filter(status="departed").count() == 2


async def test_more_than_a_fifth_departing_is_refused_unless_forced(
    db: Database, tmp_path: Path
) -> None:
    await staff(db, tmp_path)
    before = await snapshot()
    path = template_xlsx(tmp_path / "seven.xlsx", STAFF[:7])
    refused = await run(path, apply=True, mode="full")
    assert (refused.applied, refused.refused) == (False, "too_many_departures")
    assert refused.plan.counts()["departed"] == 3
    assert await snapshot() == before
    assert (await run(path, mode="full")).refused == "too_many_departures"
    forced = await run(path, apply=True, mode="full", force=True)
    assert forced.applied
    assert await Employee.filter(status="departed").count() == 3
    entry = await AuditEntry.filter(kind="roster_import").order_by("-seq").first()
    assert entry is not None and entry.data["forced"] is True


async def test_a_full_file_brings_back_a_departed_employee(db: Database, tmp_path: Path) -> None:
    await staff(db, tmp_path)
    await Employee.filter(name="吴敏").update(status="departed", departed_at=T0)
    result = await run(template_xlsx(tmp_path / "all.xlsx", STAFF), apply=True, mode="full")
    assert [(c.name, c.fields) for c in result.plan.updated] == [
        ("吴敏", [("status", "departed", "active")])
    ]
    wu = await Employee.get(name="吴敏")
    assert (wu.status, wu.departed_at) == ("active", None)


async def test_a_bad_file_changes_nothing(db: Database, tmp_path: Path) -> None:
    await staff(db, tmp_path)
    before = await snapshot()
    entries = await AuditEntry.all().count()
    rows = [*STAFF[:3], ["新人", "研发部", None, "call me", None, None, None, None]]
    result = await run(template_xlsx(tmp_path / "bad.xlsx", rows), apply=True, mode="full")
    assert (result.applied, result.refused) == (False, "errors")
    assert [(e.row, e.column) for e in result.parsed.errors] == [(6, "D")]
    assert await snapshot() == before
    assert await AuditEntry.all().count() == entries


async def test_a_failure_half_way_rolls_everything_back(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await staff(db, tmp_path)
    before = await snapshot()
    rows = [*STAFF[:9], ["新人", "研发部", None, None, "E100", None, None, None]]
    rows[1] = ["李四", "人事部", "专员", None, "E002", None, None, None]

    async def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the disk is full")

    # New employees are inserted first; the update after them fails.
    monkeypatch.setattr(write, "_update", broken)
    with pytest.raises(RuntimeError):
        await run(template_xlsx(tmp_path / "x.xlsx", rows), apply=True, mode="full")
    assert await snapshot() == before
    assert not await Employee.exists(name="新人")


def bad_wecom(folder: Path) -> Path:
    people = [
        {"name": "张三", "account": "E003", "department": "公司/财务部"},
        {"name": "李四", "account": "E002", "department": "公司/行政人事部", "phone": "待补充"},
        {"name": "张三", "account": "E003", "department": "公司/财务部"},
        {"name": "王芳", "account": "E004", "department": "公司/财务部", "active": "冻结"},
    ]
    return wecom(folder / "通讯录.xlsx", people)


def bad_dingtalk(folder: Path) -> Path:
    people: list[dict[str, Any]] = [
        {"no": "E003", "name": "张三", "department": "财务部", "merged": True},
        {"no": "E004", "name": "", "department": "财务部", "merged": True},
        {"no": "E005", "name": "郑爽", "department": "财务部", "status": "休假"},
    ]
    return dingtalk(folder / "花名册.xlsx", people, blank_every=1)


@pytest.mark.parametrize(
    ("make", "errors"),
    [
        (
            bad_wecom,
            [
                (5, "G", "import-error-phone"),
                (6, "B", "import-error-duplicate"),
                (7, "J", "import-error-status"),
            ],
        ),
        (bad_dingtalk, [(7, "B", "import-error-required"), (9, "F", "import-error-status")]),
    ],
)
async def test_bad_exports_are_precise_and_change_nothing(
    db: Database, tmp_path: Path, make: Any, errors: list[tuple[int, str, str]]
) -> None:
    await staff(db, tmp_path)
    before = await snapshot()
    result = await run(make(tmp_path), apply=True, mode="full", force=True)
    assert (result.applied, result.refused) == (False, "errors")
    assert [(e.row, e.column, e.key) for e in result.parsed.errors] == errors
    assert await snapshot() == before
    assert await AuditEntry.filter(kind="roster_import").count() == 1  # the first import only
