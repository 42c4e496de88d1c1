"""Replay scenarios: parsing and full validation before anything runs.

`load_scenario` reads the YAML, validates every key and walks the whole timeline once,
tracking who is in which group, so a file that cannot be run is rejected with one
`ConfigError` naming the key or event at fault, and nothing runs half-way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from adapters.sim.world import BOT_ID, MAX_MEMBERS
from bot.core.config_file import read_yaml
from bot.core.errors import ConfigError
from bot.core.events import MESSAGE_KINDS
from bot.core.org import EmployeeIn, GroupIn, OrgConfig, group_runtimes
from bot.core.timeutil import parse_duration
from bot.core.validation import config_error
from bot.services.roster import EDITABLE
from bot.services.roster_file import load_roster_file

Duration = Annotated[timedelta, BeforeValidator(parse_duration)]
DEFAULT_STEP = timedelta(seconds=1)


def _member_entry(value: object) -> object:
    return {"name": value} if isinstance(value, str | int) else value


class MemberIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    remark: str | None = None
    id: str | None = None
    role: Literal["owner", "admin", "member"] = "member"

    @property
    def member_id(self) -> str:
        return self.id or self.name


MemberEntry = Annotated[MemberIn, BeforeValidator(_member_entry)]


class SimGroupIn(GroupIn):
    members: list[MemberEntry] = Field(default_factory=list)


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    at: datetime | None = None
    after: Duration | None = None


class MessageIn(_Event):
    type: Literal["message"]
    group: str
    sender: str | None = None
    who: str | None = None
    text: str = ""
    kind: Literal[MESSAGE_KINDS] = "text"  # type: ignore[valid-type]


class DirectIn(_Event):
    type: Literal["direct"]
    sender: str = Field(alias="from", min_length=1)
    text: str


class JoinIn(_Event):
    type: Literal["join"]
    group: str
    member: MemberEntry
    inviter: str | None = None
    via: Literal["invite", "qrcode"] = "invite"


class RenameIn(_Event):
    type: Literal["rename"]
    group: str
    member: str | None = None
    who: str | None = None
    to: str = Field(min_length=1)


class LeaveIn(_Event):
    type: Literal["leave"]
    group: str
    member: str | None = None
    who: str | None = None


class RosterOpIn(_Event):
    type: Literal["roster"]
    op: Literal["add", "update", "depart"]
    employee: dict[str, Any]
    changes: dict[str, Any] = Field(default_factory=dict)


class TickIn(_Event):
    type: Literal["tick"]


EventIn = Annotated[
    MessageIn | DirectIn | JoinIn | RenameIn | LeaveIn | RosterOpIn | TickIn,
    Field(discriminator="type"),
]
_EVENT = TypeAdapter(EventIn)


class ScenarioIn(OrgConfig):
    model_config = ConfigDict(extra="forbid")

    start: datetime
    groups: list[SimGroupIn] = Field(default_factory=list)  # type: ignore[assignment]
    events: list[dict[str, Any]] = Field(default_factory=list)
    # Free-text keys for people reading the file.
    name: str | None = None
    title: str | None = None
    description: str | None = None

    @model_validator(mode="after")
    def _aware_start(self) -> ScenarioIn:
        if self.start.tzinfo is None:
            self.start = self.start.replace(tzinfo=ZoneInfo(self.timezone))
        return self


@dataclass
class Step:
    """One validated event, with members resolved to their hidden ids."""

    index: int
    at: datetime
    event: Any
    member_id: str | None = None


@dataclass
class Scenario:
    path: Path
    spec: ScenarioIn
    roster: list[EmployeeIn]
    steps: list[Step] = field(default_factory=list)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.spec.timezone)


def load_scenario(path: Path) -> Scenario:
    """Read and validate a scenario file; raise `ConfigError` for anything that cannot run."""
    raw = read_yaml(path)
    try:
        spec = ScenarioIn.model_validate(raw)
    except ValidationError as exc:
        raise config_error(exc) from None
    group_runtimes(spec)  # validates every policy (org defaults and each group's overrides)
    roster = _roster(spec, path)
    scenario = Scenario(path, spec, roster)
    _Timeline(scenario).walk()
    return scenario


def _roster(spec: ScenarioIn, path: Path) -> list[EmployeeIn]:
    if spec.org.roster_file:
        return load_roster_file((path.parent / spec.org.roster_file).resolve())
    return list(spec.org.roster or [])


class _Timeline:
    """Walks the events once, as the world would see them, checking every reference."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        spec = scenario.spec
        self.groups: dict[str, dict[str, str]] = {}  # group → member id → display
        for gi, group in enumerate(spec.groups):
            members = {BOT_ID: spec.org.bot}
            owners = 1 if group.bot_role == "owner" else 0
            for mi, member in enumerate(group.members):
                where = f"groups[{gi}].members[{mi}]"
                if member.member_id in members:
                    raise ConfigError(where, f"id {member.member_id!r} appears twice")
                owners += member.role == "owner"
                if owners > 1:
                    raise ConfigError(where, "a group has one owner (bot_role: owner is the bot)")
                members[member.member_id] = member.name
            if len(members) > MAX_MEMBERS:
                raise ConfigError(f"groups[{gi}].members", f"more than {MAX_MEMBERS} members")
            self.groups[group.name] = members
        self.roster = [(e.name, e.department) for e in scenario.roster]

    def walk(self) -> None:
        now = self.scenario.spec.start
        for index, raw in enumerate(self.scenario.spec.events):
            where = f"events[{index}]"
            if not isinstance(raw, dict):
                raise ConfigError(where, "expected a mapping with a type")
            try:
                event = _EVENT.validate_python(raw)
            except ValidationError as exc:
                raise config_error(exc, where) from None
            now = self._when(event, now, where)
            step = Step(index, now, event)
            step.member_id = self._check(event, where)
            self.scenario.steps.append(step)

    def _when(self, event: Any, previous: datetime, where: str) -> datetime:
        if event.at is not None and event.after is not None:
            raise ConfigError(where, "give either at or after, not both")
        if event.at is not None:
            at = event.at
            if at.tzinfo is None:
                at = at.replace(tzinfo=self.scenario.tz)
            if at < previous:
                raise ConfigError(
                    f"{where}.at",
                    f"time goes backwards: {at.isoformat()} is before {previous.isoformat()}",
                )
            return at
        return previous + (event.after if event.after is not None else DEFAULT_STEP)

    def _members(self, group: str, where: str) -> dict[str, str]:
        if group not in self.groups:
            raise ConfigError(f"{where}.group", f"unknown group {group!r}")
        return self.groups[group]

    def _resolve(self, group: str, display: str | None, who: str | None, where: str) -> str:
        members = self._members(group, where)
        if who is not None:
            if who not in members:
                raise ConfigError(f"{where}.who", f"no member with id {who!r} in {group!r}")
            return who
        if display is None:
            raise ConfigError(where, "name the member (sender/member) or give their id (who)")
        ids = [mid for mid, name in members.items() if name == display]
        if not ids:
            raise ConfigError(where, f"nobody in {group!r} shows the name {display!r}")
        if len(ids) > 1:
            raise ConfigError(where, f"{len(ids)} members show {display!r}; use who: <id>")
        return ids[0]

    def _check(self, event: Any, where: str) -> str | None:
        match event:
            case MessageIn():
                return self._resolve(event.group, event.sender, event.who, where)
            case JoinIn():
                members = self._members(event.group, where)
                member_id = event.member.member_id
                if member_id in members:
                    raise ConfigError(f"{where}.member", f"{member_id!r} is already a member")
                if len(members) >= MAX_MEMBERS:
                    raise ConfigError(where, f"{event.group!r} is full ({MAX_MEMBERS} members)")
                members[member_id] = event.member.name
                return member_id
            case RenameIn():
                member_id = self._resolve(event.group, event.member, event.who, where)
                self.groups[event.group][member_id] = event.to
                return member_id
            case LeaveIn():
                member_id = self._resolve(event.group, event.member, event.who, where)
                if member_id == BOT_ID:
                    raise ConfigError(where, "the bot's own account cannot leave")
                del self.groups[event.group][member_id]
                return member_id
            case RosterOpIn():
                self._roster_op(event, where)
        return None

    def _roster_op(self, event: RosterOpIn, where: str) -> None:
        if event.op == "add":
            try:
                employee = EmployeeIn.model_validate(event.employee)
            except ValidationError as exc:
                raise config_error(exc, f"{where}.employee") from None
            self.roster.append((employee.name, employee.department))
            return
        target = roster_target(self.roster, event.employee, f"{where}.employee")
        if event.op == "update":
            changes = update_changes(self.roster[target], event)
            unknown = sorted(set(changes) - set(EDITABLE))
            if unknown:
                raise ConfigError(f"{where}.changes.{unknown[0]}", "not a roster field")
            name = changes.get("name", self.roster[target][0])
            department = changes.get("department", self.roster[target][1])
            try:
                EmployeeIn.model_validate({**changes, "name": name, "department": department})
            except ValidationError as exc:
                raise config_error(exc, f"{where}.changes") from None
            self.roster[target] = (name, department)


def roster_target(roster: list[tuple[str, str]], employee: dict[str, Any], where: str) -> int:
    """Which roster row a roster event means: by name, with department where names repeat."""
    name = str(employee.get("name") or "").strip()
    if not name:
        raise ConfigError(f"{where}.name", "required but missing")
    department = str(employee.get("department") or "").strip()
    named = [i for i, (n, _) in enumerate(roster) if n == name]
    exact = [i for i in named if roster[i][1] == department] if department else []
    if exact:
        return exact[0]
    if not named:
        raise ConfigError(f"{where}.name", f"nobody named {name!r} is on the roster")
    if len(named) > 1:
        raise ConfigError(
            f"{where}.department", f"several employees are named {name!r}; give the department"
        )
    return named[0]


def update_changes(current: tuple[str, str], event: RosterOpIn) -> dict[str, Any]:
    """The fields an update changes: `changes`, plus any other field given in `employee`."""
    changes = {k: v for k, v in event.employee.items() if k not in ("name", "department")}
    department = str(event.employee.get("department") or "").strip()
    if department and department != current[1]:
        changes["department"] = department
    return {**changes, **event.changes}
