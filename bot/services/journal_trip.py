"""The restart journal's writes folded into other statements' round trip (bot.storage.trips).

- `touch_with`: a fresh cause's journal row and its first write (an action logged pending)
  in one round trip, instead of one each.
- `ended`: the statement recording a cause's end, for the trip that stores the outcomes of
  its actions (bot.services.cause_outcomes).
"""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.models import Model

from bot.core.causes import Cause, current_cause
from bot.services import journal
from bot.storage import trips
from bot.storage.models import CauseRecord


async def touch_with(row: Model) -> bool:
    """Journal a fresh cause and insert `row` (its first write) with it, in one round trip
    (bot.storage.trips); False where that does not apply: the caller calls `touch` and
    writes `row` itself (a cause journaled before then resumes as usual)."""
    cause = current_cause()
    db = CauseRecord._meta.db
    if cause is None or cause.journal is not None or not trips.available(db):
        return False
    own = journal.new_row(cause)
    try:
        ids = await trips.run(db, [trips.insert(own, db), trips.insert(row, db)])
    except IntegrityError:
        return False  # the cause's key is taken: nothing was written
    assert ids is not None
    trips.saved(own, ids[0])
    trips.saved(row, ids[1])
    journal.attach(cause, own, fresh=True)
    return True


def ended(cause: Cause, ok: bool) -> trips.Step | None:
    """The journal's record of the cause's end, as a statement for a trip (None: no row)."""
    row = cause.journal
    if not isinstance(row, CauseRecord):
        return None
    row.status, row.finished_at = ("done" if ok else "failed"), journal.now()
    at = CauseRecord._meta.fields_map["finished_at"].to_db_value(row.finished_at, row)
    sql = f'UPDATE "{CauseRecord._meta.db_table}" SET "status"=?,"finished_at"=? WHERE "id"=?'
    return trips.Step(sql, [row.status, at, row.id])
