"""Counters with a lifetime: cooldowns, sliding windows, de-duplication keys.

Times come from the injected clock, never from the counter store's own timers, so the same
code runs on a replay's virtual clock and on real time. `MemoryCounters` is the embedded
default; the Redis implementation (same behaviour, shared between bot instances) lives in
`bot.storage.redis_counters`.

Under a cause (bot.core.causes) claims and hits are the cause's own: the same cause run again
after a restart gets its claim back and does not count its hit twice. Memory counters start
empty after a restart; Redis keeps them (see docs/operations.md).
"""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta
from typing import Protocol

from bot.core.causes import next_token


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
        self._claims: dict[str, tuple[datetime, str | None]] = {}
        self._windows: dict[str, deque[tuple[datetime, str | None]]] = {}

    async def claim(self, key: str, ttl: timedelta, now: datetime) -> bool:
        owner = next_token("claim")
        held = self._claims.get(key)
        if held is not None and held[0] > now and (owner is None or held[1] != owner):
            return False
        self._claims[key] = (now + ttl, owner)
        return True

    async def hit(self, key: str, window: timedelta, now: datetime) -> int:
        owner = next_token("hit")
        events = self._windows.setdefault(key, deque())
        if owner is None or all(seen != owner for _, seen in events):
            events.append((now, owner))
        horizon = now - window
        while events and events[0][0] <= horizon:
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
