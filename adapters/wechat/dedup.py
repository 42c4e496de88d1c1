"""Stable keys for chat lines, so a replayed or redrawn line is handled once.

The library's ids change when the window redraws, and a newly opened window can hand over its
history again. A line's key is therefore built from what does not change: the chat, the last
time marker shown above it (WeChat prints one after a pause), the sender, the content, and how
many identical lines the same sender posted since that marker. When a marker comes round
again (history replayed), counting starts afresh under it, so the replayed lines get the keys
they had the first time; genuinely new repeats count on past them and get new keys.
"""

from __future__ import annotations

import hashlib
from collections import Counter, deque

from adapters.wechat.driver import InMsg

RECENT = 500  # fingerprints remembered per chat for replays that start mid-way


def fingerprint(msg: InMsg) -> tuple[str, ...]:
    return (msg.attr, msg.display, msg.sender, msg.type, msg.content)


class ChatKeys:
    """The key of each line of one chat, in the order the library delivers them."""

    def __init__(self, chat: str) -> None:
        self.chat = chat
        self.anchor = ""
        self._counts: Counter[tuple[str, ...]] = Counter()
        self._recent: deque[tuple[str, ...]] = deque(maxlen=RECENT)
        self._recent_set: Counter[tuple[str, ...]] = Counter()

    def marker(self, when: str) -> None:
        """A time marker: lines after it are counted under it, from zero."""
        self.anchor = when
        self._counts = Counter()

    def key(self, msg: InMsg) -> str:
        fp = fingerprint(msg)
        self._counts[fp] += 1
        self._remember(fp)
        raw = "\x1f".join((self.chat, self.anchor, *fp, str(self._counts[fp])))
        return "wx:" + hashlib.sha1(raw.encode()).hexdigest()[:24]

    def seen_recently(self, msg: InMsg) -> bool:
        """Whether an identical line passed lately (a replay with no marker above it)."""
        return self._recent_set[fingerprint(msg)] > 0

    def _remember(self, fp: tuple[str, ...]) -> None:
        if len(self._recent) == self._recent.maxlen:
            old = self._recent[0]
            self._recent_set[old] -= 1
        self._recent.append(fp)
        self._recent_set[fp] += 1
