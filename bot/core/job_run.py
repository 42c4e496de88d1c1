"""Running one occurrence of a scheduled job: under its cause, through the gate.

The gate decides whether this process runs the occurrence at all: several instances sharing a
database schedule the same jobs (an org-wide report, a group two instances own), and exactly
one of them must run each occurrence (bot.services.job_claims). Without a gate (one process,
a replay) every occurrence runs here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Literal, Protocol

from loguru import logger

from bot.core.causes import CauseDone, caused_by, settle

Job = Callable[[], Awaitable[None]]
# ran: here; done: by someone, before; busy: another process holds it now (try again later).
GateOutcome = Literal["ran", "done", "busy"]


class Gate(Protocol):
    async def run(self, key: str, body: Job) -> GateOutcome:
        """Run `body` unless the occurrence `key` is done or held elsewhere."""
        ...


def job_key(name: str, due: datetime) -> str:
    """The cause key of one run of a job: its name and the moment it was due."""
    return f"job:{name}@{due.isoformat()}"


async def run_job(name: str, due: datetime, run: Job, gate: Gate | None = None) -> GateOutcome:
    """Run one occurrence under its cause (through `gate` when given); a failure is logged,
    never raised (jobs are independent)."""
    key = job_key(name, due)

    async def body() -> None:
        with caused_by(key, kind="job", subject={"job": name, "due": due.isoformat()}) as cause:
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

    if gate is None:
        await body()
        return "ran"
    return await gate.run(key, body)
