"""Joins: every newcomer is welcomed with the exact name to set, or handled per policy."""

from __future__ import annotations

from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.vocabulary import Reason
from bot.services.audit_notices import AuditNotices
from bot.services.enforcement import Enforcer
from bot.services.members import MemberService
from bot.services.notify import Notifier
from bot.services.snapshot import Snapshots


class JoinService:
    def __init__(
        self,
        members: MemberService,
        snapshots: Snapshots,
        notices: AuditNotices,
        enforcer: Enforcer,
        notifier: Notifier,
    ) -> None:
        self.members = members
        self.snapshots = snapshots
        self.notices = notices
        self.enforcer = enforcer
        self.notify = notifier

    async def on_join(self, group: GroupRuntime, member: MemberView, inviter: str | None) -> None:
        await self.members.observe(group, member)
        if member.is_self:
            return
        c = await self.snapshots.classify(group, member)
        policy = group.policy.roster
        name = member.display
        if c.status in ("compliant", "misnamed"):
            await self._welcome(group, member, "welcome-" + c.status, expected=c.expected or name)
            return
        removal: Reason | None = None
        if c.status == "departed" and policy.departed == "remove":
            removal = "departed"
        elif c.status == "unknown" and policy.unknown == "remove":
            removal = "not_on_roster"
        present = await self.members.read(group)
        if removal and not self.enforcer.protected(group, member):
            # If the bot cannot remove, the enforcer asks the admins to do it.
            await self.enforcer.remove(group, [(member, removal)], present)
            return
        if c.status != "departed":
            await self._welcome(
                group, member, "welcome-unmatched", template=self.notices.template_hint(group)
            )
        if c.status == "unknown" and policy.unknown == "remind":
            return
        await self.notices.report(group, present, c.status, [name], inviter=inviter or "-")

    async def _welcome(
        self, group: GroupRuntime, member: MemberView, key: str, **args: str
    ) -> None:
        name = member.display
        await self.notify.send(
            group.code,
            "welcome",
            key,
            mentions=[name],
            rule="naming",
            members=[name],
            member=name,
            **args,
        )
