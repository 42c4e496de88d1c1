"""What every `qunguan` command shares: one clear line for bad input, settings, asyncio.

Used by bot/cli.py, the operations commands (bot/ops) and the adapters' and the bench's
sub-commands; it imports none of them, so each can import it without a cycle.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import typer
from loguru import logger

from bot.core.errors import ConfigError
from bot.log import setup_logging
from bot.settings import Settings, load_settings

T = TypeVar("T")
LANGS = {"zh_cn": "zh_CN", "zh-cn": "zh_CN", "zh": "zh_CN", "en": "en", "en_us": "en"}


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print `error: message` on stderr; the caller raises the returned exit."""
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
    """The settings, with logging set up at `level` (else the settings' own level)."""
    settings = load_settings()
    setup_logging(level or settings.log_level)
    return settings


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion from a synchronous command."""
    return asyncio.run(coro)


def lang_option(value: str | None) -> str | None:
    """The `--lang` callback: zh_CN or en, in the spellings people type."""
    if value is None:
        return None
    found = LANGS.get(value.replace(" ", "").lower())
    if found is None:
        raise typer.BadParameter("expected zh_CN or en")
    return found
