"""One timeline step at a time: the simulated world changes, and the bot sees what it would.

Messages and joins reach the bot as events; renames and leaves are silent (the bot notices
them on its next member read); roster events go to the roster service, as HR's edits would.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from adapters.sim.roster_events import roster_target, update_changes
from adapters.sim.scenario_events import (
    DirectIn,
    JoinIn,
    LeaveIn,
    MessageIn,
    RenameIn,
    RosterOpIn,
    Step,
)
from adapters.sim.world import SimMember, World
from bot.core.employees import EmployeeIn
from bot.core.events import DirectEvent, Event, JoinEvent, MessageEvent
from bot.services.roster import RosterService


class Steps:
    def __init__(
        self,
        world: World,
        handle: Callable[[Event], Awaitable[None]],
        roster: RosterService,
        skipped: list[dict[str, Any]],
    ) -> None:
        self.world = world
        self.handle = handle
        self.roster = roster
        self.skipped = skipped  # the report's `skipped`: events about members already removed

    async def apply(self, step: Step) -> None:
        """Apply `step` (its event happens at `step.at`, the clock's time by now)."""
        event, at, key = step.event, step.at, f"sim:{step.index}"
        match event:
            case MessageIn():
                if (member := self._present(step, event.group)) is not None:
                    view = member.view()
                    await self.handle(
                        MessageEvent(event.group, view, event.text, event.kind, at, key)
                    )
            case JoinIn():
                m = event.member
                if self.world.groups[event.group].find(m.member_id) is not None:
                    # Only a member the bot removed may join again (same id): still here.
                    self.skipped.append({"event": step.index, "reason": "already_member"})
                    return
                member = SimMember(m.member_id, m.name, m.remark, m.role, account=m.wechat_id)
                self.world.join(event.group, member)
                await self.handle(
                    JoinEvent(event.group, member.view(), event.inviter, event.via, at, key)
                )
            case RenameIn():
                if (member := self._present(step, event.group)) is not None:
                    self.world.rename(event.group, member.id, event.to)
            case LeaveIn():
                if (member := self._present(step, event.group)) is not None:
                    self.world.leave(event.group, member.id)
            case DirectIn():
                await self.handle(DirectEvent(event.sender, event.text, at, key))
            case RosterOpIn():
                await self.roster_event(event)

    def _present(self, step: Step, group: str) -> SimMember | None:
        """The member an event is about; None (and noted) if the bot removed them earlier."""
        member = self.world.groups[group].find(step.member_id or "")
        if member is None:
            self.skipped.append({"event": step.index, "reason": "member_removed_by_bot"})
        return member

    async def roster_event(self, event: RosterOpIn) -> None:
        """HR adds, updates or departs an employee, through the roster service."""
        if event.op == "add":
            await self.roster.add(EmployeeIn.model_validate(event.employee))
            return
        entries = await self.roster.entries()
        rows = [(entry.name, entry.department) for entry in entries]
        entry = entries[roster_target(rows, event.employee, "employee")]
        if event.op == "depart":
            changes: dict[str, Any] = {"status": "departed"}
        else:
            changes = update_changes((entry.name, entry.department), event)
        await self.roster.change(entry.id, changes)
