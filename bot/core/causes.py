"""What caused the actions being taken: the idempotency keys of the action log.

The engine marks each event it handles, and the scheduler each job it runs, with a stable key
(the platform's message id, the job's name and due time). Every action taken while handling
it gets `<cause>#<n>`, n counting from 1 in the order the actions are taken. Handling the same
event again (a restart, a platform replaying history) yields the same keys, so the actuator
can tell an action already done from a new one.

State writes get keys of their own namespace (`<cause>#w<n>` for warnings, `#claim<n>` for
counter claims…) from `next_token`. The restart journal (bot.services.journal) attaches
itself to the cause the first time the cause takes effect; `settle` lets it record the end.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.core.events import Event

CauseKind = Literal["event", "job"]


class CauseDone(BaseException):
    """This cause was fully handled before (a restart, a replayed event): stop handling it.

    A BaseException so that the `except Exception` guards inside handlers let it through.
    """


@dataclass
class Cause:
    key: str
    kind: CauseKind = "event"
    # What to journal so the cause can be resumed: the event, or the job's name and due time.
    subject: Event | dict[str, Any] | None = None
    origin: str | None = None  # the bot instance handling it (several may share a database)
    taken: int = 0
    tokens: dict[str, int] = field(default_factory=dict)
    # The journal's record once the cause took effect (bot.services.journal: the core does
    # not know the storage model).
    journal: object = None
    # The journal record was created by this run: nothing was written under this cause
    # before, so its keys need no looking up.
    fresh: bool = False
    finisher: Callable[[Cause, bool], Awaitable[None]] | None = None
    # Whoever opened the cause settles it (the engine, the job runner): the outcomes of its
    # actions may wait for its end and be stored with it (bot.services.cause_outcomes).
    at_end: bool = False
    deferred: list[Any] = field(default_factory=list)
    flusher: Callable[[Cause], Awaitable[None]] | None = None

    def next_key(self) -> str:
        self.taken += 1
        return f"{self.key}#{self.taken}"

    def next_token(self, namespace: str) -> str:
        n = self.tokens.get(namespace, 0) + 1
        self.tokens[namespace] = n
        return f"{self.key}#{namespace}{n}"


_current: ContextVar[Cause | None] = ContextVar("qunguan_cause", default=None)


@contextmanager
def caused_by(
    key: str | None,
    *,
    kind: CauseKind = "event",
    subject: Event | dict[str, Any] | None = None,
    origin: str | None = None,
    at_end: bool = False,
) -> Iterator[Cause | None]:
    """Everything done inside is attributed to `key` (None: no idempotency). `at_end`: the
    caller calls `settle` whatever happens, so outcomes may be stored then."""
    cause = Cause(key, kind, subject, origin, at_end=at_end) if key else None
    token = _current.set(cause)
    try:
        yield cause
    finally:
        _current.reset(token)


def current_cause() -> Cause | None:
    return _current.get()


def next_action_key() -> str | None:
    """The idempotency key of the next action under the current cause, if any."""
    cause = _current.get()
    return cause.next_key() if cause is not None else None


def next_token(namespace: str) -> str | None:
    """The key of the next state write of `namespace` under the current cause, if any."""
    cause = _current.get()
    return cause.next_token(namespace) if cause is not None else None


async def settle(cause: Cause | None, ok: bool) -> None:
    """The cause's handling ended (`ok`: without an error); let the journal record it."""
    if cause is not None and cause.finisher is not None:
        await cause.finisher(cause, ok)


async def flush() -> None:
    """Store now what the current cause keeps for its end (its actions' outcomes): called
    before anything else is appended to the audit trail, so the trail keeps the order in
    which things were done, whenever a crash interrupts."""
    cause = _current.get()
    if cause is not None and cause.deferred and cause.flusher is not None:
        await cause.flusher(cause)
