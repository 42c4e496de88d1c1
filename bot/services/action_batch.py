"""Several actions of one cause logged together (an audit's removals in a group).

`begin_all` logs them all as pending in one statement before any is carried out;
`finish_all` stores their outcomes and their audit-trail entries in one transaction, with
one move of the trail's head. Action by action that was two statements each plus a
three-statement transaction each.

`outcomes_together(recorder)` does the same for actions carried out one by one (an audit's
reminder and reports): within it, each action is still logged pending before the platform
is called, but the outcomes wait for the end of the block, and are stored there together.

`begin_all` only for a cause journaled by this very run (`journal.fresh()`): nothing can be
logged under its keys yet, so no key is looked up. A cause run again after a crash goes
action by action (`ActionRecorder.begin`): each action still pending is checked with the
platform, the same as when the bot died between an action's intent and its outcome.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar

from tortoise.transactions import in_transaction

from bot.core.actions import Action, Outcome
from bot.core.causes import flush, next_action_key
from bot.services import journal
from bot.services.action_log import report_fields
from bot.services.action_record import ActionRecorder, Started, log_refused, pending_record
from bot.services.outcome_trip import (
    one_trip,
    outcome_rows,
    outcome_sql,
    settle_records,
    trail_entries,
)
from bot.storage.models import ActionRecord
from bot.storage.sql import marks

# Per task: outcomes waiting for the end of the current `outcomes_together` block.
_waiting: ContextVar[list[tuple[Started, Outcome]] | None] = ContextVar("waiting", default=None)


@asynccontextmanager
async def outcomes_together(recorder: ActionRecorder) -> AsyncIterator[None]:
    """Store the outcomes of the actions performed within, together at the end (`wait`)."""
    waiting: list[tuple[Started, Outcome]] = []
    token = _waiting.set(waiting)
    try:
        yield
    finally:  # what was carried out is recorded, whatever went wrong after
        _waiting.reset(token)
        if waiting:
            await finish_all(recorder, [s for s, _ in waiting], [o for _, o in waiting])


def wait(started: Started, outcome: Outcome) -> bool:
    """Within `outcomes_together`: keep the outcome for the end of the block (True)."""
    waiting = _waiting.get()
    if waiting is None or started.record.idempotency_key is None:
        return False  # outside a block, or no key to find the record by: store it now
    waiting.append((started, outcome))
    return True


def wait_all(started: Sequence[Started], outcomes: Sequence[Outcome]) -> bool:
    """`wait` for actions `begin_all` logged: all kept for the end of the block, or none."""
    waiting = _waiting.get()
    if waiting is None:
        return False
    waiting.extend(zip(started, outcomes, strict=True))
    return True


async def begin_all(
    recorder: ActionRecorder, actions: Sequence[Action], dry: Sequence[bool]
) -> list[Started] | None:
    """Log `actions` as pending, in one statement; None where this does not apply (no
    cause, or a cause run again): log them one by one instead."""
    if await journal.touch() is None or not journal.fresh():
        return None
    keys = [next_action_key() for _ in actions]
    now = recorder.clock.now()
    started = []
    for action, key, is_dry in zip(actions, keys, dry, strict=True):
        payload = report_fields(action, recorder.groups)
        if is_dry:
            payload["dry_run"] = True
        record = pending_record(now, action, payload, key)
        started.append(Started(action, record, payload, is_dry))
    await ActionRecord.bulk_create([s.record for s in started])
    return started


async def finish_all(
    recorder: ActionRecorder,
    started: Sequence[Started],
    outcomes: Sequence[Outcome],
    *,
    trip: bool = True,
) -> None:
    """Store the outcomes of actions `begin_all` logged, and their audit-trail entries, in
    one transaction (a dry run is logged as `dry_run`): in one round trip where it applies
    (`trip`: not tried already)."""
    await flush()  # outcomes waiting for the cause's end go first (bot.core.causes.flush)
    if trip and await one_trip(recorder, started, outcomes):
        return  # one round trip (bot.services.outcome_trip)
    settle_records(started, outcomes)
    async with in_transaction() as conn:
        await conn.execute_many(outcome_sql(*marks(conn, 3)), outcome_rows(started))
        if recorder.audit is not None:
            await recorder.audit.append_many(trail_entries(started), using=conn)
    if recorder.audit is not None:
        await recorder.audit.settled()
    log_refused(started, outcomes)
