"""The state audits keep per member: status, employee, presence and the reminder count.

Audits load the states before deciding (`load`) and store what they saw after (`record`).
Both are keyed to the current cause (bot.services.journal) so a cause run again after a crash
decides from the same counts and does not count its reminders twice.

A daily audit reads and writes every member of every group, so both go through plain SQL on
tuples (bot.services.member_state_sql): building a tortoise model per row cost more than
deciding about the member.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.services import journal
from bot.services import member_state_memo as memo
from bot.services.member_state_sql import State, insert, last_seen, select, update
from bot.storage.models import MemberState
from bot.storage.steps import write
from bot.storage.trips import Step

__all__ = ["State", "Written", "count_reminder", "load", "record"]


@dataclass
class Written:
    """The keys `record` wrote: rows created, rows rewritten (last_seen aside)."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


async def load(group: GroupRuntime) -> dict[str, State]:
    """Each member's state as the current cause first found it: a reminder this cause
    counted already (before a crash) is discounted, so the cause decides the same again.
    The states this process wrote last, while nobody wrote them since (one row read), else
    every row (bot.services.member_state_memo)."""
    current = await memo.version(group.db_id)  # first: rows read after it are as new
    rows = memo.take(group.db_id, current)
    if rows is None:
        rows = memo.States((row.key, row) for row in await select(group.db_id))
        rows.version = current
    own = journal.own_key()
    for row in rows.values() if own is not None else ():
        if row.reminded_by == own and row.reminders:
            row.reminders -= 1  # written back by `record` whatever else changes
    return rows


async def record(
    group: GroupRuntime,
    seen: Iterable[tuple[MemberView, str, int | None]],
    states: dict[str, State],
    now: datetime,
    reminded: frozenset[str] = frozenset(),
    also: Sequence[Step] = (),
) -> Written:
    """Store what an audit saw: (member, status, employee id) for every member present,
    counting a reminder for the keys in `reminded`; everyone else is marked absent.

    Only rows that changed are written (a steady day changes few: one statement for them
    all), and `last_seen` of every member present moves in one statement. These, then the
    statements `also` (the caller's other writes), in one round trip where it applies
    (bot.storage.steps)."""
    own, out = journal.own_key(), Written()

    def mine(row: State) -> bool:  # `load` may have discounted it in memory: always written
        return own is not None and row.reminded_by == own

    create: list[State] = []
    update_rows: list[tuple[State, bool]] = []  # (row, reminded now)
    present: set[str] = set()
    for member, status, employee_id in seen:
        key = member.key
        if key in present:
            continue  # two members showing one name share what the bot can know of them
        present.add(key)
        row = states.get(key)
        if (
            row is not None  # most rows on most days: unchanged, so not rewritten
            and row.status == status
            and row.display == member.display
            and row.employee_id == employee_id
            and row.present
            and row.identity == member.identity
            and row.handle == member.handle
            and key not in reminded
            and (status == "misnamed" or not row.reminders)
            and not mine(row)
        ):
            continue
        counted = key in reminded
        if row is None:
            row = State(key, member.display, None, None, status, None, True, 0, None)
            create.append(row)
        else:  # every way past the test above changes the row (or it is `mine`)
            update_rows.append((row, counted))
        row.display, row.identity, row.handle = member.display, member.identity, member.handle
        row.status, row.employee_id, row.present = status, employee_id, True
        if counted:
            row.reminders, row.reminded_by = row.reminders + 1, own
        elif status != "misnamed":
            row.reminders = 0
    for key, row in states.items():
        if key not in present and row.present:
            row.present = False
            update_rows.append((row, False))
    out.created = [row.key for row in create]
    out.updated = [row.key for row, _ in update_rows]
    steps = [insert(group.db_id, create, now, reminded), update(group.db_id, update_rows, now)]
    if len(present) > len(create):
        steps.append(last_seen(group.db_id, now, [row.key for row, _ in update_rows]))
    loaded, version = getattr(states, "version", None), memo.fresh()
    steps.append(memo.stamp(group.db_id, loaded, version))  # after the rows, never before
    await write(MemberState._meta.db, [step for step in (*steps, *also) if step is not None])
    if loaded is not None:  # `states` and the rows created are what is stored now
        memo.keep(group.db_id, version, {**states, **{row.key: row for row in create}})
    return out


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
        await write(MemberState._meta.db, [memo.bump(group.db_id)])
        return
    if own is not None and row.reminded_by == own:
        return  # this cause counted it already (run again after a restart)
    row.reminders, row.last_reminded_at, row.reminded_by = (row.reminders or 0) + 1, now, own
    await row.save(update_fields=["reminders", "last_reminded_at", "reminded_by"])
    await write(MemberState._meta.db, [memo.bump(group.db_id)])  # after the row, not before
