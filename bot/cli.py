"""The `qunguan` command line. Bad input ends in one clear line on stderr, never a traceback."""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from loguru import logger

from adapters.telegram.cli import app as telegram_app  # imports no aiogram
from bench.cli import bench_app
from bot.core.errors import ConfigError
from bot.log import setup_logging
from bot.settings import Settings, load_settings

app = typer.Typer(
    name="qunguan",
    help="群管 Qunguan: governs company chat groups on WeChat, Telegram and the simulator.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(telegram_app)

app.add_typer(bench_app, name="bench")

T = TypeVar("T")
LANGS = {"zh_cn": "zh_CN", "zh-cn": "zh_CN", "zh": "zh_CN", "en": "en", "en_us": "en"}


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def guarded(work: Callable[[], T], *, verbose: bool = False) -> T:
    """Run `work` with settings errors and bad input turned into one line and exit 2.
    Anything unexpected is logged and reported as one line with exit 1."""
    try:
        return work()
    except ConfigError as err:
        raise fail(str(err)) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except Exception as exc:
        if verbose:
            logger.exception("unexpected failure")
        raise fail(f"unexpected {type(exc).__name__}: {exc} (rerun with --verbose)", 1) from None


def settings_for(level: str | None = None) -> Settings:
    settings = load_settings()
    setup_logging(level or settings.log_level)
    return settings


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def lang_option(value: str | None) -> str | None:
    if value is None:
        return None
    found = LANGS.get(value.replace(" ", "").lower())
    if found is None:
        raise typer.BadParameter("expected zh_CN or en")
    return found


@app.command()
def replay(
    file: Annotated[Path, typer.Argument(help="scenario file (YAML)")],
    as_json: Annotated[bool, typer.Option("--json", help="print the JSON report")] = False,
    files: Annotated[
        Path | None, typer.Option("--files", help="where sent files go (default: a new folder)")
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", callback=lang_option, help="zh_CN (default) or en")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", help="log what the bot does")] = False,
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


@app.command()
def demo(
    lang: Annotated[
        str | None, typer.Option("--lang", callback=lang_option, help="zh_CN (default) or en")
    ] = None,
) -> None:
    """Play a company morning on the simulator and show what the bot did."""

    def work() -> None:
        from adapters.sim.demo import run_demo

        settings = settings_for("WARNING")
        run_async(run_demo(settings, lang))

    guarded(work)


ADAPTERS = ("wechat", "telegram")


@app.command()
def run(
    adapter: Annotated[str, typer.Option("--adapter", help="wechat or telegram")],
    config: Annotated[Path, typer.Option("--config", help="org and groups (YAML)")],
    verbose: Annotated[bool, typer.Option("--verbose", help="log at DEBUG")] = False,
) -> None:
    """Run the bot on a real platform with the org and groups of a config file."""
    if adapter not in ADAPTERS:
        raise fail(f"--adapter: expected one of {', '.join(ADAPTERS)}, got {adapter!r}")

    def work() -> None:
        import importlib

        from bot.core.config_file import load_org_config

        settings = settings_for("DEBUG" if verbose else None)
        org, roster = load_org_config(config)
        runner = importlib.import_module(f"adapters.{adapter}.runner")
        run_async(runner.serve(settings, org, roster, config_path=config))

    guarded(work, verbose=True)


def main() -> None:
    app()


from bot.ops import register as _register_ops  # noqa: E402 - after the helpers it uses

_register_ops(app)
