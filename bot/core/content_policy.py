"""The `content` section of the policy: which rule answers how, banned words and ad lures,
length, quiet hours, flooding (docs/moderation.md).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, field_validator

from bot.core import bounds
from bot.core.bounds import Count, Flag
from bot.core.sections import Duration, Section, optional_window
from bot.core.textnorm import normalise
from bot.core.timeutil import TimeWindow, parse_window
from bot.core.vocabulary import CONTENT_RULES, ContentRule

# "mute" is an extension for platforms that can restrict members (Telegram); where the
# platform cannot, it is applied as "warn".
Response = Literal["ignore", "remind", "warn", "remove", "mute"]

# Content rules in precedence order: a message fires at most the first that matches.
RULE_PRECEDENCE: tuple[ContentRule, ...] = CONTENT_RULES
DEFAULT_RULES: dict[ContentRule, Response] = {
    "banned_keyword": "warn",
    "ad": "warn",
    "flood": "warn",
    "length": "remind",
    "quiet_hours": "remind",
    "voice": "remind",
    "link": "ignore",
}

# Built-in promotion lures (content.ad_keywords). Matched after normalisation, like banned
# keywords. A policy's list extends this one; `-word` drops a built-in lure (docs/moderation.md).
BUILTIN_AD_KEYWORDS: tuple[str, ...] = (
    "加我微信",
    "加微信",
    "加v",
    "加vx",
    "加微",
    "代购",
    "优惠券",
    "刷单",
    "返利",
    "扫码领",
    "免费领取",
    "兼职日结",
    "点击领取",
    "私聊领取",
    "低价出售",
    "代理招募",
)


class FloodPolicy(Section):
    messages: Count = Field(default=8, ge=1, le=bounds.MAX_FLOOD_MESSAGES)
    seconds: Count = Field(default=30, ge=1, le=bounds.MAX_FLOOD_SECONDS)


class ContentPolicy(Section):
    banned_keywords: tuple[str, ...] = ()
    rules: dict[ContentRule, Response] = Field(default_factory=lambda: dict(DEFAULT_RULES))
    ad_keywords: tuple[str, ...] = BUILTIN_AD_KEYWORDS
    max_length: Count = Field(default=200, ge=0, le=bounds.MAX_MESSAGE_LENGTH)
    quiet_hours: Annotated[TimeWindow | None, BeforeValidator(optional_window)] = parse_window(
        "22:00-07:30"
    )
    flood: FloodPolicy = FloodPolicy()
    # Extensions for platforms that can (Telegram): how long a "mute" lasts, and whether a
    # message that fires a warn/remove/mute rule is deleted.
    mute_for: Annotated[Duration, Field(le=bounds.MAX_MUTE)] = timedelta(minutes=10)
    delete_offending: Flag = True

    @field_validator("rules", mode="before")
    @classmethod
    def _complete_rules(cls, value: object) -> object:
        if not isinstance(value, dict):
            return value
        unknown = [key for key in value if key not in DEFAULT_RULES]
        if unknown:
            raise ValueError(
                f"unknown rule {unknown[0]!r}; expected one of " + ", ".join(RULE_PRECEDENCE)
            )
        return {**DEFAULT_RULES, **value}

    @field_validator("banned_keywords", "ad_keywords", mode="before")
    @classmethod
    def _keyword_list(cls, value: object) -> object:
        if isinstance(value, str):
            raise ValueError("expected a list of words")
        if isinstance(value, list | tuple):
            if len(value) > bounds.MAX_KEYWORDS:
                raise ValueError(f"at most {bounds.MAX_KEYWORDS} keywords")
            if any(not isinstance(word, str) or not word.strip() for word in value):
                raise ValueError("every keyword must be a non-empty string")
            if any(len(word) > bounds.MAX_KEYWORD_LENGTH for word in value):
                raise ValueError(f"a keyword of at most {bounds.MAX_KEYWORD_LENGTH} characters")
        return value

    @field_validator("banned_keywords")
    @classmethod
    def _matchable(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for word in value:
            if not normalise(word):
                raise ValueError(f"keyword {word!r} has no letters or digits to match")
        return value

    @field_validator("ad_keywords")
    @classmethod
    def _known_drops(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        builtin = {normalise(word) for word in BUILTIN_AD_KEYWORDS}
        for word in value:
            dropped, key = _ad_entry(word)
            if not key:
                raise ValueError(f"keyword {word!r} has no letters or digits to match")
            if dropped and key not in builtin:
                raise ValueError(
                    f"{word!r} drops a lure that is not built in; built-in: "
                    + ", ".join(BUILTIN_AD_KEYWORDS)
                )
        return value

    @property
    def ad_lures(self) -> tuple[str, ...]:
        """The ad keywords in force: the built-in list, plus the policy's words, minus the
        built-in ones the policy drops with `-word`."""
        dropped = {key for is_drop, key in map(_ad_entry, self.ad_keywords) if is_drop}
        added = [word for word in self.ad_keywords if not _ad_entry(word)[0]]
        kept = [word for word in BUILTIN_AD_KEYWORDS if normalise(word) not in dropped]
        return tuple(dict.fromkeys([*kept, *added]))


def _ad_entry(word: str) -> tuple[bool, str]:
    """`-word` (or `－word`) drops a built-in lure; anything else adds one."""
    word = word.strip()
    if word[:1] in ("-", "－"):
        return True, normalise(word[1:])
    return False, normalise(word)
