"""Flood control of outgoing Bot API calls: pace them, and obey `retry_after`.

- Messages to one chat go one at a time, each at least `chat_interval` seconds after the
  previous one was answered (Telegram allows about one a second per chat and twenty a minute
  per group; counting from the answer keeps the spacing true where Telegram measures it).
- All calls together stay under `GLOBAL_RATE` a second.
- A "429 Too Many Requests" carries `retry_after`: every call (not just that one) waits until
  it has passed, then the refused call is made again, up to `retries` times. Hammering the API
  after a 429 is what gets a bot limited for longer.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import GetUpdates, Response, TelegramMethod
from loguru import logger

GLOBAL_RATE = 25.0  # calls a second, under Telegram's ~30 for a bot
# Calls that post into a chat and count against its message limit.
POSTING = frozenset(
    {"sendMessage", "sendDocument", "sendPhoto", "pinChatMessage", "forwardMessage"}
)


class FloodControl(BaseRequestMiddleware):
    def __init__(
        self,
        *,
        chat_interval: float = 1.0,
        retries: int = 3,
        global_rate: float = GLOBAL_RATE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.chat_interval = chat_interval
        self.retries = retries
        self.spacing = 1.0 / global_rate if global_rate > 0 else 0.0
        self._clock = clock
        self._resume_at = 0.0  # no call before this (a retry_after is running)
        self._next_any = 0.0
        self._next_in: dict[str, float] = {}
        self._chat_locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[Any],
        bot: Bot,
        method: TelegramMethod[Any],
    ) -> Response[Any]:
        chat = getattr(method, "chat_id", None)
        if chat is None or method.__api_method__ not in POSTING:
            return await self._with_retries(make_request, bot, method)
        key = str(chat)
        async with self._chat_locks[key]:
            await self._until(self._next_in.get(key, 0.0))
            try:
                return await self._with_retries(make_request, bot, method)
            finally:
                self._next_in[key] = self._clock() + self.chat_interval

    async def _with_retries(
        self, make_request: NextRequestMiddlewareType[Any], bot: Bot, method: TelegramMethod[Any]
    ) -> Response[Any]:
        attempt = 0
        while True:
            await self._pace(method)
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as exc:
                if attempt >= self.retries:
                    raise
                attempt += 1
                self._resume_at = max(self._resume_at, self._clock() + exc.retry_after)
                logger.warning(
                    "Telegram asked to wait {s}s before {m} (retry {n}/{max})",
                    s=exc.retry_after,
                    m=method.__api_method__,
                    n=attempt,
                    max=self.retries,
                )

    async def _pace(self, method: TelegramMethod[Any]) -> None:
        """Wait out a running retry_after, and take a turn under the global rate. Turns are
        handed out before sleeping, so calls made at one moment queue instead of all waking
        together. Long polling is exempt from the rate: it is not a burst."""
        turn = max(self._clock(), self._resume_at)
        if not isinstance(method, GetUpdates):
            turn = max(turn, self._next_any)
            self._next_any = turn + self.spacing
        await self._until(turn)

    async def _until(self, moment: float) -> None:
        delay = moment - self._clock()
        if delay > 0:
            await asyncio.sleep(delay)
