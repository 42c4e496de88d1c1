"""`qunguan backup`: an online copy of the SQLite database that is consistent even while
another process keeps writing, recorded in the audit trail; PostgreSQL is pointed to pg_dump."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from bot.core.errors import ConfigError
from bot.services.backup import backup_sqlite, sqlite_path
from bot.storage.db import Database
from bot.storage.models import AuditEntry
from tests.cli import qunguan

# Writes employees two at a time, each pair in one transaction, until killed.
WRITER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], timeout=30)
conn.execute("PRAGMA journal_mode=WAL")
n = 0
while True:
    with conn:
        for _ in range(2):
            n += 1
            conn.execute(
                "INSERT INTO employee (name, department, aliases, is_exec, status, created_at,"
                " updated_at) VALUES (?, '研发部', '[]', 0, 'active', '2026-11-23 01:00:00',"
                " '2026-11-23 01:00:00')", (f"员工{n}",))
"""


async def migrated(path: Path) -> None:
    db = Database(f"sqlite://{path}")
    await db.open()
    await db.close()


def employees(path: Path) -> int:
    with closing(sqlite3.connect(path, timeout=30)) as conn:
        return conn.execute("SELECT count(*) FROM employee").fetchone()[0]


def wait_for_more_rows(path: Path, than: int, timeout: float = 30.0) -> None:
    """Until the writer has committed more rows than `than` (it runs at its own pace)."""
    deadline = time.monotonic() + timeout
    while employees(path) <= than:
        assert time.monotonic() < deadline, f"the writer wrote nothing past {than} rows"
        time.sleep(0.01)


def test_copies_are_consistent_while_another_process_writes(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    asyncio.run(migrated(live))
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(live)])
    try:
        counts: list[int] = []
        for i in range(5):
            wait_for_more_rows(live, than=counts[-1] if counts else 0)
            result = backup_sqlite(live, tmp_path / f"copy{i}.sqlite3")
            counts.append(result.rows["employee"])
            conn = sqlite3.connect(result.path)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            conn.close()
    finally:
        writer.kill()
        writer.wait()
    assert all(n % 2 == 0 for n in counts), counts  # never half of a transaction
    assert counts == sorted(set(counts)) and counts[0] > 0  # the writer kept writing throughout


def test_refuses_to_overwrite_and_points_postgres_to_pg_dump(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    asyncio.run(migrated(live))
    backup_sqlite(live, tmp_path / "copy.sqlite3")
    with pytest.raises(ConfigError, match="exists already"):
        backup_sqlite(live, tmp_path / "copy.sqlite3")
    with pytest.raises(ConfigError, match="pg_dump"):
        sqlite_path("postgres://postgres@127.0.0.1:5432/qunguan")
    with pytest.raises(ConfigError, match="no SQLite database"):
        sqlite_path(f"sqlite://{tmp_path / 'missing.sqlite3'}")


@pytest.mark.slow
def test_the_command_line(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    asyncio.run(migrated(live))
    env = {"DATABASE_URL": f"sqlite://{live}", "LOCALE": "en", "DATA_DIR": str(tmp_path)}
    done = qunguan("backup", env=env)
    assert done.returncode == 0, done.stderr
    copies = list((tmp_path / "backups").glob("qunguan-*.sqlite3"))
    assert len(copies) == 1
    assert str(copies[0]) in done.stdout
    assert "integrity check passed" in done.stdout

    async def recorded() -> list[AuditEntry]:
        db = Database(f"sqlite://{live}")
        await db.open()
        try:
            return await AuditEntry.filter(kind="backup")
        finally:
            await db.close()

    (entry,) = asyncio.run(recorded())
    assert entry.data["path"] == str(copies[0])
    assert entry.actor is not None and entry.actor.startswith("cli")

    pg = qunguan("backup", env={"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x"})
    assert pg.returncode == 2
    assert pg.stderr.count("\n") == 1
    assert "pg_dump" in pg.stderr
