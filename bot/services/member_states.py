"""The state audits keep per member: status, employee, presence and the reminder count.

Audits load the states before deciding (`load`) and store what they saw after (`record`).
Both are keyed to the current cause (bot.services.journal) so a cause run again after a crash
decides from the same counts and does not count its reminders twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.services import journal
from bot.storage.models import MemberState

_SEEN_FIELDS = ["display", "identity", "handle", "status", "employee_id", "present"]
# Written when they change; `last_seen` moves for every member present, in one statement.
_WRITTEN = [*_SEEN_FIELDS, "reminders", "last_reminded_at", "reminded_by"]


async def load(group: GroupRuntime) -> dict[str, MemberState]:
    """Each member's state as the current cause first found it: a reminder this cause
    counted already (before a crash) is discounted, so the cause decides the same again."""
    # Only the columns audits decide on and write: parsing the seen-times of every row cost
    # as much again. `record` writes the rest (`last_seen`) without reading it.
    rows = await MemberState.filter(group_id=group.db_id).only("id", "key", *_WRITTEN)
    own = journal.own_key()
    for row in rows:
        if own is not None and row.reminded_by == own and row.reminders:
            row.reminders -= 1
    return {row.key: row for row in rows}


async def record(
    group: GroupRuntime,
    seen: Iterable[tuple[MemberView, str, int | None]],
    states: dict[str, MemberState],
    now: datetime,
    reminded: frozenset[str] = frozenset(),
) -> None:
    """Store what an audit saw: (member, status, employee id) for every member present,
    counting a reminder for the keys in `reminded`; everyone else is marked absent.

    Only rows that changed are written (a steady day changes few), and `last_seen` of every
    member present moves in one statement."""
    create, update, present = [], [], set()
    changed: set[str] = set()
    own = journal.own_key()
    for member, status, employee_id in seen:
        if member.key in present:
            continue  # two members showing one name share what the bot can know of them
        present.add(member.key)
        row = states.get(member.key)
        if row is None:
            row = MemberState(group_id=group.db_id, key=member.key, first_seen=now, reminders=0)
            create.append(row)
            _saw(row, member, status, employee_id, now, member.key in reminded)
            continue
        before = [getattr(row, name) for name in _WRITTEN]
        _saw(row, member, status, employee_id, now, member.key in reminded)
        # `load` discounted this cause's own reminder in memory: such a row is always written.
        fields = {n for n, old in zip(_WRITTEN, before, strict=True) if getattr(row, n) != old}
        if fields or (own is not None and row.reminded_by == own):
            update.append(row)
            changed |= fields or set(_WRITTEN)
    gone = [row for key, row in states.items() if key not in present and row.present]
    for row in gone:
        row.present = False
    if create:
        await MemberState.bulk_create(create)
    if update:
        await MemberState.bulk_update(update, fields=[n for n in _WRITTEN if n in changed])
    if gone:
        await MemberState.bulk_update(gone, fields=["present"])
    if len(present) > len(create):
        await MemberState.filter(group_id=group.db_id, present=True).update(last_seen=now)


def _saw(
    row: MemberState,
    member: MemberView,
    status: str,
    employee_id: int | None,
    now: datetime,
    reminded: bool,
) -> None:
    """Update one row with what the audit saw of the member."""
    row.display, row.identity, row.handle = member.display, member.identity, member.handle
    row.status, row.employee_id, row.present, row.last_seen = status, employee_id, True, now
    if reminded:
        row.reminders, row.last_reminded_at = (row.reminders or 0) + 1, now
        row.reminded_by = journal.own_key()
    elif status != "misnamed":
        row.reminders = 0


async def count_reminder(group: GroupRuntime, member: MemberView, now: datetime) -> None:
    """Count a naming reminder sent outside an audit (`/rename`) towards
    `naming.after_reminders`, once per cause."""
    own = journal.own_key()
    row = await MemberState.get_or_none(group_id=group.db_id, key=member.key)
    if row is None:
        await MemberState.create(
            group_id=group.db_id,
            key=member.key,
            display=member.display,
            identity=member.identity,
            handle=member.handle,
            present=True,
            first_seen=now,
            last_seen=now,
            reminders=1,
            last_reminded_at=now,
            reminded_by=own,
        )
        return
    if own is not None and row.reminded_by == own:
        return  # this cause counted it already (run again after a restart)
    row.reminders, row.last_reminded_at, row.reminded_by = (row.reminders or 0) + 1, now, own
    await row.save(update_fields=["reminders", "last_reminded_at", "reminded_by"])
