"""One bot instance for the several-instances test: its own groups on the simulator, the shared
PostgreSQL and Redis.

    python -m tests.instances_driver SCENARIO --db URL --redis URL --prefix P --files DIR
        --data DIR --until ISO [--lease S] [--die-in-job] [--watch-departure NAME]

It starts the app, prints `ready`, and waits for a line on stdin (so a test can start several
at the same moment); then it plays the scenario's events (messages, roster changes), moves
its virtual clock to `--until` (running what falls due, the org-wide report among them), and
keeps trying the occurrences another instance holds until they are done. `--watch-departure
NAME` then polls for roster changes made elsewhere until no group of this instance has a
member named NAME. `--die-in-job` kills the process (SIGKILL) in the middle of the daily
report: its file written, its trail entry not. The last stdout line is a JSON summary.
Waits are bounded by DEADLINE seconds; nothing sleeps for a fixed time to let things happen.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from adapters.sim.replay import Replay
from adapters.sim.scenario import load_scenario
from bot.core.scheduler import advance_virtual
from bot.log import setup_logging
from bot.services.daily_report import DailyReport
from bot.settings import Settings
from bot.storage.redis_counters import RedisCounters

DEADLINE = 120.0  # seconds: generous for a loaded 2-core machine
SEEN = {"report_started": 0, "report_finished": 0}


def instrument(die_in_job: bool) -> None:
    """Count the report runs of this process; optionally die in the middle of one."""
    run, write = DailyReport.run, DailyReport.write

    async def counted(self: DailyReport) -> None:
        SEEN["report_started"] += 1
        await run(self)
        SEEN["report_finished"] += 1

    def write_then_die(self: DailyReport, path: Path, rows: Any) -> None:
        write(self, path, rows)
        os.kill(os.getpid(), signal.SIGKILL)

    DailyReport.run = counted  # type: ignore[method-assign]
    if die_in_job:
        DailyReport.write = write_then_die  # type: ignore[method-assign]


async def until(condition: Any, what: str) -> None:
    """Poll `condition` (async) until true; fail after DEADLINE seconds."""
    give_up = time.monotonic() + DEADLINE
    while not await condition():
        if time.monotonic() > give_up:
            raise TimeoutError(what)
        await asyncio.sleep(0.1)


def members(replay: Replay) -> dict[str, list[str]]:
    return {
        name: sorted(m.display for m in group.members.values())
        for name, group in replay.world.groups.items()
    }


async def play(replay: Replay, args: argparse.Namespace) -> dict[str, Any]:
    app = replay.app
    await app.start(replay.scenario.roster)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()  # the barrier: every instance goes at once
    try:
        for step in replay.scenario.steps:
            await advance_virtual(replay.clock, app.scheduler, step.at, due_then=False)
            await replay._apply(step)
            await app.scheduler.run_due(step.at)
        await advance_virtual(replay.clock, app.scheduler, args.until)

        async def settled() -> bool:
            return await app.scheduler.retry_waiting() == 0

        await until(settled, "jobs held by other instances")
        if args.watch_departure:

            async def gone() -> bool:
                await app.poll()  # what the runtime does every few seconds
                return all(args.watch_departure not in m for m in members(replay).values())

            await until(gone, f"{args.watch_departure} removed after a roster change elsewhere")
        return {
            "instance": app.services.groups.instance,
            **SEEN,
            "members": members(replay),
            "actions": [type(d.action).__name__ for d in replay.adapter.delivered],
        }
    finally:
        await app.stop()


async def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario", type=Path)
    for name in ("--db", "--redis", "--prefix"):
        parser.add_argument(name, required=True)
    parser.add_argument("--files", type=Path, required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--until", type=datetime.fromisoformat, required=True)
    parser.add_argument("--lease", type=float, default=60.0)
    parser.add_argument("--die-in-job", action="store_true")
    parser.add_argument("--watch-departure")
    args = parser.parse_args(argv)
    setup_logging(os.environ.get("QUNGUAN_DRIVER_LOG", "WARNING"))
    instrument(args.die_in_job)
    settings = Settings(
        _env_file=None,
        database_url=args.db,
        redis_url=args.redis,
        redis_prefix=args.prefix,
        data_dir=args.data,
        job_lease_seconds=args.lease,
    )
    counters = RedisCounters(args.redis, prefix=args.prefix)
    replay = Replay(load_scenario(args.scenario), settings, args.files, counters)
    out = await play(replay, args)
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
