"""A scenario's timeline walked once, as the world would see it, before anything runs.

Every reference is checked on the way (groups, members by name or id, roster rows), so a
file that cannot be run is rejected with one `ConfigError` naming the event at fault.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import ValidationError

from adapters.sim.roster_events import roster_target, update_changes
from adapters.sim.scenario_events import (
    EVENT,
    AnyEvent,
    JoinIn,
    LeaveIn,
    MessageIn,
    RenameIn,
    RosterOpIn,
    Step,
)
from adapters.sim.scenario_spec import Scenario
from adapters.sim.world import BOT_ID, MAX_MEMBERS
from bot.core.bounds import check_moment
from bot.core.employees import EmployeeIn
from bot.core.errors import ConfigError
from bot.core.validation import config_error
from bot.services.roster_rows import EDITABLE

DEFAULT_STEP = timedelta(seconds=1)


class TimelineCheck:
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
                event = EVENT.validate_python(raw)
            except ValidationError as exc:
                raise config_error(exc, where, tag=raw.get("type")) from None
            now = self._when(event, now, where)
            step = Step(index, now, event)
            step.member_id = self._check(event, where)
            self.scenario.steps.append(step)

    def _when(self, event: AnyEvent, previous: datetime, where: str) -> datetime:
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
        else:
            at = previous + (event.after if event.after is not None else DEFAULT_STEP)
        try:
            check_moment(at, self.scenario.spec.start)
        except ValueError as exc:
            key = "after" if event.at is None else "at"
            raise ConfigError(f"{where}.{key}", str(exc)) from None
        return at

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

    def _check(self, event: AnyEvent, where: str) -> str | None:
        match event:
            case MessageIn():
                return self._resolve(event.group, event.sender, event.who, where)
            case JoinIn():
                members = self._members(event.group, where)
                member_id = event.member.member_id
                if member_id == BOT_ID:
                    raise ConfigError(f"{where}.member", "the bot's own account is a member")
                # A member still listed may have been removed by the bot by then: they join
                # again (spec "Identity"); if they are still there, the replay skips the join.
                if member_id not in members and len(members) >= MAX_MEMBERS:
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
            if (employee.name, employee.department) in self.roster:
                raise ConfigError(
                    f"{where}.employee",
                    f"{employee.department}-{employee.name} is already on the roster "
                    "(the same employee twice); use op: update",
                )
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
