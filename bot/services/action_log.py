"""The action log: what an entry says about an action, and the log read back in order (the
replay's report, its timeline).

The actuator writes the log (bot.services.action_record); readers get plain values, not rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.core.actions import (
    ACTION_NAMES,
    Action,
    DeleteMessage,
    Direct,
    Invite,
    Mute,
    Remove,
    Send,
    SendFile,
    SetMemberTag,
)
from bot.services.groups import GroupDirectory
from bot.storage.models import ActionRecord

# The outcomes of an action that happened (a dry run counts: it is reported all the same).
TOOK_EFFECT = ("done", "dry_run")


def report_fields(action: Action, groups: GroupDirectory) -> dict[str, Any]:
    """The report fields of an action (the spec's `actions` entries, minus seq and at)."""
    out: dict[str, Any] = {}
    group = getattr(action, "group", None)
    if group is not None:
        out["group"] = groups.name_of(group)
    out["action"] = ACTION_NAMES[type(action)]
    match action:
        case Send():
            out |= {"kind": action.kind, "rule": action.rule, "mentions": list(action.mentions)}
            if action.members:
                out["members"] = list(action.members)
            out["text"] = action.text
        case Direct():
            out |= {"to": action.to, "kind": action.kind, "text": action.text}
        case Remove():
            out |= {"member": action.member.display, "reason": action.reason}
            out["text"] = action.text
        case SendFile():
            out |= {"path": str(action.path), "kind": action.kind}
            if action.to:
                out["to"] = action.to
            if action.text:
                out["text"] = action.text
        case DeleteMessage() | Mute() | SetMemberTag():
            out["member"] = action.member.display
            if isinstance(action, Mute):
                out |= {"seconds": action.seconds, "reason": action.reason}
            if isinstance(action, SetMemberTag):
                out["tag"] = action.tag
        case Invite():
            out["member"] = action.name
        case _:
            out["text"] = action.text
    if out.get("rule") is None:
        out.pop("rule", None)
    return out


@dataclass(frozen=True, slots=True)
class LoggedAction:
    id: int  # increasing: the order the actions were logged in
    at: datetime
    outcome: str  # pending, done, dry_run, refused
    payload: dict[str, Any]  # the report fields (`report_fields`)


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
