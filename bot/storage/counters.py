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

import heapq
import time
from collections import deque
from collections.abc import Callable
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
    """In-process counters for one bot instance.

    Keys expire the way Redis expires them: by the store's own clock (`monotonic`, seconds;
    injectable), `ttl` or `window` after they were last written, whatever the times callers
    pass. A key is dropped only when the caller's `now` agrees it has expired too, so
    answers never change, only memory: it follows the keys alive, not every key ever used.
    One heap entry per key, looked at on every call."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.monotonic = monotonic
        # key → (held until, holder, store time its lifetime runs out)
        self._claims: dict[str, tuple[datetime, str | None, float]] = {}
        # key → (events, window, store time its lifetime runs out)
        self._windows: dict[str, tuple[deque[tuple[datetime, str | None]], timedelta, float]] = {}
        self._expiry: list[tuple[float, bool, str]] = []  # (store time, is a window, key)

    def size(self) -> int:
        """Keys alive (claims and windows). Not `__len__`: empty counters must stay truthy
        (`counters or MemoryCounters()` is how callers default them)."""
        return len(self._claims) + len(self._windows)

    async def claim(self, key: str, ttl: timedelta, now: datetime) -> bool:
        self._expire(now)
        owner = next_token("claim")
        held = self._claims.get(key)
        if held is not None and held[0] > now and (owner is None or held[1] != owner):
            return False
        until = self.monotonic() + ttl.total_seconds()
        if held is None:
            heapq.heappush(self._expiry, (until, False, key))
        self._claims[key] = (now + ttl, owner, until)
        return True

    async def hit(self, key: str, window: timedelta, now: datetime) -> int:
        self._expire(now)
        owner = next_token("hit")
        until = self.monotonic() + window.total_seconds()
        known = self._windows.get(key)
        if known is None:
            heapq.heappush(self._expiry, (until, True, key))
        events: deque[tuple[datetime, str | None]] = known[0] if known else deque()
        self._windows[key] = (events, window, until)
        if owner is None or all(seen != owner for _, seen in events):
            events.append((now, owner))
        horizon = now - window
        while events and events[0][0] <= horizon:
            events.popleft()
        return len(events)

    def _expire(self, now: datetime) -> None:
        """Drop the keys whose time is up; a key written since it was queued goes back in."""
        clock = self.monotonic()
        while self._expiry and self._expiry[0][0] <= clock:
            _, is_window, key = heapq.heappop(self._expiry)
            if is_window:
                events, window, written = self._windows[key]
                ends = events[-1][0] + window if events else now
            else:
                ends, _, written = self._claims[key]
            left = max(0.0, (ends - now).total_seconds())  # by the caller's time
            until = max(written, clock + left)
            if until > clock:
                heapq.heappush(self._expiry, (until, is_window, key))
            elif is_window:
                del self._windows[key]
            else:
                del self._claims[key]

    async def hit_once(
        self, key: str, window: timedelta, now: datetime, *, once: str, once_for: timedelta
    ) -> int | None:
        if not await self.claim(once, once_for, now):
            return None
        return await self.hit(key, window, now)

    async def close(self) -> None:
        self._claims.clear()
        self._windows.clear()
        self._expiry.clear()
