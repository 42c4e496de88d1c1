"""Impostors (spec "Identity"): the admins get an `impostor_alert` (rule `impostor`) naming
the member who shows another's name and the one who holds it.

Found on the impostor's first message (the sender is checked alone, without a member read, and
only if that finds them is the group read), on a join, and at every member audit, whichever
comes first; each impostor of an entry is alerted at most once per `ALERT_EVERY`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from bot.core.actions import Action
from bot.core.clock import Clock
from bot.core.events import MessageEvent
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.services import counter_keys
from bot.services.classification import Classification
from bot.services.members import MemberService
from bot.services.names import render_template
from bot.services.notify import Notifier
from bot.services.snapshot import Snapshots
from bot.storage.counters import Counters

# Well under a day, so the daily audit tells the admins again about an impostor still there.
ALERT_EVERY = timedelta(hours=20)


class ImpostorWatch:
    def __init__(
        self,
        *,
        clock: Clock,
        notifier: Notifier,
        counters: Counters,
        snapshots: Snapshots,
        members: MemberService,
    ) -> None:
        self.clock = clock
        self.notify = notifier
        self.counters = counters
        self.snapshots = snapshots
        self.members = members

    async def on_message(self, group: GroupRuntime, event: MessageEvent) -> None:
        """The engine's message handler: is the sender showing someone else's name?"""
        sender = event.sender
        if sender.is_self or (sender.identity is not None and sender.identity in group.admins):
            return
        unread = group.code not in self.snapshots.memory.read_groups  # no remark known from it yet
        if not unread and (await self.snapshots.classify(group, sender)).status != "impostor":
            return
        snap = await self.snapshots.take(group)
        await self.alert(group, snap.members, snap.having("impostor"))

    async def alert(
        self,
        group: GroupRuntime,
        present: Sequence[MemberView],
        found: Sequence[Classification],
        *,
        inviter: str | None = None,
    ) -> list[Classification]:
        """Tell the admins about the impostors in `found` not alerted within `ALERT_EVERY`."""
        due, messages = await self.alerting(group, present, found, inviter=inviter)
        for message in messages:
            await self.notify.actuator.perform(message)
        return due

    async def alerting(
        self,
        group: GroupRuntime,
        present: Sequence[MemberView],
        found: Sequence[Classification],
        *,
        inviter: str | None = None,
    ) -> tuple[list[Classification], list[Action]]:
        """The impostors of `alert` (claimed here) and the messages about them, not sent."""
        now, due = self.clock.now(), []
        for c in found:
            claimed = c.claimed.id if c.claimed else c.admin_named
            if c.status != "impostor" or claimed is None:
                continue
            key = counter_keys.impostor_alert(group.code, c.member, claimed)
            if await self.counters.claim(key, ALERT_EVERY, now):
                due.append(c)
        if not due:
            return [], []
        shown = {m.key for m in present}
        holders = [c.holder.display for c in due if c.holder and c.holder.key in shown]
        lines = "\n".join(self._line(group, c) for c in due)
        return due, self.notify.alerting(
            group,
            present,
            "impostor_alert",
            "alert-impostor" if inviter is None else "alert-join-impostor",
            about=[*(c.member.display for c in due), *holders],
            rule="impostor",
            lines=lines,
            count=len(due),
            inviter=inviter or "-",
        )

    def _line(self, group: GroupRuntime, c: Classification) -> str:
        template, company = group.policy.naming.template, self.snapshots.company
        employee = render_template(template, c.claimed, company) if c.claimed else c.admin_named
        holder = c.holder.display if c.holder is not None else None
        if c.holder is not None and c.holder.identity is not None:
            holder = self.notify.translate(
                "impostor-holder-known", member=c.holder.display, remark=c.holder.identity
            )
        key = "impostor-line" if holder else "impostor-line-absent"
        if c.contested and holder:
            key = "impostor-line-contested"  # neither can be told to be the real one
        return self.notify.translate(
            key,
            member=c.member.display,
            employee=employee,
            holder=holder or "-",
        )
