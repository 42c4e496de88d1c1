"""Each governed chat's administrator list: who is owner or admin, by user id.

Read at start-up, again whenever Telegram reports a promotion or demotion, and whenever it is
older than `TELEGRAM__ADMINS_TTL` seconds. Roles protect members from removal; with
`telegram.chat_admins_command` (default on) the human admins may also command the bot.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ChatMemberOwner
from loguru import logger

from adapters.telegram.directory import Directory, Person
from bot.core.members import Role


class AdminCache:
    def __init__(
        self, bot: Bot, directory: Directory, ttl: float, now: Callable[[], float] = time.monotonic
    ) -> None:
        self.bot = bot
        self.directory = directory
        self.ttl = ttl
        self._now = now
        self._roles: dict[str, dict[int, Role]] = {}
        self._bots: dict[str, set[int]] = {}
        self._read_at: dict[str, float] = {}

    def role(self, chat: str, user_id: int) -> Role:
        """owner, admin or member, as Telegram's administrator list says."""
        return self._roles.get(chat, {}).get(user_id, "member")

    def humans(self, chat: str) -> frozenset[str]:
        """User ids (as identities) of the chat's human administrators."""
        bots = self._bots.get(chat, set())
        return frozenset(str(uid) for uid in self._roles.get(chat, {}) if uid not in bots)

    def ids(self, chat: str) -> list[int]:
        """User ids on the chat's administrator list (bots included)."""
        return sorted(self._roles.get(chat, {}))

    def stale(self, chat: str) -> bool:
        """Whether the list was never read or is older than its time to live."""
        read = self._read_at.get(chat)
        return read is None or self._now() - read >= self.ttl

    async def refresh(self, chat: str) -> bool:
        """Read the administrator list again; False (and the old list kept) if Telegram says no."""
        try:
            admins = await self.bot.get_chat_administrators(chat_id=int(chat))
        except TelegramAPIError as exc:
            logger.warning("cannot read the administrators of {chat}: {err}", chat=chat, err=exc)
            return False
        roles: dict[int, Role] = {}
        bots: set[int] = set()
        for member in admins:
            user = member.user
            self.directory.see(
                Person(user.id, user.first_name, user.last_name, user.username, user.is_bot)
            )
            # An admin's custom title is what Telegram shows (and sends as `sender_tag`) in
            # place of a member tag.
            self.directory.join(chat, user.id)
            self.directory.set_tag(chat, user.id, getattr(member, "custom_title", None))
            roles[user.id] = "owner" if isinstance(member, ChatMemberOwner) else "admin"
            if user.is_bot:
                bots.add(user.id)
        self._roles[chat], self._bots[chat] = roles, bots
        self._read_at[chat] = self._now()
        return True
