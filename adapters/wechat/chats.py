"""The chats the adapter listens to, what each one is, and how to reach an admin privately.

Governed groups are found by name (their code), the admin console by its chat name, admins'
private chats by `contacts`. Everything here comes from the config, except what the running
adapter learns: where an admin last commanded from, which chats are listened to now, and the
groups the bot was removed from.
"""

from __future__ import annotations

from adapters.wechat.settings import ConsoleIn, WeChatSection
from bot.core.config_file import StrictOrgConfig
from bot.core.org import GroupIn


class Chats:
    def __init__(self, section: WeChatSection, config: StrictOrgConfig) -> None:
        self.groups: dict[str, GroupIn] = {g.code: g for g in config.groups}
        self.console: ConsoleIn | None = section.console
        self.contacts: dict[str, str] = dict(section.contacts)  # WeChat ID → private chat
        self.contact_ids = {chat: wechat_id for wechat_id, chat in self.contacts.items()}
        self.org_admins: tuple[str, ...] = tuple(sorted(config.org.admins))
        admin_ids = frozenset(config.org.admins).union(*(g.admins for g in config.groups))
        if self.console:
            admin_ids |= frozenset(self.console.admins.values())
        self.admin_ids = admin_ids
        self.routes: dict[str, str] = {}  # WeChat ID → the chat they last commanded from
        self.listened: set[str] = set()
        self.lost: set[str] = set()  # groups the bot was removed from

    def all(self) -> list[str]:
        """Every chat to listen to: the groups, the console, the admins' private chats."""
        extra = [self.console.chat] if self.console else []
        return [*self.groups, *extra, *self.contacts.values()]

    def is_console(self, chat: str) -> bool:
        return self.console is not None and chat == self.console.chat

    def group_named(self, name: str) -> str | None:
        """The code of the governed group called `name` (by its name or its code)."""
        return next((code for code, g in self.groups.items() if name in (g.name, code)), None)

    def route_for(self, identity: str) -> str | None:
        """The chat that reaches `identity` privately: where they last wrote from, their
        configured private chat, or the admin console."""
        chat = self.routes.get(identity) or self.contacts.get(identity)
        if chat is None and self.console and identity in self.admin_ids:
            chat = self.console.chat
        return chat
