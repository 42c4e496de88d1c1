"""Who is in a group: member-list reads, members seen (where lists cannot be read),
`/rename` bindings and the per-member state audits keep (reminder counts)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from bot.core.capabilities import Capability
from bot.core.clock import Clock
from bot.core.event_codec import member_from_json, member_to_json
from bot.core.members import MemberView
from bot.core.org import GroupRuntime
from bot.core.ports import Platform
from bot.services import journal
from bot.storage.models import Binding, MemberState


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
                lambda members: [member_to_json(m) for m in members],
                lambda data: [member_from_json(m) for m in data],
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

    # -- state kept by audits ----------------------------------------------------------------

    async def states(self, group: GroupRuntime) -> dict[str, MemberState]:
        """Each member's state as the current cause first found it: a reminder this cause
        counted already (before a crash) is discounted, so the cause decides the same again."""
        rows = await MemberState.filter(group_id=group.db_id)
        own = journal.own_key()
        for row in rows:
            if own is not None and row.reminded_by == own and row.reminders:
                row.reminders -= 1
        return {row.key: row for row in rows}

    async def record(
        self,
        group: GroupRuntime,
        seen: Iterable[tuple[MemberView, str, int | None]],
        states: dict[str, MemberState],
        now: datetime,
        reminded: frozenset[str] = frozenset(),
    ) -> None:
        """Store what an audit saw: (member, status, employee id) for every member present,
        counting a reminder for the keys in `reminded`; everyone else is marked absent."""
        create, update, present = [], [], set()
        for member, status, employee_id in seen:
            if member.key in present:
                continue  # two members showing one name share what the bot can know of them
            present.add(member.key)
            row = states.get(member.key)
            if row is None:
                row = MemberState(
                    group_id=group.db_id,
                    key=member.key,
                    first_seen=now,
                    reminders=0,
                )
                create.append(row)
            else:
                update.append(row)
            row.display, row.identity, row.handle = member.display, member.identity, member.handle
            row.status, row.employee_id, row.present, row.last_seen = (
                status,
                employee_id,
                True,
                now,
            )
            if member.key in reminded:
                row.reminders, row.last_reminded_at = (row.reminders or 0) + 1, now
                row.reminded_by = journal.own_key()
            elif status != "misnamed":
                row.reminders = 0
        gone = [row for key, row in states.items() if key not in present and row.present]
        for row in gone:
            row.present = False
        if create:
            await MemberState.bulk_create(create)
        fields = ["display", "identity", "handle", "status", "employee_id", "present"]
        if update:
            await MemberState.bulk_update(
                update,
                fields=[*fields, "last_seen", "reminders", "last_reminded_at", "reminded_by"],
            )
        if gone:
            await MemberState.bulk_update(gone, fields=["present"])
