"""A policy's content rules, compiled once and cached until the policy changes.

Only the rules whose response is not `ignore` (and that are switched on: `max_length` > 0,
`quiet_hours` set) are compiled, so an ignored rule costs nothing per message: its keywords are
not in the automaton and its check is never run.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import time, timedelta
from functools import lru_cache

from bot.core.content_policy import RULE_PRECEDENCE
from bot.core.policy import Policy
from bot.core.textmatch import Hit, KeywordMatcher
from bot.core.textnorm import normalise
from bot.core.vocabulary import ContentRule, MessageKind

KEYWORD_RULES: tuple[ContentRule, ...] = ("banned_keyword", "ad")
# An http(s) address, also when written with full-width letters (the text is NFKC'd first).
_LINK = re.compile(r"https?://\S", re.IGNORECASE)
# Characters NFKC turns into a slash: without one, a text holds no address (cheap test first).
_SLASHES = frozenset(
    chr(code)
    for low, high in ((0x2000, 0x33FF), (0xFE00, 0xFFEF))
    for code in range(low, high + 1)
    if "/" in unicodedata.normalize("NFKC", chr(code))
) | {"/"}


@lru_cache(maxsize=8)
def _matcher(banned: tuple[str, ...], ads: tuple[str, ...]) -> KeywordMatcher:
    """Groups with the same keyword lists share one automaton."""
    words = [("banned_keyword", word) for word in banned] + [("ad", word) for word in ads]
    return KeywordMatcher(words)


class CompiledRules:
    """The active content rules of one policy, in precedence order."""

    def __init__(self, policy: Policy) -> None:
        content = policy.content
        switched_off = {
            "length": content.max_length == 0,
            "quiet_hours": content.quiet_hours is None,
        }
        self.active = tuple(
            rule
            for rule in RULE_PRECEDENCE
            if policy.response(rule) != "ignore" and not switched_off.get(rule, False)
        )
        self.keyword_order = tuple(rule for rule in KEYWORD_RULES if rule in self.active)
        banned = content.banned_keywords if "banned_keyword" in self.active else ()
        ads = content.ad_lures if "ad" in self.active else ()
        self.matcher = _matcher(tuple(banned), tuple(ads)) if banned or ads else None
        self.flood = content.flood if "flood" in self.active else None
        self.flood_window = timedelta(seconds=content.flood.seconds)
        self.max_length = content.max_length
        self.quiet_hours = content.quiet_hours if "quiet_hours" in self.active else None
        # The rules after flood, each a cheap test; run in precedence order.
        tests = {
            "link": lambda text, kind, local: kind == "link" or has_link(text),
            "length": lambda text, kind, local: len(text) > self.max_length,
            "voice": lambda text, kind, local: kind == "voice",
            "quiet_hours": self._quiet,
        }
        self.later = tuple((rule, tests[rule]) for rule in self.active if rule in tests)

    @property
    def idle(self) -> bool:
        return not self.active

    def keyword_hit(self, text: str) -> Hit[ContentRule] | None:
        """banned_keyword before ad: the first keyword rule the message fires, if any."""
        if self.matcher is None:
            return None
        return self.matcher.find(normalise(text), self.keyword_order, raw=text)

    def later_rule(self, text: str, kind: MessageKind, local: time | None) -> ContentRule | None:
        """The first of link, length, voice, quiet_hours the message fires (`local`: the
        group's local time of day, needed only when quiet hours are active)."""
        for rule, fires in self.later:
            if fires(text, kind, local):
                return rule
        return None

    def _quiet(self, text: str, kind: MessageKind, local: time | None) -> bool:
        window = self.quiet_hours
        return window is not None and local is not None and window.contains(local)


def has_link(text: str) -> bool:
    """An http(s) address in the text, also written in full-width letters."""
    if _SLASHES.isdisjoint(text):
        return False
    return _LINK.search(unicodedata.normalize("NFKC", text)) is not None


class RuleBook:
    """Compiled rules per group, rebuilt when the group's policy object changes."""

    def __init__(self) -> None:
        self._by_group: dict[str, tuple[Policy, CompiledRules]] = {}

    def rules(self, code: str, policy: Policy) -> CompiledRules:
        cached = self._by_group.get(code)
        if cached is None or cached[0] is not policy:
            cached = (policy, CompiledRules(policy))
            self._by_group[code] = cached
        return cached[1]
