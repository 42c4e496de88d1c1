"""aiogram middlewares: one update at a time, and fresh administrator lists."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update
from loguru import logger


class OneAtATime(BaseMiddleware):
    """Updates are handled one after another, in the order they arrive, whatever the
    transport: the engine's rules (warning counts, bindings, cooldowns) assume it."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        update_id = event.update_id if isinstance(event, Update) else None
        async with self._lock:
            with logger.contextualize(update=update_id):
                return await handler(event, data)


class FreshAdmins(BaseMiddleware):
    """Reads a chat's administrator list again when it is older than its time to live, before
    a handler relies on it (Telegram may not have told the bot of every change)."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        runtime, group = data.get("runtime"), data.get("group")
        if runtime is not None and group is not None and runtime.admins.stale(group):
            await runtime.refresh_admins(group)
        return await handler(event, data)
