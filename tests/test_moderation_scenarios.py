"""The moderation scenarios again, on every storage the bot runs on: SQLite and PostgreSQL,
counters in memory and in the real Redis (flood windows, cooldowns and message keys must
behave the same everywhere)."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.sim.replay import Replay
from adapters.sim.scenario import load_scenario
from bot.settings import Settings
from bot.storage.counters import Counters
from tests.scenario_runner import check_report, expectations, scenario_files

MODERATION = [p for p in scenario_files() if p.stem.startswith("moderation_")]


def test_there_are_moderation_scenarios() -> None:
    assert len(MODERATION) >= 8


@pytest.mark.parametrize("path", MODERATION, ids=lambda p: p.stem)
async def test_moderation_scenario_on_each_storage(
    path: Path, tmp_path: Path, database_url: str, counters: Counters
) -> None:
    settings = Settings(_env_file=None, database_url=database_url, data_dir=tmp_path)
    replay = Replay(load_scenario(path), settings, tmp_path / "files", counters=counters)
    check_report(await replay.run(), expectations(path))
