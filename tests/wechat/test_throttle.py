"""The throttle's pacing, on a virtual clock."""

from __future__ import annotations

import itertools

from adapters.wechat.throttle import Limits, Throttle
from tests import seeds
from tests.wechat.conftest import VirtualTime


async def test_pacing_holds_over_a_burst_across_chats() -> None:
    clock = VirtualTime()
    throttle = Throttle(Limits(40, 1.0, 3.0), now=clock.now, sleep=clock.sleep)
    rng = seeds.rng("throttle burst")
    sent: list[tuple[float, str]] = []
    for _ in range(300):
        chat = rng.choice(["a", "a", "a", "b", "c"])
        await throttle.turn(chat)
        sent.append((clock.now(), chat))
    for (t0, c0), (t1, c1) in itertools.pairwise(sent):
        assert t1 - t0 >= (1.0 if c0 == c1 else 3.0) - 1e-9
    times = [t for t, _ in sent]
    for i, t in enumerate(times):
        assert sum(1 for u in times[i:] if u < t + 60.0) <= 40
    # the per-minute cap is what binds for same-chat bursts: 300 sends need about 7.5 minutes
    assert times[-1] - times[0] >= 299 * 60.0 / 40 * 0.9


async def test_no_wait_when_spaced_out() -> None:
    clock = VirtualTime()
    throttle = Throttle(Limits(), now=clock.now, sleep=clock.sleep)
    await throttle.turn("a")
    clock.t += 5
    spaced = clock.now()
    await throttle.turn("b")
    assert clock.now() == spaced  # the throttle did not sleep
