"""The new-hire naming grace (入职3日内…按照昵称要求设置): `naming.grace` (default 3d) from the
roster's `hired` date, in the group's time zone. Within it a misnamed member is reminded but
never reported to the admins nor charged points; after it, the usual escalation."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.core.employees import RosterEntry
from bot.core.policy import NamingPolicy


def in_grace(entry: RosterEntry | None, naming: NamingPolicy, tz: ZoneInfo, now: datetime) -> bool:
    """Whether `entry` was hired less than `naming.grace` before `now` (hire day 00:00 local)."""
    if entry is None or entry.hired is None:
        return False
    return now < datetime.combine(entry.hired, time(0), tzinfo=tz) + naming.grace
