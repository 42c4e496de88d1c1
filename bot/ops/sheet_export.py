"""What the `… export` commands share (`roster export`, `notices export`, `points export`):
their options, in the command line's language, and where the sheet goes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from bot.cli_support import lang_option
from bot.cli_text import LANG_HELP, h
from bot.core.errors import ConfigError
from bot.settings import Settings

Out = Annotated[Path | None, typer.Option("--out", help=h("cli-help-export-out"))]
Config = Annotated[Path | None, typer.Option("--config", help=h("cli-help-config"))]
Platform = Annotated[str | None, typer.Option("--platform", help=h("cli-help-export-platform"))]
Lang = Annotated[str | None, typer.Option("--lang", callback=lang_option, help=h(LANG_HELP))]


def sheet_paths(
    settings: Settings, config: Path | None, out: Path | None, prefix: str
) -> tuple[Path, Path]:
    """The org config file to read and the xlsx to write (by default a new, time-stamped
    `DATA_DIR/exports/PREFIX-….xlsx`); a missing config or another suffix is a ConfigError."""
    path = config or settings.config_file
    if path is None:
        raise ConfigError("--config", "give the org and groups file (or set CONFIG_FILE)")
    target = (
        out or settings.data_dir / "exports" / f"{prefix}-{datetime.now(UTC):%Y%m%d-%H%M%S}.xlsx"
    )
    if target.suffix.lower() != ".xlsx":
        raise ConfigError("--out", f"expected an .xlsx file, got {target.name}")
    return path, target.resolve()
