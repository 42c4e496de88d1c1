"""Memory counters forget expired keys the way Redis does (issue 14, P6): memory follows the
keys alive, not every key ever used. Times come from an injected virtual clock."""

from __future__ import annotations

from datetime import timedelta

from bot.core.clock import VirtualClock
from bot.storage.counters import MemoryCounters
from tests.conftest import T0

SECOND = timedelta(seconds=1)


async def test_expired_claims_and_windows_are_gone() -> None:
    clock, counters = VirtualClock(T0), MemoryCounters()
    for n in range(1000):
        await counters.claim(f"seen:{n}", 10 * SECOND, clock.now())
        await counters.hit(f"flood:{n % 50}", 60 * SECOND, clock.now())
        clock.set(clock.now() + SECOND / 10)
    assert len(counters) == 100 + 50  # the last 10 s of claims, every window
    clock.set(clock.now() + 61 * SECOND)
    assert await counters.claim("seen:new", 10 * SECOND, clock.now())
    assert len(counters) == 1  # everything else had expired


async def test_a_key_in_use_is_kept_until_its_own_time_is_up() -> None:
    clock, counters = VirtualClock(T0), MemoryCounters()
    start = clock.now()
    assert await counters.hit("flood", 60 * SECOND, start) == 1
    assert await counters.claim("cooldown", 30 * SECOND, start)
    assert not await counters.claim("cooldown", 30 * SECOND, start + 20 * SECOND)  # held
    # 50 s: one more event in the window; the claim has expired.
    assert await counters.hit("flood", 60 * SECOND, start + 50 * SECOND) == 2
    assert len(counters) == 1
    # 70 s: the first event left the window, the second has not.
    assert await counters.hit("other", 60 * SECOND, start + 70 * SECOND) == 1
    assert len(counters) == 2  # flood (its last event is 20 s old) and other
    assert await counters.hit("flood", 60 * SECOND, start + 70 * SECOND) == 2
    assert await counters.claim("cooldown", 30 * SECOND, start + 70 * SECOND)
    # 2 min after the last event: every key is gone.
    await counters.hit("last", SECOND, start + 200 * SECOND)
    assert len(counters) == 1
