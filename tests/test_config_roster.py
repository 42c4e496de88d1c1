"""The config file's roster goes into an empty database only; edits to it after the first
start are not applied, and the bot says so loudly at start-up, naming who differs."""

from __future__ import annotations

from pathlib import Path

from loguru import logger

from adapters.sim.adapter import SimAdapter
from adapters.sim.world import World
from bot.app import App
from bot.core.clock import VirtualClock
from bot.core.employees import EmployeeIn
from bot.core.org import OrgConfig
from bot.settings import Settings
from tests.conftest import T0

CONFIG = {"org": {"name": "示例公司", "admins": ["陈静"]}, "groups": [{"name": "全员群"}]}


async def start(url: str, tmp_path: Path, roster: list[EmployeeIn]) -> list[str]:
    world = World("群管家")
    world.add_group("全员群", "owner")
    clock = VirtualClock(T0)
    app = App(
        settings=Settings(_env_file=None, database_url=url, data_dir=tmp_path),
        config=OrgConfig.model_validate(CONFIG),
        platform=SimAdapter(world, clock),
        platform_name="sim",
        clock=clock,
        files_dir=tmp_path,
    )
    seen: list[str] = []
    sink = logger.add(lambda m: seen.append(str(m)), level="WARNING", format="{message}")
    try:
        await app.start(roster)
        await app.stop()
    finally:
        logger.remove(sink)
    return seen


async def test_an_edited_config_roster_is_named_at_start(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 'bot.sqlite3'}"
    first = [
        EmployeeIn(name="张三", department="财务部"),
        EmployeeIn(name="李四", department="人事部"),
    ]
    assert await start(url, tmp_path, first) == []  # an empty database: loaded
    assert await start(url, tmp_path, first) == []  # unchanged: nothing to say
    edited = [
        EmployeeIn(name="张三", department="销售部"),  # moved
        EmployeeIn(name="李四", department="人事部", status="departed"),
        EmployeeIn(name="王五", department="人事部"),  # added
    ]
    warnings = await start(url, tmp_path, edited)
    assert len(warnings) == 1
    assert "3 employee(s) (销售部-张三, 人事部-李四, 人事部-王五)" in warnings[0]
    assert "NOT applied" in warnings[0] and "qunguan roster import" in warnings[0]
