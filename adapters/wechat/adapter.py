"""The WeChat adapter: the core's `Platform`, built on one driver behind one UI thread.

It is the app's platform, so it exists before the app does: `bind` hands it the bot (a
`BotLink`) once the app is built, and only then can it act or run.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypedDict

from adapters.wechat.chats import Chats
from adapters.wechat.connection import Connection, thread_init
from adapters.wechat.console import Console
from adapters.wechat.driver import WeChatDriver
from adapters.wechat.inbound import Inbound
from adapters.wechat.link import BotLink
from adapters.wechat.loop import RunLoop
from adapters.wechat.members import MemberLists
from adapters.wechat.outbound import Outbound
from adapters.wechat.senders import Senders
from adapters.wechat.settings import WeChatSection
from adapters.wechat.throttle import Throttle
from bot.core.actions import Action, Outcome
from bot.core.capabilities import Capability
from bot.core.config_file import StrictOrgConfig
from bot.core.events import MembersSeen
from bot.core.members import MemberView

MANAGING = frozenset({Capability.REMOVE, Capability.SET_NOTICE, Capability.INVITE})


class Hooks(TypedDict, total=False):
    """What tests replace: monotonic time, sleeping, and the UI thread's set-up."""

    now: Callable[[], float]
    sleep: Callable[[float], Awaitable[None]]
    init: Callable[[], None] | None


@dataclass(frozen=True)
class Bound:
    """The parts that talk to the bot, built by `WeChatAdapter.bind`."""

    bot: BotLink
    inbound: Inbound
    outbound: Outbound
    loop: RunLoop


class WeChatAdapter:
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
        self.driver, self.section = driver, section
        self.chats = Chats(section, config)
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
            admin_ids=self.chats.admin_ids,
            max_age=section.members_max_age.total_seconds(),
            emit=self._emit,
            now=now,
        )
        max_age = section.profile_max_age.total_seconds()
        admins = self.chats.admin_ids  # names last read as theirs are read at every line
        self.senders = Senders(self.conn, max_age=max_age, always_read=admins, now=now)
        self.members.accounts = self.senders.known
        self._now = now
        self._bound: Bound | None = None

    def bind(self, bot: BotLink) -> None:
        """Connect the adapter to the bot it feeds (once, right after the app is built)."""
        chats, members = self.chats, self.members
        console = Console(chats, self.senders, bot)
        inbound = Inbound(chats, members, self.senders, console, bot, now=self._now)
        outbound = Outbound(self.conn, self.throttle, members, chats, bot.notify)
        loop = RunLoop(
            self.conn,
            chats,
            members,
            inbound,
            outbound,
            bot,
            section=self.section,
            capabilities=self.capabilities,
        )
        self._bound = Bound(bot, inbound, outbound, loop)

    @property
    def bound(self) -> Bound:
        if self._bound is None:
            raise RuntimeError("the WeChat adapter is not bound to a bot yet (see runner.build)")
        return self._bound

    @property
    def inbound(self) -> Inbound:
        return self.bound.inbound

    @property
    def missed(self) -> list[Action]:
        """Actions refused while WeChat was down, not yet reported."""
        return self.bound.outbound.missed

    @property
    def listened(self) -> set[str]:
        return self.chats.listened

    async def _emit(self, event: MembersSeen) -> None:
        if self._bound is not None:  # a read before the bot is there tells it nothing
            await self._bound.bot.handle(event)

    # -- the Platform port --------------------------------------------------------------------

    def capabilities(self, group: str) -> frozenset[Capability]:
        if group in self.chats.lost:
            return frozenset()
        config = self.chats.groups.get(group)
        if config is None:
            return frozenset({Capability.SEND}) if group in self.listened else frozenset()
        caps = set(self.driver.capabilities)
        if config.bot_role == "member":
            caps -= MANAGING  # only an owner or admin account can remove or set the notice
        return frozenset(caps)

    async def read_members(self, group: str) -> list[MemberView]:
        return await self.members.views(group)

    async def execute(self, action: Action) -> Outcome:
        return await self.bound.outbound.execute(action)

    async def execute_many(self, actions: list[Action]) -> list[Outcome]:
        return await self.bound.outbound.execute_many(actions)

    # -- running ------------------------------------------------------------------------------

    async def run(self) -> None:
        """Connect, listen, handle, poll and reconnect until cancelled."""
        await self.bound.loop.run()

    async def drain(self) -> None:
        """Wait until every line handed over so far has been handled (tests, shutdown)."""
        await self.bound.loop.drain()

    def close(self) -> None:
        self.conn.close()
