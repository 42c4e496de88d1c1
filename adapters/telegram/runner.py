"""`qunguan run --adapter telegram`: the app, the preflight, then long polling (default) or a
webhook (`TELEGRAM__WEBHOOK_URL`), until a signal stops it."""

from __future__ import annotations

import adapters.telegram.requires  # noqa: F401 (first: a clear error without the extra)

# isort: split

import asyncio
import logging
from pathlib import Path

from aiogram.types import User

from adapters.telegram.adapter import TelegramAdapter
from adapters.telegram.admins import AdminCache
from adapters.telegram.config import telegram_options
from adapters.telegram.connect import make_bot, whoami
from adapters.telegram.directory import Directory
from adapters.telegram.routers import ALLOWED_UPDATES, build_dispatcher
from adapters.telegram.runtime import TelegramRuntime
from adapters.telegram.webhook import serve_webhook
from bot.app import App
from bot.core.clock import Clock, SystemClock
from bot.core.employees import EmployeeIn
from bot.core.org import OrgConfig
from bot.runtime import run_app
from bot.settings import Settings
from bot.storage.counters import Counters


class TelegramBot:
    """Everything one Telegram bot process runs, built from settings and a config."""

    def __init__(
        self,
        settings: Settings,
        config: OrgConfig,
        *,
        clock: Clock | None = None,
        counters: Counters | None = None,
        files_dir: Path | None = None,
    ) -> None:
        options = telegram_options(config)
        self.settings = settings
        self.clock = clock or SystemClock()
        self.bot = make_bot(settings.telegram)
        directory = Directory(self.bot.id)
        admins = AdminCache(self.bot, directory, settings.telegram.admins_ttl)
        self.adapter = TelegramAdapter(self.bot, directory, admins, self.clock)
        self.app = App(
            settings=settings,
            config=config,
            platform=self.adapter,
            platform_name="telegram",
            clock=self.clock,
            counters=counters,
            files_dir=files_dir,
        )
        self.runtime = TelegramRuntime(
            self.app, self.bot, self.adapter, chat_admins_command=options.chat_admins_command
        )
        self.dispatcher = build_dispatcher(self.runtime)

    async def prepare(self) -> User:
        """Who the bot is, and the preflight of every governed chat (after `app.start`)."""
        me = await whoami(self.bot, self.settings.telegram)
        await self.runtime.start(me)
        return me

    async def poll(self, *, handle_signals: bool = True) -> None:
        """Long polling. Updates are handled one by one; the next batch is asked for only when
        the last one is done, so nothing is confirmed to Telegram before it was handled."""
        await self.prepare()
        await self.bot.delete_webhook(drop_pending_updates=False)  # polling and webhooks exclude
        polling = asyncio.create_task(
            self.dispatcher.start_polling(
                self.bot,
                allowed_updates=ALLOWED_UPDATES,
                handle_as_tasks=False,
                handle_signals=handle_signals,
                close_bot_session=False,
            )
        )
        try:
            await asyncio.shield(polling)
        except asyncio.CancelledError:
            # Cancelling start_polling would leave aiogram's own polling task running; asking
            # it to stop ends both, after the update in hand is done.
            await self.dispatcher.stop_polling()
            await polling
            raise

    async def webhook(self, *, handle_signals: bool = True) -> None:
        """Webhook mode: Telegram posts updates to `TELEGRAM__WEBHOOK_URL`."""
        await self.prepare()
        await serve_webhook(
            self.bot, self.dispatcher, self.settings.telegram, handle_signals=handle_signals
        )

    async def close(self) -> None:
        """Close the HTTP session to the Bot API."""
        await self.bot.session.close()


async def serve(
    settings: Settings,
    config: OrgConfig,
    roster: list[EmployeeIn],
    *,
    config_path: Path | None = None,
) -> None:
    """Run the bot on Telegram until stopped (the `run` command's entry point)."""
    if settings.log_level not in ("TRACE", "DEBUG"):
        logging.getLogger("aiogram.event").setLevel(logging.WARNING)  # a line per update
    telegram = TelegramBot(settings, config)
    loop = telegram.webhook if settings.telegram.webhook_url else telegram.poll
    try:
        await run_app(telegram.app, telegram.clock, roster, loop)
    finally:
        await telegram.close()
