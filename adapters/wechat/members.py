"""Member lists of the governed groups: reads, a short-lived cache, and who is who.

WeChat lists members as bare labels. The bot's own label (the config's `org.bot`) is marked as
the bot. Configured admins are recognised by the WeChat ID their profile showed when they
sent a verified command; that ID is attached to their label only while the label is unique in
the group, and never grants authority (every privileged command is verified again).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from adapters.wechat.connection import Connection
from bot.core.events import MembersSeen
from bot.core.members import MemberView

Emit = Callable[[MembersSeen], Awaitable[None]]


@dataclass
class GroupList:
    names: list[str] = field(default_factory=list)
    read_at: float = float("-inf")  # monotonic time of the last full read
    count: int | None = None  # the last member count seen


class MemberLists:
    def __init__(
        self,
        conn: Connection,
        *,
        bot_name: str,
        admin_ids: frozenset[str],
        max_age: float,
        emit: Emit,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.conn = conn
        self.bot_name = bot_name
        self.admin_ids = admin_ids
        self.max_age = max_age
        self._emit = emit
        self._now = now
        self.lists: dict[str, GroupList] = {}
        # group, label → the WeChat ID last read from that label's profile (Senders.known)
        self.accounts: Callable[[str, str], str | None] = lambda group, label: None
        self.known: dict[str, dict[str, str]] = {}  # group → label → verified admin ID

    def list_of(self, group: str) -> GroupList:
        return self.lists.setdefault(group, GroupList())

    def invalidate(self, group: str) -> None:
        self.list_of(group).read_at = float("-inf")

    def learn(self, group: str, label: str, wechat_id: str) -> None:
        """Remember an admin's label after their profile showed their WeChat ID."""
        if wechat_id in self.admin_ids:
            self.known.setdefault(group, {})[label] = wechat_id

    def view(
        self,
        group: str,
        label: str,
        names: list[str] | None = None,
        *,
        account: str | None = None,
    ) -> MemberView:
        """A member as the core sees them, with the admin ID attached where it is safe: the
        `account` their profile card showed for this line decides; without one, a label
        the member list shows exactly once keeps the ID an admin's card showed under it."""
        if account is not None:
            identity = account if account in self.admin_ids else None
            return MemberView(label, identity, is_self=label == self.bot_name, account=account)
        names = names if names is not None else self.list_of(group).names
        identity, account = self.known.get(group, {}).get(label), self.accounts(group, label)
        if Counter(names)[label] != 1:  # not listed, or listed twice: it points at no one
            identity = account = None
        return MemberView(label, identity, is_self=label == self.bot_name, account=account)

    async def names(self, group: str) -> list[str]:
        """The labels now: the cached list while it is young, else a fresh read."""
        current = self.list_of(group)
        if self._now() - current.read_at <= self.max_age:
            return list(current.names)
        return await self.refresh(group)

    async def refresh(self, group: str) -> list[str]:
        """Read the list from WeChat (retries included) and tell the core what was seen."""
        names = list(await self.conn.call(self.conn.driver.members, group))
        current = self.list_of(group)
        current.names, current.read_at = names, self._now()
        await self._emit(MembersSeen(group, tuple(self.view(group, n, names) for n in names)))
        return names

    async def views(self, group: str) -> list[MemberView]:
        names = await self.names(group)
        return [self.view(group, name, names) for name in names]
