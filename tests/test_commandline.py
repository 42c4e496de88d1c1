"""The one command-line parser (bot.core.commandline) and the engine's view of privilege."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.sim.adapter import SimAdapter
from adapters.sim.world import World
from bot.app import App
from bot.core.clock import VirtualClock
from bot.core.commandline import addressed, command_body, is_command
from bot.core.org import OrgConfig
from bot.settings import Settings
from bot.storage.counters import MemoryCounters


@pytest.mark.parametrize(
    ("text", "expected"),
    [("/warn @x", True), ("  ／踢 @x", True), ("hello /warn", False), ("", False)],
)
def test_a_command_starts_with_a_slash(text: str, expected: bool) -> None:
    assert is_command(text) is expected


def test_the_body_reads_full_width_input_as_plain() -> None:
    assert command_body(" ／ｗａｒｎ\u3000@张三 ") == "warn @张三"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【工作群】/warn @张三", ("工作群", "/warn @张三")),
        (" [工作群] ／警告 @张三", ("工作群", "／警告 @张三")),
        ("【工作群】大家好", None),  # addressed, but not a command
        ("/warn @张三", None),  # a command, addressed to no group
        ("【工作群 /warn", None),  # no closing bracket
    ],
)
def test_a_command_addressed_to_a_group(text: str, expected: tuple[str, str] | None) -> None:
    assert addressed(text) == expected


def test_the_engine_says_which_commands_need_an_admin(tmp_path: Path) -> None:
    config = OrgConfig.model_validate({"groups": [{"name": "工作群"}]})
    world = World(config.org.bot)
    world.add_group("工作群", "owner")
    app = App(
        settings=Settings(
            _env_file=None, database_url=f"sqlite://{tmp_path / 'db.sqlite3'}", data_dir=tmp_path
        ),
        config=config,
        platform=SimAdapter(world),
        platform_name="sim",
        clock=VirtualClock(datetime(2026, 12, 1, tzinfo=UTC)),
        counters=MemoryCounters(),
    )
    needs_admin = app.engine.needs_admin
    assert needs_admin("/warn @张三 发广告")
    assert needs_admin("／ｋｉｃｋ @张三")  # full-width input, the same command
    assert needs_admin("/名单 导出")  # a two-word command
    assert not needs_admin("/help")
    assert not needs_admin("/nosuchcommand")
    assert not needs_admin("warn @张三")  # not a command at all
