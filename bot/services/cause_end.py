"""The restart journal's writes after a cause's first touch, in plain SQL: the platform reads
it remembers (`memo_step`) and its end (`ended`, `finish`).

Whoever runs a cause may have a statement of its own to send with that cause's end
(`closing`: a job's claim marked done with the job's end, bot.services.job_claims): `finish`
sends both in one round trip (bot.storage.steps), one transaction. Only the cause of the
given key takes it along, not a cause opened within it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.core.causes import Cause
from bot.storage import steps
from bot.storage.models import CauseRecord
from bot.storage.trips import Step


@dataclass
class Closing:
    """A statement to send with the end of the cause `key`, made at that end (`sent` once
    it was)."""

    key: str
    step: Callable[[], Step]
    sent: bool = False


# Per task: what the end of one cause takes along (set by whoever runs the cause).
closing: ContextVar[Closing | None] = ContextVar("closing", default=None)


def now() -> datetime:
    """Bookkeeping time, not business time: business rules read the injected clock."""
    return datetime.now(UTC)


def memo_step(row: CauseRecord) -> Step:
    """The statement storing `row.memo` (what the cause read so far)."""
    stored = CauseRecord._meta.fields_map["memo"].to_db_value(row.memo, row)
    cast = "" if CauseRecord._meta.db.capabilities.dialect == "sqlite" else "::jsonb"
    return Step(f'UPDATE "{CauseRecord._meta.db_table}" SET "memo"=?{cast} WHERE "id"=?',
                [stored, row.id])  # fmt: skip


def ended(cause: Cause, ok: bool) -> Step | None:
    """The journal's record of the cause's end, as a statement for a trip (None: no row)."""
    row = cause.journal
    if not isinstance(row, CauseRecord):
        return None
    row.status, row.finished_at = ("done" if ok else "failed"), now()
    at = CauseRecord._meta.fields_map["finished_at"].to_db_value(row.finished_at, row)
    sql = f'UPDATE "{CauseRecord._meta.db_table}" SET "status"=?,"finished_at"=? WHERE "id"=?'
    return Step(sql, [row.status, at, row.id])


async def finish(cause: Cause, ok: bool) -> None:
    """Record the cause's end (the journal's finisher), with what `closing` holds for this
    very cause, in one round trip."""
    end = ended(cause, ok)
    if end is None:
        return
    along = closing.get()
    if along is None or along.key != cause.key or along.sent:
        await steps.write(CauseRecord._meta.db, [end])
        return
    await steps.write(CauseRecord._meta.db, [end, along.step()])
    along.sent = True
