"""The aiogram Bot for the settings: Bot API server, flood control, and a first call that
turns a bad token or an unreachable server into one clear error."""

from __future__ import annotations

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError
from aiogram.types import User
from aiogram.utils.token import TokenValidationError

from adapters.telegram.flood import FloodControl
from bot.core.errors import ConfigError
from bot.settings import TelegramSettings


def make_bot(settings: TelegramSettings) -> Bot:
    """A Bot on the configured API server, its calls paced and 429s obeyed."""
    if settings.token is None or not settings.token.get_secret_value():
        raise ConfigError("setting TELEGRAM__TOKEN", "required: the token BotFather gave the bot")
    session = AiohttpSession(api=TelegramAPIServer.from_base(settings.api_server))
    session.middleware(
        FloodControl(chat_interval=settings.chat_interval, retries=settings.max_retries)
    )
    try:
        return Bot(settings.token.get_secret_value(), session=session)
    except TokenValidationError:
        raise ConfigError(
            "setting TELEGRAM__TOKEN", "expected a token like 123456789:AAE… (from BotFather)"
        ) from None


async def whoami(bot: Bot, settings: TelegramSettings) -> User:
    """getMe: the bot's own account, or a ConfigError saying why Telegram cannot be used."""
    try:
        return await bot.get_me()
    except TelegramUnauthorizedError:
        raise ConfigError("setting TELEGRAM__TOKEN", "Telegram rejected the token") from None
    except TelegramNetworkError as exc:
        raise ConfigError(
            "setting TELEGRAM__API_SERVER",
            f"cannot reach the Bot API at {settings.api_server}: {exc.message}",
        ) from None
