"""The member audit: what to do about each member who is not compliant, per policy.

Run daily at `audit.daily_at`, on `/audit`, and (departed members only) when the roster
records departures. The group is measured (bot.services.snapshot), `decide` sorts the members
into removals, reminders and reports, and the audit carries them out: removals through the
enforcer, one naming reminder and the reports through bot.services.audit_notices. Each
reminder counts towards `naming.after_reminders`, after which the member is reported to admins
as persistently misnamed instead of being reminded again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.core.actions import Action
from bot.core.clock import Clock
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.services import compliance_history, member_states
from bot.services.action_batch import outcomes_together
from bot.services.audit_decide import Decisions, decide
from bot.services.audit_notices import AuditNotices
from bot.services.classification import Classification
from bot.services.enforcement import Enforcer
from bot.services.impostors import ImpostorWatch
from bot.services.snapshot import Snapshot, Snapshots


@dataclass
class AuditResult:
    snapshot: Snapshot
    reminded: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reported: list[str] = field(default_factory=list)


class MemberAudit:
    def __init__(
        self,
        *,
        clock: Clock,
        snapshots: Snapshots,
        enforcer: Enforcer,
        notices: AuditNotices,
        impostors: ImpostorWatch,
    ) -> None:
        self.impostors = impostors
        self.clock = clock
        self.snapshots = snapshots
        self.enforcer = enforcer
        self.notices = notices

    async def audit(self, group: GroupRuntime) -> AuditResult:
        """The full audit of one group: removals, one reminder message, admin alerts."""
        snap = await self.snapshots.take(group)
        states = await member_states.load(group)
        todo = decide(snap, states, self.enforcer.protected, self.clock.now())
        result = AuditResult(snap)
        # The group's removals, reminder and reports: their outcomes stored in one transaction.
        async with outcomes_together(self.enforcer.actuator.recorder):
            removed, reminded = await self._act(group, snap, todo, result)
        gone = {m.key for m in removed}
        await member_states.record(
            group,
            [
                (c.member, c.status, c.entry.id if c.entry else None)
                for c in snap.results
                if c.member.key not in gone
            ],
            states,
            self.clock.now(),
            reminded=frozenset(c.member.key for c in reminded if c.status == "misnamed"),
            # the console's chart, written with the states (one round trip)
            also=[compliance_history.record_step(snap, self.clock.now())],
        )
        return result

    async def _act(
        self, group: GroupRuntime, snap: Snapshot, todo: Decisions, result: AuditResult
    ) -> tuple[list[MemberView], list[Classification]]:
        """Carry out the decisions; what was removed and who was reminded."""
        removed = await self.enforcer.remove(group, todo.removals, snap.members)
        result.removed = [m.display for m in removed]
        # The reminder and reports are built first, then logged pending together (one
        # statement, bot.services.action_batch) and sent in turn, each on its own.
        reminded, message = await self.notices.reminder(group, todo.remind)
        result.reminded = [c.member.display for c in reminded]
        messages: list[Action] = [message] if message is not None else []
        for status, names in todo.report.items():
            if names:
                messages += self.notices.reporting(group, snap.members, status, names)
                result.reported += names
        alerted, alerts = await self.impostors.alerting(group, snap.members, todo.impostors)
        result.reported += [c.member.display for c in alerted]
        await self.enforcer.actuator.perform_all([*messages, *alerts], batched=False)
        return removed, reminded

    async def sweep_departed(self, groups: Sequence[GroupRuntime]) -> None:
        """After the roster records departures: remove (or report) departed members everywhere."""
        for group in groups:
            snap = await self.snapshots.take(group)
            departed = [
                c.member
                for c in snap.having("departed")
                if not self.enforcer.protected(group, c.member)
            ]
            if not departed:
                continue
            if group.policy.roster.departed == "remove":
                await self.enforcer.remove(
                    group, [(m, "departed") for m in departed], snap.members
                )
            else:
                names = [m.display for m in departed]
                await self.notices.report(group, snap.members, "departed", names)
