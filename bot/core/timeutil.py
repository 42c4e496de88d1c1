"""Parsing of the duration, time-of-day and time-window values used in policies and scenarios."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import time, timedelta

_DURATION = re.compile(r"(\d{1,15})\s*([smhdw])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
# The longest duration anything accepts (ten years); each policy key may cap lower.
MAX_DURATION_SECONDS = 3_650 * 86_400
_EXPECTED = "expected a duration such as 90s, 10m, 2h or 3d"


def parse_duration(value: object) -> timedelta:
    """`90s`, `10m`, `2h`, `3d`, `1w`, combinations such as `1h30m`, or a number of seconds."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(_EXPECTED)
    if isinstance(value, int | float):
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{_EXPECTED}, got {value!r}")
        return _bounded(value, value)
    if len(value) > 100:
        raise ValueError(f"{_EXPECTED}, got {value[:20]!r}…")
    text = value.strip().lower()
    pos, total = 0, 0
    for match in _DURATION.finditer(text):
        if text[pos : match.start()].strip():
            break
        total += int(match.group(1)) * _UNITS[match.group(2)]
        pos = match.end()
    if not text or pos == 0 or text[pos:].strip():
        raise ValueError(f"{_EXPECTED}, got {value!r}")
    return _bounded(total, value)


def _bounded(seconds: float, written: object) -> timedelta:
    if seconds > MAX_DURATION_SECONDS:
        raise ValueError(
            f"a duration of at most {MAX_DURATION_SECONDS // 86_400}d is allowed, got {written!r}"
        )
    return timedelta(seconds=seconds)


def parse_clock_time(value: object) -> time:
    """A local time of day written `HH:MM` (00:00 to 23:59)."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{1,2}:\d{2}", value.strip()):
        raise ValueError(f"expected a time of day HH:MM, got {value!r}")
    hours, minutes = (int(part) for part in value.strip().split(":"))
    if hours > 23 or minutes > 59:
        raise ValueError(f"expected a time of day between 00:00 and 23:59, got {value!r}")
    return time(hours, minutes)


@dataclass(frozen=True)
class TimeWindow:
    """A daily window of local time; `end` before `start` means it crosses midnight."""

    start: time
    end: time

    def contains(self, moment: time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def parse_window(value: object) -> TimeWindow:
    """`22:00-07:30` (crossing midnight is allowed)."""
    if not isinstance(value, str) or value.count("-") != 1:
        raise ValueError(f"expected a window HH:MM-HH:MM, got {value!r}")
    start, end = (parse_clock_time(part) for part in value.split("-"))
    if start == end:
        raise ValueError(f"a window needs two different times, got {value!r}")
    return TimeWindow(start, end)
