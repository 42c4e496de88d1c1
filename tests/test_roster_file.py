"""`roster_file:` in scenarios and config files: real xlsx and csv files."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.sim.replay import run_replay
from adapters.sim.scenario import load_scenario
from bot.commands import registry
from bot.core.errors import ConfigError
from bot.i18n import Translator
from bot.services.roster_file import load_roster_file
from bot.services.spreadsheet import new_workbook
from bot.settings import Settings

SCENARIO = """
start: "2026-11-23T08:30:00+08:00"
org:
  bot: 群管家
  roster_file: {roster}
groups:
  - name: 全员群
    members: [财务部-张三, 王芳, 赵六]
events:
  - {{at: "2026-11-23T09:00:01+08:00", type: tick}}
"""


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book, sheet = new_workbook()
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


async def test_an_xlsx_roster_drives_a_replay(tmp_path: Path) -> None:
    write_xlsx(
        tmp_path / "staff.xlsx",
        [
            ["姓名", "部门", "手机", "别名", "状态"],
            ["张三", "财务部", 13800000001, "", ""],
            [None, None, None, None, None],  # blank rows are normal in real files
            ["王芳", "财务部", "", "Fang, 小王", "在职"],
            ["赵六", "销售部", "", "", "离职"],
        ],
    )
    (tmp_path / "day.yaml").write_text(SCENARIO.format(roster="staff.xlsx"), encoding="utf-8")
    scenario = load_scenario(tmp_path / "day.yaml")
    assert [e.phone for e in scenario.roster] == ["13800000001", None, None]
    assert scenario.roster[1].aliases == ["Fang", "小王"]
    report = await run_replay(scenario, Settings(_env_file=None), files_dir=tmp_path / "out")
    statuses = {m["display"]: m["status"] for m in report["groups"]["全员群"]["members"]}
    assert statuses == {"群管家": "bot", "财务部-张三": "compliant", "王芳": "misnamed"}
    assert [a["member"] for a in report["actions"] if a["action"] == "remove"] == ["赵六"]


def test_a_csv_roster_with_english_headers(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text(
        "name,department,exec,employee_no\n王总,总裁办,yes,E9\n张三,财务部,,\n",
        encoding="utf-8-sig",
    )
    roster = load_roster_file(path)
    assert [(e.name, e.exec, e.employee_no) for e in roster] == [
        ("王总", True, "E9"),
        ("张三", False, None),
    ]


@pytest.mark.parametrize(
    ("rows", "where"),
    [
        ([["姓名", "职务"], ["张三", "会计"]], "row 1"),
        ([["姓名", "部门"], ["张三", "财务部"], ["李四", ""]], "row 3 column department"),
        ([["姓名", "部门", "工号"], ["王五", "销售部", "E1"], ["王五", "销售部"]], "row 3"),
        ([["姓名", "部门", "工号"], ["王五", "销售部", "E1"], ["赵六", "研发部", "E1"]], "row 3"),
        ([["姓名", "部门", "状态"], ["王五", "销售部", "封号中"]], "row 2 column status"),
        ([["姓名", "部门"], ["王\n五", "销售部"]], "row 2 column name"),
    ],
)
def test_bad_roster_files_name_row_and_column(tmp_path: Path, rows: list, where: str) -> None:
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    (tmp_path / "day.yaml").write_text(SCENARIO.format(roster="bad.xlsx"), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_scenario(tmp_path / "day.yaml")
    assert where in caught.value.where
    with pytest.raises(ConfigError):
        load_roster_file(path)


def test_a_hostile_roster_file_is_refused_before_work(tmp_path: Path) -> None:
    book, sheet = new_workbook()
    sheet.append(["姓名", "部门"])
    sheet["XFD1"] = "x"
    sheet["A1048576"] = "y"
    book.save(tmp_path / "stray.xlsx")
    with pytest.raises(ConfigError, match="1,048,576 rows and 16,384 columns"):
        load_roster_file(tmp_path / "stray.xlsx")
    huge = tmp_path / "huge.csv"
    huge.write_text("姓名,部门\n" + "李" * 140_000 + ",销售部\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="row 2"):
        load_roster_file(huge)


def test_missing_or_wrong_kind_of_roster_file(tmp_path: Path) -> None:
    (tmp_path / "day.yaml").write_text(SCENARIO.format(roster="nope.xlsx"), encoding="utf-8")
    with pytest.raises(ConfigError, match="no such file"):
        load_scenario(tmp_path / "day.yaml")
    with pytest.raises(ConfigError, match=r"\.xlsx or \.csv"):
        load_roster_file(tmp_path / "day.yaml")


def test_each_commands_docstring_is_its_english_help() -> None:
    t = Translator("en")
    for spec in registry:
        assert t(spec.help_key) == spec.doc, spec.name
