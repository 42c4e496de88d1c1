"""A job's claim is marked done with the end of the job's cause, in one round trip
(bot.services.cause_end.closing, bot.services.job_claims); a cause opened within the job
does not take it along, and a job whose cause was done before still marks its claim."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.core.causes import caused_by, current_cause
from bot.core.clock import VirtualClock
from bot.core.job_run import job_key, run_job
from bot.services import cause_end, journal
from bot.services.job_claims import JobClaims
from bot.storage import steps, trips
from bot.storage.db import Database
from bot.storage.models import CauseRecord, JobClaim
from tests.conftest import T0


def spy(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The tables each `steps.write` call writes, in order."""
    calls: list[list[str]] = []
    write = steps.write

    async def written(db: Any, sent: list[trips.Step]) -> None:
        calls.append([step.sql.split('"')[1] for step in sent])
        await write(db, sent)

    monkeypatch.setattr(steps, "write", written)
    return calls


async def test_the_claim_is_done_with_the_job_cause_end_in_one_trip(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = VirtualClock(T0)
    gate = JobClaims("sim:a", timedelta(seconds=30), now=clock.now)
    due = T0 + timedelta(hours=1)

    async def body() -> None:
        await journal.begin(current_cause())  # the job takes effect: journaled
        with caused_by("event:inner", kind="event") as inner:  # ends before the job
            assert inner is not None
            await journal.begin(inner)
            await cause_end.finish(inner, True)
        clock.set(clock.now() + timedelta(minutes=5))  # the job takes a while

    calls = spy(monkeypatch)
    assert await run_job("audit", due, body, gate) == "ran"
    key = job_key("audit", due)
    # The inner cause's end alone; the job's end and the claim's done mark together.
    assert calls == [["job_claim"], ["cause_log"], ["cause_log", "job_claim"]]
    claim, cause = await JobClaim.get(key=key), await CauseRecord.get(key=key)
    assert claim.done_at == T0 + timedelta(minutes=5)  # when it ended, not when it began
    assert cause.status == "done" and (await CauseRecord.get(key="event:inner")).status == "done"
    assert await run_job("audit", due, body, gate) == "done"  # never run twice


async def test_a_job_done_before_still_marks_its_claim(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = VirtualClock(T0)
    due = T0 + timedelta(hours=1)
    await journal.record_done(job_key("audit", due), "job", {})  # done, claim not marked
    ran: list[int] = []

    async def body() -> None:
        await journal.begin(current_cause())  # finds the cause done: CauseDone
        ran.append(1)

    calls = spy(monkeypatch)
    gate = JobClaims("sim:a", timedelta(seconds=30), now=clock.now)
    assert await run_job("audit", due, body, gate) == "ran"
    assert ran == [] and calls == [["job_claim"], ["job_claim"]]  # claimed, then marked
    assert (await JobClaim.get(key=job_key("audit", due))).done_at == T0
