"""The platform port: the small interface every adapter implements for the core."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, runtime_checkable

from bot.core.actions import Action, Outcome
from bot.core.capabilities import Capability
from bot.core.members import MemberView


class Platform(Protocol):
    """An adapter as the core sees it. Events flow in through `Engine.handle`."""

    name: str

    def capabilities(self, group: str) -> frozenset[Capability]:
        """What the bot can do in `group`, known before trying."""
        ...

    async def read_members(self, group: str) -> list[MemberView]:
        """The group's member list as the platform shows it now (needs LIST_MEMBERS)."""
        ...

    async def execute(self, action: Action) -> Outcome:
        """Carry out one action and say whether it took effect."""
        ...

    # Optional: `async def execute_many(self, actions: list[Action]) -> list[Outcome]` carries
    # out several actions together (one outcome each, in order). The actuator uses it for a
    # batch of removals where the platform has it (WeChat removes members in one call).


@runtime_checkable
class Verifying(Protocol):
    """Optional: a platform that can re-read what happened (restart safety).

    After a crash between doing an action and recording its outcome, the actuator asks how
    many actions like this one visibly took effect since `since` (a message from the bot with
    this text in this chat; a removal: 1 if the member is no longer there). None: cannot tell.
    """

    async def effects_since(self, action: Action, since: datetime) -> int | None: ...
