"""The content check: which rule, if any, one message fires.

A message fires at most one rule, the first of the precedence order (banned_keyword, ad,
flood, link, length, voice, quiet_hours). Flood counts every message of a member, including
those that fire an earlier rule, and fires once per window: not again for that member until
`flood.seconds` have passed. A message while the flood rule is held back can still fire a
later rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core.members import MemberView
from bot.core.org import GroupRuntime
from bot.services.moderation.rules import CompiledRules, RuleBook
from bot.storage.counters import Counters


@dataclass(frozen=True, slots=True)
class Verdict:
    """The rule a message fired, and the keyword that made it fire (keyword rules)."""

    rule: str
    keyword: str | None = None


class ContentCheck:
    def __init__(self, counters: Counters, book: RuleBook | None = None) -> None:
        self.counters = counters
        self.book = book or RuleBook()

    def rules(self, group: GroupRuntime) -> CompiledRules:
        return self.book.rules(group.code, group.policy)

    async def check(
        self, group: GroupRuntime, member: MemberView, text: str, kind: str, now: datetime
    ) -> Verdict | None:
        """The rule this message fires, or None. Call once per message: it counts for flood."""
        rules = self.rules(group)
        if rules.idle:
            return None
        hit = rules.keyword_hit(text)
        flooding = await self._flooding(rules, group, member, now)
        if hit is not None:
            return Verdict(hit.label, hit.keyword)
        if flooding and await self._flood_fires(rules, group, member, now):
            return Verdict("flood")
        local = now.astimezone(group.tz).time() if rules.quiet_hours is not None else None
        rule = rules.later_rule(text, kind, local)
        return Verdict(rule) if rule is not None else None

    async def _flooding(
        self, rules: CompiledRules, group: GroupRuntime, member: MemberView, now: datetime
    ) -> bool:
        if rules.flood is None:
            return False
        window = timedelta(seconds=rules.flood.seconds)
        count = await self.counters.hit(f"flood:{group.code}:{member.key}", window, now)
        return count > rules.flood.messages

    async def _flood_fires(
        self, rules: CompiledRules, group: GroupRuntime, member: MemberView, now: datetime
    ) -> bool:
        assert rules.flood is not None
        window = timedelta(seconds=rules.flood.seconds)
        return await self.counters.claim(f"flood-fired:{group.code}:{member.key}", window, now)
