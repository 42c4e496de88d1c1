"""Webhook mode: an aiohttp server Telegram posts updates to, behind the operator's TLS proxy.

Telegram is told to send one update at a time (`max_connections=1`) and to sign each with a
secret; requests without it are refused. An update is answered once handled, so one that
failed half-way is sent again, and the action log's idempotency keys keep it from acting twice.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import signal
from contextlib import suppress
from urllib.parse import urlparse

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from loguru import logger

from adapters.telegram.routers import ALLOWED_UPDATES
from bot.core.errors import ConfigError
from bot.settings import TelegramSettings

SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


def webhook_secret(value: str | None) -> str:
    """The configured secret, checked against what Telegram accepts; else a fresh one."""
    if not value:
        return secrets.token_urlsafe(32)
    if not SECRET.match(value):
        raise ConfigError(
            "setting TELEGRAM__WEBHOOK_SECRET", "expected 1-256 characters of A-Z a-z 0-9 _ -"
        )
    return value


async def serve_webhook(
    bot: Bot,
    dispatcher: Dispatcher,
    settings: TelegramSettings,
    *,
    handle_signals: bool = True,
) -> None:
    """Listen, register the webhook with Telegram, and serve until stopped or cancelled."""
    assert settings.webhook_url is not None
    configured = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    secret = webhook_secret(configured)
    app = web.Application()
    handler = SimpleRequestHandler(
        dispatcher, bot, handle_in_background=False, secret_token=secret
    )
    handler.register(app, path=urlparse(settings.webhook_url).path or "/")
    setup_application(app, dispatcher, bot=bot)
    runner = web.AppRunner(app)
    await runner.setup()
    stop = asyncio.Event()
    try:
        await web.TCPSite(runner, settings.webhook_listen, settings.webhook_port).start()
        await bot.set_webhook(
            url=settings.webhook_url,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
            max_connections=1,
        )
        logger.info(
            "webhook: listening on {host}:{port}",
            host=settings.webhook_listen,
            port=settings.webhook_port,
        )
        if handle_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                with suppress(NotImplementedError):  # not on Windows
                    loop.add_signal_handler(sig, stop.set)
        await stop.wait()
    finally:
        await runner.cleanup()
