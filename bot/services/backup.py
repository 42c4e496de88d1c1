"""Backups of the embedded SQLite database: an online, consistent copy.

SQLite's backup API copies the database page by page through a connection of its own; done
in one step it reads one consistent snapshot, while the bot keeps running (tortoise opens
SQLite in WAL mode, so the bot's writes are not even blocked). The copy is checked with
`PRAGMA integrity_check` before it replaces anything. PostgreSQL is backed up with its own
tools (pg_dump); see docs/operations.md.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.core.errors import ConfigError
from bot.storage.db import dialect

TABLES = ("employee", "chat_group", "member_state", "warning", "action_record", "audit_entry")


@dataclass
class BackupResult:
    path: Path
    size: int
    sha256: str
    rows: dict[str, int]


def sqlite_path(url: str) -> Path:
    """The file of an SQLite URL; PostgreSQL is refused with what to do instead."""
    if dialect(url) != "sqlite":
        raise ConfigError(
            "DATABASE_URL", "is PostgreSQL: back it up with pg_dump (see docs/operations.md)"
        )
    path = Path(url.removeprefix("sqlite://").split("?", 1)[0])
    if not path.is_file():
        raise ConfigError("DATABASE_URL", f"no SQLite database at {path}")
    return path


def default_target(folder: Path, now: datetime) -> Path:
    return folder / f"qunguan-{now:%Y%m%d-%H%M%S}.sqlite3"


def backup_sqlite(source: Path, target: Path) -> BackupResult:
    """Copy `source` to `target` online; the copy is checked before it takes the name."""
    if target.exists():
        raise ConfigError("--out", f"{target} exists already; choose another name")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst)  # one step: one consistent snapshot
        status = dst.execute("PRAGMA integrity_check").fetchone()[0]
        if status != "ok":
            raise ConfigError(str(source), f"the copy failed its integrity check: {status}")
        rows = {t: _count(dst, t) for t in TABLES}
    finally:
        dst.close()
        src.close()
    os.replace(partial, target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    return BackupResult(target, target.stat().st_size, digest, rows)


def _count(conn: sqlite3.Connection, table: str) -> int:
    try:
        return int(conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
    except sqlite3.OperationalError:  # a database from before that table existed
        return 0
