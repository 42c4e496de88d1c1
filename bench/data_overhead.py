"""What the restart journal and the audit trail cost: replays timed with whatever code is on
PYTHONPATH, so a base commit and this branch can be measured side by side:

    git archive BASE | tar -x -C /tmp/base
    (cd /tmp/base && PYTHONPATH=/tmp/base python /path/to/bench/data_overhead.py SCENARIO)
    PYTHONPATH=. python bench/data_overhead.py SCENARIO

SCENARIO is a replay with actions (e.g. tests/restart/company.yaml). Prints one JSON object:
the best of several runs for start-up alone, for the scenario, and for 3000 chat messages
that take no action (milliseconds).
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

from adapters.sim.replay import run_replay
from adapters.sim.scenario import load_scenario
from bot.log import setup_logging
from bot.settings import Settings

QUIET = {"bot": "群管家", "defaults": {"audit.daily_at": ""}}


def _write(path: Path, events: list[dict], members: int) -> Path:
    data = {
        "start": "2026-11-23T10:00:00+08:00",
        "org": {
            **QUIET,
            "roster": [{"name": f"员工{i}", "department": "研发部"} for i in range(members)],
        },
        "groups": [{"name": "研发群", "members": [f"研发部-员工{i}" for i in range(members)]}],
        "events": events,
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


async def best_of(path: Path, repeats: int) -> float:
    scenario, times = load_scenario(path), []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            await run_replay(scenario, Settings(_env_file=None), files_dir=Path(tmp))
            times.append(time.perf_counter() - started)
    return round(min(times) * 1000, 1)


async def main(scenario: Path) -> None:
    setup_logging("ERROR")
    folder = Path(tempfile.mkdtemp())
    chat = [
        {
            "type": "message",
            "group": "研发群",
            "sender": f"研发部-员工{i % 50}",
            "text": f"进度{i}",
        }
        for i in range(3000)
    ]
    result = {
        "start_ms": await best_of(_write(folder / "empty.yaml", [{"type": "tick"}], 1), 15),
        "scenario_ms": await best_of(scenario, 15),
        "chat_3000_ms": await best_of(_write(folder / "chat.yaml", chat, 50), 5),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
