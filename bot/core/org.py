"""The company as configured: the `org` and `groups` sections of a scenario or a config file.

A replay scenario and a production config file use the same sections, so one document
describes a company for a dry run and for the real bot. The employees of a roster
are in bot.core.employees; a group as the running bot knows it, in bot.core.group.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    field_validator,
    model_validator,
)

from bot.core.employees import EmployeeIn, RosterEntry
from bot.core.registry import check_name_template, template_fields
from bot.core.sections import OrgSchedule, Text

# A display name (the bot's own, a group's): not blank, at most 100 characters.
DisplayName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)
]


class Scope(BaseModel):
    """Which roster entries belong in a group: everyone, or some departments."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    departments: tuple[str, ...] | None = None

    def admits(self, entry: RosterEntry) -> bool:
        return self.departments is None or entry.department in self.departments


class GroupIn(BaseModel):
    """A governed group: its name, the bot's role, its admins, scope and policy overrides."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    name: str = Field(min_length=1, max_length=100)
    id: Annotated[Text, StringConstraints(max_length=100)] | None = None  # a Telegram chat id
    # The group registry (bot.core.registry): written `code:` in the file (`code` is how the
    # platform names the group, below), owner (a remark / user id), purpose, the name
    # template, and whether every active in-scope employee must be a member.
    registry_code: Text | None = Field(default=None, alias="code", min_length=1, max_length=32)
    owner: Text | None = Field(default=None, max_length=100)
    purpose: str | None = Field(default=None, max_length=100)
    name_template: str | None = Field(default=None, max_length=200)
    required: StrictBool = False
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

    @field_validator("registry_code", mode="before")
    @classmethod
    def _quoted_code(cls, value: object) -> object:
        if isinstance(value, float):  # YAML reads 1.10 as 1.1: the code would be lost
            raise ValueError(f'write the code in quotes, e.g. "{value}" (YAML read a number)')
        return value

    @field_validator("name_template")
    @classmethod
    def _name_template(cls, value: str | None) -> str | None:
        return None if value is None else check_name_template(value)

    @model_validator(mode="after")
    def _template_has_its_fields(self) -> GroupIn:
        given = {"code": self.registry_code, "purpose": self.purpose, "company": True}
        for name in template_fields(self.name_template or ""):
            if not given[name]:
                raise ValueError(f"name_template uses {{{name}}} but the group has no {name}")
        return self

    @property
    def code(self) -> str:
        """How the platform names this group: its chat id where given, else its name."""
        return self.id or self.name


class OrgIn(OrgSchedule):
    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    bot: DisplayName = "群管家"
    admins: list[Text] = Field(default_factory=list)
    roster: list[EmployeeIn] | None = None
    roster_file: str | None = None
    defaults: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_roster_source(self) -> OrgIn:
        if self.roster is not None and self.roster_file is not None:
            raise ValueError("give either roster or roster_file, not both")
        _no_duplicates(self.roster or [])
        return self


def _no_duplicates(roster: list[EmployeeIn]) -> None:
    """docs/hr.md: the same 工号, or (without two different 工号) the same name and department,
    is the same person; listing them twice is an error on the later entry."""
    by_number: dict[str, int] = {}
    by_name: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(roster):
        key = (entry.name, entry.department)
        earlier = by_number.get(entry.employee_no or "")
        if earlier is None and key in by_name:
            first = roster[by_name[key]].employee_no
            if not (first and entry.employee_no and first != entry.employee_no):
                earlier = by_name[key]
        if earlier is not None:
            raise ValueError(f"roster[{index}] is the same employee as roster[{earlier}]")
        if entry.employee_no:
            by_number[entry.employee_no] = index
        by_name.setdefault(key, index)


def check_timezone(value: str) -> str:
    try:
        if len(value) > 64:
            raise ValueError(value)
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
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
