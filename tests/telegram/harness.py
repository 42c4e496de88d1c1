"""Running the real Telegram bot (aiogram Bot + Dispatcher, long polling) against the fake
Bot API, with the real database, in the test's own event loop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from adapters.telegram.runner import TelegramBot
from bot.core.clock import Clock, VirtualClock
from bot.core.employees import EmployeeIn
from bot.core.org import OrgConfig
from bot.settings import Settings
from bot.storage.counters import Counters
from bot.storage.models import ActionRecord
from tests.telegram.fake_api import TOKEN, FakeBotAPI


def telegram_settings(
    api: FakeBotAPI, database_url: str, data_dir: Path, **telegram: Any
) -> Settings:
    """Settings as the environment would give them: the token, the fake API's URL."""
    options = {"token": TOKEN, "api_server": api.url, "chat_interval": 0.0} | telegram
    return Settings(
        _env_file=None,
        database_url=database_url,
        data_dir=data_dir,
        locale="en",
        telegram=options,
    )


async def eventually(check: Callable[[], object], limit: float = 10.0) -> None:
    """Wait until `check()` is true (the bot works concurrently with the test)."""
    async with asyncio.timeout(limit):
        while not check():  # noqa: ASYNC110 (the state belongs to other tasks, not an event)
            await asyncio.sleep(0.01)


class Running:
    """A Telegram bot polling the fake API; `settle()` waits until it handled every update."""

    def __init__(self, telegram: TelegramBot, api: FakeBotAPI) -> None:
        self.telegram = telegram
        self.api = api

    @property
    def services(self):
        return self.telegram.app.services

    async def settle(self) -> None:
        await self.api.settle()

    async def actions(self, **where: Any) -> list[dict[str, Any]]:
        """The action log (what the core asked for, with its outcome), oldest first."""
        rows = await ActionRecord.filter(**where).order_by("id")
        return [{**row.payload, "outcome": row.outcome, "detail": row.detail} for row in rows]


@asynccontextmanager
async def running(
    api: FakeBotAPI,
    settings: Settings,
    config: OrgConfig,
    roster: list[EmployeeIn],
    *,
    clock: Clock | None = None,
    counters: Counters | None = None,
) -> AsyncIterator[Running]:
    # The app's clock is virtual (the fake world's time), never the system clock.
    clock = clock or VirtualClock(api.world.now)
    telegram = TelegramBot(settings, config, clock=clock, counters=counters)
    await telegram.app.start(roster)
    task = asyncio.create_task(telegram.poll(handle_signals=False))
    try:
        await eventually(lambda: task.done() or api.called("getUpdates"))
        if task.done():
            task.result()  # the start-up failed: raise its error here
        yield Running(telegram, api)
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
        await telegram.close()
        await telegram.app.stop()
