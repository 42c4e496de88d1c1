"""Events and member views as JSON, so the restart journal can resume an event's handling."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import Any, overload

from bot.core.events import (
    DirectEvent,
    Event,
    ForgetEvent,
    JoinEvent,
    LeaveEvent,
    MembersSeen,
    Mention,
    MessageEvent,
)
from bot.core.members import MemberView

_MEMBER_FIELDS = tuple(f.name for f in fields(MemberView))
_TYPES: dict[str, type[Event]] = {
    cls.__name__: cls
    for cls in (MessageEvent, DirectEvent, JoinEvent, LeaveEvent, ForgetEvent, MembersSeen)
}


@overload
def member_to_json(member: MemberView) -> dict[str, Any]: ...
@overload
def member_to_json(member: None) -> None: ...
def member_to_json(member: MemberView | None) -> dict[str, Any] | None:
    """A member view as a JSON object (None stays None)."""
    if member is None:
        return None
    # Field by field: dataclasses.asdict deep-copies and is slow on a 500-member list.
    return {name: getattr(member, name) for name in _MEMBER_FIELDS}


@overload
def member_from_json(data: dict[str, Any]) -> MemberView: ...
@overload
def member_from_json(data: None) -> None: ...
def member_from_json(data: dict[str, Any] | None) -> MemberView | None:
    """The inverse of `member_to_json`."""
    return None if data is None else MemberView(**data)


def _encode(value: Any) -> Any:
    if isinstance(value, MemberView):
        return member_to_json(value)
    if isinstance(value, Mention):
        return {"start": value.start, "end": value.end, "member": member_to_json(value.member)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    return value


def event_to_json(event: Event) -> dict[str, Any]:
    """`{"type": "MessageEvent", ...fields}`; the inverse of `event_from_json`."""
    fields = {name: _encode(getattr(event, name)) for name in event.__dataclass_fields__}
    return {"type": type(event).__name__, **fields}


def event_from_json(data: dict[str, Any]) -> Event:
    cls = _TYPES[data["type"]]
    # Only the event's own fields: not the journal's `origin`, nor a field an older version
    # wrote that the event no longer has (a journal outlives an upgrade).
    known = {f.name for f in fields(cls)}
    data = {k: v for k, v in data.items() if k in known}
    for name in ("sender", "member", "reply_to", "invited_by"):
        if isinstance(data.get(name), dict):
            data[name] = member_from_json(data[name])
    if data.get("at"):
        data["at"] = datetime.fromisoformat(data["at"])
    if cls is MembersSeen:
        data["members"] = tuple(member_from_json(m) for m in data.get("members", ()))
    if data.get("mentions") is not None:
        data["mentions"] = tuple(
            Mention(m["start"], m["end"], member_from_json(m["member"])) for m in data["mentions"]
        )
    return cls(**data)
