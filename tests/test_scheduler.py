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
    await advance_virtual(clock, scheduler, start + timedelta(days=2, hours=1))
    assert ran == [
        datetime(2026, 11, 23, 9, tzinfo=SH),
        datetime(2026, 11, 24, 9, tzinfo=SH),
        datetime(2026, 11, 25, 9, tzinfo=SH),
    ]
    assert clock.now() == start + timedelta(days=2, hours=1)


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
