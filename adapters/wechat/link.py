"""The bot as the WeChat adapter sees it: where events go, how it speaks, what it remembers.

The adapter is the app's platform, so it is built before the app; `runner.build` hands it
this link once the app exists (`WeChatAdapter.bind`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.core.clock import Clock
from bot.core.events import Event, MessageEvent
from bot.services.notify import Notifier
from bot.storage.counters import Counters


@dataclass(frozen=True)
class BotLink:
    handle: Callable[[Event], Awaitable[None]]  # every event the adapter sees (Engine.handle)
    # A command for a group, typed in the admin console (Engine.run_command).
    run_command: Callable[[MessageEvent], Awaitable[None]]
    needs_admin: Callable[[str], bool]  # whether a line is a privileged command
    notify: Notifier  # what the adapter itself has to say (by message key)
    counters: Counters  # lines already handled, shared by every instance
    clock: Clock
