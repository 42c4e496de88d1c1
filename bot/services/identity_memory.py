"""What the bot remembers about identities between member reads (spec "Identity").

- The contact remarks it has seen, in any group (loaded once from the member states, then
  kept as members are read): the employees it knows by a trusted way, whom nobody else may
  show the name of.
- Who held each roster entry at the last read of a group: "the one bound earlier" when a copy
  appears between audits (audits also store it, in the member states).
- Which groups this process has read, so a group's first message reads it once.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.services import identity, member_state_sql
from bot.services.classification import Classification
from bot.services.roster_match import RosterIndex
from bot.storage.models import MemberState


class IdentityMemory:
    def __init__(self, company: str | None) -> None:
        self.company = company
        self._remarks: set[str] | None = None
        self.read_groups: set[str] = set()
        # group → employee id → the member holding it (its key is worked out when asked for:
        # the view is kept anyway, by the group's classifications; a key string is not)
        self._holders: dict[str, dict[int, MemberView]] = {}
        self._known: dict[str, tuple[object, set[int]]] = {}

    async def _loaded(self) -> set[str]:
        if self._remarks is None:
            rows = await MemberState.filter(identity__not_isnull=True).values_list(
                "identity", flat=True
            )
            self._remarks = {str(r) for r in rows}
        return self._remarks

    async def saw(self, group: GroupRuntime, members: Sequence[MemberView]) -> None:
        """A read of `group`: remember the remarks it showed."""
        remarks = await self._loaded()
        remarks.update(m.identity for m in members if m.identity and not m.is_self)
        self.read_groups.add(group.code)

    async def known(self, group: GroupRuntime, index: RosterIndex) -> set[int]:
        """Roster entries the bot knows by a trusted way: the admins' remarks, and every
        contact remark seen in any group."""
        remarks = await self._loaded()
        # Remarks are only ever added: their count versions the answer, with the roster index.
        version = (id(index), len(remarks), group.admins)
        cached = self._known.get(group.code)
        if cached is None or cached[0] != version:
            template = group.policy.naming.template
            found = (
                index.by_remark(remark, template, self.company)
                for remark in remarks | group.admins
            )
            cached = (version, {entry.id for entry in found if entry is not None})
            self._known[group.code] = cached
        return cached[1]

    async def earlier(self, group: GroupRuntime) -> dict[int, set[str]]:
        """Employee id → keys of the members who held that entry: at the last read in this
        process, else as the last audit stored it."""
        out: dict[int, set[str]] = {}
        for employee_id, key, status in await member_state_sql.holders(group.db_id):
            if status in identity.CLAIMING:
                out.setdefault(employee_id, set()).add(key)
        held = self._holders.get(group.code, {})
        out.update({employee_id: {member.key} for employee_id, member in held.items()})
        return out

    def held(self, group: GroupRuntime, results: Sequence[Classification]) -> None:
        """Remember who holds each entry after a read of the whole group."""
        holders = self._holders.setdefault(group.code, {})
        for c in results:
            if c.entry is not None and c.status in identity.CLAIMING:
                holders[c.entry.id] = c.member
