"""Roster identity across imports (issue 10 finding 12, issue 11, issue 13): a GBK CSV keyed
by 工号 then a WeCom export keyed by 账号 is the same staff with a 编号变更 warning, never a
doubled roster; one person twice in a file is an error; negated status words are employed and
a bad word is named in its own column; a departure nobody knew of is shown as departed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.clock import VirtualClock
from bot.i18n import Translator
from bot.ops.import_report import as_json, readable
from bot.services import roster_import
from bot.services.audit_trail import AuditTrail
from bot.services.roster_import.records import parse_file
from bot.storage.db import Database
from bot.storage.models import Employee
from tests.conftest import T0
from tests.hr_files import template_csv, template_xlsx, wecom

GBK_STAFF = [
    ["王建国", "销售部", None, None, "1001", None, None, None],
    ["李娜", "财务部", None, None, "1002", None, None, None],
    ["张伟", "研发部", None, None, "1003", None, None, None],
    ["赵敏", "研发部", None, None, "1004", None, None, None],
]
WECOM_STAFF: list[dict[str, Any]] = [
    {"name": "王建国", "account": "wangjianguo", "department": "示例/销售部"},
    {"name": "李娜", "account": "lina", "department": "示例/财务部"},
    {"name": "张伟", "account": "zhangwei", "department": "示例/研发部"},
    {"name": "赵敏", "account": "zhaomin", "department": "示例/研发部", "disabled": "未禁用"},
]


async def apply(path: Path) -> roster_import.ImportResult:
    clock = VirtualClock(T0)
    return await roster_import.apply(path, clock=clock, audit=AuditTrail(clock), actor="hr")


async def test_a_wecom_export_after_a_gbk_csv_is_the_same_staff(
    db: Database, tmp_path: Path
) -> None:
    first = await apply(template_csv(tmp_path / "hr.csv", GBK_STAFF, encoding="gb18030"))
    assert first.applied and first.plan.counts()["added"] == 4
    path = wecom(tmp_path / "通讯录.xlsx", WECOM_STAFF)
    preview = await roster_import.preview(path)
    assert preview.refused is None, preview.parsed.errors  # 未禁用 is employed
    assert preview.plan.counts() == {"added": 0, "updated": 4, "departed": 0, "unchanged": 0}
    assert sorted(c.renumbered for c in preview.plan.renumbered if c.renumbered) == [
        ("1001", "wangjianguo"),
        ("1002", "lina"),
        ("1003", "zhangwei"),
        ("1004", "zhaomin"),
    ]
    text = "\n".join(readable(Translator("zh_CN"), preview))
    assert "编号变更 4 人" in text and "工号 1001 → wangjianguo" in text
    report = as_json(Translator("en"), preview)
    assert [w["kind"] for w in report["warnings"]] == ["renumbered"] * 4
    await apply(path)
    rows = await Employee.all().order_by("id").values_list("name", "employee_no", "status")
    assert rows == [
        ("王建国", "wangjianguo", "active"),
        ("李娜", "lina", "active"),
        ("张伟", "zhangwei", "active"),
        ("赵敏", "zhaomin", "active"),
    ]


async def test_namesakes_with_their_own_numbers_stay_two_people(
    db: Database, tmp_path: Path
) -> None:
    """Two 张伟 in one department, each with a 工号: the numbers decide, in any row order."""
    rows = [
        ["张伟", "研发部", None, None, "A1", None, None, None],
        ["张伟", "研发部", None, None, "A2", None, None, None],
    ]
    await apply(template_xlsx(tmp_path / "a.xlsx", rows))
    for name, order in (("b.xlsx", rows[::-1]), ("c.xlsx", rows)):
        preview = await roster_import.preview(template_xlsx(tmp_path / name, order))
        assert preview.plan.counts()["unchanged"] == 2 and preview.plan.renumbered == []


def test_one_person_twice_with_and_without_a_number_is_an_error(tmp_path: Path) -> None:
    for rows in (
        [["王五", "销售部", None, None, "E9", None, None, None], ["王五", "销售部"] + [None] * 6],
        [["王五", "销售部"] + [None] * 6, ["王五", "销售部", None, None, "E9", None, None, None]],
    ):
        parsed = parse_file(template_xlsx(tmp_path / "dup.xlsx", rows))
        assert [(e.row, e.column, e.key, e.args) for e in parsed.errors] == [
            (4, "A", "import-error-duplicate", {"first": 3})
        ]


def test_negated_status_words_are_employed_and_a_bad_word_is_named_where_it_is(
    tmp_path: Path,
) -> None:
    people: list[dict[str, Any]] = [
        {"name": "甲", "account": "a", "department": "研发部", "disabled": "未禁用"},
        {"name": "乙", "account": "b", "department": "研发部", "disabled": "否"},
        {"name": "丙", "account": "c", "department": "研发部", "active": "未离职"},
        {"name": "丁", "account": "d", "department": "研发部", "disabled": "已禁用"},
        {"name": "戊", "account": "e", "department": "研发部", "disabled": "封号中"},
    ]
    parsed = parse_file(wecom(tmp_path / "w.xlsx", people))
    status = {r.values["name"]: r.values["status"] for r in parsed.records}
    assert status == {"甲": "active", "乙": "active", "丙": "active", "丁": "departed"}
    (error,) = parsed.errors
    assert (error.column, error.header, error.args) == ("K", "禁用状态", {"value": "封号中"})


async def test_a_departure_nobody_knew_of_is_shown_as_departed(
    db: Database, tmp_path: Path
) -> None:
    rows = [
        ["钱七", "研发部", None, None, "E7", None, None, "离职"],
        ["孙八", "研发部", None, None, "E8", None, None, None],
    ]
    path = template_xlsx(tmp_path / "left.xlsx", rows)
    preview = await roster_import.preview(path)
    assert [c.name for c in preview.plan.added] == ["孙八"]
    assert [(c.name, c.employee) for c in preview.plan.departed] == [("钱七", None)]
    assert not preview.plan.too_many_departures  # nobody employed leaves
    text = "\n".join(readable(Translator("zh_CN"), preview))
    assert "新增 1 人：研发部-孙八" in text and "离职 1 人：研发部-钱七" in text
    assert (await apply(path)).applied
    stored = await Employee.all().order_by("id").values_list("name", "status")
    assert stored == [("孙八", "active"), ("钱七", "departed")]
