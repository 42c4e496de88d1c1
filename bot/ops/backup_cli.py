"""`qunguan backup`: an online, consistent copy of the SQLite database."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from bot.cli_support import guarded, lang_option, run_async, settings_for
from bot.cli_text import LANG_HELP, h
from bot.ops.common import announce, audit_trail, opened, operator, translator
from bot.services.backup import backup_sqlite, default_target, sqlite_path
from bot.settings import Settings


def backup(
    out: Annotated[
        Path | None,
        typer.Option("--out", help=h("cli-help-backup-out")),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", callback=lang_option, help=h(LANG_HELP))
    ] = None,
) -> None:
    """Copy the SQLite database while the bot runs (PostgreSQL: pg_dump, docs/operations.md)."""

    def work() -> None:
        settings = settings_for("WARNING")
        source = sqlite_path(settings.database_url)
        now = datetime.now(UTC)
        target = out or default_target(settings.data_dir / "backups", now)
        result = backup_sqlite(source, target)
        run_async(_record(settings, result.path, result.size, result.sha256))
        t = translator(settings, lang)
        announce(settings, lang)
        typer.echo(
            t(
                "backup-done",
                path=str(result.path),
                size=f"{result.size / 1024:.0f} KiB",
                employees=result.rows["employee"],
                entries=result.rows["audit_entry"],
            )
        )

    guarded(work)


async def _record(settings: Settings, path: Path, size: int, digest: str) -> None:
    """The backup itself goes into the audit trail (of the live database)."""
    from bot.core.clock import SystemClock

    async with opened(settings):
        data = {"path": str(path), "bytes": size, "sha256": digest}
        async with audit_trail(settings, SystemClock()) as trail:
            await trail.append("backup", data, actor=operator())
