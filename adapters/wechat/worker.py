"""The single UI worker thread: every library call runs here, one at a time, in order.

UI automation drives one mouse, one keyboard and one clipboard, and COM objects belong to the
thread that made them, so nothing else may touch the library. The async side awaits each
call's result; a call that runs past `limit` is reported as a hung window.
"""

from __future__ import annotations

import asyncio
import itertools
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from typing import Any, TypeVar

from loguru import logger

from adapters.wechat.driver import WindowGone

T = TypeVar("T")
_names = itertools.count(1)


class UIWorker:
    def __init__(self, init: Callable[[], None] | None = None) -> None:
        self._jobs: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]] | None]
        self._jobs = queue.SimpleQueue()
        self._init = init
        self._thread = threading.Thread(
            target=self._run, name=f"wechat-ui-{next(_names)}", daemon=True
        )
        self._running_since: float | None = None

    def start(self) -> None:
        self._thread.start()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def stuck(self, limit: float) -> bool:
        """True if the current call has run for longer than `limit` seconds."""
        since = self._running_since
        return since is not None and time.monotonic() - since > limit

    def _run(self) -> None:
        if self._init is not None:
            try:
                self._init()
            except Exception:
                logger.exception("UI thread initialisation failed")
        while (job := self._jobs.get()) is not None:
            fn, future = job
            if not future.set_running_or_notify_cancel():
                continue  # the caller gave up before it started: it never happens
            self._running_since = time.monotonic()
            try:
                future.set_result(fn())
            except BaseException as exc:  # handed to the awaiting caller, never lost
                future.set_exception(exc)
            finally:
                self._running_since = None

    async def call(self, fn: Callable[[], T], *, limit: float) -> T:
        """Run `fn()` on the UI thread; raise WindowGone if it runs past `limit`."""
        future: Future[T] = Future()
        self._jobs.put((fn, future))
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), limit)
        except TimeoutError:
            if future.cancel():
                raise WindowGone(
                    f"{call_name(fn)} waited {limit:.0f}s behind a hung call"
                ) from None
            raise WindowGone(f"{call_name(fn)} hung for more than {limit:.0f}s") from None

    def stop(self) -> None:
        self._jobs.put(None)


def call_name(fn: Callable[..., Any]) -> str:
    """A library call's name for the logs (`send`), also when its arguments are bound."""
    inner = fn.func if isinstance(fn, partial) else fn
    return str(getattr(inner, "__name__", repr(inner)))
