"""`qunguan bench rules`: the content check against two baselines, on one message stream.

- qunguan: the real check (`ContentCheck.check`: normalise, every rule active, flood windows
  in memory counters) on every message of the stream.
- regex_per_keyword: one compiled regex per banned keyword, searched in turn (as Marie/Rose
  style bots do), on the same normalised text.
- substring_loop: a Python `in` test per banned keyword, on the same normalised text.

The baselines only look for banned keywords, so they do less than the real check. They run
on the first messages of the same stream until a time budget is spent (they are slow at
20 000 keywords), and must flag exactly the messages the real check flags as banned_keyword.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from bench import rules_rs
from bench.corpus import Message, Stream, dictionary, keywords
from bot.core.content_policy import RULE_PRECEDENCE
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.org import GroupIn
from bot.core.policy import build_policy
from bot.core.textmatch import KeywordMatcher
from bot.core.textnorm import normalise
from bot.services.moderation import CompiledRules, ContentCheck
from bot.storage.counters import MemoryCounters

GROUPS = 10
SENDERS_PER_GROUP = 50


def groups(banned: list[str]) -> list[GroupRuntime]:
    """Ten groups with the default policy, every rule on (link too), the banned keywords."""
    policy = build_policy(
        {},
        {
            "content.banned_keywords": banned,
            "content.rules": {rule: "warn" for rule in RULE_PRECEDENCE},
        },
    )
    tz = ZoneInfo("Asia/Shanghai")
    return [GroupRuntime(GroupIn(name=f"g{i}"), policy, tz) for i in range(GROUPS)]


async def run_check(
    stream: list[Message],
    banned: list[str],
    swap: Callable[[CompiledRules, GroupRuntime], KeywordMatcher] | None = None,
) -> tuple[float, float, set[int]]:
    """(build seconds, check seconds, indexes of messages that fired banned_keyword).
    `swap`: another matcher for the compiled rules (bench.rules_rs)."""
    check = ContentCheck(MemoryCounters())
    runtimes = groups(banned)
    members = [MemberView(f"member{i}") for i in range(GROUPS * SENDERS_PER_GROUP)]
    started = time.perf_counter()
    for group in runtimes:
        check.rules(group)  # compile (the automaton is shared: same keywords)
    if swap is not None:
        other = swap(check.rules(runtimes[0]), runtimes[0])
        for group in runtimes:
            check.rules(group).matcher = other
    built = time.perf_counter() - started
    flagged: set[int] = set()
    started = time.perf_counter()
    for index, msg in enumerate(stream):
        group = runtimes[msg.sender % GROUPS]
        verdict = await check.check(group, members[msg.sender], msg.text, msg.kind, msg.at)
        if verdict is not None and verdict.rule == "banned_keyword":
            flagged.add(index)
    return built, time.perf_counter() - started, flagged


def regex_baseline(banned: list[str]) -> Callable[[str], bool]:
    """One compiled regex per keyword, tried in turn until one matches."""
    patterns = [re.compile(re.escape(normalise(word))) for word in banned]

    def banned_in(text: str) -> bool:
        clean = normalise(text)
        return any(pattern.search(clean) for pattern in patterns)

    return banned_in


def substring_baseline(banned: list[str]) -> Callable[[str], bool]:
    """`word in text` per keyword, until one is found."""
    words = [normalise(word) for word in banned]

    def banned_in(text: str) -> bool:
        clean = normalise(text)
        return any(word in clean for word in words)

    return banned_in


BASELINES = (("regex_per_keyword", regex_baseline), ("substring_loop", substring_baseline))


def run_baseline(
    stream: list[Message], banned_in: Callable[[str], bool], budget: float
) -> tuple[int, float, set[int]]:
    """(messages done, seconds, flagged indexes) over a prefix of the stream."""
    flagged: set[int] = set()
    started = time.perf_counter()
    done = 0
    for index, msg in enumerate(stream):
        if banned_in(msg.text):
            flagged.add(index)
        done = index + 1
        if done % 64 == 0 and time.perf_counter() - started > budget:
            break
    return done, time.perf_counter() - started, flagged


def bench_rules(n_keywords: int, n_messages: int, *, seed: int, budget: float) -> dict[str, Any]:
    """Run the benchmark; the dict is what `--json` prints."""
    words = dictionary()
    banned = keywords(words, n_keywords, seed)
    stream = Stream(words, banned, seed + 1).messages(n_messages, GROUPS * SENDERS_PER_GROUP)
    built, elapsed, flagged = asyncio.run(run_check(stream, banned))
    result: dict[str, Any] = {
        "keywords": n_keywords,
        "messages": n_messages,
        "msgs_per_s": round(n_messages / elapsed),
        "build_s": round(built, 3),
        "banned_flagged": len(flagged),
        "baselines": {},
        "baseline_messages": {},
    }
    agree = True
    for name, make in BASELINES:
        done, seconds, found = run_baseline(stream, make(banned), budget)
        result["baselines"][name] = round(done / seconds, 1)
        result["baseline_messages"][name] = done
        agree = agree and found == {i for i in flagged if i < done}
    result["baselines_agree"] = agree
    regex = result["baselines"]["regex_per_keyword"]
    result["ratio_vs_regex"] = round(result["msgs_per_s"] / regex, 1)
    if rules_rs.ahocorasick_rs is not None:
        side = rules_rs.compare(stream, groups(banned)[0], run_check, flagged)
        result["ahocorasick_rs"] = asyncio.run(side)
    return result
