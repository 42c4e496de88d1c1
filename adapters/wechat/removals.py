"""Removals: one library call per group, never repeated blindly, confirmed by a re-read.

The libraries report success even when a name was not found, so the member list is read
again after the call: whoever is still listed was not removed, whatever the library said.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from loguru import logger

from adapters.wechat.connection import Connection
from adapters.wechat.driver import DriverError, Unavailable
from adapters.wechat.members import MemberLists
from bot.core.actions import Outcome, Remove


class Removals:
    def __init__(self, conn: Connection, members: MemberLists) -> None:
        self.conn = conn
        self.members = members

    async def remove(self, group: str, removals: Sequence[Remove]) -> list[Outcome]:
        """One library call for the group, then a re-read decides who is really gone."""
        conn = self.conn
        before = Counter(await self.members.names(group))
        wanted = [r.member.display for r in removals]
        pending, said = list(dict.fromkeys(wanted)), ""
        after = before
        for _ in range(conn.attempts):
            try:
                result = await conn.once(conn.driver.remove, group, pending)
                said = result.message
                retry = False  # the library made its decision; repeating it changes nothing
            except Unavailable:
                raise
            except DriverError as exc:
                said, retry = str(exc), True
            after = Counter(await self.members.refresh(group))
            pending = [name for name in pending if after[name] >= before[name]]
            if not pending or not retry:
                break
        gone = [name for name in before if after[name] < before[name] and name not in wanted]
        if gone:
            logger.warning("{names} also left {group} during a removal", names=gone, group=group)
        return [
            Outcome.done()
            if after[name] < before[name]
            else Outcome.refused("not_removed", said or "still listed after the removal")
            for name in wanted
        ]
