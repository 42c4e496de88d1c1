"""Options and output shared by the `qunguan bench` commands (bench/cli.py, cli_scale.py)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

JsonOption = Annotated[bool, typer.Option("--json", help="print one JSON object")]
SeedOption = Annotated[int, typer.Option("--seed", help="the same seed gives the same stream")]
DatabaseOption = Annotated[
    str | None,
    typer.Option("--database-url", help="PostgreSQL server to use (default: DATABASE_URL)"),
]
RedisOption = Annotated[
    str | None, typer.Option("--redis-url", help="Redis to use (default: REDIS_URL)")
]


def storage_of(database_url: str | None, redis_url: str | None) -> dict[str, Any]:
    """Where a storage benchmark runs: the options, else the settings (DATABASE_URL, …)."""
    from bot.cli_support import settings_for

    settings = settings_for("WARNING")
    return {
        "database_url": database_url or settings.database_url,
        "redis_url": redis_url or settings.redis_url,
        "redis_prefix": settings.redis_prefix,
    }


def show(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    for key, value in result.items():
        typer.echo(f"{key:>18}: {value}")
