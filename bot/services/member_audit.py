"""Audits: read the member list, classify everyone, remind, remove and report per policy.

Run daily at `audit.daily_at`, on `/audit`, and (departed members only) when the roster
records departures. Naming reminders go out as one message per group mentioning everyone
concerned; each reminder counts towards `naming.after_reminders`, after which the member is
reported to admins as persistently misnamed instead of being reminded again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.core.clock import Clock
from bot.core.members import MemberView
from bot.core.org import GroupRuntime, RosterEntry
from bot.core.policy import TEMPLATE_FIELDS
from bot.core.vocabulary import MemberStatus, Reason, SendKind
from bot.services import counter_keys
from bot.services.classification import Classification, classify
from bot.services.enforcement import Enforcer
from bot.services.members import MemberService
from bot.services.notify import Notifier
from bot.services.roster import RosterService
from bot.storage.counters import Counters


@dataclass
class Snapshot:
    """A group measured against the roster at one moment."""

    group: GroupRuntime
    members: list[MemberView]
    results: list[Classification]
    missing: list[RosterEntry]
    # The platform cannot list members (Telegram): `members` are only those the bot has seen
    # (joins, senders, admins), so `missing` may name people who are in the group.
    seen_only: bool = False

    def having(self, *statuses: MemberStatus) -> list[Classification]:
        return [c for c in self.results if c.status in statuses]

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in ("compliant", "misnamed", "unknown", "ambiguous", "departed")}
        for c in self.results:
            if c.status in out:
                out[c.status] += 1
        out["missing"] = len(self.missing)
        return out


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
        roster: RosterService,
        members: MemberService,
        enforcer: Enforcer,
        notifier: Notifier,
        counters: Counters,
        company: str | None,
    ) -> None:
        self.clock = clock
        self.roster = roster
        self.members = members
        self.enforcer = enforcer
        self.notify = notifier
        self.counters = counters
        self.company = company

    async def classify(self, group: GroupRuntime, member: MemberView) -> Classification:
        """One member against the roster (a join, a `/rename` target)."""
        index = await self.roster.index()
        bound = (await self.members.bindings(group)).get(member.key)
        return classify(
            member,
            index,
            naming=group.policy.naming,
            scope=group.config.scope,
            company=self.company,
            binding=index.by_id.get(bound) if bound is not None else None,
        )

    async def snapshot(
        self, group: GroupRuntime, members: Sequence[MemberView] | None = None
    ) -> Snapshot:
        members = list(members) if members is not None else await self.members.read(group)
        index = await self.roster.index()
        bindings = await self.members.bindings(group)
        results = [
            classify(
                member,
                index,
                naming=group.policy.naming,
                scope=group.config.scope,
                company=self.company,
                binding=index.by_id.get(bindings[member.key]) if member.key in bindings else None,
            )
            for member in members
        ]
        present = {c.entry.id for c in results if c.entry is not None}
        missing = [
            entry
            for entry in index.entries
            if entry.active and group.config.scope.admits(entry) and entry.id not in present
        ]
        return Snapshot(group, members, results, missing, not self.members.can_list(group))

    async def audit(self, group: GroupRuntime) -> AuditResult:
        """The full audit of one group: removals, one reminder message, admin alerts."""
        snap = await self.snapshot(group)
        policy = group.policy
        states = await self.members.states(group)
        result = AuditResult(snap)
        removals: list[tuple[MemberView, Reason]] = []
        remind: list[Classification] = []
        report: dict[MemberStatus, list[str]] = {"unknown": [], "ambiguous": [], "departed": []}
        persistent: list[str] = []
        for c in snap.results:
            if c.status in ("compliant", "bot"):
                continue
            if c.status != "misnamed" and self.enforcer.protected(group, c.member):
                continue  # never removed; their status still shows in /roster and the report
            if c.status == "departed":
                if policy.roster.departed == "remove":
                    removals.append((c.member, "departed"))
                else:
                    report["departed"].append(c.member.display)
            elif c.status == "unknown":
                if policy.roster.unknown == "remove":
                    removals.append((c.member, "not_on_roster"))
                elif policy.roster.unknown == "remind":
                    remind.append(c)
                else:
                    report["unknown"].append(c.member.display)
            elif c.status == "ambiguous":
                report["ambiguous"].append(c.member.display)
            elif c.status == "misnamed":
                state = states.get(c.member.key)
                if state is not None and state.reminders >= policy.naming.after_reminders:
                    persistent.append(c.member.display)
                else:
                    remind.append(c)
        removed = await self.enforcer.remove(group, removals, snap.members)
        result.removed = [m.display for m in removed]
        reminded = await self._remind(group, remind)
        result.reminded = [c.member.display for c in reminded]
        for status, names in (*report.items(), ("misnamed", persistent)):
            if names:
                await self.report(group, snap.members, status, names)
                result.reported += names
        gone = {m.key for m in removed}
        await self.members.record(
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
        return result

    async def _remind(
        self, group: GroupRuntime, due: list[Classification]
    ) -> list[Classification]:
        """One naming reminder for the whole group; each member at most once per cooldown."""
        now, cooldown = self.clock.now(), group.policy.remind.cooldown
        reminded = [
            c
            for c in due
            if await self.counters.claim(
                counter_keys.reminder(group.code, "naming", c.member), cooldown, now
            )
        ]
        if not reminded:
            return []
        lines = [self.reminder_line(group, c) for c in reminded]
        await self.notify.send(
            group.code,
            "naming_reminder",
            "naming-reminder",
            mentions=[c.member.display for c in reminded],
            rule="naming",
            members=[c.member.display for c in reminded],
            lines="\n".join(lines),
            count=len(reminded),
        )
        return reminded

    def reminder_line(self, group: GroupRuntime, c: Classification) -> str:
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
        status: MemberStatus,
        names: list[str],
        *,
        inviter: str | None = None,
    ) -> None:
        """Tell the admins about members with `status` (a join when `inviter` is given)."""
        kind, rule = _ALERTS[status]
        extra = {} if inviter is None else {"inviter": inviter}
        await self.notify.alert_admins(
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

    async def sweep_departed(self, groups: Sequence[GroupRuntime]) -> None:
        """After the roster records departures: remove (or report) departed members everywhere."""
        for group in groups:
            snap = await self.snapshot(group)
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
                await self.report(group, snap.members, "departed", [m.display for m in departed])


_ALERTS: dict[MemberStatus, tuple[SendKind, Reason]] = {
    "unknown": ("unknown_member_alert", "not_on_roster"),
    # Members matching several roster entries are not identified either: the spec's
    # unknown_member_alert, with rule naming (the name fits more than one employee).
    "ambiguous": ("unknown_member_alert", "naming"),
    "departed": ("departed_alert", "departed"),
    # Persistently misnamed members are reported to admins as the audit's report about them.
    "misnamed": ("audit_report", "naming"),
}
