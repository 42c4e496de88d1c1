"""A group measured against the roster: each member classified, the employees missing.

Per-member rules live in bot.services.classification; this module applies them with the
group's policy, scope and `/rename` bindings, and adds what needs the whole group at once (the
employees in scope whom no member matched). The audit, joins, `/roster`, exports and the
replay report all read groups through here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from bot.core.employees import RosterEntry
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.vocabulary import MemberStatus
from bot.services.classification import Classification, classify
from bot.services.members import MemberService
from bot.services.roster import RosterService
from bot.services.roster_match import RosterIndex


@dataclass
class Snapshot:
    """A group measured against the roster at one moment."""

    group: GroupRuntime
    members: list[MemberView]
    results: list[Classification]
    roster: RosterIndex = field(repr=False, compare=False)
    # The platform cannot list members (Telegram): `members` are only those the bot has seen
    # (joins, senders, admins), so `missing` may name people who are in the group.
    seen_only: bool = False

    @cached_property
    def missing(self) -> list[RosterEntry]:
        """The employees in the group's scope whom no member matched (worked out when asked:
        the audit does not need them, `/roster`, exports and reports do)."""
        present = {c.entry.id for c in self.results if c.entry is not None}
        scope = self.group.config.scope
        return [
            entry
            for entry in self.roster.entries
            if entry.active and scope.admits(entry) and entry.id not in present
        ]

    def having(self, *statuses: MemberStatus) -> list[Classification]:
        return [c for c in self.results if c.status in statuses]

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in ("compliant", "misnamed", "unknown", "ambiguous", "departed")}
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

    async def classify(self, group: GroupRuntime, member: MemberView) -> Classification:
        """One member against the roster (a join, a `/rename` target)."""
        index = await self.roster.index()
        return self._classify(group, member, index, await self.members.bindings(group))

    async def take(
        self, group: GroupRuntime, members: Sequence[MemberView] | None = None
    ) -> Snapshot:
        """Every member (read now unless given) classified, and the employees missing."""
        members = list(members) if members is not None else await self.members.read(group)
        index = await self.roster.index()
        bindings = await self.members.bindings(group)
        results = [self._classify(group, member, index, bindings) for member in members]
        return Snapshot(group, members, results, index, not self.members.can_list(group))

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
