"""A bot process for the kill -9 restart test: a scenario played against a durable platform.

    python -m tests.restart_driver SCENARIO STATE_DIR --db URL --redis URL --prefix P
        --files DIR [--kill-at N] [--summary] [--step-by-step]

The simulated platform (the world, and every action delivered to it) lives in
STATE_DIR/world.json, rewritten atomically after each change: like a real chat, it outlives
the bot. The driver plays the scenario from where the previous process got to: steps whose
world change (join, rename, leave, roster change by HR) was applied are not applied again,
and the event of the step in progress is delivered again, as a platform re-delivers recent
messages after a restart. The bot's own restart logic (App.start resuming the journal) does
the rest.

`--kill-at N` kills this process with SIGKILL at the N-th kill point: after each database
statement and after each action the platform carried out. On the way it prints progress
lines (`started K/N SECONDS`, `done K/N SECONDS`: K of the N steps done); at the end
`{"points": N, "steps": N, ...}`; with `--summary`, also what the bot left in the database.
`--step-by-step` waits for a line on stdin after each progress line (the last step included),
so a test can kill the process in the middle of a step of its choosing.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import signal
import sys
import time
from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from adapters.sim.adapter import Delivered, SimAdapter
from adapters.sim.replay import Replay, build_world
from adapters.sim.scenario import JoinIn, LeaveIn, RenameIn, RosterOpIn, load_scenario
from adapters.sim.world import SimGroup, SimMember, World
from bot.core import actions as act
from bot.core.clock import VirtualClock
from bot.core.members import MemberView
from bot.core.scheduler import advance_virtual
from bot.log import setup_logging
from bot.settings import Settings
from bot.storage.redis_counters import RedisCounters
from tests.restart_summary import summary

POINTS = {"n": 0, "kill_at": 0}
STARTED = time.monotonic()


def kill_point() -> None:
    POINTS["n"] += 1
    if POINTS["n"] == POINTS["kill_at"]:
        os.kill(os.getpid(), signal.SIGKILL)


def hook_database() -> None:
    """A kill point after every statement tortoise sends (SQLite and PostgreSQL)."""
    from tortoise.backends.asyncpg.client import AsyncpgDBClient, TransactionWrapper
    from tortoise.backends.sqlite.client import SqliteClient, SqliteTransactionWrapper

    names = ("execute_insert", "execute_many", "execute_query", "execute_query_dict")
    for cls in (SqliteClient, SqliteTransactionWrapper, AsyncpgDBClient, TransactionWrapper):
        for name in names:
            if name in cls.__dict__:
                setattr(cls, name, _after(cls.__dict__[name]))
    from bot.storage import trips

    trips.run = _after(trips.run)  # several statements in one round trip: one kill point


def _after(method: Any) -> Any:
    @functools.wraps(method)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = await method(*args, **kwargs)
        kill_point()
        return result

    return wrapper


# -- the durable world ------------------------------------------------------------------------

ACTION_TYPES = {cls.__name__: cls for cls in act.ACTION_NAMES}


def action_to_json(action: act.Action) -> dict[str, Any]:
    data = {f.name: getattr(action, f.name) for f in fields(action)}
    for name, value in data.items():
        if isinstance(value, MemberView):
            data[name] = asdict(value)
        elif isinstance(value, Path):
            data[name] = str(value)
        elif isinstance(value, tuple):
            data[name] = list(value)
    return {"type": type(action).__name__, **data}


def action_from_json(data: dict[str, Any]) -> act.Action:
    data = dict(data)
    cls = ACTION_TYPES[data.pop("type")]
    for name, value in data.items():
        if isinstance(value, dict):
            data[name] = MemberView(**value)
        elif isinstance(value, list):
            data[name] = tuple(value)
    if "path" in data:
        data["path"] = Path(data["path"])
    return cls(**data)


class State:
    """world.json: the world, the platform's log of delivered actions, the driver's place."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, Any] = {}

    def save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)


def world_to_json(world: World) -> dict[str, Any]:
    return {
        "bot": world.bot_name,
        "groups": {
            name: {
                "role": g.bot_role,
                "notice": g.notice,
                "members": [_member_json(m) for m in g.members.values()],
            }
            for name, g in world.groups.items()
        },
    }


def _member_json(member: SimMember) -> dict[str, Any]:
    """The member's own fields (not the view it last handed out)."""
    return {f.name: getattr(member, f.name) for f in fields(member) if f.init}


def world_from_json(data: dict[str, Any]) -> World:
    world = World(data["bot"])
    for name, group in data["groups"].items():
        members = {m["id"]: SimMember(**m) for m in group["members"]}
        world.groups[name] = SimGroup(name, group["role"], members, group["notice"])
    return world


class DurableSim(SimAdapter):
    """The simulator, saving the world after every action it carries out."""

    def __init__(self, world: World, clock: VirtualClock, state: State) -> None:
        super().__init__(world, clock)
        self.state = state
        for item in state.data.get("delivered", []):
            at = datetime.fromisoformat(item["at"])
            self.delivered.append(Delivered(action_from_json(item["action"]), at))

    async def execute(self, action: act.Action) -> act.Outcome:
        outcome = await super().execute(action)
        if outcome.ok:
            self.save()
            kill_point()
        return outcome

    def save(self) -> None:
        self.state.data["world"] = world_to_json(self.world)
        self.state.data["delivered"] = [
            {"action": action_to_json(d.action), "at": d.at.isoformat() if d.at else None}
            for d in self.delivered
        ]
        self.state.save()


class DurableClock(VirtualClock):
    def __init__(self, start: datetime, state: State) -> None:
        super().__init__(start)
        self.state = state

    def set(self, moment: datetime) -> None:
        super().set(moment)
        self.state.data["clock"] = moment.isoformat()
        self.state.save()


# -- playing the scenario from where the last process got to ----------------------------------


def progress(what: str) -> None:
    """A progress line on stdout (`started K/N`, `done K/N`), with the seconds since the
    process started: the kill test watches them to kill mid-run and to know where it did."""
    sys.stdout.write(f"{what} {time.monotonic() - STARTED:.3f}\n")
    sys.stdout.flush()


class DurableReplay(Replay):
    adapter: DurableSim
    """Replay's engine wiring, on the durable world and clock, resumable step by step."""

    step_by_step = False

    def __init__(
        self, scenario: Any, settings: Settings, state: State, files: Path, counters: Any
    ) -> None:
        self.state = state
        super().__init__(scenario, settings, files, counters)

    def __post_init__(self, built: World | None = None) -> None:
        data = self.state.data
        self.world = (
            world_from_json(data["world"]) if "world" in data else build_world(self.scenario)
        )
        start = datetime.fromisoformat(data["clock"]) if "clock" in data else None
        self.clock = DurableClock(start or self.scenario.spec.start, self.state)
        self.adapter = DurableSim(self.world, self.clock, self.state)
        self.app = self._make_app()

    def _make_app(self) -> Any:
        from bot.app import App

        return App(
            settings=self.settings,
            config=self.scenario.spec,
            platform=self.adapter,
            platform_name="sim",
            clock=self.clock,
            files_dir=self.files_dir,
            counters=self.counters,
        )

    async def play(self) -> None:
        data = self.state.data
        await self.app.start(self.scenario.roster)
        steps = self.scenario.steps
        self.progress(f"started {data.get('done', -1) + 1}/{len(steps)}")
        try:
            for step in steps:
                if step.index <= data.get("done", -1):
                    continue
                await advance_virtual(self.clock, self.app.scheduler, step.at)
                await self._step(step, changed=step.index <= data.get("applied", -1))
                data["done"] = step.index
                self.state.save()
                self.progress(f"done {step.index + 1}/{len(steps)}")
        finally:
            await self.app.stop()

    def progress(self, what: str) -> None:
        """A progress line; step by step, wait for a line on stdin before going on."""
        progress(what)
        if self.step_by_step:
            sys.stdin.readline()  # blocks the loop on purpose: nothing else runs meanwhile

    async def _step(self, step: Any, *, changed: bool) -> None:
        event = step.event
        if isinstance(event, RenameIn | LeaveIn | RosterOpIn | JoinIn) and not changed:
            if isinstance(event, RosterOpIn):
                await self._roster_once(event)
            elif not isinstance(event, JoinIn):
                await self._apply(step)  # the world changes; the bot sees nothing
            else:
                m = event.member
                self.world.join(event.group, SimMember(m.member_id, m.name, m.remark, m.role))
            self.state.data["applied"] = step.index
            self.adapter.save()
        if isinstance(event, JoinIn):
            await self._deliver_join(step)
        elif not isinstance(event, RenameIn | LeaveIn | RosterOpIn):
            await self._apply(step)

    async def _deliver_join(self, step: Any) -> None:
        from bot.core.events import JoinEvent

        event = step.event
        member = self.world.groups[event.group].find(event.member.member_id)
        if member is None:
            return  # removed by the bot already
        join = JoinEvent(
            event.group, member.view(), event.inviter, event.via, step.at, f"sim:{step.index}"
        )
        await self.app.engine.handle(join)

    async def _roster_once(self, event: RosterOpIn) -> None:
        """HR's change, applied once even if the last process died right after applying it."""
        from bot.storage.models import Employee

        if event.op == "add" and await Employee.exists(
            name=event.employee["name"], department=event.employee["department"]
        ):
            return
        await self._roster(event)


async def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario", type=Path)
    parser.add_argument("state", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--redis", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--files", type=Path, required=True)
    parser.add_argument("--kill-at", type=int, default=0)
    parser.add_argument("--summary", action="store_true")
    parser.add_argument("--step-by-step", action="store_true")
    args = parser.parse_args(argv)
    POINTS["kill_at"] = args.kill_at
    setup_logging("WARNING")
    hook_database()
    args.state.mkdir(parents=True, exist_ok=True)
    state = State(args.state / "world.json")
    if state.path.exists():
        state.data = json.loads(state.path.read_text(encoding="utf-8"))
    settings = Settings(_env_file=None, database_url=args.db, data_dir=args.state)
    counters = RedisCounters(args.redis, prefix=args.prefix)
    replay = DurableReplay(load_scenario(args.scenario), settings, state, args.files, counters)
    replay.step_by_step = args.step_by_step
    await replay.play()
    out: dict[str, Any] = {"points": POINTS["n"], "steps": len(replay.scenario.steps)}
    if args.summary:
        out |= await summary(args.db, state.data)
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
