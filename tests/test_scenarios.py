"""Every scenario under tests/scenarios, through the real replay (in process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.sim.replay import run_replay
from adapters.sim.scenario import load_scenario
from bot.core.errors import ConfigError
from bot.settings import Settings
from tests.scenario_runner import check_report, expectations, scenario_files


@pytest.mark.parametrize("path", scenario_files(), ids=lambda p: p.stem)
async def test_scenario(path: Path, tmp_path: Path) -> None:
    expect = expectations(path)
    if expect.get("exit", 0) == 2:
        with pytest.raises(ConfigError) as caught:
            load_scenario(path)
        message = str(caught.value)
        assert "\n" not in message
        for part in expect.get("error", []):
            assert part in message, f"{part!r} not in {message!r}"
        return
    scenario = load_scenario(path)
    settings = Settings(_env_file=None, data_dir=tmp_path)
    report = await run_replay(scenario, settings, files_dir=tmp_path / "files")
    check_report(report, expect)
