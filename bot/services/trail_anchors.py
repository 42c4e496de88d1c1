"""Where the audit trail's anchors go for a given setup (docs/operations.md, "The audit trail").

- PostgreSQL with Redis configured (`REDIS_URL`): the stream `<REDIS_PREFIX>:audit:anchors`,
  shared by every instance of the bot and by the command line (like the counters, separated
  from other deployments on the same Redis by the prefix).
- PostgreSQL without Redis: the folder `audit-anchors` in `DATA_DIR`.
- SQLite: the folder `audit-anchors` beside the database file, always (one machine's file;
  and a replay, on its own temporary database, never touches a shared stream).
"""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings
from bot.storage.anchors import Anchors, FileAnchors, RedisAnchors
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
