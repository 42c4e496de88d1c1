"""The points ledger: what a month adds up to (the scenario tests/scenarios/points.yaml,
read back from its texts, its database and its export), ranks, months and the policy."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from adapters.sim.replay import Replay
from adapters.sim.scenario import load_scenario
from bot.core.errors import ConfigError
from bot.core.policy import build_policy
from bot.services.points import previous_month
from bot.settings import Settings
from tests.cli import qunguan
from tests.scenario_runner import SCENARIOS
from tests.test_roster_export import no_formulas


def test_previous_month_crosses_the_year() -> None:
    assert previous_month("2026-12") == "2026-11"
    assert previous_month("2027-01") == "2026-12"


def test_points_are_off_by_default_and_rules_keep_their_defaults() -> None:
    assert build_policy(None, None).points.enabled is False
    policy = build_policy({"points": {"enabled": True, "rules": {"warning": -3}}}, None).points
    assert (policy.points("warning"), policy.points("ack_on_time")) == (-3, 1)


@pytest.mark.parametrize(
    "points",
    [
        {"rules": {"bonus": 1}},
        {"rules": {"warning": -500}},
        {"report_day": 31},
        {"report_at": "25:00"},
        {"enabled": "sometimes"},
        {"enabled": 1},  # strict, like every flag (bot.core.bounds)
        {"report_day": True},
        {"rules": {"warning": "-5"}},
    ],
)
def test_bad_points_policy_names_the_key(points: dict[str, Any]) -> None:
    with pytest.raises(ConfigError) as caught:
        build_policy(None, {"points": points})
    assert caught.value.where.startswith("policy.points")


@pytest.mark.slow
def test_a_month_of_points(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, database_url=f"sqlite://{tmp_path / 'db.sqlite3'}")
    scenario = load_scenario(SCENARIOS / "points.yaml")
    report = asyncio.run(Replay(scenario, settings, tmp_path / "files").run())
    ranking = next(a for a in report["actions"] if a.get("kind") == "points_report")
    # 张三 +1 (one ack, said twice); 老赵 -1 a day on 11-28, 29, 30; 王五 +1 -5.
    lines = [line.split() for line in ranking["text"].splitlines()[1:]]
    assert [(rank, name, points) for rank, name, points, *_ in lines] == [
        ("1.", "财务部-张三", "1"),
        ("2.", "销售部-老赵", "-3"),
        ("3.", "财务部-王五", "-4"),
    ]
    export = next(a for a in report["actions"] if a["action"] == "file")
    book = load_workbook(export["path"])
    rows = list(book["积分"].iter_rows(min_row=2, values_only=True))
    assert rows[0] == ("2026-12", "全员群", 1, "销售部-老赵", -1)  # newest month first
    assert ("2026-11", "全员群", 3, "财务部-王五", -4) in rows
    no_formulas(Path(export["path"]))

    config = tmp_path / "company.yaml"
    org = yaml.safe_load((SCENARIOS / "points.yaml").read_text(encoding="utf-8"))["org"]
    groups = [{"name": "全员群", "admins": ["李四"]}]
    config.write_text(yaml.safe_dump({"org": org, "groups": groups}, allow_unicode=True), "utf-8")
    out = tmp_path / "points.xlsx"
    env = {"DATABASE_URL": settings.database_url}
    done = qunguan("points", "export", "--config", str(config), "--out", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert list(load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True)) == rows


@pytest.mark.slow
def test_the_ledger_and_the_grace_survive_restarts(tmp_path: Path) -> None:
    """tests/scenarios/workflows_restart.yaml: 新人 (hired 11-29) loses a point on 12-02 and
    12-03 only; 王五, invited back under a bare name, on 12-01, 12-02 and 12-03."""
    settings = Settings(_env_file=None, database_url=f"sqlite://{tmp_path / 'db.sqlite3'}")
    scenario = load_scenario(SCENARIOS / "workflows_restart.yaml")
    report = asyncio.run(Replay(scenario, settings, tmp_path / "files").run())
    last = report["actions"][-1]["text"].splitlines()[1:]
    assert [line.split()[1:3] for line in last] == [["研发部-新人", "-2"], ["财务部-王五", "-3"]]
