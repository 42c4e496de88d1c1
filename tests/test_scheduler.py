"""Daily jobs on the virtual clock, in the group's timezone."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.clock import VirtualClock
from bot.core.scheduler import Scheduler, advance_virtual, next_daily

SH = ZoneInfo("Asia/Shanghai")


def test_next_daily_in_local_time() -> None:
    morning = datetime(2026, 11, 23, 8, 30, tzinfo=SH)
    assert next_daily(morning, time(9), SH) == datetime(2026, 11, 23, 9, tzinfo=SH)
    late = datetime(2026, 11, 23, 9, 30, tzinfo=SH)
    assert next_daily(late, time(9), SH) == datetime(2026, 11, 24, 9, tzinfo=SH)
    # The same instant expressed in UTC gives the same local answer.
    utc = morning.astimezone(ZoneInfo("UTC"))
    assert next_daily(utc, time(9), SH) == datetime(2026, 11, 23, 9, tzinfo=SH)


async def test_jobs_run_at_their_due_time_on_the_virtual_clock() -> None:
    start = datetime(2026, 11, 23, 8, 30, tzinfo=SH)
    clock = VirtualClock(start)
    scheduler = Scheduler()
    ran: list[datetime] = []

    async def job() -> None:
        ran.append(clock.now())

    scheduler.daily("audit", time(9), SH, job, now=start)
    for day in range(3):  # the clock moves a day at a time: each day's audit runs
        await advance_virtual(clock, scheduler, start + timedelta(days=day, hours=1))
    assert ran == [
        datetime(2026, 11, 23, 9, tzinfo=SH),
        datetime(2026, 11, 24, 9, tzinfo=SH),
        datetime(2026, 11, 25, 9, tzinfo=SH),
    ]
    assert clock.now() == start + timedelta(days=2, hours=1)


async def test_a_time_jump_runs_each_missed_job_once_at_its_last_due_time() -> None:
    start = datetime(2026, 11, 23, 8, 30, tzinfo=SH)
    clock = VirtualClock(start)
    scheduler = Scheduler()
    ran: list[tuple[str, datetime]] = []

    def job(name: str):
        async def run() -> None:
            ran.append((name, clock.now()))

        return run

    scheduler.daily("audit", time(9), SH, job("audit"), now=start)
    scheduler.at("once", start + timedelta(days=1), job("once"))
    # Three years in one step (the longest a scenario may span): one audit, one one-off job.
    await advance_virtual(clock, scheduler, start + timedelta(days=1096, hours=1))
    end = datetime(2029, 11, 23, 9, tzinfo=SH)
    assert ran == [("once", start + timedelta(days=1)), ("audit", end)]
    # Back to daily steps: the next day's audit runs as usual.
    await advance_virtual(clock, scheduler, start + timedelta(days=1097, hours=1))
    assert ran[-1] == ("audit", end + timedelta(days=1))


async def test_a_job_due_exactly_at_the_moment_waits_when_asked() -> None:
    start = datetime(2026, 11, 23, 8, 30, tzinfo=SH)
    clock = VirtualClock(start)
    scheduler = Scheduler()
    ran: list[datetime] = []

    async def job() -> None:
        ran.append(clock.now())

    scheduler.daily("audit", time(9), SH, job, now=start)
    nine = datetime(2026, 11, 30, 9, tzinfo=SH)
    await advance_virtual(clock, scheduler, nine, due_then=False)
    assert ran == [nine - timedelta(days=1)]  # the 09:00 of that day is still to come
    await advance_virtual(clock, scheduler, nine)
    assert ran == [nine - timedelta(days=1), nine]


async def test_production_polling_after_a_week_down_runs_one_audit() -> None:
    start = datetime(2026, 11, 23, 8, 30, tzinfo=SH)
    scheduler = Scheduler()
    ran: list[str] = []

    async def job() -> None:
        ran.append("audit")

    scheduler.daily("audit", time(9), SH, job, now=start)
    assert await scheduler.run_due(start + timedelta(days=7)) == 1
    assert ran == ["audit"]
    assert scheduler.next_due() == datetime(2026, 11, 30, 9, tzinfo=SH)


async def test_a_failing_job_does_not_stop_the_others() -> None:
    start = datetime(2026, 11, 23, 8, 30, tzinfo=SH)
    clock = VirtualClock(start)
    scheduler = Scheduler()
    ran: list[str] = []

    async def broken() -> None:
        raise RuntimeError("boom")

    async def fine() -> None:
        ran.append("fine")

    scheduler.at("broken", start + timedelta(minutes=1), broken)
    scheduler.at("fine", start + timedelta(minutes=2), fine)
    await advance_virtual(clock, scheduler, start + timedelta(hours=1))
    assert ran == ["fine"]


async def test_replacing_and_cancelling_by_name() -> None:
    start = datetime(2026, 11, 23, 8, 30, tzinfo=SH)
    scheduler = Scheduler()
    ran: list[str] = []

    async def first() -> None:
        ran.append("first")

    async def second() -> None:
        ran.append("second")

    scheduler.at("job", start, first)
    scheduler.at("job", start, second)  # replaces
    scheduler.at("other", start, first)
    scheduler.cancel("other")
    assert await scheduler.run_due(start) == 1
    assert ran == ["second"]


def test_the_virtual_clock_never_goes_back() -> None:
    clock = VirtualClock(datetime(2026, 11, 23, tzinfo=SH))
    with pytest.raises(ValueError, match="backwards"):
        clock.set(datetime(2026, 11, 22, tzinfo=SH))
