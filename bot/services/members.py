"""Who is in a group: member-list reads, members seen (where lists cannot be read), and the
`/rename` bindings. The per-member state audits keep is in bot.services.member_states."""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from bot.core.capabilities import Capability
from bot.core.clock import Clock
from bot.core.event_codec import member_from_json
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.ports import Platform
from bot.services import journal
from bot.services.member_state_memo import bump
from bot.storage.models import Binding, MemberState
from bot.storage.steps import write

# A member list as the journal keeps it: one JSON array per field (columns), a field every
# member has at its default left out. A list of 500 objects with six named fields each cost
# more to build and store than the audit spent deciding about the group.
_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("identity", None),
    ("role", "member"),
    ("is_self", False),
    ("handle", None),
    ("account", None),
)


def encode_members(members: list[MemberView]) -> dict[str, list[Any]]:
    """A member list, compactly, for the restart journal (`decode_members` reverses it)."""
    out: dict[str, list[Any]] = {"display": [m.display for m in members]}
    for name, default in _COLUMNS:
        column = list(map(attrgetter(name), members))
        if any(value != default for value in column):
            out[name] = column
    return out


def decode_members(data: dict[str, list[Any]] | list[dict[str, Any]]) -> list[MemberView]:
    """The member list `encode_members` stored (a list of objects: journaled before it)."""
    if isinstance(data, list):
        return [member_from_json(item) for item in data]
    shown = data["display"]
    columns = [data.get(name) or [default] * len(shown) for name, default in _COLUMNS]
    return [MemberView(*fields) for fields in zip(shown, *columns, strict=True)]


class MemberService:
    def __init__(self, platform: Platform, clock: Clock) -> None:
        self.platform = platform
        self.clock = clock
        # Members seen per group on platforms that cannot list members (key → view).
        self._seen: dict[str, dict[str, MemberView]] = {}
        self._bindings: dict[str, dict[str, int]] = {}

    def can_list(self, group: GroupRuntime) -> bool:
        return Capability.LIST_MEMBERS in self.platform.capabilities(group.code)

    async def read(self, group: GroupRuntime) -> list[MemberView]:
        """The member list now: read from the platform, or the members seen so far."""
        if self.can_list(group):
            # Remembered per cause: a cause run again after a crash sees the list it acted on.
            return await journal.remembered(
                f"members:{group.code}",
                lambda: self.platform.read_members(group.code),
                encode_members,
                decode_members,
            )
        return list((await self._seen_in(group)).values())

    async def observe(self, group: GroupRuntime, member: MemberView) -> None:
        """Remember a member seen joining or speaking (platforms without member lists)."""
        if self.can_list(group):
            return
        seen = await self._seen_in(group)
        if seen.get(member.key) == member:
            return  # already known as is: no database round trip
        seen[member.key] = member
        await self._store_seen(group, member, present=True)

    async def forget(self, group: GroupRuntime, member: MemberView) -> None:
        seen = await self._seen_in(group)
        if seen.pop(member.key, None) is not None:
            await MemberState.filter(group_id=group.db_id, key=member.key).update(present=False)
            await write(MemberState._meta.db, [bump(group.db_id)])  # after the row

    async def _seen_in(self, group: GroupRuntime) -> dict[str, MemberView]:
        if group.code not in self._seen:
            rows = await MemberState.filter(group_id=group.db_id, present=True)
            self._seen[group.code] = {
                row.key: MemberView(row.display, row.identity, handle=row.handle) for row in rows
            }
        return self._seen[group.code]

    async def _store_seen(self, group: GroupRuntime, member: MemberView, present: bool) -> None:
        now = self.clock.now()
        fields: dict[str, Any] = {  # tortoise takes the columns as keyword arguments
            "display": member.display,
            "identity": member.identity,
            "handle": member.handle,
            "present": present,
            "last_seen": now,
        }
        updated = await MemberState.filter(group_id=group.db_id, key=member.key).update(**fields)
        if not updated:  # first sight: first_seen is required (and kept on later updates)
            await MemberState.create(
                group_id=group.db_id, key=member.key, first_seen=now, reminders=0, **fields
            )
        # The audit's states kept in memory are not current now (after the row, not before).
        await write(MemberState._meta.db, [bump(group.db_id)])

    # -- bindings made by /rename ------------------------------------------------------------

    async def bindings(self, group: GroupRuntime) -> dict[str, int]:
        """Member key → employee id, for every `/rename` binding in the group (read-only).

        Read once, then kept: bindings change only through `bind`, in the instance that
        governs the group."""
        if group.code not in self._bindings:
            rows = await Binding.filter(group_id=group.db_id).values_list("key", "employee_id")
            self._bindings[group.code] = dict(rows)
        return self._bindings[group.code]

    async def bind(
        self, group: GroupRuntime, member: MemberView, employee_id: int, by: str
    ) -> None:
        await Binding.update_or_create(
            group_id=group.db_id,
            key=member.key,
            defaults={
                "employee_id": employee_id,
                "created_by": by,
                "created_at": self.clock.now(),
            },
        )
        (await self.bindings(group))[member.key] = employee_id
