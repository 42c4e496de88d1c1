"""Anchors: the audit trail's head, appended to a second place the bot never rewrites.

Each anchor is `SEQ:HASH` (entry SEQ of the trail had hash HASH), exactly what
`qunguan audit-log verify --anchor` takes. Someone who can write to the database can cut the
trail's tail and move its head back, or rewrite it from some entry onwards, and the chain
stays whole; the latest anchor, kept elsewhere, still names an entry and its hash.

- `FileAnchors`: one append-only text file per day (`anchors-YYYY-MM-DD.txt`, one line
  `SEQ:HASH TIME` per append), in a folder beside the database.
- `RedisAnchors`: a Redis stream (XADD), when Redis is configured: shared by every instance.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from redis.asyncio import Redis

ANCHOR = re.compile(r"^(\d+):([0-9a-f]{64})(?:\s|$)")
RECENT = 64  # stream entries looked at for the latest (appenders may finish out of order)


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Anchor | None:
        found = ANCHOR.match(text.strip())
        return cls(int(found[1]), found[2]) if found else None


class Anchors(Protocol):
    where: str  # for messages: the folder or the stream

    async def add(self, anchor: Anchor, at: datetime) -> None: ...

    async def latest(self) -> Anchor | None: ...

    async def close(self) -> None: ...


class FileAnchors:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.where = str(folder)

    async def add(self, anchor: Anchor, at: datetime) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"anchors-{at:%Y-%m-%d}.txt"
        with path.open("a", encoding="ascii") as out:  # O_APPEND: one line, one write
            out.write(f"{anchor} {at.isoformat()}\n")

    async def latest(self) -> Anchor | None:
        """The highest anchor in the newest file that has one (a torn last line is skipped)."""
        if not self.folder.is_dir():
            return None
        for path in sorted(self.folder.glob("anchors-*.txt"), reverse=True):
            text = path.read_text(encoding="ascii", errors="replace")
            found = [a for line in text.splitlines() if (a := Anchor.parse(line))]
            if found:
                return max(found, key=lambda a: a.seq)
        return None

    async def close(self) -> None:
        return None


def anchor_errors() -> tuple[type[Exception], ...]:
    """What writing or reading anchors may raise: OSError, and redis's own errors where redis
    is loaded. redis (several MB resident) is imported only by a process configured with
    Redis; where it is not loaded, nothing can raise its errors."""
    loaded = sys.modules.get("redis.exceptions")
    return (OSError,) if loaded is None else (OSError, loaded.RedisError)


class RedisAnchors:
    def __init__(self, url: str, key: str) -> None:
        from redis.asyncio import Redis

        self.redis: Redis = Redis.from_url(url)
        self.key = key
        self.where = f"redis stream {key}"

    async def add(self, anchor: Anchor, at: datetime) -> None:
        await self.redis.xadd(self.key, {"anchor": str(anchor), "at": at.isoformat()})

    async def latest(self) -> Anchor | None:
        rows = await self.redis.xrevrange(self.key, count=RECENT) or []
        texts = [_text((fields or {}).get(b"anchor")) for _, fields in rows]
        found = [a for text in texts if (a := Anchor.parse(text))]
        return max(found, key=lambda a: a.seq) if found else None

    async def close(self) -> None:
        await self.redis.aclose()


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value or "")
