"""Compiled rules and the content check, on both counter stores (memory and the real Redis)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.core.content_policy import BUILTIN_AD_KEYWORDS, RULE_PRECEDENCE
from bot.core.errors import ConfigError
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.org import GroupIn
from bot.core.policy import build_policy
from bot.core.vocabulary import MessageKind
from bot.i18n import SUPPORTED, message_ids
from bot.services.moderation import CompiledRules, ContentCheck, RuleBook
from bot.storage.counters import Counters, MemoryCounters

NOON = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai
ALICE = MemberView("小王")
BOB = MemberView("小张")


def group(name: str = "g", tz: str = "Asia/Shanghai", /, **policy: Any) -> GroupRuntime:
    return GroupRuntime(
        config=GroupIn(name=name), policy=build_policy({}, policy), tz=ZoneInfo(tz)
    )


class Recording(MemoryCounters):
    """Memory counters that count how often they are asked."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    async def claim(self, key: str, ttl: timedelta, now: datetime) -> bool:
        self.calls += 1
        return await super().claim(key, ttl, now)

    async def hit(self, key: str, window: timedelta, now: datetime) -> int:
        self.calls += 1
        return await super().hit(key, window, now)


def test_ignored_rules_are_not_compiled() -> None:
    rules = CompiledRules(
        group(
            **{"content.banned_keywords": ["赌博"], "content.rules.banned_keyword": "ignore"}
        ).policy
    )
    assert "banned_keyword" not in rules.active
    assert rules.keyword_hit("赌博") is None
    everything_off = {f"content.rules.{rule}": "ignore" for rule in RULE_PRECEDENCE}
    idle = CompiledRules(group(**everything_off).policy)
    assert idle.idle
    assert idle.matcher is None
    off = CompiledRules(group(**{"content.max_length": 0, "content.quiet_hours": ""}).policy)
    assert "length" not in off.active
    assert "quiet_hours" not in off.active


async def test_ignored_rules_cost_nothing_at_run_time() -> None:
    counters = Recording()
    check = ContentCheck(counters)
    everything_off = {f"content.rules.{rule}": "ignore" for rule in RULE_PRECEDENCE}
    g = group(**everything_off, **{"content.banned_keywords": ["赌博"]})
    for _ in range(20):
        assert await check.check(g, ALICE, "赌博加微信" * 50, "voice", NOON) is None
    assert counters.calls == 0
    # With flood on, every message is counted: one counter call each.
    flood_only = {**everything_off, "content.rules.flood": "warn"}
    await check.check(group("h", **flood_only), ALICE, "hi", "text", NOON)
    assert counters.calls == 1


def test_rules_are_cached_per_policy_and_rebuilt_when_it_changes() -> None:
    book = RuleBook()
    first = group(**{"content.banned_keywords": ["赌博"]})
    rules = book.rules("g", first.policy)
    assert book.rules("g", first.policy) is rules
    same_words = group(**{"content.banned_keywords": ["赌博"]})
    rebuilt = book.rules("g", same_words.policy)
    assert rebuilt is not rules
    assert rebuilt.matcher is rules.matcher  # the automaton is shared while the words agree
    changed = group(**{"content.banned_keywords": ["六合彩"]})
    assert book.rules("g", changed.policy).keyword_hit("六合彩") is not None
    assert book.rules("g", changed.policy).keyword_hit("赌博") is None


def test_ad_keywords_extend_the_builtin_list_and_can_drop_from_it() -> None:
    default = group().policy.content
    assert default.ad_lures == BUILTIN_AD_KEYWORDS
    custom = group(**{"content.ad_keywords": ["兼职打字", "-代购", "加 微 信"]}).policy.content
    assert "兼职打字" in custom.ad_lures
    assert "代购" not in custom.ad_lures
    assert set(BUILTIN_AD_KEYWORDS) - {"代购"} <= set(custom.ad_lures)
    rules = CompiledRules(group(**{"content.ad_keywords": ["-代购"]}).policy)
    assert rules.keyword_hit("代购正品") is None
    assert rules.keyword_hit("加我微信") is not None


@pytest.mark.parametrize(
    ("policy", "where", "message"),
    [
        ({"content.banned_keywords": ["ok", " ·· "]}, "content.banned_keywords", "no letters"),
        ({"content.ad_keywords": ["-团购"]}, "content.ad_keywords", "not built in"),
        ({"content.ad_keywords": ["-"]}, "content.ad_keywords", "no letters"),
        ({"content.ad_keywords": "加微信"}, "content.ad_keywords", "a list of words"),
        ({"content.rules": {"spam": "warn"}}, "content.rules", "unknown rule"),
        ({"content.rules.ad": "ban"}, "content.rules.ad", "'remind'"),
    ],
)
def test_bad_content_settings_name_the_key(policy: dict, where: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        build_policy({}, policy)
    assert where in caught.value.where
    assert message in caught.value.message


def test_every_rule_has_a_reminder_in_both_locales() -> None:
    for locale in SUPPORTED:
        keys = message_ids(locale)
        missing = [r for r in RULE_PRECEDENCE if f"moderation-remind-{r}" not in keys]
        assert missing == [], locale
        assert "moderation-muted" in keys


async def test_precedence_one_rule_per_message(counters: Counters) -> None:
    check = ContentCheck(counters)
    everything_remind = {f"content.rules.{rule}": "remind" for rule in RULE_PRECEDENCE}
    g = group(
        **everything_remind, **{"content.banned_keywords": ["赌博"], "content.max_length": 5}
    )
    night = NOON + timedelta(hours=11)  # 23:00 in Shanghai
    cases: list[tuple[str, MessageKind, str]] = [
        ("赌博 加微信 http://x.cn 很长很长很长", "text", "banned_keyword"),
        ("加微信 http://x.cn 很长很长很长", "voice", "ad"),
        ("http://x.cn 很长很长很长", "voice", "link"),
        ("很长很长很长", "voice", "length"),
        ("", "voice", "voice"),
        ("好", "text", "quiet_hours"),
    ]
    for i, (text, kind, rule) in enumerate(cases):
        member = MemberView(f"m{i}")  # one message each: no flood
        verdict = await check.check(g, member, text, kind, night)
        assert verdict is not None
        assert verdict.rule == rule, text
    assert await check.check(g, MemberView("m9"), "好", "text", NOON) is None


async def test_flood_fires_once_per_window_per_member(counters: Counters) -> None:
    check = ContentCheck(counters)
    g = group(**{"content.flood": {"messages": 3, "seconds": 10}})
    fired = []
    for second in range(25):  # one message a second
        now = NOON + timedelta(seconds=second)
        verdict = await check.check(g, ALICE, "刷", "text", now)
        if verdict is not None:
            fired.append((second, verdict.rule))
        assert await check.check(g, BOB, "slow", "text", now + timedelta(minutes=second)) is None
    # The 4th message in 10 s floods (at 3 s); not again until 10 s have passed (13 s, 23 s).
    assert fired == [(3, "flood"), (13, "flood"), (23, "flood")]


async def test_flood_counts_messages_that_fire_an_earlier_rule(counters: Counters) -> None:
    check = ContentCheck(counters)
    g = group(
        **{"content.flood": {"messages": 2, "seconds": 60}, "content.banned_keywords": ["x1"]}
    )
    rules = []
    for second, text in enumerate(["x1", "x1", "x1", "ok", "ok"]):
        verdict = await check.check(g, ALICE, text, "text", NOON + timedelta(seconds=second))
        rules.append(verdict.rule if verdict else None)
    # The 3rd message floods but the banned word wins; the 4th fires flood; the 5th is held.
    assert rules == ["banned_keyword", "banned_keyword", "banned_keyword", "flood", None]


async def test_quiet_hours_in_the_groups_timezone_across_midnight(counters: Counters) -> None:
    check = ContentCheck(counters)
    shanghai, london = group("sh"), group("ldn", "Europe/London")
    expectations = [  # UTC time → (in Shanghai's quiet hours, in London's)
        (datetime(2026, 11, 23, 13, 59, tzinfo=UTC), (False, False)),  # 21:59 / 13:59
        (datetime(2026, 11, 23, 14, 0, tzinfo=UTC), (True, False)),  # 22:00 / 14:00
        (datetime(2026, 11, 23, 19, 0, tzinfo=UTC), (True, False)),  # 03:00 / 19:00
        (datetime(2026, 11, 23, 23, 29, tzinfo=UTC), (True, True)),  # 07:29 / 23:29
        (datetime(2026, 11, 23, 23, 30, tzinfo=UTC), (False, True)),  # 07:30 / 23:30
        (datetime(2026, 11, 24, 7, 30, tzinfo=UTC), (False, False)),  # 15:30 / 07:30
    ]
    for i, (moment, wanted) in enumerate(expectations):
        member = MemberView(f"m{i}")
        got = []
        for g in (shanghai, london):
            got.append(await check.check(g, member, "hi", "text", moment) is not None)
        assert tuple(got) == wanted, moment
