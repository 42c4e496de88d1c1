"""Login throttling: after `LIMIT` failed logins within `WINDOW` for one user name, or from one
address, further attempts are refused until the oldest failure leaves the window. Kept in the
console process; times from the injected clock."""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta

from bot.core.clock import Clock

LIMIT = 5
WINDOW = timedelta(minutes=15)


class LoginThrottle:
    def __init__(self, clock: Clock, limit: int = LIMIT, window: timedelta = WINDOW) -> None:
        self.clock = clock
        self.limit = limit
        self.window = window
        self._failures: dict[str, deque[datetime]] = {}

    def _recent(self, key: str) -> deque[datetime]:
        times = self._failures.setdefault(key, deque())
        horizon = self.clock.now() - self.window
        while times and times[0] <= horizon:
            times.popleft()
        return times

    def wait(self, *keys: str) -> timedelta | None:
        """How long until a login for these keys (user, address) may be tried; None: now."""
        waits = []
        for key in keys:
            times = self._recent(key)
            if len(times) >= self.limit:
                waits.append(times[0] + self.window - self.clock.now())
        return max(waits) if waits else None

    def failed(self, *keys: str) -> None:
        for key in keys:
            self._recent(key).append(self.clock.now())
        if len(self._failures) > 10_000:  # bounded memory under a spray of names
            self._failures = {k: v for k, v in self._failures.items() if self._recent(k)}

    def succeeded(self, *keys: str) -> None:
        for key in keys:
            self._failures.pop(key, None)
