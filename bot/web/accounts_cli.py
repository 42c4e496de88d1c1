"""`qunguan web user add|list|remove|reset`: the console's accounts. Passwords are read from
standard input (typed twice at a terminal), never taken as an argument."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer

from bot.cli_support import guarded, run_async, settings_for
from bot.cli_text import h
from bot.core.clock import SystemClock
from bot.core.errors import ConfigError
from bot.ops.common import announce, opened, operator, translator
from bot.settings import Settings

user_app = typer.Typer(help=h("cli-help-web-user"), no_args_is_help=True)


def need_web_extra() -> None:
    """The console's libraries are an extra: say how to get them rather than fail later."""
    import importlib.util

    missing = [
        m
        for m in ("starlette", "argon2", "uvicorn", "starlette_wtf", "multipart")
        if importlib.util.find_spec(m) is None
    ]
    if missing:
        raise ConfigError("qunguan web", "needs the web extra: pip install 'qunguan[web]'")


def _password(prompt: str) -> str:
    """From standard input: typed twice at a terminal, else the first line."""
    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass(prompt) != first:
            raise ConfigError("password", "the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _run_user(action: str, name: str | None = None) -> None:
    def work() -> None:
        need_web_extra()
        settings = settings_for("WARNING")
        t = translator(settings)
        password = _password("Password: ") if action in ("add", "reset") else ""
        lines = run_async(_user(settings, action, name or "", password))
        typer.echo("\n".join(lines) if lines else t("web-cli-no-users"))
        announce(settings)

    guarded(work)


async def _user(settings: Settings, action: str, name: str, password: str) -> list[str]:
    from bot.web import users

    clock, t = SystemClock(), translator(settings)
    async with opened(settings):
        if action == "add":
            await users.add(name, password, clock, operator())
        elif action == "reset":
            await users.reset(name, password, clock, operator())
        elif action == "remove":
            await users.remove(name, clock, operator())
        else:
            return [
                t(
                    "web-cli-user-line",
                    name=u.username,
                    created=f"{u.created_at:%Y-%m-%d}",
                    last=f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else "-",
                )
                for u in await users.listed()
            ]
    return [t(f"web-cli-user-{action}", name=name)]


@user_app.command("add", help=h("cli-help-web-user-add"))
def user_add(name: Annotated[str, typer.Argument(help=h("cli-help-web-user-name"))]) -> None:
    """Create a console account; its password is read from standard input."""
    _run_user("add", name)


@user_app.command("list", help=h("cli-help-web-user-list"))
def user_list() -> None:
    """List the console accounts."""
    _run_user("list")


@user_app.command("remove", help=h("cli-help-web-user-remove"))
def user_remove(name: Annotated[str, typer.Argument(help=h("cli-help-web-user-name"))]) -> None:
    """Remove a console account."""
    _run_user("remove", name)


@user_app.command("reset", help=h("cli-help-web-user-reset"))
def user_reset(name: Annotated[str, typer.Argument(help=h("cli-help-web-user-name"))]) -> None:
    """Set a new password (read from standard input)."""
    _run_user("reset", name)
