"""The WeChat adapter: the core's `Platform`, built on one driver behind one UI thread."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from loguru import logger

from adapters.wechat.connection import Connection, thread_init
from adapters.wechat.driver import DriverError, InMsg, WeChatDriver
from adapters.wechat.inbound import Inbound
from adapters.wechat.members import MemberLists
from adapters.wechat.outbound import Outbound
from adapters.wechat.settings import WeChatSection
from adapters.wechat.throttle import Throttle
from bot.core.actions import Action, Outcome
from bot.core.capabilities import Capability
from bot.core.config_file import StrictOrgConfig
from bot.core.events import MembersSeen
from bot.core.members import MemberView

MANAGING = frozenset({Capability.REMOVE, Capability.SET_NOTICE})


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

    # -- running ------------------------------------------------------------------------------

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
        for line in self.startup_report():
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

    def startup_report(self) -> list[str]:
        """What this library can do here, per group, in plain lines for the operator."""
        lib, every = self.driver, set(Capability)
        lines = [
            f"WeChat adapter: {lib.library} for {lib.client}; listening to {len(self.chats())} "
            f"chat(s) (at most {lib.max_chats})",
            "  can: " + ", ".join(sorted(lib.capabilities)),
            "  cannot: " + (", ".join(sorted(every - lib.capabilities)) or "-"),
        ]
        for code, group in self.groups.items():
            caps = ", ".join(sorted(self.capabilities(code)))
            lines.append(f"  group {group.name!r} (bot is {group.bot_role}): {caps}")
        if Capability.REMOVE not in lib.capabilities:
            lines.append("  removals: admins are asked to remove by hand; audits re-check")
        if Capability.LIST_MEMBERS not in lib.capabilities:
            lines.append("  members: only those seen joining or speaking are known")
        if self.can_verify:
            lines.append("  authority: each privileged command's sender is checked by WeChat ID")
        elif self.console:
            lines.append(
                f"  authority: privileged commands only in the console {self.console.chat!r}"
            )
        else:
            lines.append("  authority: no console configured, so no privileged commands")
        return lines

    def close(self) -> None:
        self.conn.close()
