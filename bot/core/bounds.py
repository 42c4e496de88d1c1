"""The sane ranges of every number, duration, time and size a policy, scenario or config
file may give (docs/policy.md, "Bounds"). A value outside them is a `ConfigError` naming the
key, before anything runs, so no input can make the bot hang, overflow or crash later."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

from pydantic import Strict, StrictBool

DAY = 86_400

# Counts.
MAX_WARNINGS = 100_000  # warnings.limit (a huge limit: never remove)
MAX_REMINDERS = 1_000  # naming.after_reminders
MAX_MESSAGE_LENGTH = 100_000  # content.max_length (characters)
MAX_FLOOD_MESSAGES = 10_000  # content.flood.messages
MAX_FLOOD_SECONDS = DAY  # content.flood.seconds
# content.banned_keywords, content.ad_keywords (each list); the matcher is built for 20,000
# (bench/README.md).
MAX_KEYWORDS = 50_000
MAX_KEYWORD_LENGTH = 100  # characters of one keyword
MAX_TEMPLATE_LENGTH = 100  # characters of naming.template

# Durations: any duration at most ten years (MAX_DURATION_SECONDS in bot.core.timeutil);
# these keys lower.
MAX_EXPIRE = timedelta(days=3_650)  # warnings.expire
MAX_COOLDOWN = timedelta(days=366)  # remind.cooldown
MAX_MUTE = timedelta(days=366)  # content.mute_for
MAX_GRACE = timedelta(days=366)  # naming.grace

# Scenario timelines: `start` between these years, every event within MAX_SPAN of it.
FIRST_YEAR, LAST_YEAR = 2000, 2099
MAX_SPAN = timedelta(days=3 * 366)
# A roster entry's hire date (`hired`): in these years.
FIRST_HIRED_YEAR = 1900
MAX_EVENTS = 50_000

# Files: a scenario or config file at most this big, this deeply nested, this many nodes
# (YAML aliases counted as often as they are used).
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 1_000_000

# Strict types: YAML's `true` is not 1, and "yes" or 1 is not a boolean.
Flag = StrictBool
Count = Annotated[int, Strict()]


def check_start(value: datetime) -> datetime:
    """A scenario's `start`: a date and time between FIRST_YEAR and LAST_YEAR."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(
            f"expected a date and time between {FIRST_YEAR} and {LAST_YEAR}, "
            f"e.g. 2026-11-23T08:30:00+08:00, got {value.isoformat()}"
        )
    return value


def check_moment(moment: datetime, start: datetime) -> None:
    """An event's time: not more than MAX_SPAN after the scenario's `start`."""
    if moment - start > MAX_SPAN:
        raise ValueError(
            f"{moment.isoformat()} is more than {MAX_SPAN.days} days after start "
            f"({start.isoformat()}); a scenario spans at most {MAX_SPAN.days} days"
        )
