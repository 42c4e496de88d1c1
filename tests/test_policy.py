"""The policy model: defaults, merging, dotted keys, and errors that name the key."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from bot.core.content_policy import BUILTIN_AD_KEYWORDS, DEFAULT_RULES
from bot.core.errors import ConfigError
from bot.core.policy import build_policy
from bot.core.timeutil import TimeWindow, parse_duration, parse_window


def test_defaults_are_the_spec_defaults() -> None:
    p = build_policy(None, None)
    assert p.enforcement == "enforce"
    assert p.naming.template == "{department}-{name}"
    assert p.naming.exec_bare_name is True
    assert p.naming.after_reminders == 3
    assert (p.roster.unknown, p.roster.departed) == ("report", "remove")
    assert p.audit.daily_at == time(9, 0)
    assert (p.warnings.limit, p.warnings.action) == (2, "remove")
    assert p.warnings.expire == timedelta(days=30)
    assert p.content.banned_keywords == ()
    assert p.content.rules == DEFAULT_RULES
    assert p.content.ad_keywords == BUILTIN_AD_KEYWORDS
    assert p.content.max_length == 200
    assert str(p.content.quiet_hours) == "22:00-07:30"
    assert (p.content.flood.messages, p.content.flood.seconds) == (8, 30)
    assert p.remind.cooldown == timedelta(hours=1)


def test_group_overrides_org_defaults_key_by_key() -> None:
    p = build_policy(
        {"warnings": {"limit": 3, "expire": "7d"}, "content.rules": {"link": "warn"}},
        {"warnings.limit": 5, "content": {"rules": {"voice": "ignore"}}},
    )
    assert p.warnings.limit == 5  # the group wins
    assert p.warnings.expire == timedelta(days=7)  # the org default stays
    assert p.content.rules["link"] == "warn"  # merged, not replaced
    assert p.content.rules["voice"] == "ignore"
    assert p.content.rules["ad"] == "warn"  # untouched defaults remain


def test_empty_strings_turn_audits_and_quiet_hours_off() -> None:
    p = build_policy({"audit.daily_at": ""}, {"content": {"quiet_hours": ""}})
    assert p.audit.daily_at is None
    assert p.content.quiet_hours is None


@pytest.mark.parametrize(
    ("overrides", "where"),
    [
        ({"warnings": {"limit": 0}}, "policy.warnings.limit"),
        ({"warnings.action": "ban"}, "policy.warnings.action"),
        ({"warnings.expire": "soon"}, "policy.warnings.expire"),
        ({"roster.unknown": "ignore"}, "policy.roster.unknown"),
        ({"audit.daily_at": "25:00"}, "policy.audit.daily_at"),
        ({"content.quiet_hours": "22:00"}, "policy.content.quiet_hours"),
        ({"content.rules": {"spam": "warn"}}, "policy.content.rules"),
        ({"content.rules": {"ad": "shout"}}, "policy.content.rules.ad"),
        ({"content.max_length": -1}, "policy.content.max_length"),
        ({"content.banned_keywords": "赌博"}, "policy.content.banned_keywords"),
        ({"naming.template": "{dept}-{name}"}, "policy.naming.template"),
        ({"naming.template": "{department}"}, "policy.naming.template"),
        ({"enforcement": "maybe"}, "policy.enforcement"),
        ({"nmaing": {}}, "policy.nmaing"),
    ],
)
def test_bad_values_name_their_key(overrides: dict, where: str) -> None:
    with pytest.raises(ConfigError) as caught:
        build_policy(None, overrides)
    assert caught.value.where == where
    assert "\n" not in str(caught.value)


def test_a_bad_org_default_is_reported_at_the_default() -> None:
    with pytest.raises(ConfigError) as caught:
        build_policy({"warnings": {"limit": "x"}}, None)
    assert caught.value.where == "org.defaults.warnings.limit"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("10m", 600), ("2h", 7200), ("3d", 259200), ("1h30m", 5400), (45, 45)],
)
def test_durations(text: object, seconds: int) -> None:
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "10", "10x", "m10", "1h 2", True, -5, None])
def test_bad_durations(text: object) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


def test_window_across_midnight() -> None:
    window = parse_window("22:00-07:30")
    assert window == TimeWindow(time(22), time(7, 30))
    assert window.contains(time(23, 59)) and window.contains(time(0, 0))
    assert window.contains(time(7, 29)) and not window.contains(time(7, 30))
    assert not window.contains(time(12, 0)) and not window.contains(time(21, 59))
    day = parse_window("12:00-13:00")
    assert day.contains(time(12, 30)) and not day.contains(time(13, 0))
