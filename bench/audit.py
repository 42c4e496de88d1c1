"""`qunguan bench audit`: the daily member audit of a whole company, storage included.

The company (bench.audit_company) is put on the simulator and the real app starts; the
scheduler's daily audit jobs then run for two days: day 1 reads every group for the first
time (member states created, departed members removed, reminders and reports sent), day 2 is
every day after (nothing new). Per day: process CPU and wall time of all the audits, and the
SQL statements of each group's audit job (counted at tortoise's client layer, bench.sqlcount;
the maximum over groups), and the peak resident memory of the day's audits (bench.rss: the
peak is reset just before them, so building the company is not in it). The baseline,
measured in the same run just before each day, is the pure classification of the same
members (a fresh roster index, no storage, no platform).
"""

from __future__ import annotations

import resource
import tempfile
import time
from contextlib import AsyncExitStack
from datetime import timedelta
from pathlib import Path
from typing import Any

from adapters.sim.replay import Replay
from bench import rss
from bench.audit_company import audit_scenario
from bench.sqlcount import StatementCounter
from bench.storage import bench_storage
from bot.core.scheduler import advance_virtual
from bot.services.classification import classify
from bot.services.roster_match import RosterIndex
from bot.settings import Settings


async def _baseline(replay: Replay) -> float:
    """CPU seconds to classify every member of every group from a fresh index, no storage."""
    app = replay.app
    entries = await app.services.roster.entries()
    lists = [(g, await replay.adapter.read_members(g.code)) for g in app.services.groups]
    started = time.process_time()
    index = RosterIndex(entries)
    for group, members in lists:
        for member in members:
            classify(
                member,
                index,
                naming=group.policy.naming,
                scope=group.config.scope,
                company=app.config.org.name,
            )
    return time.process_time() - started


async def _day(replay: Replay, counter: StatementCounter) -> dict[str, Any]:
    """Run the audits due at the next 09:00; what they cost."""
    clock, scheduler = replay.clock, replay.app.scheduler
    due = scheduler.next_due()
    assert due is not None, "the daily audits are scheduled"
    await advance_virtual(clock, scheduler, due, due_then=False)  # anything before: untimed
    baseline = await _baseline(replay)
    acted = len(await replay.app.services.action_log.took_effect())
    per_group: list[int] = []
    rss_before = rss.resident_mb()
    reset = rss.reset_peak()  # the peak of the audits alone, not of building the company
    cpu, wall = time.process_time(), time.perf_counter()
    while (next_due := scheduler.next_due()) is not None and next_due <= due:
        before = counter.count
        await scheduler.run_next()
        per_group.append(counter.count - before)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    clock.set(due + timedelta(hours=1))
    acted = len(await replay.app.services.action_log.took_effect()) - acted
    return {
        "cpu_s": round(cpu, 3),
        "wall_s": round(wall, 3),
        "statements_per_group": max(per_group, default=0),
        "statements_min": min(per_group, default=0),
        "audits": len(per_group),
        "actions": acted,
        "baseline_cpu_s": round(baseline, 3),
        "rss_before_mb": rss_before,
        "peak_rss_mb": rss.peak_mb() if reset else None,
    }


async def bench_audit(
    groups: int,
    members: int,
    roster: int,
    *,
    seed: int,
    database_url: str | None,
    redis_url: str | None,
    redis_prefix: str = "qunguan",
) -> dict[str, Any]:
    """Run the benchmark; the dict is what `--json` prints."""
    scenario, world = audit_scenario(groups, members, roster, seed)
    with tempfile.TemporaryDirectory(prefix="qunguan-bench-") as tmp:
        async with AsyncExitStack() as stack:
            url, counters = await bench_storage(
                stack, Path(tmp), database_url, redis_url, redis_prefix
            )
            settings = Settings(_env_file=None, database_url=url, data_dir=Path(tmp))
            replay = Replay(scenario, settings, Path(tmp) / "files", counters, built=world)
            counter = StatementCounter()
            # The roster is loaded into the database at start; from then on the bot reads it
            # from there (as after a roster import), so the benchmark does not keep its input.
            employees, scenario.roster = scenario.roster, []
            await replay.app.start(employees)
            del employees
            setup_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            try:
                with counter.counting():
                    days = [await _day(replay, counter) for _ in range(2)]
            finally:
                await replay.app.stop()
    return {
        "database": "sqlite" if url.startswith("sqlite") else "postgres",
        "redis": bool(redis_url),
        "groups": groups,
        "members": members,
        "roster": roster,
        "days": days,
        # The audits' own peak (each day's, from the resident set the day starts with), and
        # the process's peak up to the first day: building the company, starting the app.
        "peak_rss_mb": max((d["peak_rss_mb"] or 0 for d in days), default=None) or None,
        "setup_peak_rss_mb": round(setup_peak, 1),
    }
