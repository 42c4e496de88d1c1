"""The `points` policy section (积分：按时回复加1分，违规扣5分/次…每月定时公布积分排名).

Off by default. Each rule gives points (negative: takes them); 0 turns a rule off. The
monthly ranking is posted on `report_day` (1 to 28) at `report_at` local time, for the
month before; each month starts from zero and the months before stay as history.
"""

from __future__ import annotations

from datetime import time
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from bot.core.bounds import Count, Flag
from bot.core.sections import Section, optional_time

PointRule = Literal["ack_on_time", "ack_late", "notice_missed", "warning", "misnamed_day"]
DEFAULT_RULES: dict[PointRule, int] = {
    "ack_on_time": 1,  # 按时回复加1分
    "ack_late": 0,
    "notice_missed": 0,
    "warning": -5,  # 违规扣5分/次
    "misnamed_day": -1,  # each day misnamed after the new-hire grace
}


class PointsPolicy(Section):
    enabled: Flag = False
    rules: dict[PointRule, Annotated[Count, Field(ge=-100, le=100)]] = Field(
        default_factory=lambda: dict(DEFAULT_RULES)
    )
    report_day: Count = Field(default=1, ge=1, le=28)
    report_at: Annotated[time | None, BeforeValidator(optional_time)] = time(9, 0)

    def points(self, rule: PointRule) -> int:
        """The points `rule` gives (its default where the policy does not name it)."""
        return self.rules.get(rule, DEFAULT_RULES[rule])
