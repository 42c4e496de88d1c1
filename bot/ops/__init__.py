"""Operations commands: `qunguan roster …`, `qunguan audit-log …`, `qunguan backup`.

`register(app)` adds them to the main command line (bot/cli.py).
"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from bot.ops.backup_cli import backup
    from bot.ops.notices_cli import notices_app
    from bot.ops.points_cli import points_app
    from bot.ops.roster_cli import roster_app
    from bot.ops.trail_cli import audit_app

    app.add_typer(roster_app, name="roster")
    app.add_typer(audit_app, name="audit-log")
    app.add_typer(notices_app, name="notices")
    app.add_typer(points_app, name="points")
    from bot.cli_text import h

    app.command(help=h("cli-help-backup"))(backup)
