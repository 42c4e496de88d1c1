"""The Telegram platform as the core sees it: capabilities per chat from the preflight,
the members seen, and actions carried out as Bot API calls.

A refusal from Telegram becomes an `Outcome.refused` with a short reason (the actuator logs
it and the services tell the admins); nothing Telegram says can stop the bot.
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
)
from loguru import logger

from adapters.telegram import calls
from adapters.telegram.admins import AdminCache
from adapters.telegram.directory import Directory
from adapters.telegram.rights import ChatRights
from adapters.telegram.senders import is_chat_handle
from bot.core.actions import (
    Action,
    DeleteMessage,
    Direct,
    Mute,
    Notice,
    Outcome,
    Remove,
    Send,
    SendFile,
    SetMemberTag,
)
from bot.core.capabilities import Capability
from bot.core.clock import Clock
from bot.core.events import Event, MembersSeen
from bot.core.members import MemberView

# Telegram's wording of a refusal → the outcome's reason.
REASONS = (
    ("not enough rights", "no_rights"),
    ("administrator", "protected"),
    ("owner", "protected"),
    ("user not found", "member_gone"),
    ("participant_id_invalid", "member_gone"),
    ("message to delete not found", "message_gone"),
    ("message can't be deleted", "no_rights"),
    ("chat not found", "no_such_group"),
)
MAX_TAG = 16  # characters; emoji are refused by Telegram


class TelegramAdapter:
    name = "telegram"

    def __init__(self, bot: Bot, directory: Directory, admins: AdminCache, clock: Clock) -> None:
        self.bot = bot
        self.directory = directory
        self.admins = admins
        self.clock = clock
        self.rights: dict[str, ChatRights] = {}
        # Events the adapter learned by acting (a tag it wrote), fed to the engine after the
        # update being handled.
        self.pending: list[Event] = []

    def capabilities(self, group: str) -> frozenset[Capability]:
        """What the preflight found the bot may do in `group` (nothing if unknown)."""
        rights = self.rights.get(group)
        return rights.capabilities if rights else frozenset()

    async def read_members(self, group: str) -> list[MemberView]:
        """The members seen: Telegram lists only administrators (no LIST_MEMBERS)."""
        return [
            self.directory.view(group, uid, self.admins.role(group, uid))
            for uid in self.directory.members(group)
        ]

    async def execute(self, action: Action) -> Outcome:
        """Carry out one action; Telegram's refusals become `Outcome.refused` with a reason."""
        try:
            return await self._execute(action)
        except TelegramRetryAfter as exc:
            return Outcome.refused("flood", f"retry after {exc.retry_after}s")
        except TelegramForbiddenError as exc:
            return Outcome.refused("forbidden", exc.message)
        except TelegramBadRequest as exc:
            return Outcome.refused(_reason(exc.message), exc.message)
        except TelegramNetworkError as exc:
            return Outcome.refused("network", exc.message)
        except TelegramAPIError as exc:
            return Outcome.refused("api_error", exc.message)
        except LookupError as exc:
            return Outcome.refused("no_user_id", str(exc))

    async def _execute(self, action: Action) -> Outcome:
        bot, d = self.bot, self.directory
        match action:
            case Send():
                return await calls.send(bot, action, d)
            case Direct():
                await calls.post(bot, int(action.to), action.text, [], d)
                return Outcome.done()
            case Remove():
                return await calls.remove(bot, action)
            case Mute():
                return await calls.mute(bot, action, self.clock)
            case DeleteMessage():
                return await calls.delete(bot, action)
            case SendFile():
                return await calls.send_file(bot, action)
            case Notice():
                return await calls.notice(bot, action, d)
            case SetMemberTag():
                return await self._tag(action)
        return Outcome.refused("unsupported")

    async def _tag(self, action: SetMemberTag) -> Outcome:
        """Write the member's tag; the core then sees them under it (a MembersSeen)."""
        member = action.member
        if member.role != "member":
            return Outcome.refused("protected", "administrators have a custom title, not a tag")
        if is_chat_handle(member.handle):
            return Outcome.refused("unsupported", "a channel shows its title, not a tag")
        if len(action.tag) > MAX_TAG:
            return Outcome.refused("tag_too_long", f"{len(action.tag)} > {MAX_TAG} characters")
        user = calls.user_of(member.handle)
        await self.bot.set_chat_member_tag(chat_id=int(action.group), user_id=user, tag=action.tag)
        self.directory.set_tag(action.group, user, action.tag)
        view = self.directory.view(action.group, user, self.admins.role(action.group, user))
        self.pending.append(MembersSeen(action.group, (view,)))
        logger.info("tagged {user} in {chat}", user=user, chat=action.group)
        return Outcome.done()


def _reason(message: str) -> str:
    lowered = message.lower()
    return next((reason for words, reason in REASONS if words in lowered), "refused")
