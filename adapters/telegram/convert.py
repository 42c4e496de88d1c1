"""Telegram messages as core events: kinds, commands addressed to this bot, mentions.

Mentions come from the message's entities: `@username` (resolved among the people the bot
has seen) and text mentions (which carry the user). A reply stands for a mention where none
is written. Offsets are turned from UTF-16 units into code points.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from aiogram.types import Message, MessageEntity, User

from adapters.telegram.senders import chat_sender
from adapters.telegram.text import index_of
from bot.core.events import Mention
from bot.core.members import MemberView
from bot.core.vocabulary import MessageKind

# Content attributes of a message → the core's message kinds (first match wins: an animation
# also carries a document).
KINDS: tuple[tuple[str, MessageKind], ...] = (
    ("voice", "voice"),
    ("photo", "image"),
    ("video", "video"),
    ("video_note", "video"),
    ("animation", "emotion"),
    ("sticker", "emotion"),
    ("document", "file"),
    ("audio", "file"),
)
ADDRESSED = re.compile(r"^([/／]\S*?)@([A-Za-z0-9_]{3,})(?=\s|$)")

ViewOf = Callable[[User], MemberView]
ByUsername = Callable[[str], MemberView | None]


def kind_of(message: Message) -> MessageKind:
    """The core's message kind of a Telegram message."""
    return next((kind for attr, kind in KINDS if getattr(message, attr, None)), "text")


@dataclass(frozen=True, slots=True)
class Addressed:
    """A message's text with `/command@thisbot` shortened to `/command`: `cut` code points
    were removed at `at`."""

    text: str
    at: int = 0
    cut: int = 0


def addressed(text: str, bot_username: str | None) -> Addressed | None:
    """The text as the core should read it; None for a command meant for another bot."""
    match = ADDRESSED.match(text)
    if match is None:
        return Addressed(text)
    if bot_username is None or match.group(2).casefold() != bot_username.casefold():
        return None
    at, end = match.end(1), match.end(2)
    return Addressed(text[:at] + text[end:], at, end - at)


def mentions_of(
    message: Message, seen: Addressed, view_of: ViewOf, by_username: ByUsername
) -> tuple[Mention, ...] | None:
    """The mentions Telegram marked, with spans in `seen.text`; None where it marked none
    (the core then reads `@name` in the text against the members it has seen)."""
    raw = message.text if message.text is not None else (message.caption or "")
    entities: list[MessageEntity] = list(message.entities or message.caption_entities or [])
    out = []
    for entity in entities:
        if entity.type not in ("mention", "text_mention"):
            continue
        start = index_of(raw, entity.offset)
        end = index_of(raw, entity.offset + entity.length)
        member: MemberView | None = (
            view_of(entity.user)
            if entity.type == "text_mention" and entity.user is not None
            else by_username(raw[start + 1 : end])
        )
        if start >= seen.at + seen.cut:
            start, end = start - seen.cut, end - seen.cut
        out.append(Mention(start, end, member))
    return tuple(out) if out else None


def reply_target(
    message: Message, view_of: ViewOf, linked: int | None = None
) -> MemberView | None:
    """The author of the message replied to; not the topic's opening message that every
    message in a forum topic formally replies to."""
    reply = message.reply_to_message
    if reply is None:
        return None
    if message.is_topic_message and reply.forum_topic_created is not None:
        return None
    on_behalf = chat_sender(reply, linked)  # a channel or the group itself, not a placeholder
    if on_behalf is not None:
        return on_behalf
    return view_of(reply.from_user) if reply.from_user is not None else None
