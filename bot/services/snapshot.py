"""A group measured against the roster: each member classified, the employees missing.

Per-member rules live in bot.services.classification; this module applies them with the
group's policy, scope and `/rename` bindings, and adds what needs the whole group at once (the
employees in scope whom no member matched). The audit, joins, `/roster`, exports and the
replay report all read groups through here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from bot.core.employees import RosterEntry
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.vocabulary import MemberStatus
from bot.services import identity
from bot.services.classification import Classification, classify
from bot.services.classified_memo import ClassifiedMemo
from bot.services.identity_memory import IdentityMemory
from bot.services.members import MemberService
from bot.services.roster import RosterService
from bot.services.roster_match import RosterIndex
from bot.services.snapshot_memo import LoneMemo, ResolutionMemo, contested

CLASSIFIED_KEPT = 50_000  # members classified alone remembered (cleared beyond)
ALONE_PER_GROUP = 2_000  # members classified alone kept per group beyond its last read


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
        """The employees in the group's scope whom no member matched (worked out when first
        asked, from the roster's in-scope entries, which the index keeps per scope)."""
        present = {c.entry.id for c in self.results if c.entry is not None}
        return [e for e in self.roster.in_scope(self.group.config.scope) if e.id not in present]

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
        self.memory = IdentityMemory(company)
        self._classified = ClassifiedMemo(ALONE_PER_GROUP)
        self._resolved = ResolutionMemo()
        self._lone = LoneMemo(CLASSIFIED_KEPT)

    async def classify(self, group: GroupRuntime, member: MemberView) -> Classification:
        """One member alone against the roster, without reading the group (a message's
        sender): trusted identities and the employees known by one are still honoured."""
        index = await self.roster.index()
        bound = (await self.members.bindings(group)).get(member.key)
        result = self._classified.one(
            group.code,
            (group.policy, group.config, index),
            (member, bound),
            lambda: self._classify(group, member, index, bound),
        )
        known = await self.memory.known(group, index)
        return self._lone.resolve(group.code, result, known, group.admins)

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
        template = group.policy.naming.template
        await self.memory.saw(group, members)
        known = await self.memory.known(group, index)
        key = self._resolved.inputs(group, members, index, bindings, newcomer)
        last = self._resolved.get(group.code, key, known)
        earlier = None
        if last is not None and last.earlier is not None:
            earlier = await self.memory.earlier(group)
        if last is not None and earlier == last.earlier:
            # The same inputs as the last read (or those less members no one depended on):
            # the same answer; `held` was given these results (or more) with the last read,
            # and it never forgets a holder, so giving them again changes nothing.
            return Snapshot(
                group, members, list(last.results), index, not self.members.can_list(group)
            )
        alone = self._classified.all(
            group.code,
            key[1],  # the anchors: policy, config, roster index
            [(m, bindings.get(m.key) if bindings else None) for m in members],
            lambda mb: self._classify(group, mb[0], index, mb[1]),
        )
        if not contested(alone):
            earlier = None  # `resolve` would not consult it: not read
        elif earlier is None:
            earlier = await self.memory.earlier(group)
        results = identity.resolve(
            alone,
            known=known,
            earlier=earlier,
            newcomer=newcomer,
            admins=group.admins,
            # Every display name was just matched: its normalised form is in the match memo.
            normalised=lambda display: index.match(display, template, self.company).name,
        )
        self._resolved.put(group.code, key, known, earlier, results, alone)
        self.memory.held(group, results)
        return Snapshot(group, members, results, index, not self.members.can_list(group))

    def _classify(
        self, group: GroupRuntime, member: MemberView, index: RosterIndex, bound: int | None
    ) -> Classification:
        return classify(
            member,
            index,
            naming=group.policy.naming,
            scope=group.config.scope,
            company=self.company,
            binding=index.by_id.get(bound) if bound is not None else None,
        )
