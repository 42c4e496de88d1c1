"""What the member audit does about each member who is not compliant, per policy (pure):
remove, remind or report (bot.services.member_audit carries it out)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.vocabulary import Reason
from bot.services import member_states
from bot.services.audit_notices import ReportOn
from bot.services.classification import Classification
from bot.services.grace import in_grace
from bot.services.snapshot import Snapshot


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
