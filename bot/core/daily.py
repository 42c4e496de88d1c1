"""Moments of a daily job: the local time of day `at` in a timezone, around a given moment."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


def last_daily(until: datetime, at: time, tz: ZoneInfo, *, inclusive: bool = True) -> datetime:
    """The last moment at (or, not `inclusive`, before) `until` whose local time is `at`."""
    local = until.astimezone(tz)
    for days in (0, 1, 2):  # two days back covers any daylight-saving shift
        candidate = datetime.combine(local.date() - timedelta(days=days), at, tzinfo=tz)
        if candidate < until or (inclusive and candidate == until):
            return candidate
    raise AssertionError("unreachable: a day has every time of day")


def next_daily(after: datetime, at: time, tz: ZoneInfo) -> datetime:
    """The first moment at or after `after` whose local time of day in `tz` is `at`."""
    local = after.astimezone(tz)
    candidate = datetime.combine(local.date(), at, tzinfo=tz)
    if candidate < local:
        candidate = datetime.combine(local.date() + timedelta(days=1), at, tzinfo=tz)
    return candidate
