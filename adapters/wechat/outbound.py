"""Actions → library calls, done safely and verified.

- Sends wait their turn in the throttle; mentions go in the same message. A send that raised
  is checked against the chat before it is tried again, so a message goes out once. Missing
  mentions (WeChat drops an @ it cannot resolve, silently) are reported in the group.
- Removals go in one call per group (`removals.py`).
- Notices are confirmed from the response data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from loguru import logger

from adapters.wechat.chats import Chats
from adapters.wechat.connection import Connection
from adapters.wechat.driver import CallResult, DriverError, Unavailable
from adapters.wechat.members import MemberLists
from adapters.wechat.removals import Removals
from adapters.wechat.throttle import Throttle
from bot.core.actions import Action, Direct, Invite, Notice, Outcome, Remove, Send, SendFile
from bot.services.notify import Notifier

MENTION_ENDS = ("\u2005", " ")


class Outbound:
    def __init__(
        self,
        conn: Connection,
        throttle: Throttle,
        members: MemberLists,
        chats: Chats,
        notify: Notifier,
    ) -> None:
        self.conn, self.throttle, self.members = conn, throttle, members
        self.chats, self.notify = chats, notify
        self.last_sent: dict[str, str] = {}  # chat → text of the last send known to be out
        self.missed: list[Action] = []  # actions refused while WeChat was down
        self.removals = Removals(conn, members)

    async def execute(self, action: Action) -> Outcome:
        """Carry out one action; a library failure is a refusal with the library's words."""
        driver = self.conn.driver
        try:
            match action:
                case Send():
                    return await self.send(action.group, action.text, action.mentions)
                case Direct():
                    chat = self.chats.route_for(action.to)
                    if chat is None:
                        return Outcome.refused("no_chat", f"no chat configured for {action.to}")
                    return await self.send(chat, action.text, (), direct=True)
                case SendFile():
                    return await self.send_file(action)
                case Notice():
                    result = await self.conn.call(driver.set_notice, action.group, action.text)
                    return _outcome(result, result.data.get("reason", "notice_not_set"))
                case Remove():
                    return (await self.removals.remove(action.group, [action]))[0]
                case Invite():
                    result = await self.conn.call(driver.invite, action.group, [action.contact])
                    return _outcome(result, "not_invited")
                case _:
                    return Outcome.refused("unsupported", type(action).__name__)
        except Unavailable as exc:
            self.missed.append(action)
            return Outcome.refused("wechat_unavailable", str(exc))
        except DriverError as exc:
            return Outcome.refused("failed", str(exc))

    async def execute_many(self, actions: Sequence[Action]) -> list[Outcome]:
        """Removals in one call per group; anything else one by one."""
        outcomes: dict[int, Outcome] = {}
        batches: dict[str, list[tuple[int, Remove]]] = defaultdict(list)
        for i, action in enumerate(actions):
            if isinstance(action, Remove):
                batches[action.group].append((i, action))
            else:
                outcomes[i] = await self.execute(action)
        for group, batch in batches.items():
            removals = [removal for _, removal in batch]
            try:
                results = await self.removals.remove(group, removals)
            except Unavailable as exc:
                self.missed.extend(removals)
                results = [Outcome.refused("wechat_unavailable", str(exc))] * len(batch)
            except DriverError as exc:
                results = [Outcome.refused("failed", str(exc))] * len(batch)
            outcomes.update(zip((i for i, _ in batch), results, strict=True))
        return [outcomes[i] for i in range(len(actions))]

    async def send(
        self, chat: str, text: str, mentions: Sequence[str], *, direct: bool = False
    ) -> Outcome:
        """Post `text` once, however many tries it takes (each checked before the next)."""
        conn, driver = self.conn, self.conn.driver
        delay = conn.backoff
        last = ""
        for attempt in range(1, conn.attempts + 1):
            await self.throttle.turn(chat)
            try:
                if direct:
                    result = await conn.once(driver.send_to, chat, text)
                else:
                    result = await conn.once(driver.send, chat, text, tuple(mentions))
            except Unavailable:
                raise
            except DriverError as exc:
                # It may have gone out before the failure: look before sending it again.
                result = CallResult(await self.went_out(chat, text), str(exc))
            if result.ok:
                self.last_sent[chat] = text
                missing = await self.unmentioned(chat, text, mentions) if mentions else []
                return Outcome.done(unmentioned=missing) if missing else Outcome.done()
            last = result.message
            if attempt < conn.attempts:
                await conn.sleep(delay)
                delay *= 2
        return Outcome.refused("send_failed", last)

    async def went_out(self, chat: str, text: str) -> bool:
        if chat not in self.chats.listened or self.last_sent.get(chat) == text:
            return False  # cannot tell apart from the previous identical message: resend
        try:
            own = await self.conn.call(self.conn.driver.recent_own, chat)
        except DriverError:
            return False
        return bool(own) and own[-1].endswith(text)

    async def unmentioned(self, chat: str, text: str, mentions: Sequence[str]) -> list[str]:
        """The mentions WeChat silently dropped from the message just sent."""
        try:
            own = await self.conn.call(self.conn.driver.recent_own, chat)
        except DriverError:
            logger.warning("could not check the mentions of a message in {chat}", chat=chat)
            return []
        sent = next((line for line in reversed(own) if line.endswith(text)), None)
        if sent is None:
            return []
        missing = [
            name for name in mentions if not any(f"@{name}{end}" in sent for end in MENTION_ENDS)
        ]
        if missing:
            logger.warning(
                "WeChat dropped mentions of {names} in {chat}", names=missing, chat=chat
            )
            names = self.notify.join(missing)
            await self.notify.send(chat, "action_failed", "wechat-mention-failed", names=names)
        return missing

    async def send_file(self, action: SendFile) -> Outcome:
        chat = action.group if action.group is not None else self.chats.route_for(action.to or "")
        if chat is None:
            return Outcome.refused("no_chat", f"no chat configured for {action.to}")
        if not action.path.exists():
            return Outcome.refused("no_file", str(action.path))
        await self.throttle.turn(chat)
        result = await self.conn.call(self.conn.driver.send_file, chat, str(action.path))
        return _outcome(result, "file_not_sent")


def _outcome(result: CallResult, reason: str) -> Outcome:
    return Outcome.done() if result.ok else Outcome.refused(reason, result.message)
