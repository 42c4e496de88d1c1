"""Building blocks of the config models: the policy's sections (bot.core.policy,
bot.core.content_policy) and the field types the org, roster and policy models share."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict

from bot.core.timeutil import TimeWindow, parse_clock_time, parse_duration, parse_window

# A span written as `90s`, `10m`, `2h`, `30d`.
Duration = Annotated[timedelta, BeforeValidator(parse_duration)]


def as_text(value: object) -> object:
    """Spreadsheets and YAML turn phone numbers and ids into numbers; keep them as text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return value.strip()
    return value


# Admin ids and chat ids are often numbers in YAML (Telegram); they are text to the bot.
Text = Annotated[str, BeforeValidator(as_text)]


class Section(BaseModel):
    """A policy section: unknown keys are errors, and a built policy never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def optional_time(value: object) -> time | None:
    """A time of day, or None for "" (the feature is off)."""
    return None if value in ("", None) else parse_clock_time(value)


def optional_window(value: object) -> TimeWindow | None:
    """A window such as `22:00-07:30`, or None for "" (the feature is off)."""
    return None if value in ("", None) else parse_window(value)


class OrgSchedule(BaseModel):
    """The org's own scheduled work (`org.report_at`), not any group's: run once for the
    whole company by one of the instances sharing the database (docs/operations.md)."""

    # The daily compliance report (bot.services.daily_report), org timezone; None: off.
    report_at: Annotated[time | None, BeforeValidator(optional_time)] = None
