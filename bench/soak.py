"""`qunguan bench soak`: memory over time. N messages through the content check and its
counters (memory counters, as an instance without Redis runs), each with a message key of its
own (so each leaves a judge-once claim, as the engine's messages do), 200 ms apart on the
clock: a million messages are 55 hours of chat. A pool of messages from the `bench rules`
stream is cycled, so the stream itself takes no more memory as N grows. The process's resident
memory is read at the start (rules compiled, pool built), every tenth of the way, and at the
end, with the counter keys alive at each point.
"""

from __future__ import annotations

import asyncio
import os
import time
from datetime import timedelta
from typing import Any

from bench.corpus import START, Stream, dictionary, keywords
from bench.rules import GROUPS, SENDERS_PER_GROUP, groups
from bot.core.members import MemberView
from bot.services.moderation import ContentCheck
from bot.storage.counters import MemoryCounters

POOL = 20_000
STEP = timedelta(milliseconds=200)


def rss_mb() -> float:
    """Resident memory now (not the peak), from /proc."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def keys(counters: MemoryCounters) -> int:
    """Keys alive. (Counters before issue 14 have no `size`: their dicts are counted, so the
    same benchmark measures the code before and after side by side.)"""
    try:
        return counters.size()
    except AttributeError:
        return len(counters._claims) + len(counters._windows)


async def soak(n_messages: int, n_keywords: int, seed: int) -> dict[str, Any]:
    """Run the benchmark; the dict is what `--json` prints."""
    words = dictionary()
    banned = keywords(words, n_keywords, seed)
    pool = Stream(words, banned, seed + 1).messages(
        min(POOL, n_messages), GROUPS * SENDERS_PER_GROUP
    )
    clock = [0.0]  # the store's clock (seconds) runs with the messages' (55 hours in a minute)
    try:
        counters = MemoryCounters(monotonic=lambda: clock[0])
    except TypeError:  # the counters before issue 14 (they never expire anything)
        counters = MemoryCounters()
    check = ContentCheck(counters)
    runtimes = groups(banned)
    members = [MemberView(f"member{i}") for i in range(GROUPS * SENDERS_PER_GROUP)]
    for group in runtimes:
        check.rules(group)
    start_mb, points, fired = rss_mb(), [], 0
    tenth = max(1, n_messages // 10)
    started = time.perf_counter()
    for i in range(n_messages):
        msg = pool[i % len(pool)]
        at = START + STEP * i
        clock[0] = i * STEP.total_seconds()
        group = runtimes[msg.sender % GROUPS]
        verdict = await check.check(
            group, members[msg.sender], msg.text, msg.kind, at, message_key=f"m{i}"
        )
        fired += verdict is not None
        if (i + 1) % tenth == 0:
            points.append({"messages": i + 1, "rss_mb": rss_mb(), "keys": keys(counters)})
    elapsed = time.perf_counter() - started
    return {
        "messages": n_messages,
        "keywords": n_keywords,
        "msgs_per_s": round(n_messages / elapsed),
        "elapsed_s": round(elapsed, 1),
        "fired": fired,
        "rss_start_mb": start_mb,
        "rss_end_mb": rss_mb(),
        "keys_end": keys(counters),
        "points": points,
    }


def bench_soak(n_messages: int, n_keywords: int, *, seed: int) -> dict[str, Any]:
    return asyncio.run(soak(n_messages, n_keywords, seed))
