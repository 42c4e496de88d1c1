"""What enforcement says: the removal text and public notice, the warning, and the admin
alerts that stand in for a removal the bot could not or would not make.

Every text goes through the notifier by message key (locales/*/core.ftl); the enforcer
(bot.services.enforcement) decides, this module only words it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.vocabulary import Reason, SendKind
from bot.services.notify import Notifier

# The admin alert that replaces a removal the bot could not make, by removal reason.
ALERT_KINDS: dict[Reason, SendKind] = {
    "departed": "departed_alert",
    "not_on_roster": "unknown_member_alert",
}


def alert_kind(reason: Reason) -> SendKind:
    return ALERT_KINDS.get(reason, "action_failed")


class EnforcementNotices:
    def __init__(self, notifier: Notifier) -> None:
        self.notify = notifier

    def removal_text(self, member: MemberView, reason: Reason, detail: str) -> str:
        """The text a removal carries (the platform may show it to the member)."""
        return self.notify.translate(
            "removal-reason-detail" if detail else "removal-reason",
            member=member.display,
            reason=self.notify.translate(f"reason-{reason}"),
            detail=detail,
        )

    async def announce_removals(
        self, group: GroupRuntime, reason: Reason, members: Sequence[MemberView], detail: str
    ) -> None:
        """Say in public, once per batch and reason, who was removed and why."""
        names = [m.display for m in members]
        await self.notify.send(
            group.code,
            "removal_notice",
            "removal-notice-detail" if detail else "removal-notice",
            rule=reason,
            members=names,
            members_text=self.notify.join(names),
            count=len(names),
            reason=self.notify.translate(f"reason-{reason}"),
            detail=detail,
        )

    async def ask_admins(
        self,
        group: GroupRuntime,
        present: Sequence[MemberView],
        targets: Sequence[tuple[MemberView, Reason]],
        key: str,
    ) -> None:
        """Ask the admins to see to removals the bot did not make (message `key` says why)."""
        by_reason: dict[Reason, list[str]] = defaultdict(list)
        for member, reason in targets:
            by_reason[reason].append(member.display)
        for reason, names in by_reason.items():
            await self.notify.alert_admins(
                group,
                present,
                alert_kind(reason),
                key,
                about=names,
                rule=reason,
                members_text=self.notify.join(names),
                reason=self.notify.translate(f"reason-{reason}"),
            )

    async def warning_issued(
        self, group: GroupRuntime, member: MemberView, count: int, *, rule: Reason, reason: str
    ) -> None:
        """Tell the member, in the group, of a warning and the count against the limit."""
        await self.notify.send(
            group.code,
            "warning",
            "warning-issued",
            mentions=[member.display],
            rule=rule,
            members=[member.display],
            member=member.display,
            count=count,
            limit=group.policy.warnings.limit,
            reason=reason,
        )

    async def warn_limit_reached(
        self,
        group: GroupRuntime,
        present: Sequence[MemberView],
        member: MemberView,
        count: int,
        reason: str,
    ) -> None:
        """Tell the admins a member reached the warning limit (and was not removed)."""
        await self.notify.alert_admins(
            group,
            present,
            "warn_limit_alert",
            "alert-warn-limit",
            about=[member.display],
            rule="warn_limit",
            member=member.display,
            count=count,
            limit=group.policy.warnings.limit,
            reason=reason,
        )
