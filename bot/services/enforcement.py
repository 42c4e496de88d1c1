"""Removals and the warning ladder, done safely.

- Owner, admins (platform role or the group's command admins) and the bot are never removed.
- Where the bot cannot remove (no rights, no capability), admins are asked to do it by hand.
- Removals that did not take effect are reported to admins, never announced as done.
- Each batch of removals is announced once, in public, with the reason.

The enforcer decides who is removed and when; what it says is in
bot.services.enforcement_notices.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from bot.core.actions import Remove
from bot.core.capabilities import Capability
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.ports import Platform
from bot.core.vocabulary import Reason
from bot.services.actions import Actuator
from bot.services.enforcement_notices import EnforcementNotices
from bot.services.members import MemberService
from bot.services.notify import Notifier
from bot.services.warnings import WarningService


class Enforcer:
    def __init__(
        self,
        platform: Platform,
        actuator: Actuator,
        notifier: Notifier,
        warnings: WarningService,
        members: MemberService,
    ) -> None:
        self.platform = platform
        self.actuator = actuator
        self.notices = EnforcementNotices(notifier)
        self.warnings = warnings
        self.members = members

    @staticmethod
    def protected(group: GroupRuntime, member: MemberView) -> bool:
        """The owner, admins and the bot are never removed, whatever their status."""
        return (
            member.is_self
            or member.role in ("owner", "admin")
            or (member.identity is not None and member.identity in group.admins)
        )

    def can_remove(self, group: GroupRuntime) -> bool:
        return Capability.REMOVE in self.platform.capabilities(group.code)

    async def remove(
        self,
        group: GroupRuntime,
        targets: Sequence[tuple[MemberView, Reason]],
        present: Sequence[MemberView],
        *,
        detail: str = "",
    ) -> list[MemberView]:
        """Remove (member, reason) pairs; announce what was done, hand the rest to admins."""
        wanted = [(m, r) for m, r in targets if not self.protected(group, m)]
        if not wanted:
            return []
        if not self.can_remove(group):
            await self.notices.ask_admins(group, present, wanted, "alert-remove-by-hand")
            return []
        # Platforms that act by display name cannot tell two members of one name apart:
        # acting on an ambiguous name is refused, not guessed.
        shown = Counter(m.display for m in present)
        ambiguous = [(m, r) for m, r in wanted if m.handle is None and shown[m.display] > 1]
        if ambiguous:
            await self.notices.ask_admins(group, present, ambiguous, "alert-remove-ambiguous")
            wanted = [pair for pair in wanted if pair not in ambiguous]
        removals = [
            Remove(group.code, member, reason, self.notices.removal_text(member, reason, detail))
            for member, reason in wanted
        ]
        # Together, so a platform that removes in batches (WeChat) makes one call per group.
        outcomes = await self.actuator.perform_all(removals)
        done: dict[Reason, list[MemberView]] = defaultdict(list)
        failed: list[tuple[MemberView, Reason]] = []
        for (member, reason), outcome in zip(wanted, outcomes, strict=True):
            if outcome.ok:
                done[reason].append(member)
            else:
                failed.append((member, reason))
        for reason, members in done.items():
            await self.notices.announce_removals(group, reason, members, detail)
        if failed:
            await self.notices.ask_admins(group, present, failed, "alert-remove-failed")
        return [m for members in done.values() for m in members]

    async def warn(
        self,
        group: GroupRuntime,
        member: MemberView,
        employee_id: int | None,
        present: Sequence[MemberView] | None = None,
        *,
        rule: Reason,
        reason: str,
        evidence: str = "",
        by: str | None = None,
    ) -> int:
        """Record a warning, say the count against the limit, apply warnings.action at it.

        `present` (the member list) is read only if the limit is reached and not given."""
        count = await self.warnings.add(
            group, member, employee_id, rule=rule, reason=reason, evidence=evidence, by=by
        )
        await self.notices.warning_issued(group, member, count, rule=rule, reason=reason)
        policy = group.policy.warnings
        if count < policy.limit:
            return count
        if present is None:
            present = await self.members.read(group)
        if policy.action == "remove" and not self.protected(group, member):
            await self.remove(group, [(member, "warn_limit")], present, detail=reason)
        else:
            await self.notices.warn_limit_reached(group, present, member, count, reason)
        return count
