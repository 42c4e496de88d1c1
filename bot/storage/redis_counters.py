"""Counters in Redis (`redis.asyncio`), shared by every bot instance using the same server.

Times are the injected clock's, stored as scores and values, so behaviour matches
`MemoryCounters` exactly on real and virtual time. Redis expiry is only garbage collection.
Under a cause (bot.core.causes) a claim has an owner and a hit a stable member, so the same
cause run again after a restart gets its claim back and does not count its hit twice.
A message's flood hit (`hit_once`) is counted in a local mirror and written behind, in
batches (bot.storage.redis_behind: what a crash can lose, what two instances see).
"""

from __future__ import annotations

import asyncio
import itertools
import os
from datetime import datetime, timedelta
from typing import Any

from redis.asyncio import Redis

from bot.core.causes import next_token
from bot.storage.redis_behind import WRITE_BEHIND, Flusher, WindowMirror

# Is KEY held past NOW by someone other than OWNER ("" for nobody in particular)? A held
# value is "until|owner".
_HELD = """
local function held_by_other(key, now, owner)
  local held = redis.call('GET', key)
  if not held then return false end
  local bar = string.find(held, '|', 1, true)
  local expiry = tonumber(bar and string.sub(held, 1, bar - 1) or held)
  local holder = bar and string.sub(held, bar + 1) or ''
  return expiry > tonumber(now) and (owner == '' or holder ~= owner)
end
"""

# Hold KEYS[1] until ARGV[1] + ARGV[2] (seconds, for ARGV[3] ms) for the owner ARGV[4], unless
# someone else holds it past ARGV[1] already.
_CLAIM = (
    _HELD
    + """
if held_by_other(KEYS[1], ARGV[1], ARGV[4]) then return 0 end
local expiry = tonumber(ARGV[1]) + tonumber(ARGV[2])
redis.call('SET', KEYS[1], expiry .. '|' .. ARGV[4], 'PX', ARGV[3])
return 1
"""
)

# Add ARGV[4] at score ARGV[1] to the window KEYS[1], drop what is older than ARGV[2], keep the
# key ARGV[3] ms, return the count. (`hit_once`, a message's hit with its judge-once claim,
# is decided in the mirror and written behind: bot.storage.redis_behind.)
_HIT = """
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return redis.call('ZCARD', KEYS[1])
"""


def _ms(span: timedelta) -> int:
    return max(1, int(span.total_seconds() * 1000))


class RedisCounters:
    def __init__(self, url: str, *, prefix: str = "qunguan") -> None:
        self.redis = Redis.from_url(url)
        self.prefix = prefix
        self._claim = self.redis.register_script(_CLAIM)
        self._hit = self.redis.register_script(_HIT)
        self._loading = asyncio.Lock()
        self._behind = self.redis.register_script(WRITE_BEHIND)
        self.mirror = WindowMirror()
        self.flusher = Flusher(self.mirror, self._send)
        self._ids = itertools.count()
        self._origin = f"{os.getpid()}-{id(self):x}"

    def _key(self, kind: str, key: str) -> str:
        return f"{self.prefix}:{kind}:{key}"

    async def claim(self, key: str, ttl: timedelta, now: datetime) -> bool:
        owner = next_token("claim") or ""
        args: list[str | int] = [repr(now.timestamp()), repr(ttl.total_seconds()), _ms(ttl), owner]
        keys = [self._key("claim", key)]
        queued, queued_args = self.flusher.take()
        if not queued:
            return bool(await self._claim(keys=keys, args=args))
        # Every hit counted before goes first, in the same round trip: a rule that fires (the
        # flood's claim) and every cooldown see them.
        async with self.redis.pipeline(transaction=False) as pipe:
            await self._behind(keys=queued, args=queued_args, client=pipe)
            await self._claim(keys=keys, args=args, client=pipe)
            _, held = await pipe.execute()
        return bool(held)

    async def hit(self, key: str, window: timedelta, now: datetime) -> int:
        await self.flusher.flush()
        args = self._window(window, now)
        return int(await self._hit(keys=[self._key("window", key)], args=args))

    async def hit_once(
        self, key: str, window: timedelta, now: datetime, *, once: str, once_for: timedelta
    ) -> int | None:
        owner = next_token("claim") or ""
        args = [*self._window(window, now), repr(now.timestamp() + once_for.total_seconds())]
        args += [_ms(once_for), owner]
        keys = [self._key("window", key), self._key("claim", once)]
        if not self.mirror.complete:
            async with self._loading:
                if not self.mirror.complete:
                    await self._preload()
        count = self.mirror.hit(keys, args)  # written behind (bot.storage.redis_behind)
        await self.flusher.queued()
        return count

    async def _preload(self) -> None:
        """The windows alive in Redis, read once (SCAN, then pipelined ZRANGEs): from then on
        the mirror is this process's view of them. Few are alive: a window expires with its
        last hit."""
        found = [key async for key in self.redis.scan_iter(self._key("window", "*"), 1000)]
        for start in range(0, len(found), 500):
            chunk = found[start : start + 500]
            async with self.redis.pipeline(transaction=False) as pipe:
                for key in chunk:
                    pipe.zrange(key, 0, -1, withscores=True)
                windows = await pipe.execute()
            for key, pairs in zip(chunk, windows, strict=True):
                self.mirror.load(key.decode(), pairs)
        self.mirror.complete = True

    async def _send(self, keys: list[str], args: list[Any]) -> None:
        await self._behind(keys=keys, args=args)

    def _window(self, window: timedelta, now: datetime) -> list[str | int]:
        stamp = now.timestamp()
        # A cause's own hit has a stable member, so counting it again changes nothing.
        member = next_token("hit") or f"{stamp}:{self._origin}:{next(self._ids)}"
        return [repr(stamp), repr(stamp - window.total_seconds()), _ms(window), member]

    async def close(self) -> None:
        await self.flusher.drain()
        await self.redis.aclose()
