"""The command line as users run it: one JSON object on stdout, or one error line and exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

SCENARIOS = Path(__file__).with_name("scenarios")


def qunguan(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None):
    environ = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=environ,
        cwd=cwd,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_replay_prints_one_json_report(tmp_path: Path) -> None:
    result = qunguan(
        "replay",
        str(SCENARIOS / "commands_roster_audit_help.yaml"),
        "--json",
        "--files",
        str(tmp_path / "files"),
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) >= {"actions", "groups"}
    assert [a["seq"] for a in report["actions"]] == list(range(1, len(report["actions"]) + 1))
    first = report["actions"][0]
    assert first["at"] == "2026-11-23T10:00:01+08:00"
    files = [a for a in report["actions"] if a["action"] == "file"]
    assert files
    for action in files:
        path = Path(action["path"])
        assert path.is_absolute() and path.is_relative_to(tmp_path / "files")
        book = load_workbook(path)
        assert len(book.sheetnames) >= 2


def test_the_formula_looking_member_is_text_in_the_export(tmp_path: Path) -> None:
    result = qunguan(
        "replay",
        str(SCENARIOS / "commands_roster_audit_help.yaml"),
        "--json",
        "--files",
        str(tmp_path),
    )
    path = next(a["path"] for a in json.loads(result.stdout)["actions"] if a["action"] == "file")
    cells = [
        cell
        for sheet in load_workbook(path).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    ]
    assert cells, "the export should list the member whose name starts with ="
    assert all(cell.data_type == "s" for cell in cells)


@pytest.mark.slow
def test_lang_en_changes_the_wording_not_the_actions() -> None:
    path = str(SCENARIOS / "joins.yaml")
    zh = json.loads(qunguan("replay", path, "--json").stdout)
    en = json.loads(qunguan("replay", path, "--json", "--lang", "en").stdout)
    strip = lambda actions: [{k: v for k, v in a.items() if k != "text"} for a in actions]  # noqa: E731
    assert strip(zh["actions"]) == strip(en["actions"])
    assert zh["actions"][0]["text"] != en["actions"][0]["text"]
    assert "Welcome" in en["actions"][0]["text"]


@pytest.mark.parametrize(
    "name", ["bad_yaml", "bad_unknown_group", "bad_time_backwards", "bad_policy_value"]
)
def test_a_file_that_cannot_run_exits_2_with_one_line(name: str) -> None:
    result = qunguan("replay", str(SCENARIOS / f"{name}.yaml"), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_a_missing_file_and_bad_options_are_one_line_errors(tmp_path: Path) -> None:
    missing = qunguan("replay", str(tmp_path / "nope.yaml"), "--json")
    assert missing.returncode == 2
    assert len(missing.stderr.strip().splitlines()) == 1
    bad_lang = qunguan("replay", str(SCENARIOS / "joins.yaml"), "--lang", "fr")
    assert bad_lang.returncode == 2
    assert "Traceback" not in bad_lang.stderr
    bad_adapter = qunguan("run", "--adapter", "icq", "--config", "x.yaml")
    assert bad_adapter.returncode == 2
    assert bad_adapter.stderr.strip().splitlines() == [
        "error: --adapter: expected one of wechat, telegram, got 'icq'"
    ]


def test_a_bad_setting_names_the_setting(tmp_path: Path) -> None:
    result = qunguan(
        "replay", str(SCENARIOS / "joins.yaml"), "--json", env={"LOG_LEVEL": "LOUD"}, cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: setting LOG_LEVEL: expected one of TRACE, DEBUG, INFO, SUCCESS, WARNING, ERROR"
    ]


def test_the_human_timeline_without_json() -> None:
    result = qunguan("replay", str(SCENARIOS / "joins.yaml"))
    assert result.returncode == 0, result.stderr
    assert "welcome" in result.stdout and "全员群" in result.stdout


def test_demo_plays_the_morning_and_writes_the_spreadsheet(tmp_path: Path) -> None:
    result = qunguan("demo", env={"DATA_DIR": str(tmp_path / "data")}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    exports = list((tmp_path / "data" / "exports").glob("*.xlsx"))
    assert len(exports) == 1
    assert str(exports[0]) in result.stdout.replace("\n", "")
    assert (tmp_path / "data" / "demo.sqlite3").exists()
    for kind in ("welcome", "naming_reminder", "warning", "removal_notice", "command_denied"):
        assert kind in result.stdout
