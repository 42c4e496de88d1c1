"""The monthly ranking (每月定时公布积分排名): on `points.report_day` at `points.report_at`, the
month before, posted in the group as `points_report`."""

from __future__ import annotations

from bot.core.group import GroupRuntime
from bot.services.notify import Notifier
from bot.services.points import PointsService, Score

TOP = 50  # lines in one message; the export has everyone


class PointsRanking:
    def __init__(self, points: PointsService, notify: Notifier) -> None:
        self.points = points
        self.notify = notify

    def lines(self, scores: list[Score]) -> str:
        t = self.notify.translate
        return "\n".join(
            t("points-rank-line", rank=s.rank, name=s.label, points=s.total) for s in scores[:TOP]
        )

    async def monthly(self, group: GroupRuntime) -> None:
        """Post last month's ranking if today is the report day."""
        month = self.points.report_due(group) if group.policy.points.enabled else None
        if month is None:
            return
        scores = await self.points.scores(group, month)
        key = "points-report" if scores else "points-report-empty"
        await self.notify.send(
            group.code, "points_report", key, month=month, lines=self.lines(scores)
        )
