"""Who sent a line: the WeChat ID (微信号) their profile shows, where the library can read it.

Only a WeChat ID grants authority: names can be changed or copied by anyone.
"""

from __future__ import annotations

from loguru import logger

from adapters.wechat.connection import Connection
from adapters.wechat.driver import DriverError, InMsg
from bot.core.capabilities import Capability


class Senders:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.can_verify = Capability.VERIFY_IDENTITY in conn.driver.capabilities

    async def wechat_id(self, msg: InMsg) -> str | None:
        """The sender's WeChat ID read from their profile; None if it could not be read."""
        try:
            return await self.conn.call(self.conn.driver.verify, msg)
        except DriverError as exc:
            logger.warning(
                "could not read the WeChat ID of {who}: {exc}", who=msg.display, exc=exc
            )
            return None
