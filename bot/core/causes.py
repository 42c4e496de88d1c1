"""What caused the actions being taken: the idempotency keys of the action log.

The engine marks each event it handles, and the scheduler each job it runs, with a stable key
(the platform's message id, the job's name and due time). Every action taken while handling
it gets `<cause>#<n>`, n counting from 1 in the order the actions are taken. Handling the same
event again (a restart, a platform replaying history) yields the same keys, so the actuator
can tell an action already done from a new one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass
class Cause:
    key: str
    taken: int = 0

    def next_key(self) -> str:
        self.taken += 1
        return f"{self.key}#{self.taken}"


_current: ContextVar[Cause | None] = ContextVar("qunguan_cause", default=None)


@contextmanager
def caused_by(key: str | None) -> Iterator[Cause | None]:
    """Everything done inside is attributed to `key` (None: no idempotency)."""
    cause = Cause(key) if key else None
    token = _current.set(cause)
    try:
        yield cause
    finally:
        _current.reset(token)


def next_action_key() -> str | None:
    """The idempotency key of the next action under the current cause, if any."""
    cause = _current.get()
    return cause.next_key() if cause is not None else None
