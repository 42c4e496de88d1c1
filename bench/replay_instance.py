"""One instance of `qunguan bench replay --instances N` (bench.replay_instances), a process:

    python -m bench.replay_instance SCENARIO DATABASE_URL REDIS_PREFIX [REDIS_URL]

It starts the app, prints `ready` before its first event and waits for a line on stdin,
replays its events, prints `done` after the last, then writes its report aside.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from adapters.sim.replay import Replay
from adapters.sim.scenario import Step, load_scenario
from bot.log import setup_logging
from bot.settings import Settings
from bot.storage.counters import Counters, MemoryCounters
from bot.storage.redis_counters import RedisCounters


class Barrier:
    """A replay observer: `ready` and wait before the first event, `done` after the last."""

    def __init__(self, last: int) -> None:
        self.last = last

    async def before(self, step: Step) -> None:
        if step.index == 0:
            sys.stdout.write("ready\n")
            sys.stdout.flush()
            sys.stdin.readline()  # blocks the loop on purpose: nothing runs before the start

    async def after(self, step: Step, skipped: bool) -> None:
        if step.index == self.last:
            sys.stdout.write("done\n")
            sys.stdout.flush()

    async def done(self) -> None:
        """Nothing to time after the last event."""


async def main(argv: list[str]) -> int:
    path, url, prefix, *rest = argv
    redis_url = rest[0] if rest and rest[0] else None
    setup_logging("WARNING")
    scenario = load_scenario(Path(path))
    counters: Counters = RedisCounters(redis_url, prefix=prefix) if redis_url else MemoryCounters()
    with tempfile.TemporaryDirectory(prefix="qunguan-bench-instance-") as tmp:
        settings = Settings(_env_file=None, database_url=url, data_dir=Path(tmp))
        barrier = Barrier(scenario.steps[-1].index)
        await Replay(scenario, settings, Path(tmp) / "files", counters, observer=barrier).run()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
