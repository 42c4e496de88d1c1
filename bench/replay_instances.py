"""`qunguan bench replay --instances N`: N bot processes on one database (and one Redis), each
replaying the generated company of `bench replay` in groups of its own, all at once.

The parent builds the shared storage (bench.storage: a PostgreSQL database or an SQLite file of
the run's own, a Redis prefix of its own) and migrates it, writes one scenario per instance
(the same company, its groups renamed `实例<i>-群<g>`, its own message stream), and starts the
processes (`python -m bench.replay_instance`). Each loads its scenario, starts its app, says
`ready` before its first event and waits; the parent releases them together and times from
then until the last says `done` after its last event: aggregate events/s = all events over
that wall time. Loading, migrating and the report are not timed, as in `bench replay`.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from bench.replay import company
from bench.storage import bench_storage
from bot.storage.db import Database

ROOT = Path(__file__).resolve().parent.parent


def instance_company(
    index: int, groups: int, members: int, messages: int, seed: int
) -> dict[str, Any]:
    """Instance `index`'s scenario: the shared roster, groups and a stream of its own."""
    spec = company(groups, members, messages, seed + 100 * index)
    rename = {g["name"]: f"实例{index}-{g['name']}" for g in spec["groups"]}
    for group in spec["groups"]:
        group["name"] = rename[group["name"]]
    for event in spec["events"]:
        event["group"] = rename[event["group"]]
    return spec


def _spawn(path: Path, url: str, redis_url: str | None, prefix: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "bench.replay_instance", str(path), url, prefix]
    return subprocess.Popen(
        [*command, redis_url or ""],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _line(process: subprocess.Popen[str], want: str) -> None:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if line != want:
        raise RuntimeError(f"a bench instance said {line!r}, not {want!r} (exit {process.wait()})")


def race(processes: list[subprocess.Popen[str]]) -> float:
    """Release the ready processes together; seconds until the last one is done."""
    for process in processes:
        _line(process, "ready")
    started = time.perf_counter()
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    for process in processes:
        _line(process, "done")
    return time.perf_counter() - started


async def bench_instances(
    instances: int,
    groups: int,
    members: int,
    messages: int,
    *,
    seed: int,
    database_url: str | None,
    redis_url: str | None,
    redis_prefix: str = "qunguan",
) -> dict[str, Any]:
    """Run the benchmark; the dict is what `--json` prints."""
    with tempfile.TemporaryDirectory(prefix="qunguan-bench-") as tmp:
        async with AsyncExitStack() as stack:
            url, counters = await bench_storage(
                stack, Path(tmp), database_url, redis_url, redis_prefix
            )
            prefix = getattr(counters, "prefix", redis_prefix)
            database = Database(url)
            await database.open()  # migrated once, before the race
            await database.close()
            paths = []
            for index in range(1, instances + 1):
                path = Path(tmp) / f"instance{index}.yaml"
                spec = instance_company(index, groups, members, messages, seed)
                path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
                paths.append(path)
            processes = [_spawn(path, url, redis_url, prefix) for path in paths]
            try:
                elapsed = await asyncio.to_thread(race, processes)
            finally:
                for process in processes:
                    process.communicate(timeout=600)
    events = instances * messages
    return {
        "instances": instances,
        "events_per_s": round(events / elapsed),
        "database": "sqlite" if url.startswith("sqlite") else "postgres",
        "redis": bool(redis_url),
        "groups_per_instance": groups,
        "members": members,
        "events": events,
        "elapsed_s": round(elapsed, 2),
        "failed": [p.returncode for p in processes if p.returncode],
    }
