"""The `qunguan` command line. Bad input ends in one clear line on stderr, never a traceback."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from adapters.telegram.cli import app as telegram_app  # imports no aiogram
from bench.cli import bench_app
from bot.cli_support import fail, guarded, lang_option, run_async, settings_for
from bot.cli_text import LANG_HELP, h
from bot.ops import register as register_ops
from bot.web.cli import web_app

app = typer.Typer(
    name="qunguan",
    help=h("cli-help-main"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich's panels label every flag `<bool>`
)
app.add_typer(telegram_app)

app.add_typer(bench_app, name="bench")


@app.command(help=h("cli-help-replay"))
def replay(
    file: Annotated[Path, typer.Argument(help=h("cli-help-replay-file"))],
    as_json: Annotated[bool, typer.Option("--json", help=h("cli-help-replay-json"))] = False,
    files: Annotated[Path | None, typer.Option("--files", help=h("cli-help-replay-files"))] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", callback=lang_option, help=h(LANG_HELP))
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", help=h("cli-help-verbose"))] = False,
) -> None:
    """Dry-run a policy: play a scenario's timeline through the real bot on the simulator."""

    def work() -> None:
        from adapters.sim.replay import run_replay
        from adapters.sim.scenario import load_scenario
        from adapters.sim.timeline import Timeline

        settings = settings_for("INFO" if verbose else "WARNING")
        scenario = load_scenario(file)
        out = (files or Path(tempfile.mkdtemp(prefix="qunguan-files-"))).resolve()
        out.mkdir(parents=True, exist_ok=True)
        timeline = None if as_json else Timeline(scenario)
        report = run_async(
            run_replay(scenario, settings, files_dir=out, locale=lang, observer=timeline)
        )
        if as_json:
            sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        else:
            assert timeline is not None
            timeline.summary(report)

    guarded(work, verbose=verbose)


@app.command(help=h("cli-help-demo"))
def demo(
    lang: Annotated[
        str | None, typer.Option("--lang", callback=lang_option, help=h(LANG_HELP))
    ] = None,
) -> None:
    """Play a company morning on the simulator and show what the bot did."""

    def work() -> None:
        from adapters.sim.demo import run_demo

        settings = settings_for("WARNING")
        run_async(run_demo(settings, lang))

    guarded(work)


ADAPTERS = ("wechat", "telegram")


@app.command(help=h("cli-help-run"))
def run(
    adapter: Annotated[str, typer.Option("--adapter", help=h("cli-help-run-adapter"))],
    config: Annotated[Path, typer.Option("--config", help=h("cli-help-run-config"))],
    verbose: Annotated[bool, typer.Option("--verbose", help=h("cli-help-run-verbose"))] = False,
) -> None:
    """Run the bot on a real platform with the org and groups of a config file."""
    if adapter not in ADAPTERS:
        raise fail(f"--adapter: expected one of {', '.join(ADAPTERS)}, got {adapter!r}")

    def work() -> None:
        import importlib

        from bot.services.roster_file import load_org_config

        settings = settings_for("DEBUG" if verbose else None)
        org, roster = load_org_config(config)
        runner = importlib.import_module(f"adapters.{adapter}.runner")
        run_async(runner.serve(settings, org, roster, config_path=config))

    guarded(work, verbose=True)


def main() -> None:
    app()


register_ops(app)  # after the commands above, so `--help` lists them first
app.add_typer(web_app, name="web")
