"""Joins: every newcomer is welcomed with the exact name to set, or handled per policy.

The newcomer is classified with the whole group (bot.services.identity): a name another
member holds is never handed out; a newcomer showing it is an impostor, and the admins are
told, naming both."""

from __future__ import annotations

from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.vocabulary import Reason
from bot.services.audit_notices import AuditNotices
from bot.services.classification import Classification
from bot.services.enforcement import Enforcer
from bot.services.impostors import ImpostorWatch
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
        impostors: ImpostorWatch,
    ) -> None:
        self.impostors = impostors
        self.members = members
        self.snapshots = snapshots
        self.notices = notices
        self.enforcer = enforcer
        self.notify = notifier

    async def on_join(self, group: GroupRuntime, member: MemberView, inviter: str | None) -> None:
        await self.members.observe(group, member)
        if member.is_self:
            return
        present = await self.members.read(group)
        if not any(m.key == member.key for m in present):
            present = [*present, member]
        snap = await self.snapshots.take(group, present, newcomer=member.key)
        c = next(r for r in snap.results if r.member.key == member.key)
        await self._handle(group, member, c, present, inviter or "-")
        # A trusted newcomer may unmask a member present, or the newcomer may be an impostor.
        await self.impostors.alert(group, present, snap.having("impostor"), inviter=inviter or "-")

    async def _handle(
        self,
        group: GroupRuntime,
        member: MemberView,
        c: Classification,
        present: list[MemberView],
        inviter: str,
    ) -> None:
        """Welcome the newcomer with the name to set, or apply the roster policy."""
        policy, name = group.policy.roster, member.display
        hint = self.notices.template_hint(group)
        if c.status in ("compliant", "misnamed"):
            await self._welcome(group, member, "welcome-" + c.status, expected=c.expected or name)
            return
        if c.status == "impostor":  # the name they show is taken: only the template is given
            await self._welcome(group, member, "welcome-unmatched", template=hint)
            return
        removal: Reason | None = None
        if c.status == "departed" and policy.departed == "remove":
            removal = "departed"
        elif c.status == "unknown" and policy.unknown == "remove":
            removal = "out_of_scope" if c.out_of_scope else "not_on_roster"
        if removal and not self.enforcer.protected(group, member):
            # If the bot cannot remove, the enforcer asks the admins to do it.
            await self.enforcer.remove(group, [(member, removal)], present)
            return
        if c.status != "departed":
            await self._welcome(group, member, "welcome-unmatched", template=hint)
        if c.status == "unknown" and policy.unknown == "remind":
            return
        status = "out_of_scope" if c.out_of_scope else c.status
        assert status in ("unknown", "out_of_scope", "ambiguous", "departed")
        await self.notices.report(group, present, status, [name], inviter=inviter)

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
