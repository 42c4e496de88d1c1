"""Actions' outcomes stored in one round trip (bot.storage.trips): each action's outcome,
their audit-trail entries (one conditional move of the trail's head, one insert), and
optionally the statement that ends their cause, in one transaction.

Used by `finish_all` (an audit's removals, and the rest of a group's actions at the end of
`outcomes_together`) and by the outcomes an event keeps for its cause's end
(bot.services.cause_outcomes). Where the one trip does not apply (inside a transaction of
tortoise's; on PostgreSQL more than a few dozen rows; the trail's head moved by another
process, or not known yet) nothing is written and the caller stores them the usual way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.core.actions import Outcome
from bot.services.action_record import ActionRecorder, Started, log_refused
from bot.services.trail_head import entry_row, move_sql
from bot.storage import trips
from bot.storage.models import ActionRecord
from bot.storage.steps import fits


def settle_records(started: Sequence[Started], outcomes: Sequence[Outcome]) -> None:
    """Set each record's outcome (a dry run is logged as `dry_run`), not saved yet."""
    for s, outcome in zip(started, outcomes, strict=True):
        s.record.outcome = "dry_run" if s.dry else ("done" if outcome.ok else "refused")
        s.record.detail = outcome.reason or ""


def outcome_sql(outcome: str, detail: str, key: str) -> str:
    """The update storing an action's outcome, with these placeholders (`outcome_rows`)."""
    return (
        f'UPDATE "{ActionRecord._meta.db_table}" SET "outcome" = {outcome}, '
        f'"detail" = {detail} WHERE "idempotency_key" = {key}'
    )


def outcome_rows(started: Sequence[Started]) -> list[list[Any]]:
    """The values of `outcome_sql` for settled records."""
    return [[s.record.outcome, s.record.detail, s.record.idempotency_key] for s in started]


def trail_entries(started: Sequence[Started]) -> list[tuple[Any, ...]]:
    """The audit-trail entries of settled records: (kind, data, actor, group, key)."""
    return [
        (
            "action",
            {**s.payload, "outcome": s.record.outcome, "detail": s.record.detail},
            None,
            s.record.group_code,
            s.record.idempotency_key,
        )
        for s in started
    ]


_OUTCOME = outcome_sql("?", "?", "?")  # a trip's placeholders (bot.storage.trips)
_MOVE = move_sql("?", "?", "?", "?")


async def one_trip(
    recorder: ActionRecorder,
    started: Sequence[Started],
    outcomes: Sequence[Outcome],
    end: trips.Step | None = None,
) -> bool:
    """The outcomes, their trail entries and `end` (if any) in one trip; False (nothing
    written) where that does not apply."""
    db = ActionRecord._meta.db
    audit = recorder.audit
    if not trips.available(db):
        return False
    settle_records(started, outcomes)
    steps = [trips.Step(_OUTCOME, many=outcome_rows(started))]
    built = None
    if audit is not None:
        chained = audit.chained(trail_entries(started))
        if chained is None:
            return False
        (seq, hash_), built = chained
        new = (built[-1]["seq"], built[-1]["hash"])
        steps.append(trips.Step(_MOVE, [new[0], new[1], seq, hash_], guard=True))
        steps.append(trips.inserts([entry_row(entry) for entry in built], db))
    if end is not None:
        steps.append(end)
    if not fits(db, steps):
        return False  # PostgreSQL: too many rows for one statement (bot.storage.steps)
    if await trips.run(db, steps) is None:
        return False  # another process moved the trail's head: store them the usual way
    if audit is not None and built is not None:
        audit.moved(built)
        await audit.settled()
    log_refused(started, outcomes)
    return True
