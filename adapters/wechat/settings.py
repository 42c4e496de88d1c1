"""The `wechat:` section of a config file: library, admin console, contacts, pacing.

Validated at start-up; a bad value is one `ConfigError` naming the key. Admins everywhere in
a WeChat config are WeChat IDs (微信号), the one identity a member cannot change or copy.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from adapters.wechat.drivers import driver_class
from adapters.wechat.throttle import Limits
from bot.core.config_file import StrictOrgConfig
from bot.core.errors import ConfigError
from bot.core.timeutil import parse_duration
from bot.core.validation import config_error

WECHAT_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{4,39}$")
Seconds = Annotated[timedelta, BeforeValidator(parse_duration)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConsoleIn(_Section):
    chat: str = Field(min_length=1)  # the console chat's name as WeChat shows it
    admins: dict[str, str] = Field(default_factory=dict)  # name shown there → WeChat ID


class ThrottleIn(_Section):
    per_minute: int = Field(default=40, ge=1, le=40)
    same_chat: Seconds = timedelta(seconds=1)
    between_chats: Seconds = timedelta(seconds=3)

    def limits(self) -> Limits:
        if self.same_chat < timedelta(seconds=1) or self.between_chats < timedelta(seconds=1):
            raise ValueError("sends must stay at least 1s apart")
        return Limits(
            self.per_minute, self.same_chat.total_seconds(), self.between_chats.total_seconds()
        )


class WeChatSection(_Section):
    library: Literal["wxautox", "wxauto4", "wxautox4"] = "wxautox"
    console: ConsoleIn | None = None
    contacts: dict[str, str] = Field(default_factory=dict)  # WeChat ID → private chat name
    throttle: ThrottleIn = ThrottleIn()
    count_every: Seconds = timedelta(seconds=60)  # cheap member-count poll per group
    members_max_age: Seconds = timedelta(seconds=30)  # a member list younger is reused
    profile_max_age: Seconds = timedelta(minutes=10)  # a WeChat ID read for a name is reused
    attempts: int = Field(default=4, ge=1, le=10)  # tries per call for transient failures
    backoff: Seconds = timedelta(milliseconds=500)  # first retry delay, doubled each time
    call_limit: Seconds = timedelta(seconds=60)  # a UI call running longer: window hung
    reconnect_every: Seconds = timedelta(seconds=30)
    settle: Seconds = timedelta(seconds=3)  # lines a newly opened window shows are history


def load_section(config: StrictOrgConfig) -> WeChatSection:
    """Validate the `wechat:` section against the rest of the config."""
    try:
        section = WeChatSection.model_validate(config.wechat or {})
    except ValidationError as exc:
        raise config_error(exc, "wechat") from None
    try:
        section.throttle.limits()
    except ValueError as exc:
        raise ConfigError("wechat.throttle", str(exc)) from None
    _check_ids(config, section)
    _check_chats(config, section)
    return section


def _check_ids(config: StrictOrgConfig, section: WeChatSection) -> None:
    places: list[tuple[str, str]] = [
        (f"org.admins[{i}]", a) for i, a in enumerate(config.org.admins)
    ]
    for g, group in enumerate(config.groups):
        places += [(f"groups[{g}].admins[{i}]", a) for i, a in enumerate(group.admins)]
    if section.console:
        places += [(f"wechat.console.admins.{k}", v) for k, v in section.console.admins.items()]
    places += [(f"wechat.contacts.{k}", k) for k in section.contacts]
    for where, value in places:
        if not WECHAT_ID.match(value):
            raise ConfigError(
                where,
                f"expected a WeChat ID (微信号, e.g. wxid_abc123 or zhang_san88), got {value!r}",
            )


def _check_chats(config: StrictOrgConfig, section: WeChatSection) -> None:
    cls = driver_class(section.library)
    chats = [g.code for g in config.groups] + list(section.contacts.values())
    if section.console:
        chats.append(section.console.chat)
        if section.console.chat in {g.code for g in config.groups}:
            raise ConfigError("wechat.console.chat", "the console must not be a governed group")
    if len(chats) > cls.max_chats:
        raise ConfigError(
            "groups",
            f"{section.library} listens to at most {cls.max_chats} chat(s); this config needs "
            f"{len(chats)} (groups, console and contacts)",
        )
