"""`qunguan run --adapter wechat --config FILE`: the bot on the WeChat desktop client."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Unpack

from adapters.wechat.adapter import Hooks, WeChatAdapter
from adapters.wechat.drivers import load_driver
from adapters.wechat.link import BotLink
from adapters.wechat.settings import load_section
from bot.app import App
from bot.core.clock import Clock, SystemClock
from bot.core.config_file import StrictOrgConfig
from bot.core.employees import EmployeeIn
from bot.runtime import run_app
from bot.settings import Settings
from bot.storage.counters import Counters


def build(
    settings: Settings,
    config: StrictOrgConfig,
    *,
    module: ModuleType | None = None,
    clock: Clock | None = None,
    counters: Counters | None = None,
    **hooks: Unpack[Hooks],
) -> tuple[App, WeChatAdapter]:
    """The app and its WeChat adapter (`module` stands in for the library, `hooks` for the
    time source, sleep and UI-thread set-up in tests)."""
    section = load_section(config)
    driver = load_driver(section.library, module)
    adapter = WeChatAdapter(driver, section, config, **hooks)
    app = App(
        settings=settings,
        config=config,
        platform=adapter,
        platform_name="wechat",
        clock=clock or SystemClock(),
        counters=counters,
    )
    adapter.bind(link(app))
    return app, adapter


def link(app: App) -> BotLink:
    """What the adapter needs of the app: the engine's entry points, the notifier, the
    counters and the clock."""
    return BotLink(
        handle=app.engine.handle,
        run_command=app.engine.run_command,
        needs_admin=app.engine.needs_admin,
        notify=app.services.notify,
        counters=app.services.counters,
        clock=app.clock,
    )


async def serve(
    settings: Settings,
    config: StrictOrgConfig,
    roster: list[EmployeeIn],
    *,
    config_path: Path | None = None,
) -> None:
    """Run until interrupted: connect, listen, handle, poll, reconnect."""
    app, adapter = build(settings, config)
    try:
        await run_app(app, app.clock, roster, adapter.run)
    finally:
        adapter.close()
