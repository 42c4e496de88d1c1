"""`qunguan bench audit|soak|import`: the company-scale benchmarks (issue 14), registered on
the `bench` sub-app by bench/cli.py."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from bench.cli_options import DatabaseOption, JsonOption, RedisOption, SeedOption, show, storage_of


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
            bench_audit(groups, members, roster, seed=seed, **storage_of(database_url, redis_url))
        )

    show(guarded(work), as_json)


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

    show(guarded(work), as_json)


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

        storage = storage_of(database_url, None)
        return run_async(
            bench_import(rows, runs=runs, seed=seed, database_url=storage["database_url"])
        )

    show(guarded(work), as_json)
