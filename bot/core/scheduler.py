"""Scheduled work: jobs due at a moment, daily jobs at a local time of day.

The scheduler only knows due times; whoever owns the clock decides when to run what is due.
Production polls `run_due` every few seconds; replay moves its virtual clock to each due time
first (`advance_virtual`), so a job's actions carry the moment it was due. Work due at the very
moment of an event runs after that event.

Time jumps coalesce: a daily job that fell due several times while the clock jumped (a bot
that was down for a week, a replay's `after: 30d`) runs once, at the last of those moments,
as a real bot coming back runs one audit, not seven. So any timeline runs in time bounded by
its events, not by its length.
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from loguru import logger

from bot.core.clock import VirtualClock
from bot.core.daily import last_daily, next_daily
from bot.core.job_run import Gate, GateOutcome, Job, run_job

__all__ = ["Gate", "GateOutcome", "Job", "Scheduler", "advance_virtual", "next_daily"]


@dataclass(order=True)
class _Entry:
    due: datetime
    seq: int
    name: str = field(compare=False)
    run: Job = field(compare=False)
    daily: tuple[time, ZoneInfo] | None = field(compare=False, default=None)
    cancelled: bool = field(compare=False, default=False)


class Scheduler:
    """A heap of named jobs. Re-adding a name replaces the previous job of that name."""

    def __init__(self, gate: Gate | None = None) -> None:
        self._heap: list[_Entry] = []
        self._by_name: dict[str, _Entry] = {}
        self._seq = itertools.count()
        # Decides which of the instances sharing a database runs an occurrence (None: this one).
        self.gate = gate
        # Occurrences another process held when they fell due: tried again on each `run_due`
        # until someone finishes them (the holder, or whoever takes over its expired lease).
        self.waiting: dict[str, tuple[str, datetime, Job]] = {}

    def at(self, name: str, due: datetime, run: Job) -> None:
        self._push(_Entry(due, next(self._seq), name, run))

    def daily(self, name: str, at: time, tz: ZoneInfo, run: Job, *, now: datetime) -> None:
        due = next_daily(now, at, tz)
        self._push(_Entry(due, next(self._seq), name, run, daily=(at, tz)))

    def cancel(self, name: str) -> None:
        entry = self._by_name.pop(name, None)
        if entry:
            entry.cancelled = True

    def next_due(self) -> datetime | None:
        while self._heap and self._heap[0].cancelled:
            heapq.heappop(self._heap)
        return self._heap[0].due if self._heap else None

    async def run_next(self) -> None:
        """Run the earliest job (the caller checked it is due) and reschedule a daily one."""
        entry = heapq.heappop(self._heap)
        self._by_name.pop(entry.name, None)
        if entry.daily:
            at, tz = entry.daily
            again = next_daily(entry.due + timedelta(seconds=1), at, tz)
            self._push(_Entry(again, next(self._seq), entry.name, entry.run, daily=entry.daily))
        await self.run_occurrence(entry.name, entry.due, entry.run)

    async def run_occurrence(self, name: str, due: datetime, run: Job) -> GateOutcome:
        """Run one occurrence through the gate; if another process holds it, wait for it."""
        key = f"{name}@{due.isoformat()}"
        self.waiting[key] = (name, due, run)  # until it is settled one way or the other
        try:
            outcome = await run_job(name, due, run, self.gate)
        except Exception:
            # The gate could not reach the database: try again on the next tick.
            logger.exception("could not claim job {name}; trying again", name=name)
            return "busy"
        if outcome != "busy":
            self.waiting.pop(key, None)
        return outcome

    async def retry_waiting(self) -> int:
        """Try again the occurrences held elsewhere; how many are still waiting."""
        for name, due, run in list(self.waiting.values()):
            await self.run_occurrence(name, due, run)
        return len(self.waiting)

    def job(self, name: str) -> Job | None:
        """The job registered under `name`, if any (resuming a job after a restart)."""
        entry = self._by_name.get(name)
        return entry.run if entry else None

    def catch_up(self, until: datetime, *, inclusive: bool = True) -> None:
        """Coalesce: a daily job due more than once up to `until` is due once, at the last."""
        if not self._heap or self._heap[0].due >= until:
            return  # the earliest entry is not due before `until`: none is (every event)
        moved = False
        for entry in self._heap:
            if entry.daily and not entry.cancelled and entry.due < until:
                last = max(entry.due, last_daily(until, *entry.daily, inclusive=inclusive))
                moved = moved or last != entry.due
                entry.due = last
        if moved:
            heapq.heapify(self._heap)

    async def run_due(self, now: datetime) -> int:
        """Run every job due at or before `now` (missed daily runs coalesced); return how
        many ran."""
        self.catch_up(now)
        await self.retry_waiting()
        ran = 0
        while (due := self.next_due()) is not None and due <= now:
            await self.run_next()
            ran += 1
        return ran

    def _push(self, entry: _Entry) -> None:
        self.cancel(entry.name)
        self._by_name[entry.name] = entry
        heapq.heappush(self._heap, entry)


async def advance_virtual(
    clock: VirtualClock, scheduler: Scheduler, moment: datetime, *, due_then: bool = True
) -> None:
    """Move a virtual clock to `moment`, running each due job at its own due time.

    `due_then=False` leaves the jobs due exactly at `moment` for later: a replay handles an
    event at 09:00 first and then the work due at 09:00 (the clock has reached that moment, it
    has not passed it yet)."""
    scheduler.catch_up(moment, inclusive=due_then)
    while (due := scheduler.next_due()) is not None and (
        due <= moment if due_then else due < moment
    ):
        clock.set(max(due, clock.now()))
        await scheduler.run_next()
    clock.set(moment)
