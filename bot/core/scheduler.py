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
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from loguru import logger

from bot.core.causes import CauseDone, caused_by, settle
from bot.core.clock import VirtualClock

Job = Callable[[], Awaitable[None]]


@dataclass(order=True)
class _Entry:
    due: datetime
    seq: int
    name: str = field(compare=False)
    run: Job = field(compare=False)
    daily: tuple[time, ZoneInfo] | None = field(compare=False, default=None)
    cancelled: bool = field(compare=False, default=False)


def last_daily(until: datetime, at: time, tz: ZoneInfo, *, inclusive: bool = True) -> datetime:
    """The last moment at (or, not `inclusive`, before) `until` whose local time is `at`."""
    local = until.astimezone(tz)
    for days in (0, 1, 2):  # two days back covers any daylight-saving shift
        candidate = datetime.combine(local.date() - timedelta(days=days), at, tzinfo=tz)
        if candidate < until or (inclusive and candidate == until):
            return candidate
    raise AssertionError("unreachable: a day has every time of day")


def next_daily(after: datetime, at: time, tz: ZoneInfo) -> datetime:
    """The first moment at or after `after` whose local time of day in `tz` is `at`."""
    local = after.astimezone(tz)
    candidate = datetime.combine(local.date(), at, tzinfo=tz)
    if candidate < local:
        candidate = datetime.combine(local.date() + timedelta(days=1), at, tzinfo=tz)
    return candidate


class Scheduler:
    """A heap of named jobs. Re-adding a name replaces the previous job of that name."""

    def __init__(self) -> None:
        self._heap: list[_Entry] = []
        self._by_name: dict[str, _Entry] = {}
        self._seq = itertools.count()

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
        await run_job(entry.name, entry.due, entry.run)

    def job(self, name: str) -> Job | None:
        """The job registered under `name`, if any (resuming a job after a restart)."""
        entry = self._by_name.get(name)
        return entry.run if entry else None

    def catch_up(self, until: datetime, *, inclusive: bool = True) -> None:
        """Coalesce: a daily job due more than once up to `until` is due once, at the last."""
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
        ran = 0
        while (due := self.next_due()) is not None and due <= now:
            await self.run_next()
            ran += 1
        return ran

    def _push(self, entry: _Entry) -> None:
        self.cancel(entry.name)
        self._by_name[entry.name] = entry
        heapq.heappush(self._heap, entry)


def job_key(name: str, due: datetime) -> str:
    """The cause key of one run of a job: its name and the moment it was due."""
    return f"job:{name}@{due.isoformat()}"


async def run_job(name: str, due: datetime, run: Job) -> None:
    """Run one job under its cause; a failure is logged, never raised (jobs are independent)."""
    with caused_by(
        job_key(name, due), kind="job", subject={"job": name, "due": due.isoformat()}
    ) as cause:
        try:
            await run()
        except CauseDone:
            return  # it ran to completion before a restart
        except Exception:
            # One failing job must not stop the others; the traceback goes to the log.
            logger.exception("scheduled job {name} failed", name=name)
            await settle(cause, ok=False)
            return
        await settle(cause, ok=True)


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
