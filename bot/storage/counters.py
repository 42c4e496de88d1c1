"""Counters with a lifetime: cooldowns, sliding windows, de-duplication keys.

Times come from the injected clock, never from the counter store's own timers, so the same
code runs on a replay's virtual clock and on real time. `MemoryCounters` is the embedded
default; the Redis implementation (same behaviour, shared between bot instances) lives in
`bot.storage.redis_counters`.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta
from typing import Protocol


class Counters(Protocol):
    async def claim(self, key: str, ttl: timedelta, now: datetime) -> bool:
        """True, and hold `key` for `ttl`, if nobody holds it now (cooldowns, dedup)."""
        ...

    async def hit(self, key: str, window: timedelta, now: datetime) -> int:
        """Record one event under `key`; return how many fell within the last `window`."""
        ...

    async def hit_once(
        self, key: str, window: timedelta, now: datetime, *, once: str, once_for: timedelta
    ) -> int | None:
        """`hit`, unless `once` is held (the event was counted already): then None, and
        nothing is recorded. Holds `once` for `once_for`. One round trip to the store."""
        ...

    async def close(self) -> None: ...


class MemoryCounters:
    """In-process counters for one bot instance."""

    def __init__(self) -> None:
        self._claims: dict[str, datetime] = {}
        self._windows: dict[str, deque[datetime]] = {}

    async def claim(self, key: str, ttl: timedelta, now: datetime) -> bool:
        until = self._claims.get(key)
        if until is not None and until > now:
            return False
        self._claims[key] = now + ttl
        return True

    async def hit(self, key: str, window: timedelta, now: datetime) -> int:
        events = self._windows.setdefault(key, deque())
        events.append(now)
        horizon = now - window
        while events and events[0] <= horizon:
            events.popleft()
        return len(events)

    async def hit_once(
        self, key: str, window: timedelta, now: datetime, *, once: str, once_for: timedelta
    ) -> int | None:
        if not await self.claim(once, once_for, now):
            return None
        return await self.hit(key, window, now)

    async def close(self) -> None:
        self._claims.clear()
        self._windows.clear()
