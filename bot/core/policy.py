"""The group policy: every key of the replay spec, its default, validation and merging.

Policies are written as nested mappings (``warnings: {limit: 3}``) or with dotted keys
(``warnings.limit: 3``). Org ``defaults`` are applied first, then each group's ``policy``.
"""

from __future__ import annotations

from datetime import time, timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    ValidationError,
    field_validator,
)

from bot.core import bounds
from bot.core.bounds import Count, Flag
from bot.core.content_policy import ContentPolicy, Response
from bot.core.errors import ConfigError
from bot.core.naming_template import TEMPLATE_FIELDS as TEMPLATE_FIELDS  # re-exported
from bot.core.naming_template import canonical_template
from bot.core.notice_policy import NoticePolicy
from bot.core.points_policy import PointsPolicy
from bot.core.sections import Duration, Section, optional_time
from bot.core.validation import config_error
from bot.core.vocabulary import ContentRule


class NamingPolicy(Section):
    template: str = "{department}-{name}"
    exec_bare_name: Flag = True
    after_reminders: Count = Field(default=3, ge=1, le=bounds.MAX_REMINDERS)
    # A new hire (roster `hired`) misnamed within this time is reminded, never reported.
    grace: Annotated[Duration, Field(le=bounds.MAX_GRACE)] = timedelta(days=3)

    @field_validator("template")
    @classmethod
    def _known_fields(cls, value: str) -> str:
        return canonical_template(value)


class RosterPolicy(Section):
    unknown: Literal["report", "remind", "remove"] = "report"
    departed: Literal["report", "remove"] = "remove"
    # An in-scope employee who left a group that requires them (bot.services.membership).
    leave: Literal["ignore", "report"] = "report"


class JoinPolicy(Section):
    """Who may bring people in (未经群主或管理员同意，不得擅自拉人进群)."""

    invited_by: Literal["anyone", "admins"] = "anyone"
    uninvited: Literal["report", "remove"] = "report"  # a joiner a non-admin invited


class AuditPolicy(Section):
    daily_at: Annotated[time | None, BeforeValidator(optional_time)] = time(9, 0)


class WarningsPolicy(Section):
    limit: Count = Field(default=2, ge=1, le=bounds.MAX_WARNINGS)
    action: Literal["remove", "report"] = "remove"
    expire: Annotated[Duration, Field(le=bounds.MAX_EXPIRE)] = timedelta(days=30)


class RemindPolicy(Section):
    cooldown: Annotated[Duration, Field(le=bounds.MAX_COOLDOWN)] = timedelta(hours=1)


class Policy(Section):
    """A group's effective policy (org defaults merged with the group's overrides)."""

    enforcement: Literal["enforce", "dry_run"] = "enforce"
    # In dry run, admins' own commands are still answered (an admin trying the bot must see
    # it work): privately, or in the group itself; enforcement stays dry either way.
    dry_run_replies: Literal["private", "group"] = "private"
    naming: NamingPolicy = NamingPolicy()
    roster: RosterPolicy = RosterPolicy()
    audit: AuditPolicy = AuditPolicy()
    warnings: WarningsPolicy = WarningsPolicy()
    content: ContentPolicy = ContentPolicy()
    remind: RemindPolicy = RemindPolicy()
    notice: NoticePolicy = NoticePolicy()
    join: JoinPolicy = JoinPolicy()
    points: PointsPolicy = PointsPolicy()

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
        if head in out:
            out[head] = _merge_apart(out[head], value, f"{where}.{head}")
        else:
            out[head] = value
    return out


def _merge_apart(first: Any, second: Any, where: str) -> Any:
    """Two spellings of one mapping (`warnings: {...}` and `warnings.limit: …`) merge when
    they set different keys; one key given twice, or a section given as a value, is an error."""
    if not (isinstance(first, dict) and isinstance(second, dict)):
        raise ConfigError(where, "given twice (nested and dotted); give each key once")
    merged = dict(first)
    for key, value in second.items():
        if key in merged:
            value = _merge_apart(merged[key], value, f"{where}.{key}")
        merged[key] = value
    return merged


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
