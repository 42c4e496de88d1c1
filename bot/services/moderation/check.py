"""The content check: which rule, if any, one message fires.

A message fires at most one rule, the first of the precedence order (banned_keyword, ad,
flood, link, length, voice, quiet_hours). Flood counts every message of a member, including
those that fire an earlier rule, and fires once per window: not again for that member until
`flood.seconds` have passed. A message while the flood rule is held back can still fire a
later rule.

Given the message's platform key, the check also makes sure each message is judged once: an
event delivered again (a restart, a platform re-reading history) is not counted or judged
twice. Counting and that check are one round trip to the counters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.vocabulary import ContentRule, MessageKind
from bot.services import counter_keys
from bot.services.moderation.rules import CompiledRules, RuleBook
from bot.storage.counters import Counters

# How long a message key is remembered, to judge each message once.
SEEN_FOR = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The rule a message fired, and the keyword that made it fire (keyword rules)."""

    rule: ContentRule
    keyword: str | None = None


class ContentCheck:
    def __init__(self, counters: Counters, book: RuleBook | None = None) -> None:
        self.counters = counters
        self.book = book or RuleBook()

    def rules(self, group: GroupRuntime) -> CompiledRules:
        return self.book.rules(group.code, group.policy)

    async def check(
        self,
        group: GroupRuntime,
        member: MemberView,
        text: str,
        kind: MessageKind,
        now: datetime,
        *,
        message_key: str | None = None,
    ) -> Verdict | None:
        """The rule this message fires, or None (also for a message judged already)."""
        rules = self.rules(group)
        if rules.idle:
            return None
        count = await self._count(rules, group, member, now, message_key)
        if count is None:
            return None  # judged already
        hit = rules.keyword_hit(text)
        if hit is not None:
            return Verdict(hit.label, hit.keyword)
        flood = rules.flood
        if flood is not None and count > flood.messages:
            fired = counter_keys.flood_fired(group.code, member)
            if await self.counters.claim(fired, rules.flood_window, now):
                return Verdict("flood")
        local = now.astimezone(group.tz).time() if rules.quiet_hours is not None else None
        rule = rules.later_rule(text, kind, local)
        return Verdict(rule) if rule is not None else None

    async def _count(
        self,
        rules: CompiledRules,
        group: GroupRuntime,
        member: MemberView,
        now: datetime,
        message_key: str | None,
    ) -> int | None:
        """The member's messages in the flood window (0 when flood is off); None if the
        message was judged already."""
        seen = None if message_key is None else counter_keys.message_seen(group.code, message_key)
        if rules.flood is None:
            if seen is not None and not await self.counters.claim(seen, SEEN_FOR, now):
                return None
            return 0
        key = counter_keys.flood_window(group.code, member)
        if seen is None:
            return await self.counters.hit(key, rules.flood_window, now)
        return await self.counters.hit_once(
            key, rules.flood_window, now, once=seen, once_for=SEEN_FOR
        )
