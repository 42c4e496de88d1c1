"""A running WeChat adapter against a fake library: the real app, SQLite, memory counters."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from adapters.wechat.runner import build
from bot.core.clock import VirtualClock
from bot.core.config_file import StrictOrgConfig
from bot.core.employees import EmployeeIn
from bot.core.events import MessageEvent
from bot.settings import load_settings
from bot.storage.models import ActionRecord
from tests.conftest import T0
from tests.wechat.fake_libs import library
from tests.wechat.fake_world import Person, World

ADMIN = "wxid_admin01"
ROSTER = [
    {"name": "张三", "department": "财务部"},
    {"name": "李四", "department": "行政人事部"},
    {"name": "王五", "department": "销售部"},
    {"name": "赵六", "department": "销售部", "status": "departed"},
]


class VirtualTime:
    """Monotonic time that moves only when someone sleeps (throttle, backoff)."""

    def __init__(self) -> None:
        self.t = 1000.0

    def now(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.t += max(0.0, seconds)
        await asyncio.sleep(0)


async def wait_until(condition: Callable[[], object], limit: float = 30.0) -> None:
    """Poll a condition another task or thread makes true, up to a deadline."""
    try:
        async with asyncio.timeout(limit):
            while not condition():  # noqa: ASYNC110 (the state belongs to other tasks)
                await asyncio.sleep(0.01)
    except TimeoutError:
        raise AssertionError(f"not reached within {limit}s") from None


def make_config(
    groups: list[dict[str, Any]], *, wechat: dict[str, Any] | None = None, **org: Any
) -> dict[str, Any]:
    section = {"settle": 0, "count_every": "1h", "reconnect_every": 0.01, "backoff": 0}
    return {
        "org": {"name": "示例实业", "bot": "群管家", "admins": [ADMIN], "roster": ROSTER, **org},
        "groups": groups,
        "wechat": {**section, **(wechat or {})},
    }


class Harness:
    """The app on a virtual wall clock (a working-day morning, outside the default quiet
    hours, whatever the hour the suite runs at) and virtual monotonic time."""

    def __init__(self, world: World, lib: str, config: dict[str, Any], tmp: Path) -> None:
        self.world, self.time, self.clock = world, VirtualTime(), VirtualClock(T0)
        self.config = StrictOrgConfig.model_validate(config)
        settings = load_settings(database_url=f"sqlite://{tmp / 'wx.sqlite3'}", data_dir=tmp)
        self.app, self.adapter = build(
            settings,
            self.config,
            module=library(lib, world),
            clock=self.clock,
            now=self.time.now,
            sleep=self.time.sleep,
            init=None,
        )
        self.seen: list[MessageEvent] = []

    async def _record(self, group: Any, event: MessageEvent) -> None:
        self.seen.append(event)

    async def __aenter__(self) -> Harness:
        roster = [EmployeeIn.model_validate(e) for e in self.config.org.roster or []]
        await self.app.start(roster)
        self.app.engine.message_handlers.append(self._record)
        self.task = asyncio.create_task(self.adapter.run())
        adapter = self.adapter
        await wait_until(lambda: self.task.done() or (adapter.conn.up and adapter.listened))
        if self.task.done():
            self.task.result()  # the adapter died starting: its error, here
        await self.settle()
        return self

    async def settle(self) -> None:
        """Everything posted so far is delivered and handled."""
        for _ in range(3):
            await asyncio.to_thread(self.world.settle)
            await asyncio.sleep(0)
            await self.adapter.drain()

    async def __aexit__(self, *exc: object) -> None:
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)
        self.adapter.close()
        await self.app.stop()

    async def records(self, **filters: Any) -> list[ActionRecord]:
        return await ActionRecord.filter(**filters).order_by("id")


def people() -> list[Person]:
    return [
        Person("财务部-张三", "wxid_zhangsan"),
        Person("李四", ADMIN),
        Person("王五", "wxid_wangwu"),
        Person("陌生人", "wxid_stranger"),
    ]


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def harness(world: World, tmp_path: Path):
    def make(lib: str = "wxautox", config: dict[str, Any] | None = None) -> Harness:
        if config is None:
            config = make_config([{"name": "工作群", "admins": []}])
        return Harness(world, lib, config, tmp_path)

    return make


@pytest.fixture
async def running(world: World, harness) -> AsyncIterator[Harness]:
    world.add_group("工作群", people())
    async with harness() as h:
        yield h
