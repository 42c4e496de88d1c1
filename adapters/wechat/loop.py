"""The adapter's life: connect and listen, pump lines to the core, poll member counts, and
reconnect (reporting what was missed) when the window goes away."""

from __future__ import annotations

import asyncio
from typing import Any

from loguru import logger

from adapters.wechat.driver import DriverError, InMsg
from adapters.wechat.report import startup_report
from bot.core.capabilities import Capability
from bot.core.events import MembersSeen


class RunLoop:
    """Mixed into WeChatAdapter: everything that runs for as long as the bot does."""

    section: Any
    conn: Any
    inbound: Any
    members: Any
    driver: Any
    groups: dict[str, Any]
    console: Any
    listened: set[str]
    missed: list[Any]
    app: Any
    _queue: asyncio.Queue[InMsg] | None
    _loop: asyncio.AbstractEventLoop | None

    def chats(self) -> list[str]:
        extra = [self.console.chat] if self.console else []
        return [*self.groups, *extra, *self.section.contacts.values()]

    def _on_message(self, msg: InMsg) -> None:
        # Called on the library's listener thread: hand the line to the event loop, nothing else.
        assert self._loop is not None
        assert self._queue is not None
        self._loop.call_soon_threadsafe(self._queue.put_nowait, msg)

    async def listen_all(self) -> None:
        self.listened.clear()
        for chat in self.chats():
            await self.conn.call("listen", chat, self._on_message)
            self.listened.add(chat)
            self.inbound.opened(chat, self.section.settle.total_seconds())

    async def _emit(self, event: MembersSeen) -> None:
        if self.app is not None:
            await self.engine.handle(event)

    async def run(self) -> None:
        """Connect, report what the library can do, then pump lines, poll and reconnect."""
        self._loop = asyncio.get_running_loop()
        self._queue = asyncio.Queue()
        await self.connect()
        for line in startup_report(self):
            logger.info(line)
        await asyncio.gather(self.pump(), self.poll(), self.supervise())

    async def connect(self) -> None:
        """Connect and listen, trying again every `reconnect_every` until it works."""
        while True:
            try:
                await self.conn.connect(self.listen_all)
                logger.success("WeChat connected through {lib}", lib=self.driver.library)
                return
            except Exception as exc:
                logger.error("cannot reach WeChat: {exc}", exc=exc)
                await asyncio.sleep(self.section.reconnect_every.total_seconds())

    async def pump(self) -> None:
        assert self._queue is not None
        while True:
            msg = await self._queue.get()
            try:
                await self.inbound.handle(msg)
            except Exception:  # one bad line must not stop the adapter
                logger.exception("failed to handle a line in {chat}", chat=msg.chat)
            finally:
                self._queue.task_done()

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
        """The cheap member count per group; the full list only when it changed."""
        for group in self.groups:
            if not self.conn.up or Capability.LIST_MEMBERS not in self.capabilities(group):
                continue
            try:
                count = await self.conn.call("member_count", group)
            except DriverError:
                continue
            current = self.members.list_of(group)
            changed = count is not None and count != current.count
            current.count = count
            if changed:
                await self.members.refresh(group)

    async def supervise(self) -> None:
        while True:
            await self.conn.lost_signal.wait()
            since = self.clock.now()
            await self.connect()
            await self.report_outage(since)

    async def report_outage(self, since: Any) -> None:
        missed, self.missed = self.missed, []
        logger.warning("WeChat was unavailable; {n} actions did not take effect", n=len(missed))
        args = {"since": f"{since:%H:%M}", "count": len(missed)}
        if self.console:
            await self.notify.send(
                self.console.chat, "action_failed", "wechat-reconnected", **args
            )
        elif missed:
            for admin in sorted(self.config.org.admins):
                if self.route_for(admin):
                    await self.notify.direct(admin, "action_failed", "wechat-reconnected", **args)
