"""Job claims (bot.services.job_claims): one run per occurrence among processes sharing a
database, takeover after a lease runs out, fencing of a holder that lost its claim. The lease
clock is injected: nothing here waits for real time to pass."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.app_jobs import group_job
from bot.core.clock import VirtualClock
from bot.core.group import GroupRuntime
from bot.core.job_run import job_key
from bot.core.org import GroupIn
from bot.core.policy import build_policy
from bot.core.scheduler import Scheduler
from bot.services.job_claims import JobClaims
from bot.storage.db import Database
from bot.storage.models import JobClaim
from tests.conftest import T0

LEASE = timedelta(seconds=30)


def claims(clock: VirtualClock, instance: str = "sim:a") -> JobClaims:
    return JobClaims(instance, LEASE, now=clock.now)


async def test_one_of_three_wins_and_the_others_see_done(db: Database) -> None:
    clock = VirtualClock(T0)
    a, b, c = claims(clock, "sim:a"), claims(clock, "sim:b"), claims(clock, "sim:c")
    ran: list[str] = []

    def body(who: str):
        async def run() -> None:
            ran.append(who)

        return run

    outcomes = [await g.run("job:x@1", body(n)) for n, g in (("a", a), ("b", b), ("c", c))]
    assert (outcomes, ran) == (["ran", "done", "done"], ["a"])
    row = await JobClaim.get(key="job:x@1")
    assert (row.owner, row.token, row.done_at) == (a.owner, 1, T0)


async def test_concurrent_claims_have_one_winner(db: Database) -> None:
    clock = VirtualClock(T0)
    gates = [claims(clock, f"sim:{n}") for n in range(3)]
    results = await asyncio.gather(*(g.acquire("job:y@1") for g in gates))
    assert sorted(map(str, results)) == ["1", "busy", "busy"]


async def test_a_live_lease_is_busy_and_an_expired_one_is_taken_over(db: Database) -> None:
    clock = VirtualClock(T0)
    dead, other = claims(clock, "sim:a"), claims(clock, "sim:b")
    assert await dead.acquire("job:z@1") == 1  # …and then the process dies
    clock.set(clock.now() + LEASE - timedelta(seconds=1))
    assert await other.acquire("job:z@1") == "busy"
    clock.set(clock.now() + timedelta(seconds=2))
    assert await other.acquire("job:z@1") == 2
    # The old holder is fenced: its renewal and its done mark change nothing.
    assert await dead.renew("job:z@1", 1) is False
    await dead.finish("job:z@1", 1)
    assert (await JobClaim.get(key="job:z@1")).done_at is None
    assert await other.renew("job:z@1", 2) is True
    await other.finish("job:z@1", 2)
    assert await dead.acquire("job:z@1") == "done"


async def test_a_restarted_process_takes_its_instances_claim_at_once(db: Database) -> None:
    clock = VirtualClock(T0)
    before, after = claims(clock, "sim:a"), claims(clock, "sim:a")  # same instance, restarted
    assert await before.acquire("job:r@1") == 1
    assert await after.acquire("job:r@1") == 2  # no waiting for the lease
    assert await before.renew("job:r@1", 1) is False  # the old process, if alive, is fenced
    assert await claims(clock, "sim:b").acquire("job:r@1") == "busy"


async def test_the_scheduler_retries_an_occurrence_held_elsewhere(db: Database) -> None:
    clock = VirtualClock(T0)
    holder = claims(clock, "sim:a")
    scheduler = Scheduler(gate=claims(clock, "sim:b"))
    ran: list[str] = []

    async def job() -> None:
        ran.append("b")

    key = f"job:report:daily@{T0.isoformat()}"
    assert await holder.acquire(key) == 1
    scheduler.at("report:daily", T0, job)
    await scheduler.run_due(T0)
    assert (ran, list(scheduler.waiting)) == ([], [f"report:daily@{T0.isoformat()}"])
    await scheduler.run_due(T0)  # still held: still waiting
    assert ran == [] and scheduler.waiting
    clock.set(clock.now() + LEASE + timedelta(seconds=1))  # the holder died; its lease ran out
    assert await scheduler.retry_waiting() == 0
    assert ran == ["b"]
    await scheduler.run_due(clock.now())
    assert ran == ["b"]  # done: never again


async def test_an_occurrence_the_gate_failed_to_claim_is_tried_again() -> None:
    class Flaky:
        """A gate whose first claim fails (the database went away for a moment)."""

        def __init__(self) -> None:
            self.calls = 0

        async def run(self, key: str, body):
            self.calls += 1
            if self.calls == 1:
                raise ConnectionError("database unreachable")
            await body()
            return "ran"

    ran: list[str] = []

    async def job() -> None:
        ran.append("job")

    scheduler = Scheduler(gate=Flaky())
    scheduler.at("report:daily", T0, job)
    await scheduler.run_due(T0)
    assert ran == [] and len(scheduler.waiting) == 1
    await scheduler.run_due(T0)
    assert ran == ["job"] and scheduler.waiting == {}


async def test_groups_of_one_code_on_two_platforms_are_two_jobs(db: Database) -> None:
    """A group is its platform and code: a Telegram instance and a WeChat instance whose
    groups share a code each audit theirs; two instances on one platform share the claim."""
    clock = VirtualClock(T0)
    group = GroupRuntime(config=GroupIn(name="g"), policy=build_policy({}, {}), tz=ZoneInfo("UTC"))
    ran: list[str] = []

    def body(who: str):
        async def run() -> None:
            ran.append(who)

        return run

    wanted = [
        ("telegram:a", "telegram"),
        ("wechat:b", "wechat"),
        ("wechat:standby", "wechat"),
    ]
    outcomes = [
        await claims(clock, owner).run(
            job_key(group_job("audit", platform, group), T0), body(owner)
        )
        for owner, platform in wanted
    ]
    assert (outcomes, ran) == (["ran", "ran", "done"], ["telegram:a", "wechat:b"])
