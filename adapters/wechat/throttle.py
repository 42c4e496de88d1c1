"""Send pacing that keeps the operator account under WeChat's bot radar.

At most `per_minute` sends in any 60 seconds, at least `same_chat` seconds between two sends
in one chat and `between_chats` seconds before a send in another chat than the last one.
Sends wait their turn in order. Time and sleep are injected so tests run on a virtual clock.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    per_minute: int = 40
    same_chat: float = 1.0
    between_chats: float = 3.0


class Throttle:
    def __init__(
        self,
        limits: Limits,
        *,
        now: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.limits = limits
        self._now = now
        self._sleep = sleep
        self._lock = asyncio.Lock()
        self._recent: deque[float] = deque()
        self._last_chat: str | None = None
        self._last_at = float("-inf")

    def earliest(self, chat: str) -> float:
        """The first moment a send to `chat` may go out."""
        gap = self.limits.same_chat if chat == self._last_chat else self.limits.between_chats
        due = self._last_at + gap
        if len(self._recent) >= self.limits.per_minute:
            due = max(due, self._recent[-self.limits.per_minute] + 60.0)
        return due

    async def turn(self, chat: str) -> None:
        """Wait until a send to `chat` is allowed, and count it as sent now."""
        async with self._lock:
            while (wait := self.earliest(chat) - self._now()) > 0:
                await self._sleep(wait)
            now = self._now()
            self._recent.append(now)
            while self._recent and self._recent[0] <= now - 60.0:
                self._recent.popleft()
            self._last_chat, self._last_at = chat, now
