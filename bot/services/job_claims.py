"""Exactly one run of each scheduled job's occurrence among instances sharing a database.

Before an instance runs an occurrence of a job (the cause key `job:<name>@<due>`, the same in
every instance that schedules the job), it claims it in `job_claim`:

- nobody holds it: the insert wins (the key is unique) and the instance runs the job, renewing
  its lease every third of `lease` while it runs, and marks the claim done at the end;
- it is done: nothing to do;
- another process holds a lease that has not expired: busy; the scheduler tries again later
  (bot.core.scheduler), until the holder marks it done or its lease runs out;
- the holder's lease ran out (it died, or hangs): the takeover raises the fencing `token` in a
  conditional update, so of several instances taking over at once one wins; the old holder's
  renewals and done mark carry the old token and change nothing, and a holder whose renewal
  fails is cancelled. The job runs again under the same cause: the journal gives it what the
  dead holder saw and its keyed actions are not repeated (bot.services.journal).

Lease times are bookkeeping, not business time: the machines' clocks must agree to well
within a lease (NTP). The owner is the instance (its platform and groups, as in the journal's
`origin`): a restarted process of the same instance takes its dead predecessor's claims over
at once (raising the token, which fences the predecessor out should it still be alive), so a
single bot restarting never waits for a lease. Two live processes with the same platform and
the same groups are one instance to the claims: a standby must differ in its groups.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from loguru import logger
from tortoise.exceptions import IntegrityError

from bot.core.scheduler import GateOutcome
from bot.services.cause_end import Closing, closing
from bot.storage import steps
from bot.storage.models import JobClaim
from bot.storage.trips import Step

_TABLE = JobClaim._meta.db_table
_CLAIM = f'INSERT INTO "{_TABLE}" ("key","owner","token","expires_at") VALUES (?,?,?,?)'
_DONE = f'UPDATE "{_TABLE}" SET "done_at"=? WHERE "key"=? AND "token"=?'


def _at(moment: datetime) -> object:
    # What tortoise itself would send for this column (time-zone handling included).
    return JobClaim._meta.fields_map["expires_at"].to_db_value(moment, JobClaim)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class JobClaims:
    """The scheduler's gate (bot.core.scheduler.Gate) backed by the `job_claim` table."""

    def __init__(
        self,
        instance: str,
        lease: timedelta = timedelta(seconds=60),
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.owner = instance
        self.lease = lease
        self.now = now

    async def acquire(self, key: str) -> int | GateOutcome:
        """Claim `key`: the fencing token when this process may run it, else done or busy."""
        now = self.now()
        try:  # plain SQL: tortoise's model and query building cost more than the insert
            await steps.write(
                JobClaim._meta.db, [Step(_CLAIM, [key, self.owner, 1, _at(now + self.lease)])]
            )
            return 1
        except IntegrityError:
            pass
        row = await JobClaim.get_or_none(key=key)
        if row is None:
            return "busy"  # released under us: try again on the next tick
        if row.done_at is not None:
            return "done"
        if row.expires_at > now and row.owner != self.owner:
            return "busy"  # held by another instance that is alive, as far as we know
        token = row.token + 1
        taken = await JobClaim.filter(key=key, token=row.token, done_at=None).update(
            owner=self.owner, token=token, expires_at=now + self.lease
        )
        if not taken:
            return "busy"  # another instance took it over first
        logger.warning(
            "took over job {key} from {old} (its lease ran out)", key=key, old=row.owner
        )
        return token

    async def renew(self, key: str, token: int) -> bool:
        """Extend the lease; False when another process took the job over (fenced out)."""
        until = self.now() + self.lease
        return bool(await JobClaim.filter(key=key, token=token).update(expires_at=until))

    async def finish(self, key: str, token: int) -> None:
        """Mark the occurrence done (only while still holding it)."""
        await steps.write(JobClaim._meta.db, [self._done(key, token)])

    def _done(self, key: str, token: int) -> Step:
        return Step(_DONE, [_at(self.now()), key, token])

    async def run(self, key: str, body: Callable[[], Awaitable[None]]) -> GateOutcome:
        """Run `body` once across instances under the claim on `key` (see the module)."""
        token = await self.acquire(key)
        if isinstance(token, str):
            return token
        # The done mark goes with the end of the job's cause (same key), in one round trip.
        along = Closing(key, lambda: self._done(key, token))
        reset = closing.set(along)
        try:
            job = asyncio.ensure_future(body())  # the task takes `closing` with it
        finally:
            closing.reset(reset)
        keeper = asyncio.ensure_future(self._keep(key, token, job))
        try:
            await job
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise  # the bot is stopping
            return "busy"  # fenced out (see `_keep`): the new holder completes it
        finally:
            keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await keeper
        if not along.sent:  # the cause was done before, or its end not journaled
            await self.finish(key, token)
        return "ran"

    async def _keep(self, key: str, token: int, job: asyncio.Future[None]) -> None:
        """Renew the lease while the job runs; cancel the job if the claim was lost."""
        while not job.done():
            await asyncio.sleep(self.lease.total_seconds() / 3)
            try:
                kept = await self.renew(key, token)
            except Exception:
                # A database hiccup: keep running; the lease is longer than one renewal.
                logger.exception("renewing the claim on job {key} failed", key=key)
                continue
            if not kept:
                logger.error("lost the claim on job {key}; stopping it", key=key)
                job.cancel()
                return
