"""An action left pending by a crash: did the platform carry it out before the bot died?"""

from __future__ import annotations

from typing import Any

from loguru import logger

from bot.core.actions import Action
from bot.core.ports import Platform, Verifying
from bot.storage.models import ActionRecord


async def took_effect(
    platform: Platform, action: Action, record: ActionRecord, payload: dict[str, Any]
) -> bool:
    """Platforms that can re-read what happened (`bot.core.ports.Verifying`) say how many
    such actions took effect since the intent was recorded; more than the log knows of means
    this one did. A platform that cannot tell gets the action again (at least once); the log
    says so, so an operator can check."""
    seen = None
    if isinstance(platform, Verifying):
        seen = await platform.effects_since(action, record.at)
    if seen is None:
        logger.warning(
            "cannot tell whether {key} took effect before the restart; doing it again",
            key=record.idempotency_key,
        )
        return False
    since = ActionRecord.filter(
        group_code=record.group_code, action=record.action, at__gte=record.at
    )
    logged = await since.filter(outcome="done").exclude(id=record.id)
    known = sum(1 for row in logged if _same_effect(row.payload, payload))
    return seen > known


def _same_effect(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in ("text", "to", "member", "path", "tag"))
