"""What the bot may do in a chat, worked out from its own rights before anything runs.

Capabilities are declared from this, so the services degrade on purpose (ask admins to remove
by hand, skip the tag, just remind) instead of meeting a refusal at call time. Every gap comes
with its reason, for the start-up report.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiogram.types import ChatMemberAdministrator, ChatMemberOwner, ChatMemberRestricted

from bot.core.capabilities import Capability

# What any member bot can do (DIRECT: to users who have started the bot).
BASE = frozenset({Capability.DIRECT, Capability.VERIFY_IDENTITY})

# capability, the report's name for it, the administrator right it needs
ADMIN_POWERS = (
    (Capability.REMOVE, "remove", "can_restrict_members"),
    (Capability.MUTE, "mute", "can_restrict_members"),
    (Capability.DELETE_MESSAGE, "delete", "can_delete_messages"),
    (Capability.SET_MEMBER_TAG, "tag", "can_manage_tags"),
    (Capability.SET_NOTICE, "notice", "can_pin_messages"),
)
CAPABILITY_NAMES = {
    Capability.SEND: "send",
    Capability.SEND_FILE: "file",
    **{cap: name for cap, name, _ in ADMIN_POWERS},
}


@dataclass(frozen=True, slots=True)
class Gap:
    """Something the bot cannot do here (`what`), and why (`why`, with the right's name)."""

    what: str
    why: str
    right: str = ""


@dataclass(frozen=True)
class ChatRights:
    chat: str
    title: str | None
    capabilities: frozenset[Capability]
    gaps: tuple[Gap, ...]
    admin: bool = False  # chat_member updates reach only administrators
    sees_all: bool = False  # every message reaches it (admin, or privacy mode off)
    linked: int | None = None  # the channel linked to the group (its discussion group)

    @classmethod
    def missing(cls, chat: str) -> ChatRights:
        """A chat the bot is not in (or that does not exist): it can do nothing there."""
        return cls(chat, None, frozenset(), (Gap("all", "not_in_chat"),))


def assess(
    chat: str, title: str | None, chat_type: str, member: object, reads_all: bool
) -> ChatRights:
    """The bot's capabilities in a chat from its ChatMember and privacy mode."""
    status = getattr(member, "status", "left")
    if status in ("left", "kicked") or (
        isinstance(member, ChatMemberRestricted) and not member.is_member
    ):
        return ChatRights.missing(chat)
    caps, gaps = set(BASE), []
    for cap, what, right in (
        (Capability.SEND, "send", "can_send_messages"),
        (Capability.SEND_FILE, "file", "can_send_documents"),
    ):
        if isinstance(member, ChatMemberRestricted) and not getattr(member, right):
            gaps.append(Gap(what, "restricted"))
        else:
            caps.add(cap)
    if Capability.SEND in caps:
        caps.add(Capability.MENTION)
    admin = isinstance(member, ChatMemberAdministrator | ChatMemberOwner)
    for cap, what, right in ADMIN_POWERS:
        if not admin:
            gaps.append(Gap(what, "not_admin"))
        elif not isinstance(member, ChatMemberOwner) and not getattr(member, right, False):
            gaps.append(Gap(what, "no_right", right))
        elif cap is Capability.MUTE and chat_type != "supergroup":
            gaps.append(Gap(what, "basic_group"))
        else:
            caps.add(cap)
    sees_all = admin or reads_all
    if not sees_all:
        gaps.append(Gap("read", "privacy"))
    if not admin:
        gaps.append(Gap("updates", "not_admin"))
    return ChatRights(chat, title, frozenset(caps), tuple(gaps), admin, sees_all)
