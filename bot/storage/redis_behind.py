"""Flood windows counted locally and written behind to Redis (`RedisCounters.hit_once`).

Every message is counted in its sender's flood window and its key claimed, so that it is
judged once. Waiting for Redis each time (a round trip, most of a clean message's cost) is
what this avoids. The instance that owns a group (docs/operations.md) counts in a mirror:
- on its first message it reads the windows alive in Redis (few: a window expires with its
  last hit); a window not among them is empty;
- each message is counted and its claim checked in the mirror, and the writes the atomic
  script would make (SET of the claim, ZADD, trim, expiry) are queued and sent in one script
  call per batch: when `BATCH` messages are queued, `FLUSH_AFTER` seconds after the first,
  before any other call of the store (a claim: a rule that fires sees every hit before it),
  and on close.

What this changes (docs/moderation.md, "Flood counts with Redis"): a crash loses the queued
writes (at most `BATCH` messages, `FLUSH_AFTER` seconds): those hits no longer count after
the restart. A message re-delivered after a restart counts once (its member in the window is
its cause's token, the same in every run) and one that acted is stopped by the restart
journal. Two instances counting one group each count what they saw since they read the
windows: flood counts are the owning instance's.
"""

from __future__ import annotations

import asyncio
from typing import Any

from loguru import logger

# Per message (KEYS: window, claim; ARGV: score, horizon, window ms, member, claim value,
# claim ms): the writes the atomic hit script makes, without its checks.
WRITE_BEHIND = """
for i = 1, #KEYS / 2 do
  local a = (i - 1) * 6
  local window = KEYS[2 * i - 1]
  redis.call('SET', KEYS[2 * i], ARGV[a + 5], 'PX', ARGV[a + 6])
  redis.call('ZADD', window, ARGV[a + 1], ARGV[a + 4])
  redis.call('ZREMRANGEBYSCORE', window, '-inf', ARGV[a + 2])
  redis.call('PEXPIRE', window, ARGV[a + 3])
end
return #KEYS / 2
"""

BATCH = 64  # messages per write-behind call
FLUSH_AFTER = 0.05  # seconds the first queued message waits at most (event loop time)
SWEEP_EVERY = 4096  # messages between drops of expired mirror entries


class WindowMirror:
    """The windows and message claims this process counted, and the writes still to send."""

    def __init__(self) -> None:
        self.windows: dict[str, dict[str, float]] = {}  # window key → member → score
        self.spans: dict[str, float] = {}  # window key → its length (seconds)
        self.claims: dict[str, tuple[float, str]] = {}  # claim key → (held until, owner)
        self.keys: list[str] = []
        self.args: list[Any] = []
        self._calls = 0
        # Every window alive in Redis was loaded: one not here is empty.
        self.complete = False

    def load(self, window: str, pairs: list[tuple[bytes, float]]) -> None:
        """A window as Redis holds it: (member, score) pairs."""
        self.windows[window] = {member.decode(): score for member, score in pairs}

    def hit(self, keys: list[str], args: list[Any]) -> int | None:
        """A message's hit with its judge-once claim (keys: window, claim; args as
        `RedisCounters.hit_once` gives them), decided here: the window's count, or None when
        the claim is held by someone else. The writes are queued (`WRITE_BEHIND`)."""
        self._calls += 1
        stamp, horizon, _, member, until, _, owner = args
        window, claim = keys
        held = self.claims.get(claim)
        if held is not None and held[0] > float(stamp) and (owner == "" or held[1] != owner):
            return None
        self.claims[claim] = (float(until), owner)
        scores = self.windows.setdefault(window, {})
        self.spans[window] = float(stamp) - float(horizon)
        scores[member] = float(stamp)
        for old in [m for m, score in scores.items() if score <= float(horizon)]:
            del scores[old]
        self.keys += keys
        self.args += [*args[:4], f"{until}|{owner}", args[5]]
        if self._calls % SWEEP_EVERY == 0:
            self.sweep(float(stamp))
        return len(scores)

    def sweep(self, now: float) -> None:
        """Forget claims past their time and hits that left their window. A window's key
        stays (one per member): an empty window need not be read from Redis again."""
        self.claims = {k: held for k, held in self.claims.items() if held[0] > now}
        for key, scores in self.windows.items():
            if key not in self.spans:
                continue  # loaded, not hit since: its length is not known here
            horizon = now - self.spans[key]
            if any(score <= horizon for score in scores.values()):
                self.windows[key] = {m: s for m, s in scores.items() if s > horizon}

    def take(self) -> tuple[list[str], list[Any]]:
        """The queued writes, now the caller's to send."""
        keys, args = self.keys, self.args
        self.keys, self.args = [], []
        return keys, args


class Flusher:
    """Sends a mirror's queued writes: now, or soon after the first was queued."""

    def __init__(self, mirror: WindowMirror, send: Any) -> None:
        self.mirror = mirror
        self.send = send  # async (keys, args) → None
        self._timer: asyncio.TimerHandle | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def queued(self) -> None:
        """A write was queued: send the batch if full, else make sure it goes soon."""
        if len(self.mirror.keys) >= 2 * BATCH:
            await self.flush()
        elif self._timer is None:
            loop = asyncio.get_running_loop()
            self._timer = loop.call_later(FLUSH_AFTER, self._later)

    def _later(self) -> None:
        self._timer = None
        task = asyncio.get_running_loop().create_task(self.flush())
        self._tasks.add(task)  # kept until done: the loop holds tasks weakly
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            # Nobody awaits this task: say what was lost (the hits stay counted here).
            logger.warning("flood hits not written to Redis: {exc!r}", exc=task.exception())

    def take(self) -> tuple[list[str], list[Any]]:
        """The queued writes, for the caller to send with a call of its own."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        return self.mirror.take()

    async def flush(self) -> None:
        """Send what is queued (in order, one script call)."""
        keys, args = self.take()
        if keys:
            await self.send(keys, args)

    async def drain(self) -> None:
        """Send what is queued and wait for the sends under way (before closing)."""
        await self.flush()
        await asyncio.gather(*self._tasks, return_exceptions=True)  # failures: logged
