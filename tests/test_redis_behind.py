"""Flood hits counted in a mirror and written behind to the real Redis
(bot.storage.redis_behind): what reaches Redis when, and what a restart sees."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import timedelta

import pytest
from redis.asyncio import Redis

from bot.core.causes import caused_by
from bot.storage import redis_behind
from bot.storage.redis_counters import RedisCounters
from tests.conftest import REDIS_URL, T0

pytestmark = pytest.mark.redis

S = timedelta(seconds=1)
DAY = timedelta(days=1)


async def _in_redis(prefix: str, window: str) -> int:
    client = Redis.from_url(REDIS_URL)
    try:
        return int(await client.zcard(f"{prefix}:window:{window}"))
    finally:
        await client.aclose()


def _hit(store: RedisCounters, event: str, at: int) -> Awaitable[int | None]:
    return store.hit_once("w", 60 * S, T0 + at * S, once=event, once_for=DAY)


async def test_hits_wait_in_the_mirror_until_a_claim_or_close(redis_prefix: str) -> None:
    store = RedisCounters(REDIS_URL, prefix=redis_prefix)
    try:
        assert [await _hit(store, f"m{i}", i) for i in range(3)] == [1, 2, 3]
        assert await _in_redis(redis_prefix, "w") == 0  # queued, not sent
        assert await store.claim("fired", 60 * S, T0 + 3 * S)  # a claim sends them first
        assert await _in_redis(redis_prefix, "w") == 3
        assert await _hit(store, "m3", 4) == 4
    finally:
        await store.close()
    assert await _in_redis(redis_prefix, "w") == 4  # close sends the rest


async def test_a_full_batch_is_sent_at_once(redis_prefix: str) -> None:
    store = RedisCounters(REDIS_URL, prefix=redis_prefix)
    try:
        for i in range(redis_behind.BATCH):
            await store.hit_once("w", DAY, T0 + i * S, once=f"m{i}", once_for=DAY)
        assert await _in_redis(redis_prefix, "w") == redis_behind.BATCH
    finally:
        await store.close()


async def test_a_lone_hit_is_sent_soon(redis_prefix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(redis_behind, "FLUSH_AFTER", 0)
    store = RedisCounters(REDIS_URL, prefix=redis_prefix)
    try:
        await _hit(store, "m1", 0)
        for _ in range(10):  # the timer fires on a coming turn of the loop
            if store.flusher._tasks:
                break
            await asyncio.sleep(0)
        await asyncio.gather(*store.flusher._tasks)
        assert await _in_redis(redis_prefix, "w") == 1
    finally:
        await store.close()


async def test_a_restart_reads_the_windows_and_counts_a_redelivered_message_once(
    redis_prefix: str,
) -> None:
    first = RedisCounters(REDIS_URL, prefix=redis_prefix)
    for i in range(3):
        with caused_by(f"MessageEvent:g:m{i}"):
            assert await _hit(first, f"m{i}", i) == i + 1
    await first.close()
    again = RedisCounters(REDIS_URL, prefix=redis_prefix)  # the next process
    try:
        with caused_by("MessageEvent:g:m2"):  # delivered again: its hit is already there
            assert await _hit(again, "m2", 2) == 3
        with caused_by("MessageEvent:g:m3"):
            assert await _hit(again, "m3", 3) == 4
        assert await _hit(again, "m4", 61) == 3  # m0 and m1 left the window: m2, m3, m4
    finally:
        await again.close()


async def test_a_crash_loses_only_the_queued_hits(redis_prefix: str) -> None:
    crashed = RedisCounters(REDIS_URL, prefix=redis_prefix)
    assert await _hit(crashed, "m0", 0) == 1
    await crashed.claim("fired", 60 * S, T0)  # m0 is in Redis from here
    assert await _hit(crashed, "m1", 1) == 2  # queued when the process dies
    crashed.flusher.take()  # the process dies: its queue (and its timer) with it
    await crashed.redis.aclose()
    after = RedisCounters(REDIS_URL, prefix=redis_prefix)
    try:
        assert await _hit(after, "m2", 2) == 2  # m0 and m2: m1's hit was lost
    finally:
        await after.close()


async def test_the_mirror_forgets_what_expired(redis_prefix: str) -> None:
    store = RedisCounters(REDIS_URL, prefix=redis_prefix)
    try:
        await store.hit_once("a", 10 * S, T0, once="m1", once_for=60 * S)
        await store.hit_once("b", 10 * S, T0 + 50 * S, once="m2", once_for=60 * S)
        store.mirror.sweep((T0 + 70 * S).timestamp())
        assert list(store.mirror.claims) == [f"{redis_prefix}:claim:m2"]
        assert store.mirror.windows == {
            f"{redis_prefix}:window:a": {},
            f"{redis_prefix}:window:b": {},
        }
    finally:
        await store.close()


async def test_a_failed_write_behind_is_logged(monkeypatch: pytest.MonkeyPatch) -> None:
    from loguru import logger

    async def down(keys: list[str], args: list[object]) -> None:
        raise ConnectionError("redis is down")

    monkeypatch.setattr(redis_behind, "FLUSH_AFTER", 0)
    flusher = redis_behind.Flusher(redis_behind.WindowMirror(), down)
    flusher.mirror.keys, flusher.mirror.args = ["w", "c"], [1, 0, 1000, "m", "2|", 1000]
    seen: list[str] = []
    sink = logger.add(lambda m: seen.append(str(m)), level="WARNING", format="{message}")
    try:
        await flusher.queued()
        for _ in range(10):  # the timer fires on a coming turn of the loop
            if flusher._tasks:
                break
            await asyncio.sleep(0)
        await asyncio.wait(flusher._tasks)
    finally:
        logger.remove(sink)
    assert seen == ["flood hits not written to Redis: ConnectionError('redis is down')\n"]
