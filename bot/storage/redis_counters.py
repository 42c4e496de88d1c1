"""Counters in Redis (`redis.asyncio`), shared by every bot instance using the same server.

Times are the injected clock's, stored as scores and values, so behaviour matches
`MemoryCounters` exactly on real and virtual time. Redis expiry is only garbage collection.
"""

from __future__ import annotations

import itertools
import os
from datetime import datetime, timedelta

from redis.asyncio import Redis

from bot.core.causes import next_token

# Hold KEYS[1] until ARGV[1] + ARGV[2] (seconds) unless someone other than the owner ARGV[4]
# ("" for nobody in particular) holds it past ARGV[1] already. The value is "until|owner".
_CLAIM = """
local held = redis.call('GET', KEYS[1])
if held then
  local bar = string.find(held, '|', 1, true)
  local expiry = tonumber(bar and string.sub(held, 1, bar - 1) or held)
  local owner = bar and string.sub(held, bar + 1) or ''
  if expiry > tonumber(ARGV[1]) and (ARGV[4] == '' or owner ~= ARGV[4]) then return 0 end
end
local expiry = tonumber(ARGV[1]) + tonumber(ARGV[2])
redis.call('SET', KEYS[1], expiry .. '|' .. ARGV[4], 'PX', ARGV[3])
return 1
"""


class RedisCounters:
    def __init__(self, url: str, *, prefix: str = "qunguan") -> None:
        self.redis = Redis.from_url(url)
        self.prefix = prefix
        self._claim = self.redis.register_script(_CLAIM)
        self._ids = itertools.count()
        self._origin = f"{os.getpid()}-{id(self):x}"

    def _key(self, kind: str, key: str) -> str:
        return f"{self.prefix}:{kind}:{key}"

    async def claim(self, key: str, ttl: timedelta, now: datetime) -> bool:
        ttl_ms = max(1, int(ttl.total_seconds() * 1000))
        held = await self._claim(
            keys=[self._key("claim", key)],
            args=[now.timestamp(), ttl.total_seconds(), ttl_ms, next_token("claim") or ""],
        )
        return bool(held)

    async def hit(self, key: str, window: timedelta, now: datetime) -> int:
        redis_key = self._key("window", key)
        stamp = now.timestamp()
        # A cause's own hit has a stable member, so counting it again changes nothing.
        member = next_token("hit") or f"{stamp}:{self._origin}:{next(self._ids)}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.zadd(redis_key, {member: stamp})
            pipe.zremrangebyscore(redis_key, "-inf", stamp - window.total_seconds())
            pipe.zcard(redis_key)
            pipe.pexpire(redis_key, max(1, int(window.total_seconds() * 1000)))
            _, _, count, _ = await pipe.execute()
        return int(count)

    async def close(self) -> None:
        await self.redis.aclose()
