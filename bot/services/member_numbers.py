"""Members' numbers in a group: what `/roster` shows and `/kick #3` names.

A display name cannot name every member (two may show one name, or names that differ only in
a full-width dash), so each member also gets a number. Numbers are stable: a member key (see
`MemberView.key`) gets the next free number of its group the first time the bot lists it,
new members in the order the platform lists them, and keeps it for good; a number is never
reused. So `#3` means the member who was #3 when `/roster` showed it, or nobody now (they
left), never someone who moved up the list. A member the bot knows only by display name gets
a new number when that name changes (to the bot it is another member).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.storage.models import MemberNumber


async def numbers(group: GroupRuntime, members: Sequence[MemberView]) -> dict[str, int]:
    """Member key → number for `members` (the bot itself has none), numbering new ones."""
    known: dict[str, int] = dict(
        await MemberNumber.filter(group_id=group.db_id).values_list("key", "number")
    )
    following = max(known.values(), default=0) + 1
    new: list[MemberNumber] = []
    for member in members:
        if member.is_self or member.key in known:
            continue
        known[member.key] = following
        new.append(MemberNumber(group_id=group.db_id, key=member.key, number=following))
        following += 1
    if new:
        await MemberNumber.bulk_create(new)
    return {m.key: known[m.key] for m in members if not m.is_self}


async def key_of(group: GroupRuntime, number: int) -> str | None:
    """The member key that holds `number` in the group, None if no member ever did."""
    row = await MemberNumber.get_or_none(group_id=group.db_id, number=number)
    return row.key if row is not None else None
