"""What the routers work with: the engine, who is who, and each chat's rights and admins.

`start()` runs once the app has started: the preflight (rights → capabilities), the org
admins' reachability, each chat's administrator list, and the members the database
remembers. `feed()` hands an event to the engine, then whatever the adapter learned while
acting on it (a tag it wrote).
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import Message, User
from loguru import logger

from adapters.telegram.adapter import TelegramAdapter
from adapters.telegram.directory import Person
from adapters.telegram.preflight import check_chat, preflight, reachable, report
from adapters.telegram.senders import PLACEHOLDERS, chat_sender
from bot.app import App
from bot.core.events import Event, ForgetEvent, MembersSeen
from bot.core.members import MemberView


def person_of(user: User) -> Person:
    """The directory's record of a Telegram user."""
    return Person(user.id, user.first_name, user.last_name, user.username, user.is_bot)


class TelegramRuntime:
    def __init__(
        self, app: App, bot: Bot, adapter: TelegramAdapter, *, chat_admins_command: bool = True
    ) -> None:
        self.app = app
        self.bot = bot
        self.adapter = adapter
        self.directory = adapter.directory
        self.admins = adapter.admins
        self.chat_admins_command = chat_admins_command
        self.me: User | None = None
        self.report: list[str] = []
        self._ungoverned: set[int] = set()

    @property
    def username(self) -> str | None:
        """The bot's own @username (after `start`)."""
        return self.me.username if self.me else None

    def governed(self, chat_id: int) -> str | None:
        """The group code of a chat the config governs, else None."""
        code = str(chat_id)
        return code if code in self.app.services.groups else None

    def note_ungoverned(self, chat_id: int, title: str | None) -> None:
        """Log a group the config does not govern, once: how an operator finds its id."""
        if chat_id not in self._ungoverned:
            self._ungoverned.add(chat_id)
            logger.info(
                "chat {id} ({title}) is not in the config: ignored", id=chat_id, title=title
            )

    async def start(self, me: User) -> list[str]:
        """Preflight every governed chat; return (and log) the report."""
        self.me = me
        self.directory.see(person_of(me))
        groups = list(self.app.services.groups)
        self.adapter.rights = await preflight(self.bot, me, [g.code for g in groups])
        unreachable = [
            a for a in sorted(self.app.services.org.admins) if not await reachable(self.bot, a)
        ]
        for group in groups:
            await self._remembered(group.code)
            await self.refresh_admins(group.code)
        self.report = report(groups, self.adapter.rights, self.app.services.translate, unreachable)
        for line in self.report:
            logger.info("preflight: {line}", line=line)
        return self.report

    async def refresh_rights(self, chat: str) -> None:
        """The bot's own rights changed (promoted, demoted, restricted): declare them anew."""
        assert self.me is not None
        self.adapter.rights[chat] = await check_chat(self.bot, chat, self.me)
        group = self.app.services.groups[chat]
        for line in report([group], self.adapter.rights, self.app.services.translate):
            logger.warning("rights changed: {line}", line=line)

    async def refresh_admins(self, chat: str) -> None:
        """Read the administrator list; admins become command admins and members seen."""
        if not await self.admins.refresh(chat):
            return
        if self.chat_admins_command:
            self.app.services.groups[chat].platform_admins = self.admins.humans(chat)
        views = tuple(self.known(chat, uid) for uid in self.admins.ids(chat))
        await self.feed(MembersSeen(chat, views))

    async def _remembered(self, chat: str) -> None:
        """Members the database remembers from earlier runs, so mentions of them work."""
        group = self.app.services.groups[chat]
        for member in await self.app.services.members.read(group):
            if member.handle in PLACEHOLDERS:  # kept by a version that charged placeholders
                await self.feed(ForgetEvent(chat, member))
                continue
            if member.handle is None or not member.handle.isdigit():
                continue  # users only: a channel (a negative chat id) cannot be mentioned
            uid = int(member.handle)
            if self.directory.person(uid) is None:
                self.directory.see(Person(uid, member.display))
            self.directory.join(chat, uid)

    async def feed(self, event: Event) -> None:
        """Handle an event, then what the adapter learned while acting on it."""
        await self.app.engine.handle(event)
        while self.adapter.pending:
            await self.app.engine.handle(self.adapter.pending.pop(0))

    # -- views of people, as the routers meet them --------------------------------------------

    def view(self, chat: str, user: User) -> MemberView:
        """Someone mentioned or replied to: seen, their tag here unchanged."""
        self.directory.see(person_of(user))
        return self.known(chat, user.id)

    def sender(self, chat: str, message: Message) -> MemberView:
        """The author of a group message, with the tag the message shows (their name now);
        for a message sent on behalf of a chat, that chat (never the placeholder in `from`)."""
        on_behalf = chat_sender(message, self.linked(chat))
        if on_behalf is not None:
            return on_behalf
        user = message.from_user
        assert user is not None
        self.directory.see(person_of(user))
        self.directory.join(chat, user.id)
        if message.chat.type == "supergroup":  # only supergroup messages carry sender_tag
            self.directory.set_tag(chat, user.id, message.sender_tag)
        return self.view(chat, user)

    def linked(self, chat: str) -> int | None:
        """The channel linked to the group, if any (its posts are the group's own voice)."""
        rights = self.adapter.rights.get(chat)
        return rights.linked if rights else None

    def by_username(self, chat: str, username: str) -> MemberView | None:
        """A member named by @username, if the bot has seen them."""
        uid = self.directory.by_username(username)
        return self.known(chat, uid) if uid is not None else None

    def known(self, chat: str, user_id: int) -> MemberView:
        """A person the directory knows, as a member of `chat` with their role there."""
        return self.directory.view(chat, user_id, self.admins.role(chat, user_id))
