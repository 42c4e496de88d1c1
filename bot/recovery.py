"""Restart safety at the level of the app: resume, notice roster changes, sweep departures.

- `resume` finishes what a previous run of this instance left half-done: every cause the
  journal shows as running (an event, a daily audit, a sweep) is run again; its actions and
  state writes are keyed, so what was done is not done twice (bot.services.journal).
- `poll` (every few seconds while running) notices roster changes made by another process
  (`qunguan roster import --apply`): the roster index is rebuilt, and new departures start
  the departed sweep of this instance's groups.
- A sweep is a job keyed by the roster's departure mark (how many employees are departed and
  who they are), so each set of departures is swept once per instance, even across a crash.
- Jobs resumed and sweeps go through the scheduler's gate, the job claims shared by the
  instances on one database (bot.services.job_claims): a job another instance is finishing,
  or has finished, is not run twice (docs/operations.md, "Several instances").
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from loguru import logger
from tortoise.functions import Count, Max

from bot.core.causes import CauseDone, caused_by, settle
from bot.core.event_codec import event_from_json
from bot.core.scheduler import Scheduler
from bot.engine import Engine
from bot.services import journal
from bot.services.container import Services
from bot.storage.models import CauseRecord, Employee


class Recovery:
    """Built by the composition root from the engine (to handle an event again), the
    services and the scheduler (to run a job again)."""

    def __init__(self, engine: Engine, services: Services, scheduler: Scheduler) -> None:
        self.engine = engine
        self.services = services
        self.scheduler = scheduler
        self._revision: tuple[object, ...] | None = None

    @property
    def sweep_job(self) -> str:
        return f"sweep:{self.services.groups.instance}"

    async def resume(self) -> int:
        """Run again every cause of this instance that a previous run left unfinished."""
        rows = await journal.unfinished()
        resumed = 0
        for row in rows:
            if await self._resume_one(row):
                resumed += 1
        return resumed

    async def _resume_one(self, row: CauseRecord) -> bool:
        payload, services = row.payload, self.services
        if row.kind == "event":
            if payload.get("origin") != services.groups.instance:
                return False  # another instance's: it resumes its own
            logger.info("resuming {key}", key=row.key)
            await self.engine.handle(event_from_json(payload))
            return True
        name = str(payload.get("job", ""))
        if name == self.sweep_job:
            await self._sweep(row.key, str(payload.get("mark")))
            return True
        job = self.scheduler.job(name)
        if job is None:
            return False  # not one of this instance's jobs
        logger.info("resuming {key}", key=row.key)
        # Through the claims: another instance may be finishing it, or have finished it.
        await self.scheduler.run_occurrence(name, datetime.fromisoformat(payload["due"]), job)
        return True

    async def watch_roster(self) -> None:
        """Remember the roster as it is now (start-up), to notice changes from elsewhere."""
        self._revision = await _roster_revision()

    async def poll(self) -> None:
        """Pick up roster changes made by another process (see the module docstring)."""
        revision = await _roster_revision()
        if revision != self._revision:
            logger.info("the roster changed; reloading it")
            self.services.roster.invalidate()
        self._revision = revision
        await self.sweep_departures()

    async def sweep_departures(self, *, baseline: bool = False) -> None:
        """Sweep the groups if departures were recorded since the last sweep.

        With `baseline` (start-up) and no sweep ever recorded for this instance, the
        departures already on the roster are not news: the daily audit deals with them."""
        mark = await departure_mark() or "none"
        key = f"job:{self.sweep_job}@{mark}"
        if await journal.is_finished(key):
            return
        first = baseline and await journal.latest(f"job:{self.sweep_job}@") is None
        if first or mark == "none":  # nothing new, or nobody departed: nothing to sweep
            await journal.record_done(key, "job", {"job": self.sweep_job, "mark": mark})
            return
        await self._sweep(key, mark)

    async def _sweep(self, key: str, mark: str) -> None:
        """Sweep under the job claims, like a scheduled job (busy: the next poll retries)."""
        gate = self.scheduler.gate
        if gate is None:
            await self._sweep_now(key, mark)
        else:
            await gate.run(key, lambda: self._sweep_now(key, mark))

    async def _sweep_now(self, key: str, mark: str) -> None:
        subject = {"job": self.sweep_job, "mark": mark}
        with caused_by(key, kind="job", subject=subject) as cause:
            try:
                await journal.begin(cause)  # remembered even if nobody is to be removed
                services = self.services
                await services.member_audit.sweep_departed(list(services.groups))
            except CauseDone:
                return
            except Exception:
                logger.exception("departed sweep failed")
                await settle(cause, ok=False)
                return
            await settle(cause, ok=True)


async def departure_mark() -> str | None:
    """Which employees are departed, in brief: `<how many>-<digest of who they are>`.

    Who, not database ids or times: any new departure changes it, whoever recorded it and
    whatever clock they used, and it stays the same when a crash left gaps in the ids (a
    PostgreSQL sequence does not roll back)."""
    rows = await Employee.filter(status="departed").values_list(
        "name", "department", "employee_no"
    )
    if not rows:
        return None
    people = sorted("\t".join(str(part or "") for part in row) for row in rows)
    digest = hashlib.sha256("\n".join(people).encode()).hexdigest()[:16]
    return f"{len(people)}-{digest}"


async def _roster_revision() -> tuple[object, ...]:
    row = (
        await Employee.all()
        .annotate(n=Count("id"), top=Max("id"), changed=Max("updated_at"))
        .first()
        .values("n", "top", "changed")
    )
    return (row or {}).get("n"), (row or {}).get("top"), (row or {}).get("changed")
