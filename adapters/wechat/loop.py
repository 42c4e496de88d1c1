"""The adapter's life: connect and listen, pump lines to the core, poll member counts, and
reconnect (reporting what was missed) when the window goes away."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

from loguru import logger

from adapters.wechat.chats import Chats
from adapters.wechat.connection import Connection
from adapters.wechat.driver import DriverError, InMsg
from adapters.wechat.inbound import Inbound
from adapters.wechat.link import BotLink
from adapters.wechat.members import MemberLists
from adapters.wechat.outbound import Outbound
from adapters.wechat.report import startup_report
from adapters.wechat.settings import WeChatSection
from bot.core.capabilities import Capability

Capabilities = Callable[[str], frozenset[Capability]]


class RunLoop:
    """Everything that runs for as long as the bot does."""

    def __init__(
        self,
        conn: Connection,
        chats: Chats,
        members: MemberLists,
        inbound: Inbound,
        outbound: Outbound,
        bot: BotLink,
        *,
        section: WeChatSection,
        capabilities: Capabilities,
    ) -> None:
        self.conn, self.chats, self.members = conn, chats, members
        self.inbound, self.outbound, self.bot = inbound, outbound, bot
        self.section = section
        self.capabilities = capabilities
        self._queue: asyncio.Queue[InMsg] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _on_message(self, msg: InMsg) -> None:
        # Called on the library's listener thread: hand the line to the event loop, nothing else.
        assert self._loop is not None and self._queue is not None
        self._loop.call_soon_threadsafe(self._queue.put_nowait, msg)

    async def listen_all(self) -> None:
        """(Re)open every chat the adapter listens to; what they show first may be history."""
        self.chats.listened.clear()
        for chat in self.chats.all():
            await self.conn.call(self.conn.driver.listen, chat, self._on_message)
            self.chats.listened.add(chat)
            self.inbound.opened(chat, self.section.settle.total_seconds())

    async def run(self) -> None:
        """Connect, report what the library can do, then pump lines, poll and reconnect."""
        self._loop = asyncio.get_running_loop()
        self._queue = asyncio.Queue()
        await self.connect()
        for line in startup_report(self.conn.driver, self.chats, self.capabilities):
            logger.info(line)
        await asyncio.gather(self.pump(self._queue), self.poll(), self.supervise())

    async def connect(self) -> None:
        """Connect and listen, trying again every `reconnect_every` until it works."""
        while True:
            try:
                await self.conn.connect(self.listen_all)
                logger.success("WeChat connected through {lib}", lib=self.conn.driver.library)
                return
            except Exception as exc:
                logger.error("cannot reach WeChat: {exc}", exc=exc)
                await asyncio.sleep(self.section.reconnect_every.total_seconds())

    async def pump(self, queue: asyncio.Queue[InMsg]) -> None:
        while True:
            msg = await queue.get()
            try:
                await self.inbound.handle(msg)
            except Exception:  # one bad line must not stop the adapter
                logger.exception("failed to handle a line in {chat}", chat=msg.chat)
            finally:
                queue.task_done()

    async def drain(self) -> None:
        """Wait until every line handed over so far has been handled (tests, shutdown)."""
        if self._queue is not None:
            await self._queue.join()

    async def poll(self) -> None:
        while True:
            await asyncio.sleep(self.section.count_every.total_seconds())
            try:
                await self.poll_once()
            except Exception:
                logger.exception("member poll failed")

    async def poll_once(self) -> None:
        """The cheap member count per group. When it changed, someone joined or left (maybe
        silently): the names read from profiles are read again, and the full list too where
        the library lists members."""
        for group in self.chats.groups:
            if not self.conn.up or group in self.chats.lost:
                continue
            try:
                count = await self.conn.call(self.conn.driver.member_count, group)
            except DriverError:
                continue
            current = self.members.list_of(group)
            changed = count is not None and count != current.count
            was, current.count = current.count, count
            if not changed:
                continue
            self.inbound.senders.forget(group)
            if was is not None:
                logger.info("{group}: {was} → {count} members", group=group, was=was, count=count)
            if Capability.LIST_MEMBERS in self.capabilities(group):
                await self.members.refresh(group)

    async def supervise(self) -> None:
        while True:
            await self.conn.lost_signal.wait()
            since = self.bot.clock.now()
            await self.connect()
            await self.report_outage(since)

    async def report_outage(self, since: datetime) -> None:
        """Tell the admins how long WeChat was away and how many actions did not happen."""
        missed, self.outbound.missed = self.outbound.missed, []
        logger.warning("WeChat was unavailable; {n} actions did not take effect", n=len(missed))
        at, count = f"{since:%H:%M}", len(missed)
        notify, console = self.bot.notify, self.chats.console
        if console:
            await notify.send(
                console.chat, "action_failed", "wechat-reconnected", since=at, count=count
            )
        elif missed:
            for admin in self.chats.org_admins:
                if self.chats.route_for(admin):
                    await notify.direct(
                        admin, "action_failed", "wechat-reconnected", since=at, count=count
                    )
