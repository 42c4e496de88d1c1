"""The description of a company: org, roster and groups, shared by replay and production.

A replay scenario and a production config file use the same `org` and `groups` sections, so
one document describes a company for a dry run and for the real bot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from bot.core.policy import Policy, build_policy

EmployeeStatus = Literal["active", "departed"]


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One employee, as naming and matching see them."""

    id: int
    name: str
    department: str
    title: str | None = None
    phone: str | None = None
    employee_no: str | None = None
    aliases: tuple[str, ...] = ()
    exec: bool = False
    status: EmployeeStatus = "active"

    @property
    def active(self) -> bool:
        return self.status == "active"

    def brief(self) -> dict[str, str]:
        return {"name": self.name, "department": self.department}


def _text(value: object) -> object:
    """Spreadsheets and YAML turn phone numbers and ids into numbers; keep them as text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return value.strip()
    return value


# Admin ids and chat ids are often numbers in YAML (Telegram); they are text to the bot.
Text = Annotated[str, BeforeValidator(_text)]


class EmployeeIn(BaseModel):
    """A roster row as written in a scenario, a config file or a roster spreadsheet."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    department: str = Field(min_length=1)
    title: str | None = None
    phone: str | None = None
    employee_no: str | None = None
    aliases: list[str] = Field(default_factory=list)
    exec: bool = False
    status: EmployeeStatus = "active"

    @field_validator("name", "department", "title", "phone", "employee_no", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        return _text(value)

    @field_validator("title", "phone", "employee_no")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("aliases", mode="before")
    @classmethod
    def _alias_list(cls, value: object) -> object:
        if value is None:
            return []
        if isinstance(value, str):
            return [part.strip() for part in value.replace("，", ",").split(",") if part.strip()]
        return value


class Scope(BaseModel):
    """Which roster entries belong in a group: everyone, or some departments."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    departments: tuple[str, ...] | None = None

    def admits(self, entry: RosterEntry) -> bool:
        return self.departments is None or entry.department in self.departments


class GroupIn(BaseModel):
    """A governed group: its name, the bot's role, its admins, scope and policy overrides."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    id: Text | None = None  # the platform's chat id where it is not the name (Telegram)
    bot_role: Literal["owner", "admin", "member"] = "owner"
    admins: list[Text] = Field(default_factory=list)
    scope: Scope = Scope()
    policy: dict[str, Any] = Field(default_factory=dict)
    timezone: str | None = None

    @field_validator("scope", mode="before")
    @classmethod
    def _scope(cls, value: object) -> object:
        if value in (None, "all"):
            return Scope()
        if isinstance(value, str):
            raise ValueError("expected `all` or {departments: [...]}")
        return value

    @property
    def code(self) -> str:
        """How the platform names this group: its chat id where given, else its name."""
        return self.id or self.name


class OrgIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    bot: str = "群管家"
    admins: list[Text] = Field(default_factory=list)
    roster: list[EmployeeIn] | None = None
    roster_file: str | None = None
    defaults: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_roster_source(self) -> OrgIn:
        if self.roster is not None and self.roster_file is not None:
            raise ValueError("give either roster or roster_file, not both")
        return self


def check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown IANA timezone {value!r} (e.g. Asia/Shanghai)") from None
    return value


class OrgConfig(BaseModel):
    """The `timezone`, `org` and `groups` sections of a scenario or a config file."""

    model_config = ConfigDict(extra="ignore")

    timezone: str = "Asia/Shanghai"
    org: OrgIn = OrgIn()
    groups: list[GroupIn] = Field(default_factory=list)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        return check_timezone(value)

    @model_validator(mode="after")
    def _unique_groups(self) -> OrgConfig:
        seen: set[str] = set()
        for index, group in enumerate(self.groups):
            if group.code in seen:
                raise ValueError(f"groups[{index}]: group {group.code!r} is listed twice")
            seen.add(group.code)
            if group.timezone:
                check_timezone(group.timezone)
        return self


@dataclass
class GroupRuntime:
    """A group as the running bot knows it: config, effective policy, storage id."""

    config: GroupIn
    policy: Policy
    tz: ZoneInfo
    db_id: int = 0
    org_admins: frozenset[str] = field(default_factory=frozenset)
    # Trusted identities the platform itself reports as the group's administrators (Telegram's
    # administrator list, by user id); kept current by the adapter. Empty on WeChat.
    platform_admins: frozenset[str] = field(default_factory=frozenset)

    @property
    def code(self) -> str:
        return self.config.code

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def admins(self) -> frozenset[str]:
        """Trusted identities who may command here: the group's admins, the org's, and the
        administrators the platform reports (by identity, never by name)."""
        return frozenset(self.config.admins) | self.org_admins | self.platform_admins


def group_runtimes(config: OrgConfig) -> list[GroupRuntime]:
    """Build each group's effective policy (validated, errors name the key at fault)."""
    build_policy(config.org.defaults, None)  # the defaults must be valid even with no group
    out = []
    for index, group in enumerate(config.groups):
        policy = build_policy(
            config.org.defaults, group.policy, overrides_at=f"groups[{index}].policy"
        )
        out.append(
            GroupRuntime(
                config=group,
                policy=policy,
                tz=ZoneInfo(group.timezone or config.timezone),
                org_admins=frozenset(config.org.admins),
            )
        )
    return out
