"""How the bot sees a member: the display name, and a trusted identity where one exists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["owner", "admin", "member"]


@dataclass(frozen=True, slots=True)
class MemberView:
    """One member as the platform shows them to the bot.

    `display` is the name shown in the group (anyone can change it). `identity` is what the
    platform vouches for and members cannot spoof: the operator account's contact remark on
    WeChat, the user id on Telegram; None when the platform gives none. Authority is
    configured with it. `account` is an account id the platform vouches for where it can
    read one (the WeChat ID, 微信号, from a profile; the Telegram user id), matched against
    an employee's configured id. `handle` is an opaque reference the adapter may need to act
    on the member (a Telegram user id); the core never interprets it. `role` is the member's
    platform role in the group.
    """

    display: str
    identity: str | None = None
    role: Role = "member"
    is_self: bool = False
    handle: str | None = None
    account: str | None = None

    @property
    def key(self) -> str:
        """The most stable key the bot has for this member in a group: the trusted identity,
        else the account id, and only where neither exists the display name (spec
        "Identity"). An adapter that reads `account` sets it on every view of that member
        (member reads and messages alike), or on none."""
        if self.identity:
            return f"id:{self.identity}"
        return f"acct:{self.account}" if self.account else f"name:{self.display}"
