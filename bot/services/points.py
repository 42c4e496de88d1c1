"""The points ledger (`points.enabled`, bot.core.points_policy): charges by rule, each once
(keyed), per month; a month's score is the sum of its entries, so each month starts from
zero and the months before stay as history. Points follow the employee a member is bound to,
else the member.

Charged: an acknowledgement on time or late, a notice never acknowledged (bot.services.
notices), a warning (bot.services.warnings), each day misnamed after the new-hire grace
(`daily`, at the daily audit). The monthly ranking is `points_report`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from loguru import logger

from bot.core.clock import Clock
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.points_policy import PointRule
from bot.services.grace import in_grace
from bot.services.roster import RosterService
from bot.services.snapshot import Snapshot
from bot.storage.models import PointEntry


def month_of(moment: datetime, group: GroupRuntime) -> str:
    return f"{moment.astimezone(group.tz):%Y-%m}"


def previous_month(month: str) -> str:
    year, number = (int(part) for part in month.split("-"))
    return f"{year - 1}-12" if number == 1 else f"{year}-{number - 1:02d}"


@dataclass(frozen=True, slots=True)
class Score:
    subject: str  # `e:<employee id>` or the member key
    label: str  # 部门-姓名 for an employee, else the display name
    total: int
    rank: int


class PointsService:
    def __init__(self, clock: Clock, roster: RosterService) -> None:
        self.clock = clock
        self.roster = roster

    async def charge(
        self,
        group: GroupRuntime,
        rule: PointRule,
        *,
        member_key: str,
        display: str,
        employee_id: int | None,
        key: str | None,
    ) -> int:
        """Record `rule`'s points for a member (once per `key`); the points charged."""
        policy = group.policy.points
        delta = policy.points(rule)
        if not policy.enabled or delta == 0:
            return 0
        if key is not None and await PointEntry.exists(key=key):
            return 0
        now = self.clock.now()
        await PointEntry.create(
            group_id=group.db_id,
            employee_id=employee_id,
            member_key=member_key,
            display=display,
            month=month_of(now, group),
            rule=rule,
            delta=delta,
            at=now,
            key=key,
        )
        logger.info("points {delta:+d} ({rule}) to {who}", delta=delta, rule=rule, who=display)
        return delta

    async def on_warning(
        self, group: GroupRuntime, member: MemberView, employee_id: int | None, key: str | None
    ) -> None:
        """A warning costs points (the warning's own key: charged once)."""
        await self.charge(
            group,
            "warning",
            member_key=member.key,
            display=member.display,
            employee_id=employee_id,
            key=f"warn:{key}" if key else None,
        )

    async def daily(self, group: GroupRuntime, snap: Snapshot) -> None:
        """At the daily audit: each member misnamed after their grace loses a day's points."""
        now = self.clock.now()
        day = f"{now.astimezone(group.tz):%Y-%m-%d}"
        for c in snap.having("misnamed"):
            if c.entry is None or in_grace(c.entry, group.policy.naming, group.tz, now):
                continue
            await self.charge(
                group,
                "misnamed_day",
                member_key=c.member.key,
                display=c.member.display,
                employee_id=c.entry.id,
                key=f"misnamed:{group.db_id}:{c.entry.id}:{day}",
            )

    async def scores(self, group: GroupRuntime, month: str) -> list[Score]:
        """The month's ranking, best first (equal scores share a rank)."""
        rows = await PointEntry.filter(group_id=group.db_id, month=month).order_by("id")
        totals: dict[str, int] = defaultdict(int)
        labels: dict[str, str] = {}
        index = await self.roster.index()
        for row in rows:
            subject = f"e:{row.employee_id}" if row.employee_id is not None else row.member_key
            totals[subject] += row.delta
            entry = index.by_id.get(row.employee_id) if row.employee_id is not None else None
            labels[subject] = f"{entry.department}-{entry.name}" if entry else row.display
        ordered = sorted(totals.items(), key=lambda item: (-item[1], labels[item[0]]))
        out: list[Score] = []
        for position, (subject, total) in enumerate(ordered, start=1):
            rank = out[-1].rank if out and out[-1].total == total else position
            out.append(Score(subject, labels[subject], total, rank))
        return out

    def current_month(self, group: GroupRuntime) -> str:
        return month_of(self.clock.now(), group)

    def report_due(self, group: GroupRuntime) -> str | None:
        """On the policy's report day: the month to rank (the one before), else None."""
        local = self.clock.now().astimezone(group.tz)
        if local.day != group.policy.points.report_day:
            return None
        return month_of(local - timedelta(days=local.day), group)
