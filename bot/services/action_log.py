"""The action log read back: what the bot did, in order (the replay's report, its timeline).

The actuator writes the log (`bot.services.actions`); readers get plain values, not rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.services.actions import TOOK_EFFECT
from bot.storage.models import ActionRecord


@dataclass(frozen=True, slots=True)
class LoggedAction:
    id: int  # increasing: the order the actions were logged in
    at: datetime
    outcome: str  # pending, done, dry_run, refused
    payload: dict[str, Any]  # the report fields (`bot.services.actions`)


def _logged(record: ActionRecord) -> LoggedAction:
    return LoggedAction(record.id, record.at, record.outcome, dict(record.payload))


class ActionLog:
    async def took_effect(self) -> list[LoggedAction]:
        """Every action that took effect (done, or dry run), oldest first."""
        records = await ActionRecord.filter(outcome__in=TOOK_EFFECT).order_by("id")
        return [_logged(record) for record in records]

    async def after(self, last_id: int) -> list[LoggedAction]:
        """Every action logged after the one with id `last_id`, whatever came of it."""
        records = await ActionRecord.filter(id__gt=last_id).order_by("id")
        return [_logged(record) for record in records]
