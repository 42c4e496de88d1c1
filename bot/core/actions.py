"""Actions: what the bot asks a platform to do, and what came of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.core.members import MemberView
from bot.core.vocabulary import ActionName, Reason, SendKind


@dataclass(frozen=True, slots=True)
class Send:
    """A message in a group. `mentions` are display names the platform should @-mention."""

    group: str
    text: str
    kind: SendKind
    mentions: tuple[str, ...] = ()
    rule: Reason | None = None
    members: tuple[str, ...] = ()  # members the message is about (report field)


@dataclass(frozen=True, slots=True)
class Direct:
    """A private message to a contact, named by their trusted identity (remark)."""

    to: str
    text: str
    kind: SendKind
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Remove:
    """Remove a member from a group; `text` is the public reason said in the group."""

    group: str
    member: MemberView
    reason: Reason
    text: str


@dataclass(frozen=True, slots=True)
class Notice:
    """Set the group announcement."""

    group: str
    text: str


@dataclass(frozen=True, slots=True)
class SendFile:
    """A file sent to a group or, with `to`, to a contact."""

    path: Path
    kind: SendKind
    group: str | None = None
    to: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class DeleteMessage:
    """Delete a member's message (Telegram)."""

    group: str
    message_key: str
    member: MemberView


@dataclass(frozen=True, slots=True)
class Mute:
    """Restrict a member until `seconds` have passed (Telegram)."""

    group: str
    member: MemberView
    seconds: int
    reason: Reason


@dataclass(frozen=True, slots=True)
class SetMemberTag:
    """Write the expected name as the member's tag (Telegram Bot API 9.5)."""

    group: str
    member: MemberView
    tag: str


@dataclass(frozen=True, slots=True)
class Invite:
    """Add an employee to a group (a contact of the operator account, by remark)."""

    group: str
    contact: str
    name: str


Action = Send | Direct | Remove | Notice | SendFile | DeleteMessage | Mute | SetMemberTag | Invite

ACTION_NAMES: dict[type[Action], ActionName] = {
    Send: "send",
    Direct: "direct",
    Remove: "remove",
    Notice: "notice",
    SendFile: "file",
    DeleteMessage: "delete",
    Mute: "mute",
    SetMemberTag: "set_tag",
    Invite: "invite",
}


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the platform did with an action. `reason` says why it did not take effect."""

    ok: bool
    reason: str | None = None
    detail: str = ""
    data: dict[str, object] = field(default_factory=dict)

    @classmethod
    def done(cls, **data: object) -> Outcome:
        return cls(True, data=dict(data))

    @classmethod
    def refused(cls, reason: str, detail: str = "") -> Outcome:
        return cls(False, reason=reason, detail=detail)
