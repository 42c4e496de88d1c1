"""The restart journal's writes folded into other statements' round trip (bot.storage.trips).

- `touch_with`: a fresh cause's journal row and its first write (an action logged pending)
  in one round trip, instead of one each.
(The statement recording a cause's end, for the trip that stores the outcomes of its
actions, is bot.services.cause_end.ended.)
"""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.models import Model

from bot.core.causes import current_cause
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
