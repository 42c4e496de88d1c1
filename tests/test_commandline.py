"""The one command-line parser (bot.core.commandline) and the engine's view of privilege."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.sim.adapter import SimAdapter
from adapters.sim.world import World
from bot.app import App
from bot.commands import registry
from bot.core.clock import VirtualClock
from bot.core.commandline import addressed, command_body, command_word, is_command
from bot.core.org import OrgConfig
from bot.settings import Settings
from bot.storage.counters import MemoryCounters


@pytest.mark.parametrize(
    ("text", "expected"),
    [("/warn @x", True), ("  ／踢 @x", True), ("hello /warn", False), ("", False)],
)
def test_a_command_starts_with_a_slash(text: str, expected: bool) -> None:
    assert is_command(text) is expected


def test_only_the_command_word_reads_full_width_input_as_plain() -> None:
    body = command_body(" ／ｗａｒｎ\u3000@财务部－王芳 ")
    assert body == "ｗａｒｎ\u3000@财务部－王芳"
    assert command_word("ｗａｒｎ") == "warn"
    found = registry.resolve(body)
    assert found is not None
    spec, args = found
    # The arguments are kept as typed: the full-width dash names another member.
    assert spec.name == "warn" and args == "@财务部－王芳"
    found = registry.resolve("ｒｏｓｔｅｒ\u3000ＥＸＰＯＲＴ")
    assert found is not None and found[0].name == "roster export"


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
