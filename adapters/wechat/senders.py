"""Who sent a line: the WeChat ID (微信号) their profile card shows. All three libraries read
it (`FriendMessage.sender_info()` opens the card: slow, on the UI thread).

Two uses, two rules:

- **Authority** (a privileged command, the console): the card is read afresh every time; an
  admin's ID becomes the sender's `identity`. Names can be copied by anyone, and the cache
  below is keyed by name, so it never grants anything.
- **Telling members apart** (every other line): the ID last read for this name in this group
  becomes the sender's `account` (what an employee's `wechat_id` is matched against). The
  card is read at a name's first line, and again once the reading is older than
  `profile_max_age` (0: at every line), after a join line or a change of the group's member
  count (names may have changed hands), and when a fresh read shows the ID under another
  name (the member renamed: the old name is dropped). A name last read as an admin's, or
  read under two IDs (two members show it), is read at every line: whoever shows it is that
  admin, or either member, only while the card says so. A card that cannot be read leaves
  the name on the one ID read under it before; a line that went in under the name alone is
  followed, once the card is read, by a ForgetEvent for that name-only record. The hole
  left: a member who renames to the name of a non-admin read less than `profile_max_age`
  ago is taken for them until the reading is renewed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from loguru import logger

from adapters.wechat.connection import Connection
from adapters.wechat.driver import DriverError, InMsg
from bot.core.capabilities import Capability


@dataclass(frozen=True, slots=True)
class Reading:
    wechat_id: str | None  # None: the card could not be read (not tried again until stale)
    at: float


class Senders:
    def __init__(
        self,
        conn: Connection,
        *,
        max_age: float = 600.0,
        always_read: frozenset[str] = frozenset(),
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.conn = conn
        self.can_verify = Capability.VERIFY_IDENTITY in conn.driver.capabilities
        self.max_age = max_age
        self.always_read = always_read  # IDs whose names are read at every line (admins)
        self._now = now
        self._read: dict[str, dict[str, Reading]] = {}  # group → name → last reading
        # group → name → every ID read under it (while its holder keeps it): two or more, and
        # the name is shared, so it is read at every line
        self._ids: dict[str, dict[str, set[str]]] = {}
        self._nameless: dict[str, set[str]] = {}  # group → names handed over without an ID

    async def wechat_id(self, msg: InMsg) -> str | None:
        """The sender's WeChat ID read from their profile now; None if it could not be."""
        try:
            found = await self.conn.call(self.conn.driver.verify, msg)
        except DriverError as exc:
            logger.warning(
                "could not read the WeChat ID of {who}: {exc}", who=msg.display, exc=exc
            )
            return None
        if found:
            self._remember(msg.chat, msg.display, found)
        return found

    async def account(self, msg: InMsg) -> str | None:
        """The WeChat ID behind this line's name: read from the card unless a reading of it
        is fresh (tried once: an ordinary line is not worth retries). When the card cannot
        be read, the one ID read under this name before, if any (keys stay stable)."""
        if not self.can_verify:
            return None
        group, name = msg.chat, msg.display
        kept = self._fresh(group, name)
        shared = len(self._ids.get(group, {}).get(name, ())) > 1
        found = kept.wechat_id if kept is not None else None
        if kept is None or shared or found in self.always_read:
            try:
                found = await self.conn.once(self.conn.driver.verify, msg)
            except DriverError as exc:
                logger.debug("no WeChat ID for {who}: {exc}", who=name, exc=exc)
                found = None
            if found:
                self._remember(group, name, found)
            else:  # not tried again until stale
                self._read.setdefault(group, {})[name] = Reading(None, self._now())
        account = found or self.known(group, name)
        if account is None:
            self._nameless.setdefault(group, set()).add(name)
        return account

    def mark_nameless(self, group: str, name: str) -> None:
        """A view of this name went to the core without an ID (a join line)."""
        self._nameless.setdefault(group, set()).add(name)

    def replaces_nameless(self, group: str, name: str) -> bool:
        """Whether a line under this name went to the core without an account before, and
        the account now known is the name's only one: that name-only record was this
        member's (asked once per record)."""
        nameless = self._nameless.get(group, set())
        if name not in nameless or self.known(group, name) is None:
            return False
        nameless.discard(name)
        return True

    def known(self, group: str, name: str) -> str | None:
        """The one ID read under this name (None if none was, or two members share it)."""
        ids = self._ids.get(group, {}).get(name, set())
        return next(iter(ids)) if len(ids) == 1 else None

    def forget(self, group: str) -> None:
        """Membership changed: every name in the group is read afresh at its next line."""
        self._read.pop(group, None)

    def _fresh(self, group: str, name: str) -> Reading | None:
        kept = self._read.get(group, {}).get(name)
        if kept is None or self.max_age <= 0:
            return None  # 0: every line is read
        return kept if self._now() - kept.at <= self.max_age else None

    def _remember(self, group: str, name: str, wechat_id: str) -> None:
        names, ids = self._read.setdefault(group, {}), self._ids.setdefault(group, {})
        # A member shows one name in a group: under any other, they renamed from it.
        for other in [n for n, r in names.items() if r.wechat_id == wechat_id and n != name]:
            del names[other]
        for other, seen in ids.items():
            if other != name:
                seen.discard(wechat_id)
        names[name] = Reading(wechat_id, self._now())
        ids.setdefault(name, set()).add(wechat_id)
