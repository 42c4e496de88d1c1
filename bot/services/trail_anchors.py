"""Where the audit trail's anchors go for a given setup (docs/operations.md, "The audit trail").

- PostgreSQL with Redis configured (`REDIS_URL`): the stream `<REDIS_PREFIX>:audit:anchors`,
  shared by every instance of the bot and by the command line (like the counters, separated
  from other deployments on the same Redis by the prefix).
- PostgreSQL without Redis: the folder `audit-anchors` in `DATA_DIR`.
- SQLite: the folder `audit-anchors` beside the database file, always (one machine's file;
  and a replay, on its own temporary database, never touches a shared stream).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from bot.core.errors import ConfigError
from bot.services import trail_verify
from bot.services.trail_chain import Verdict
from bot.settings import Settings
from bot.storage.anchors import Anchor, Anchors, FileAnchors, RedisAnchors, anchor_errors
from bot.storage.db import dialect

FOLDER = "audit-anchors"


def anchors_for(settings: Settings) -> Anchors:
    url = settings.database_url
    if dialect(url) == "sqlite":
        database = Path(url.removeprefix("sqlite://").split("?", 1)[0])
        return FileAnchors(database.parent / FOLDER)
    if settings.redis_url:
        return RedisAnchors(settings.redis_url, f"{settings.redis_prefix}:audit:anchors")
    return FileAnchors(settings.data_dir / FOLDER)


@dataclass(frozen=True)
class Anchored:
    """A verification against the anchors: the verdict, the latest anchor read, and where."""

    verdict: Verdict
    latest: Anchor | None
    where: str


async def verify_anchored(
    anchors: Anchors,
    kept: Anchor | None = None,
    database: Callable[[], AbstractAsyncContextManager[object]] = nullcontext,
) -> Anchored:
    """What `qunguan audit-log verify` and the console check: the latest anchor kept apart is
    read first (an append meanwhile only adds after it), then the chain is verified holding
    it, then `kept`, an anchor given by hand. `database` opens the database (the console's is
    already open)."""
    try:
        latest = await anchors.latest()
    except anchor_errors() as exc:
        raise ConfigError(anchors.where, f"cannot read the audit anchors ({exc})") from None
    async with database():
        verdict = await trail_verify.verify(latest)
        if verdict.ok and kept is not None:
            verdict = await trail_verify.check_anchor(kept.seq, kept.hash) or verdict
    return Anchored(verdict, latest, anchors.where)
