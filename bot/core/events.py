"""Events: what an adapter saw, in platform-free form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.core.members import MemberView
from bot.core.vocabulary import MESSAGE_KINDS as MESSAGE_KINDS  # where scenarios look
from bot.core.vocabulary import MessageKind


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention the platform marked itself (Telegram entities), by code point span.

    `member` is None for a mention the platform could not resolve (an @username the bot has
    never seen): the command then says nobody of that name is here.
    """

    start: int
    end: int
    member: MemberView | None


@dataclass(frozen=True, slots=True)
class MessageEvent:
    """A member posted in a group. Commands are messages whose text starts with `/`.

    `reply_to` is the author of the message this one replies to, where the platform says
    (a command may name its target so). A `forwarded` message is never a command: its text
    was written by someone else, at another time. `anonymous`: an administrator wrote in the
    group's own name (Telegram), so the sender is protected like an admin but is nobody in
    particular: no authority, and not kept as a member.
    """

    group: str
    sender: MemberView
    text: str
    kind: MessageKind = "text"
    at: datetime | None = None
    key: str | None = None  # platform message id, for de-duplication and idempotency
    mentions: tuple[Mention, ...] | None = None  # None: parse `@name` from the text
    reply_to: MemberView | None = None
    forwarded: bool = False
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class DirectEvent:
    """A contact wrote to the operator account privately. `sender` is their trusted identity."""

    sender: str
    text: str
    at: datetime | None = None
    key: str | None = None


@dataclass(frozen=True, slots=True)
class JoinEvent:
    """A member joined (WeChat shows a system line; Telegram a chat_member update).

    `inviter` is the name the inviter shows; `invited_by` the inviter's view where the
    platform vouches for who they are (Telegram), None where it names them only (WeChat)."""

    group: str
    member: MemberView
    inviter: str | None = None
    via: str = "invite"
    at: datetime | None = None
    key: str | None = None
    invited_by: MemberView | None = None


@dataclass(frozen=True, slots=True)
class LeaveEvent:
    """A member left or was removed, where the platform reports it (Telegram)."""

    group: str
    member: MemberView
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ForgetEvent:
    """A member record the adapter knows to be wrong (never a member: a platform placeholder,
    a record kept under a name that turned out to be someone else's) is dropped, silently:
    not a leave, so nothing reports one."""

    group: str
    member: MemberView


@dataclass(frozen=True, slots=True)
class MembersSeen:
    """The adapter read the member list (or learned part of it) on its own."""

    group: str
    members: tuple[MemberView, ...] = field(default_factory=tuple)


Event = MessageEvent | DirectEvent | JoinEvent | LeaveEvent | ForgetEvent | MembersSeen
