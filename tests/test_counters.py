"""Counters behave the same in memory and in the real Redis, on the injected clock."""

from __future__ import annotations

from datetime import timedelta

from bot.storage.counters import Counters
from tests.conftest import T0


async def test_claim_holds_for_the_ttl(counters: Counters) -> None:
    ttl = timedelta(hours=1)
    assert await counters.claim("remind:g:m:naming", ttl, T0)
    assert not await counters.claim("remind:g:m:naming", ttl, T0 + timedelta(minutes=59))
    assert await counters.claim("remind:g:other:naming", ttl, T0)
    assert await counters.claim("remind:g:m:naming", ttl, T0 + timedelta(hours=1))


async def test_hit_counts_a_sliding_window(counters: Counters) -> None:
    window = timedelta(seconds=30)
    counts = [await counters.hit("flood:g:m", window, T0 + timedelta(seconds=s)) for s in range(5)]
    assert counts == [1, 2, 3, 4, 5]
    # 31 s after the first, the first has left the window; later ones remain.
    assert await counters.hit("flood:g:m", window, T0 + timedelta(seconds=31)) == 4
    assert await counters.hit("flood:g:m", window, T0 + timedelta(minutes=10)) == 1
    assert await counters.hit("flood:g:other", window, T0) == 1


async def test_same_moment_hits_all_count(counters: Counters) -> None:
    window = timedelta(seconds=10)
    assert [await counters.hit("k", window, T0) for _ in range(3)] == [1, 2, 3]
