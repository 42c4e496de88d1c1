"""`qunguan replay`: run the real bot on the simulator over a scenario's timeline.

The engine, commands, storage and scheduler are the production ones; only the platform
(the simulator) and the clock (virtual) differ. Each replay gets a fresh temporary database.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import InitVar, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from adapters.sim.adapter import SimAdapter
from adapters.sim.report import replay_report
from adapters.sim.scenario import MemberIn, RosterOpIn, Scenario, Step
from adapters.sim.scenario_events import RestartIn
from adapters.sim.steps import Steps
from adapters.sim.world import SimMember, World
from bot.app import App
from bot.core.clock import VirtualClock
from bot.core.scheduler import advance_virtual
from bot.settings import Settings
from bot.storage.counters import Counters, MemoryCounters


def build_world(scenario: Scenario) -> World:
    """The simulated WeChat at the scenario's start: its groups and their members."""
    spec = scenario.spec
    world = World(spec.org.bot)
    for group in spec.groups:
        world.add_group(group.name, group.bot_role)
        join_members(world, group.name, group.members)
    return world


def join_members(world: World, group: str, members: Iterable[MemberIn]) -> None:
    """The scenario's members of `group`, as they are in the simulated world."""
    for member in members:
        world.join(
            group,
            SimMember(
                member.member_id, member.name, member.remark, member.role, account=member.wechat_id
            ),
        )


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
    """One run of a scenario. `run()` returns the report (the spec's JSON object).

    `built`: the simulated world at the start, where the caller has built it (a benchmark's
    company, whose members are validated group by group rather than kept in the spec);
    otherwise it is built from the scenario."""

    scenario: Scenario
    settings: Settings
    files_dir: Path
    counters: Counters | None = None
    observer: Observer | None = None
    world: World = field(init=False)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    built: InitVar[World | None] = None

    def __post_init__(self, built: World | None) -> None:
        self.world = built if built is not None else build_world(self.scenario)
        self.clock = VirtualClock(self.scenario.spec.start)
        self.adapter = SimAdapter(self.world, self.clock)
        self.counters = self.counters or MemoryCounters()
        self.app = self._app()

    def _app(self) -> App:
        return App(
            settings=self.settings,
            config=self.scenario.spec,
            platform=self.adapter,
            platform_name="sim",
            clock=self.clock,
            files_dir=self.files_dir,
            counters=self.counters,
        )

    @cached_property
    def steps(self) -> Steps:
        return Steps(self.world, self.app.engine.handle, self.app.services.roster, self.skipped)

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
        if isinstance(step.event, RestartIn):
            await self._restart()
            return
        await self.steps.apply(step)

    async def _restart(self) -> None:
        """Stop the bot and start a new one on the same database, chats and clock."""
        await self.app.stop()
        self.app = self._app()
        self.__dict__.pop("steps", None)  # bound to the old app's engine
        await self.app.start()

    async def _roster(self, event: RosterOpIn) -> None:
        await self.steps.roster_event(event)

    async def report(self) -> dict[str, Any]:
        return await replay_report(self.app.services, self.scenario.tz, self.skipped)


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
    """Replay `scenario` on a fresh temporary database; the report."""
    with tempfile.TemporaryDirectory(prefix="qunguan-replay-db-") as tmp:
        replay = Replay(
            scenario, replay_settings(settings, Path(tmp), locale), files_dir, observer=observer
        )
        return await replay.run()
