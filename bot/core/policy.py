"""The group policy: every key of the replay spec, its default, validation and merging.

Policies are written as nested mappings (``warnings: {limit: 3}``) or with dotted keys
(``warnings.limit: 3``). Org ``defaults`` are applied first, then each group's ``policy``.
"""

from __future__ import annotations

import string
from datetime import time, timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from bot.core.errors import ConfigError
from bot.core.textnorm import normalise
from bot.core.timeutil import TimeWindow, parse_clock_time, parse_duration, parse_window
from bot.core.validation import config_error
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

TEMPLATE_FIELDS = ("name", "department", "title", "company", "phone", "phone4", "employee_no")

Duration = Annotated[timedelta, BeforeValidator(parse_duration)]


def _optional_time(value: object) -> time | None:
    return None if value in ("", None) else parse_clock_time(value)


def _optional_window(value: object) -> TimeWindow | None:
    return None if value in ("", None) else parse_window(value)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NamingPolicy(_Section):
    template: str = "{department}-{name}"
    exec_bare_name: bool = True
    after_reminders: int = Field(default=3, ge=1)

    @field_validator("template")
    @classmethod
    def _known_fields(cls, value: str) -> str:
        try:
            fields = [
                name for _, name, _, _ in string.Formatter().parse(value) if name is not None
            ]
        except ValueError as exc:
            raise ValueError(f"malformed template {value!r}: {exc}") from None
        for name in fields:
            if name not in TEMPLATE_FIELDS:
                raise ValueError(
                    f"unknown field {{{name}}}; expected one of " + ", ".join(TEMPLATE_FIELDS)
                )
        if "name" not in fields:
            raise ValueError("the template must contain {name}")
        return value


class RosterPolicy(_Section):
    unknown: Literal["report", "remind", "remove"] = "report"
    departed: Literal["report", "remove"] = "remove"


class AuditPolicy(_Section):
    daily_at: Annotated[time | None, BeforeValidator(_optional_time)] = time(9, 0)


class WarningsPolicy(_Section):
    limit: int = Field(default=2, ge=1)
    action: Literal["remove", "report"] = "remove"
    expire: Duration = timedelta(days=30)


class FloodPolicy(_Section):
    messages: int = Field(default=8, ge=1)
    seconds: int = Field(default=30, ge=1)


class ContentPolicy(_Section):
    banned_keywords: tuple[str, ...] = ()
    rules: dict[ContentRule, Response] = Field(default_factory=lambda: dict(DEFAULT_RULES))
    ad_keywords: tuple[str, ...] = BUILTIN_AD_KEYWORDS
    max_length: int = Field(default=200, ge=0)
    quiet_hours: Annotated[TimeWindow | None, BeforeValidator(_optional_window)] = parse_window(
        "22:00-07:30"
    )
    flood: FloodPolicy = FloodPolicy()
    # Extensions for platforms that can (Telegram): how long a "mute" lasts, and whether a
    # message that fires a warn/remove/mute rule is deleted.
    mute_for: Duration = timedelta(minutes=10)
    delete_offending: bool = True

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
        if isinstance(value, list | tuple) and any(
            not isinstance(word, str) or not word.strip() for word in value
        ):
            raise ValueError("every keyword must be a non-empty string")
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


class RemindPolicy(_Section):
    cooldown: Duration = timedelta(hours=1)


class Policy(_Section):
    """A group's effective policy (org defaults merged with the group's overrides)."""

    enforcement: Literal["enforce", "dry_run"] = "enforce"
    naming: NamingPolicy = NamingPolicy()
    roster: RosterPolicy = RosterPolicy()
    audit: AuditPolicy = AuditPolicy()
    warnings: WarningsPolicy = WarningsPolicy()
    content: ContentPolicy = ContentPolicy()
    remind: RemindPolicy = RemindPolicy()

    @property
    def dry_run(self) -> bool:
        return self.enforcement == "dry_run"

    def response(self, rule: ContentRule) -> Response:
        return self.content.rules.get(rule, "ignore")


def expand_dotted(raw: dict[str, Any], where: str) -> dict[str, Any]:
    """`{"warnings.limit": 3}` → `{"warnings": {"limit": 3}}`; nested input passes through."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if not isinstance(key, str):
            raise ConfigError(f"{where}.{key}", "policy keys must be strings")
        if isinstance(value, dict):
            value = expand_dotted(value, f"{where}.{key}")
        head, *rest = key.split(".")
        for part in reversed(rest):
            value = {part: value}
        if isinstance(out.get(head), dict) and isinstance(value, dict):
            out[head] = deep_merge(out[head], value)
        else:
            out[head] = value
    return out


def deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Mappings merge key by key; anything else in `override` replaces the base value."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def build_policy(
    defaults: dict[str, Any] | None,
    overrides: dict[str, Any] | None,
    *,
    defaults_at: str = "org.defaults",
    overrides_at: str = "policy",
) -> Policy:
    """Org defaults, then the group's overrides, validated; a bad value names its key."""
    base = expand_dotted(defaults or {}, defaults_at)
    try:
        Policy.model_validate(base)
    except ValidationError as exc:
        raise config_error(exc, defaults_at) from None
    merged = deep_merge(base, expand_dotted(overrides or {}, overrides_at))
    try:
        return Policy.model_validate(merged)
    except ValidationError as exc:
        raise config_error(exc, overrides_at) from None
