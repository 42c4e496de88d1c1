"""`qunguan bench import` runs each step in a process of its own and prints its figures (a
tiny file: this checks it works; the figures are measured by hand, see bench/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.import_file import HEADER, write_wecom
from bot.cli import app
from bot.services.roster_import.records import parse_file


@pytest.mark.slow
def test_bench_import_runs_every_step_beside_the_baselines() -> None:
    result = CliRunner().invoke(app, ["bench", "import", "--rows", "60", "--runs", "1", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["rows"], out["runs"], out["database"]) == (60, 1, "sqlite")
    steps = out["steps"]
    assert set(steps) == {"openpyxl", "calamine", "preview", "apply", "update"}
    for figures in steps.values():
        low, median, high = figures["peak_rss_mb"]
        assert 0 < low <= median <= high
    applied = steps["apply"]["counts"]
    assert applied["added"] + applied["departed"] == 60 and applied["updated"] == 0
    # the next month's file: every 20th has a new phone, every 100th has left
    assert steps["update"]["counts"]["updated"] >= 3
    assert steps["update"]["counts"]["added"] == 0


def test_the_generated_export_reads_as_a_wecom_file(tmp_path: Path) -> None:
    path = write_wecom(tmp_path / "w.xlsx", 30)
    parsed = parse_file(path)
    assert (parsed.format, parsed.header_row, parsed.errors) == ("wecom", 3, [])
    assert len(parsed.records) == 30 == parsed.rows_read
    assert {"name", "department", "employee_no", "phone", "status"} <= parsed.fields
    assert len(HEADER) == len(parsed.header_row_texts)
