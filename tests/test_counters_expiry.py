"""Memory counters forget expired keys the way Redis does (issue 14, P6): memory follows the
keys alive, not every key ever used. The store's own clock is injected (here it follows the
virtual clock), as are the times callers pass."""

from __future__ import annotations

from datetime import timedelta

from bot.core.clock import VirtualClock
from bot.storage.counters import MemoryCounters
from tests.conftest import T0

SECOND = timedelta(seconds=1)


def counters_on(clock: VirtualClock) -> MemoryCounters:
    """Counters whose store clock runs with `clock`, as Redis's runs with real time."""
    return MemoryCounters(monotonic=lambda: clock.now().timestamp())


async def test_expired_claims_and_windows_are_gone() -> None:
    clock = VirtualClock(T0)
    counters = counters_on(clock)
    for n in range(1000):
        await counters.claim(f"seen:{n}", 10 * SECOND, clock.now())
        await counters.hit(f"flood:{n % 50}", 60 * SECOND, clock.now())
        clock.set(clock.now() + SECOND / 10)
    assert counters.size() == 100 + 50  # the last 10 s of claims, every window
    clock.set(clock.now() + 61 * SECOND)
    assert await counters.claim("seen:new", 10 * SECOND, clock.now())
    assert counters.size() == 1  # everything else had expired


async def test_a_key_in_use_is_kept_until_its_own_time_is_up() -> None:
    clock = VirtualClock(T0)
    counters = counters_on(clock)
    start = clock.now()
    assert await counters.hit("flood", 60 * SECOND, start) == 1
    assert await counters.claim("cooldown", 30 * SECOND, start)
    clock.set(start + 20 * SECOND)
    assert not await counters.claim("cooldown", 30 * SECOND, start + 20 * SECOND)  # held
    # 50 s: one more event in the window; the claim has expired.
    clock.set(start + 50 * SECOND)
    assert await counters.hit("flood", 60 * SECOND, start + 50 * SECOND) == 2
    assert counters.size() == 1
    # 70 s: the first event left the window, the second has not.
    clock.set(start + 70 * SECOND)
    assert await counters.hit("other", 60 * SECOND, start + 70 * SECOND) == 1
    assert counters.size() == 2  # flood (its last event is 20 s old) and other
    assert await counters.hit("flood", 60 * SECOND, start + 70 * SECOND) == 2
    assert await counters.claim("cooldown", 30 * SECOND, start + 70 * SECOND)
    # 2 min after the last event: every key is gone.
    clock.set(start + 200 * SECOND)
    await counters.hit("last", SECOND, start + 200 * SECOND)
    assert counters.size() == 1


async def test_a_key_is_kept_while_the_callers_time_says_it_lives() -> None:
    """Callers may pass times of their own (a message's timestamp): the store's clock alone
    never drops a key the caller's time still holds, so no answer changes."""
    store = [0.0]
    counters = MemoryCounters(monotonic=lambda: store[0])
    assert await counters.claim("cooldown", 30 * SECOND, T0)
    store[0] = 3600.0  # an hour on the store's clock, but the caller is still at T0 + 10 s
    assert not await counters.claim("cooldown", 30 * SECOND, T0 + 10 * SECOND)
    assert await counters.hit("other", SECOND, T0 + 10 * SECOND) == 1
    assert counters.size() == 2
    store[0] = 7200.0  # both clocks past it now
    await counters.hit("other", SECOND, T0 + 40 * SECOND)
    assert counters.size() == 1
