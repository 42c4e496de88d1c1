"""A fake WeChat desktop as the wxauto libraries see it: groups, members, history, faults.

The fake libraries (`fake_libs`) read and change this world. Failure modes reproduced: silent
@ failure, partial removal reported as success, notice "success" with data['notice'] False,
duplicate display names, dropped and replayed lines, exceptions and slow calls on any call,
a window that goes away.
"""

from __future__ import annotations

import itertools
import queue
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

_ids = itertools.count(1)


class FakeUIError(LookupError):
    """What uiautomation raises when a control is not found in time."""


@dataclass
class Person:
    label: str  # the name the group shows
    wxid: str
    role: str = "member"  # owner, admin, member
    is_bot: bool = False
    searchable: bool = True  # False: emoji and the like break the typed search


@dataclass
class Line:
    author: Person | None
    attr: str
    type: str
    content: str
    time: str | None = None


@dataclass
class FakeGroup:
    name: str
    people: list[Person] = field(default_factory=list)
    history: list[Line] = field(default_factory=list)
    notice: str = ""

    def labels(self) -> list[str]:
        return [p.label for p in self.people]

    def bot_manages(self) -> bool:
        return any(p.is_bot and p.role in ("owner", "admin") for p in self.people)


class Faults:
    """Per library call: with probability `rate`, raise (no effect) or run slowly."""

    def __init__(self, rate: float = 0.0, seed: int = 0, slow: float = 0.002) -> None:
        self.rate, self.slow = rate, slow
        self.rng = random.Random(seed)
        self.calls: Counter[str] = Counter()
        self.raised: Counter[str] = Counter()
        self.forced: dict[str, int] = {}  # method → failures to force next
        self.lock = threading.Lock()

    def hit(self, name: str) -> None:
        with self.lock:
            self.calls[name] += 1
            forced = self.forced.get(name, 0)
            if forced:
                self.forced[name] = forced - 1
                roll, kind = 0.0, 0.0
            else:
                roll, kind = self.rng.random(), self.rng.random()
        if roll < self.rate or forced:
            if kind < 0.5:
                self.raised[name] += 1
                raise FakeUIError(f"{name}: Find Control Timeout")
            time.sleep(self.slow)  # a slow UI: the call still completes


class World:
    def __init__(self, bot: str = "群管家", bot_wxid: str = "wxid_bot0001") -> None:
        self.bot = Person(bot, bot_wxid, "owner", is_bot=True)
        self.groups: dict[str, FakeGroup] = {}
        self.private: dict[str, list[Line]] = {}
        self.faults = Faults()
        self.online = True
        self.sent: list[tuple[str, str, list[str]]] = []  # chat, content, mentioned labels
        self.removed: Counter[str] = Counter()  # wxid → times actually removed
        self.contacts: dict[str, Person] = {}  # the operator's friends, by remark
        self.listeners: dict[str, Callable[[object, str], None]] = {}  # chat → callback
        self.deliveries: queue.Queue = queue.Queue()
        self.drop = 0  # the next N lines are never delivered
        # wxauto4: chat windows open on their own that the bot did not open, and the lock
        # another process holds on listening (both make AddListenChat refuse).
        self.loose_windows = 0
        self.foreign_listener = False
        self.notice_dialog_missing = False  # wxautox4: the notice dialog is not found
        self._thread = threading.Thread(target=self._deliver, daemon=True)
        self._thread.start()

    def add_group(self, name: str, people: list[Person], bot_role: str = "owner") -> FakeGroup:
        bot = Person(self.bot.label, self.bot.wxid, bot_role, is_bot=True)
        group = FakeGroup(name, [bot, *people])
        self.groups[name] = group
        return group

    def chat_history(self, chat: str) -> list[Line]:
        if chat in self.groups:
            return self.groups[chat].history
        return self.private.setdefault(chat, [])

    def person(self, group: str, label: str) -> Person:
        return next(p for p in self.groups[group].people if p.label == label)

    # -- what happens in WeChat ---------------------------------------------------------------

    def post(self, chat: str, author: Person, content: str, type: str = "text") -> None:
        self._add(chat, Line(author, "friend", type, content))

    def system(self, chat: str, content: str) -> None:
        self._add(chat, Line(None, "system", "text", content))

    def marker(self, chat: str, when: str) -> None:
        self._add(chat, Line(None, "time", "text", when[-8:-3], when))

    def join(self, group: str, person: Person, inviter: str | None = None) -> None:
        self.groups[group].people.append(person)
        who = f'"{inviter}"' if inviter else "你"
        self.system(group, f'{who}邀请"{person.label}"加入了群聊')

    def replay(self, chat: str, count: int) -> None:
        """A newly opened window hands over its last `count` lines again (new UI ids)."""
        for line in self.chat_history(chat)[-count:]:
            if line.attr != "self":
                self.deliveries.put((chat, line))

    def _add(self, chat: str, line: Line) -> None:
        self.chat_history(chat).append(line)
        if self.drop:
            self.drop -= 1
            return
        self.deliveries.put((chat, line))

    def settle(self) -> None:
        """Wait until the listener thread has delivered everything posted."""
        self.deliveries.join()

    def _deliver(self) -> None:
        from tests.wechat.fake_libs import FakeMessage

        while True:
            chat, line = self.deliveries.get()
            try:
                callback = self.listeners.get(chat)
                if callback is not None:
                    callback(FakeMessage(self, line), chat)
            except Exception:  # the libraries swallow callback errors into a debug log
                pass
            finally:
                self.deliveries.task_done()


def next_id() -> str:
    return str(next(_ids))
