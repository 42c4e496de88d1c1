"""`qunguan bench rules|replay|audit|soak|import`: a typer sub-app, registered in bot/cli.py.

Each prints one JSON object with `--json`, else a short summary. Bad sizes or unreachable
servers end in one line on stderr and exit status 2, like every `qunguan` command.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from bench.cli_options import DatabaseOption, JsonOption, RedisOption, SeedOption, show, storage_of
from bench.cli_scale import audit, import_, soak

bench_app = typer.Typer(
    help="Measure the hot paths: the content check, the whole bot on the simulator, audits.",
    no_args_is_help=True,
)


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

    show(guarded(work), as_json)


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

        storage = storage_of(database_url, redis_url)
        if instances is not None:
            return run_async(
                bench_instances(instances, groups, members, messages, seed=seed, **storage)
            )
        return run_async(bench_replay(groups, members, messages, seed=seed, **storage))

    show(guarded(work), as_json)


bench_app.command("audit")(audit)
bench_app.command("soak")(soak)
bench_app.command("import")(import_)
