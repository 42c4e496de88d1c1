"""The example scenarios the docs point to (adapters/sim/scenarios/) play as the scenario
tests they were taken from say (tests/scenarios/NAME.expect.yaml)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from adapters.sim.replay import Replay
from adapters.sim.scenario import load_scenario
from bot.settings import Settings
from tests.scenario_runner import SCENARIOS, check_report, expectations

EXAMPLES = Path(__file__).resolve().parent.parent / "adapters" / "sim" / "scenarios"
# example → the scenario test whose expectations it meets
TESTED_AS = {
    "notices": "notice_basic",
    "registry": "registry",
    "membership": "membership",
    "new_hire_grace": "new_hire_grace",
    "points": "points",
}


@pytest.mark.parametrize("name", sorted(TESTED_AS))
def test_example_plays_as_documented(name: str, tmp_path: Path) -> None:
    settings = Settings(_env_file=None, database_url=f"sqlite://{tmp_path / 'db.sqlite3'}")
    scenario = load_scenario(EXAMPLES / f"{name}.yaml")
    report = asyncio.run(Replay(scenario, settings, tmp_path / "files").run())
    check_report(report, expectations(SCENARIOS / f"{TESTED_AS[name]}.yaml"))


def test_every_example_but_the_demo_is_tested() -> None:
    found = {p.stem for p in EXAMPLES.glob("*.yaml")} - {"demo"}
    assert found == set(TESTED_AS)
