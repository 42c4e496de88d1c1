"""The WeChat adapter: the core's `Platform`, built on one driver behind one UI thread."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from adapters.wechat.connection import Connection, thread_init
from adapters.wechat.driver import InMsg, WeChatDriver
from adapters.wechat.inbound import Inbound
from adapters.wechat.loop import RunLoop
from adapters.wechat.members import MemberLists
from adapters.wechat.outbound import Outbound
from adapters.wechat.settings import WeChatSection
from adapters.wechat.throttle import Throttle
from bot.core.actions import Action, Outcome
from bot.core.capabilities import Capability
from bot.core.config_file import StrictOrgConfig
from bot.core.members import MemberView

MANAGING = frozenset({Capability.REMOVE, Capability.SET_NOTICE})


class WeChatAdapter(RunLoop):
    name = "wechat"

    def __init__(
        self,
        driver: WeChatDriver,
        section: WeChatSection,
        config: StrictOrgConfig,
        *,
        now: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        init: Callable[[], None] | None = thread_init,
    ) -> None:
        self.driver, self.section, self.config = driver, section, config
        self.groups = {g.code: g for g in config.groups}
        self.console = section.console
        self.contact_ids = {chat: wechat_id for wechat_id, chat in section.contacts.items()}
        self.admin_ids = frozenset(config.org.admins).union(*(g.admins for g in config.groups))
        if self.console:
            self.admin_ids |= frozenset(self.console.admins.values())
        self.conn = Connection(
            driver,
            attempts=section.attempts,
            backoff=section.backoff.total_seconds(),
            call_limit=section.call_limit.total_seconds(),
            sleep=sleep,
            init=init,
        )
        self.throttle = Throttle(section.throttle.limits(), now=now, sleep=sleep)
        self.members = MemberLists(
            self.conn,
            bot_name=config.org.bot,
            admin_ids=self.admin_ids,
            max_age=section.members_max_age.total_seconds(),
            emit=self._emit,
            now=now,
        )
        self.inbound = Inbound(self, now=now)
        self.outbound = Outbound(self)
        self.routes: dict[str, str] = {}  # WeChat ID → the chat they last commanded from
        self.missed: list[Action] = []  # actions refused while WeChat was down
        self.lost_groups: set[str] = set()
        self.listened: set[str] = set()
        self.app: Any = None
        self._queue: asyncio.Queue[InMsg] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- wiring -------------------------------------------------------------------------------

    def attach(self, app: Any) -> None:
        """Give the adapter the app it feeds (engine, notifier, counters, clock)."""
        self.app = app

    @property
    def engine(self) -> Any:
        return self.app.engine

    @property
    def notify(self) -> Any:
        return self.app.services.notify

    @property
    def counters(self) -> Any:
        return self.app.services.counters

    @property
    def clock(self) -> Any:
        return self.app.clock

    @property
    def app_groups(self) -> list[Any]:
        return list(self.app.services.groups)

    @property
    def can_verify(self) -> bool:
        return Capability.VERIFY_IDENTITY in self.driver.capabilities

    # -- the Platform port --------------------------------------------------------------------

    def capabilities(self, group: str) -> frozenset[Capability]:
        if group in self.lost_groups:
            return frozenset()
        if group not in self.groups:
            return frozenset({Capability.SEND}) if group in self.listened else frozenset()
        caps = set(self.driver.capabilities)
        if self.groups[group].bot_role == "member":
            caps -= MANAGING  # only an owner or admin account can remove or set the notice
        return frozenset(caps)

    async def read_members(self, group: str) -> list[MemberView]:
        return await self.members.views(group)

    async def execute(self, action: Action) -> Outcome:
        return await self.outbound.execute(action)

    async def execute_many(self, actions: list[Action]) -> list[Outcome]:
        return await self.outbound.execute_many(actions)

    def route_for(self, identity: str) -> str | None:
        """The chat that reaches `identity` privately: where they last wrote from, their
        configured private chat, or the admin console."""
        chat = self.routes.get(identity) or self.section.contacts.get(identity)
        if chat is None and self.console and identity in self.admin_ids:
            chat = self.console.chat
        return chat

    def close(self) -> None:
        self.conn.close()
