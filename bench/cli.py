"""`qunguan bench rules|replay|audit|soak|import`: a typer sub-app, registered in bot/cli.py.

Each prints one JSON object with `--json`, else a short summary. Bad sizes or unreachable
servers end in one line on stderr and exit status 2, like every `qunguan` command.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

bench_app = typer.Typer(
    help="Measure the hot paths: the content check, the whole bot on the simulator, audits.",
    no_args_is_help=True,
)

JsonOption = Annotated[bool, typer.Option("--json", help="print one JSON object")]
SeedOption = Annotated[int, typer.Option("--seed", help="the same seed gives the same stream")]
DatabaseOption = Annotated[
    str | None,
    typer.Option("--database-url", help="PostgreSQL server to use (default: DATABASE_URL)"),
]
RedisOption = Annotated[
    str | None, typer.Option("--redis-url", help="Redis to use (default: REDIS_URL)")
]


def _storage(database_url: str | None, redis_url: str | None) -> dict[str, Any]:
    """Where a storage benchmark runs: the options, else the settings (DATABASE_URL, …)."""
    from bot.cli_support import settings_for

    settings = settings_for("WARNING")
    return {
        "database_url": database_url or settings.database_url,
        "redis_url": redis_url or settings.redis_url,
        "redis_prefix": settings.redis_prefix,
    }


def _show(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    for key, value in result.items():
        typer.echo(f"{key:>18}: {value}")


@bench_app.command("rules")
def rules(
    keywords: Annotated[int, typer.Option("--keywords", min=1, help="banned keywords")] = 1000,
    messages: Annotated[int, typer.Option("--messages", min=1, help="messages")] = 100_000,
    budget: Annotated[
        float, typer.Option("--budget", min=0.1, help="seconds for each baseline at most")
    ] = 5.0,
    seed: SeedOption = 7,
    as_json: JsonOption = False,
) -> None:
    """The content check (normalise + every rule) against regex-per-keyword and `in` loops."""
    from bot.cli_support import guarded, settings_for

    def work() -> dict[str, Any]:
        from bench.rules import bench_rules

        settings_for("WARNING")
        return bench_rules(keywords, messages, seed=seed, budget=budget)

    _show(guarded(work), as_json)


@bench_app.command("replay")
def replay(
    groups: Annotated[int, typer.Option("--groups", min=1, help="groups")] = 10,
    members: Annotated[int, typer.Option("--members", min=1, help="members per group")] = 100,
    messages: Annotated[int, typer.Option("--messages", min=1, help="messages")] = 20_000,
    instances: Annotated[
        int | None,
        typer.Option(
            "--instances",
            min=1,
            max=16,
            help="N bot processes on one database, each its own groups and messages",
        ),
    ] = None,
    database_url: DatabaseOption = None,
    redis_url: RedisOption = None,
    seed: SeedOption = 7,
    as_json: JsonOption = False,
) -> None:
    """The whole bot on the simulator: SQLite and memory counters unless URLs are set."""
    from bot.cli_support import guarded, run_async

    def work() -> dict[str, Any]:
        from bench.replay import bench_replay
        from bench.replay_instances import bench_instances

        storage = _storage(database_url, redis_url)
        if instances is not None:
            return run_async(
                bench_instances(instances, groups, members, messages, seed=seed, **storage)
            )
        return run_async(bench_replay(groups, members, messages, seed=seed, **storage))

    _show(guarded(work), as_json)


@bench_app.command("audit")
def audit(
    groups: Annotated[int, typer.Option("--groups", min=1, help="groups")] = 100,
    members: Annotated[
        int, typer.Option("--members", min=3, max=500, help="accounts per group, the bot included")
    ] = 500,
    roster: Annotated[
        int, typer.Option("--roster", min=1, help="employees on the roster")
    ] = 10_000,
    database_url: DatabaseOption = None,
    redis_url: RedisOption = None,
    seed: SeedOption = 7,
    as_json: JsonOption = False,
) -> None:
    """Two daily audits of a whole company (first read, then a steady day), storage included."""
    from bot.cli_support import guarded, run_async

    def work() -> dict[str, Any]:
        from bench.audit import bench_audit

        return run_async(
            bench_audit(groups, members, roster, seed=seed, **_storage(database_url, redis_url))
        )

    _show(guarded(work), as_json)


@bench_app.command("soak")
def soak(
    messages: Annotated[int, typer.Option("--messages", min=1, help="messages")] = 1_000_000,
    keywords: Annotated[int, typer.Option("--keywords", min=1, help="banned keywords")] = 1000,
    seed: SeedOption = 7,
    as_json: JsonOption = False,
) -> None:
    """Memory over time: messages through the content check and memory counters."""
    from bot.cli_support import guarded, settings_for

    def work() -> dict[str, Any]:
        from bench.soak import bench_soak

        settings_for("WARNING")
        return bench_soak(messages, keywords, seed=seed)

    _show(guarded(work), as_json)


@bench_app.command("import")
def import_(
    rows: Annotated[int, typer.Option("--rows", min=1, help="people in the file")] = 145_000,
    runs: Annotated[int, typer.Option("--runs", min=1, help="runs (min/median/max)")] = 3,
    database_url: DatabaseOption = None,
    seed: SeedOption = 7,
    as_json: JsonOption = False,
) -> None:
    """A roster import of a generated WeCom export: preview, apply, update, each in a fresh
    process, beside the bare parse with openpyxl and python-calamine."""
    from bot.cli_support import guarded, run_async

    def work() -> dict[str, Any]:
        from bench.import_bench import bench_import

        storage = _storage(database_url, None)
        return run_async(
            bench_import(rows, runs=runs, seed=seed, database_url=storage["database_url"])
        )

    _show(guarded(work), as_json)
