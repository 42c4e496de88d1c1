"""The driver behind the UI worker: calls with retries and backoff, and the reconnect.

Transient failures (a UI lookup that timed out, a click that missed) are retried with a
doubling delay. When the window is gone, hung or logged out, the connection goes down: calls
fail fast with `Unavailable`, state is kept, and `reconnect` brings it back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial
from typing import ParamSpec, TypeVar

from loguru import logger

from adapters.wechat.driver import DriverError, Refused, Unavailable, WeChatDriver, WindowGone
from adapters.wechat.worker import UIWorker, call_name

Sleep = Callable[[float], Awaitable[None]]
P = ParamSpec("P")
T = TypeVar("T")


def thread_init() -> None:
    """UI Automation needs COM initialised on the thread that uses it (Windows only)."""
    import sys

    if sys.platform == "win32":  # pragma: no cover - Windows only
        import comtypes

        comtypes.CoInitialize()


class Connection:
    def __init__(
        self,
        driver: WeChatDriver,
        *,
        attempts: int,
        backoff: float,
        call_limit: float,
        sleep: Sleep = asyncio.sleep,
        init: Callable[[], None] | None = thread_init,
    ) -> None:
        self.driver = driver
        self.attempts = attempts
        self.backoff = backoff
        self.call_limit = call_limit
        self.sleep = sleep
        self._init = init
        self.worker = UIWorker(init)
        self.worker.start()
        self.up = False
        self.lost_signal = asyncio.Event()

    async def run(self, fn: Callable[[], T]) -> T:
        """One call on the UI thread, no retry and no check that the connection is up
        (connect, and the health check)."""
        if self.worker.stuck(self.call_limit):
            self._replace_worker()
        try:
            return await self.worker.call(fn, limit=self.call_limit)
        except WindowGone:
            self.lost("window gone or hung")
            raise

    async def call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """`fn(*args)`, a driver method, with retries; Unavailable while the connection is
        down, DriverError once every try failed."""
        return await self._call(partial(fn, *args, **kwargs), call_name(fn), self.attempts)

    async def once(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """`fn(*args)` tried once: for calls that must not be repeated blindly (sends,
        removals); the caller checks what happened before trying again."""
        return await self._call(partial(fn, *args, **kwargs), call_name(fn), 1)

    async def _call(self, job: Callable[[], T], name: str, tries: int) -> T:
        delay = self.backoff
        last: Exception | None = None
        for attempt in range(1, tries + 1):
            if not self.up:
                raise Unavailable("WeChat is disconnected")
            try:
                return await self.run(job)
            except WindowGone:
                raise Unavailable("WeChat is disconnected") from None
            except Refused:
                raise  # on purpose, and the window is fine: neither retried nor a lost window
            except Exception as exc:  # the libraries raise bare exceptions on UI trouble
                last = exc
                logger.debug(
                    "{call} failed ({n}/{tries}): {exc}",
                    call=name,
                    n=attempt,
                    tries=tries,
                    exc=exc,
                )
            if attempt < tries:
                await self.sleep(delay)
                delay *= 2
        await self._check_health()
        raise DriverError(f"{name}: {last}")

    async def _check_health(self) -> None:
        """After a call failed for good: is the window still there? (asked a few times, since
        the question is a UI call too)."""
        healthy = False
        for _ in range(self.attempts):
            try:
                healthy = bool(await self.run(self.driver.online))
            except WindowGone:
                raise Unavailable("WeChat is disconnected") from None
            except Exception:  # the window may be busy rather than gone: ask again
                continue
            break
        if not healthy:
            self.lost("WeChat is not online")
            raise Unavailable("WeChat is disconnected")

    def lost(self, why: str) -> None:
        """Go down (once) and wake the reconnect loop."""
        if self.up:
            logger.error("WeChat connection lost: {why}; reconnecting", why=why)
            self.up = False
            self.lost_signal.set()

    async def connect(self, listen: Callable[[], Awaitable[None]]) -> None:
        """Find the window, then (re)open the listened chats through `listen`."""
        await self.run(self.driver.connect)
        self.up = True  # listen() makes its calls through `call`
        try:
            await listen()
        except Exception:
            self.up = False
            raise
        self.lost_signal.clear()

    def _replace_worker(self) -> None:
        # A call hung for good: its thread is left behind and a fresh one takes over.
        logger.error("the UI thread is stuck; starting a new one")
        self.worker.stop()
        self.worker = UIWorker(self._init)
        self.worker.start()

    def close(self) -> None:
        self.worker.stop()
