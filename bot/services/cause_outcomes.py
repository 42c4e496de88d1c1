"""The outcomes of an event's actions, stored with the event's end: one round trip.

An event the engine handles (a cause opened with `at_end`: the engine settles it whatever
happens) takes its actions one by one, and each is still logged pending before the platform
is called (the first together with the cause's journal row: `journal_trip.touch_with`).
Their outcomes, their audit-trail entries and the cause's end (done or failed) are stored at
the cause's end, in one transaction: on SQLite one hand-off to its thread (bot.storage.trips)
instead of a transaction per action and a statement for the end.

A crash before that end leaves the actions pending and the cause running, as a crash
between an action's intent and its outcome always did: the restart resumes the cause and
checks each pending action with the platform (bot.services.pending). Where the one trip does
not apply (inside a transaction; the trail's head moved by another process, or not known yet), the
outcomes are stored as `finish_all` stores them, then the end.
"""

from __future__ import annotations

from bot.core.actions import Outcome
from bot.core.causes import Cause, current_cause
from bot.services import cause_end
from bot.services.action_batch import finish_all
from bot.services.action_record import ActionRecorder, Started
from bot.services.outcome_trip import one_trip
from bot.storage.models import CauseRecord


def defer(recorder: ActionRecorder, started: Started, outcome: Outcome) -> bool:
    """Keep the outcome of an action for the end of its cause (True), where the cause is
    journaled and its opener settles it."""
    cause = current_cause()
    if (
        cause is None
        or not cause.at_end
        or not isinstance(cause.journal, CauseRecord)
        or started.record.idempotency_key is None
    ):
        return False
    cause.deferred.append((recorder, started, outcome))
    cause.finisher, cause.flusher = _end, _flush
    return True


async def _end(cause: Cause, ok: bool) -> None:
    """`settle`: the waiting outcomes and the cause's end, in one trip where it applies."""
    if not await _store(cause, ok):
        await cause_end.finish(cause, ok)


async def _flush(cause: Cause) -> None:
    """`flush`: the waiting outcomes now, the cause goes on."""
    await _store(cause, None)


async def _store(cause: Cause, ok: bool | None) -> bool:
    """Store the waiting outcomes, with the cause's end unless `ok` is None; False if the
    end is still to be recorded."""
    waiting, cause.deferred = cause.deferred, []
    if not waiting:
        return False
    recorder: ActionRecorder = waiting[0][0]
    started = [s for _, s, _ in waiting]
    outcomes = [o for _, _, o in waiting]
    end = cause_end.ended(cause, ok) if ok is not None else None
    if await one_trip(recorder, started, outcomes, end):
        return ok is not None
    await finish_all(recorder, started, outcomes, trip=False)  # tried: not in one trip
    return False
