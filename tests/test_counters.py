"""Counters behave the same in memory and in the real Redis (the `counters` fixture runs both):
cooldown claims, sliding windows, and de-duplicated hits (`hit_once`)."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import timedelta

from bot.storage.counters import Counters
from tests.conftest import T0

S = timedelta(seconds=1)


async def test_claim_holds_for_its_ttl(counters: Counters) -> None:
    assert await counters.claim("c", 10 * S, T0)
    assert not await counters.claim("c", 10 * S, T0 + 9 * S)
    assert await counters.claim("c", 10 * S, T0 + 10 * S)  # free again at exactly the ttl
    assert await counters.claim("zero", 0 * S, T0)
    assert await counters.claim("zero", 0 * S, T0)


async def test_hit_counts_the_window(counters: Counters) -> None:
    counts = [await counters.hit("w", 10 * S, T0 + at * S) for at in (0, 3, 6, 9, 10, 13, 30)]
    # The window keeps events strictly newer than 10 s ago: at 10 s the first has left it.
    assert counts == [1, 2, 3, 4, 4, 4, 1]
    assert await counters.hit("other", 10 * S, T0) == 1


async def test_hit_once_counts_each_event_once(counters: Counters) -> None:
    def hit(event: str, at: int) -> Awaitable[int | None]:
        return counters.hit_once("w", 10 * S, T0 + at * S, once=event, once_for=60 * S)

    assert await hit("m1", 0) == 1
    assert await hit("m1", 1) is None  # the same message again: not counted
    assert await hit("m2", 2) == 2
    assert await hit("m3", 11) == 2  # m1 (0 s) left the window; m2 and m3 remain
    assert await hit("m1", 61) == 1  # m1's key was forgotten after 60 s
    # The once-key is a claim like any other.
    assert not await counters.claim("m2", 60 * S, T0 + 30 * S)


async def test_same_moment_hits_all_count(counters: Counters) -> None:
    window = timedelta(seconds=10)
    assert [await counters.hit("k", window, T0) for _ in range(3)] == [1, 2, 3]
