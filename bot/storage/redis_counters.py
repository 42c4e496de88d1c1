"""Counters in Redis (`redis.asyncio`), shared by every bot instance using the same server.

Times are the injected clock's, stored as scores and values, so behaviour matches
`MemoryCounters` exactly on real and virtual time. Redis expiry is only garbage collection.
"""

from __future__ import annotations

import itertools
import os
from datetime import datetime, timedelta

from redis.asyncio import Redis

# Hold KEYS[1] until ARGV[1] + ARGV[2] (seconds) unless it is held past ARGV[1] already.
_CLAIM = """
local held = redis.call('GET', KEYS[1])
if held and tonumber(held) > tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), 'PX', ARGV[3])
return 1
"""


# Add ARGV[4] at score ARGV[1] to the window KEYS[1], drop what is older than ARGV[2], keep the
# key ARGV[3] ms, return the count. With KEYS[2], first hold it until ARGV[5] (for ARGV[6] ms),
# or return -1 if it is held past ARGV[1] already (`hit_once`). Scores stay Python's strings.
_HIT = """
if #KEYS == 2 then
  local held = redis.call('GET', KEYS[2])
  if held and tonumber(held) > tonumber(ARGV[1]) then return -1 end
  redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[6])
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return redis.call('ZCARD', KEYS[1])
"""


class RedisCounters:
    def __init__(self, url: str, *, prefix: str = "qunguan") -> None:
        self.redis = Redis.from_url(url)
        self.prefix = prefix
        self._claim = self.redis.register_script(_CLAIM)
        self._hit = self.redis.register_script(_HIT)
        self._ids = itertools.count()
        self._origin = f"{os.getpid()}-{id(self):x}"

    def _key(self, kind: str, key: str) -> str:
        return f"{self.prefix}:{kind}:{key}"

    async def claim(self, key: str, ttl: timedelta, now: datetime) -> bool:
        ttl_ms = max(1, int(ttl.total_seconds() * 1000))
        held = await self._claim(
            keys=[self._key("claim", key)],
            args=[now.timestamp(), ttl.total_seconds(), ttl_ms],
        )
        return bool(held)

    async def hit(self, key: str, window: timedelta, now: datetime) -> int:
        return int(
            await self._hit(keys=[self._key("window", key)], args=self._window(window, now))
        )

    async def hit_once(
        self, key: str, window: timedelta, now: datetime, *, once: str, once_for: timedelta
    ) -> int | None:
        args = [*self._window(window, now), repr(now.timestamp() + once_for.total_seconds())]
        args.append(max(1, int(once_for.total_seconds() * 1000)))
        keys = [self._key("window", key), self._key("claim", once)]
        count = int(await self._hit(keys=keys, args=args))
        return None if count < 0 else count

    def _window(self, window: timedelta, now: datetime) -> list[object]:
        stamp = now.timestamp()
        member = f"{stamp}:{self._origin}:{next(self._ids)}"
        keep_ms = max(1, int(window.total_seconds() * 1000))
        return [repr(stamp), repr(stamp - window.total_seconds()), keep_ms, member]

    async def close(self) -> None:
        await self.redis.aclose()
