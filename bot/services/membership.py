"""Who brings people in and who walks out (所有进群人员原则上严禁擅自退群；未经群主或管理员同意，
不得擅自拉人进群).

- `join.invited_by: admins`: a joiner invited by someone who is not one of the group's
  admins (by trusted identity, never by name) is reported to the admins, or removed when
  `join.uninvited: remove`. Where the platform vouches for the inviter (Telegram) that
  member is judged; where it gives a name only (WeChat), the one present member showing it,
  and a name several show (an impostor's copy of an admin's) is reported, never removed for.
  Where the platform names no inviter nothing can be said.
- `roster.leave: report`: an active in-scope employee who left a group that requires them
  (`required: true`) is reported to the admins, seen at the next member read (the audit, on
  WeChat and the simulator) or at once where the platform reports leaves (Telegram).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.core.clock import Clock
from bot.core.events import JoinEvent
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.services.enforcement import Enforcer
from bot.services.members import MemberService
from bot.services.notice_store import bound_employee
from bot.services.notify import Notifier
from bot.services.snapshot import Snapshots
from bot.storage.models import ActionRecord, MemberState

# A leave reported by the platform this soon after the bot removed the member is that removal.
OWN_REMOVAL = timedelta(minutes=10)
RESPONDING = ("compliant", "misnamed")  # statuses that stand for an employee


class MembershipWatch:
    def __init__(
        self,
        *,
        clock: Clock,
        members: MemberService,
        snapshots: Snapshots,
        enforcer: Enforcer,
        notify: Notifier,
    ) -> None:
        self.clock = clock
        self.members = members
        self.snapshots = snapshots
        self.enforcer = enforcer
        self.notify = notify

    async def on_join(self, group: GroupRuntime, event: JoinEvent) -> bool:
        """Check who invited a joiner; True if the joiner was removed for it."""
        joiner, policy = event.member, group.policy.join
        if policy.invited_by == "anyone" or event.inviter is None or joiner.is_self:
            return False
        if self.enforcer.protected(group, joiner):
            return False
        present = await self.members.read(group)
        if event.invited_by is not None:
            inviters = [event.invited_by]
        else:
            inviters = [m for m in present if m.display == event.inviter]
        if len(inviters) == 1 and self._admin(group, inviters[0]):
            return False
        certain = len(inviters) <= 1  # a name several show cannot say who invited
        if certain and policy.uninvited == "remove" and self.enforcer.can_remove(group):
            removed = await self.enforcer.remove(group, [(joiner, "uninvited")], present)
            if removed:
                return True
        await self.notify.alert_admins(
            group,
            present,
            "invite_alert",
            "membership-uninvited",
            about=[joiner.display],
            rule="uninvited",
            member=joiner.display,
            inviter=event.inviter,
        )
        return False

    @staticmethod
    def _admin(group: GroupRuntime, member: MemberView) -> bool:
        """An admin by trusted identity, the group's owner as the platform says, or the bot
        (inviting the missing of a required group)."""
        return member.is_self or member.identity in group.admins or member.role == "owner"

    async def leavers(self, group: GroupRuntime) -> list[str]:
        """Before an audit records who is present: the employees present at the last read
        and missing now, reported once (the audit then marks them absent)."""
        if group.policy.roster.leave != "report" or not group.config.required:
            return []
        if not self.members.can_list(group):
            return []  # the platform reports leaves itself (on_leave)
        snap = await self.snapshots.take(group)
        missing = {entry.id: entry for entry in snap.missing}
        rows = await MemberState.filter(
            group_id=group.db_id, present=True, employee_id__in=list(missing)
        )
        present_keys = {m.key for m in snap.members}
        names = sorted(
            {r.display for r in rows if r.key not in present_keys and r.status in RESPONDING}
        )
        if names:
            await self._report(group, snap.members, names)
        return names

    async def on_leave(self, group: GroupRuntime, member: MemberView) -> None:
        """A leave the platform reported (Telegram): report an employee who walked out."""
        if group.policy.roster.leave != "report" or not group.config.required:
            return
        # Who the leaver stood for, as the whole group decides it: a copy of an employee's
        # name (an impostor) leaving is not that employee leaving.
        if bound_employee(await self.snapshots.in_group(group, member)) is None:
            return
        if await self._removed_by_bot(group, member):
            return
        await self._report(group, await self.members.read(group), [member.display])

    async def _removed_by_bot(self, group: GroupRuntime, member: MemberView) -> bool:
        since = self.clock.now() - OWN_REMOVAL
        rows = await ActionRecord.filter(
            group_code=group.code, action="remove", outcome="done", at__gte=since
        )
        return any(row.payload.get("member") == member.display for row in rows)

    async def _report(
        self, group: GroupRuntime, present: list[MemberView], names: list[str]
    ) -> None:
        """To the admins in the group (those who left cannot be mentioned), else privately."""
        admins = [m.display for m in present if m.identity in group.admins and not m.is_self]
        args: dict[str, Any] = {
            "group": group.name,
            "names": self.notify.join(names),
            "count": len(names),
        }
        await self.notify.send(
            group.code,
            "leave_alert",
            "membership-left",
            mentions=admins,
            rule="left",
            members=names,
            **args,
        )
        if not admins:
            for admin in sorted(group.org_admins):
                await self.notify.direct(
                    admin, "leave_alert", "membership-left", about_group=group.code, **args
                )
