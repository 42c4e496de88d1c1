"""Roster exports: `qunguan roster export` from the members the bot last observed, and the
`/roster export` file: an employees x groups sheet and a sheet per group, frozen headers,
filters, widths, live warnings, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import asyncio
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from adapters.sim.replay import Replay
from adapters.sim.scenario import load_scenario
from bot.services.spreadsheet import first_sheet
from bot.settings import Settings
from tests.cli import qunguan

RISKY = ['=HYPERLINK("http://x")', "+86 推销", "-减肥茶", "@所有人 看这里", "\t隐藏"]
ORG: dict[str, Any] = {
    "timezone": "Asia/Shanghai",
    "org": {
        "name": "示例公司",
        "bot": "群管家",
        "admins": ["陈静"],
        "defaults": {"audit.daily_at": ""},
        "roster": [
            {"name": "陈静", "department": "总裁办"},
            {"name": "李四", "department": "行政人事部", "employee_no": "E2"},
            {"name": "张三", "department": "财务部", "employee_no": "E3"},
            {"name": "王芳", "department": "财务部"},
            {"name": "赵六", "department": "销售部", "status": "departed"},
            {"name": "=SUM(A1)", "department": "研发部"},
        ],
    },
    "groups": [
        {"name": "全员群", "admins": ["李四"]},
        {"name": "财务群", "admins": ["李四"], "scope": {"departments": ["财务部"]}},
    ],
}
MEMBERS: dict[str, Any] = {
    "全员群": [
        {"name": "行政人事部-李四", "remark": "李四"},
        "张三",
        "赵六",
        "研发部-=SUM(A1)",
        *RISKY,
    ],
    "财务群": ["财务部-王芳", "财务部-张三"],
}
EVENTS = [
    {
        "type": "message",
        "group": "全员群",
        "sender": "行政人事部-李四",
        "text": "/warn @张三 迟到",
    },
    {"type": "message", "group": "全员群", "sender": "行政人事部-李四", "text": "/audit"},
    {"type": "message", "group": "财务群", "sender": "财务部-王芳", "text": "/roster"},
    {"type": "direct", "from": "陈静", "text": "/audit"},
    {"type": "direct", "from": "陈静", "text": "/roster export"},
]


def write_files(tmp_path: Path) -> tuple[Path, Path]:
    scenario = {**ORG, "start": "2026-11-23T10:00:00+08:00", "events": EVENTS}
    scenario["groups"] = [{**g, "members": MEMBERS[g["name"]]} for g in ORG["groups"]]
    config = {**ORG, "groups": [*ORG["groups"], {"name": "新群"}]}
    paths = tmp_path / "scenario.yaml", tmp_path / "company.yaml"
    for path, data in zip(paths, (scenario, config), strict=True):
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return paths


def no_formulas(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name).decode("utf-8")
                assert not re.search(r"<(\w+:)?f[ >]", xml), f"a formula in {name}"


def check_workbook(path: Path, groups: list[str]) -> None:
    book = load_workbook(path)
    assert book.sheetnames[1:] == groups
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert all(sheet.column_dimensions[c].width >= 6 for c in "AB")
    matrix = book.worksheets[0]
    rows = {row[0]: row for row in matrix.iter_rows(min_row=2, values_only=True)}
    zhang = [str(cell) for cell in rows["张三"]]
    assert zhang[-2].startswith("张三 · ")  # in 全员群 as 张三 (misnamed) …
    assert "1" in zhang[-2].split(" · ")[-1]  # … with one live warning
    assert "财务部-张三" in zhang[-1]
    assert rows["=SUM(A1)"][0] == "=SUM(A1)"  # kept as text
    header = next(matrix.iter_rows(max_row=1, values_only=True))
    assert header[1] in ("工号", "Employee no.") and rows["李四"][1] == "E2"
    # Not in a group: missing where the group is for them, else not applicable; never blank
    missing, not_applicable = rows["王芳"][-2], rows["陈静"][-1]  # 全员群; 财务群 is 财务部's
    assert missing in ("未入群", "not in group") and not_applicable in ("不适用", "n/a")
    assert rows["赵六"][-1] == not_applicable  # departed
    everyone = book["全员群"]
    displays = {row[0]: row for row in everyone.iter_rows(min_row=2, values_only=True)}
    for risky in RISKY:
        assert risky in displays, risky
    assert displays["张三"][-1] == 1  # live warnings
    for cell in everyone["A"]:
        if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@", "\t")):
            assert cell.data_type == "s"
            assert cell.quotePrefix
    no_formulas(path)


@pytest.mark.slow
def test_command_line_export_from_observed_members(tmp_path: Path) -> None:
    scenario_path, config_path = write_files(tmp_path)
    url = f"sqlite://{tmp_path / 'bot.sqlite3'}"
    settings = Settings(_env_file=None, database_url=url, data_dir=tmp_path)
    report = asyncio.run(Replay(load_scenario(scenario_path), settings, tmp_path / "files").run())

    sent = [a for a in report["actions"] if a["action"] == "file"]
    assert len(sent) == 1
    check_workbook(Path(sent[0]["path"]), ["全员群", "财务群"])  # /roster export

    out = tmp_path / "out" / "roster.xlsx"
    env = {"DATABASE_URL": url, "LOCALE": "en"}
    done = qunguan("roster", "export", "--config", str(config_path), "--out", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    assert '"新群": the bot has not run in this group yet' in done.stdout
    check_workbook(out, ["全员群", "财务群"])

    by_setting = qunguan(
        "roster", "export", env={**env, "CONFIG_FILE": str(config_path), "DATA_DIR": str(tmp_path)}
    )
    assert by_setting.returncode == 0, by_setting.stderr
    assert list((tmp_path / "exports").glob("roster-*.xlsx"))


@pytest.mark.slow
def test_export_needs_the_groups(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite://{tmp_path / 'bot.sqlite3'}"}
    for args, message in [
        (["roster", "export"], "--config"),
        (["roster", "export", "--config", "x.yaml", "--out", "a.csv"], "expected an .xlsx"),
    ]:
        done = qunguan(*args, env=env, cwd=tmp_path)
        assert done.returncode == 2
        assert message in done.stderr
        assert done.stderr.count("\n") == 1


def test_every_formula_trigger_is_written_as_text(tmp_path: Path) -> None:
    from bot.services.spreadsheet import FORMULA_TRIGGERS, Cell, new_workbook, write_table

    text = [f"{lead}1+1" for lead in FORMULA_TRIGGERS] + ["普通文字"]
    values: list[Cell] = [*text, 12]
    book, sheet = new_workbook()
    write_table(sheet, ["值"], [[v] for v in values])
    book.save(tmp_path / "t.xlsx")
    no_formulas(tmp_path / "t.xlsx")
    written = first_sheet(load_workbook(tmp_path / "t.xlsx"))
    cells = [row[0] for row in written.iter_rows(min_row=2)]
    # XML reads a carriage return back as a line feed; it is still the same text
    assert [c.value for c in cells[:-1]] == [v.replace("\r", "\n") for v in text]
    assert all(c.data_type == "s" for c in cells[:-1])
    assert all(c.quotePrefix for c in cells[: len(FORMULA_TRIGGERS)])
