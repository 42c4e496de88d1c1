"""ahocorasick-rs (a maintained Rust binding) side by side with `KeywordMatcher` (issue 14,
item 5), in `qunguan bench rules`.

`RsMatcher` is `KeywordMatcher` with the automaton swapped for ahocorasick-rs: the same
normalised keys and labels, every overlapping match in the same order (by end, longest first),
and the same ranking and ASCII-boundary rule. Measured two ways on the same stream:
- match only: `find` on the same normalised text, every message, both matchers; every answer
  (label, keyword, span) compared: `disagreements` must be 0;
- end to end: the real check (`ContentCheck.check`) with its automaton swapped.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

from bench.corpus import Message
from bot.core.group import GroupRuntime
from bot.core.textmatch import Hit, KeywordMatcher, Label
from bot.core.textnorm import normalise, separators
from bot.services.moderation import CompiledRules, ContentCheck
from bot.storage.counters import MemoryCounters

try:
    import ahocorasick_rs
except ImportError:  # an optional comparison: the `bench` extra installs it
    ahocorasick_rs = None  # type: ignore[assignment]


class RsMatcher(KeywordMatcher):
    """`KeywordMatcher`'s behaviour on ahocorasick-rs (which indexes str by character)."""

    def __init__(self, keywords: Iterable[tuple[str, str]]) -> None:
        entries: dict[str, tuple[str, set[str]]] = {}
        for label, word in keywords:
            entries.setdefault(normalise(word), (word, set()))[1].add(label)
        self.values = [(word, frozenset(labels)) for word, labels in entries.values()]
        kind = ahocorasick_rs.MatchKind.Standard  # every match, overlapping ones too
        self._rs = ahocorasick_rs.AhoCorasick(list(entries), matchkind=kind)
        self.size, self.bytewise = len(entries), False

    def find(
        self, text: str, order: Sequence[Label], *, raw: str | None = None
    ) -> Hit[Label] | None:
        """As `KeywordMatcher.find`."""
        best: Hit[Label] | None = None
        best_rank = len(order)
        gaps: list[frozenset[int] | None] = []
        for index, start, stop in self._rs.find_matches_as_indexes(text, overlapping=True):
            word, labels = self.values[index]
            rank = min((order.index(lb) for lb in labels if lb in order), default=len(order))
            if rank >= best_rank:
                continue
            if self._joined(text, start, stop):
                if not gaps:
                    gaps.append(separators(raw) if raw is not None else None)
                if not gaps[0] or not self._separated(text, start, stop, gaps[0]):
                    continue
            best, best_rank = Hit(order[rank], word, start, stop), rank
            if rank == 0:
                break
        return best


def rs_rules(rules: CompiledRules, group: GroupRuntime) -> RsMatcher:
    """An `RsMatcher` with the keywords (and labels) of the group's compiled automaton."""
    content = group.policy.content
    words = [
        ("banned_keyword", w)
        for w in content.banned_keywords
        if "banned_keyword" in rules.keyword_order
    ]
    words += [("ad", w) for w in content.ad_lures if "ad" in rules.keyword_order]
    return RsMatcher(words)


# bench.rules' check (stream, banned keywords, another matcher) → (build s, check s, flagged).
RunCheck = Callable[..., Awaitable[tuple[float, float, set[int]]]]


async def compare(
    stream: list[Message], group: GroupRuntime, run_check: RunCheck, flagged: set[int]
) -> dict[str, Any]:
    """Both matchers, match only and end to end (each run twice, in turn; the best of each).
    `group`: one of the benchmark's groups; `flagged`: what the real check flagged."""
    banned = list(group.policy.content.banned_keywords)
    rules = ContentCheck(MemoryCounters()).rules(group)
    out = match_only(stream, rules, rs_rules(rules, group))
    best: dict[str, float] = {}
    agree = True
    for _ in range(2):
        for name, swap in (("pyahocorasick", None), ("ahocorasick_rs", rs_rules)):
            _, elapsed, found = await run_check(stream, banned, swap)
            best[name] = min(best.get(name, elapsed), elapsed)
            agree = agree and found == flagged
    out["end_to_end"] = {name: round(len(stream) / s) for name, s in best.items()}
    out["end_to_end_agree"] = agree
    return out


def match_only(stream: list[Message], rules: CompiledRules, rs: RsMatcher) -> dict[str, Any]:
    """Both matchers' `find` on the same normalised texts: messages per second, disagreements."""
    texts = [(normalise(m.text), m.text) for m in stream]
    order = rules.keyword_order
    out: dict[str, Any] = {}
    answers = []
    for name, matcher in (("pyahocorasick", rules.matcher), ("ahocorasick_rs", rs)):
        assert matcher is not None
        started = time.perf_counter()
        found = [matcher.find(clean, order, raw=raw) for clean, raw in texts]
        out[name] = round(len(texts) / (time.perf_counter() - started))
        answers.append(found)
    out["disagreements"] = sum(a != b for a, b in zip(*answers, strict=True))
    out["hits"] = sum(a is not None for a in answers[0])
    return out
