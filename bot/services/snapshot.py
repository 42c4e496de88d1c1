"""A group measured against the roster: each member classified, the employees missing.

Per-member rules live in bot.services.classification; this module applies them with the
group's policy, scope and `/rename` bindings, and adds what needs the whole group at once (the
employees in scope whom no member matched). The audit, joins, `/roster`, exports and the
replay report all read groups through here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.core.employees import RosterEntry
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.vocabulary import MemberStatus
from bot.services import identity
from bot.services.classification import Classification, classify
from bot.services.members import MemberService
from bot.services.roster import RosterService
from bot.services.roster_match import RosterIndex
from bot.storage.models import MemberState


@dataclass
class Snapshot:
    """A group measured against the roster at one moment."""

    group: GroupRuntime
    members: list[MemberView]
    results: list[Classification]
    missing: list[RosterEntry]
    # The platform cannot list members (Telegram): `members` are only those the bot has seen
    # (joins, senders, admins), so `missing` may name people who are in the group.
    seen_only: bool = False

    def having(self, *statuses: MemberStatus) -> list[Classification]:
        return [c for c in self.results if c.status in statuses]

    def of(self, member: MemberView) -> Classification | None:
        """The member's classification (by key), None if they are not in the snapshot."""
        return next((c for c in self.results if c.member.key == member.key), None)

    def counts(self) -> dict[str, int]:
        statuses = ("compliant", "misnamed", "unknown", "ambiguous", "impostor", "departed")
        out = {s: 0 for s in statuses}
        for c in self.results:
            if c.status in out:
                out[c.status] += 1
        out["missing"] = len(self.missing)
        return out


class Snapshots:
    """Classifies members of a group: one (a join, a command's target) or all (a snapshot)."""

    def __init__(self, roster: RosterService, members: MemberService, company: str | None) -> None:
        self.roster = roster
        self.members = members
        self.company = company
        # Contact remarks the bot has seen (any group): the people it knows by a trusted way.
        self._remarks: set[str] | None = None
        self.read_groups: set[str] = set()  # groups whose members this process has classified
        # Group → employee id → key of the member who held the entry at the last read: "the
        # one bound earlier" between audits (audits store it in the member states).
        self._holders: dict[str, dict[int, str]] = {}

    async def classify(self, group: GroupRuntime, member: MemberView) -> Classification:
        """One member alone against the roster, without reading the group (a message's
        sender): trusted identities and the employees known by one are still honoured."""
        index = await self.roster.index()
        result = self._classify(group, member, index, await self.members.bindings(group))
        known = await self.known(group, index)
        return identity.resolve([result], known=known)[0]

    async def in_group(self, group: GroupRuntime, member: MemberView) -> Classification:
        """One member as the whole group decides it (who holds the entry they claim): a
        joiner, the sender of an offence about to be charged, a command's target."""
        members = await self.members.read(group)
        present = any(m.key == member.key for m in members)
        snap = await self.take(group, members if present else [*members, member], member.key)
        found = snap.of(member)
        assert found is not None
        return found

    async def take(
        self,
        group: GroupRuntime,
        members: Sequence[MemberView] | None = None,
        newcomer: str | None = None,
    ) -> Snapshot:
        """Every member (read now unless given) classified, and the employees missing."""
        members = list(members) if members is not None else await self.members.read(group)
        index = await self.roster.index()
        bindings = await self.members.bindings(group)
        results = [self._classify(group, member, index, bindings) for member in members]
        self._remember(members)
        self.read_groups.add(group.code)
        earlier = await _earlier(group)
        holders = self._holders.setdefault(group.code, {})
        earlier.update({employee_id: {key} for employee_id, key in holders.items()})
        known = await self.known(group, index)
        results = identity.resolve(
            results, known=known, earlier=earlier, newcomer=newcomer, admins=group.admins
        )
        for c in results:
            if c.entry is not None and c.status in identity.CLAIMING:
                holders[c.entry.id] = c.member.key
        present = {c.entry.id for c in results if c.entry is not None}
        missing = [
            entry
            for entry in index.entries
            if entry.active and group.config.scope.admits(entry) and entry.id not in present
        ]
        return Snapshot(group, members, results, missing, not self.members.can_list(group))

    async def known(self, group: GroupRuntime, index: RosterIndex) -> set[int]:
        """Roster entries the bot knows by a trusted way: the admins' remarks, and every
        contact remark seen in any group."""
        if self._remarks is None:
            rows = await MemberState.filter(identity__not_isnull=True).values_list(
                "identity", flat=True
            )
            self._remarks = {str(r) for r in rows}
        naming = group.policy.naming
        found = (
            index.by_remark(remark, naming.template, self.company)
            for remark in self._remarks | group.admins
        )
        return {entry.id for entry in found if entry is not None}

    def _remember(self, members: Sequence[MemberView]) -> None:
        if self._remarks is not None:
            self._remarks.update(m.identity for m in members if m.identity and not m.is_self)

    def _classify(
        self,
        group: GroupRuntime,
        member: MemberView,
        index: RosterIndex,
        bindings: Mapping[str, int],
    ) -> Classification:
        bound = bindings.get(member.key)
        return classify(
            member,
            index,
            naming=group.policy.naming,
            scope=group.config.scope,
            company=self.company,
            binding=index.by_id.get(bound) if bound is not None else None,
        )


async def _earlier(group: GroupRuntime) -> dict[int, set[str]]:
    """Employee id → keys of the members present who held that entry at the last audit."""
    rows = await MemberState.filter(
        group_id=group.db_id, present=True, employee_id__not_isnull=True
    ).values_list("employee_id", "key", "status")
    out: dict[int, set[str]] = {}
    for employee_id, key, status in rows:
        if status in identity.CLAIMING:
            out.setdefault(int(employee_id), set()).add(str(key))
    return out
