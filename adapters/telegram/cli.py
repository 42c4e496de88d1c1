"""`qunguan telegram …`: Telegram-only commands. aiogram is imported only when one runs, so
the `qunguan` command works without the telegram extra."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="telegram",
    help="Telegram: check the bot's rights in every governed chat before running it.",
    no_args_is_help=True,
)


@app.command()
def check(
    config: Annotated[Path, typer.Option("--config", help="org and groups (YAML)")],
) -> None:
    """Connect, then say what the bot can and cannot do in each governed chat, and why."""
    from bot.cli_support import guarded, run_async, settings_for

    def work() -> None:
        from adapters.telegram.check import check_config

        settings = settings_for("WARNING")
        for line in run_async(check_config(settings, config)):
            typer.echo(line)

    guarded(work)
