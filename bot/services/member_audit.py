"""The member audit: what to do about each member who is not compliant, per policy.

Run daily at `audit.daily_at`, on `/audit`, and (departed members only) when the roster
records departures. The group is measured (bot.services.snapshot), `decide` sorts the members
into removals, reminders and reports, and the audit carries them out: removals through the
enforcer, one naming reminder and the reports through bot.services.audit_notices. Each
reminder counts towards `naming.after_reminders`, after which the member is reported to admins
as persistently misnamed instead of being reminded again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from bot.core.clock import Clock
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.vocabulary import Reason
from bot.services import compliance_history, member_states
from bot.services.audit_notices import AuditNotices, ReportOn
from bot.services.classification import Classification
from bot.services.enforcement import Enforcer
from bot.services.grace import in_grace
from bot.services.impostors import ImpostorWatch
from bot.services.snapshot import Snapshot, Snapshots


@dataclass
class AuditResult:
    snapshot: Snapshot
    reminded: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reported: list[str] = field(default_factory=list)


def _report_lists() -> dict[ReportOn, list[str]]:
    # The order the reports go out in; misnamed: persistently, past `naming.after_reminders`.
    return {"unknown": [], "out_of_scope": [], "ambiguous": [], "departed": [], "misnamed": []}


@dataclass
class Decisions:
    """What an audit does about the members who are not compliant."""

    removals: list[tuple[MemberView, Reason]] = field(default_factory=list)
    remind: list[Classification] = field(default_factory=list)
    report: dict[ReportOn, list[str]] = field(default_factory=_report_lists)
    impostors: list[Classification] = field(default_factory=list)


def decide(
    snap: Snapshot,
    states: Mapping[str, member_states.State],
    protected: Callable[[GroupRuntime, MemberView], bool],
    now: datetime | None = None,
) -> Decisions:
    """Sort a group's members by the policy: remove, remind or report (pure)."""
    policy, out = snap.group.policy, Decisions()
    for c in snap.results:
        if c.status in ("compliant", "bot"):
            continue
        if c.status == "impostor":
            out.impostors.append(c)  # never removed for a name: the admins decide
            continue
        if c.status != "misnamed" and protected(snap.group, c.member):
            continue  # never removed; their status still shows in /roster and the report
        if c.status == "departed":
            if policy.roster.departed == "remove":
                out.removals.append((c.member, "departed"))
            else:
                out.report["departed"].append(c.member.display)
        elif c.status == "unknown":
            about: ReportOn = "out_of_scope" if c.out_of_scope else "unknown"
            if policy.roster.unknown == "remove":
                removal: Reason = "out_of_scope" if c.out_of_scope else "not_on_roster"
                out.removals.append((c.member, removal))
            elif policy.roster.unknown == "remind":
                out.remind.append(c)
            else:
                out.report[about].append(c.member.display)
        elif c.status == "ambiguous":
            out.report["ambiguous"].append(c.member.display)
        elif c.status == "misnamed":
            state = states.get(c.member.key)
            grace = now is not None and in_grace(c.entry, policy.naming, snap.group.tz, now)
            if (
                state is not None
                and state.reminders >= policy.naming.after_reminders
                and not grace  # a new hire is reminded, never reported, within the grace
            ):
                out.report["misnamed"].append(c.member.display)
            else:
                out.remind.append(c)
    return out


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
        removed = await self.enforcer.remove(group, todo.removals, snap.members)
        result.removed = [m.display for m in removed]
        reminded = await self.notices.remind(group, todo.remind)
        result.reminded = [c.member.display for c in reminded]
        for status, names in todo.report.items():
            if names:
                await self.notices.report(group, snap.members, status, names)
                result.reported += names
        alerted = await self.impostors.alert(group, snap.members, todo.impostors)
        result.reported += [c.member.display for c in alerted]
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
        )
        await compliance_history.record(snap, self.clock.now())  # the console's chart
        return result

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
