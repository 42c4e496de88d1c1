"""What audits and joins say: the naming reminder and the admin reports about members.

The reminder is one message per group mentioning everyone concerned, each member at most once
per `remind.cooldown`; reports go to the admins by member status (a join's report names the
inviter).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from bot.core.actions import Action, Send
from bot.core.clock import Clock
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.policy import TEMPLATE_FIELDS
from bot.core.vocabulary import Reason, SendKind
from bot.services import counter_keys, member_states
from bot.services.classification import Classification
from bot.services.notify import Notifier
from bot.storage.counters import Counters

# What an admin report is about: a member status, or active employees out of the group's scope.
ReportOn = Literal["unknown", "out_of_scope", "ambiguous", "departed", "misnamed"]

LINES_KEPT = 20_000  # reminder lines remembered (cleared beyond)

# The admin alert about members of a status: its kind and rule.
_ALERTS: dict[ReportOn, tuple[SendKind, Reason]] = {
    "unknown": ("unknown_member_alert", "not_on_roster"),
    "out_of_scope": ("unknown_member_alert", "out_of_scope"),
    # Members matching several roster entries are not identified either: the spec's
    # unknown_member_alert, with rule naming (the name fits more than one employee).
    "ambiguous": ("unknown_member_alert", "naming"),
    "departed": ("departed_alert", "departed"),
    # Persistently misnamed members are reported to admins as the audit's report about them.
    "misnamed": ("audit_report", "naming"),
}


class AuditNotices:
    def __init__(self, *, clock: Clock, notifier: Notifier, counters: Counters) -> None:
        self.clock = clock
        self.notify = notifier
        self.counters = counters
        # Reminder lines by (display name, expected name, template): pure in them.
        self._lines: dict[tuple[str, str | None, str | None], str] = {}

    async def reminder(
        self, group: GroupRuntime, due: list[Classification]
    ) -> tuple[list[Classification], Send | None]:
        """Who of `due` is reminded now (each member at most once per cooldown: claimed
        here) and the one naming reminder for the whole group, not sent (None: nobody)."""
        now, cooldown = self.clock.now(), group.policy.remind.cooldown
        reminded = [
            c
            for c in due
            if await self.counters.claim(
                counter_keys.reminder(group.code, "naming", c.member), cooldown, now
            )
        ]
        if not reminded:
            return [], None
        lines = [self.reminder_line(group, c) for c in reminded]
        message = self.notify.sending(
            group.code,
            "naming_reminder",
            "naming-reminder",
            mentions=[c.member.display for c in reminded],
            rule="naming",
            members=[c.member.display for c in reminded],
            lines="\n".join(lines),
            count=len(reminded),
        )
        return reminded, message

    async def reminded_by_command(self, group: GroupRuntime, member: MemberView) -> None:
        """A naming reminder sent by `/rename`: it holds the member's naming cooldown (one per
        member per rule, whoever sends it) and counts towards `naming.after_reminders`."""
        now = self.clock.now()
        key = counter_keys.reminder(group.code, "naming", member)
        await self.counters.claim(key, group.policy.remind.cooldown, now)
        await member_states.count_reminder(group, member, now)

    def reminder_line(self, group: GroupRuntime, c: Classification) -> str:
        """One member's line of the reminder: the exact name to set, or the template.
        Remembered: the same members are reminded day after day with the same lines."""
        hint = None if c.expected else group.policy.naming.template
        key = (c.member.display, c.expected, hint)
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) >= LINES_KEPT:
                self._lines.clear()
            line = self._lines[key] = self._line(group, c)
        return line

    def _line(self, group: GroupRuntime, c: Classification) -> str:
        if c.expected:
            return self.notify.translate(
                "naming-reminder-line", member=c.member.display, expected=c.expected
            )
        return self.notify.translate(
            "naming-reminder-line-unknown",
            member=c.member.display,
            template=self.template_hint(group),
        )

    def template_hint(self, group: GroupRuntime) -> str:
        """The naming template in words, e.g. `部门-姓名`."""
        labels = {f: self.notify.translate(f"field-{f}") for f in TEMPLATE_FIELDS}
        return group.policy.naming.template.format(**labels)

    async def report(
        self,
        group: GroupRuntime,
        present: Sequence[MemberView],
        status: ReportOn,
        names: list[str],
        *,
        inviter: str | None = None,
    ) -> None:
        """Tell the admins about members with `status` (a join when `inviter` is given)."""
        for action in self.reporting(group, present, status, names, inviter=inviter):
            await self.notify.actuator.perform(action)

    def reporting(
        self,
        group: GroupRuntime,
        present: Sequence[MemberView],
        status: ReportOn,
        names: list[str],
        *,
        inviter: str | None = None,
    ) -> list[Action]:
        """The messages of `report`, not sent."""
        kind, rule = _ALERTS[status]
        extra = {} if inviter is None else {"inviter": inviter}
        return self.notify.alerting(
            group,
            present,
            kind,
            f"alert-join-{status}" if inviter is not None else f"alert-{status}",
            about=names,
            rule=rule,
            members_text=self.notify.join(names),
            count=len(names),
            **extra,
        )
