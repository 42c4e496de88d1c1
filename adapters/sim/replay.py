"""`qunguan replay`: run the real bot on the simulator over a scenario's timeline.

The engine, commands, storage and scheduler are the production ones; only the platform
(the simulator) and the clock (virtual) differ. Each replay gets a fresh temporary database.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from adapters.sim.adapter import SimAdapter
from adapters.sim.scenario import (
    DirectIn,
    JoinIn,
    LeaveIn,
    MessageIn,
    RenameIn,
    RosterOpIn,
    Scenario,
    Step,
    roster_target,
    update_changes,
)
from adapters.sim.world import SimMember, World
from bot.app import App
from bot.core.clock import VirtualClock
from bot.core.events import DirectEvent, JoinEvent, MessageEvent
from bot.core.org import EmployeeIn
from bot.core.scheduler import advance_virtual
from bot.services.actions import TOOK_EFFECT
from bot.services.container import Services
from bot.settings import Settings
from bot.storage.counters import Counters, MemoryCounters
from bot.storage.models import ActionRecord, Employee


def build_world(scenario: Scenario) -> World:
    spec = scenario.spec
    world = World(spec.org.bot)
    for group in spec.groups:
        world.add_group(group.name, group.bot_role)
        for member in group.members:
            world.join(
                group.name, SimMember(member.member_id, member.name, member.remark, member.role)
            )
    return world


class Observer(Protocol):
    """Watches a replay step by step (the demo's timeline)."""

    async def before(self, step: Step) -> None:
        """The clock reached the step's time (scheduled work has run)."""

    async def after(self, step: Step, skipped: bool) -> None:
        """The step's event was applied and the bot has reacted (`skipped`: the event was about
        a member the bot had removed, so it did not happen)."""

    async def done(self) -> None:
        """The timeline is over (work due at the last event's moment has run)."""


@dataclass
class Replay:
    """One run of a scenario. `run()` returns the report (the spec's JSON object)."""

    scenario: Scenario
    settings: Settings
    files_dir: Path
    counters: Counters | None = None
    observer: Observer | None = None
    world: World = field(init=False)
    skipped: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.world = build_world(self.scenario)
        self.clock = VirtualClock(self.scenario.spec.start)
        self.adapter = SimAdapter(self.world, self.clock)
        self.app = App(
            settings=self.settings,
            config=self.scenario.spec,
            platform=self.adapter,
            platform_name="sim",
            clock=self.clock,
            files_dir=self.files_dir,
            counters=self.counters or MemoryCounters(),
        )

    async def run(self) -> dict[str, Any]:
        await self.app.start(self.scenario.roster)
        try:
            for step in self.scenario.steps:
                # Work due before the event, then the event, then work due at its moment.
                await advance_virtual(self.clock, self.app.scheduler, step.at, due_then=False)
                if self.observer:
                    await self.observer.before(step)
                skipped = len(self.skipped)
                await self._apply(step)
                if self.observer:
                    await self.observer.after(step, len(self.skipped) > skipped)
                await self.app.scheduler.run_due(step.at)
            if self.observer:
                await self.observer.done()
            return await self.report()
        finally:
            await self.app.stop()

    async def _apply(self, step: Step) -> None:
        event, engine, at = step.event, self.app.engine, step.at
        match event:
            case MessageIn():
                member = self._present(step, event.group)
                if member is not None:
                    view = member.view()
                    key = f"sim:{step.index}"
                    await engine.handle(
                        MessageEvent(event.group, view, event.text, event.kind, at, key)
                    )
            case JoinIn():
                m = event.member
                member = SimMember(m.member_id, m.name, m.remark, m.role)
                self.world.join(event.group, member)
                await engine.handle(
                    JoinEvent(
                        event.group,
                        member.view(),
                        event.inviter,
                        event.via,
                        at,
                        f"sim:{step.index}",
                    )
                )
            case RenameIn():
                if self._present(step, event.group) is not None:
                    self.world.rename(event.group, step.member_id, event.to)
            case LeaveIn():
                if self._present(step, event.group) is not None:
                    self.world.leave(event.group, step.member_id)
            case DirectIn():
                await engine.handle(DirectEvent(event.sender, event.text, at, f"sim:{step.index}"))
            case RosterOpIn():
                await self._roster(event)

    def _present(self, step: Step, group: str) -> SimMember | None:
        """The member an event is about; None (and noted) if the bot removed them earlier."""
        member = self.world.groups[group].find(step.member_id or "")
        if member is None:
            self.skipped.append({"event": step.index, "reason": "member_removed_by_bot"})
        return member

    async def _roster(self, event: RosterOpIn) -> None:
        roster = self.app.services.roster
        if event.op == "add":
            await roster.add(EmployeeIn.model_validate(event.employee))
            return
        rows = await Employee.all().order_by("id")
        index = roster_target([(r.name, r.department) for r in rows], event.employee, "employee")
        row = rows[index]
        if event.op == "depart":
            await roster.depart(row)
        else:
            await roster.update(row, update_changes((row.name, row.department), event))

    async def report(self) -> dict[str, Any]:
        tz = self.scenario.tz
        records = await ActionRecord.filter(outcome__in=TOOK_EFFECT).order_by("id")
        actions = [
            {"seq": seq, "at": record.at.astimezone(tz).isoformat(), **record.payload}
            for seq, record in enumerate(records, start=1)
        ]
        groups = await groups_report(self.app.services)
        report: dict[str, Any] = {"actions": actions, "groups": groups}
        if self.skipped:
            report["skipped"] = self.skipped
        return report


async def groups_report(services: Services) -> dict[str, Any]:
    """The report's `groups`: each group's members as the bot sees them now, and who is missing."""
    groups: dict[str, Any] = {}
    for group in services.groups:
        snap = await services.member_audit.snapshot(group)
        counts = await services.warnings.counts(
            group, [(c.member, c.entry.id if c.entry else None) for c in snap.results]
        )
        groups[group.name] = {
            "members": [
                {
                    "display": c.member.display,
                    "employee": c.entry.brief() if c.entry else None,
                    "status": c.status,
                    "warnings": counts.get(c.member.key, 0),
                }
                for c in snap.results
            ],
            "missing": [entry.brief() for entry in snap.missing],
        }
    return groups


def replay_settings(base: Settings, tmp: Path, locale: str | None) -> Settings:
    """A fresh temporary SQLite database for every replay; everything else from `base`."""
    update: dict[str, Any] = {"database_url": f"sqlite://{tmp / 'replay.sqlite3'}"}
    if locale:
        update["locale"] = locale
    return base.model_copy(update=update)


async def run_replay(
    scenario: Scenario,
    settings: Settings,
    *,
    files_dir: Path,
    locale: str | None = None,
    observer: Observer | None = None,
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="qunguan-replay-db-") as tmp:
        replay = Replay(
            scenario, replay_settings(settings, Path(tmp), locale), files_dir, observer=observer
        )
        return await replay.run()
